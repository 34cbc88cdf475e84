"""Resolve an indicator id or a phrase ('самовільне залишення частини', 'AWOL and desertion cases')
to an indicator, and walk the relations between indicators (sum_of, includes)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Errors
from .errors import RegistryError
from .names import normalise

RELATIONS = ("sum_of", "includes")  # parent -> children: exactly, or as parts that need not add up


class UnknownIndicator(RegistryError, LookupError):
    """An indicator id that is not in the registry."""


@dataclass(frozen=True)
class IndicatorMatch:
    """``how``: id, label, alias (the whole text is an alias), contains (the longest alias found in
    the text), none (``id`` is then None). ``alias`` is the alias that matched."""

    id: str | None
    entry: dict | None
    how: str
    alias: str | None = None


@dataclass(frozen=True)
class _Alias:
    indicator: str
    text: str
    pattern: re.Pattern
    weight: int  # letters that must match: the longest, most specific alias wins


class IndicatorIndex:
    def __init__(self, indicators: dict[str, dict]):
        self.indicators = indicators
        self.aliases = [_alias(indicator_id, text) for indicator_id, entry in indicators.items()
                        for names in entry["aliases"].values() for text in names]
        self.labels = {normalise(entry["label"]): indicator_id for indicator_id, entry in indicators.items()}

    def resolve(self, id_or_text: str) -> IndicatorMatch:
        if id_or_text in self.indicators:
            return IndicatorMatch(id_or_text, self.indicators[id_or_text], "id")
        norm = normalise(id_or_text)
        if norm in self.labels:
            return self._match(self.labels[norm], "label")
        whole = [alias for alias in self.aliases if alias.pattern.fullmatch(norm)]
        if whole:
            return self._match(_best(whole).indicator, "alias", _best(whole).text)
        inside = [alias for alias in self.aliases if alias.pattern.search(norm)]
        if inside:
            return self._match(_best(inside).indicator, "contains", _best(inside).text)
        return IndicatorMatch(None, None, "none")

    def children(self, indicator_id: str) -> list[str]:
        entry = self._entry(indicator_id)
        return [child for relation in RELATIONS for child in entry.get(relation, [])]

    def parents(self, indicator_id: str) -> list[str]:
        self._entry(indicator_id)
        return [parent for parent in self.indicators if indicator_id in self.children(parent)]

    def relation(self, parent: str, child: str) -> str | None:
        """'sum_of' when ``child`` is one of the parts ``parent`` adds up to, 'includes' when it is a
        part that need not add up, else None."""
        entry = self._entry(parent)
        return next((relation for relation in RELATIONS if child in entry.get(relation, [])), None)

    def cycles(self) -> list[str]:
        """Indicators that are, through their children, their own descendants (a data error)."""
        return [indicator_id for indicator_id in self.indicators if indicator_id in self._descendants(indicator_id)]

    def _descendants(self, indicator_id: str) -> set[str]:
        seen, todo = set(), list(self.children(indicator_id))
        while todo:
            child = todo.pop()
            if child not in seen and child in self.indicators:
                seen.add(child)
                todo.extend(self.children(child))
        return seen

    def _entry(self, indicator_id: str) -> dict:
        if indicator_id not in self.indicators:
            raise UnknownIndicator(Errors.E404.format(name=indicator_id))
        return self.indicators[indicator_id]

    def _match(self, indicator_id: str, how: str, alias: str | None = None) -> IndicatorMatch:
        return IndicatorMatch(indicator_id, self.indicators[indicator_id], how, alias)


def _alias(indicator_id: str, text: str) -> _Alias:
    """'дезертирств*' → a word-bounded pattern in which the word takes any ending."""
    words = normalise(text, keep="*").split()
    body = r"\s+".join(re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "") for word in words)
    weight = sum(len(word.rstrip("*")) for word in words)
    return _Alias(indicator_id, text, re.compile(rf"(?<!\w){body}(?!\w)"), weight)


def _best(aliases: list[_Alias]) -> _Alias:
    return max(aliases, key=lambda alias: alias.weight)  # max keeps the first of equals: file order
