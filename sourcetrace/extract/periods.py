"""Find the period a figure covers and resolve it to ISO dates.

"since February 2022", "from January 2022 to September 2025", "in the first seven months of this
year", "in the first half of 2024", "in October alone", "last month", "earlier this year", "over
the past three years", "as of early autumn". Relative expressions are resolved against the
document's publication date; without one they keep their text and get no dates.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..lang import Language
from ..lang.forms import When
from ..model import months


@dataclass
class FoundPeriod:
    start_char: int  # relative to the sentence
    end_char: int
    text: str
    start: date | None
    end: date | None
    cumulative: bool  # a running total: "since", "from ... to", "over the past", "as of"
    year: int | None = None  # the year it names, for "the next year" that follows
    kind: str | None = None  # the grammar's period kind (lang/forms.py PERIOD_KINDS)
    end_basis: str | None = None  # stated | as_of | published (see model.records.Period)
    inherited_from: tuple[int, int] | None = None  # the sentence that dated its start (an onset), in the document


@dataclass
class Onset:
    """An event whose start the article dates once: 'fighting broke out ... on 14 March 2022'."""

    event: str  # what the language's data calls it (time.json onset_events: 'war' for 'conflict' too)
    start: date
    span: tuple[int, int]  # the date, in the document
    text: str  # the date as written
    sentence: tuple[int, int]  # the sentence that dates it, in the document


def find_onsets(text: str, lang: Language, published: date | None, base: int = 0) -> list[Onset]:
    """The event starts a sentence dates; ``base`` is the sentence's offset in the document."""
    found = []
    for rx in lang.forms.onsets:
        for m in rx.finditer(text):
            event = lang.time["onset_events"].get(_words(m.group("event")))
            try:
                start = _day_or_when(m.group("a"), lang, published)
            except (ValueError, OverflowError):
                start = None
            if event and start is not None:
                found.append(Onset(event, start, (base + m.start("a"), base + m.end("a")), m.group("a"),
                                   (base, base + len(text))))
    return found


def _day_or_when(phrase: str, lang, published: date | None) -> date | None:
    """A weekday is the last such day on or before publication; anything else is read as a date."""
    weekday = lang.time["weekdays"].get(phrase.lower())
    if weekday is not None:
        return _last_weekday(published, weekday) if published else None
    return _when(phrase, lang, published, first=True)


def _last_weekday(day: date, weekday: int, before: bool = False) -> date:
    """The last ``weekday`` on or before ``day`` (strictly before it with ``before``)."""
    return day - timedelta(days=(day.weekday() - weekday) % 7 or (7 if before else 0))


def _trimmed(m: re.Match) -> tuple[int, str]:
    """Where a period's text starts in its sentence, and the text, without the white space a
    pattern took in at either end."""
    return m.start() + (len(m.group()) - len(m.group().lstrip())), m.group().strip()


def find_periods(sentence: str, lang: Language, published: date | None,
                 context_year: int | None = None, before: FoundPeriod | None = None,
                 onsets: Callable[[str], Onset | None] | None = None) -> list[FoundPeriod]:
    """The periods of ``sentence`` in reading order; ``context_year`` and ``before`` (the last
    dated period of the text before it) resolve "the next year" and "over the same period";
    ``onsets`` (an event's name → the start the article dates for it) resolves "since the war began"."""
    matches: list[tuple[str, re.Match]] = []
    for kind, rx in lang.forms.periods:  # earlier patterns take precedence where matches overlap
        for m in rx.finditer(sentence):
            if not any(o.start() <= m.start() < o.end() or m.start() <= o.start() < m.end() for _, o in matches):
                matches.append((kind, m))
    found: list[FoundPeriod] = []
    # Resolve in reading order, so "in 2023; the next year" counts from 2023.
    for kind, m in sorted(matches, key=lambda km: km[1].start()):
        try:
            resolved = _same_period(m, lang, published, before) if kind == "same_period" else \
                _since_event(m, lang, published, onsets) if kind == "since_event" else \
                _resolve(kind, m, lang, published, context_year)
        except (ValueError, OverflowError):
            resolved = None  # it would fall outside the calendar (years 1-9999): no period to give
        if resolved is not None:
            found.append(resolved)
            context_year = resolved.year or context_year
            if resolved.start is not None and resolved.end is not None:
                before = resolved
    return found


def _resolve(kind, m, lang, published, context_year) -> FoundPeriod | None:
    offset, text = _trimmed(m)
    time = lang.time
    start = end = None
    # A running total since a start ("over the past three years"); "in the past week" or "the past
    # 24 hours" is a count for one unit of time, like "in 2023".
    cumulative = kind in ("range", "since", "since_rel", "past_n", "as_of")
    if kind == "range":
        end = _when(m.group("b"), lang, published, first=False)
        if m.group("a").isdigit() and len(m.group("a")) <= 2:  # "between 3 and 9 November": a day of the month named last
            start = _safe_date(end.year, end.month, int(m.group("a"))) if end else None
        else:
            start = _when(m.group("a"), lang, published, first=True, fallback_year=_year_in(m.group("b")))
    elif kind == "since":
        weekday = time["weekdays"].get(m.group("a").lower())
        if weekday is not None:  # "since Thursday": the last Thursday before the day it is counted from
            start = _last_weekday(published, weekday, before=True) if published else None
        else:
            start = _when(m.group("a"), lang, published, first=True)
        end = published
    elif kind == "as_of":
        start, end = None, _when(m.group("a"), lang, published, first=False)
    elif kind == "first_n":
        y = _ref_year(m.group("y"), lang, published)
        n = _count(m.group("n"), lang)
        if y and n and _unit(m, time) == "month" and n <= 12:
            first = time["which_words"][m.group("which").lower()] == "first"
            start, end = (date(y, 1, 1), months.end_of(y, n)) if first else (date(y, 13 - n, 1), months.end_of(y, 12))
    elif kind == "part":
        # "in the first quarter" with no year: the year the text is about, else publication's
        y = _ref_year(m.group("y"), lang, published) if m.group("y") else (context_year or (published.year if published else None))
        a, b = time["year_parts"][_words(m.group("part"))]
        if y:
            start, end = date(y, a, 1), months.end_of(y, b)
    elif kind in ("past_n", "past_1"):
        n = _count(m.group("n"), lang) if kind == "past_n" else 1
        unit = _unit(m, time)
        if published and n and unit:
            start, end = _back(published, n, unit), published
    elif kind == "since_rel":
        start, end = _relative(time["period_starts"][_words(m.group("rel"))], published, context_year)
    elif kind == "rel":
        start, end = _relative(time["relative"][_words(m.group("rel"))], published, context_year)
    elif kind == "on_day":
        if published:
            start = end = _last_weekday(published, time["weekdays"][m.group("wd").lower()], before=bool(m.group("last")))
    elif kind in ("in_when", "date"):
        start = _when(m.group("a"), lang, published, first=True)
        end = _when(m.group("a"), lang, published, first=False)
    return FoundPeriod(offset, offset + len(text), text, start, end, cumulative, start.year if start else _year_in(text),
                       kind=kind, end_basis=_end_basis(kind, end, published))


def _since_event(m: re.Match, lang, published: date | None, onsets) -> FoundPeriod | None:
    """'since the war began': from the start the article dates for that event; else from the date
    the language's data knows for the phrase ('the start of the full-scale invasion'); else none."""
    onset = onsets(lang.time["onset_events"][_words(m.group("event"))]) if onsets else None
    if onset is not None:
        start, source = onset.start, onset.sentence
    else:
        start, source = _when(m.group("a"), lang, published, first=True), None
    if start is None:
        return None
    offset, text = _trimmed(m)
    return FoundPeriod(offset, offset + len(text), text, start, published, True, start.year, kind="since_event",
                       end_basis=_end_basis("since_event", published, published), inherited_from=source)


def _same_period(m: re.Match, lang, published: date | None, before: FoundPeriod | None) -> FoundPeriod | None:
    """'over the same period': the period named before; 'in the same period of 2024' / 'of last
    year': its months in that year."""
    if before is None:
        return None
    start, end = before.start, before.end
    if m.group("y"):
        year = _ref_year(m.group("y"), lang, published)
        if year is None:
            return None
        shift = year - start.year
        start, end = _safe_date(start.year + shift, start.month, start.day), _safe_date(end.year + shift, end.month, end.day)
    offset, text = _trimmed(m)
    return FoundPeriod(offset, offset + len(text), text, start, end, before.cumulative, start.year, kind="same_period",
                       end_basis=before.end_basis)


def _end_basis(kind: str, end: date | None, published: date | None) -> str | None:
    """Where a period's end comes from: an as-of date, the publication (a running total or a
    relative period up to now), or the text itself."""
    if end is None:
        return None
    if kind == "as_of":
        return "as_of"
    if end == published and kind in ("since", "since_rel", "since_event", "past_n", "past_1", "rel"):
        return "published"
    return "stated"


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _unit(m: re.Match, time: dict) -> str:
    """The unit a period counts in: year, month, week or day; None for a word the data does not
    list (a pattern may take in more than the data knows: 'месяцаслужащих')."""
    return time["unit_words"].get(_words(m.group("unit")))


def _year_in(text: str) -> int | None:
    m = re.search(r"\b((?:19|20)\d{2})\b", text)
    return int(m.group(1)) if m else None


def _count(word: str, lang) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else lang.time["number_words"].get(word)


def _ref_year(text: str, lang, published: date | None) -> int | None:
    text = _words(text)
    if text.isdigit():
        return int(text)
    if published is None:
        return None
    return published.year + lang.time["reference_years"].get(text, 0)


def _back(anchor: date, n: int, unit: str) -> date:
    """``n`` units (year, month, week or day) before ``anchor``."""
    if unit == "year":
        return _safe_date(anchor.year - n, anchor.month, anchor.day)
    if unit == "month":
        return _safe_date(*months.add(anchor.year, anchor.month, -n), anchor.day)
    return anchor - timedelta(days=7 * n if unit == "week" else n)


def _safe_date(y: int, m: int, d: int) -> date:
    """A date with its day clamped into the month ('0 May' and '31 June' are typos, not crashes)."""
    return date(y, m, max(1, min(d, months.days_of(y, m))))


def _relative(meaning: str, published: date | None, context_year: int | None):
    """The dates of a relative period (lang/<code>/time.json "relative" names its meaning)."""
    if meaning == "next_year":
        return (date(context_year + 1, 1, 1), date(context_year + 1, 12, 31)) if context_year else (None, None)
    if meaning in ("year_before", "year_earlier") and context_year:
        return date(context_year - 1, 1, 1), date(context_year - 1, 12, 31)
    if published is None or meaning == "year_earlier":
        return None, None
    y, mo = published.year, published.month
    if meaning in ("previous_year", "year_before"):
        return date(y - 1, 1, 1), date(y - 1, 12, 31)
    if meaning == "previous_month":
        year, month = months.add(y, mo, -1)
        return date(year, month, 1), months.end_of(year, month)
    if meaning == "previous_week":
        monday = published - timedelta(days=published.weekday() + 7)
        return monday, monday + timedelta(days=6)
    table = {
        "year_to_date": (date(y, 1, 1), published),
        "month_to_date": (date(y, mo, 1), published),
        "week_to_date": (published - timedelta(days=published.weekday()), published),
        "today": (published, published), "yesterday": (published - timedelta(days=1),) * 2,
        "recent_weeks": (published - timedelta(days=28), published),
        "recent_months": (_back(published, 3, "month"), published),
        "last_night": (published - timedelta(days=1), published),
    }
    return table.get(meaning, (None, None))


def _when(text: str, lang, published: date | None, first: bool, fallback_year: int | None = None) -> date | None:
    """A point in time named by ``text``: its first day (``first``) or its last day."""
    when = lang.forms.read_when(text)
    if when.event:
        return date.fromisoformat(when.event)
    if when.qualifier:
        return _qualified(when, published, first)
    month = when.month
    year = when.year or fallback_year or (_year_for_month(month, published) if month else None)
    if year is None:
        return None
    if month is None:
        return date(year, 1, 1) if first else date(year, 12, 31)
    if when.day:
        return _safe_date(year, month, when.day)
    return date(year, month, 1) if first else months.end_of(year, month)


def _year_for_month(month: int, published: date | None) -> int | None:
    """A month named without a year is the latest such month not after publication."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _qualified(when: When, published: date | None, first: bool) -> date | None:
    """'early autumn', 'mid-May', 'late 2023': a third of the season, month or year."""
    year = when.year
    if when.season is not None:
        a, b = when.season
        # A season named without a year is the latest one that had begun by publication.
        y = year or (None if published is None else published.year - (a > published.month))
        if y is None:
            return None
        span = [a, b if b >= a else b + 12]
    elif when.month is not None:
        m = when.month
        y = year or _year_for_month(m, published)
        if y is None:
            return None
        third = {"early": (1, 10), "mid": (11, 20), "late": (21, months.days_of(y, m))}[when.qualifier]
        return date(y, m, third[0] if first else third[1])
    else:
        y = year
        if y is None:
            return None
        span = [1, 12]
    a, b = span
    third = (b - a + 1) / 3
    lo = a + {"early": 0, "mid": third, "late": 2 * third}[when.qualifier]
    lo_m, hi_m = int(lo), int(lo + third - 0.001)
    if first:  # a season may run into the next year: month 13 is January
        return date(*months.add(y, 1, lo_m - 1), 1)
    return months.end_of(*months.add(y, 1, hi_m - 1))
