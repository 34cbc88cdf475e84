"""Find numbers in a sentence and read their value, bound and unit — no parse needed.

This module knows number *forms* (60,164 / 60 164 / 60.164 / 29.8 thousand / two million /
hundreds of / 1,500-2,000 / between 15,000 and 17,000) and the cues around them (about, over,
almost, per cent). Which numbers are figures worth reporting is decided in ``figures.py``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass

from ..lang import Language


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
    index: int = -1  # its place among the sentence's figures, once they are chosen (figures.py)


def parse_number(text: str, lang: Language) -> float:
    return lang.forms.parse_number(text)


def word_value(phrase: str, lang: Language) -> float:
    return lang.forms.word_value(phrase)


def find_numbers(sentence: str, lang: Language) -> list[NumberMatch]:
    rx = lang.forms.numbers
    matches = _vague_quantities(sentence, rx, lang)
    matches += _relative_figures(sentence, rx, lang, [(m.start, m.end) for m in matches])
    taken = Taken((m.start, m.end) for m in matches)
    for start, end, value, word in _raw_numbers(sentence, rx, lang):
        if taken.overlaps(start, end):
            continue
        match = _read_figure(sentence, start, end, value, word, rx, lang)
        matches.append(match)
        taken.add(match.start, match.end)
    matches = [m if m.kind == "quantity" else _apply_cue(m, sentence, rx) for m in matches]
    return _merge_ranges(sorted(matches, key=lambda m: m.start), sentence, lang)


class Taken:
    """Stretches of a sentence already read as numbers, kept sorted so that asking whether a new
    one overlaps them costs a bisection, not a walk over all of them."""

    def __init__(self, spans=()):
        self.spans: list[tuple[int, int]] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether one of them holds ``start`` or begins inside [start, end). They never overlap
        each other, so only the one before the new stretch and those starting within it can."""
        i = bisect_left(self.spans, (start, end))
        if i > 0 and self.spans[i - 1][1] > start:
            return True
        return i < len(self.spans) and self.spans[i][0] < end


def _raw_numbers(sentence: str, rx: dict, lang: Language):
    """Yield (start, end, value, spelled_out) for each number, with its multiplier applied."""
    found = [(m.start(), m.end(), parse_number(m.group(), lang), False) for m in rx["digits"].finditer(sentence)]
    digits = Taken((s, e) for s, e, _, _ in found)
    for m in rx["word"].finditer(sentence):
        if not digits.overlaps(m.start(), m.start() + 1):
            found.append((m.start(), m.end(), word_value(m.group(), lang) or 1.0, True))
    for start, end, value, word in sorted(found):
        mult = rx["multiplier"].match(sentence, end)
        if mult and not _is_unit_letter(mult, lang):
            factor = lang.numbers["multipliers"][mult.group().strip().rstrip(".").lower()]
            yield start, mult.end(), value * factor, word
        else:
            yield start, end, value, word


def _is_unit_letter(mult: re.Match, lang: Language) -> bool:
    """'5 m' may be metres; 'k'/'m' count as multipliers only when glued to the number."""
    word = mult.group().strip().rstrip(".").lower()
    return word in lang.numbers["spaced_unit_letters"] and mult.group()[0].isspace()


def _read_figure(sentence, start, end, value, word, rx, lang) -> NumberMatch:
    match = NumberMatch(start, end, value, None, None, "exact", number_start=start, word_number=word,
                        is_integer_literal=bool(re.fullmatch(r"\d+", sentence[start:end])))
    _apply_currency(match, sentence, rx, lang.units)
    _apply_unit(match, sentence, rx, lang.units)
    return _apply_cue(match, sentence, rx)


# How far before a number its cue or currency may begin ("in the region of", "no fewer than").
CUE_REACH = 40


def _before(sentence: str, start: int) -> tuple[str, int]:
    """The stretch right before a number where its cue stands, and where it begins: looking at the
    whole sentence before every number made a long run of numbers quadratic."""
    offset = max(0, start - CUE_REACH)
    return sentence[offset:start], offset


def _apply_cue(match: NumberMatch, sentence: str, rx: dict) -> NumberMatch:
    """'more than 5,000' is a lower bound, 'almost 290,000' an upper one, 'about 20,000' approximate."""
    # The longest cue wins: "no more than" is an upper bound although it ends in "more than".
    before, offset = _before(sentence, match.start)
    cues = [(offset + cue.start(), name) for name in ("lower", "upper", "approx")
            for cue in [rx[name].search(before)] if cue]
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
    before, offset = _before(sentence, match.start)
    code = rx["currency_code"].search(before)
    if code:
        match.unit, match.start = code.group(1), offset + code.start()
        return
    symbol = rx["currency_sym"].search(before)
    if symbol:
        match.unit = units["currency_symbols"][symbol.group(1)]
        match.start = offset + symbol.start()
        return
    after = sentence[match.end:]
    word = rx["currency_word"].match(after.lstrip())
    if word and after[: len(after) - len(after.lstrip())] in (" ", ""):
        # the pattern lets any white space stand between a currency's words ('доларів\t сша')
        match.unit = units["currency_words"][" ".join(word.group().lower().split())]
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


def _vague_quantities(sentence: str, rx: dict, lang: Language) -> list[NumberMatch]:
    out = []
    for m in rx["vague"].finditer(sentence):
        spec = lang.numbers["vague_quantities"][re.sub(r"\s+", " ", m.group().lower())]
        linker = " " + lang.numbers["quantity_linker"]  # "dozens of": the figure ends before "of"
        end = m.end() - (len(linker) if m.group().lower().endswith(linker) else 0)
        low = spec["value"] if spec["bound"] == "lower" else None
        out.append(NumberMatch(m.start(), end, spec["value"], low, None, spec["bound"],
                               number_start=m.start(), word_number=True))
    return out


def _relative_figures(sentence: str, rx: dict, lang: Language, taken) -> list[NumberMatch]:
    """Multipliers and shares: 'a four-fold increase', 'tripled', 'every 14th serviceman'."""
    out = []
    for key, table in (("fold", lang.numbers["fold_words"]), ("change", lang.numbers["change_verbs"])):
        for m in rx[key].finditer(sentence):
            if not any(s <= m.start() < e for s, e in taken):
                out.append(NumberMatch(m.start(), m.end(), float(table[m.group().lower()]), None, None,
                                       "exact", unit="times", kind="multiplier", number_start=m.start()))
    for m in rx["fraction"].finditer(sentence):
        if not any(s <= m.start() < e for s, e in taken) and rx["fraction_follows"].match(sentence[m.end():m.end() + 5]):
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


def _merge_ranges(matches: list[NumberMatch], sentence: str, lang: Language) -> list[NumberMatch]:
    """'1,500-2,000', 'between 15,000 and 17,000', 'from 1,500 to 2,000', 'three or four times'."""
    merged: list[NumberMatch] = []
    for match in matches:
        prev = merged[-1] if merged else None
        if prev and _joins_range(prev, match, sentence, lang):
            merged[-1] = _range(prev, match, sentence, lang)
        else:
            merged.append(match)
    return merged


def _joins_range(a: NumberMatch, b: NumberMatch, sentence: str, lang: Language) -> bool:
    rx = lang.forms.numbers
    gap = sentence[a.end:b.number_start]
    if not rx["join"].fullmatch(gap) or a.kind != "quantity" and a.unit != b.unit:
        return False
    if a.is_integer_literal and 1900 <= (a.value or 0) <= 2100 and not (b.is_integer_literal and 1900 <= (b.value or 0) <= 2100):
        return False  # "in 2022 to 18,400": a year, then a figure
    if a.value is None or b.value is None or b.bound not in ("exact", "approximate"):
        return False
    opened = bool(rx["open"].search(sentence[: a.start]))
    if gap.strip().lower() in lang.numbers["joiners_needing_opener"] and not opened:
        return False
    # "3 or 4 times": the first number borrows the unit of the second.
    return a.value < b.value or (a.unit == "count" and b.unit != "count")


def _range(a: NumberMatch, b: NumberMatch, sentence: str, lang: Language) -> NumberMatch:
    low = a.value * _shared_multiplier(a, b, sentence, lang)
    if a.unit == "count" and b.unit in ("percent", "times") and a.value < 1000 and b.value >= 1000:
        low = a.value  # a genuine mismatch; keep as written
    start = a.start
    opener = lang.forms.numbers["open"].search(sentence[:start])
    if opener:
        start = opener.start()
    return NumberMatch(start, b.end, None, low, b.value, "range", unit=b.unit, kind=b.kind,
                       number_start=a.number_start, word_number=a.word_number and b.word_number)


def _shared_multiplier(a: NumberMatch, b: NumberMatch, sentence: str, lang: Language) -> float:
    """'от 30 до 50 тыс.', 'from 3 to 5 million': a multiplier written once, after the second
    number, scales the first too (when the first has none of its own and stays below the second)."""
    rx = lang.forms.numbers["multiplier"]
    if a.word_number or rx.search(sentence[a.number_start:a.end]):
        return 1.0
    digits = lang.forms.numbers["digits"].match(sentence, b.number_start)
    after = rx.match(sentence, digits.end()) if digits else None
    if after is None:
        return 1.0
    factor = lang.numbers["multipliers"].get(after.group().strip().rstrip(".").lower(), 1)
    return factor if a.value is not None and b.value is not None and a.value * factor < b.value else 1.0
