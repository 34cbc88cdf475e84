"""Publication dates: the model keeps YYYY-MM-DD; a full ISO timestamp is cut to its date, and a
``datetime.date`` given by a library user is written out."""
from __future__ import annotations

import re
from datetime import date, datetime

from ..errors import Errors, InputError

# Only this shape: Python's fromisoformat alone would also take '20250503' and '2025-W18-6'.
ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}.*)?")


def normalise_published(value: str | date | None) -> str | None:
    """``'2025-05-03T10:00:00+03:00'`` or ``date(2025, 5, 3)`` → ``'2025-05-03'``; anything that is
    not a date is an InputError (E040).

    The date is taken as written, not converted to UTC: the outlet's own calendar day is the one
    that 'yesterday' in its text counts from.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if value is not None and not isinstance(value, str):
        raise InputError(Errors.E040.format(value=value))
    text = (value or "").strip()
    if not text:
        return None
    match = ISO_DATE.fullmatch(text)
    if match is None or not _valid(text, match.group(1)):
        raise InputError(Errors.E040.format(value=value))
    return match.group(1)


def _valid(text: str, day: str) -> bool:
    try:
        date.fromisoformat(day)
        if text != day:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
