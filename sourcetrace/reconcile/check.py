"""Check a claim against the series: WITHIN, ABOVE, BELOW, UNCHECKABLE, or FITS ONLY AS another
indicator.

The claim is traced like any report; each of its figures that counts a known indicator becomes
one more constraint, and its interval is compared with what the named records allow for the same
months (docs/reconcile.md §5). A label can be read several ways — a 'desertion' figure may be
desertion alone or AWOL and desertion combined — so every reading is tested. The verdict is
WITHIN only when the claim's own reading fits; when only another reading fits it is FITS ONLY AS
that indicator, a verdict of its own, because the claim as worded does not hold.

The named records decide. Where none covers the months the answer is UNCHECKABLE, saying so and
what unnamed sources allow; where the named records of those months disagree with each other (a
dispute), a claim inside what the sides allow is UNCHECKABLE too, since it could be either side.
Every reading names the months tested, the claim's value as read (and why it was widened) and
the distance, so that the numbers add up (``check_words``). Without a publication date the claim
is read against today, and the answer says so.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..api import trace_text
from .barometer import documents_of, family, reconcile, relations_of
from .check_words import explain, missing_date, reading_reason
from .constraints import Unplaceable, to_constraint
from .observations import observations_from_trace, observations_from_traces

SCHEMA = "sourcetrace.check/2"
# The overall verdict of several figures is the first of these any figure has.
PRECEDENCE = ("above", "below", "fits_only_as", "uncheckable", "within")


@dataclass
class Reading:
    indicator: str
    verdict: str  # within | above | below | uncheckable
    reason: str = ""  # why uncheckable
    by: float | None = None  # how far above or below
    claim: list = field(default_factory=list)  # [low, high] the claim allows, in its own units
    read_as: str = ""  # how the claim's wording was read
    allowed: list = field(default_factory=list)  # [low, high] the named records allow
    unnamed: list | None = None  # [low, high] every report allows, when unnamed sources add to it
    months: list[str] = field(default_factory=list)
    rate_per: str | None = None  # the claim's unit: a total over the months, or a rate per month, day ...
    period_inferred: bool = False
    records: int = 0  # named reports (originals, not superseded) whose periods touch the months tested
    reports: int = 0  # all reports that do
    disputes: list[dict] = field(default_factory=list)


def check_claim(claim: str, traces: list[dict], registry, published: str | None = None) -> dict:
    given = published is not None
    published = published or date.today().isoformat()
    claim_trace = trace_text(claim, published=published).to_dict()
    observations = observations_from_trace(claim_trace, registry)
    figures = {f["id"]: f for f in claim_trace["figures"]}
    stored = observations_from_traces(traces, registry) if observations else []  # resolved once per claim
    documents = documents_of(traces) if observations else {}
    checked = [_check(obs, figures[obs.figure_id], (stored, documents), registry, given, published)
               for obs in observations]
    unplaced = [f for f in claim_trace["figures"] if f["id"] not in {o.figure_id for o in observations}]
    verdict = _overall(checked)
    return {"schema": SCHEMA, "claim": claim, "published": published, "published_given": given,
            "notes": [] if given else [missing_date(published)],
            "figures": checked, "not_checked": [{"text": f["text"], "reason": _why_not(f)} for f in unplaced],
            "verdict": verdict, "fits_as": next((c["fits_as"] for c in checked if c["verdict"] == verdict), None)}


def _check(obs, figure: dict, stored: tuple[list, dict], registry, given: bool, published: str) -> dict:
    readings = [obs.indicator] + [p for p in registry.parents(obs.indicator)
                                  if registry.relation(p, obs.indicator) == "sum_of"]
    tested = [_reading(obs, indicator, stored, registry) for indicator in readings]
    own, others = tested[0], tested[1:]
    # Another reading fits only where something bounds it: a combined count whose other part
    # nobody reported is "within" anything above its floor, which says nothing.
    fitting = [t.indicator for t in others if t.verdict == "within" and t.allowed[1] is not None]
    verdict = "fits_only_as" if own.verdict in ("above", "below") and fitting else own.verdict
    context = {"text": figure["text"], "given": given, "published": published, "period": figure.get("period")}
    return {"text": figure["text"], "value": obs.value, "bound": obs.bound, "period": figure.get("period"),
            "period_inferred": figure.get("period") is None, "readings": [vars(t) for t in tested],
            "verdict": verdict, "fits_as": fitting[0] if verdict == "fits_only_as" else None,
            "fits": [t.indicator for t in tested if t.verdict == "within"],
            "explanation": explain(context, tested, verdict, registry)}


def _reading(obs, indicator: str, stored: tuple[list, dict], registry) -> Reading:
    members = family(indicator, registry)
    # Fresh copies: echoes and grades are filled in per reading, and the stored ones serve them all.
    reports = [replace(o, echoes=[], grade=None) for o in stored[0] if o.indicator in members]
    try:
        claim = to_constraint({**obs.__dict__, "indicator": indicator, "grade": None})
    except Unplaceable as why:
        return Reading(indicator, "uncheckable", reason=str(why), reports=len(reports))
    relations = relations_of(members, registry)
    series = reconcile(reports, stored[1], members, registry)
    result = series.result
    low, high = result.range_of(claim, relations)
    every = result.range_of(claim, relations, everything=True)
    disputes = [d for d in result.disputes if d.named and set(d.months) & set(claim.months)]
    touching = [c for c in series.constraints if c.obs_id not in result.superseded and set(c.months) & set(claim.months)]
    reading = Reading(indicator, "", claim=[claim.low, claim.high], read_as=claim.reading, allowed=[low, high],
                      unnamed=list(every) if _shown(every) != _shown((low, high)) else None,
                      months=sorted(claim.months), rate_per=obs.rate_per if obs.measure == "rate" else None,
                      period_inferred=claim.period_inferred, records=sum(1 for c in touching if c.named),
                      reports=len(touching), disputes=[_dispute(d) for d in disputes])
    reading.verdict, reading.by = _compare(claim.low, claim.high, low, high)
    if reading.verdict == "within" and disputes:
        reading.verdict = "uncheckable"
    reading.reason = reading_reason(reading) if reading.verdict == "uncheckable" else ""
    return reading


def _shown(interval: tuple) -> tuple:
    """An interval as the explanation prints it: whole numbers."""
    return tuple(None if v is None else round(v) for v in interval)


def _compare(c_low: float, c_high: float | None, low: float, high: float | None) -> tuple[str, float | None]:
    if high is None and low == 0:
        return "uncheckable", None  # no named record bounds those months
    if high is not None and c_low > high:
        return "above", c_low - high
    if c_high is not None and c_high < low:
        return "below", low - c_high
    return "within", 0.0


def _dispute(d) -> dict:
    return {"id": d.id, "months": d.months,
            "sides": [{"reports": s.reports, "low": s.low, "high": s.high} for s in d.sides]}


def _overall(checked: list[dict]) -> str:
    verdicts = {c["verdict"] for c in checked}
    return next((v for v in PRECEDENCE if v in verdicts), "uncheckable")


def _why_not(figure: dict) -> str:
    if figure.get("indicator") is None:
        return "its counted thing matches no known indicator"
    if figure.get("unit") != "count":
        return f"a {figure.get('unit')} figure, not a count"
    return "not a count of an indicator"
