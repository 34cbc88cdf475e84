"""Who or where a figure is about: a military body, a country, a place."""
from __future__ import annotations

import re

from ..lang import LanguageData


def _regexes(lang: LanguageData) -> dict:
    cache = lang._regex_cache
    if "scope" not in cache:
        bodies = sorted(lang.scope["military_bodies"], key=len, reverse=True)
        nats = sorted(lang.scope["nationalities"], key=len, reverse=True)
        nat = "|".join(re.escape(n).replace("'", "['’]") for n in nats)
        body = "|".join(re.escape(b) for b in bodies)
        cache["scope"] = {
            "military": re.compile(
                rf"(?:\b(?i:{nat})\s+)?(?:\b[A-Z][a-z]+\s+)?\b(?i:{body})\b(?:\s*\((?:[A-Z]{{2,5}})\))?"),
            "nation": re.compile(rf"\b(?:in|of|across|throughout)\s+(?:the\s+)?((?:{nat}))\b|\b({nat})\b", re.IGNORECASE),
            "source_context": re.compile(
                r"(?:sources?|officials?|insiders?)\s+(?:with)?in\s+(?:the\s+)?[\w\s']{0,30}$|security\s+$|law\s+enforcement\s+$",
                re.IGNORECASE),
        }
    return cache["scope"]


def military_mentions(text: str, lang: LanguageData) -> list[tuple[int, int, str]]:
    """Military bodies named in ``text`` that are not a source's description ('sources within ...')."""
    rx = _regexes(lang)
    found = []
    for m in rx["military"].finditer(text):
        phrase = m.group().strip()
        if rx["source_context"].search(text[max(0, m.start() - 40): m.start()]):
            continue
        if re.match(r"(?i)security\b|law\b", phrase) or re.search(r"(?i)\bsecurity\s+forces\b", phrase):
            continue
        if not _has_nationality(phrase, lang) and phrase.lower() in ("forces", "units", "ranks", "soldiers", "servicemen", "troops", "military", "army"):
            continue  # a bare common noun says nothing about whose forces
        found.append((m.start(), m.end(), _clean(phrase)))
    return found


def nation_mentions(text: str, lang: LanguageData) -> list[tuple[int, int, str]]:
    found = []
    for m in _regexes(lang)["nation"].finditer(text):
        group = 1 if m.group(1) else 2
        if _regexes(lang)["source_context"].search(text[max(0, m.start(group) - 40): m.start(group)]):
            continue
        following = text[m.end(group): m.end(group) + 30].lower()
        if re.match(r"\s+(?:security|law enforcement|intelligence|sources|officials|media|authorities|prosecutors)", following):
            continue
        name = lang.scope["nationalities"][m.group(group).lower().replace("’", "'")]
        found.append((m.start(group), m.end(group), name))
    return found


def _has_nationality(phrase: str, lang: LanguageData) -> bool:
    words = re.findall(r"[\w'’]+", phrase.lower().replace("’", "'"))
    return any(w in lang.scope["nationalities"] for w in words) or bool(re.search(r"\b[A-Z]{2,5}\b", phrase))


def _clean(phrase: str) -> str:
    return re.sub(r"^(?:the)\s+", "", phrase, flags=re.IGNORECASE)
