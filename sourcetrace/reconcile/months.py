"""Calendar arithmetic for the estimator: months are 'YYYY-MM' keys, periods are inclusive days.

The estimator's unknowns are monthly counts, so every period a report names is turned into the
days it covers in each month (``coverage``). Dates arrive as ISO text; a bare year or year-month
is read as its first day (``first_day``) or its last (``last_day``), so "2024" as a period end
means 31 December 2024.
"""
from __future__ import annotations

import calendar
from datetime import date


def first_day(text: str) -> date:
    """'2024' → 2024-01-01, '2024-03' → 2024-03-01, '2024-03-17' → itself."""
    parts = [int(p) for p in text.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    return date(year, month, day)


def last_day(text: str) -> date:
    """'2024' → 2024-12-31, '2024-02' → 2024-02-29, '2024-03-17' → itself."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return date(year, month, _days(year, month))


def key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def days_in(month: str) -> int:
    return _days(int(month[:4]), int(month[5:7]))


def _days(year: int, month: int) -> int:
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def shift(month: str, n: int) -> str:
    """The month ``n`` months after ``month`` (before, when ``n`` is negative)."""
    year, mon = (int(p) for p in month.split("-"))
    index = year * 12 + mon - 1 + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def span(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last``, both included."""
    out = [first]
    while out[-1] < last:
        out.append(shift(out[-1], 1))
    return out


def coverage(start: date, end: date) -> dict[str, int]:
    """Days of [start, end] that fall in each month: 24 Feb 2022 – 31 Mar 2022 → {Feb: 5, Mar: 31}."""
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    covered: dict[str, int] = {}
    year, month, first = start.year, start.month, start.day
    while (year, month) <= (end.year, end.month):
        last = end.day if (year, month) == (end.year, end.month) else _days(year, month)
        covered[f"{year:04d}-{month:02d}"] = last - first + 1
        year, month, first = (year + 1, 1, 1) if month == 12 else (year, month + 1, 1)
    return covered


def trailing(published: date, n: int) -> tuple[date, date]:
    """The ``n`` whole months before the publication month: published 14 Aug 2025, n=3 → May–Jul."""
    last = shift(key(published), -1)
    return first_day(shift(last, -(n - 1))), last_day(last)
