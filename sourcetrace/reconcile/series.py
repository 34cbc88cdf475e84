"""Reported figures about one indicator → a monthly series with honest bounds (issue 3).

    constraints, skipped = to_constraints(observations)
    result = estimate(mark_revisions(constraints), relations={"mil.awol_desertion_cases":
                      ["mil.awol_cases", "mil.desertion_cases"]})
    result.band("mil.awol_cases", "2024-03")   # MonthBand(low, high, point, no_data)
    result.contradictions                       # who cannot hold, by how much, against whom
    result.range_of(claim)                      # what the standing reports allow for any row

The steps, each in its own module:

1. Superseded revisions (``Constraint.superseded_by``, set by ``constraints.mark_revisions`` or by
   the caller) are left out and listed in ``result.superseded``.
2. ``collapse``: constraints asking the same question (same leaves, same month weights up to a
   factor) become one row; reports allowing the same interval in it, one member.
3. ``elastic``: the smallest weighted give that makes every row agree; reports that must give are
   contradicted, with the standing reports they conflict with and by how much.
4. ``feasible``: each month's band, the least and most it can be over the standing rows — linear
   programs on one warm HiGHS model with row generation (``lp``), skipped wherever a cheaper
   argument already gives the answer.
5. ``smooth``: the point estimate, the smoothest series inside the standing rows.

Every month's band contains every series all standing reports allow — up to a solver tolerance of
a millionth of each row's size, by which standing intervals are widened so that rounding in the
elastic step cannot make the standing set look empty.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from .collapse import Layout, collapse, layout_for, leaves_of
from .constraints import Constraint
from .elastic import Contradiction, find_contradictions
from .feasible import Feasible, standing_rows
from .smooth import smoothest


@dataclass
class MonthBand:
    month: str
    low: float
    high: float | None  # None: nothing bounds it above
    point: float | None  # None where there is no data
    no_data: bool  # no standing report touches this month


@dataclass
class SeriesResult:
    months: list[str]
    series: dict[str, list[MonthBand]]  # leaf and parent indicators
    contradictions: list[Contradiction]
    superseded: dict[str, str]  # obs_id → obs_id of the revision that replaced it
    standing: list[str]  # obs ids the bands rest on
    # The standing reports' feasible set, for range_of. A plain attribute, not a field, so that
    # dataclasses.asdict(result) stays plain data (it would deep-copy a solver otherwise).
    _feasible = None

    def band(self, indicator: str, month: str) -> MonthBand:
        return self.series[indicator][self.months.index(month)]

    def range_of(self, constraint: Constraint,
                 relations: Mapping[str, list[str]] | None = None) -> tuple[float, float | None]:
        """The least and most ``constraint``'s row can be given the standing reports, in its own units.

        The claim check (docs/reconcile.md §5) compares a claim's interval with this. Parts of the row
        outside the estimate's leaves or months are unbounded: they add nothing to the least and
        make the most None.
        """
        if self._feasible is None:
            return 0.0, None
        return self._feasible.range_of(constraint, relations or {})


def estimate(constraints: Iterable[Constraint], months: Iterable[str] | None = None,
             relations: Mapping[str, list[str]] | None = None, *, backend: str | None = None) -> SeriesResult:
    """Bands, a point estimate and the contradictions of ``constraints``.

    ``months``: 'YYYY-MM' keys to report (default: from the first to the last month any constraint
    touches). ``relations``: parent → children, a parent being the sum of its children; the
    unknowns are the leaves. ``backend``: "highs" or "linprog" (``lp.Model``); None picks the fast one.
    """
    relations = relations or {}
    constraints = list(constraints)
    months = None if months is None else list(months)
    active = [c for c in constraints if c.superseded_by is None]
    layout = layout_for(active, months, relations)
    groups = collapse(active, layout, relations)
    elastic = find_contradictions(layout, groups, backend)
    feasible = Feasible(layout, standing_rows(groups, elastic.contradicted), backend)
    shown = sorted(set(months)) if months is not None else layout.months
    indicators = _reported(active, layout, relations)
    bands = _bands(layout, feasible, [m for m in shown if m in layout.months], indicators, relations)
    leaf_bands = {layout.column(leaf, month): bands[leaf, month] for leaf in layout.leaves for month in layout.months
                  if (leaf, month) in bands}
    points = smoothest(feasible, leaf_bands, backend) if feasible.rows else np.zeros(layout.size)
    result = SeriesResult(
        months=shown,
        series={i: [_month(layout, feasible, points, bands, leaves_of(i, relations), i, m) for m in shown]
                for i in indicators},
        contradictions=elastic.contradictions,
        superseded={c.obs_id: c.superseded_by for c in constraints if c.superseded_by is not None},
        standing=[c.obs_id for c in active if c.obs_id not in elastic.contradicted])
    result._feasible = feasible
    return result


# --- the result --------------------------------------------------------------------------------

def _reported(active: list[Constraint], layout: Layout, relations: Mapping[str, list[str]]) -> list[str]:
    """Leaves, indicators the reports name, and parents all of whose leaves are estimated."""
    named = {c.indicator for c in active}
    parents = {p for p in relations if set(leaves_of(p, relations)) <= set(layout.leaves)}
    return sorted(set(layout.leaves) | named | parents)


def _bands(layout, feasible, shown, indicators, relations) -> dict[tuple[str, str], tuple[float, float | None]]:
    """(least, most) of the leaves in every month of the grid (the point estimate needs them all)
    and of the other indicators in the months shown, in one batch."""
    wanted = [(leaf, m) for leaf in layout.leaves for m in layout.months]
    wanted += [(i, m) for i in indicators if i not in layout.leaves for m in shown]
    objectives = [[layout.column(leaf, m) for leaf in leaves_of(i, relations)] for i, m in wanted]
    return dict(zip(wanted, feasible.sums(objectives)))


def _month(layout: Layout, feasible: Feasible, points: np.ndarray, bands, leaves, indicator: str,
           month: str) -> MonthBand:
    if month not in layout.months:
        return MonthBand(month, 0.0, None, None, True)
    columns = [layout.column(leaf, month) for leaf in leaves]
    touched = [feasible.touched(c) for c in columns]
    low, high = bands[indicator, month]
    point = float(points[columns].sum()) if all(touched) else None
    if point is not None:
        point = max(point, low) if high is None else min(max(point, low), high)  # solver rounding stays inside
    return MonthBand(month, low, high, point, not any(touched))
