"""What ``sourcetrace sources`` and ``sourcetrace indicators`` show: the entries of one section of the
registry, filtered, and for a search what the text searched for itself resolves to. As JSON it has
the shape of a registry file, so it can be saved, edited and given back with --registry."""
from __future__ import annotations

from dataclasses import dataclass

from .registry import Registry


@dataclass
class Listing:
    section: str  # "sources" or "indicators"
    entries: dict[str, dict]
    note: str | None = None  # for a search: what the text itself resolves to

    def to_dict(self) -> dict:
        return {self.section: self.entries}


def sources(registry: Registry, kind: str | None = None, search: str | None = None) -> Listing:
    ids = registry.search_sources(search) if search is not None else list(registry.sources)
    entries = {source_id: registry.sources[source_id] for source_id in ids
               if kind is None or registry.sources[source_id]["kind"] == kind}
    return Listing("sources", entries, resolution(registry, search) if search is not None else None)


def indicators(registry: Registry) -> Listing:
    return Listing("indicators", dict(registry.indicators))


def resolution(registry: Registry, text: str) -> str:
    match = registry.resolve_source(text)
    if match.known:
        return f"{text!r} is {match.id} ({match.how})."
    if match.how == "ambiguous":
        return f"{text!r} may be any of {', '.join(match.candidates)}; alone it gets the id {match.id}."
    hint = f" Close: {', '.join(match.candidates)}." if match.candidates else ""
    return f"{text!r} is not in the registry; its id is {match.id}.{hint}"
