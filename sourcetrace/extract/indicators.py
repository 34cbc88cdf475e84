"""Resolve a figure's counted thing to a built-in indicator id (lang/indicators.json)."""
from __future__ import annotations

import re

from ..lang import LanguageData


def resolve_indicator(counted: str | None, near: str, sentence: str, lang: LanguageData) -> str | None:
    """The first rule whose cue names the counted thing.

    ``near`` is the figure with the words right after it ("200 soldiers were killed"): the cue may
    be a verb there rather than a noun in the counted phrase. Rules with ``counted_any`` also accept
    a cue anywhere in the sentence when the counted noun fits ("20,000 cases under Article 408").
    """
    if not counted:
        return None
    counted_l, near_l, sentence_l = counted.lower(), near.lower(), sentence.lower()
    # The figure's own words first: "640 desertion cases" is desertion even when the sentence
    # mentions AWOL elsewhere. Only then the words around it.
    for rule in lang.indicators["rules"]:
        if _has_any(rule["any"], counted_l) and _in_context(rule, sentence_l):
            return rule["indicator"]
    for rule in lang.indicators["rules"]:
        if _matches(rule, counted_l, near_l, sentence_l):
            return rule["indicator"]
    return None


def _in_context(rule: dict, sentence: str) -> bool:
    return "context_any" not in rule or _has_any(rule["context_any"], sentence, prefix=True)


def _matches(rule: dict, counted: str, near: str, sentence: str) -> bool:
    if "counted_any" in rule:
        hit = _has_any(rule["any"], counted) or (
            _has_any(rule["counted_any"], counted) and _has_any(rule["any"], sentence))
    else:
        hit = _has_any(rule["any"], counted) or _has_any(rule["any"], near)
    return hit and ("context_any" not in rule or _has_any(rule["context_any"], sentence, prefix=True))


def _has_any(words, text: str, prefix: bool = False) -> bool:
    tail = r"\w*" if prefix else ""
    return any(re.search(rf"(?<!\w){re.escape(w)}{tail}(?!\w)", text) for w in words)
