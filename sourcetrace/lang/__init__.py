"""Languages as plug-ins: each folder ``lang/<code>/`` holds one language's data and grammar.

A language is
- **data**: JSON files of the words and phrases extraction runs on (reporting verbs, hedge cues,
  number words, month names, ...), every key read by something (``tests/test_language_data.py``);
- **a grammar module** (``lang/<code>/grammar.py``): the forms that are patterns rather than lists
  (how numbers and dates are written, verb inflection, datelines) and a thin syntax layer
  (:class:`~sourcetrace.lang.syntax.Syntax`) that answers the questions the components ask —
  subject, object, agent, possessor, prepositional object, plural, past tense — on the labels of
  that language's own model;
- **a parser**: what turns a sentence into tokens with those labels.

Components in ``extract/`` ask ``state.lang`` for words, forms and syntax and never spell a word or
a label themselves (``tests/test_no_words_in_extract.py`` fails if one does).
"""
from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import ModuleType
from typing import Any

AVAILABLE = ("en", "ru", "uk")  # languages with data and a grammar; the order is the order of preference
DATA_FILES = ("sentences", "numbers", "units", "attribution", "hedges", "time", "incidents",
              "indicators", "scope", "verbs", "words", "sources")


@dataclass
class Language:
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
    words: dict
    sources: dict
    indicator_list: dict
    grammar: ModuleType = field(repr=False, default=None)
    _regex_cache: dict = field(default_factory=dict, repr=False)

    @property
    def syntax(self):
        """The syntax questions of this language's parser (lang/syntax.py)."""
        return self.grammar.SYNTAX

    @property
    def forms(self):
        """Number, date and dateline forms of this language, compiled once."""
        return self.memo(self.grammar.Forms)

    def load_parser(self) -> Any:
        return self.grammar.load_parser()

    def cues(self, section: str, key: str) -> re.Pattern:
        """The phrases of ``<section>.json[key]`` as one compiled alternation (longest first,
        word-bounded, case-insensitive), compiled once."""
        cache_key = ("cues", section, key)
        if cache_key not in self._regex_cache:
            self._regex_cache[cache_key] = phrase_regex(getattr(self, section)[key])
        return self._regex_cache[cache_key]

    def verb_cues(self, section: str, key: str) -> re.Pattern:
        """Every form of the verbs of ``<section>.json[key]`` as one compiled alternation."""
        cache_key = ("verbs", section, key)
        if cache_key not in self._regex_cache:
            self._regex_cache[cache_key] = phrase_regex(self.verb_forms(getattr(self, section)[key]))
        return self._regex_cache[cache_key]

    def memo(self, build):
        """``build(self)``, computed once per language."""
        if build not in self._regex_cache:
            self._regex_cache[build] = build(self)
        return self._regex_cache[build]

    def verb_forms(self, lemmas) -> set[str]:
        """Lower-case surface forms of verb lemmas: the grammar's inflections plus the irregular table."""
        lemmas = set(lemmas)
        forms = set()
        for lemma in lemmas:
            forms.update(self.grammar.verb_forms(lemma))
        forms.update(form for form, lemma in self.verbs["irregular"].items() if lemma in lemmas)
        return forms

    def same_party(self, a: str, b: str) -> bool:
        """Two names as written for one party: the same in their dictionary form (the grammar's
        ``normalise_name``: 'ТАССу' and 'ТАСС'), or through sources.json agency_aliases, which names
        the party an agency's own spelling stands for ('INTERFAX.RU': 'Интерфакс')."""
        return self._party_key(a) == self._party_key(b)

    def _party_key(self, name: str) -> str:
        name = self.sources.get("agency_aliases", {}).get(name.strip(), name.strip())
        normalise = getattr(self.grammar, "normalise_name", None)
        return normalise(name) if normalise is not None else name.lower()

    def word_set(self, key: str) -> frozenset[str]:
        """A closed word class of ``words.json`` (determiners, pronouns, ...) as a set."""
        cache_key = ("words", key)
        if cache_key not in self._regex_cache:
            self._regex_cache[cache_key] = frozenset(self.words[key])
        return self._regex_cache[cache_key]


def phrase_regex(phrases) -> re.Pattern:
    ordered = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))  # ties in a fixed order, not the set's
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _read(package: str, name: str) -> dict:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def load_language(code: str) -> Language:
    if code not in AVAILABLE:
        from ..errors import UnsupportedLanguage

        raise UnsupportedLanguage(code, list(AVAILABLE))
    package = f"{__name__}.{code}"
    files = {name: _read(package, f"{name}.json") for name in DATA_FILES}
    grammar = importlib.import_module(f"{package}.grammar")
    if hasattr(grammar, "prepare"):
        files = grammar.prepare(files)  # e.g. the case forms of listed nouns (lang/ru/grammar.py)
    return Language(code=code, indicator_list=_read(__name__, "indicators.json"), grammar=grammar, **files)


# The name the components were first written against.
LanguageData = Language
