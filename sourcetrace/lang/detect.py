"""Which language a text is in, as far as sourcetrace needs to know: its script.

Only English has language data so far; a Russian or Ukrainian report traced with English rules
gives wrong figures silently ('20 ноября' as a count), so a reader marks such a text by its script
and the tracer refuses it with a clear message instead.
"""
from __future__ import annotations

_UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
_RUSSIAN_ONLY = set("ыэъЫЭЪ")


def detect_language(text: str, sample: int = 20_000) -> str:
    """'en' for Latin-script text, 'uk' or 'ru' for Cyrillic (by letters only one of them uses)."""
    letters = [ch for ch in text[:sample] if ch.isalpha()]
    if not letters:
        return "en"
    cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if len(cyrillic) < 0.3 * len(letters):
        return "en"
    ukrainian = sum(ch in _UKRAINIAN_ONLY for ch in cyrillic)
    russian = sum(ch in _RUSSIAN_ONLY for ch in cyrillic)
    return "uk" if ukrainian > russian else "ru"
