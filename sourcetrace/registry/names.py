"""How names are compared: normalised, transliterated, folded to a skeleton, turned into ids.

The words and letters all come from ``data/names.json``; this module only applies them. A name
has one *normalised* form (what exact matches compare) and one or two *skeletons* (what matches
across scripts and romanisations compare): "Украинская правда", "Ukrainskaya Pravda" and
"Ukrainskaia pravda" share the skeleton ``ukrainskaiapravda``.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

SLUG_MAX = 60


@dataclass(frozen=True)
class NameRules:
    articles: frozenset[str]
    apostrophes: str
    replacements: dict[str, str]
    spelling: dict[str, str]
    common: dict[str, str]
    by_language: dict[str, dict[str, str]]
    marks: dict[str, str]  # language -> letters that only it uses
    slug_language: str
    skeleton: list[tuple[str, str]]
    qualifiers: dict[str, dict[str, list[str]]]  # country -> before/after -> normalised phrases
    endings: tuple[str, ...] = ()  # Cyrillic case endings, longest first (dictionary_forms)


@lru_cache(maxsize=1)
def rules() -> NameRules:
    """The rules in ``data/names.json``, read on first use."""
    raw = json.loads(resources.files(__package__).joinpath("data", "names.json").read_text(encoding="utf-8"))
    cyrillic = raw["cyrillic"]
    base = NameRules(frozenset(raw["leading_articles"]), raw["apostrophes"], raw["replacements"],
                     raw["spelling_variants"], cyrillic["common"],
                     {"uk": cyrillic["uk"], "ru": cyrillic["ru"]},
                     {"uk": cyrillic["uk_letters"], "ru": cyrillic["ru_letters"]},
                     cyrillic["slug_language"], [tuple(pair) for pair in raw["skeleton"]], {},
                     tuple(sorted(cyrillic["endings"], key=len, reverse=True)))
    qualifiers = {country: {side: _longest_first(normalise(p, base) for p in phrases)
                            for side, phrases in sides.items()}
                  for country, sides in raw["country_qualifiers"].items()}
    return NameRules(**{**base.__dict__, "qualifiers": qualifiers})


def normalise(text: str, rule: NameRules | None = None, keep: str = "") -> str:
    """Casefolded, without possessives, a leading article, punctuation or extra spaces.

    "The Prosecutor General's Office's" → "prosecutor general office"; "P.G.O." → "pgo";
    "«Українська правда»" → "українська правда". ``keep`` names punctuation to leave in place.
    """
    rule = rule or rules()
    text = unicodedata.normalize("NFKC", text).casefold()
    for old, new in rule.replacements.items():
        text = text.replace(old, new)
    text = re.sub(f"[{re.escape(rule.apostrophes)}]", "'", text)
    text = re.sub(r"(?<=\w)'s\b", "", text)
    text = re.sub(r"['.]", "", text)
    text = re.sub(rf"[^\w\s{re.escape(keep)}]|_", " ", text)
    words = [rule.spelling.get(word, word) for word in text.split()]
    if len(words) > 1 and words[0] in rule.articles:
        words = words[1:]
    return " ".join(words)


def languages_of(text: str, rule: NameRules | None = None) -> list[str]:
    """How to read Cyrillic in ``text``: ['uk'], ['ru'], both, or none when there is none."""
    rule = rule or rules()
    for language, letters in rule.marks.items():
        if any(letter in text for letter in letters):
            return [language]
    if any(letter in rule.common or letter in rule.by_language["uk"] for letter in text):
        return [rule.slug_language, *sorted(set(rule.by_language) - {rule.slug_language})]
    return []


def transliterate(text: str, language: str, rule: NameRules | None = None) -> str:
    """``text`` with Cyrillic letters written in Latin as ``language`` spells them; accents dropped."""
    rule = rule or rules()
    table = {**rule.common, **rule.by_language[language]}
    latin = "".join(table.get(char, char) for char in text)
    return "".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))


def romanisations(normalised: str, rule: NameRules | None = None) -> list[str]:
    """Every Latin reading of a normalised name: one, or two when it may be Ukrainian or Russian."""
    rule = rule or rules()
    languages = languages_of(normalised, rule) or [rule.slug_language]
    return list(dict.fromkeys(transliterate(normalised, language, rule) for language in languages))


def skeleton(latin: str, rule: NameRules | None = None) -> str:
    """A romanised name folded so that spelling variants meet, without spaces."""
    rule = rule or rules()
    for old, new in rule.skeleton:
        latin = latin.replace(old, new)
    latin = re.sub(r"[^\w]|_", "", latin)
    return re.sub(r"(.)\1+", r"\1", latin)


def skeletons(normalised: str, rule: NameRules | None = None) -> set[str]:
    rule = rule or rules()
    return {key for key in (skeleton(latin, rule) for latin in romanisations(normalised, rule)) if key}


def slug(text: str) -> str:
    """A stable id part for a name: the same name (up to normalisation) always gives the same slug.

    "Kharkiv Regional Military Administration" → "kharkiv-regional-military-administration";
    Cyrillic is romanised, so "Украинская неделя" and "Ukrainskaya Nedelya" give one slug. Letters
    of other scripts, or a slug cut for length, add a short hash so that different names stay apart.
    """
    normalised = normalise(text) or text.strip()
    latin = romanisations(normalised)[0]
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")
    lost = bool(re.sub(r"[\W_]|[a-z0-9]", "", latin))
    if ascii_slug and not lost and len(ascii_slug) <= SLUG_MAX:
        return ascii_slug
    digest = hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:8]
    return "-".join(part for part in (ascii_slug[:SLUG_MAX].strip("-"), digest) if part)


def dictionary_forms(normalised: str, rule: NameRules | None = None) -> set[str]:
    """A Cyrillic name in its dictionary form, once for each language its letters may be read as:
    'офиса генпрокурора' → {'офис генпрокурор'}, 'тассу' → {'тасс'}. The language's grammar says
    how (``normalise_name`` of lang/<code>/grammar.py: Russian by pymorphy3's lemmas); a language
    whose grammar has none drops the case endings of data/names.json. Empty for a Latin name."""
    rule = rule or rules()
    return {_dictionary_form(normalised, language, rule.endings) for language in languages_of(normalised, rule)} - {""}


@lru_cache(maxsize=4096)
def _dictionary_form(normalised: str, language: str, endings: tuple[str, ...]) -> str:
    normaliser = _name_normaliser(language)
    if normaliser is not None:
        return normaliser(normalised)
    return " ".join(_strip_ending(word, endings) for word in normalised.split())


def _strip_ending(word: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=8)
def _name_normaliser(language: str):
    """The grammar's ``normalise_name`` for ``language``, or None (not traced, or none given)."""
    from ..lang import AVAILABLE, load_language

    if language not in AVAILABLE:
        return None
    return getattr(load_language(language).grammar, "normalise_name", None)


def qualified(normalised: str, rule: NameRules | None = None) -> list[tuple[str, str]]:
    """(country, the rest) for each country a name starts or ends with: 'russian defence ministry'
    → [('ru', 'defence ministry')]."""
    rule = rule or rules()
    found = []
    for country, sides in rule.qualifiers.items():
        found += [(country, normalised[len(p) + 1:]) for p in sides.get("before", [])
                  if normalised.startswith(p + " ")]
        found += [(country, normalised[:-len(p) - 1]) for p in sides.get("after", [])
                  if normalised.endswith(" " + p)]
    return found


def _longest_first(phrases) -> list[str]:
    return sorted(set(phrases), key=len, reverse=True)
