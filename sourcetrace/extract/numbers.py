"""Find numbers in a sentence and read their value, bound and unit — no parse needed.

This module knows number *forms* (60,164 / 60 164 / 60.164 / 29.8 thousand / two million /
hundreds of / 1,500-2,000 / between 15,000 and 17,000) and the cues around them (about, over,
almost, per cent). Which numbers are figures worth reporting is decided in ``figures.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LanguageData, phrase_regex


@dataclass
class NumberMatch:
    start: int  # relative to the sentence
    end: int
    value: float | None
    low: float | None
    high: float | None
    bound: str
    unit: str = "count"
    kind: str = "quantity"
    number_start: int = 0  # where the digits / number words begin (after any cue)
    word_number: bool = False  # spelled out ("two", "a dozen"): needs a counted noun to count
    is_integer_literal: bool = False  # plain digits without separators, e.g. "2024"


_DIGITS = r"""
    (?<![\w.,])(?:
        \d{1,3}(?:,\d{3})+(?:\.\d+)?            # 60,164  1,500.5
      | \d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)   # 60 164 (thin and no-break spaces too)
      | \d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)       # 60.164 (European thousands)
      | \d+(?:[.,]\d+)?                         # 29.8  29,8  20000
    )(?:(?![\w])|(?=(?:k|m|bn|mn|mln)\b))            # 5k, 2.5m: a multiplier glued on
"""


def _compile(lang: LanguageData) -> dict:
    cache = lang._regex_cache
    if "numbers" not in cache:
        num = lang.numbers
        words = list(num["units_words"]) + list(num["tens_words"])
        scale = ["hundred", "thousand", "million", "billion"]
        word = "(?:" + "|".join(sorted(words + scale, key=len, reverse=True)) + ")"
        # A run of number words: "two million", "three hundred and twelve", "twenty-five".
        word_number = rf"(?:(?:a|one)\s+(?=(?:hundred|thousand|million|billion)\b))?{word}(?:(?:\s+and\s+|[\s-]+){word})*"
        mult = "|".join(sorted((re.escape(m) for m in num["multipliers"]), key=len, reverse=True))
        cache["numbers"] = {
            "digits": re.compile(_DIGITS, re.VERBOSE),
            "word": re.compile(rf"(?<![\w-]){word_number}(?![\w-])", re.IGNORECASE),
            "fraction": phrase_regex(num["fractions"]),
            "one_in": re.compile(r"\b(?:one|1)\s+(?:in|out\s+of)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\b", re.IGNORECASE),
            "multiplier": re.compile(rf"\s*(?:{mult})\b\.?", re.IGNORECASE),
            "vague": phrase_regex(num["vague_quantities"]),
            "approx": _cue_regex(num["approximate_cues"]),
            "lower": _cue_regex(num["lower_cues"]),
            "upper": _cue_regex(num["upper_cues"]),
            "percent": re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE),
            "points": re.compile(r"\s*(?:percentage\s+points?\b|pp\b|p\.p\.)", re.IGNORECASE),
            "fold": phrase_regex(num["fold_words"]),
            "change": phrase_regex(num["change_verbs"]),
            "times": re.compile(r"\s+times\b", re.IGNORECASE),
            "every_nth": re.compile(r"\bevery\s+(\d+)(?:st|nd|rd|th)\b|\bevery\s+(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE),
            "currency_sym": re.compile("([" + re.escape("".join(lang.units["currency_symbols"])) + r"])\s?$"),
            "currency_word": phrase_regex(lang.units["currency_words"]),
            "measure": phrase_regex(lang.units["measure_units"]),
        }
    return cache["numbers"]


def _cue_regex(cues) -> re.Pattern:
    ordered = sorted(cues, key=len, reverse=True)
    body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in ordered)
    # The cue must end right before the number ("more than 5,000", "some 300").
    return re.compile(rf"(?<![\w-])(?:{body})\s*$", re.IGNORECASE)


def parse_number(text: str) -> float:
    """Value of a digit string in any of the separator conventions of _DIGITS."""
    compact = re.sub(r"[ \u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", compact):
        return float(compact.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
        return float(compact.replace(".", ""))
    return float(compact.replace(",", "."))


def word_value(phrase: str, lang: LanguageData) -> float:
    """'three hundred and twelve' → 312; 'two million' → 2,000,000; 'a thousand' → 1,000."""
    num = lang.numbers
    total, current = 0.0, 0.0
    for part in re.split(r"[\s-]+", phrase.lower()):
        if part in ("a", "and"):
            continue
        if part in num["units_words"]:
            current += num["units_words"][part]
        elif part in num["tens_words"]:
            current += num["tens_words"][part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part in num["multipliers"]:
            total += (current or 1) * num["multipliers"][part]
            current = 0
    return total + current


def find_numbers(sentence: str, lang: LanguageData) -> list[NumberMatch]:
    rx = _compile(lang)
    matches = _vague_quantities(sentence, rx, lang)
    matches += _relative_figures(sentence, rx, lang, [(m.start, m.end) for m in matches])
    taken = [(m.start, m.end) for m in matches]
    for start, end, value, word in _raw_numbers(sentence, rx, lang):
        if any(s <= start < e or start <= s < end for s, e in taken):
            continue
        match = _read_figure(sentence, start, end, value, word, rx, lang)
        matches.append(match)
        taken.append((match.start, match.end))
    matches = [m if m.kind == "quantity" else _apply_cue(m, sentence, rx) for m in matches]
    return _merge_ranges(sorted(matches, key=lambda m: m.start), sentence)


def _raw_numbers(sentence: str, rx: dict, lang: LanguageData):
    """Yield (start, end, value, spelled_out) for each number, with its multiplier applied."""
    found = [(m.start(), m.end(), parse_number(m.group()), False) for m in rx["digits"].finditer(sentence)]
    for m in rx["word"].finditer(sentence):
        if not any(s <= m.start() < e for s, e, _, _ in found):
            found.append((m.start(), m.end(), word_value(m.group(), lang) or 1.0, True))
    for start, end, value, word in sorted(found):
        mult = rx["multiplier"].match(sentence, end)
        if mult and not _is_unit_letter(sentence, mult):
            factor = lang.numbers["multipliers"][mult.group().strip().rstrip(".").lower()]
            yield start, mult.end(), value * factor, word
        else:
            yield start, end, value, word


def _is_unit_letter(sentence: str, mult: re.Match) -> bool:
    """'5 m' may be metres; 'k'/'m' count as multipliers only when glued to the number."""
    word = mult.group().strip().rstrip(".").lower()
    return word in ("m", "k") and mult.group()[0].isspace()


def _read_figure(sentence, start, end, value, word, rx, lang) -> NumberMatch:
    match = NumberMatch(start, end, value, None, None, "exact", number_start=start, word_number=word,
                        is_integer_literal=bool(re.fullmatch(r"\d+", sentence[start:end])))
    _apply_currency(match, sentence, rx, lang.units)
    _apply_unit(match, sentence, rx, lang.units)
    return _apply_cue(match, sentence, rx)


def _apply_cue(match: NumberMatch, sentence: str, rx: dict) -> NumberMatch:
    """'more than 5,000' is a lower bound, 'almost 290,000' an upper one, 'about 20,000' approximate."""
    # The longest cue wins: "no more than" is an upper bound although it ends in "more than".
    cues = [(cue.start(), name) for name in ("lower", "upper", "approx")
            for cue in [rx[name].search(sentence[: match.start])] if cue]
    if cues:
        start, name = min(cues)
        match.start = start
        match.bound = {"lower": "lower", "upper": "upper", "approx": "approximate"}[name]
    if match.bound == "lower":
        match.low = match.value
    elif match.bound == "upper":
        match.high = match.value
    return match


def _apply_currency(match: NumberMatch, sentence: str, rx: dict, units: dict) -> None:
    code = re.search(r"\b(UAH|USD|EUR|RUB|GBP)\s*$", sentence[: match.start])
    if code:
        match.unit, match.start = code.group(1), code.start()
        return
    symbol = rx["currency_sym"].search(sentence[: match.start])
    if symbol:
        match.unit = units["currency_symbols"][symbol.group(1)]
        match.start = symbol.start()
        return
    after = sentence[match.end:]
    word = rx["currency_word"].match(after.lstrip())
    if word and after[: len(after) - len(after.lstrip())] in (" ", ""):
        match.unit = units["currency_words"][word.group().lower()]
        match.end += len(after) - len(after.lstrip()) + word.end()


def _apply_unit(match: NumberMatch, sentence: str, rx: dict, units: dict) -> None:
    if match.unit != "count":
        return
    for name, unit, kind in (("points", "percentage_point", "change"), ("percent", "percent", "share"),
                             ("times", "times", "multiplier")):
        m = rx[name].match(sentence, match.end)
        if m:
            match.unit, match.kind, match.end = unit, kind, m.end()
            return
    measure = rx["measure"].match(sentence, match.end + 1) if sentence[match.end:match.end + 1] == " " else None
    if measure:
        match.unit = units["measure_units"][measure.group().lower()]
        match.end = measure.end()


def _vague_quantities(sentence: str, rx: dict, lang: LanguageData) -> list[NumberMatch]:
    out = []
    for m in rx["vague"].finditer(sentence):
        spec = lang.numbers["vague_quantities"][re.sub(r"\s+", " ", m.group().lower())]
        end = m.end() - (3 if m.group().lower().endswith(" of") else 0)
        low = spec["value"] if spec["bound"] == "lower" else None
        out.append(NumberMatch(m.start(), end, spec["value"], low, None, spec["bound"],
                               number_start=m.start(), word_number=True))
    return out


def _relative_figures(sentence: str, rx: dict, lang: LanguageData, taken) -> list[NumberMatch]:
    """Multipliers and shares: 'a four-fold increase', 'tripled', 'every 14th serviceman'."""
    out = []
    for key, table in (("fold", lang.numbers["fold_words"]), ("change", lang.numbers["change_verbs"])):
        for m in rx[key].finditer(sentence):
            if not any(s <= m.start() < e for s, e in taken):
                out.append(NumberMatch(m.start(), m.end(), float(table[m.group().lower()]), None, None,
                                       "exact", unit="times", kind="multiplier", number_start=m.start()))
    for m in rx["fraction"].finditer(sentence):
        if not any(s <= m.start() < e for s, e in taken) and re.match(r"\s+(?:of|the)\b", sentence[m.end():m.end() + 5], re.IGNORECASE):
            value = lang.numbers["fractions"][re.sub(r"\s+", " ", m.group().lower())]
            out.append(NumberMatch(m.start(), m.end(), value, None, None, "exact", unit="fraction", kind="share", number_start=m.start()))
    for m in rx["one_in"].finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        n = m.group(1)
        n = float(n) if n.isdigit() else word_value(n, lang)
        out.append(NumberMatch(m.start(), m.end(), round(1 / n, 6), None, None, "exact", unit="fraction", kind="share", number_start=m.start()))
        taken.append((m.start(), m.end()))
    for m in rx["every_nth"].finditer(sentence):
        n = float(m.group(1)) if m.group(1) else float(lang.numbers["ordinal_words"][m.group(2).lower()])
        out.append(NumberMatch(m.start(), m.end(), round(1 / n, 6), None, None, "exact",
                               unit="fraction", kind="share", number_start=m.start()))
    return out


def _merge_ranges(matches: list[NumberMatch], sentence: str) -> list[NumberMatch]:
    """'1,500-2,000', 'between 15,000 and 17,000', 'from 1,500 to 2,000', 'three or four times'."""
    merged: list[NumberMatch] = []
    for match in matches:
        prev = merged[-1] if merged else None
        if prev and _joins_range(prev, match, sentence):
            merged[-1] = _range(prev, match, sentence)
        else:
            merged.append(match)
    return merged


_JOIN = re.compile(r"\s*(?:-|–|—|to|and|or(?:\s+even)?)\s*$", re.IGNORECASE)
_OPEN = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)


def _joins_range(a: NumberMatch, b: NumberMatch, sentence: str) -> bool:
    gap = sentence[a.end:b.number_start]
    if not _JOIN.fullmatch(gap) or a.kind != "quantity" and a.unit != b.unit:
        return False
    if a.is_integer_literal and 1900 <= (a.value or 0) <= 2100 and not (b.is_integer_literal and 1900 <= (b.value or 0) <= 2100):
        return False  # "in 2022 to 18,400": a year, then a figure
    if a.value is None or b.value is None or b.bound not in ("exact", "approximate"):
        return False
    joiner = gap.strip().lower()
    opened = bool(_OPEN.search(sentence[: a.start]))
    if joiner in ("and", "to") and not opened and joiner == "and":
        return False
    # "3 or 4 times": the first number borrows the unit of the second.
    return a.value < b.value or (a.unit == "count" and b.unit != "count")


def _range(a: NumberMatch, b: NumberMatch, sentence: str) -> NumberMatch:
    low = a.value
    if a.unit == "count" and b.unit in ("percent", "times") and a.value < 1000 and b.value >= 1000:
        low = a.value  # a genuine mismatch; keep as written
    start = a.start
    opener = _OPEN.search(sentence[:start])
    if opener:
        start = opener.start()
    return NumberMatch(start, b.end, None, low, b.value, "range", unit=b.unit, kind=b.kind,
                       number_start=a.number_start, word_number=a.word_number and b.word_number)
