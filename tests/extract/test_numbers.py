"""Number forms and the cues around them (sourcetrace.extract.numbers) — no parse involved.

Covers PHENOMENA.md "Figures": separators of several conventions, scaled and spelled-out numbers,
vague quantities, ranges, lower/upper bounds, approximations, percentages, multipliers and ratios.
"""
from __future__ import annotations

import pytest

from sourcetrace.extract.numbers import find_numbers, parse_number


def only(sentence: str, en):
    found = find_numbers(sentence, en)
    assert len(found) == 1, [(sentence[m.start:m.end], m.value) for m in found]
    return found[0]


@pytest.mark.parametrize("sentence, written, value", [
    ("Military prosecutors opened 60,164 criminal cases last year.", "60,164", 60164),
    ("Military prosecutors opened 60 164 criminal cases last year.", "60 164", 60164),
    ("Military prosecutors opened 60\u00a0164 criminal cases last year.", "60\u00a0164", 60164),
    ("Military prosecutors opened 60.164 criminal cases last year.", "60.164", 60164),
    ("Investigators registered 29.8 thousand proceedings over the summer.", "29.8 thousand", 29800),
    ("The fighting has driven two million people from their homes.", "two million", 2_000_000),
    ("Three hundred and twelve soldiers came back to their units.", "Three hundred and twelve", 312),
    ("The regional fund paid $1.2 million in compensation.", "$1.2 million", 1_200_000),
])
def test_number_forms(en, sentence, written, value):
    match = only(sentence, en)
    assert sentence[match.start:match.end] == written
    assert match.value == value and match.bound == "exact"


def test_a_euro_decimal_comma_is_a_fraction_not_thousands(en):
    assert parse_number("29,8", en) == 29.8
    assert parse_number("1,500", en) == 1500


def test_a_dozen_is_approximately_twelve(en):
    match = only("A dozen soldiers slipped away from the training camp overnight.", en)
    assert (match.value, match.bound) == (12, "approximate")


def test_hundreds_of_is_a_lower_bound(en):
    match = only("Hundreds of conscripts failed to report to the recruitment office.", en)
    assert match.bound == "lower" and match.low == 200 and match.high is None


@pytest.mark.parametrize("sentence, low, high, written", [
    ("Police registered 1,500-2,000 cases in each region.", 1500, 2000, "1,500-2,000"),
    ("Between 15,000 and 17,000 soldiers are absent from their units.", 15000, 17000,
     "Between 15,000 and 17,000"),
])
def test_ranges(en, sentence, low, high, written):
    match = only(sentence, en)
    assert (match.bound, match.value, match.low, match.high) == ("range", None, low, high)
    assert sentence[match.start:match.end] == written


@pytest.mark.parametrize("cue, bound", [
    ("over", "lower"), ("more than", "lower"), ("at least", "lower"),
    ("almost", "upper"), ("nearly", "upper"), ("up to", "upper"), ("fewer than", "upper"),
    ("about", "approximate"), ("around", "approximate"), ("approximately", "approximate"),
    ("some", "approximate"),
])
def test_bound_and_approximation_cues(en, cue, bound):
    sentence = f"Border guards stopped {cue} 4,350 men at the crossings."
    match = only(sentence, en)
    assert sentence[match.start:match.end] == f"{cue} 4,350"
    assert match.bound == bound and match.value == 4350
    assert match.low == (4350 if bound == "lower" else None)
    assert match.high == (4350 if bound == "upper" else None)


def test_almost_with_a_space_separator_is_an_upper_bound(en):
    match = only("Almost 290 000 people have left the frontline districts.", en)
    assert (match.bound, match.high) == ("upper", 290000)


@pytest.mark.parametrize("sentence, unit, kind, value", [
    ("About 12 per cent of conscripts failed to appear.", "percent", "share", 12),
    ("Roughly 7% of the mobilised men deserted within a month.", "percent", "share", 7),
    ("The share of absentees rose by 3.5 percentage points.", "percentage_point", "change", 3.5),
    ("Desertion cases rose four-fold after the spring offensive.", "times", "multiplier", 4),
    ("The number of absentees tripled after the new law.", "times", "multiplier", 3),
])
def test_percentages_and_multipliers(en, sentence, unit, kind, value):
    match = only(sentence, en)
    assert (match.unit, match.kind, match.value) == (unit, kind, value)


def test_every_nth_is_a_fraction(en):
    match = only("Every 14th serviceman in the brigade has left without permission.", en)
    assert (match.unit, match.kind) == ("fraction", "share")
    assert match.value == pytest.approx(1 / 14, rel=1e-4)


def test_three_or_even_four_times_is_a_range_of_multipliers(en):
    sentence = "The real number is three or even four times higher than official figures."
    match = only(sentence, en)
    assert (match.bound, match.low, match.high, match.unit) == ("range", 3, 4, "times")
