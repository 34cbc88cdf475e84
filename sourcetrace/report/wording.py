"""Records in words: the phrases the text and HTML reports share, so both say the same thing."""
from __future__ import annotations

from ..model.records import Disagreement, Figure, Incident, Period
from ..model.words import number, quote

def period(when: Period | None) -> str | None:
    """``"since February 2022" (2022-02-24 – …)``."""
    if when is None:
        return None
    parts = [f'"{quote(when.text, 60)}"'] if when.text else []
    if when.start or when.end:
        parts.append(f"({when.start or '…'} – {when.end or '…'})")
    if getattr(when, "end_basis", None) in END_BASIS:
        parts.append(END_BASIS[when.end_basis])
    if getattr(when, "inherited_from", None):
        parts.append(f"[inherited from {span(when.inherited_from)}]")
    return " ".join(parts) or None


# Where an open period's end came from, when the text did not state it (Period.end_basis).
END_BASIS = {"as_of": "[ends at the data's as-of date]", "published": "[ends at the publication date]"}


def disagreement(found: Disagreement) -> str:
    """A flag of ``extract/disagreement.py`` in words; flagged, never corrected."""
    others = ", ".join(found.figures)
    if found.kind == "sources":
        return (f"another source gives {', '.join(number(v) for v in found.values)} for the same count and "
                f"period ({others})")
    return f"its parts ({others}) add up to {number(found.total)}, not to this total (flagged, not corrected)"


def figure_facts(figure: Figure) -> list[tuple[str, str]]:
    """What a figure says besides its number, as (label, value) pairs, only those it has."""
    facts = [
        ("value", figure.amount),
        ("counted", figure.counted),
        ("indicator", figure.indicator),
        ("rate", f"per {figure.rate_per}" if figure.rate_per else None),
        ("period", period(figure.period)),
        ("scope", figure.scope),
        ("aggregation", figure.aggregation),
        ("kind", figure.kind if figure.kind != "quantity" else None),
    ]
    return [(label, value) for label, value in facts if value]


def incident_facts(incident: Incident) -> list[tuple[str, str]]:
    facts = [
        ("what", incident.what),
        ("who", incident.who),
        ("where", incident.where),
        ("when", period(incident.when)),
        ("outcome", incident.outcome),
        ("identity", incident.identity),
    ]
    return [(label, value) for label, value in facts if value]


def span(where: tuple[int, int] | list[int] | None) -> str:
    return f"@{where[0]}–{where[1]}" if where else ""
