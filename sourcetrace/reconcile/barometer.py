"""The barometer: one indicator over time, from every stored trace.

traces → observations (registry ids on every link) → echoes collapsed onto their originals →
reliability grades (they weight the estimator) → constraints → the monthly series with bands and
contradictions → credibility grades → a dict of schema ``sourcetrace.barometer/1``.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Iterable

from .constraints import mark_revisions, to_constraints
from .echoes import collapse_echoes
from .grades import credibility, reliability
from .observations import country_of, observations_from_traces
from .series import estimate
from ..model import months
from ..model.observation import Grade, Observation

SCHEMA = "sourcetrace.barometer/1"


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
              month_from: str | None = None, month_to: str | None = None) -> dict:
    traces = list(traces)
    documents = {t["document"]["id"]: {**t["document"], "figures": t["figures"]} for t in traces}
    members = family(indicator, registry)
    observations = [o for o in observations_from_traces(traces, registry)
                    if o.indicator in members and _in_scope(o, scope)]
    # A figure re-told under its parent's or its child's label (combined called 'desertion') can be
    # an echo; siblings (AWOL and desertion) count different things.
    related = lambda a, b: a == b or a in registry.parents(b) or b in registry.parents(a)
    originals = collapse_echoes(observations, documents, related=related)
    for obs in originals:
        grade, why = reliability(obs, registry)
        obs.grade = Grade(grade, 6, why, "not yet checked")
    constraints, skipped = to_constraints(originals)
    relations = relations_of(members, registry)
    months = _months(constraints, month_from, month_to)
    result = estimate(mark_revisions(constraints), months=months, relations=relations)
    _credibility(originals, constraints, result)
    return _as_dict(indicator, registry, scope, originals, documents, constraints, skipped, result)


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
    touched = sorted({m for c in constraints for m in c.months})
    if not touched:
        return []
    return months.span(month_from or touched[0], month_to or touched[-1])


def _credibility(originals: list[Observation], constraints, result) -> None:
    contradicted = {c.obs_id for c in result.contradictions}
    by_id = {c.obs_id: c for c in constraints}
    standing = set(result.standing)
    for obs in originals:
        mine = by_id.get(obs.id)
        agreeing = [other.origin or other.id for other in originals
                    if other is not obs and other.origin != obs.origin and other.id in standing
                    and mine is not None and _same_row_overlap(mine, by_id.get(other.id))]
        checkable = mine is not None and any(
            other_id != obs.id and set(c.months) & set(mine.months) for other_id, c in by_id.items())
        c, why = credibility(obs, corroborated_by=sorted(set(agreeing)),
                             contradicted=obs.id in contradicted, fits_edge=False, checkable=checkable)
        obs.grade.credibility, obs.grade.credibility_reason = c, why


def _same_row_overlap(a, b) -> bool:
    if b is None or a.indicator != b.indicator or set(a.months) != set(b.months):
        return False
    a_high = float("inf") if a.high is None else a.high
    b_high = float("inf") if b.high is None else b.high
    return a.low <= b_high and b.low <= a_high


def _as_dict(indicator, registry, scope, originals, documents, constraints, skipped, result) -> dict:
    entry = registry.indicators.get(indicator, {})
    shown = {indicator, *registry.parents(indicator)}
    touching = {}
    for c in constraints:
        for month in c.months:
            touching.setdefault(month, []).append(c.obs_id)
    series = result.series.get(indicator) or []
    return {
        "schema": SCHEMA,
        "indicator": {"id": indicator, "label": entry.get("label"), "unit": entry.get("unit", "count")},
        "scope": scope,
        "months": [{"month": b.month, "estimate": None if b.no_data else b.point, "low": b.low,
                    "high": b.high, "no_data": b.no_data, "observations": touching.get(b.month, [])}
                   for b in series],
        # What the barometer is about: the indicator and what it is part of. The rest of the family
        # (AWOL cases in a desertion barometer) constrained the series too and is listed apart.
        "observations": [_observation(o, documents, result) for o in originals if o.indicator in shown],
        "related_observations": [_observation(o, documents, result) for o in originals if o.indicator not in shown],
        "contradictions": [asdict(c) for c in result.contradictions],
        "superseded": result.superseded,
        "skipped": [asdict(s) for s in skipped],
        "counts": {"documents": len(documents),
                   "observations": sum(1 for o in originals if o.indicator in shown),
                   "related": sum(1 for o in originals if o.indicator not in shown),
                   "echoes": sum(len(o.echoes) for o in originals if o.indicator in shown),
                   "constraints": len(constraints), "skipped": len(skipped)},
    }


def _observation(obs: Observation, documents: dict, result) -> dict:
    doc = documents.get(obs.document_id, {})
    figure = next((f for f in doc.get("figures", []) if f["id"] == obs.figure_id), {})
    sentence = figure.get("sentence")
    return {
        "id": obs.id, "indicator": obs.indicator, "scope": obs.scope,
        "text": figure.get("text"), "sentence": doc.get("text", "")[sentence[0]:sentence[1]] if sentence else None,
        "document_id": obs.document_id, "outlet": doc.get("outlet"), "published": doc.get("published"),
        "url": doc.get("url"), "title": doc.get("title"),
        "value": obs.value, "low": obs.low, "high": obs.high, "bound": obs.bound,
        "period_start": obs.period_start, "period_end": obs.period_end,
        "measure": obs.measure, "rate_per": obs.rate_per,
        "chain": obs.chain, "origin": obs.origin, "grade": asdict(obs.grade) if obs.grade else None,
        "echoes": [asdict(e) for e in obs.echoes],
        "contradicted": any(c.obs_id == obs.id for c in result.contradictions),
        "superseded_by": result.superseded.get(obs.id), "notes": obs.notes,
    }
