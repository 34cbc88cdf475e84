"""Resolve a source's name as written to a registry id.

Lookups run from the most to the least certain, and the first that finds exactly one source
decides: the name or an alias as normalised; an abbreviation; a spokesperson; a generic name with
its country ('Russian Defence Ministry'); then the same across scripts and romanisations
('Ukrainskaya Pravda' = 'Украинская правда'). A name the registry does not know still gets a
stable id, ``x.<slug>``; an anonymous or vague party gets ``anon.<slug>``.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from .names import dictionary_forms, normalise, qualified, skeletons, slug

UNKNOWN_PREFIX, ANONYMOUS_PREFIX = "x.", "anon."
TABLES = ("plain", "abbreviation", "person", "generic")  # generic names are the only ones sources share
SUGGEST_CUTOFF = 0.85


@dataclass(frozen=True)
class SourceMatch:
    """What a name resolved to. ``how``: name, alias, abbreviation, person, qualified, context,
    transliteration, inflection (a registry source); ambiguous, unknown (an ``x.`` id); anonymous, vague
    (an ``anon.`` id). ``candidates``: the sources an ambiguous name may be, or close names."""

    id: str
    entry: dict | None
    how: str
    candidates: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return self.entry is not None


class SourceIndex:
    def __init__(self, sources: dict[str, dict]):
        self.sources = sources
        self.exact = {table: defaultdict(set) for table in TABLES}
        self.loose = {table: defaultdict(set) for table in TABLES}
        self.keys_of = defaultdict(set)  # id -> every key it is found by, for search
        self.abbreviations_as_written = set()
        for source_id, entry in sources.items():
            for table, text in names_of(entry):
                self._add(table, text, source_id)

    def resolve(self, name: str, anonymous: bool = False, vague: bool = False,
                country: str | None = None) -> SourceMatch:
        if anonymous or vague:
            return SourceMatch(ANONYMOUS_PREFIX + slug(name), None, "anonymous" if anonymous else "vague")
        norm = normalise(name)
        abbreviation = self._abbreviation_allowed(name)
        steps = (
            ("name_or_alias", lambda: self._exact("plain", norm)),
            ("abbreviation", lambda: self._exact("abbreviation", _compact(norm)) if abbreviation else set()),
            ("person", lambda: self._exact("person", norm)),
            ("qualified", lambda: self._qualified(norm)),
            ("transliteration", lambda: self._loose(("plain", "person"), norm)),
            ("inflection", lambda: self._inflected(norm)),
            ("abbreviation", lambda: self._loose(("abbreviation",), _compact(norm)) if abbreviation else set()),
        )
        for how, lookup in steps:
            ids = set(lookup())
            if len(ids) == 1:
                return self._match(ids.pop(), how, norm)
            if ids:
                return SourceMatch(UNKNOWN_PREFIX + slug(name), None, "ambiguous", tuple(sorted(ids)))
        return self._generic_or_unknown(name, norm, country)

    def search(self, text: str) -> list[str]:
        """Ids whose names contain ``text`` (in any script), the one it resolves to first."""
        norm = normalise(text)
        loose = skeletons(norm)
        found = [source_id for source_id, keys in self.keys_of.items()
                 if any(norm in key or any(s in key for s in loose) for key in keys)]
        first = self.resolve(text)
        leading = [first.id] if first.known else list(first.candidates if first.how == "ambiguous" else ())
        return list(dict.fromkeys(leading + found))

    def conflicts(self) -> list[str]:
        """Keys that lead to more than one source where only one may: any name, alias, abbreviation
        or person; a generic name within one country."""
        unique = self._owners(("plain", "abbreviation", "person"))
        found = [f"{key!r} is a name of {', '.join(sorted(ids))}" for key, ids in unique.items() if len(ids) > 1]
        for key, ids in self._owners(("generic",)).items():
            by_country = defaultdict(set)
            for source_id in ids | unique.get(key, set()):
                by_country[self.sources[source_id].get("country")].add(source_id)
            found += [f"{key!r} is a name of {', '.join(sorted(same))} in {country}"
                      for country, same in by_country.items() if len(same) > 1]
        return sorted(set(found))

    def _owners(self, tables) -> dict[str, set[str]]:
        """Every exact and loose key of ``tables`` → the sources it leads to."""
        owners = defaultdict(set)
        for table in tables:
            for index in (self.exact[table], self.loose[table]):
                for key, ids in index.items():
                    owners[key] |= ids
        return owners

    def _add(self, table: str, text: str, source_id: str) -> None:
        norm = normalise(text)
        key = _compact(norm) if table == "abbreviation" else norm
        if not key:
            return
        self.exact[table][key].add(source_id)
        for loose in skeletons(key):
            self.loose[table][loose].add(source_id)
            self.keys_of[source_id].add(loose)
        self.keys_of[source_id].add(key)
        if table == "abbreviation":
            self.abbreviations_as_written.add(_compact(unicodedata.normalize("NFKC", text)))

    def _abbreviation_allowed(self, name: str) -> bool:
        """'PGO' and 'P.G.O.' may be abbreviations; 'up' may not. Mixed case only as listed ('WaPo')."""
        letters = [char for char in name if char.isalpha()]
        return bool(letters) and (all(char.isupper() for char in letters)
                                  or _compact(unicodedata.normalize("NFKC", name)) in self.abbreviations_as_written)

    def _qualified(self, norm: str) -> set[str]:
        found = set()
        for country, rest in qualified(norm):
            ids = set().union(*(self._exact(table, key) for table in TABLES for key in (rest, _compact(rest))))
            ids = ids or self._loose(TABLES, rest)
            found |= {source_id for source_id in ids if self.sources[source_id].get("country") == country}
        return found

    def _exact(self, table: str, key: str) -> set[str]:
        return self.exact[table].get(key, set())

    def _loose(self, tables, norm: str) -> set[str]:
        return set().union(*(self.loose[table].get(key, set()) for table in tables for key in skeletons(norm)))

    @cached_property
    def _dictionary_forms(self) -> dict[str, set[str]]:
        """Each Cyrillic name and alias in its dictionary form → its sources, built on first use."""
        index = defaultdict(set)
        for source_id, entry in self.sources.items():
            for table, text in names_of(entry):
                if table in ("plain", "person"):
                    for key in dictionary_forms(normalise(text)):
                        index[key].add(source_id)
        return index

    def _inflected(self, norm: str) -> set[str]:
        """'ТАССу', 'Офиса генпрокурора', «Української правди»: a name written in another case."""
        return set().union(*(self._dictionary_forms.get(key, set()) for key in dictionary_forms(norm)))

    def _generic_or_unknown(self, name: str, norm: str, country: str | None) -> SourceMatch:
        ids = self._exact("generic", norm) or self._loose(("generic",), norm)
        in_country = {source_id for source_id in ids if self.sources[source_id].get("country") == country}
        if country and len(in_country) == 1:
            return self._match(in_country.pop(), "context", norm)
        if ids:
            return SourceMatch(UNKNOWN_PREFIX + slug(name), None, "ambiguous", tuple(sorted(ids)))
        return SourceMatch(UNKNOWN_PREFIX + slug(name), None, "unknown", self._suggestions(norm))

    def _suggestions(self, norm: str) -> tuple[str, ...]:
        keys = self.loose["plain"]
        close = [match for key in skeletons(norm)
                 for match in difflib.get_close_matches(key, list(keys), n=3, cutoff=SUGGEST_CUTOFF)]
        return tuple(dict.fromkeys(source_id for key in close for source_id in sorted(keys[key])))

    def _match(self, source_id: str, how: str, norm: str) -> SourceMatch:
        if how == "name_or_alias":
            how = "name" if normalise(self.sources[source_id]["name"]) == norm else "alias"
        return SourceMatch(source_id, self.sources[source_id], how)


def names_of(entry: dict):
    """(table, text) for every name an entry is found by."""
    yield "plain", entry["name"]
    for names in entry.get("aliases", {}).values():
        yield from (("plain", name) for name in names)
    yield from (("abbreviation", name) for name in entry.get("abbreviations", []))
    yield from (("generic", name) for name in entry.get("generic_names", []))
    for person in entry.get("people", []):
        yield from (("person", name) for name in [person["name"], *person.get("aliases", [])])


def _compact(text: str) -> str:
    return re.sub(r"[\W_]", "", text)
