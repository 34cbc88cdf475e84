"""A request's parameters read and checked: a bad one ends the request with E706 naming it."""
from __future__ import annotations

from datetime import date

from ..errors import Errors
from .errors import WebError


def bad(name: str, reason: str) -> WebError:
    return WebError(400, Errors.E706.format(name=name, reason=reason))


def text(query, name: str, limit: int = 500) -> str | None:
    value = (query.get(name) or "").strip()
    if len(value) > limit:
        raise bad(name, f"longer than {limit} characters")
    if "\x00" in value:
        raise bad(name, "holds a NUL character")
    return value or None


def integer(query, name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad(name, f"{raw[:40]!r} is not a whole number") from None
    if not low <= value <= high:
        raise bad(name, f"give a number from {low} to {high}")
    return value


def day(query, name: str) -> str | None:
    """YYYY-MM-DD, or YYYY-MM for the month's first day."""
    value = text(query, name, 10)
    if value is None:
        return None
    try:
        return date.fromisoformat(value if len(value) == 10 else value + "-01").isoformat()
    except ValueError:
        raise bad(name, f"{value!r} is not a date: write YYYY-MM-DD or YYYY-MM") from None


def month(query, name: str) -> str | None:
    value = text(query, name, 10)
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:7] + "-01").isoformat()[:7]
    except ValueError:
        raise bad(name, f"{value!r} is not a month: write YYYY-MM") from None
