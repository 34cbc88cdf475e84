"""A source: its registry entry and every figure whose chain names it — what it originated, relayed,
derived or holds the record of — with how each fared in its indicator's barometer (its credibility:
confirmed by another origin, contradicted, disputed, superseded, or not checkable)."""
from __future__ import annotations

from collections import Counter
from html import escape
from urllib.parse import quote as url_quote

from ...errors import Errors
from .. import parties, params
from ..errors import WebError
from ..render import Page, url
from .barometer import barometer_key, compute

SCHEMA = "sourcetrace.page.source/1"
# The Admiralty credibility scale, in words.
CREDIBILITY = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
               6: "cannot be judged"}


def source_index(state, fresh: bool = False) -> tuple[dict, dict]:
    """(source id → the figures naming it, source id → the other claims naming it): ``parties.index``."""
    return state.derived.get("sources", lambda: parties.index(state.store.stored_traces(), state.registry),
                             fresh=fresh).value


def handle(state, request) -> Page:
    source_id = request.path_params["id"]
    entry = state.registry.sources.get(source_id)
    figures, claims = (found.get(source_id, []) for found in source_index(state))
    if entry is None and not figures and not claims:  # a party of a document stored since the index was made?
        figures, claims = (found.get(source_id, []) for found in source_index(state, fresh=True))
    if entry is None and not figures and not claims:
        raise WebError(404, Errors.E713.format(id=source_id))
    limit = params.integer(request.query_params, "limit", state.settings["page_size"], 1, state.settings["max_page_size"])
    offset = params.integer(request.query_params, "offset", 0, 0, 10**9)
    fates = Fates(state)
    shown = [{**f, "path": f"/doc/{f['document_id']}#{url_quote(f['figure_id'])}", "fate": fates.of(f)}
             for f in figures[offset:offset + limit]]
    here = f"/source/{url_quote(source_id, safe='')}"
    data = {"schema": SCHEMA, "id": source_id, "entry": entry, "names": sorted({f["name"] for f in figures + claims}),
            "total": len(figures), "offset": offset, "limit": limit,
            "roles": dict(Counter(f["role"] for f in figures).most_common()),
            "next": url(f"{here}.json", limit=limit, offset=offset + limit) if offset + limit < len(figures) else None,
            "previous": url(f"{here}.json", limit=limit, offset=max(0, offset - limit)) if offset else None,
            "fates_pending": sorted(fates.pending), "figures": shown, "claims": claims[:state.settings["max_page_size"]]}
    name = (entry or {}).get("name") or (data["names"][0] if data["names"] else source_id)
    return Page(f"Source: {name}", data, body)


class Fates:
    """How a figure fared in its indicator's barometer, from the barometers already worked out; the
    missing ones are started in the background (``pending``) so that a reload shows them."""

    def __init__(self, state):
        self.state = state
        self.lookups: dict[str, dict | None] = {}
        self.pending: set[str] = set()

    def of(self, figure: dict) -> dict | None:
        indicator = figure["indicator"]
        if not indicator:
            return None
        if indicator not in self.lookups:
            self.lookups[indicator] = self._lookup(indicator)
        found = (self.lookups[indicator] or {}).get(f"{figure['external_id']}#{figure['figure_id']}")
        return found if found else None

    def _lookup(self, indicator: str) -> dict | None:
        try:
            key = barometer_key(indicator)
            result = self.state.derived.get(key, compute(self.state, indicator, None, None, None), wait=False)
        except LookupError:
            return None
        if result is None:
            self.pending.add(indicator)
            return None
        return fates(result.value["barometer"], indicator)


def fates(barometer: dict, indicator: str) -> dict[str, dict]:
    """Observation id → its fate; an echo's fate is its original's, said to be an echo."""
    found = {}
    for obs in barometer["observations"] + barometer["related_observations"]:
        grade = obs.get("grade") or {}
        fate = {"barometer": f"/indicator/{url_quote(indicator)}", "observation": obs["id"],
                "status": status(obs), "credibility": grade.get("credibility"),
                "reason": grade.get("credibility_reason"), "echo_of": None}
        found[obs["id"]] = fate
        for echo in obs["echoes"]:
            found[f"{echo['document_id']}#{echo['figure_id']}"] = {**fate, "echo_of": obs["id"]}
    return found


def status(obs: dict) -> str:
    if obs["contradicted"]:
        return "contradicted"
    if obs["dispute"]:
        return "disputed"
    if obs["superseded_by"]:
        return "superseded"
    credibility = (obs.get("grade") or {}).get("credibility")
    return CREDIBILITY.get(credibility, "stands")


def body(data: dict) -> str:
    return entry_html(data) + roles_html(data) + figures_html(data) + pages_html(data) + claims_html(data)


def entry_html(data: dict) -> str:
    entry = data["entry"]
    if entry is None:
        kind = "an unnamed party" if data["id"].startswith("anon.") else "a name the registry does not know"
        return (f'<p class="meta">Not in the registry: {kind}, known here by id {escape(data["id"])}, written '
                f'{escape(", ".join(data["names"][:8]))}.</p>')
    rows = "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(_plain(v))}</td></tr>" for k, v in entry.items())
    return f'<h2>Registry entry <code>{escape(data["id"])}</code></h2><table class="entry">{rows}</table>'


def _plain(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def roles_html(data: dict) -> str:
    if not data["total"]:
        return '<p class="none">No stored figure names this source.</p>'
    roles = ", ".join(f"{role} {count:,}" for role, count in data["roles"].items())
    pending = (f'<p class="meta">Working out the barometers of {escape(", ".join(data["fates_pending"]))}: '
               "reload in a moment to see how these figures fared.</p>") if data["fates_pending"] else ""
    return f'<p class="summary">{data["total"]:,} figures name it: {escape(roles)}.</p>{pending}'


def figures_html(data: dict) -> str:
    if not data["figures"]:
        return ""
    head = "<tr><th>figure</th><th>as</th><th>document</th><th>indicator</th><th>how it fared</th></tr>"
    return f'<table class="list figures">{head}{"".join(figure_row(f) for f in data["figures"])}</table>'


def figure_row(f: dict) -> str:
    role = f["role"] + (", anonymous" if f["anonymous"] else "") + (", vague" if f["vague"] else "")
    document = f'{f["outlet"] or "?"}, {f["published"] or "undated"}: {f["title"] or f["external_id"] or ""}'
    return (f'<tr><td><a href="{escape(f["path"])}">“{escape(f["text"])}”</a>'
            f'<div class="sentence">{escape(f["sentence"])}</div></td><td>{escape(role)} as “{escape(f["name"])}”</td>'
            f'<td>{escape(document)}</td><td>{escape(f["indicator"] or "—")}</td><td>{fate_html(f["fate"])}</td></tr>')


def fate_html(fate: dict | None) -> str:
    if not fate:
        return '<span class="none">not in a barometer</span>'
    echo = f' (echo of {escape(fate["echo_of"])})' if fate["echo_of"] else ""
    return (f'<a href="{escape(fate["barometer"])}">{escape(fate["status"])}</a>{echo}'
            f'<div class="reason">{escape(fate["reason"] or "")}</div>')


def claims_html(data: dict) -> str:
    """Incidents and claims with only a vague source that name it (no figure to fare in a barometer)."""
    if not data.get("claims"):
        return ""
    rows = "".join(f'<tr><td><a href="{escape(c["path"])}">“{escape(c["text"][:300])}”</a></td>'
                   f'<td>{escape(c["kind"])}: {escape(c["role"])} as “{escape(c["name"])}”</td>'
                   f'<td>{escape(c["outlet"] or "?")}, {escape(c["published"] or "undated")}: {escape(c["title"] or "")}</td></tr>'
                   for c in data["claims"])
    return (f'<h2>Other claims that name it ({len(data["claims"]):,})</h2>'
            f'<table class="list claims"><tr><th>claim</th><th>as</th><th>document</th></tr>{rows}</table>')


def pages_html(data: dict) -> str:
    links = [f'<a rel="{rel}" href="{escape(target.replace(".json", "", 1))}">{label}</a>'
             for rel, label, target in (("prev", "← previous", data["previous"]), ("next", "next →", data["next"]))
             if target]
    return f'<nav class="pages">{" ".join(links)}</nav>' if links else ""
