"""The feasible set of the standing reports, and the least and the most a month (or any row) can be.

Each month's band is two linear programs over the standing rows (docs/reconcile.md §4).
Four things spare most of the work, measured on the benchmark (bench/estimator.py) to cut the
programs solved by more than half:

- a month no standing row keeps above zero has least 0, and one that no row with a finite upper
  end touches has no most (raising it breaks nothing, since every weight is positive): no program;
- months whose columns appear in exactly the same rows with the same weights are interchangeable
  (swapping them maps the feasible set onto itself), so they share one answer;
- a bound one row proves (March's own report says at most 1,005) is the answer as soon as any
  series already found — every solved program leaves an optimal, so feasible, one — reaches it;
  for a parent, the sum of its children's answers is such a bound too;
- the rest run on one warm model with row generation (``lp``): all the least values in month
  order, then all the most, each starting from the last basis, with only the rows that bind.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import scipy.sparse as sp

from .collapse import Group, Layout, Row, leaves_of
from .constraints import Constraint
from .elastic import SLACK_TOLERANCE
from .lp import LazyRows, Model, minimise_lazily


def standing_rows(groups: list[Group], left_out: set[tuple[int, int]] = frozenset(),
                  hulls: dict[int, set[tuple[int, int]]] | None = None) -> list[Row]:
    """Each group's row: the intersection of the members that stand, within the hull of the members
    of a one-row dispute (``disputes``); members ``left_out`` (contradicted, or both sides of a
    dispute across rows) do not bind. Rows that say nothing are dropped.

    Intervals are widened by the elastic step's tolerance (a millionth of the row's size), so that
    solver rounding cannot make the standing set look empty; bands are that much wider at most.
    """
    rows, hulls = [], hulls or {}
    for g, group in enumerate(groups):
        joined = hulls.get(g, set())
        sides = [m for j, m in enumerate(group.members) if (g, j) in joined]
        standing = [m for j, m in enumerate(group.members) if (g, j) not in left_out and (g, j) not in joined]
        if not standing and not sides:
            continue
        give = SLACK_TOLERANCE * group.scale
        lows, highs = [m.low for m in standing], [m.high for m in standing]
        if sides:
            lows.append(min(m.low for m in sides))
            highs.append(max(m.high for m in sides))
        low, high = max(lows) - give, min(highs) + give
        if low > 0 or not math.isinf(high):
            reports = [c.obs_id for m in standing + sides for c, _ in m.reports]
            rows.append(Row(group.columns, group.values, max(0.0, low), max(high, low), group.scale, reports))
    return rows


def row_matrix(rows: list[Row], n: int) -> sp.csr_matrix:
    if not rows:
        return sp.csr_matrix((0, n))
    index = np.concatenate([np.full(len(r.columns), i) for i, r in enumerate(rows)])
    return sp.csr_matrix((np.concatenate([r.values for r in rows]), (index, np.concatenate([r.columns for r in rows]))),
                         shape=(len(rows), n))


class Feasible:
    """Least and most of non-negative combinations of the monthly unknowns over the standing rows."""

    def __init__(self, layout: Layout, rows: list[Row], backend: str | None = None):
        self.layout, self.rows, self._backend = layout, rows, backend
        self.pool = LazyRows(row_matrix(rows, layout.size), [r.low for r in rows], [r.high for r in rows],
                             [r.scale for r in rows])
        self._by_column = self.pool.matrix.tocsc()
        self._by_column.sort_indices()  # so that equal columns have equal index lists
        self._floor = _touched_by(self._by_column, self.pool.lower > 0)  # some row keeps this column above 0
        self._ceiling = _touched_by(self._by_column, np.isfinite(self.pool.upper))  # some row keeps it finite
        self._signature = _signatures(self._by_column)  # interchangeable columns share a number
        self._row_sizes = np.diff(self.pool.matrix.indptr)
        self._model: Model | None = None
        self._seen: list[np.ndarray] = []  # optimal series found so far: each certifies what it reaches
        self._stacked: np.ndarray | None = None
        self._proven: dict[tuple[bytes, bytes], tuple[float, float]] = {}  # ``_certain``, asked by least and most

    def touched(self, column: int) -> bool:
        return self._signature[column] != 0

    def sums(self, objectives: list[list[int]]) -> list[tuple[float, float | None]]:
        """(least, most) of Σ m[columns] for each list of columns.

        Single columns go first, so that a sum starts from the sum of its columns' answers as a
        bound; the least all come before the most, so the warm basis moves little between solves.
        """
        keys = [tuple(self._signature[c] for c in columns) for columns in objectives]
        unique = {key: np.array(columns) for key, columns in zip(keys, objectives)}
        order = sorted(unique, key=len)
        lows: dict[tuple, float] = {}
        highs: dict[tuple, float | None] = {}
        for key in order:
            lows[key] = self.least(unique[key], np.ones(len(key)), _total(lows, key) or 0.0)
        for key in order:
            highs[key] = self.most(unique[key], np.ones(len(key)), _total(highs, key))
        return [(lows[key], None if highs[key] is None else max(highs[key], lows[key])) for key in keys]

    def least(self, columns: np.ndarray, values: np.ndarray, floor: float = 0.0) -> float:
        """Least of ``values · m[columns]`` (``values`` > 0), knowing it is at least ``floor``."""
        if not self._floor[columns].any():
            return 0.0
        floor = max(floor, self._certain(columns, values)[0])
        if self._seen and self._seen_values(columns, values).min() <= floor + _near(floor):
            return floor  # a feasible series already seen reaches a bound no series can pass
        return max(0.0, self._solve(columns, values))

    def most(self, columns: np.ndarray, values: np.ndarray, ceiling: float | None = None) -> float | None:
        """Most of ``values · m[columns]`` knowing it is at most ``ceiling``; None when nothing bounds it."""
        if not self._ceiling[columns].all():
            return None
        ceiling = min(math.inf if ceiling is None else ceiling, self._certain(columns, values)[1])
        if self._seen and self._seen_values(columns, values).max() >= ceiling - _near(ceiling):
            return ceiling
        return -self._solve(columns, -values)

    def _certain(self, columns: np.ndarray, values: np.ndarray) -> tuple[float, float]:
        """Bounds on ``values · m[columns]`` that single rows prove, with no program.

        A row whose support lies inside ``columns`` is at most the objective times its largest ratio
        ``w / v``: its floor bounds the objective below. A row that covers every one of ``columns`` is
        at least the objective times its smallest ratio: its ceiling bounds it above.
        """
        key = (columns.tobytes(), values.tobytes())
        if key not in self._proven:
            self._proven[key] = self._single_row_bounds(columns, values)
        return self._proven[key]

    def _single_row_bounds(self, columns: np.ndarray, values: np.ndarray) -> tuple[float, float]:
        pieces = [self._column_rows(c) for c in columns.tolist()]
        rows = np.concatenate([r for r, _ in pieces])
        ratios = np.concatenate([w / v for (_, w), v in zip(pieces, values.tolist())])
        unique, index, count = np.unique(rows, return_inverse=True, return_counts=True)
        largest, smallest = np.zeros(len(unique)), np.full(len(unique), math.inf)
        np.maximum.at(largest, index, ratios)
        np.minimum.at(smallest, index, ratios)
        inside = count == self._row_sizes[unique]
        covering = count == len(columns)
        floors = self.pool.lower[unique[inside]] / largest[inside]
        ceilings = self.pool.upper[unique[covering]] / smallest[covering]
        return max(0.0, float(floors.max(initial=0.0))), float(ceilings.min(initial=math.inf))

    def _column_rows(self, column: int) -> tuple[np.ndarray, np.ndarray]:
        """The rows that weigh ``column``, and their weights on it."""
        start, end = self._by_column.indptr[column], self._by_column.indptr[column + 1]
        return self._by_column.indices[start:end], self._by_column.data[start:end]

    def _seen_values(self, columns: np.ndarray, values: np.ndarray) -> np.ndarray:
        """The objective at every optimal (so feasible) series the band programs have found."""
        if self._stacked is None or len(self._stacked) != len(self._seen):
            self._stacked = np.array(self._seen).reshape(len(self._seen), self.layout.size)
        return self._stacked[:, columns] @ values

    def range_of(self, constraint: Constraint, relations: Mapping[str, list[str]]) -> tuple[float, float | None]:
        """Least and most of ``constraint``'s row, in its own units; parts outside the grid are unbounded."""
        leaves = leaves_of(constraint.indicator, relations)
        weights = [(m, w) for m, w in constraint.months.items() if w > 0]
        inside = [(self.layout.column(leaf, m), w) for leaf in leaves for m, w in weights
                  if leaf in self.layout.leaves and m in self.layout.months]
        if not inside:
            return 0.0, None
        columns, values = np.array([c for c, _ in inside]), np.array([w for _, w in inside])
        most = self.most(columns, values) if len(inside) == len(leaves) * len(weights) else None
        least = self.least(columns, values)
        return least, None if most is None else max(most, least)

    def consistent(self) -> bool:
        """Whether some series satisfies every row: one program with nothing to minimise. Its
        answer is kept, as every solved program's is, to certify the bands it reaches."""
        if not self.rows:
            return True
        model = self._warm_model()
        model.set_costs(np.zeros(model.columns))
        solution = minimise_lazily(model, self.pool, self._add)
        if solution.status == "infeasible":
            return False
        if solution.status != "optimal":
            raise RuntimeError(f"the consistency program did not solve ({solution.status})")
        self._seen.append(solution.x[: self.layout.size])
        return True

    def _solve(self, columns: np.ndarray, values: np.ndarray) -> float:
        model = self._warm_model()
        cost = np.zeros(model.columns)
        np.add.at(cost, columns, values)
        model.set_costs(cost)
        solution = minimise_lazily(model, self.pool, self._add)
        if solution.status != "optimal":
            raise RuntimeError(f"a band program did not solve ({solution.status})")
        self._seen.append(solution.x[: self.layout.size])
        return solution.objective

    def _warm_model(self) -> Model:
        if self._model is None:
            self._model = Model(self._backend)
            self._model.add_columns(self.layout.size)
            seeds = _tightest(self.pool)
            self.pool.added[seeds] = True
            self._add(seeds)
        return self._model

    def _add(self, indices: np.ndarray) -> None:
        self._model.add_rows(self.pool.matrix[indices], self.pool.lower[indices], self.pool.upper[indices])


def _total(answers: dict[tuple, float | None], key: tuple) -> float | None:
    """The sum of the single-column answers of a sum's columns, when all are known and finite."""
    if len(key) == 1:
        return None
    parts = [answers.get((signature,)) for signature in key]
    return None if any(p is None for p in parts) else sum(parts)


def _near(bound: float) -> float:
    """How close a seen value must come to a proven bound to count as reaching it."""
    return 1e-9 * max(1.0, abs(bound))


def _touched_by(by_column: sp.csc_matrix, rows: np.ndarray) -> np.ndarray:
    """For each column, whether any of the ``rows`` (a mask) weighs it."""
    index = np.repeat(np.arange(by_column.shape[1]), np.diff(by_column.indptr))
    found = np.zeros(by_column.shape[1], dtype=bool)
    found[index[rows[by_column.indices]]] = True
    return found


def _signatures(by_column: sp.csc_matrix) -> list[int]:
    """A number per column: equal for columns in the same rows with the same weights (the same column
    of the matrix; weights are rounded already, ``normalised``); 0 for a column no row weighs."""
    numbers: dict[tuple, int] = {(b"", b""): 0}
    found = []
    for column in range(by_column.shape[1]):
        start, end = by_column.indptr[column], by_column.indptr[column + 1]
        key = (by_column.indices[start:end].tobytes(), by_column.data[start:end].tobytes())
        found.append(numbers.setdefault(key, len(numbers)))
    return found


def _tightest(pool: LazyRows) -> np.ndarray:
    """For each column, the row with the lowest ceiling on it and the row with the highest floor.

    The ceilings keep every question about a bounded month bounded from the first solve; both
    make a good first guess at which rows will bind.
    """
    matrix = pool.matrix.tocoo()
    ceiling = pool.upper[matrix.row] / matrix.data
    floor = np.where(pool.lower[matrix.row] > 0, -pool.lower[matrix.row] / matrix.data, np.inf)
    chosen = set()
    for per_column in (ceiling, floor):
        order = np.lexsort((per_column, matrix.col))  # by column, then tightest first
        firsts = order[np.r_[True, np.diff(matrix.col[order]) != 0]] if len(order) else order
        chosen |= {int(matrix.row[i]) for i in firsts if np.isfinite(per_column[i])}
    return np.array(sorted(chosen), dtype=np.int64)
