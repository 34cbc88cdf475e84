"""One data object per page, rendered as HTML or as JSON by the address's extension (datasette's way):
``/doc/12`` is the page, ``/doc/12.json`` the same object as JSON. Every HTML page is written into
the one page template (``report/page.py``) with the one Content-Security-Policy builder, sent as a
header as well."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from html import escape
from typing import Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ..report import assets as report_assets
from ..report.page import content_security_policy, page as html_page
from . import assets
from .security import HEADERS, WEB_POLICY

NAV = (("/documents", "Documents"), ("/indicators", "Indicators"), ("/check", "Check a claim"),
       ("/ingest", "Ingest"), ("/openapi.json", "API"))


@dataclass
class Page:
    """What a handler returns: the data object (what .json sends) and how to show it."""

    title: str
    data: dict
    body: Callable[[dict], str]  # the HTML of ``data``, every string from outside escaped
    scripts: tuple[str, ...] = ()
    head: str = ""
    status: int = 200
    headers: dict = field(default_factory=dict)


def respond(request: Request, page: Page, as_json: bool) -> Response:
    if as_json:
        return json_response(page.data, page.status, page.headers)
    return html_response(request, page)


def json_response(data: dict, status: int = 200, headers: dict | None = None) -> Response:
    body = json.dumps(finite(data), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(body, status, {**HEADERS, **(headers or {})}, media_type="application/json")


def redirect(location: str, status: int) -> Response:
    """A redirect to ``location``, an address on this server written as a path ('/documents?q=x'),
    never built from the request's Host header; with the headers every response carries."""
    return RedirectResponse(location, status, headers=HEADERS)


def html_response(request: Request, page: Page) -> Response:
    scripts = list(page.scripts)
    body = layout(request, page)
    text = html_page(page.title, body, style=report_assets.STYLE + assets.STYLE, scripts=scripts, head=page.head,
                     **{k: v for k, v in WEB_POLICY.items() if k != "frame_ancestors"})
    policy = content_security_policy(scripts, **WEB_POLICY)
    return HTMLResponse(text, page.status, {**HEADERS, "Content-Security-Policy": policy, **page.headers})


def layout(request: Request, page: Page) -> str:
    here = request.url.path
    links = "".join(f'<a href="{path}"{" class=here" if here.startswith(path.split(".")[0]) else ""}>{label}</a>'
                    for path, label in NAV)
    json_link = ""
    if page.status < 400 and not here.endswith(".json") and here not in ("/ingest",):
        json_link = f'<a class="as-json" href="{escape(json_url(request))}">this page as JSON</a>'
    return (f'<header class="page"><nav>{links}{json_link}</nav><h1>{escape(page.title)}</h1></header>\n'
            f'<main>{page.body(page.data)}</main>')


def json_url(request: Request) -> str:
    path = "/documents" if request.url.path == "/" else request.url.path.rstrip("/")
    query = request.url.query
    return f"{path}.json" + (f"?{query}" if query else "")


def url(path: str, **query) -> str:
    """``path`` with the query parameters that have a value."""
    kept = {k: v for k, v in query.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


def finite(value):
    """The data with every non-finite float (an unbounded band) as null: JSON has no Infinity."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value
