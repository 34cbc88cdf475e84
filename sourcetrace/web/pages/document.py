"""A document: its text with every span highlighted by kind, its claims beside it (the same section as
``trace --format html``), each party of a chain linked to its source page, and each figure's grades
and barometer."""
from __future__ import annotations

from html import escape
from urllib.parse import quote as url_quote

from ...errors import Errors
from ...model.records import Trace
from ...reconcile.grades import grade_reliability
from ...reconcile.observations import observations_from_trace
from ...refresh import is_stale
from ...report import assets as report_assets
from ...report.html import Extras, document_name, document_section
from .. import parties
from ..errors import WebError
from ..render import Page
from .barometer import barometer_key

SCHEMA = "sourcetrace.page.document/1"
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id is no document's


def handle(state, request) -> Page:
    document_id = request.path_params["id"]
    row = state.store.document(document_id) if document_id <= MAX_ID else None
    trace = state.store.get_trace(document_id) if row else None
    if trace is None:
        raise WebError(404, Errors.E700.format(id=document_id))
    resolved = parties.resolve(trace, state.resolver)
    data = {"schema": SCHEMA, "id": document_id, "path": f"/doc/{document_id}",
            "document": {**row, "stale": is_stale(row["generator"] or {})}, "trace": trace,
            "sources": [{"name": k[0], "span": list(k[1]) if k[1] else None, **v} for k, v in resolved.items()],
            "grades": grades(state, trace)}
    return Page(document_name(Trace.from_dict(trace)), data, body, scripts=(report_assets.SCRIPT,))


def grades(state, trace: dict) -> dict[str, dict]:
    """Figure id → its Admiralty grades: reliability from its chain; credibility from the barometer of
    its indicator when one has been worked out (how the figure fared against the other reports)."""
    observations = observations_from_trace(trace, state.registry, state.resolver)
    grade_reliability(observations, state.registry)
    found = {}
    for obs in observations:
        shown = {"indicator": obs.indicator, "barometer": f"/indicator/{url_quote(obs.indicator)}",
                 "reliability": obs.grade.reliability, "reliability_reason": obs.grade.reliability_reason,
                 "credibility": None, "credibility_reason": "see the barometer"}
        computed = state.derived.peek(barometer_key(obs.indicator))
        fared = _observation(computed.value["barometer"], obs.id) if computed else None
        if fared and fared.get("grade"):
            shown.update(credibility=fared["grade"]["credibility"], credibility_reason=fared["grade"]["credibility_reason"])
        found[obs.figure_id] = shown
    return found


def _observation(barometer: dict, obs_id: str) -> dict | None:
    return next((o for o in barometer["observations"] + barometer["related_observations"] if o["id"] == obs_id), None)


def body(data: dict) -> str:
    trace = Trace.from_dict(data["trace"])
    ids = {(s["name"], tuple(s["span"]) if s["span"] else None): s for s in data["sources"]}

    def source_href(link) -> str | None:
        found = ids.get((link.name, tuple(link.span) if link.span else None))
        return f"/source/{url_quote(found['source_id'], safe='')}" if found else None

    def figure_lines(figure) -> list[str]:
        grade = data["grades"].get(figure.id)
        if not grade:
            return []
        credibility = f"{grade['credibility']}" if grade["credibility"] else "?"
        return [f'<div class="grade">grade <b>{escape(grade["reliability"])}{escape(credibility)}</b>: '
                f'{escape(grade["reliability_reason"])}; {escape(grade["credibility_reason"])} · '
                f'<a href="{escape(grade["barometer"])}">barometer of {escape(grade["indicator"])}</a></div>']

    return meta_html(data) + document_section(trace, 1, Extras(source_href, figure_lines), heading=False)


def meta_html(data: dict) -> str:
    row = data["document"]
    facts = [("store id", str(row["id"])), ("own id", row["external_id"]), ("input", row["input"]),
             ("ingested", row["ingested_at"]), ("traced by", "older code: retrace it" if row["stale"] else "this code")]
    shown = " · ".join(f"{label}: {escape(value)}" for label, value in facts if value)
    return f'<p class="meta store">{shown}</p>'
