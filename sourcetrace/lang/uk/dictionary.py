"""The optional Ukrainian dictionary: pymorphy3's Ukrainian dictionaries, when installed.

``pip install 'sourcetrace[uk-dict]'`` adds ``pymorphy3-dicts-uk`` (GPLv3, so an optional extra and
never a dependency). With it, the parser (``parser.py``) takes a word's part of speech, cases,
number and lemma from the dictionary instead of guessing them from its ending, and
``grammar.normalise_name`` reduces a name to its dictionary form before it drops case endings.
Without it everything works as before from ``morphology.json``: nothing here is required, and the
tests run both ways (``tests/test_lang_uk.py``).

pymorphy3 itself is a core dependency (Russian uses it); only the Ukrainian data is optional.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# pymorphy3's (OpenCorpora) tags → Universal Dependencies
_POS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
        "PRTF": "ADJ", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
        "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ"}
_CASES = {"nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc",
          "voct": "Voc", "gen2": "Gen", "loc2": "Loc"}
_NUMBERS = {"sing": "Sing", "plur": "Plur"}


@dataclass(frozen=True)
class Reading:
    """What the dictionary says a word may be, for one part of speech."""

    pos: str
    lemma: str
    cases: frozenset[str]
    numbers: frozenset[str]
    score: float


@lru_cache(maxsize=1)
def analyzer():
    """pymorphy3's Ukrainian analyser, or None when its dictionary is not installed."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk")
    except (ImportError, ValueError):
        return None


def available() -> bool:
    return analyzer() is not None


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[Reading, ...]:
    """The word's readings in the dictionary, one per part of speech, likeliest first; () when the
    dictionary is not installed or only guesses (a word it does not know)."""
    morph = analyzer()
    if morph is None:
        return ()
    by_pos: dict[str, list] = {}
    for parse in morph.parse(word):
        if not parse.is_known:
            continue
        pos = _POS.get(parse.tag.POS)
        if pos is not None:
            by_pos.setdefault(pos, []).append(parse)
    out = []
    for pos, parses in by_pos.items():
        out.append(Reading(pos, parses[0].normal_form,
                           frozenset(_CASES[c] for p in parses for c in (p.tag.case,) if c in _CASES),
                           frozenset(_NUMBERS[n] for p in parses for n in (p.tag.number,) if n in _NUMBERS),
                           sum(p.score for p in parses)))
    return tuple(sorted(out, key=lambda r: -r.score))


def lemma(word: str) -> str | None:
    """The dictionary form of a noun or adjective ('правди' → 'правда'), or None."""
    found = [r for r in readings(word) if r.pos in ("NOUN", "ADJ")] or list(readings(word))
    return found[0].lemma if found else None
