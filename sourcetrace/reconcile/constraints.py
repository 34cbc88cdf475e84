"""Observations become linear constraints on monthly counts: ``low ≤ Σ months[t] · m[t] ≤ high``.

The unknowns are the counts ``m[t] ≥ 0`` of an indicator in each month ``t`` ('YYYY-MM'). What a
report says fixes two things (docs/reconcile.md §1):

Which months it weighs (``weights``)
    A total over a period weighs each month by the share of its days the period covers: "since 24
    February 2022" gives February 2022 the weight 5/28. A rate is an average: the period's total
    divided by its length, in the rate's unit — per month: each month ``fraction / Σ fractions``
    (1/|P| for whole months); per day: ``fraction / days covered``, so a per-day rate over one month
    reads as the month's count divided by its days; per week ``7 · fraction / days``; per year
    ``12 · fraction / Σ fractions``. Counts are taken as spread evenly within a month.

Which values it allows (``interval``)
    exact → ``v ± tolerance·v`` (0.5% by default: typos and late corrections are not contradictions);
    approximate → ``v ±`` half its rounding step (``rounding_step``), never narrower than exact;
    lower bound ("more than v") → ``[v, ∞)``; upper bound ("almost/up to v") → ``[0.9 v, v]``;
    range → ``[low, high]``.

How much it weighs when reports disagree (``weight``)
    its source reliability's weight (``settings``); a report of an unnamed origin weighs the same
    whatever relays it; a report whose period was inferred, a quarter of that.

A report with no period: a rate is read over the ``window`` whole months before the publication
month and marked ``period_inferred`` (its weight cut to a quarter); a period with a start and no
end runs to the publication date ("since February 2022" in a report of 14 August 2025). A total
with no start cannot be placed and is skipped with the reason (``Unplaceable``). The settings
named here are in ``settings.py``.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date


from ..model import months as cal
from .settings import VALUES

EXACT_TOLERANCE = VALUES["exact_tolerance"]
UPPER_BOUND_FLOOR = VALUES["upper_bound_floor"]  # "almost 290,000": near v, not anywhere below it
INFERRED_WINDOW = VALUES["inferred_window"]  # months before publication a rate with no period is read over
INFERRED_PERIOD_FACTOR = VALUES["inferred_period_factor"]
# Reliability (Admiralty A-F) → weight in the contradiction search: a prosecutor's register
# outweighs an anonymous relay. F "cannot be judged" counts as an ungraded report.
RELIABILITY_WEIGHTS = VALUES["reliability_weights"]
UNNAMED_WEIGHT = VALUES["unnamed_weight"]
RATE_UNITS = ("day", "week", "month", "year")


class Unplaceable(ValueError):
    """The report cannot be tied to months (no period where one is needed, unknown measure)."""


@dataclass
class Constraint:
    """``low ≤ Σ months[t] · m[indicator, t] ≤ high`` — one report, read."""

    obs_id: str
    indicator: str
    months: dict[str, float]  # 'YYYY-MM' → weight
    low: float
    high: float | None  # None: no upper bound
    weight: float = 1.0
    origin: str | None = None
    published: str | None = None  # ISO date; orders revisions
    period_start: str | None = None
    period_end: str | None = None
    period_inferred: bool = False
    reading: str = ""  # how the interval was read: "about 20,000 → ±2,500 (rounded to 5,000)"
    superseded_by: str | None = None  # obs_id of a later revision; the estimator leaves it out
    named: bool = True  # its origin is named: it stands among the named records (see series.py)
    first_hand: bool = False  # its named origin told the reporting outlet itself: it may revise (revisions.py)
    update: bool = False  # its report calls it the origin's update or correction: it may revise too
    grade: str | None = None  # source reliability A-F, when graded


@dataclass
class Skipped:
    obs_id: str
    reason: str


# --- intervals from the wording ------------------------------------------------------------------

@functools.lru_cache(maxsize=1 << 16)  # echoes ask it of the same values again and again
def rounding_step(value: float) -> float:
    """The coarsest step of the 1–2.5–5 ladder that ``value`` is a multiple of at least four times.

    20,000 → 5,000 (not 10,000: "about 20,000" is 17,500–22,500, not 15,000–25,000); 15,000 →
    2,500; 10,000 → 2,500; 17,800 → 100; 250 → 50; 17,805 → 5; 0 → 0. Asking for four multiples
    caps the band at ±12.5% of the value; the ladder's 2.5 keeps round thousands from being read
    as precise to the unit.
    """
    if value <= 0:
        return 0.0
    for exponent in range(math.floor(math.log10(value)), -4, -1):
        for mantissa in (5.0, 2.5, 1.0):
            step = mantissa * 10.0 ** exponent
            if 4 * step <= value and _is_multiple(value, step):
                return step
    return 0.0


def _is_multiple(value: float, step: float) -> bool:
    ratio = value / step
    return abs(ratio - round(ratio)) <= 1e-9 * max(1.0, ratio)


def interval(value: float | None, bound: str, low: float | None = None, high: float | None = None,
             tolerance: float = EXACT_TOLERANCE) -> tuple[float, float | None, str]:
    """``(low, high, reading)`` the wording allows; ``high`` None is unbounded. Never below zero.

    The interval follows from ``value`` and ``bound`` alone; ``low`` and ``high`` (an observation's
    fields of those names) are read only for a range or when there is no value, so calling this
    again on an observation whose low/high it already filled gives the same answer.
    """
    if bound == "range" or value is None:
        return _range(low, high)
    if bound == "exact":
        half = tolerance * value
        return max(0.0, value - half), value + half, f"exact {value:,g}, widened by ±{tolerance:.1%} for typos and late entries"
    if bound == "approximate":
        return _approximate(value, tolerance)
    if bound == "lower":
        return value, None, f"more than {value:,g}, so at least {value:,g} with no upper end"
    if bound == "upper":
        return UPPER_BOUND_FLOOR * value, value, (f"up to {value:,g}, read as near it: {UPPER_BOUND_FLOOR:g} × {value:,g} "
                                                  f"to {value:,g}")
    raise Unplaceable(f"unknown bound {bound!r}")


def _range(low: float | None, high: float | None) -> tuple[float, float | None, str]:
    if low is None and high is None:
        raise Unplaceable("no value and no range")
    low = max(0.0, low or 0.0)
    if high is not None and high < low:
        low, high = high, low  # "between 5,000 and 3,000" means the same as the other way round
    return low, high, f"the range {low:,g} to {'no upper end' if high is None else f'{high:,g}'}"


def _approximate(value: float, tolerance: float) -> tuple[float, float, str]:
    step = rounding_step(value)
    half = max(step / 2, tolerance * value)
    why = (f"a round number, so anything that rounds to it at a step of {step:,g}" if step / 2 >= tolerance * value
           else f"at least ±{tolerance:.1%}, as an exact figure")
    return max(0.0, value - half), value + half, f"about {value:,g}, widened by ±{half:,g} ({why})"


# --- months from the period --------------------------------------------------------------------

def weights(start: date, end: date, measure: str, rate_per: str | None) -> dict[str, float]:
    """Each month's weight for a total or an average rate over [start, end] (module docstring)."""
    days = cal.coverage(start, end)
    fractions = {month: covered / cal.days_in(month) for month, covered in days.items()}
    if measure == "total":
        return fractions
    if measure != "rate" or rate_per not in RATE_UNITS:
        raise Unplaceable(f"measure {measure!r} per {rate_per!r} is neither a total nor a rate per day/week/month/year")
    length = {"month": sum(fractions.values()), "year": sum(fractions.values()) / 12,
              "day": sum(days.values()), "week": sum(days.values()) / 7}[rate_per]
    return {month: fraction / length for month, fraction in fractions.items()}


def _period(f: Mapping, window: int) -> tuple[date, date, bool]:
    """(start, end, inferred) of the period a report's fields ``f`` cover."""
    start, end, published = f.get("period_start"), f.get("period_end"), f.get("published")
    if start:
        if not end and not published:
            raise Unplaceable("a period with a start, no end and no publication date")
        return cal.first_day(start), cal.last_day(end or published), bool(f.get("period_inferred"))
    if f.get("measure") != "rate":
        raise Unplaceable("a total with no start date cannot be placed in months")
    if end:  # the window ends on the day the report names
        last = cal.last_day(end)
        return cal.first_day(cal.shift(cal.key(last), 1 - window)), last, True
    if not published:
        raise Unplaceable("a rate with no period and no publication date")
    first, last = cal.trailing(cal.first_day(published), window)
    return first, last, True


# --- observations ------------------------------------------------------------------------------

def to_constraint(obs, *, tolerance: float = EXACT_TOLERANCE, window: int = INFERRED_WINDOW) -> Constraint:
    """One observation (an ``Observation`` or a dict with its fields) as a constraint.

    Raises ``Unplaceable`` when the report cannot be tied to months.
    """
    return _constraint(obs, tolerance, window, {})


def to_constraints(observations: Iterable, *, tolerance: float = EXACT_TOLERANCE,
                   window: int = INFERRED_WINDOW) -> tuple[list[Constraint], list[Skipped]]:
    """Every observation that can be placed, and the reasons the others could not.

    Reports of the same period share one months dict (the estimator collapses them faster); treat
    ``Constraint.months`` as read-only.
    """
    placed, skipped, periods = [], [], {}
    for obs in observations:
        try:
            placed.append(_constraint(obs, tolerance, window, periods))
        except Unplaceable as why:
            skipped.append(Skipped(_fields(obs).get("id"), str(why)))
    return placed, skipped


def _constraint(obs, tolerance: float, window: int, periods: dict) -> Constraint:
    f = _fields(obs)
    if not f.get("indicator"):
        raise Unplaceable("no indicator")
    low, high, reading = interval(f.get("value"), f.get("bound") or "exact", f.get("low"), f.get("high"), tolerance)
    start, end, inferred, months = _months(f, window, periods)
    # A report that does not say whether its origin is named (a plain dict from a caller that knows
    # nothing of sources) is taken as named; observations always say.
    named = bool(f.get("origin_named", True))
    return Constraint(
        obs_id=f.get("id"), indicator=f["indicator"], months=months, low=low, high=high,
        weight=_weight(f, inferred, named), origin=f.get("origin"), published=f.get("published"),
        period_start=start, period_end=end, period_inferred=inferred, reading=reading,
        named=named, first_hand=bool(f.get("first_hand", False)), update=bool(f.get("update", False)),
        grade=_reliability(f))


def _months(f: Mapping, window: int, periods: dict) -> tuple[str, str, bool, dict[str, float]]:
    """(start, end, inferred, weights), worked out once per distinct way of stating a period."""
    measure, end = f.get("measure") or "total", f.get("period_end")
    key = (f.get("period_start"), end, None if end else f.get("published"), measure, f.get("rate_per"),
           bool(f.get("period_inferred")))
    if key not in periods:
        start, last, inferred = _period(f, window)
        periods[key] = (start.isoformat(), last.isoformat(), inferred, weights(start, last, measure, f.get("rate_per")))
    return periods[key]


def _reliability(f: Mapping) -> str | None:
    grade = f.get("grade")
    return _fields(grade).get("reliability") if grade is not None else None


def _weight(f: Mapping, inferred: bool, named: bool) -> float:
    base = RELIABILITY_WEIGHTS.get(_reliability(f), 1.0) if named else UNNAMED_WEIGHT
    return base * (INFERRED_PERIOD_FACTOR if inferred else 1.0)


def _fields(record) -> Mapping:
    """A dict, or a record's attributes read as one (``Observation``, ``Grade``)."""
    if isinstance(record, dict) or isinstance(record, Mapping):  # dict first: the ABC check is slow
        return record
    return vars(record) if hasattr(record, "__dict__") else {}


# --- rows: what makes two constraints the same question -----------------------------------------

def normalised(constraint: Constraint) -> tuple[tuple[tuple[str, float], ...], float]:
    """(months weights scaled so the largest is 1, the scale factor).

    A rate per month over Jan–Apr (weights 1/4) and a total over Jan–Apr (weights 1) ask the same
    question at different scales; dividing by the largest weight makes their rows equal, so they
    collapse together. Weights are rounded to 12 digits so that float noise does not split them.
    """
    weighed = sorted((m, w) for m, w in constraint.months.items() if w > 0)
    factor = float(max(w for _, w in weighed))
    if factor == 1.0 and all(w == 1.0 for _, w in weighed):
        return tuple(weighed), factor  # whole months of a total: nothing to scale
    return tuple((m, round(w / factor, 12)) for m, w in weighed), factor  # plain Python: rows are short
