"""The barometer as the plain dict of schema ``sourcetrace.barometer/2``
(``model/schemas/barometer-2.json``): what the JSON output, the table and the charts read.

Each month carries two bands: ``low``/``high`` (and the estimate) are what the named records
allow; ``all_reports`` is what every standing report allows, unnamed sources included, fitted
inside the named records' band. ``generator`` records what produced it: the tool's version, the
registry's and the estimator's settings (``settings``).
"""
from __future__ import annotations

from dataclasses import asdict

from ..version import __version__
from ..model.observation import Observation
from .settings import recorded

SCHEMA = "sourcetrace.barometer/2"


def as_dict(indicator, registry, scope, originals, documents, constraints, skipped, result, backend: str) -> dict:
    entry = registry.indicators.get(indicator, {})
    shown = {indicator, *registry.parents(indicator)}
    about = [o for o in originals if o.indicator in shown]
    related = [o for o in originals if o.indicator not in shown]
    facts = _Facts(result)
    return {
        "schema": SCHEMA,
        "generator": {"tool": "sourcetrace", "version": __version__, "registry": registry.version,
                      "estimator": recorded(backend)},
        "indicator": {"id": indicator, "label": entry.get("label"), "unit": entry.get("unit", "count")},
        "scope": scope,
        "months": _months(indicator, result, constraints),
        # What the barometer is about: the indicator and what it is part of. The rest of the family
        # (AWOL cases in a desertion barometer) constrained the series too and is listed apart.
        "observations": [_observation(o, documents, facts) for o in about],
        "related_observations": [_observation(o, documents, facts) for o in related],
        "contradictions": [_plain(c) for c in result.contradictions],
        "disputes": [asdict(d) for d in result.disputes],
        "superseded": result.superseded,
        "skipped": [asdict(s) for s in skipped],
        "counts": {"documents": len(documents), "observations": len(about), "related": len(related),
                   "echoes": sum(len(o.echoes) for o in about), "constraints": len(constraints),
                   "skipped": len(skipped), "named": sum(1 for o in originals if o.origin_named),
                   "unnamed": sum(1 for o in originals if not o.origin_named),
                   "contradicted": sum(1 for c in result.contradictions if c.outweighed),
                   "disputes": len(result.disputes)},
    }


def _months(indicator: str, result, constraints) -> list[dict]:
    touching: dict[str, list[str]] = {}
    for c in constraints:
        for month in c.months:
            touching.setdefault(month, []).append(c.obs_id)
    disputes: dict[str, list[str]] = {}
    for d in result.disputes:
        for month in d.months:
            disputes.setdefault(month, []).append(d.id)
    records = result.series.get(indicator) or []
    everything = result.all_reports.get(indicator) or records
    return [{"month": b.month, "estimate": None if b.no_data else b.point, "low": b.low, "high": b.high,
             "no_data": b.no_data, "disputed": b.disputed,
             "all_reports": {"low": a.low, "high": a.high, "no_data": a.no_data, "disputed": a.disputed},
             "disputes": disputes.get(b.month, []), "observations": touching.get(b.month, [])}
            for b, a in zip(records, everything)]


class _Facts:
    """What the estimate says of each observation, looked up by id."""

    def __init__(self, result):
        self.contradiction = {c.obs_id: c for c in result.contradictions}
        self.superseded = result.superseded
        self.dispute = {report: d.id for d in result.disputes for side in d.sides for report in side.reports}


def _observation(obs: Observation, documents: dict, facts: _Facts) -> dict:
    doc = documents.get(obs.document_id, {})
    figure = next((f for f in doc.get("figures", []) if f["id"] == obs.figure_id), {})
    sentence = figure.get("sentence")
    contradiction = facts.contradiction.get(obs.id)
    return {
        "id": obs.id, "indicator": obs.indicator, "scope": obs.scope,
        "text": figure.get("text"), "sentence": doc.get("text", "")[sentence[0]:sentence[1]] if sentence else None,
        "document_id": obs.document_id, "outlet": doc.get("outlet"), "published": doc.get("published"),
        "url": doc.get("url"), "title": doc.get("title"),
        "value": obs.value, "low": obs.low, "high": obs.high, "bound": obs.bound,
        "period_start": obs.period_start, "period_end": obs.period_end,
        "measure": obs.measure, "rate_per": obs.rate_per,
        "chain": obs.chain, "origin": obs.origin, "origin_named": obs.origin_named, "first_hand": obs.first_hand,
        "update": obs.update,
        "grade": _plain(obs.grade) if obs.grade else None,
        "echoes": [_plain(e) for e in obs.echoes],
        "contradicted": contradiction is not None and contradiction.outweighed,
        "dispute": facts.dispute.get(obs.id),
        "superseded_by": facts.superseded.get(obs.id), "notes": obs.notes,
    }


def _plain(record) -> dict:
    """A flat record (its fields are plain values and lists of them) as a dict: ``asdict`` without
    its deep copy, which ten thousand observations notice."""
    return {key: list(value) if isinstance(value, list) else value for key, value in vars(record).items()}
