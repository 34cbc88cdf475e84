"""From traced figures to observations: what one report says about one indicator's counts.

A figure becomes an observation when it counts something the registry knows (an indicator) as a
plain quantity — not a share, a multiplier or a change. Its chain's names are resolved to
registry ids (``source_id`` added to each link, ``name`` and ``span`` untouched) and the party
the chain ends at becomes its ``origin``: the key echoes are grouped by.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..model.chains import origin
from ..model.observation import Observation


def observations_from_traces(traces: Iterable[dict], registry) -> list[Observation]:
    found: list[Observation] = []
    for trace in traces:
        found.extend(observations_from_trace(trace, registry))
    return found


def observations_from_trace(trace: dict, registry) -> list[Observation]:
    document = trace["document"]
    outlet_country, text_country = _outlet_country(document, registry), document_country(document["text"])
    country = outlet_country or text_country  # settles generic source names: an outlet's own country
    out = []
    for figure in trace["figures"]:
        if not _countable(figure):
            continue
        chain = _resolved_chain(figure["attribution"], registry, country)
        period = figure.get("period") or {}
        out.append(Observation(
            id=f"{document['id']}#{figure['id']}",
            indicator=figure["indicator"],
            scope=figure.get("scope"),
            country=(country_of(figure.get("scope")) or _chain_country(chain, registry)
                     or outlet_country or text_country),
            period_start=period.get("start"),
            period_end=period.get("end") or (document.get("published") if period.get("start") else None),
            measure="rate" if figure.get("rate_per") else "total",
            rate_per=figure.get("rate_per"),
            low=figure.get("low"), high=figure.get("high"), value=figure.get("value"),
            bound=figure["bound"],
            document_id=document["id"], figure_id=figure["id"],
            origin=(origin(chain) or {}).get("source_id"),
            published=document.get("published"),
            chain=chain,
            notes=_notes(figure, document),
        ))
    return out


def country_of(scope: str | None) -> str | None:
    """'Ukrainian Armed Forces (UAF)', "Ukraine's military", 'Україна' → 'ua'; 'Valdoria' → 'xv':
    the registry's country words, so that --scope matches however a text names the country."""
    from ..registry.names import rules

    if not scope:
        return None
    words = set(re.findall(r"[^\W\d_]+", scope.lower().replace("’", "'")))
    for country, sides in rules().qualifiers.items():
        if words & set(sides.get("before", [])):
            return country
    return None


def _countable(figure: dict) -> bool:
    return (figure.get("indicator") is not None and figure.get("unit") == "count"
            and figure.get("kind", "quantity") == "quantity"
            and (figure.get("value") is not None or figure.get("low") is not None or figure.get("high") is not None))


def _chain_country(chain: list[dict], registry) -> str | None:
    """The country of the bodies a figure comes from (a ministry speaks of its own country's
    forces); agencies and outlets report on anywhere, so they do not count."""
    for link in reversed(chain):
        entry = registry.sources.get(link["source_id"]) or {}
        if entry.get("country") and entry.get("kind") not in ("news_agency", "outlet"):
            return entry["country"]
    return None


def _outlet_country(document: dict, registry) -> str | None:
    """A bare 'the Defence Ministry' in a Valdorian paper is Valdoria's: the outlet's country."""
    if not document.get("outlet"):
        return None
    return (registry.resolve_source(document["outlet"]).entry or {}).get("country")


def document_country(text: str) -> str | None:
    """The country a report is mostly about, by how often it is named ('Valdorian', 'Valdoria'):
    it settles generic names such as 'the Defence Ministry'."""
    from ..registry.names import rules

    lowered = text.lower()
    counts = {country: sum(len(re.findall(rf"\b{re.escape(word)}\b", lowered)) for word in sides.get("before", []))
              for country, sides in rules().qualifiers.items()}
    best = max(counts, key=counts.get, default=None)
    return best if best is not None and counts[best] > 0 else None


def _resolved_chain(links: list[dict], registry, country: str | None) -> list[dict]:
    """Each link resolved; a generic name ('the Defence Ministry') relayed by a Valdorian outlet
    is taken to be Valdoria's when the document itself does not say."""
    out, relayed_by = [], None
    for link in links:
        resolved = _resolved(link, registry, country)
        if resolved["source_id"].startswith("x.") and relayed_by not in (None, country):
            retry = _resolved(link, registry, relayed_by)  # the relay's country, when the text's differs
            resolved = retry if not retry["source_id"].startswith("x.") else resolved
        entry = registry.sources.get(resolved["source_id"])
        relayed_by = (entry or {}).get("country") or relayed_by
        out.append(resolved)
    return out


def _resolved(link: dict, registry, country: str | None) -> dict:
    """The link with ``source_id`` added; ``name`` and ``span`` stay as written."""
    match = registry.resolve_source(link["name"], anonymous=bool(link.get("anonymous")),
                                    vague=bool(link.get("vague")), country=country)
    return {**link, "source_id": match.id}


def _notes(figure: dict, document: dict) -> list[str]:
    notes = []
    if figure.get("hedges"):
        notes.append("hedged: " + ", ".join(repr(h["cue"]) for h in figure["hedges"]))
    if not figure.get("period"):
        notes.append("no period in the text")
    if not document.get("published"):
        notes.append("document has no publication date")
    return notes
