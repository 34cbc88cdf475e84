"""Reported figures about one indicator → a monthly series with honest bounds (issue 3, issue 8).

    constraints, skipped = to_constraints(observations)
    result = estimate(mark_revisions(constraints), relations={"mil.awol_desertion_cases":
                      ["mil.awol_cases", "mil.desertion_cases"]})
    result.band("mil.awol_cases", "2024-03")   # MonthBand(low, high, point, no_data, disputed)
    result.all_reports["mil.awol_cases"]        # the same, with unnamed sources' reports too
    result.contradictions                       # who cannot hold, by how much, against whom
    result.disputes                             # where neither side outweighs the other
    result.range_of(claim)                      # what the named records allow for any row

Two tiers, so that no number of unnamed voices can move what the named records say. The *named
records* are the reports whose origin the text names (``Constraint.named``); their bands are
``series``. Reports of anonymous or vague origin are then fitted inside those bands, as rows no
unnamed report can bend: what they add (or, where no named record speaks, all there is) makes
``all_reports``. Within a tier the steps are, each in its own module:

1. Superseded revisions (``Constraint.superseded_by``, set by ``revisions.mark_revisions`` or by
   the caller) are left out and listed in ``result.superseded``.
2. ``collapse``: constraints asking the same question (same leaves, same month weights up to a
   factor) become one row; reports allowing the same interval in it, one member.
3. ``elastic``: the smallest weighted give that makes every row agree; reports that must give are
   contradicted, with the standing reports they conflict with and by how much.
4. ``disputes``: a contradicted report is outweighed when what it conflicts with weighs at least
   twice as much as it and its allies; otherwise both sides are kept as a dispute and the bands
   cover every side.
5. ``feasible``: each month's band, the least and most it can be over the standing rows — linear
   programs on one warm HiGHS model with row generation (``lp``), skipped wherever a cheaper
   argument already gives the answer.
6. ``smooth``: the point estimate, the smoothest series inside the named records' rows.

Every month's band contains every series all standing reports allow — up to a solver tolerance of
a millionth of each row's size, by which standing intervals are widened so that rounding in the
elastic step cannot make the standing set look empty.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .collapse import Group, Layout, Row, collapse, layout_for, leaves_of, tier
from .constraints import Constraint
from .disputes import Dispute, settle
from .elastic import SLACK_TOLERANCE, Contradiction, find_contradictions
from .feasible import Feasible, standing_rows
from .smooth import smoothest


@dataclass
class MonthBand:
    month: str
    low: float
    high: float | None  # None: nothing bounds it above
    point: float | None  # None where there is no data
    no_data: bool  # no standing report touches this month
    disputed: bool = False  # a dispute touches it: the band covers every side


@dataclass
class SeriesResult:
    months: list[str]
    series: dict[str, list[MonthBand]]  # what the named records allow, leaf and parent indicators
    contradictions: list[Contradiction]
    superseded: dict[str, str]  # obs_id → obs_id of the revision that replaced it
    standing: list[str]  # obs ids the bands rest on
    all_reports: dict[str, list[MonthBand]] = field(default_factory=dict)  # with unnamed sources too
    disputes: list[Dispute] = field(default_factory=list)
    # The standing reports' feasible sets, for range_of. Plain attributes, not fields, so that
    # dataclasses.asdict(result) stays plain data (it would deep-copy a solver otherwise).
    _feasible = None
    _all_feasible = None

    def band(self, indicator: str, month: str) -> MonthBand:
        return self.series[indicator][self.months.index(month)]

    def range_of(self, constraint: Constraint, relations: Mapping[str, list[str]] | None = None,
                 everything: bool = False) -> tuple[float, float | None]:
        """The least and most ``constraint``'s row can be given the named records (``everything``:
        given every standing report), in its own units.

        The claim check (docs/reconcile.md §5) compares a claim's interval with this. Parts of the row
        outside the estimate's leaves or months are unbounded: they add nothing to the least and
        make the most None.
        """
        feasible = self._all_feasible if everything else self._feasible
        if feasible is None:
            return 0.0, None
        return feasible.range_of(constraint, relations or {})


@dataclass
class _Tier:
    rows: list[Row]
    contradictions: list[Contradiction]
    disputes: list[Dispute]
    feasible: Feasible | None = None  # over the fixed rows and these, when one was built on the way


def estimate(constraints: Iterable[Constraint], months: Iterable[str] | None = None,
             relations: Mapping[str, list[str]] | None = None, *, backend: str | None = None) -> SeriesResult:
    """Bands, a point estimate, the contradictions and the disputes of ``constraints``.

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
    named = _tier(layout, tier(groups, named=True), backend, fixed=[], named=True)
    unnamed = tier(groups, named=False)
    others = _tier(layout, unnamed, backend, fixed=named.rows, named=False) if unnamed else _Tier([], [], [])
    records = named.feasible or Feasible(layout, named.rows, backend)
    everything = (others.feasible or Feasible(layout, named.rows + others.rows, backend)) if others.rows else records
    shown = sorted(set(months)) if months is not None else layout.months
    indicators = _reported(active, layout, relations)
    bands = _bands(layout, records, [m for m in shown if m in layout.months], indicators, relations)
    leaf_bands = {layout.column(leaf, month): bands[leaf, month] for leaf in layout.leaves for month in layout.months
                  if (leaf, month) in bands}
    points = smoothest(records, leaf_bands, backend) if records.rows else np.zeros(layout.size)
    disputed = {month for d in named.disputes for month in d.months}
    result = SeriesResult(
        months=shown,
        series={i: [_month(layout, records, points, bands, leaves_of(i, relations), i, m, disputed) for m in shown]
                for i in indicators},
        contradictions=named.contradictions + others.contradictions,
        superseded={c.obs_id: c.superseded_by for c in constraints if c.superseded_by is not None},
        standing=[obs for row in named.rows + others.rows for obs in row.reports],
        disputes=named.disputes + others.disputes)
    result.all_reports = result.series if everything is records else _all_reports(
        layout, everything, shown, indicators, relations, disputed | {m for d in others.disputes for m in d.months})
    result._feasible, result._all_feasible = records, everything
    return result


def _tier(layout: Layout, groups: list[Group], backend, fixed: list[Row], named: bool) -> _Tier:
    """One tier's standing rows, contradictions and disputes, the ``fixed`` rows holding as they are.

    Most corpora hold together, so the cheap question comes first: do all the reports, as they
    are, allow some series? Then nothing is contradicted, and the program that said so is the warm
    start of the bands. Only when they do not is the elastic program solved.
    """
    if all(_intersecting(group) for group in groups):
        feasible = Feasible(layout, fixed + standing_rows(groups), backend)
        if feasible.consistent():
            return _Tier(feasible.rows[len(fixed):], [], [], feasible)
    elastic = find_contradictions(layout, groups, backend, fixed)
    settlement = settle(elastic.broken, groups, layout, named)
    left_out = {(b.group, b.member) for b in elastic.broken} | settlement.dropped
    return _Tier(standing_rows(groups, left_out, settlement.hulls),
                 elastic.contradictions(fixed, settlement.dispute_of), settlement.disputes)


def _intersecting(group: Group) -> bool:
    """The group's members allow a common value, up to the elastic step's tolerance."""
    give = SLACK_TOLERANCE * group.scale
    return max(m.low for m in group.members) - give <= min(m.high for m in group.members) + give


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


def _all_reports(layout, feasible, shown, indicators, relations, disputed) -> dict[str, list[MonthBand]]:
    """The bands every standing report allows; no point estimate (that rests on named records)."""
    inside = [m for m in shown if m in layout.months]
    wanted = [(i, m) for i in indicators for m in inside]
    objectives = [[layout.column(leaf, m) for leaf in leaves_of(i, relations)] for i, m in wanted]
    bands = dict(zip(wanted, feasible.sums(objectives)))
    return {i: [_month(layout, feasible, None, bands, leaves_of(i, relations), i, m, disputed) for m in shown]
            for i in indicators}


def _month(layout: Layout, feasible: Feasible, points: np.ndarray | None, bands, leaves, indicator: str,
           month: str, disputed: set[str]) -> MonthBand:
    if month not in layout.months:
        return MonthBand(month, 0.0, None, None, True)
    columns = [layout.column(leaf, month) for leaf in leaves]
    touched = [feasible.touched(c) for c in columns]
    low, high = bands[indicator, month]
    point = float(points[columns].sum()) if points is not None and all(touched) else None
    if point is not None:
        point = max(point, low) if high is None else min(max(point, low), high)  # solver rounding stays inside
    return MonthBand(month, low, high, point, not any(touched), month in disputed)
