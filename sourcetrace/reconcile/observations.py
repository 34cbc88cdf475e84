"""From traced figures to observations: what one report says about one indicator's counts.

A figure becomes an observation when it counts something the registry knows (an indicator) as a
plain quantity — not a share, a multiplier or a change. Its chain's names are resolved to
registry ids (``source_id`` added to each link, and ``speaks_for_id`` where a person speaks for a
body; ``name`` and ``span`` untouched) and the party the chain ends at becomes its ``origin``: the
key echoes and revisions are grouped by.

Who the origin is decides what a report may do downstream (``Observation``): only a named origin
can stand among the named records, and only a named origin speaking first-hand can revise its own
earlier figure, or a named origin the report says updates or corrects its figure. An unnamed origin is keyed by the named link that vouches for it, because "a
source" told to two agencies is not known to be one source.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from ..model.chains import ORIGIN_ROLES
from ..model.observation import Observation


def observations_from_traces(traces: Iterable[dict], registry, indicators: set[str] | None = None) -> list[Observation]:
    """Every countable figure of ``traces`` (of ``indicators`` only, when given)."""
    resolver = Resolver(registry)
    found: list[Observation] = []
    for trace in traces:
        found.extend(observations_from_trace(trace, registry, resolver, indicators))
    return found


def observations_from_trace(trace: dict, registry, resolver: Resolver | None = None,
                            indicators: set[str] | None = None) -> list[Observation]:
    figures = [f for f in trace["figures"] if _countable(f) and (indicators is None or f["indicator"] in indicators)]
    if not figures:
        return []
    resolver = resolver or Resolver(registry)
    document = trace["document"]
    outlet_id, outlet_country = resolver.outlet(document.get("outlet"))
    text_country = _Lazy(lambda: document_country(document["text"]))  # counting country words is slow
    country = outlet_country or text_country()  # settles generic source names: an outlet's own country
    out = []
    for figure in figures:
        chain, facts = resolver.chain_facts(figure["attribution"], country, outlet_id)
        period = figure.get("period") or {}
        out.append(Observation(
            id=f"{document['id']}#{figure['id']}",
            indicator=figure["indicator"],
            scope=figure.get("scope"),
            country=country_of(figure.get("scope")) or facts.country or outlet_country or text_country(),
            period_start=period.get("start"),
            period_end=period.get("end") or (document.get("published") if period.get("start") else None),
            measure="rate" if figure.get("rate_per") else "total",
            rate_per=figure.get("rate_per"),
            low=figure.get("low"), high=figure.get("high"), value=figure.get("value"),
            bound=figure["bound"],
            document_id=document["id"], figure_id=figure["id"],
            origin=facts.origin if facts.vouched else f"{facts.origin}@{document['id']}",
            published=document.get("published"),
            origin_named=facts.named,
            first_hand=facts.first_hand,
            update=figure.get("update_span") is not None,
            chain=chain,
            notes=_notes(figure, document),
        ))
    return out


@dataclass(frozen=True)
class ChainFacts:
    """What a resolved chain says of an observation, the same for every report told through it."""

    ids: tuple[dict, ...]  # per link, what resolving added: ``source_id`` (and ``speaks_for_id``)
    origin: str | None  # ``_origin_key``, less the document for an unnamed origin no named link vouches for
    vouched: bool  # ``origin`` is whole (else the document's id is joined to it)
    named: bool
    first_hand: bool
    country: str | None  # ``_chain_country``


class _Lazy:
    """A value computed on first use, then kept."""

    def __init__(self, compute):
        self._compute, self._done, self._value = compute, False, None

    def __call__(self):
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value


class Resolver:
    """Registry lookups for many traces, each distinct question asked once (ten thousand reports
    name a few dozen parties)."""

    def __init__(self, registry):
        self.registry = registry
        self._sources: dict[tuple, str] = {}
        self._outlets: dict[str | None, tuple[str | None, str | None]] = {}
        self._facts: dict[tuple, ChainFacts] = {}

    def source_id(self, name: str, anonymous: bool = False, vague: bool = False, country: str | None = None) -> str:
        key = (name, anonymous, vague, country)
        if key not in self._sources:
            self._sources[key] = self.registry.resolve_source(name, anonymous=anonymous, vague=vague,
                                                              country=country).id
        return self._sources[key]

    def outlet(self, name: str | None) -> tuple[str | None, str | None]:
        """(id, country) of the outlet that published the document, when the registry knows it."""
        if name not in self._outlets:
            match = self.registry.resolve_source(name) if name else None
            self._outlets[name] = (match.id, (match.entry or {}).get("country")) if match else (None, None)
        return self._outlets[name]

    def chain_facts(self, links: list[dict], country: str | None, outlet_id: str | None
                    ) -> tuple[list[dict], ChainFacts]:
        """The chain resolved (``chain``) and what it says (``ChainFacts``), worked out once per
        distinct way of telling it: ten thousand reports come through a few dozen chains."""
        key = (tuple((link["name"], link["role"], bool(link.get("anonymous")), bool(link.get("vague")), link.get("via"),
                      (link.get("speaks_for") or {}).get("name")) for link in links), country, outlet_id)
        facts = self._facts.get(key)
        if facts is None:
            chain = self.chain(links, country)
            at = _origin_index(chain)
            named = at is not None and _named(chain[at])
            facts = self._facts[key] = ChainFacts(
                tuple({name: link[name] for name in ("source_id", "speaks_for_id") if name in link} for link in chain),
                *_origin(chain, at), named, named and _first_hand(chain, at, outlet_id),
                _chain_country(chain, self.registry))
            return chain, facts
        return [{**link, **ids} for link, ids in zip(links, facts.ids)], facts

    def chain(self, links: list[dict], country: str | None) -> list[dict]:
        """Each link resolved; a generic name ('the Defence Ministry') relayed by a Valdorian outlet
        is taken to be Valdoria's when the document itself does not say."""
        out, relayed_by = [], None
        for link in links:
            resolved = self._resolved(link, country)
            if resolved["source_id"].startswith("x.") and relayed_by not in (None, country):
                retry = self._resolved(link, relayed_by)  # the relay's country, when the text's differs
                resolved = retry if not retry["source_id"].startswith("x.") else resolved
            entry = self.registry.sources.get(resolved.get("speaks_for_id") or resolved["source_id"])
            relayed_by = (entry or {}).get("country") or relayed_by
            out.append(resolved)
        return out

    def _resolved(self, link: dict, country: str | None) -> dict:
        """The link with ``source_id`` added, and ``speaks_for_id`` when a person speaks for a body;
        ``name`` and ``span`` stay as written."""
        resolved = {**link, "source_id": self.source_id(link["name"], bool(link.get("anonymous")),
                                                         bool(link.get("vague")), country)}
        body = link.get("speaks_for")
        if body and body.get("name"):
            resolved["speaks_for_id"] = self.source_id(body["name"], country=country)
        return resolved


@functools.lru_cache(maxsize=4096)  # a corpus names its scopes the same few ways
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
        entry = registry.sources.get(party_id(link)) or {}
        if entry.get("country") and entry.get("kind") not in ("news_agency", "outlet"):
            return entry["country"]
    return None


def document_country(text: str) -> str | None:
    """The country a report is mostly about, by how often it is named ('Valdorian', 'Valdoria'):
    it settles generic names such as 'the Defence Ministry'."""
    from ..registry.names import rules

    lowered = text.lower()
    counts = {country: sum(len(re.findall(rf"\b{re.escape(word)}\b", lowered)) for word in sides.get("before", []))
              for country, sides in rules().qualifiers.items()}
    best = max(counts, key=counts.get, default=None)
    return best if best is not None and counts[best] > 0 else None


def party_id(link: dict) -> str:
    """Who a link stands for: the body a person speaks for, else the person or body named."""
    return link.get("speaks_for_id") or link["source_id"]


def _origin_index(chain: list[dict]) -> int | None:
    """Where the link the chain goes back to stands (the farthest of the first role of
    ``model.chains.ORIGIN_ROLES`` it has, as ``chains.origin`` picks it); None when the chain names
    only relays, so that who first said it is not known."""
    roles = [link["role"] for link in chain]
    for role in ORIGIN_ROLES:
        if role in roles:
            return len(roles) - 1 - roles[::-1].index(role)
    return None


def _named(link: dict) -> bool:
    return not link.get("anonymous") and not link.get("vague")


def _origin_key(chain: list[dict], at: int | None, document_id: str) -> str | None:
    """The origin's id; an unnamed origin's id joined to the named link nearest above it, or to the
    document when no named link vouches for it (see the module docstring)."""
    key, whole = _origin(chain, at)
    return key if whole else f"{key}@{document_id}"


def _origin(chain: list[dict], at: int | None) -> tuple[str | None, bool]:
    """``_origin_key`` and whether it is whole: False for an unnamed origin no named link vouches for,
    whose key the document's id completes."""
    if at is None:
        return None, True
    origin = chain[at]
    if _named(origin):
        return party_id(origin), True
    voucher = next((party_id(link) for link in reversed(chain[:at]) if _named(link)), None)
    return (f"{origin['source_id']}@{voucher}", True) if voucher else (origin["source_id"], False)


def _first_hand(chain: list[dict], at: int, outlet_id: str | None) -> bool:
    """Nothing stands between the origin and the report but the reporting outlet itself (its own
    voice, its dateline, or its name: 'the ministry told the Courier' in the Courier)."""
    return all(link["role"] == "outlet" or link.get("via") == "dateline"
               or (outlet_id is not None and link["source_id"] == outlet_id) for link in chain[:at])


def _notes(figure: dict, document: dict) -> list[str]:
    notes = []
    if figure.get("hedges"):
        notes.append("hedged: " + ", ".join(repr(h["cue"]) for h in figure["hedges"]))
    if not figure.get("period"):
        notes.append("no period in the text")
    if not document.get("published"):
        notes.append("document has no publication date")
    return notes
