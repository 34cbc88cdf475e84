"""Publication dates: the model keeps YYYY-MM-DD; a full ISO timestamp is cut to its date."""
from __future__ import annotations

import re
from datetime import date, datetime

from ..errors import Errors, InputError

# Only this shape: Python's fromisoformat alone would also take '20250503' and '2025-W18-6'.
ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}.*)?")


def normalise_published(value: str | None) -> str | None:
    """``'2025-05-03T10:00:00+03:00'`` → ``'2025-05-03'``; anything that is not a date is an error.

    The date is taken as written, not converted to UTC: the outlet's own calendar day is the one
    that 'yesterday' in its text counts from.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
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
