"""Check a claim against the series: within the bounds, above, below, or uncheckable.

The claim is traced like any report; each of its figures that counts a known indicator becomes
one more constraint, and its interval is compared with what the standing reports allow for the
same months (docs/reconcile.md §5). A label can be read several ways — a 'desertion' figure may be
desertion alone or AWOL and desertion combined — so every reading is tested and the answer says
which one fits. A claim without a period is tested on the trailing months before its date.
"""
from __future__ import annotations

from datetime import date

from ..api import trace_text
from .barometer import family, relations_of
from .constraints import Unplaceable, mark_revisions, to_constraint, to_constraints
from .observations import observations_from_trace, observations_from_traces
from .series import estimate

SCHEMA = "sourcetrace.check/1"


def check_claim(claim: str, traces: list[dict], registry, published: str | None = None) -> dict:
    published = published or date.today().isoformat()
    claim_trace = trace_text(claim, published=published).to_dict()
    observations = observations_from_trace(claim_trace, registry)
    figures = {f["id"]: f for f in claim_trace["figures"]}
    stored = observations_from_traces(traces, registry) if observations else []  # resolved once per claim
    checked = [_check(obs, figures[obs.figure_id], stored, registry) for obs in observations]
    unplaced = [f for f in claim_trace["figures"] if f["id"] not in {o.figure_id for o in observations}]
    return {"schema": SCHEMA, "claim": claim, "published": published, "figures": checked,
            "not_checked": [{"text": f["text"], "reason": _why_not(f)} for f in unplaced],
            "verdict": _overall(checked)}


def _check(obs, figure: dict, stored: list, registry) -> dict:
    readings = [obs.indicator] + [p for p in registry.parents(obs.indicator)
                                  if registry.relation(p, obs.indicator) == "sum_of"]
    tested = [_reading(obs, indicator, stored, registry) for indicator in readings]
    fitting = [t["indicator"] for t in tested if t["verdict"] == "within"]
    verdict = "within" if fitting else tested[0]["verdict"]
    return {"text": figure["text"], "value": obs.value, "bound": obs.bound, "period": figure.get("period"),
            "period_inferred": figure.get("period") is None, "readings": tested, "verdict": verdict,
            "fits": fitting, "explanation": _explain(figure, tested, fitting)}


def _reading(obs, indicator: str, stored: list, registry) -> dict:
    members = family(indicator, registry)
    reports = [o for o in stored if o.indicator in members]
    constraints, _ = to_constraints(reports)
    relations = relations_of(members, registry)
    result = estimate(mark_revisions(constraints), relations=relations)
    try:
        claim = to_constraint({**obs.__dict__, "indicator": indicator, "grade": None})
    except Unplaceable as why:
        return {"indicator": indicator, "verdict": "uncheckable", "reason": str(why)}
    low, high = result.range_of(claim, relations)
    verdict, by = _compare(claim.low, claim.high, low, high)
    return {"indicator": indicator, "verdict": verdict, "by": by, "claim": [claim.low, claim.high],
            "allowed": [low, high], "months": sorted(claim.months), "reports": len(reports),
            "period_inferred": claim.period_inferred}


def _compare(c_low: float, c_high: float | None, low: float, high: float | None) -> tuple[str, float | None]:
    if high is None and low == 0:
        return "uncheckable", None  # nothing bounds those months
    if high is not None and c_low > high:
        return "above", c_low - high
    if c_high is not None and c_high < low:
        return "below", low - c_high
    return "within", 0.0


def _explain(figure: dict, tested: list[dict], fitting: list[str]) -> str:
    parts = []
    for t in tested:
        if t["verdict"] == "uncheckable":
            parts.append(f"as {t['indicator']}: nothing reported covers those months")
            continue
        allowed = f"{t['allowed'][0]:,.0f}–{'∞' if t['allowed'][1] is None else format(t['allowed'][1], ',.0f')}"
        how = {"within": "within", "above": f"above by {t['by']:,.0f}", "below": f"below by {t['by']:,.0f}"}[t["verdict"]]
        parts.append(f"as {t['indicator']}: {how} what {t['reports']} reports allow ({allowed})")
    if len(tested) > 1 and fitting and tested[0]["indicator"] not in fitting:
        parts.append(f"the claim fits only if its label means {', '.join(fitting)}")
    if figure.get("period") is None:
        parts.append("the claim gives no period: tested on the months before its date")
    return "; ".join(parts)


def _overall(checked: list[dict]) -> str:
    if not checked:
        return "uncheckable"
    verdicts = {c["verdict"] for c in checked}
    for v in ("above", "below", "within"):
        if v in verdicts:
            return v
    return "uncheckable"


def _why_not(figure: dict) -> str:
    if figure.get("indicator") is None:
        return "its counted thing matches no known indicator"
    if figure.get("unit") != "count":
        return f"a {figure.get('unit')} figure, not a count"
    return "not a count of an indicator"
