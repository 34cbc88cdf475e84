"""Records in words: the phrases the text and HTML reports share, so both say the same thing."""
from __future__ import annotations

from ..model.records import Figure, Incident, Link, Period

UNIT_SIGNS = {"count": "", "percent": "%", "percentage_point": " pp", "times": "×", "fraction": ""}
QUOTE_LIMIT = 120


def number(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def amount(figure: Figure) -> str:
    """``~500``, ``≥ 5,000``, ``≤ 290,000``, ``200–300``, with the unit: ``12%``, ``3×``, ``40 USD``."""
    unit = figure.unit or "count"
    return _bounded(figure) + UNIT_SIGNS.get(unit, " " + unit)


def _bounded(figure: Figure) -> str:
    if figure.bound == "range":
        return f"{number(figure.low)}–{number(figure.high)}"
    if figure.bound == "lower":
        return "≥ " + number(_first(figure.low, figure.value))
    if figure.bound == "upper":
        return "≤ " + number(_first(figure.high, figure.value))
    prefix = "~" if figure.bound == "approximate" or figure.approximate else ""
    return prefix + number(figure.value)


def _first(*values: float | None) -> float | None:
    return next((value for value in values if value is not None), None)


def link(party: Link) -> str:
    """``unnamed sources (origin, anonymous)``."""
    traits = [party.role] + [trait for trait in ("anonymous", "vague") if getattr(party, trait)]
    return f"{quote(party.name, 60)} ({', '.join(traits)})"


def chain(links: list[Link]) -> str:
    """Nearest party first, as the model keeps it: ``TASS (relay) ← unnamed sources (origin, anonymous)``."""
    return " ← ".join(link(party) for party in links) if links else "no source named"


def period(when: Period | None) -> str | None:
    """``"since February 2022" (2022-02-24 – …)``."""
    if when is None:
        return None
    parts = [f'"{quote(when.text, 60)}"'] if when.text else []
    if when.start or when.end:
        parts.append(f"({when.start or '…'} – {when.end or '…'})")
    return " ".join(parts) or None


def figure_facts(figure: Figure) -> list[tuple[str, str]]:
    """What a figure says besides its number, as (label, value) pairs, only those it has."""
    facts = [
        ("value", amount(figure)),
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


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """One line of at most ``limit`` characters: reports quote evidence, they do not reprint it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def span(where: tuple[int, int] | list[int] | None) -> str:
    return f"@{where[0]}–{where[1]}" if where else ""
