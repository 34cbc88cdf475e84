"""The point estimate: the smoothest series the standing reports allow (docs/reconcile.md §4).

Among all monthly series inside the feasible set, take the one whose slope changes least —
minimise ``Σ_leaf Σ_t |m[t-1] − 2 m[t] + m[t+1]| / size_leaf`` — plus a small pull (``PULL``, 1%
of that price) toward the centre of each month's band, so that where smoothness does not decide,
a month sits mid-band rather than at an arbitrary end. Absolute values keep it a linear program
(no quadratic solver needed) and let the series turn sharply where the reports say it does,
instead of spreading the turn over many months as squares would. Both terms are measured against
each leaf's typical month, so neither depends on units.

The pull goes to the centre of the month's band rather than to the centre of every report's
interval: a month's band already is what all its reports allow together, and this way the
reports' rows stay plain constraints that can wait outside the program until they bind (``lp``).

Where only a parent is reported, how it splits between its children is not identified: the point
puts it wherever the curvature is least, and only the children's bands say how open that is.
"""
from __future__ import annotations

import math
import statistics

import numpy as np
import scipy.sparse as sp

from .collapse import Layout
from .feasible import Feasible, Row
from .lp import LazyRows, Model, minimise_lazily
from .settings import VALUES

PULL = VALUES["smoothing_pull"]


def smoothest(feasible: Feasible, bands: dict[int, tuple[float, float | None]],
              backend: str | None = None) -> np.ndarray:
    """The point estimate of every column; ``bands`` maps columns to their (least, most)."""
    layout = feasible.layout
    sizes = _leaf_sizes(layout, feasible.rows)
    reference = statistics.median(sizes) if sizes else 1.0
    model = Model(backend)
    model.add_columns(layout.size)
    for leaf, size in enumerate(sizes):
        _add_curvature(model, layout, leaf, reference / size)
        _add_pull(model, layout, leaf, bands, PULL * reference / size)
    pool = LazyRows(feasible.pool.matrix, feasible.pool.lower, feasible.pool.upper, [r.scale for r in feasible.rows])
    seeds = np.flatnonzero(feasible.pool.added)  # the rows that bound the bands are a good start
    pool.added[seeds] = True
    add = _adder(model, pool)
    add(seeds)
    solution = minimise_lazily(model, pool, add)
    if solution.status != "optimal":
        raise RuntimeError(f"the smoothing program did not solve ({solution.status})")
    return np.maximum(solution.x[:layout.size], 0.0)


def _adder(model: Model, pool: LazyRows):
    def add(indices: np.ndarray) -> None:
        model.add_rows(pool.matrix[indices], pool.lower[indices], pool.upper[indices])
    return add


def _add_curvature(model: Model, layout: Layout, leaf: int, price: float) -> None:
    """``m[t-1] − 2 m[t] + m[t+1] = p − q`` with ``p, q ≥ 0`` priced: their sum is |curvature|."""
    T, base = len(layout.months), leaf * len(layout.months)
    if T < 3:
        return
    p = model.add_columns(T - 2, cost=price)
    q = model.add_columns(T - 2, cost=price)
    t = np.arange(1, T - 1)
    columns = np.stack([base + t - 1, base + t, base + t + 1, p, q], axis=1)
    values = np.tile([1.0, -2.0, 1.0, -1.0, 1.0], (T - 2, 1))
    model.add_rows(_rows(columns, values, model.columns), np.zeros(T - 2), np.zeros(T - 2))


def _add_pull(model: Model, layout: Layout, leaf: int, bands, price: float) -> None:
    """``m[t] = centre + u − v`` with ``u, v ≥ 0`` priced, for months with a finite band."""
    base = leaf * len(layout.months)
    centred = [(base + t, (low + high) / 2) for t in range(len(layout.months))
               for low, high in [bands.get(base + t, (0.0, None))] if high is not None]
    if not centred:
        return
    u = model.add_columns(len(centred), cost=price)
    v = model.add_columns(len(centred), cost=price)
    columns = np.stack([[c for c, _ in centred], u, v], axis=1)
    values = np.tile([1.0, -1.0, 1.0], (len(centred), 1))
    centres = np.array([centre for _, centre in centred])
    model.add_rows(_rows(columns, values, model.columns), centres, centres)


def _rows(columns: np.ndarray, values: np.ndarray, width: int) -> sp.csr_matrix:
    index = np.repeat(np.arange(columns.shape[0]), columns.shape[1])
    return sp.csr_matrix((values.ravel(), (index, columns.ravel())), shape=(columns.shape[0], width))


def _leaf_sizes(layout: Layout, rows: list[Row]) -> list[float]:
    """A typical month of each leaf: each row's centre shared over the weight it puts on months."""
    months = len(layout.months)
    per_leaf: list[list[float]] = [[] for _ in layout.leaves]
    for row in rows:
        centre = row.low if math.isinf(row.high) else (row.low + row.high) / 2
        for leaf in set((row.columns // months).tolist()):
            per_leaf[leaf].append(centre / row.values.sum())
    return [max(1.0, statistics.median(sizes)) if sizes else 1.0 for sizes in per_leaf]
