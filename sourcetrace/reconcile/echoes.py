"""Collapse echoes: reports that repeat the same original figure become one observation.

Two observations are the same figure when their chains end at the same origin, they count the
same indicator (or one is the other's parent: an outlet calling AWOL-plus-desertion 'desertion'),
and they state the same quantity — equal within rounding — for the same period, or one of them
dropped the period. The earliest, most precise report is the original; the others are its echoes,
each with what changed on the way: rounded, re-labelled, period dropped, turned into a rate.
"""
from __future__ import annotations

import bisect
import math

from ..model import months
from ..model.observation import Echo, Observation
from .constraints import rounding_step


def collapse_echoes(observations: list[Observation], documents: dict[str, dict],
                    related=lambda a, b: a == b) -> list[Observation]:
    """Originals, each with ``echoes`` filled in. ``documents`` maps document id → document dict
    (outlet, published, text); ``related(a, b)`` says two indicators may name the same count."""
    originals: list[Observation] = []
    index = _Index()
    labels = {o.indicator for o in observations}
    pairs = {(a, b) for a in labels for b in labels if related(a, b)}  # asked tens of thousands of times
    for obs in sorted(observations, key=lambda o: _precedence(o, documents)):
        original = index.closest(obs, pairs)
        if original is None:
            originals.append(obs)
            index.add(obs)
        else:
            original.echoes.append(_echo(original, obs, documents))
    return originals


class _Index:
    """Originals where an echo can find them. An echo keeps its original's origin and measure and,
    unless it dropped the period, its first and last month; and it states the same number or one
    of the two rounded (``_same_number``): within the rounder one's rounding step of each other. A
    total re-told as a monthly rate lies within 15% of the total's monthly average. So originals are
    kept in lists sorted by value, one per (origin, measure, rate, first and last month, rounding
    step), and a report is compared only with those in the window its value allows — a few, not
    the thousands one ministry says.

    What the index finds agrees with ``obs`` on all of ``_same_figure`` but the indicators: its
    origin, measure, rate and months by the key it was filed under; the number by where it lies
    (``_same_numbers``: of the same rounding step only an equal value, of another within the rounder
    one's step); for a total found as a rate's average, the start month and a period of more than
    one month, and the average within 15% of the rate. tests/reconcile/test_echo_index.py holds it
    to ``_same_figure`` asked of every pair."""

    RATE_WINDOW = 0.85  # a total's monthly average and the rate it was re-told as (``_turned_into_rate``)

    def __init__(self):
        # (origin, measure, rate, (first, last month) or None) → [(value, order added, original)]
        self._values: dict[tuple, list[tuple[float, int, Observation]]] = {}
        self._any_period: dict[tuple, list] = {}  # the same without the period, for a report that dropped it
        # (origin, first month or None) → indicator → [(monthly average, order, original)] of totals over months
        self._averages: dict[tuple, dict[str, list[tuple[float, int, Observation]]]] = {}
        self._any_start: dict[str, dict[str, list]] = {}
        self._count = 0

    def add(self, obs: Observation) -> None:
        if obs.origin is None or obs.value is None:
            return  # a figure from nobody, or with no single value, echoes nothing and is echoed by nothing
        self._count += 1
        kind, entry = (obs.origin, obs.measure, obs.rate_per), (obs.value, self._count, obs)
        step = rounding_step(obs.value)
        bisect.insort(self._values.setdefault((*kind, _months_of(obs)), {}).setdefault(step, []), entry)
        bisect.insort(self._any_period.setdefault(kind, {}).setdefault(step, []), entry)
        spanned = months.count(obs.period_start, obs.period_end) if obs.period_start and obs.period_end else 0
        if obs.measure == "total" and spanned > 1:
            average = (obs.value / spanned, self._count, obs)
            bisect.insort(self._averages.setdefault((obs.origin, _start_month(obs)), {}).setdefault(obs.indicator, []),
                          average)
            bisect.insort(self._any_start.setdefault(obs.origin, {}).setdefault(obs.indicator, []), average)

    def closest(self, obs: Observation, pairs: set[tuple[str, str]]) -> Observation | None:
        """The original ``obs`` echoes, if any: of the originals ``_same_figure`` finds the same
        figure (``pairs``: the indicator pairs that may name the same count), the closest — same
        label first, then the nearest number; of equals, the first added."""
        if obs.origin is None or obs.value is None:
            return None
        kind, value, best, closest = (obs.origin, obs.measure, obs.rate_per), obs.value, None, None
        steps = ([self._values.get((*kind, _months_of(obs)), {}), self._values.get((*kind, None), {})]
                 if obs.period_start else [self._any_period.get(kind, {})])
        indicator = obs.indicator
        for by_step in steps:
            for step, entries in by_step.items():
                for _, order, candidate in _same_numbers(entries, value, step):
                    if (candidate.indicator, indicator) in pairs:
                        distance = (candidate.indicator != indicator, abs(candidate.value - value), order)
                        if closest is None or distance < closest:
                            best, closest = candidate, distance
        if obs.measure == "rate" and obs.rate_per == "month":
            by_label = (self._averages.get((obs.origin, _start_month(obs)), {}) if obs.period_start
                        else self._any_start.get(obs.origin, {}))
            for label, averages in by_label.items():
                if (label, indicator) not in pairs:
                    continue
                relabelled = label != indicator
                for average, order, candidate in _window(averages, value, self.RATE_WINDOW):
                    # a total's monthly average within 15% of the rate (``_turned_into_rate``)
                    if candidate.value and abs(average - value) <= 0.15 * max(abs(average), abs(value)):
                        distance = (relabelled, abs(candidate.value - value), order)
                        if closest is None or distance < closest:
                            best, closest = candidate, distance
        return best


def _same_numbers(entries: list[tuple[float, int, Observation]], value: float, step: float) -> list:
    """The entries (all rounded to ``step``) that ``_same_number`` finds equal to ``value``, by
    where they lie alone: of the same rounding step only an equal value (two different numbers of
    one precision are no rounding of each other); of another step, those within the rounder
    one's step of it."""
    mine = rounding_step(value)
    reach = 0.0 if step == mine else max(step, mine)
    return entries[bisect.bisect_left(entries, (value - reach, -1)):bisect.bisect_right(entries, (value + reach, math.inf))]


def _window(entries: list[tuple[float, int, Observation]], value: float, share: float) -> list:
    """The entries whose value lies within ``share`` of ``value``, either way."""
    low, high = value * share, value / share
    if value < 0:
        low, high = high, low
    return entries[bisect.bisect_left(entries, (low, -1)):bisect.bisect_right(entries, (high, math.inf))]


def _start_month(obs: Observation) -> str | None:
    return obs.period_start[:7] if obs.period_start else None


def _months_of(obs: Observation) -> tuple[str, str] | None:
    """The first and last month of the period, as ``_same_figure`` compares them; None without one."""
    return (obs.period_start[:7], (obs.period_end or "")[:7]) if obs.period_start else None


def _precedence(obs: Observation, documents: dict) -> tuple:
    """Earlier first; on the same day the more precise wording and the shorter chain first."""
    published = documents.get(obs.document_id, {}).get("published") or "9999-99-99"
    return (published, obs.bound != "exact", len(obs.chain), obs.id)


def _same_figure(a: Observation, b: Observation, related) -> bool:
    if a.origin is None or a.origin != b.origin or not related(a.indicator, b.indicator):
        return False
    if _turned_into_rate(a, b):
        return True
    if a.measure != b.measure or (a.rate_per or None) != (b.rate_per or None):
        return False
    if a.period_start and b.period_start and (a.period_start[:7], (a.period_end or "")[:7]) != (
            b.period_start[:7], (b.period_end or "")[:7]):
        return False
    return _same_number(a, b)


def _same_number(a: Observation, b: Observation) -> bool:
    """Equal, or one is the other rounded: 41,760 → 'about 42,000' or '40,000'. Two different
    exact numbers (9,810 and 9,870) are a revision or a mistake, not an echo."""
    if a.value is None or b.value is None:
        return False
    if a.value == b.value:
        return True
    precise, rounded = sorted((a.value, b.value), key=rounding_step)
    step = rounding_step(rounded)
    return step > 0 and rounding_step(precise) < step and abs(precise - rounded) <= step


def _turned_into_rate(total: Observation, rate: Observation) -> bool:
    """'41,760 since February 2023' re-told as 'about 1,100 a month': total / months ≈ rate."""
    if total.measure != "total" or rate.measure != "rate" or rate.rate_per != "month":
        return False
    if rate.period_start and (total.period_start or "")[:7] != rate.period_start[:7]:
        return False  # a rate over other months is another figure
    if not total.period_start or not total.period_end:
        return False
    spanned = months.count(total.period_start, total.period_end)
    return spanned > 1 and _close(total.value / spanned if total.value else None, rate.value, tolerance=0.15)


def _close(a: float | None, b: float | None, tolerance: float = 0.06) -> bool:
    """Equal within rounding: 41,760 and 'about 42,000' are the same figure; 41,760 and 45,000 not."""
    if a is None or b is None:
        return False
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _echo(original: Observation, obs: Observation, documents: dict) -> Echo:
    doc = documents.get(obs.document_id, {})
    return Echo(document_id=obs.document_id, figure_id=obs.figure_id, outlet=doc.get("outlet"),
                published=doc.get("published"), text=_figure_text(obs, doc),
                changes=_changes(original, obs), language=doc.get("language"))


def _changes(original: Observation, echo: Observation) -> list[str]:
    changes = []
    if original.measure != echo.measure:
        pass  # a total re-told as a rate: the numbers differ by design, see below
    elif original.value is not None and echo.value is not None and original.value != echo.value:
        changes.append(f"rounded ({original.value:,.0f} → {echo.value:,.0f})")
    elif original.bound == "exact" and echo.bound != "exact":
        changes.append(f"made {echo.bound}")
    if original.indicator != echo.indicator:
        changes.append(f"re-labelled ({original.indicator} → {echo.indicator})")
    if original.period_start and not echo.period_start:
        changes.append("period dropped")
    if original.measure == "total" and echo.measure == "rate":
        changes.append(f"turned into a rate per {echo.rate_per}")
    if len(echo.chain) > len(original.chain):
        changes.append("passed through more hands")
    return changes or ["repeated as it was"]


def _figure_text(obs: Observation, doc: dict) -> str:
    for figure in doc.get("figures", []):
        if figure["id"] == obs.figure_id:
            return figure["text"]
    return obs.figure_id
