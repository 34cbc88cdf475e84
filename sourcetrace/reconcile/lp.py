"""Linear programs for the estimator: a model grown as needed, rows held aside until they matter.

The estimator asks one feasible set many questions (the least and the most of each month), and its
feasible set has hundreds to thousands of rows over a hundred-odd monthly unknowns, of which only
a few bind at any optimum. Two things keep that fast:

Warm solves
    A ``Model`` stays alive between questions: changing the costs or adding rows re-solves from the
    last optimal basis. The ``"highs"`` backend reaches HiGHS through the bindings scipy ships
    (``scipy.optimize._highspy._core``, the ``Highs`` class the ``highspy`` package exposes); that
    module is private to scipy, which is why scipy is pinned and why the ``"linprog"`` backend exists:
    it solves the same model from scratch with the public ``scipy.optimize.linprog(method="highs")``
    each time. The tests hold the fast backend to it; it is also the fallback when the private
    module cannot be imported.
Row generation (``LazyRows``, ``minimise_lazily``)
    Rows wait in a pool; the model is solved with the rows added so far, every pooled row is checked
    against the solution (one sparse product), and the most broken ones are added before solving
    again. When nothing is broken the solution satisfies every row, and since the model without
    the pooled rows is a relaxation, it is optimal for the whole program.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

try:  # the private bindings; see the module docstring
    from scipy.optimize._highspy import _core as _highs_core
except ImportError:  # pragma: no cover - depends on the scipy build
    _highs_core = None

BATCH = 100  # rows added per round of row generation, most broken first (measured: 100 beat 200-5,000)
BROKEN = 1e-9  # a pooled row is broken when missed by more than this share of its scale


@dataclass
class Solution:
    status: str  # optimal | unbounded | infeasible | failed
    x: np.ndarray | None = None
    row_duals: np.ndarray | None = None  # only magnitudes are compared; sign conventions differ by backend
    objective: float | None = None


def default_backend() -> str:
    return "highs" if _highs_core is not None else "linprog"


class Model:
    """``min cost · x`` over rows ``lower ≤ A x ≤ upper`` and column bounds, grown as needed."""

    def __init__(self, backend: str | None = None):
        backend = backend or default_backend()
        if backend not in ("highs", "linprog"):
            raise ValueError(f"unknown LP backend {backend!r}: use 'highs' or 'linprog'")
        self._solver = _Highs() if backend == "highs" else _Linprog()
        self.columns = 0
        self.rows = 0

    def add_columns(self, count: int, lower=0.0, upper=math.inf, cost=0.0) -> np.ndarray:
        """``count`` new columns; returns their indices."""
        first = self.columns
        self.columns += count
        self._solver.add_columns(*(np.broadcast_to(np.asarray(v, dtype=float), (count,)).copy()
                                   for v in (lower, upper, cost)))
        return np.arange(first, self.columns)

    def add_rows(self, matrix, lower, upper) -> np.ndarray:
        """Rows over the existing columns (``matrix`` may have fewer columns than the model)."""
        matrix = sp.csr_matrix(matrix, dtype=float)
        first = self.rows
        self.rows += matrix.shape[0]
        self._solver.add_rows(matrix, np.asarray(lower, dtype=float), np.asarray(upper, dtype=float))
        return np.arange(first, self.rows)

    def set_costs(self, cost) -> None:
        """The whole cost vector (length ``columns``)."""
        self._solver.set_costs(np.asarray(cost, dtype=float))

    def minimise(self) -> Solution:
        return self._solver.minimise()


class _Highs:
    def __init__(self):
        self._highs = _highs_core._Highs()
        self._highs.setOptionValue("output_flag", False)
        self._highs.setOptionValue("presolve", "off")  # it would discard the basis the next solve starts from
        self._n = 0
        self._rows_added = True

    def add_columns(self, lower, upper, cost):
        self._highs.addVars(len(lower), lower, upper)
        self._n += len(lower)
        self._highs.changeColsCost(len(cost), np.arange(self._n - len(cost), self._n, dtype=np.int32), cost)

    def add_rows(self, matrix, lower, upper):
        self._rows_added = True
        self._highs.addRows(matrix.shape[0], lower, upper, matrix.nnz, matrix.indptr[:-1].astype(np.int32),
                            matrix.indices.astype(np.int32), matrix.data)

    def set_costs(self, cost):
        self._highs.changeColsCost(self._n, np.arange(self._n, dtype=np.int32), cost)

    def _run(self, strategy: int) -> str:
        self._highs.setOptionValue("simplex_strategy", strategy)
        self._highs.run()
        return _HIGHS_STATUS.get(self._highs.getModelStatus().name, "failed")

    def minimise(self) -> Solution:
        # After new rows the last basis is still dual feasible: dual simplex. After new costs only,
        # it is still primal feasible: primal simplex restarts from it in a few iterations (dual
        # simplex took ten times as many on the band programs).
        status = self._run(1 if self._rows_added else 4)
        self._rows_added = False
        if status == "failed":
            # A warm start can stall on a degenerate basis (HiGHS then says "unknown"); from scratch
            # with dual simplex it solves. Seen once in thousands of property-test programs.
            self._highs.clearSolver()
            status = self._run(1)
        if status != "optimal":
            return Solution(status)
        solution = self._highs.getSolution()
        return Solution(status, np.array(solution.col_value), np.array(solution.row_dual),
                        self._highs.getInfo().objective_function_value)


# kModelEmpty: no rows, so the optimum sits at the column bounds.
_HIGHS_STATUS = {"kOptimal": "optimal", "kModelEmpty": "optimal", "kUnbounded": "unbounded",
                 "kInfeasible": "infeasible", "kUnboundedOrInfeasible": "unbounded"}


class _Linprog:
    """Keeps the model as arrays and hands all of it to ``linprog`` on every solve."""

    def __init__(self):
        self._lower, self._upper, self._cost = np.zeros(0), np.zeros(0), np.zeros(0)
        self._blocks: list[sp.csr_matrix] = []
        self._row_lower, self._row_upper = np.zeros(0), np.zeros(0)

    def add_columns(self, lower, upper, cost):
        self._lower = np.concatenate([self._lower, lower])
        self._upper = np.concatenate([self._upper, upper])
        self._cost = np.concatenate([self._cost, cost])

    def add_rows(self, matrix, lower, upper):
        self._blocks.append(matrix)
        self._row_lower = np.concatenate([self._row_lower, lower])
        self._row_upper = np.concatenate([self._row_upper, upper])

    def set_costs(self, cost):
        self._cost = cost.copy()

    def minimise(self) -> Solution:
        n = len(self._cost)
        matrix = sp.vstack([sp.csr_matrix((b.data, b.indices, b.indptr), shape=(b.shape[0], n))
                            for b in self._blocks]).tocsr() if self._blocks else sp.csr_matrix((0, n))
        equal = self._row_lower == self._row_upper
        upper = ~equal & np.isfinite(self._row_upper)
        lower = ~equal & np.isfinite(self._row_lower)
        a_ub = sp.vstack([matrix[upper], -matrix[lower]]).tocsr()
        b_ub = np.concatenate([self._row_upper[upper], -self._row_lower[lower]])
        res = linprog(self._cost, A_ub=a_ub if a_ub.shape[0] else None, b_ub=b_ub if a_ub.shape[0] else None,
                      A_eq=matrix[equal] if equal.any() else None, b_eq=self._row_lower[equal] if equal.any() else None,
                      bounds=list(zip(self._lower, [None if math.isinf(u) else u for u in self._upper])),
                      method="highs")
        if res.status != 0:
            return Solution({2: "infeasible", 3: "unbounded"}.get(res.status, "failed"))
        duals = np.zeros(len(self._row_lower))
        if equal.any():
            duals[equal] = res.eqlin.marginals
        if a_ub.shape[0]:
            duals[upper] += res.ineqlin.marginals[: upper.sum()]
            duals[lower] -= res.ineqlin.marginals[upper.sum():]
        return Solution("optimal", res.x, duals, res.fun)


class LazyRows:
    """Rows ``lower ≤ matrix · x[:n] ≤ upper`` waiting to be added to a model when a solution breaks them."""

    def __init__(self, matrix, lower, upper, scale):
        self.matrix = sp.csr_matrix(matrix, dtype=float)
        self.lower, self.upper = np.asarray(lower, dtype=float), np.asarray(upper, dtype=float)
        self._tolerance = BROKEN * np.maximum(1.0, np.asarray(scale, dtype=float))
        self.added = np.zeros(self.matrix.shape[0], dtype=bool)

    def broken(self, x: np.ndarray) -> np.ndarray:
        """Rows not yet added that ``x`` misses, the worst (relative to their scale) first."""
        activity = self.matrix @ x[: self.matrix.shape[1]]
        miss = np.maximum(self.lower - activity, activity - self.upper) / self._tolerance
        miss[self.added] = 0.0
        bad = np.flatnonzero(miss > 1.0)
        return bad[np.argsort(-miss[bad], kind="stable")]


def minimise_lazily(model: Model, pool: LazyRows, add) -> Solution:
    """Solve, add the worst broken pooled rows through ``add(indices)``, repeat until none is broken."""
    while True:
        solution = model.minimise()
        if solution.status != "optimal":
            return solution
        bad = pool.broken(solution.x)
        if not len(bad):
            return solution
        pool.added[bad[:BATCH]] = True
        add(bad[:BATCH])
