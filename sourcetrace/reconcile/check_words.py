"""The words of a check: what was tested, how the claim was read, and numbers that add up.

Every reading says which months it tested and why those, how the claim's value was read (and
why it was widened), what the named records allow, and the distance as a subtraction the reader
can redo: "the claim's least, 17,500, is 15,071 more than the most they allow, 2,429".
"""
from __future__ import annotations

_UNITS = {None: "in total over those months", "month": "a month, on average over those months",
          "day": "a day, on average over those months", "week": "a week, on average over those months",
          "year": "a year, on average over those months"}


def missing_date(today: str) -> str:
    return (f"no publication date was given (--published): relative dates and a claim without a period "
            f"were read against today, {today}")


def explain(context: dict, tested: list, verdict: str, registry) -> str:
    """One sentence a line: the verdict's reason when it is FITS ONLY AS, then one per reading."""
    sentences = [_reading(context, t, registry) for t in tested]
    own = tested[0]
    if verdict == "fits_only_as":
        fits = [t.indicator for t in tested[1:] if t.verdict == "within" and t.allowed[1] is not None]
        sentences.insert(0, f"FITS ONLY AS {_label(fits[0], registry)} ({fits[0]}): as worded "
                            f"({_label(own.indicator, registry)}) it is {own.verdict} what the named records allow, "
                            f"but read as {', '.join(fits)} it fits.")
    if not context["given"]:
        sentences.append(missing_date(context["published"]).capitalize() + ".")
    return "\n".join(sentences)


def reading_reason(reading) -> str:
    """What is missing for an UNCHECKABLE reading."""
    months = _months(reading.months)
    if reading.disputes:
        sides = "; ".join(" vs ".join(f"{_number(s['low'])}–{_high(s['high'])} ({', '.join(s['reports'][:3])})"
                                      for s in d["sides"]) for d in reading.disputes)
        return (f"the named records of {months} disagree with each other and neither side outweighs the other "
                f"({', '.join(d['id'] for d in reading.disputes)}: {sides}); the claim fits within what the sides "
                f"allow together, so it could be either")
    found = f"no named record covers {months}"
    if reading.reports:
        found += f" ({reading.reports} report{'s' * (reading.reports != 1)} of those months, none from a named origin)"
    if reading.unnamed is not None:
        found += f"; unnamed sources alone allow {_number(reading.unnamed[0])}–{_high(reading.unnamed[1])}"
    return found


def _reading(context: dict, t, registry) -> str:
    head = f"As {_label(t.indicator, registry)} ({t.indicator}):"
    if not t.months:
        return f"{head} cannot be checked: {t.reason}."
    tested = f"months tested {_months(t.months)} ({_why_months(context, t)})"
    unit = _UNITS.get(t.rate_per, _UNITS[None])
    read = f"the claim {context['text']!r} read as {t.read_as}: {_number(t.claim[0])}–{_high(t.claim[1])} {unit}"
    allowed = (f"the named records ({t.records} of the {t.reports} reports touching those months) allow "
               f"{_number(t.allowed[0])}–{_high(t.allowed[1])}")
    if t.unnamed is not None and t.verdict != "uncheckable":
        allowed += f" (with unnamed sources, {_number(t.unnamed[0])}–{_high(t.unnamed[1])})"
    return f"{head} {tested}; {read}; {_outcome(t, allowed)}."


def _outcome(t, allowed: str) -> str:
    if t.verdict == "above":
        return (f"{allowed}; ABOVE: the claim's least, {_number(t.claim[0])}, is {_number(t.by)} more than the most "
                f"they allow, {_number(t.allowed[1])}")
    if t.verdict == "below":
        return (f"{allowed}; BELOW: the claim's most, {_number(t.claim[1])}, is {_number(t.by)} less than the least "
                f"they allow, {_number(t.allowed[0])}")
    if t.verdict == "within":
        return f"{allowed}; WITHIN: the two ranges overlap"
    return f"UNCHECKABLE: {t.reason}"


def _why_months(context: dict, t) -> str:
    if t.period_inferred:
        return f"the claim gives no period: the months before its date, {context['published']}"
    period = context.get("period") or {}
    return f"the claim's period, {period.get('text')!r}" if period.get("text") else "the claim's period"


def _months(months: list[str]) -> str:
    if not months:
        return "no month"
    return months[0] if len(months) == 1 else f"{months[0]} to {months[-1]}"


def _label(indicator: str, registry) -> str:
    return (registry.indicators.get(indicator) or {}).get("label") or indicator


def _number(value: float | None) -> str:
    return "?" if value is None else f"{value:,.0f}"


def _high(value: float | None) -> str:
    return "no upper end" if value is None else _number(value)
