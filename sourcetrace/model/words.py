"""The model's values in words, written once for every output: numbers, amounts, quotes.

    amount("approximate", 500, None, None)                 → "~500"
    amount("range", None, 200, 300)                        → "200–300"
    amount("lower", 5000, 5000, None, per="month")          → "≥ 5,000 a month"
"""
from __future__ import annotations

UNIT_SIGNS = {"count": "", "percent": "%", "percentage_point": " pp", "times": "×", "fraction": ""}
QUOTE_LIMIT = 120


def number(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def amount(bound: str | None, value: float | None, low: float | None, high: float | None, unit: str | None = "count",
           approximate: bool = False, per: str | None = None) -> str:
    """``~500``, ``≥ 5,000``, ``≤ 290,000``, ``200–300``, with the unit (``12%``, ``3×``, ``40 USD``)
    and the rate (``a month``). A missing ``bound`` is read back from the interval."""
    bound = bound or bound_of(value, low, high)
    if bound == "range" and low is not None and high is not None:
        text = f"{number(low)}–{number(high)}"
    elif bound == "lower":
        text = "≥ " + number(_first(low, value))
    elif bound == "upper":
        text = "≤ " + number(_first(high, value))
    else:
        text = ("~" if bound == "approximate" or approximate else "") + number(_first(value, low, high))
    sign = UNIT_SIGNS.get(unit or "count", f" {unit}")
    return text + sign + (f" a {per}" if per else "")


def bound_of(value: float | None, low: float | None, high: float | None) -> str:
    """The wording's bound, read back from an interval that does not say it."""
    if low is not None and high is None:
        return "lower"
    if high is not None and low is None:
        return "upper"
    if low is not None and high is not None and low != high:
        return "approximate" if value is not None else "range"
    return "exact"


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """One line of at most ``limit`` characters: reports quote evidence, they do not reprint it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _first(*values: float | None) -> float | None:
    return next((value for value in values if value is not None), None)
