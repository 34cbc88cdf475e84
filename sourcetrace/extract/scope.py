"""Who or where a figure is about: a military body, a country, a place."""
from __future__ import annotations

import re

from ..lang import Language


def military_mentions(text: str, lang: Language) -> list[tuple[int, int, str]]:
    """Military bodies named in ``text`` that are not a source's description ('sources within ...')."""
    rx = lang.forms.scope
    found = []
    for m in rx["military"].finditer(text):
        phrase = m.group().strip()
        if rx["source_context"].search(text[max(0, m.start() - 40): m.start()]):
            continue
        if rx["not_body"].match(phrase) or rx["not_body_phrase"].search(phrase):
            continue
        if not _has_nationality(phrase, lang) and phrase.lower() in lang.scope["bare_bodies"]:
            continue  # a bare common noun says nothing about whose forces
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        article = rx["leading_article"].match(phrase)
        if article:
            start, phrase = start + article.end(), phrase[article.end():]
        found.append((start, start + len(phrase), phrase))  # as written: the span slices the name
    return found


def nation_mentions(text: str, lang: Language) -> list[tuple[int, int, str]]:
    rx = lang.forms.scope
    found = []
    for m in rx["nation"].finditer(text):
        group = 1 if m.group(1) else 2
        if rx["source_context"].search(text[max(0, m.start(group) - 40): m.start(group)]):
            continue
        if rx["source_head_after"].match(text[m.end(group): m.end(group) + 30].lower()):
            continue
        found.append((m.start(group), m.end(group), m.group(group)))  # as written; countries are read later
    return found


def _has_nationality(phrase: str, lang: Language) -> bool:
    words = re.findall(r"[\w'’]+", phrase.lower().replace("’", "'"))
    return any(w in lang.scope["nationalities"] for w in words) or bool(lang.forms.scope["abbreviation"].search(phrase))
