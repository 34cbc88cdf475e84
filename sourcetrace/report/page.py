"""The one HTML page every view is written into, and the one Content-Security-Policy builder.

    page("sourcetrace — report.txt", body, style=STYLE, scripts=[SCRIPT])

A page is one standalone file: its style and scripts are inline and it loads nothing. The policy
allows exactly the scripts handed in, by hash, so that were any text from a document ever to slip
through unescaped, a <script> or an onerror= in it would still be blocked by the browser. Whoever
builds ``body`` escapes every string that came from a document, a source or a user (``escape``);
the title is escaped here.
"""
from __future__ import annotations

import base64
import functools
import hashlib
from html import escape
from typing import Iterable

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{head}
<style>{style}</style>
</head>
<body>
{body}
{scripts}
</body>
</html>
"""
# Nothing but what the page itself carries: no fetches, no forms, no frames, no base to redirect.
POLICY = {
    "default-src": "'none'",
    "style-src": "'unsafe-inline'",
    "img-src": "'none'",
    "connect-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
}


def page(title: str, body: str, style: str = "", scripts: Iterable[str] = (), head: str = "", **policy: str) -> str:
    """The whole page. ``policy`` loosens a directive where a view needs it, e.g.
    ``img_src="data: blob:"`` for a chart library that draws into images, or ``form_action="'self'"``
    for a served page with a form. ``head``: more of the page's own markup for its head (a refresh)."""
    scripts = list(scripts)
    return TEMPLATE.format(csp=escape(content_security_policy(scripts, **policy)), title=escape(title), head=head,
                           style=style, body=body, scripts="\n".join(f"<script>{s}</script>" for s in scripts))


def content_security_policy(scripts: Iterable[str], **policy: str) -> str:
    """Only the given scripts may run (by their sha256); every other directive as ``POLICY`` says,
    unless ``policy`` (``img_src=...``) says otherwise."""
    directives = {**POLICY, **{name.replace("_", "-"): value for name, value in policy.items()}}
    directives["script-src"] = " ".join(f"'{script_hash(script)}'" for script in scripts) or "'none'"
    return "; ".join(f"{name} {value}" for name, value in directives.items())


@functools.lru_cache(maxsize=64)  # a served page's few scripts, hashed once each
def script_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


def script_json(data: str) -> str:
    """JSON text that cannot end the <script type="application/json"> block it is put in."""
    return data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
