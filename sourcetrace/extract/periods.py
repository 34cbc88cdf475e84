"""Find the period a figure covers and resolve it to ISO dates.

"since February 2022", "from January 2022 to September 2025", "in the first seven months of this
year", "in the first half of 2024", "in October alone", "last month", "earlier this year", "over
the past three years", "as of early autumn". Relative expressions are resolved against the
document's publication date; without one they keep their text and get no dates.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..lang import LanguageData


@dataclass
class FoundPeriod:
    start_char: int  # relative to the sentence
    end_char: int
    text: str
    start: date | None
    end: date | None
    cumulative: bool  # a running total: "since", "from ... to", "over the past", "as of"
    year: int | None = None  # the year it names, for "the next year" that follows


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _patterns(lang: LanguageData) -> list[tuple[str, re.Pattern]]:
    cache = lang._regex_cache
    if "periods" in cache:
        return cache["periods"]
    t = lang.time
    full = [m for m in t["months"] if len(m) > 4 or m in ("may", "june", "july")]
    short = [m for m in t["months"] if m not in full]
    # Only an abbreviation takes a dot ("Sept."); "since January." ends a sentence.
    month = ("(?:" + "|".join(sorted(full, key=len, reverse=True)) + "|(?:"
             + "|".join(sorted(short, key=len, reverse=True)) + r")\.?)")
    weekday = "(?:" + "|".join(t["weekdays"]) + ")"
    season = "(?:" + "|".join(t["seasons"]) + ")"
    part = "(?:" + "|".join(re.escape(p) for p in sorted(t["year_parts"], key=len, reverse=True)) + ")"
    num = "(?:" + "|".join(sorted(t["number_words"], key=len, reverse=True)) + r"|\d{1,2})"
    events = "(?:" + "|".join(re.escape(e) for e in sorted(t["events"], key=len, reverse=True)) + ")"
    year = r"(?:19|20)\d{2}"
    ref_year = rf"(?:{year}|this year|last year|the previous year|the current year)"
    day_date = rf"(?:{month}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?,?\s+{year}|\d{{1,2}}\s+{month},?\s+{year})"
    month_year = rf"(?:{month}\s+{year}|{month}(?!\s+\d))"
    when = rf"(?:{day_date}|{month_year}|{year}|{events}|(?:early|mid-?|late)\s*-?(?:{season}|{month}|{year})(?:\s+{year})?)"
    table = [
        ("range", rf"\b(?:from|between)\s+(?P<a>{day_date}|{month_year}|{year})\s+(?:to|and|until|till|through|-|–)\s+(?P<b>{day_date}|{month_year}|{year})"),
        ("range", rf"\b(?P<a>{month})\s*[-–]\s*(?P<b>{month}\s+{year})"),
        ("first_n", rf"\b(?:in|during|over|for)?\s*the\s+(?P<which>first|last)\s+(?P<n>{num})\s+(?P<unit>months|weeks|days)\s+of\s+(?P<y>{ref_year})"),
        ("part", rf"\b(?:in|during|for|over)?\s*the\s+(?P<part>{part})\s+of\s+(?P<y>{ref_year})"),
        ("part", rf"\b(?P<part>h1|h2|q1|q2|q3|q4)\s+(?P<y>{year})"),
        ("part", rf"\b(?:in|during|for|over)\s+the\s+(?P<part>{part})(?!\s+of)(?P<y>)"),
        ("past_n", rf"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<n>{num})\s+(?P<unit>years|months|weeks|days)"),
        ("past_1", r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?P<unit>year|month|week|day|24 hours)\b"),
        ("since", rf"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:the\s+)?(?P<a>{when})"),
        ("as_of", rf"\b(?:as\s+of|by)\s+(?P<a>{when}|\d{{1,2}}\s+{month}|{month}\s+\d{{1,2}}(?!\d)|{weekday}|the\s+end\s+of\s+(?:{month_year}|{year}|{ref_year}))"),
        ("since_rel", r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?P<rel>the\s+year|this\s+year|the\s+month|this\s+month)"),
        ("rel", r"\b(?P<rel>earlier this year|so far this year|this year|last year|the previous year|the year before|the next year|the following year|a year later|a year earlier|this month|last month|the previous month|this week|last week|the previous week|yesterday|today|earlier this month|in recent weeks|in recent months)\b"),
        ("on_day", rf"\b(?:on|last)\s+(?P<wd>{weekday})\b"),
        ("in_when", rf"\b(?:in|during|for|throughout|over)\s+(?P<a>{day_date}|{month}\s+{year}|{year}|{month}(?:\s+alone)?|(?:early|mid-?|late)\s*-?(?:{month}|{year}|{season})(?:\s+{year})?)"),
        ("date", rf"\b(?:on\s+)?(?P<a>{day_date})"),
        ("date", rf"\b(?:on\s+)?(?P<a>{month}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?|\d{{1,2}}\s+{month})(?!\s*,?\s*\d{{4}})"),
    ]
    cache["periods"] = [(kind, re.compile(rx, re.IGNORECASE)) for kind, rx in table]
    return cache["periods"]


def find_periods(sentence: str, lang: LanguageData, published: date | None,
                 context_year: int | None = None) -> list[FoundPeriod]:
    matches: list[tuple[str, re.Match]] = []
    for kind, rx in _patterns(lang):  # earlier patterns take precedence where matches overlap
        for m in rx.finditer(sentence):
            if not any(o.start() <= m.start() < o.end() or m.start() <= o.start() < m.end() for _, o in matches):
                matches.append((kind, m))
    found: list[FoundPeriod] = []
    # Resolve in reading order, so "in 2023; the next year" counts from 2023.
    for kind, m in sorted(matches, key=lambda km: km[1].start()):
        resolved = _resolve(kind, m, lang, published, context_year)
        if resolved is not None:
            found.append(resolved)
            context_year = resolved.year or context_year
    return found


def _resolve(kind, m, lang, published, context_year) -> FoundPeriod | None:
    text = m.group().strip()
    offset = m.start() + (len(m.group()) - len(m.group().lstrip()))
    start = end = None
    # A running total since a start ("over the past three years"); "in the past week" or "the past
    # 24 hours" is a count for one unit of time, like "in 2023".
    cumulative = kind in ("range", "since", "since_rel", "past_n", "as_of")
    if kind == "range":
        start = _when(m.group("a"), lang, published, first=True, fallback_year=_year_in(m.group("b")))
        end = _when(m.group("b"), lang, published, first=False)
    elif kind == "since":
        start = _when(m.group("a"), lang, published, first=True)
        end = published
    elif kind == "as_of":
        start, end = None, _when(m.group("a"), lang, published, first=False)
    elif kind == "first_n":
        y = _ref_year(m.group("y"), published)
        n = _count(m.group("n"), lang)
        if y and n and m.group("unit").lower() == "months" and n <= 12:
            start, end = (date(y, 1, 1), month_end(y, n)) if m.group("which").lower() == "first" else (date(y, 13 - n, 1), month_end(y, 12))
    elif kind == "part":
        # "in the first quarter" with no year: the year the text is about, else publication's
        y = _ref_year(m.group("y"), published) if m.group("y") else (context_year or (published.year if published else None))
        a, b = lang.time["year_parts"][re.sub(r"\s+", " ", m.group("part").lower())]
        if y:
            start, end = date(y, a, 1), month_end(y, b)
    elif kind in ("past_n", "past_1"):
        n = _count(m.group("n"), lang) if kind == "past_n" else 1
        if published and n:
            start, end = _back(published, n, m.group("unit").lower()), published
    elif kind == "since_rel":
        start, end = _relative("this " + m.group("rel").split()[-1], published, context_year)
    elif kind == "rel":
        start, end = _relative(m.group("rel").lower(), published, context_year)
    elif kind == "on_day":
        if published:
            back = (published.weekday() - lang.time["weekdays"][m.group("wd").lower()]) % 7
            start = end = published - timedelta(days=back or (7 if text.lower().startswith("last") else 0))
    elif kind in ("in_when", "date"):
        start = _when(m.group("a"), lang, published, first=True)
        end = _when(m.group("a"), lang, published, first=False)
    return FoundPeriod(offset, m.end(), text, start, end, cumulative, start.year if start else _year_in(text))


def _year_in(text: str) -> int | None:
    m = re.search(r"\b((?:19|20)\d{2})\b", text)
    return int(m.group(1)) if m else None


def _count(word: str, lang) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else lang.time["number_words"].get(word)


def _ref_year(text: str, published: date | None) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    if published is None:
        return None
    return published.year - (1 if text in ("last year", "the previous year") else 0)


def _back(anchor: date, n: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit == "year":
        return _safe_date(anchor.year - n, anchor.month, anchor.day)
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 - n
        return _safe_date(months // 12, months % 12 + 1, anchor.day)
    days = {"week": 7 * n, "day": n, "24 hour": 1}.get(unit, n)
    return anchor - timedelta(days=days)


def _safe_date(y: int, m: int, d: int) -> date:
    """A date with its day clamped into the month ('0 May' and '31 June' are typos, not crashes)."""
    return date(y, m, max(1, min(d, calendar.monthrange(y, m)[1])))


def _relative(rel: str, published: date | None, context_year: int | None):
    if rel in ("the next year", "the following year", "a year later"):
        return (date(context_year + 1, 1, 1), date(context_year + 1, 12, 31)) if context_year else (None, None)
    if rel in ("the year before", "a year earlier") and context_year:
        return date(context_year - 1, 1, 1), date(context_year - 1, 12, 31)
    if published is None:
        return None, None
    y, mo = published.year, published.month
    table = {
        "earlier this year": (date(y, 1, 1), published), "so far this year": (date(y, 1, 1), published),
        "this year": (date(y, 1, 1), published), "last year": (date(y - 1, 1, 1), date(y - 1, 12, 31)),
        "the previous year": (date(y - 1, 1, 1), date(y - 1, 12, 31)),
        "the year before": (date(y - 1, 1, 1), date(y - 1, 12, 31)),
        "this month": (date(y, mo, 1), published), "earlier this month": (date(y, mo, 1), published),
        "today": (published, published), "yesterday": (published - timedelta(days=1),) * 2,
        "this week": (published - timedelta(days=published.weekday()), published),
        "in recent weeks": (published - timedelta(days=28), published),
        "in recent months": (_back(published, 3, "month"), published),
    }
    if rel in ("last month", "the previous month"):
        last = date(y, mo, 1) - timedelta(days=1)
        return date(last.year, last.month, 1), last
    if rel in ("last week", "the previous week"):
        monday = published - timedelta(days=published.weekday() + 7)
        return monday, monday + timedelta(days=6)
    return table.get(rel, (None, None))


def _when(text: str, lang, published: date | None, first: bool, fallback_year: int | None = None) -> date | None:
    """A point in time named by ``text``: its first day (``first``) or its last day."""
    t = re.sub(r"\s+", " ", text.lower()).strip()
    t = re.sub(r"\s+alone$", "", t)
    if t in lang.time["events"]:
        return date.fromisoformat(lang.time["events"][t])
    for event, iso in lang.time["events"].items():
        if t.endswith(event):
            return date.fromisoformat(iso)
    months, year = lang.time["months"], _year_in(t)
    qualifier = re.match(r"(early|mid-?|late)\s*-?\s*(.*)", t)
    if qualifier:
        return _qualified(qualifier.group(1), qualifier.group(2), lang, published, first, year)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b(?:19|20)\d{2}\b", "", t))
    month = next((months[w.rstrip(".,")] for w in t.split() if w.rstrip(".,") in months), None)
    year = year or fallback_year or (_year_for_month(month, published) if month else None)
    if year is None:
        return None
    if month is None:
        return date(year, 1, 1) if first else date(year, 12, 31)
    if day:
        return _safe_date(year, month, int(day.group(1)))
    return date(year, month, 1) if first else month_end(year, month)


def _year_for_month(month: int, published: date | None) -> int | None:
    """A month named without a year is the latest such month not after publication."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _qualified(q, rest, lang, published, first, year) -> date | None:
    seasons, months = lang.time["seasons"], lang.time["months"]
    rest = re.sub(r"\b(?:19|20)\d{2}\b", "", rest).strip()
    if rest in seasons:
        a, b = seasons[rest]
        # A season named without a year is the latest one that had begun by publication.
        y = year or (None if published is None else published.year - (a > published.month))
        if y is None:
            return None
        span = [a, b if b >= a else b + 12]
    elif rest.rstrip(".") in months:
        m = months[rest.rstrip(".")]
        y = year or _year_for_month(m, published)
        if y is None:
            return None
        third = {"early": (1, 10), "mid": (11, 20), "mid-": (11, 20), "late": (21, calendar.monthrange(y, m)[1])}[q]
        return date(y, m, third[0] if first else third[1])
    else:
        y = year
        if y is None:
            return None
        span = [1, 12]
    a, b = span
    third = (b - a + 1) / 3
    lo = a + {"early": 0, "mid": third, "mid-": third, "late": 2 * third}[q]
    lo_m, hi_m = int(lo), int(lo + third - 0.001)
    if first:
        mm = (lo_m - 1) % 12 + 1
        return date(y + (lo_m - 1) // 12, mm, 1)
    mm = (hi_m - 1) % 12 + 1
    return month_end(y + (hi_m - 1) // 12, mm)
