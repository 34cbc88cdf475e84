"""Who may write, what a response tells the browser to refuse, and which addresses are this machine.

Reading needs nothing; every write (an upload) needs the bearer token, which comes from an environment
variable or a file. With no token configured, writes are off. Tokens are compared in constant time.
"""
from __future__ import annotations

import hmac
import ipaddress
import os
from pathlib import Path

from ..errors import Errors
from .errors import WebError

LOCAL_NAMES = ("localhost",)
# Sent with every response. The page's own Content-Security-Policy (report/page.py, which allows only
# its scripts by hash) is sent as a header too, so that it also covers frame-ancestors.
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# What the app's pages need beyond report/page.py's policy: forms and polling go to this server only.
WEB_POLICY = {"form_action": "'self'", "connect_src": "'self'", "frame_ancestors": "'none'"}


def load_token(env: str, token_file: str | None) -> str | None:
    """The token from ``token_file`` (its first line) or else the environment variable ``env``."""
    if token_file:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except (OSError, UnicodeError) as exc:
            raise ValueError(Errors.E710.format(path=token_file, reason=exc)) from exc
        token = (text.splitlines() or [""])[0].strip()
        if not token:
            raise ValueError(Errors.E711.format(path=token_file))
        return token
    return os.environ.get(env, "").strip() or None


def check_token(expected: str | None, given: str | None, env: str) -> None:
    """Raise the error that fits unless ``given`` is the configured token."""
    if expected is None:
        raise WebError(403, Errors.E702.format(env=env))
    if not given or not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise WebError(401, Errors.E703, headers={"WWW-Authenticate": 'Bearer realm="sourcetrace"'})


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer TOKEN`` header."""
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def is_local(host: str) -> bool:
    """The address is this machine only (a loopback address or 'localhost')."""
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def safe_url(url: str | None) -> str | None:
    """A URL a page may link to: http or https only. Anything else (javascript:, data:, vbscript:)
    is shown as text, never as a link."""
    if url and url.strip().lower().startswith(("http://", "https://")) and not any(c in url for c in "\r\n\t"):
        return url.strip()
    return None
