"""The web app: one route table, each page's handler building one data object that is sent as HTML
or, at the same address with ``.json``, as JSON. Errors are numbered pages (or JSON) without stack
traces; every response carries the security headers.

    app = create_app(Config(db=Path("sourcetrace.db"), token=None))
"""
from __future__ import annotations

import logging
from html import escape
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route

from ..errors import Errors
from . import openapi
from .errors import WebError
from .pages import barometer, check, document, documents, indicators, ingest, source
from .render import Page, json_response, redirect, respond
from .state import Config, State

LOG = logging.getLogger("sourcetrace.web")


@dataclass(frozen=True)
class PageRoute:
    """A page at ``path`` and its JSON at ``path.json``; what the OpenAPI document says of it."""

    path: str
    handler: Callable
    summary: str
    schema: str  # the file in model/schemas/ that describes its JSON
    parameters: tuple = ()  # (name, in, type, description)


PAGES = (
    PageRoute("/documents", documents.handle, "Stored documents: full-text search and filters, a page at a time",
              "page-documents-1.json",
              (("q", "query", "string", "Words that must all occur in the title, outlet or text."),
               ("outlet", "query", "string", "The outlet, whole name, any case."),
               ("language", "query", "string", "ISO 639-1 code."),
               ("from", "query", "date", "Published on or after (YYYY-MM-DD)."),
               ("to", "query", "date", "Published on or before (YYYY-MM-DD)."),
               ("indicator", "query", "string", "Documents with a figure of this indicator id or group."),
               ("limit", "query", "integer", "Documents per page."), ("offset", "query", "integer", "Documents skipped."))),
    PageRoute("/doc/{id:int}", document.handle, "One document: its trace, its parties' source ids, its figures' grades",
              "page-document-1.json", (("id", "path", "integer", "The store's id of the document."),)),
    PageRoute("/source/{id:str}", source.handle, "A source: its registry entry and the figures that name it, with how they fared",
              "page-source-1.json", (("id", "path", "string", "A registry id (x.NAME for a name it does not know, anon.NAME for an unnamed party)."),
                                     ("limit", "query", "integer", "Figures per page."),
                                     ("offset", "query", "integer", "Figures skipped."))),
    PageRoute("/indicators", indicators.handle, "The indicators the store has figures of", "page-indicators-1.json"),
    PageRoute("/indicator/{id:str}", barometer.handle, "An indicator's barometer (schema barometer/2 inside)",
              "page-barometer-1.json", (("id", "path", "string", "An indicator id or name."),
                                        ("scope", "query", "string", "Only figures about this country or force."),
                                        ("from", "query", "month", "The first month (YYYY-MM)."),
                                        ("to", "query", "month", "The last month (YYYY-MM)."))),
    PageRoute("/check", check.handle, "A claim checked against the store (schema check/2 inside)", "page-check-1.json",
              (("claim", "query", "string", "The claim, as said."),
               ("published", "query", "date", "When it was said (YYYY-MM-DD); default today."))),
    PageRoute("/ingest/{job:str}", ingest.job, "An ingest started on this server, with its progress", "page-ingest-1.json",
              (("job", "path", "string", "The ingest's id."),)),
)


def create_app(config: Config) -> Starlette:
    """The app; ``app.state.sourcetrace.close()`` when done with it. Not on the ASGI lifespan's
    shutdown: a test client runs one lifespan a request, and the state outlives them."""
    state = State(config)
    routes = [Route("/", lambda request: redirect("/documents", 303), methods=["GET"]),
              Route("/openapi.json", lambda request: json_response(openapi.document(PAGES)), methods=["GET"]),
              Route("/ingest", _page_endpoint(state, ingest.form, html_only=True), methods=["GET"]),
              Route("/ingest", _upload_endpoint(state), methods=["POST"]),
              Route("/ingest.json", _upload_endpoint(state, as_json=True), methods=["POST"])]
    for page in PAGES:  # the .json route first: '{id:str}' would take 'x.json' whole
        routes.append(Route(page.path + ".json", _page_endpoint(state, page.handler, as_json=True), methods=["GET"]))
        routes.append(Route(page.path, _page_endpoint(state, page.handler), methods=["GET"]))
    app = Starlette(routes=routes,
                    exception_handlers={WebError: _web_error, HTTPException: _http_error, Exception: _failure})
    # Starlette's own '/documents/' -> '/documents' redirect writes an absolute URL from the request's
    # Host header and sends none of the security headers: _http_error redirects instead.
    app.router.redirect_slashes = False
    app.state.sourcetrace = state
    return app


def _page_endpoint(state: State, handler: Callable, as_json: bool = False, html_only: bool = False):
    async def endpoint(request: Request) -> Response:
        page: Page = await run_in_threadpool(handler, state, request)
        return respond(request, page, as_json and not html_only)
    return endpoint


def _upload_endpoint(state: State, as_json: bool = False):
    async def endpoint(request: Request) -> Response:
        page, headers = await ingest.upload(state, request)
        if as_json or _wants_json(request):
            return json_response(page.data, 202, headers)
        return redirect(headers["Location"], 303)
    return endpoint


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json") or "application/json" in request.headers.get("accept", "")


def _error_response(request: Request, error: WebError) -> Response:
    if _wants_json(request):
        return json_response(error.to_dict(), error.status, error.headers)
    page = Page(f"Error {error.status}", error.to_dict(), _error_body, status=error.status, headers=error.headers)
    return respond(request, page, as_json=False)


def _error_body(data: dict) -> str:
    error = data["error"]
    code = f'<code>{error["code"]}</code> ' if error["code"] else ""
    return (f'<p class="error">{code}{escape(error["message"])}</p>'
            '<p><a href="/documents">the documents</a> · <a href="/openapi.json">the API</a></p>')


async def _web_error(request: Request, exc: WebError) -> Response:
    return _error_response(request, exc)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    if exc.status_code == 404 and (target := without_slash(request)):
        return redirect(target, 307)
    if exc.status_code == 404:
        error = WebError(404, Errors.E701.format(path=printable(request.url.path[:200])))
    elif exc.status_code == 405:
        error = WebError(405, Errors.E709.format(method=request.method, allowed=exc.headers.get("Allow", "GET")
                                                 if exc.headers else "GET"), headers=exc.headers)
    else:
        error = WebError(exc.status_code, Errors.E706.format(name="the request", reason=exc.detail))
    return _error_response(request, error)


def without_slash(request: Request) -> str | None:
    """The address of a page here that ``request`` asked for with slashes after it ('/documents/?q=x'
    is '/documents?q=x'), as a path: a redirect to it goes to the server the browser asked, whatever
    its Host header said. None when no route takes the address without them."""
    path = request.url.path
    stripped = path.rstrip("/")
    if stripped == path or not stripped.startswith("/") or stripped.startswith(("//", "/\\")):
        return None  # '//host/' without its slash would be an address on another server
    scope = {**request.scope, "path": stripped}
    if all(route.matches(scope)[0] is Match.NONE for route in request.app.router.routes):
        return None
    query = request.scope.get("query_string", b"").decode("latin-1")
    return quote(stripped, safe="/:@!$&'()*+,;=~") + (f"?{query}" if query else "")


def printable(text: str) -> str:
    """``text`` as a page may repeat it: control characters (a NUL in the address) written as escapes."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


async def _failure(request: Request, exc: Exception) -> Response:
    LOG.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _error_response(request, WebError(500, Errors.E708.format(kind=type(exc).__name__)))
