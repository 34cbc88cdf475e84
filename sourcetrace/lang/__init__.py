"""Language data: the words and phrases extraction runs on, one folder of JSON files per language.

Code asks for ``load_language("en").attribution["reporting_verbs"]`` and never spells a word
itself; adding a language is adding a folder (plus, where grammar differs, a component).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


AVAILABLE = ["en"]  # languages with data; Russian and Ukrainian come later


@dataclass
class LanguageData:
    code: str
    sentences: dict
    numbers: dict
    units: dict
    attribution: dict
    hedges: dict
    time: dict
    incidents: dict
    indicators: dict
    scope: dict
    verbs: dict
    indicator_list: dict
    _regex_cache: dict = field(default_factory=dict, repr=False)

    def phrases_regex(self, key: str, phrases) -> re.Pattern:
        """One compiled alternation of ``phrases`` (longest first, word-bounded, case-insensitive)."""
        if key not in self._regex_cache:
            self._regex_cache[key] = phrase_regex(phrases)
        return self._regex_cache[key]

    def verb_forms(self, lemmas) -> set[str]:
        """Lower-case surface forms of verb lemmas: regular inflections plus the irregular table."""
        forms = set()
        for lemma in lemmas:
            forms.update(_regular_forms(lemma))
        forms.update(form for form, lemma in self.verbs["irregular"].items() if lemma in set(lemmas))
        return forms


def phrase_regex(phrases) -> re.Pattern:
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _regular_forms(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _read(package: str, name: str) -> dict:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def load_language(code: str) -> LanguageData:
    package = f"{__name__}.{code}"
    try:
        files = {name: _read(package, f"{name}.json") for name in (
            "sentences", "numbers", "units", "attribution", "hedges", "time", "incidents",
            "indicators", "scope", "verbs")}
    except ModuleNotFoundError as exc:
        from ..errors import UnsupportedLanguage

        raise UnsupportedLanguage(code, AVAILABLE) from exc
    return LanguageData(code=code, indicator_list=_read(__name__, "indicators.json"), **files)
