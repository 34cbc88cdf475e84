"""Calendar arithmetic, in one place: months are 'YYYY-MM' keys, periods are inclusive days.

The estimator's unknowns are monthly counts, so every period a report names is turned into the
days it covers in each month (``coverage``). Dates arrive as ISO text; a bare year or year-month
is read as its first day (``first_day``) or its last (``last_day``), so "2024" as a period end
means 31 December 2024. The command line's --from/--to, the store's period filters, the echo test
and the charts all count months here.
"""
from __future__ import annotations

import calendar
import functools
import re
from datetime import date

from ..errors import Errors

MONTH = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


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
    return date(year, month, days_of(year, month))


def key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


@functools.lru_cache(maxsize=4096)  # the estimator asks it of the same few hundred months thousands of times
def days_in(month: str) -> int:
    return days_of(int(month[:4]), int(month[5:7]))


@functools.lru_cache(maxsize=4096)
def days_of(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def shift(month: str, n: int) -> str:
    """The month ``n`` months after ``month`` (before, when ``n`` is negative)."""
    year, mon = add(*(int(p) for p in month[:7].split("-")), n)
    return f"{year:04d}-{mon:02d}"


def add(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after ``year``'s ``month`` (before, when ``n`` is negative); month
    13 is January of the next year: add(2024, 11, 3) → (2025, 2), add(2024, 1, -1) → (2023, 12)."""
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def end_of(year: int, month: int) -> date:
    """The last day of ``year``'s ``month``."""
    return date(year, month, days_of(year, month))


def span(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last``, both included."""
    out = [first[:7]]
    while out[-1] < last[:7]:
        out.append(shift(out[-1], 1))
    return out


def count(start: str, end: str) -> int:
    """How many calendar months [start, end] touches: 2024-01-15 … 2024-03-02 → 3."""
    return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1


def coverage(start: date, end: date) -> dict[str, int]:
    """Days of [start, end] that fall in each month: 24 Feb 2022 – 31 Mar 2022 → {Feb: 5, Mar: 31}."""
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    covered: dict[str, int] = {}
    year, month, first = start.year, start.month, start.day
    while (year, month) <= (end.year, end.month):
        last = end.day if (year, month) == (end.year, end.month) else days_of(year, month)
        covered[_key(year, month)] = last - first + 1
        year, month, first = (year + 1, 1, 1) if month == 12 else (year, month + 1, 1)
    return covered


@functools.lru_cache(maxsize=4096)  # formatting the same few hundred keys again and again is slow
def _key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def spanned(start: date, end: date) -> float:
    """How many months [start, end] covers, partial months by their share of days."""
    return sum(days / days_in(month) for month, days in coverage(start, end).items())


def trailing(published: date, n: int) -> tuple[date, date]:
    """The ``n`` whole months before the publication month: published 14 Aug 2025, n=3 → May–Jul."""
    last = shift(key(published), -1)
    return first_day(shift(last, -(n - 1))), last_day(last)


def month_start(value: str) -> str:
    """A month or a day as a user writes it ('2024-03', '2024-03-17') → its first day, ISO; raises
    ValueError with E601 for anything else."""
    year, month, day = parse(value)
    return f"{year:04d}-{month:02d}-{day or 1:02d}"


def month_end(value: str) -> str:
    """'2024-02' → '2024-02-29'; a full date stays as it is."""
    year, month, day = parse(value)
    return f"{year:04d}-{month:02d}-{day or days_of(year, month):02d}"


def parse(value: str) -> tuple[int, int, int | None]:
    found = MONTH.fullmatch(value.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1:
        raise ValueError(Errors.E601.format(value=value))
    year, month = int(found.group(1)), int(found.group(2))
    day = int(found.group(3)) if found.group(3) else None
    if day is not None and not 1 <= day <= days_of(year, month):
        raise ValueError(Errors.E601.format(value=value))
    return year, month, day
