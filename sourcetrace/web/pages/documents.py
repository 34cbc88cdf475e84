"""The documents: full-text search and filters by outlet, language, date and indicator, a page at a time."""
from __future__ import annotations

from html import escape

from ...refresh import is_stale
from ...store.queries import RANKED, SNIPPET_MARKS
from .. import params
from ..render import Page, url

SCHEMA = "sourcetrace.page.documents/1"
FILTERS = ("q", "outlet", "language", "from", "to", "indicator")


def handle(state, request) -> Page:
    query = request.query_params
    filters = {"q": params.text(query, "q"), "outlet": params.text(query, "outlet"),
               "language": params.text(query, "language", 20), "from": params.day(query, "from"),
               "to": params.day(query, "to"), "indicator": params.text(query, "indicator", 100)}
    limit = params.integer(query, "limit", state.settings["page_size"], 1, state.settings["max_page_size"])
    offset = params.integer(query, "offset", 0, 0, 10**9)
    total, rows = state.store.search(text=filters["q"], outlet=filters["outlet"], language=filters["language"],
                                     published_from=filters["from"], published_to=filters["to"],
                                     indicator=filters["indicator"], limit=limit, offset=offset)
    facets = state.derived.get("facets", state.store.facets).value
    data = {"schema": SCHEMA, "filters": filters, "total": total, "offset": offset, "limit": limit,
            "next": url("/documents.json", **filters, limit=limit, offset=offset + limit)
            if offset + limit < total else None,
            "previous": url("/documents.json", **filters, limit=limit, offset=max(0, offset - limit)) if offset else None,
            "documents": [_row(row) for row in rows],
            "facets": {name: [{"value": value, "count": count} for value, count in values]
                       for name, values in facets.items()}}
    return Page("Documents", data, body)


def _row(row: dict) -> dict:
    found = {**row, "stale": is_stale(row["generator"] or {}), "path": f"/doc/{row['id']}"}
    if "snippet" in found:
        found["snippet"], found["snippet_marks"] = unmark(found["snippet"])
    return found


def unmark(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet's text and where the words found are in it ([start, end) each)."""
    text, marks, start = [], [], None
    length = 0
    for char in snippet:
        if char == SNIPPET_MARKS[0]:
            start = length
        elif char == SNIPPET_MARKS[1] and start is not None:
            marks.append([start, length])
            start = None
        else:
            text.append(char)
            length += 1
    return "".join(text), marks


def body(data: dict) -> str:
    return form_html(data) + summary_html(data) + table_html(data["documents"]) + pages_html(data)


def form_html(data: dict) -> str:
    filters, facets = data["filters"], data["facets"]
    value = lambda name: escape(filters.get(name) or "")  # noqa: E731
    return (
        '<form class="filters" method="get" action="/documents" role="search">'
        f'<input type="search" name="q" value="{value("q")}" placeholder="words in the title, outlet or text" '
        'aria-label="search">'
        f'{select("outlet", facets["outlets"], filters["outlet"])}'
        f'{select("language", facets["languages"], filters["language"])}'
        f'{select("indicator", facets["indicators"], filters["indicator"])}'
        f'<label>from <input type="date" name="from" value="{value("from")}"></label>'
        f'<label>to <input type="date" name="to" value="{value("to")}"></label>'
        '<button type="submit">Search</button></form>')


def select(name: str, options: list[dict], chosen: str | None) -> str:
    items = "".join(f'<option value="{escape(o["value"])}"{" selected" if o["value"] == chosen else ""}>'
                    f'{escape(o["value"])} ({o["count"]:,})</option>' for o in options)
    return f'<select name="{name}" aria-label="{name}"><option value="">any {name}</option>{items}</select>'


def summary_html(data: dict) -> str:
    shown = len(data["documents"])
    if not data["total"]:
        return '<p class="none">No document matches. Loosen the filters.</p>'
    first = data["offset"] + 1
    order = (f" (more than {RANKED:,} match: the newest stored first)" if data["filters"]["q"] and data["total"] > RANKED
             else " (best match first)" if data["filters"]["q"] else "")
    return f'<p class="summary">{first:,}–{first + shown - 1:,} of {data["total"]:,} documents{order}</p>'


def table_html(rows: list[dict]) -> str:
    if not rows:
        return ""
    head = "<tr><th>id</th><th>title</th><th>outlet</th><th>published</th><th>language</th><th>figures</th></tr>"
    return f'<table class="list documents">{head}{"".join(row_html(row) for row in rows)}</table>'


def row_html(row: dict) -> str:
    title = escape(row["title"] or row["external_id"] or row["input"] or f"document {row['id']}")
    snippet = f'<div class="snippet">{snippet_html(row)}</div>' if row.get("snippet") else ""
    return (f'<tr><td>{row["id"]}</td><td><a href="{row["path"]}">{title}</a>{snippet}</td>'
            f'<td>{escape(row["outlet"] or "")}</td><td>{escape(row["published"] or "")}</td>'
            f'<td>{escape(row["language"] or "")}</td><td class="n">{row["figures"]}</td></tr>')


def snippet_html(row: dict) -> str:
    text, out, at = row["snippet"], [], 0
    for start, end in row["snippet_marks"]:
        out += [escape(text[at:start]), f"<mark>{escape(text[start:end])}</mark>"]
        at = end
    return "".join(out) + escape(text[at:])


def pages_html(data: dict) -> str:
    links = [f'<a rel="{rel}" href="{escape(target.replace(".json", "", 1))}">{label}</a>'
             for rel, label, target in (("prev", "← previous", data["previous"]), ("next", "next →", data["next"]))
             if target]
    return f'<nav class="pages">{" ".join(links)}</nav>' if links else ""
