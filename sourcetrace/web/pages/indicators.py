"""The indicators the store has figures of, each with its label and a link to its barometer."""
from __future__ import annotations

from html import escape
from urllib.parse import quote as url_quote

from ..render import Page

SCHEMA = "sourcetrace.page.indicators/1"


def handle(state, request) -> Page:
    facets = state.derived.get("facets", state.store.facets).value
    rows = [{"id": indicator, "label": state.registry.indicators.get(indicator, {}).get("label"),
             "figures": count, "path": f"/indicator/{url_quote(indicator)}"} for indicator, count in facets["indicators"]]
    return Page("Indicators", {"schema": SCHEMA, "indicators": rows}, body)


def body(data: dict) -> str:
    if not data["indicators"]:
        return '<p class="none">No figure in the store counts a known indicator yet.</p>'
    rows = "".join(f'<tr><td><a href="{escape(r["path"])}">{escape(r["label"] or r["id"])}</a></td>'
                   f'<td><code>{escape(r["id"])}</code></td><td class="n">{r["figures"]:,}</td></tr>'
                   for r in data["indicators"])
    return (f'<table class="list indicators"><tr><th>indicator</th><th>id</th><th>figures</th></tr>{rows}</table>')
