"""Which language a text is in, and which of its sentences are in another.

sourcetrace traces a text only with the rules of its own language: a Russian report read with
English rules gives wrong figures silently ('20 ноября' as a count). The language is identified
here, once, for every entry point (readers, ``trace_text``, ``trace_many``, ``check``, the store),
by lingua-language-detector (its models ship inside the wheel). It tells apart the languages
sourcetrace handles and the neighbours most often mistaken for them, so that a French or Bulgarian
text is named as such and refused, not traced as English or Russian.
"""
from __future__ import annotations

from functools import lru_cache

# Handled languages first, then neighbours a text in a handled language may be confused with.
CANDIDATES = ("en", "ru", "uk", "de", "fr", "es", "it", "pt", "pl", "nl", "be", "bg", "sr", "kk")
MIN_LETTERS = 3  # fewer letters than this say nothing about a language
# Below this many letters the fast detector is unreliable ("Soldiers who desert are often sentenced
# to prison." came out German): a short text is told by its script, and Russian from Ukrainian by
# the letters only one of them uses, else by the detector's full models for those two alone.
SHORT = 200
FOREIGN_MIN_LETTERS = 40  # a sentence shorter than this is not judged on its own
_UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
_RUSSIAN_ONLY = set("ыэъЫЭЪ")


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in CANDIDATES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


@lru_cache(maxsize=1)
def _east_slavic():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_iso_codes_639_1(IsoCode639_1.RU, IsoCode639_1.UK).build()


def identify(text: str, sample: int = 20_000) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in; None when it has no words."""
    sample = text[:sample]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    if len(letters) < SHORT:
        return _by_script(sample, letters)
    return _code(_detector().detect_language_of(sample))


def _by_script(text: str, letters: list[str]) -> str | None:
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if cyrillic < 0.5 * len(letters):
        return "en"
    ukrainian = sum(ch in _UKRAINIAN_ONLY for ch in letters)
    russian = sum(ch in _RUSSIAN_ONLY for ch in letters)
    if ukrainian != russian:
        return "uk" if ukrainian > russian else "ru"
    return _code(_east_slavic().detect_language_of(text))


def _code(found) -> str | None:
    return found.iso_code_639_1.name.lower() if found is not None else None


def detect_language(text: str, default: str = "en") -> str:
    """``identify``, with ``default`` for a text without words (numbers only: read as the default)."""
    return identify(text) or default


def mixes_languages(text: str, language: str) -> bool:
    """A cheap sign that some sentences may be in another language: letters of the other script,
    or Cyrillic letters that only the other of Russian and Ukrainian uses."""
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    if language == "en":
        return cyrillic >= FOREIGN_MIN_LETTERS
    own, other = (_RUSSIAN_ONLY, _UKRAINIAN_ONLY) if language == "ru" else (_UKRAINIAN_ONLY, _RUSSIAN_ONLY)
    return latin >= FOREIGN_MIN_LETTERS or any(ch in other for ch in text)


def sentence_languages(sentences: list[str], language: str) -> list[str | None]:
    """For each sentence, the language it is in when that is not ``language`` and the sentence is
    long enough to tell; else None."""
    out: list[str | None] = []
    for sentence in sentences:
        if sum(ch.isalpha() for ch in sentence) < FOREIGN_MIN_LETTERS:
            out.append(None)
            continue
        found = identify(sentence)
        out.append(found if found not in (None, language) else None)
    return out
