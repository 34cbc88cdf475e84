"""The barometer: one indicator over time, from every stored trace.

traces → observations (registry ids on every link) → echoes collapsed onto their originals →
reliability grades (they weight the estimator) → constraints → revisions marked → the monthly
series: the named records' bands, what all reports allow, contradictions and disputes →
credibility grades → a dict of schema ``sourcetrace.barometer/2`` (``barometer_dict``).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterable

from ..model import months as cal
from .barometer_dict import as_dict
from .constraints import to_constraints
from .echoes import collapse_echoes
from .grades import grade_credibility, grade_reliability
from .lp import default_backend
from .observations import country_of, observations_from_traces
from .revisions import mark_revisions
from .series import SeriesResult, estimate
from ..model.observation import Observation


def family(indicator: str, registry) -> set[str]:
    """The indicator, what it is made of and what it is part of: all constrain each other."""
    found, todo = set(), [indicator]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo += registry.children(current) + registry.parents(current)
    return found


def relations_of(indicators: set[str], registry) -> dict[str, list[str]]:
    return {i: kids for i in indicators if (kids := [k for k in registry.children(i)
                                                     if registry.relation(i, k) == "sum_of"])}


def barometer(traces: Iterable[dict], indicator: str, registry, scope: str | None = None,
              month_from: str | None = None, month_to: str | None = None, *, backend: str | None = None) -> dict:
    with no_cycle_collection():
        return _barometer(list(traces), indicator, registry, scope, month_from, month_to, backend)


@contextmanager
def no_cycle_collection():
    """The cyclic garbage collector paused while the barometer runs, and set back as it was.

    The call makes hundreds of thousands of small objects (observations, chains, rows, the output)
    next to the ten thousand stored traces it reads, and none of them is garbage until it returns:
    each full collection walks all of them for nothing, and measured at 10,000 traces they took a
    third of the call (bench/RESULTS.md). Reference counting still frees what is dropped.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _barometer(traces: list[dict], indicator: str, registry, scope, month_from, month_to, backend) -> dict:
    documents = documents_of(traces)
    members = family(indicator, registry)
    observations = [o for o in observations_from_traces(traces, registry, members) if _in_scope(o, scope)]
    backend = backend or default_backend()
    series = reconcile(observations, documents, members, registry, month_from, month_to, backend=backend)
    grade_credibility(series.originals, series.constraints, series.result)
    return as_dict(indicator, registry, scope, series.originals, documents, series.constraints, series.skipped,
                   series.result, backend)


def documents_of(traces: list[dict]) -> dict[str, dict]:
    """Document id → the document with its figures: what echoes and the output read."""
    return {t["document"]["id"]: {**t["document"], "figures": t["figures"]} for t in traces}


@dataclass
class Reconciled:
    originals: list[Observation]  # echoes collapsed under them, reliability graded
    constraints: list
    skipped: list
    result: SeriesResult


def reconcile(observations: list[Observation], documents: dict, members: set[str], registry,
              month_from: str | None = None, month_to: str | None = None, *, backend: str | None = None) -> Reconciled:
    """What the barometer and the check share: echoes, grades, constraints, revisions, the series.
    ``observations`` are the family ``members``' figures; their ``echoes`` and ``grade`` are filled in."""
    # A figure re-told under its parent's or its child's label (combined called 'desertion') can be
    # an echo; siblings (AWOL and desertion) count different things.
    pairs = {(a, b) for a in members for b in members if a == b or a in registry.parents(b) or b in registry.parents(a)}
    originals = collapse_echoes(observations, documents, related=lambda a, b: (a, b) in pairs)
    grade_reliability(originals, registry)
    constraints, skipped = to_constraints(originals)
    result = estimate(mark_revisions(constraints), months=_months(constraints, month_from, month_to),
                      relations=relations_of(members, registry), backend=backend)
    return Reconciled(originals, constraints, skipped, result)


def _in_scope(obs: Observation, scope: str | None) -> bool:
    """A figure is about the scope's country when its own scope names it or, naming none, its
    report is about that country."""
    if scope is None:
        return True
    wanted = country_of(scope)
    if wanted is None:
        return obs.scope is not None and scope.lower() in obs.scope.lower()
    return obs.country == wanted


def _months(constraints, month_from: str | None, month_to: str | None) -> list[str] | None:
    touched = {m for months in {id(c.months): c.months for c in constraints}.values() for m in months}
    if not touched:
        return []
    first, last = month_from or min(touched), month_to or max(touched)
    return cal.span(first, last) if first <= last else []
