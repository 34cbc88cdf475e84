"""Which reports cannot all hold: the elastic program (docs/reconcile.md §3).

Every distinct interval ``k`` of a group ``g`` gets two slacks, ``L_k ≤ y_g + a_k − b_k ≤ U_k``,
where ``y_g = row_g · m`` and ``m ≥ 0``; the program minimises ``Σ weight_k · (a_k + b_k) / scale_g``.
When the reports agree the optimum is zero. Otherwise it is the least weighted distance by which
reports must give way (each measured against the typical size of its row) for all to agree, and
those left with slack are the contradicted ones; a second, re-priced solve (``_ElasticProgram``)
settles ties towards changing fewer reports. Because slack is measured against the row's median
report, a far-off report does not make itself look small, and two reports that agree outvote one
that does not.

What a contradicted report conflicts with comes from the same solution: the standing reports of
its own row whose intervals are disjoint from its own, then the standing reports that share a
month with it and whose rows carry a non-zero dual price — those that, loosened, would let it give
way less — the highest priced first. Only the first ``MAX_PARTNERS`` are named (a far-off running
total can collide with every monthly report under it); ``conflicts_total`` says how many there were.
When the prices are degenerate (all zero), the standing reports sharing a month that sit at an end
of their interval are named instead.

Fixed rows (``fixed``) are rows no report may bend: the named records' band when unnamed reports
are fitted to it (``series``). They wait in the same pool, join the program as plain rows when a
solution breaks them, and, priced, are partners like any standing report — partners that cannot
give way. Whether a contradicted report is outweighed or in a dispute is decided from the partners
found here (``disputes``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from .collapse import Group, Layout, Member, Row
from .lp import LazyRows, Model, minimise_lazily
from .settings import VALUES

SLACK_TOLERANCE = VALUES["slack_tolerance"]  # relative to the row's scale: below this a report is taken as holding
DUAL_TOLERANCE = 1e-9
MAX_PARTNERS = VALUES["max_partners"]
DAMPING = VALUES["damping"]  # second solve: a report that gave way by s (relative) costs DAMPING / (s + DAMPING) as much
DAMPING_FLOOR = VALUES["damping_floor"]  # ... but never under a thousandth: prices far below the solver's tolerances are noise


@dataclass
class Contradiction:
    obs_id: str
    indicator: str
    low: float  # what the report allows, in its own units
    high: float | None
    nearest: float  # the value of its row the standing reports settled on, in its own units
    off_by: float  # distance from its interval to ``nearest``
    relative: float  # ``off_by`` as a share of the row's typical value
    side: str  # "above": it says more than the others allow; "below": less
    conflicts_with: list[str] = field(default_factory=list)  # strongest first, at most MAX_PARTNERS
    conflicts_total: int = 0
    # True when what it conflicts with outweighs it, so the bands rest on the others; False when it
    # is one side of a dispute (``dispute``) and the bands show what each side allows.
    outweighed: bool = True
    dispute: str | None = None


@dataclass
class Broken:
    """A member that had to give way, and the standing members and fixed rows it cannot hold with."""

    group: int
    member: int
    partners: list[tuple[int, int]]  # (group, member), strongest first
    fixed: list[int]  # indices into the fixed rows


@dataclass
class Elastic:
    broken: list[Broken]
    values: np.ndarray  # each group's row value at the solution, in normalised units
    _outcome: object = None  # what ``contradictions`` reads

    def contradictions(self, fixed: list[Row], settled: dict[tuple[int, int], str | None]) -> list[Contradiction]:
        """One per report of every broken member; ``settled`` maps a member to its dispute id, or
        None when it is outweighed."""
        found = []
        for b in self.broken:
            reports = [c.obs_id for h, k in b.partners for c, _ in self._outcome.groups[h].members[k].reports]
            reports += [obs for f in b.fixed for obs in fixed[f].reports]
            named = list(dict.fromkeys(reports))
            dispute = settled.get((b.group, b.member))
            found += [_contradiction(self._outcome, b.group, b.member, c, factor, named[:MAX_PARTNERS], len(named),
                                     dispute) for c, factor in self._outcome.groups[b.group].members[b.member].reports]
        return found


def find_contradictions(layout: Layout, groups: list[Group], backend: str | None = None,
                        fixed: list[Row] = ()) -> Elastic:
    if not groups:
        return Elastic([], np.zeros(0))
    program = _ElasticProgram(layout, groups, backend, list(fixed))
    solution = program.solve()
    if program.reweight(solution):
        solution = program.solve()
    return _read(program, solution)


class _ElasticProgram:
    """Columns m first; a group joins with its y column, one row ``row · m − y = 0`` and, per member,
    the slack columns ``a``, ``b`` and the row ``L ≤ y + a − b ≤ U``.

    Groups wait in a pool as the row ``row · m`` within the intersection of their members' intervals:
    while a solution keeps it there no member needs slack, so the group need not be in the model. A
    group whose members do not intersect is broken by every solution and joins in the first round.

    Ties: a far-off report pulls its row with the same price per unit as a near one resists, so the
    first optimum may also bend a near report by a hair where that costs the same (a report saying
    "almost 1" next to one saying "about 1" and a far-off 1,000 on the same month). A second solve
    re-prices every report that gave way by ``DAMPING / (relative slack + DAMPING)`` — the classic
    reweighting towards fewest reports changed — so a report that gave way a hair is dear to move
    again and the far-off one is cheap: the hair goes back where it was.
    """

    def __init__(self, layout: Layout, groups: list[Group], backend: str | None, fixed: list[Row]):
        self.groups, self.n, self.fixed = groups, layout.size, fixed
        self.model = Model(backend)
        self.model.add_columns(layout.size)
        self.costs: list[float] = [0.0] * layout.size
        self.pool = LazyRows(sp.vstack([_rows(groups, layout.size), _rows(fixed, layout.size)]).tocsr(),
                             [max(m.low for m in g.members) for g in groups] + [r.low for r in fixed],
                             [min(m.high for m in g.members) for g in groups] + [r.high for r in fixed],
                             [g.scale for g in groups] + [r.scale for r in fixed])
        self.fixed_rows: dict[int, int] = {}  # fixed row → its row in the model
        self.reference = float(np.median([g.scale for g in groups]))  # keeps costs near 1 for the solver
        self.y: dict[int, int] = {}  # group → its y column
        self.slack: dict[tuple[int, int], tuple[int, int, int]] = {}  # member → (a column, b column, row)
        self.damping: dict[tuple[int, int], float] = {}  # members re-priced after the first solve

    def solve(self):
        solution = minimise_lazily(self.model, self.pool, self.add)
        if solution.status != "optimal":
            raise RuntimeError(f"the elastic program did not solve ({solution.status})")
        return solution

    def reweight(self, solution) -> bool:
        """Re-price the members that gave way; False when none did (nothing to re-solve)."""
        for (g, j), (a, b, _) in self.slack.items():
            relative = (solution.x[a] + solution.x[b]) / self.groups[g].scale
            if relative > SLACK_TOLERANCE:
                self.damping[g, j] = max(DAMPING / (relative + DAMPING), DAMPING_FLOOR)
        for (g, j), (a, b, _) in self.slack.items():
            self.costs[a] = self.costs[b] = self._cost(g, j)
        if self.damping:
            self.model.set_costs(self.costs)
        return bool(self.damping)

    def _cost(self, g: int, j: int) -> float:
        member = self.groups[g].members[j]
        return member.weight * self.reference / self.groups[g].scale * self.damping.get((g, j), 1.0)

    def add(self, indices: np.ndarray) -> None:
        """Bring groups into the model (their y columns and rows first, then their members'), and
        fixed rows as they are."""
        fixed = [int(i) - len(self.groups) for i in indices if i >= len(self.groups)]
        if fixed:
            rows = self.model.add_rows(self.pool.matrix[[f + len(self.groups) for f in fixed]],
                                       [self.fixed[f].low for f in fixed], [self.fixed[f].high for f in fixed])
            self.fixed_rows.update(zip(fixed, rows.tolist()))
        groups = [int(g) for g in indices if g < len(self.groups)]
        if not groups:
            return
        ys = self.model.add_columns(len(groups))
        self.costs += [0.0] * len(groups)
        self.y.update(zip(groups, ys.tolist()))
        rows = self.pool.matrix[groups]
        with_y = sp.hstack([sp.csr_matrix((rows.data, rows.indices, rows.indptr), shape=(len(groups), self.n)),
                            sp.csr_matrix((len(groups), self.model.columns - self.n))]).tolil()
        for i, y in enumerate(ys):
            with_y[i, y] = -1.0
        self.model.add_rows(with_y.tocsr(), np.zeros(len(groups)), np.zeros(len(groups)))
        self._add_members(groups)

    def _add_members(self, groups: list[int]) -> None:
        """Per member, slacks ``a`` and ``b`` (fixed at zero where never needed) and ``L ≤ y + a − b ≤ U``."""
        members = [(g, j, m) for g in groups for j, m in enumerate(self.groups[g].members)]
        cost = [self._cost(g, j) for g, j, _ in members]
        a_upper = [0.0 if m.low <= 0 else math.inf for _, _, m in members]
        b_upper = [0.0 if math.isinf(m.high) else math.inf for _, _, m in members]
        a = self.model.add_columns(len(members), upper=a_upper, cost=cost)
        b = self.model.add_columns(len(members), upper=b_upper, cost=cost)
        self.costs += cost + cost
        y = [self.y[g] for g, _, _ in members]
        index = np.repeat(np.arange(len(members)), 3)
        columns = np.stack([y, a, b], axis=1).ravel()
        values = np.tile([1.0, 1.0, -1.0], len(members))
        matrix = sp.csr_matrix((values, (index, columns)), shape=(len(members), self.model.columns))
        rows = self.model.add_rows(matrix, [m.low for _, _, m in members], [m.high for _, _, m in members])
        for (g, j, _), ai, bi, row in zip(members, a.tolist(), b.tolist(), rows.tolist()):
            self.slack[g, j] = (ai, bi, row)


def _rows(rows: list, n: int) -> sp.csr_matrix:
    """Groups or fixed rows (both have ``columns`` and ``values``) as one sparse matrix."""
    if not rows:
        return sp.csr_matrix((0, n))
    index = np.concatenate([np.full(len(r.columns), i) for i, r in enumerate(rows)])
    return sp.csr_matrix((np.concatenate([r.values for r in rows]),
                          (index, np.concatenate([r.columns for r in rows]))), shape=(len(rows), n))


@dataclass
class _Outcome:
    """The elastic solution, per group (``y``) and per member ``(g, j)`` (``up``, ``down`` slacks)."""

    groups: list[Group]
    fixed: list[Row]
    x: np.ndarray
    y: np.ndarray
    up: dict[tuple[int, int], float]  # `a`: the row had to reach up to the report (members in the model)
    down: dict[tuple[int, int], float]  # `b`: ... down to it
    broken: set[tuple[int, int]]
    priced: dict[tuple[int, int], float]  # standing members with a dual price, and its size
    by_column: dict[int, list[tuple[int, int]]]  # priced members by the columns their rows weigh
    fixed_by_column: dict[int, list[int]]  # priced fixed rows by their columns


def _read(program: _ElasticProgram, solution) -> Elastic:
    groups, x = program.groups, solution.x
    y = program.pool.matrix[:len(groups)] @ x[:program.n]  # every group's row value, in the model or not
    up = {gj: x[a] for gj, (a, b, _) in program.slack.items()}
    down = {gj: x[b] for gj, (a, b, _) in program.slack.items()}
    broken = {(g, j) for (g, j) in program.slack if up[g, j] + down[g, j] > SLACK_TOLERANCE * groups[g].scale}
    priced = {gj: abs(solution.row_duals[row]) for gj, (_, _, row) in program.slack.items()
              if abs(solution.row_duals[row]) > DUAL_TOLERANCE and gj not in broken}
    by_column: dict[int, list[tuple[int, int]]] = {}
    for g, j in priced:
        for column in groups[g].columns.tolist():
            by_column.setdefault(column, []).append((g, j))
    fixed_by_column: dict[int, list[int]] = {}
    for f, row in program.fixed_rows.items():
        if abs(solution.row_duals[row]) > DUAL_TOLERANCE:
            for column in program.fixed[f].columns.tolist():
                fixed_by_column.setdefault(column, []).append(f)
    outcome = _Outcome(groups, program.fixed, x, y, up, down, broken, priced, by_column, fixed_by_column)
    found = [Broken(g, j, *_partners(outcome, g, j)) for g, j in sorted(broken)]
    return Elastic(found, y, outcome)


def _contradiction(outcome: _Outcome, g: int, j: int, c, factor: float, named: list[str], total: int,
                   dispute: str | None) -> Contradiction:
    gap = outcome.up[g, j] + outcome.down[g, j]
    return Contradiction(
        obs_id=c.obs_id, indicator=c.indicator, low=c.low, high=c.high, nearest=float(outcome.y[g] * factor),
        off_by=float(gap * factor), relative=float(gap / outcome.groups[g].scale),
        side="above" if outcome.up[g, j] > outcome.down[g, j] else "below",
        conflicts_with=list(named), conflicts_total=total, outweighed=dispute is None, dispute=dispute)


def _partners(outcome: _Outcome, g: int, j: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Standing members it cannot hold with — disjoint ones in its row, then priced ones sharing a
    month — and the priced fixed rows sharing a month."""
    groups, member = outcome.groups, outcome.groups[g].members[j]
    same_row = [(g, h) for h, other in enumerate(groups[g].members)
                if (g, h) not in outcome.broken and _disjoint(member, other)]
    columns = groups[g].columns.tolist()
    sharing = {gj for column in columns for gj in outcome.by_column.get(column, ())}
    found = list(dict.fromkeys(same_row + sorted(sharing, key=lambda gj: -outcome.priced[gj])))
    fixed = sorted({f for column in columns for f in outcome.fixed_by_column.get(column, ())})
    if not found and not fixed:
        found, fixed = _binding_neighbours(outcome, g)
    return found, fixed


def _disjoint(a: Member, b: Member) -> bool:
    return a.high < b.low or b.high < a.low


def _binding_neighbours(outcome: _Outcome, g: int) -> tuple[list[tuple[int, int]], list[int]]:
    """When the prices are degenerate: standing members and fixed rows at an end of their interval,
    sharing a month."""
    mine = set(outcome.groups[g].columns.tolist())
    found = []
    for h, group in enumerate(outcome.groups):
        if h == g or mine.isdisjoint(group.columns.tolist()):
            continue
        near = SLACK_TOLERANCE * group.scale
        found += [(h, k) for k, m in enumerate(group.members) if (h, k) not in outcome.broken
                  and min(abs(outcome.y[h] - m.low), abs(outcome.y[h] - m.high)) <= near]
    fixed = []
    for f, row in enumerate(outcome.fixed):
        if not mine.isdisjoint(row.columns.tolist()):
            value = float(row.values @ outcome.x[row.columns])
            if min(abs(value - row.low), abs(value - row.high)) <= SLACK_TOLERANCE * row.scale:
                fixed.append(f)
    return found, fixed
