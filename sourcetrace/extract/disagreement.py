"""Disagreement inside one report: flagged on its figures, never corrected.

Two things a careful reader checks before repeating a report's numbers:

Two sources, two figures (``kind`` "sources")
    Two figures that count the same thing (indicator, rate, scope) over the same period, from
    different sources (the parties their chains go back to), whose values cannot both hold: the
    intervals their wording allows do not meet. Both figures get the flag, each naming the other.
A total that is not the sum of its parts (``kind`` "sum")
    A total and figures of the same count, scope and source whose periods lie inside the total's,
    do not overlap and together cover it exactly, as a breakdown by month or quarter does; when
    what the parts add up to cannot be the total, the total gets the flag with the parts and their
    sum. Parts that do not tile the period (a gap, an overlap) say nothing, and nothing is flagged.

Language-independent by construction: the component reads what earlier components found — values
and bounds, indicators, rates, periods, scopes and chains — and spells no word of any language and
no label of any parser, so it runs unchanged in every language's pipeline.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

from ..model.chains import origin
from ..model.records import Disagreement, Figure
from ..pipeline.component import component
from ..pipeline.state import TraceState

# How far a figure's wording lets its value stray, as a share of it: an exact figure as the
# estimator reads one (typos, late entries); an approximate one as far as rounding can reach (a
# round number is read as at most ±12.5%: the rounding step fits four times into it).
EXACT_SHARE = 0.005
ROUNDED_SHARE = 0.125
UPPER_BOUND_FLOOR = 0.9  # "up to v" is read as [0.9 v, v], as the estimator reads it


@component("disagreements", requires=("figures", "figure_chains"), assigns=("disagreements",))
def flag_disagreements(state: TraceState) -> None:
    counts = [f for f in state.figures if _countable(f)]
    sources = {id(f): _source(f) for f in counts}  # worked out once: a chain's origin is not free
    position = {id(f): n for n, f in enumerate(counts)}
    partners: dict[int, list[Figure]] = {}
    for first, second in _classes_that_may_disagree(counts, sources):
        a, b = first[0], second[0]  # alike within each class: one comparison answers for all
        if _same_scope(a, b) and None not in (sources[id(a)], sources[id(b)]) and sources[id(a)] != sources[id(b)] \
                and not _overlap(_interval(a), _interval(b)):
            for f in first:
                partners.setdefault(id(f), []).extend(second)
            for f in second:
                partners.setdefault(id(f), []).extend(first)
    for f in counts:  # in reading order, each figure's partners in reading order
        for other in sorted(partners.get(id(f), []), key=lambda o: position[id(o)]):
            f.disagreements.append(Disagreement("sources", [other.id], [other.value]))
    by_count: dict[tuple, list[Figure]] = {}
    for f in counts:
        by_count.setdefault((f.indicator, f.unit), []).append(f)
    for total in counts:
        parts = _parts(total, by_count[(total.indicator, total.unit)], sources)
        if parts and not _adds_up(total, parts):
            total.disagreements.append(Disagreement("sum", [p.id for p in parts], [p.value for p in parts],
                                                    sum(p.value for p in parts)))


def _classes_that_may_disagree(counts: list[Figure], sources: dict):
    """Pairs of classes of figures that answer the same question (count, unit, rate, period); a
    class holds the figures alike in all they could disagree on (source, wording, scope), so that a
    text of a thousand repeated figures is compared class by class, not figure by figure."""
    questions: dict[tuple, dict[tuple, list[Figure]]] = {}
    for f in counts:
        question = questions.setdefault((f.indicator, f.unit, f.rate_per, f.period.start, f.period.end), {})
        question.setdefault((sources[id(f)], _interval(f), f.scope and f.scope.casefold()), []).append(f)
    for classes in questions.values():
        kinds = list(classes.values())
        for i, first in enumerate(kinds):
            for second in kinds[i + 1:]:
                yield first, second


def _countable(figure: Figure) -> bool:
    return (figure.kind == "quantity" and figure.indicator is not None and figure.period is not None
            and figure.period.start is not None and figure.period.end is not None
            and (figure.value is not None or figure.bound == "range"))


def _same_scope(a: Figure, b: Figure) -> bool:
    return a.scope is None or b.scope is None or a.scope.casefold() == b.scope.casefold()


def _source(figure: Figure) -> tuple | None:
    """Who a figure goes back to, as comparable data: the origin's name. An unnamed origin ("a
    source") is not one party across relays: it is keyed by the named link that vouches for it,
    and with none, by the figure itself — two unvouched unnamed sources are not known to be one."""
    link = origin(figure.attribution)
    if link is None:
        return None
    if not (link.anonymous or link.vague):
        return (link.name.casefold(),)
    above = figure.attribution[:max(i for i, each in enumerate(figure.attribution) if each is link)]
    voucher = next((named.name.casefold() for named in reversed(above) if not (named.anonymous or named.vague)), None)
    return (link.name.casefold(), voucher or figure.id)


def _interval(figure: Figure) -> tuple[float, float]:
    """What the figure's wording allows (``math.inf`` for no upper end)."""
    if figure.bound == "range" or figure.value is None:
        return figure.low or 0.0, figure.high if figure.high is not None else math.inf
    value = figure.value
    if figure.bound == "lower":
        return value, math.inf
    if figure.bound == "upper":
        return UPPER_BOUND_FLOOR * value, value
    share = ROUNDED_SHARE if figure.bound == "approximate" else EXACT_SHARE
    return value * (1 - share), value * (1 + share)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _parts(total: Figure, figures: list[Figure], sources: dict) -> list[Figure]:
    """The figures that break ``total`` down by period: same count, scope and source, periods
    inside its own that tile it without gap or overlap; none when they do not."""
    if total.rate_per is not None or total.bound not in ("exact", "approximate"):
        return []
    inside = sorted((f for f in figures if f is not total and _part_of(f, total, sources)), key=lambda f: f.period.start)
    if len(inside) < 2:
        return []
    day = date.fromisoformat(total.period.start)
    for part in inside:
        if date.fromisoformat(part.period.start) != day:
            return []  # a gap or an overlap: not a breakdown we can add up
        day = date.fromisoformat(part.period.end) + timedelta(days=1)
    return inside if day == date.fromisoformat(total.period.end) + timedelta(days=1) else []


def _part_of(part: Figure, total: Figure, sources: dict) -> bool:
    return (part.indicator == total.indicator and part.unit == total.unit and part.rate_per is None
            and part.bound in ("exact", "approximate") and _same_scope(part, total)
            and sources[id(part)] in (None, sources[id(total)])
            and total.period.start <= part.period.start and part.period.end <= total.period.end
            and (part.period.start, part.period.end) != (total.period.start, total.period.end))


def _adds_up(total: Figure, parts: list[Figure]) -> bool:
    """The parts' sum and the total can be the same number, given how each is worded."""
    low = sum(_interval(p)[0] for p in parts)
    high = sum(_interval(p)[1] for p in parts)
    return _overlap((low, high), _interval(total))
