"""Records a language's forms hand to the components: what a date phrase names, read off its words.

A grammar reads "early autumn 2024", "12 июня", "the full-scale invasion" in its own language and
says what they name; ``extract/periods.py`` turns that into dates the same way for every language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# The interface between a grammar's period patterns (``Forms.periods``: (kind, pattern) pairs) and
# extract/periods.py, which resolves them: the kinds of period, the named groups a pattern may
# have, and the canonical values data maps words to (lang/<code>/time.json).
PERIOD_KINDS = ("range", "first_n", "part", "past_n", "past_1", "since", "as_of", "since_rel", "rel",
                "on_day", "in_when", "date", "same_period", "since_event")
PERIOD_GROUPS = ("a", "b", "n", "unit", "which", "part", "y", "rel", "wd", "last", "event")
TIME_UNITS = ("year", "month", "week", "day")
WHICH = ("first", "last")
QUALIFIERS = ("early", "mid", "late")
RELATIVE = ("year_to_date", "previous_year", "year_before", "year_earlier", "next_year", "month_to_date",
            "previous_month", "week_to_date", "previous_week", "yesterday", "today", "recent_weeks",
            "recent_months", "last_night")

# A transcript's speaker label at the start of a paragraph ("Lucia Ferrante: ...", "TNH: ...",
# "Ірина Соловйова: ..."): one to four words, a colon, then the words said. The same in every
# language this project reads; a component checks the label starts with a capital.
SPEAKER_LABEL = re.compile(r"^([^\W\d_][\w.'’\-]*(?: [^\W\d_][\w.'’\-]*){0,3}):\s+\S")

# A live blog's entry opens with the time it was posted ("14:20 - Odesa: 3 killed", "10.42 — ..."):
# the same in every language this project reads.
ENTRY_TIME = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*[-–—]\s+\S")


# Kinds of party a name's words tell, and the list of the sources data that tells each.
WORD_KINDS = {"outlet": "outlet_words", "military": "military_words", "court": "court_words", "ngo": "ngo_words",
              "body": "body_words"}


def source_kinds(sources: dict, words, names) -> dict[str, re.Pattern]:
    """The patterns that tell what kind of party a name is, the same for every language:
    ``words(list)`` is the language's way of finding any of a list of words in a name (English
    word boundaries, Russian inflections), ``names(list)`` its alternation of whole agency names."""
    kinds = {
        "known_agency": re.compile(rf"^(?:{names(sources['agencies'])})$"),
        "agency": re.compile(rf"(?i){words(sources['agency_phrases'])}|{words(sources['agency_heads'])}"
                             rf".*{words(sources['agency_names'])}"),
    }
    kinds.update({kind: re.compile(rf"(?i){words(sources[key])}") for kind, key in WORD_KINDS.items()})
    return kinds


@dataclass(frozen=True)
class When:
    """A point or stretch of time as a phrase names it; every field optional."""

    event: str | None = None  # ISO date of a named event ("the full-scale invasion")
    qualifier: str | None = None  # early | mid | late: a third of what follows
    season: tuple[int, int] | None = None  # first and last month ("autumn": 9, 11)
    month: int | None = None
    day: int | None = None
    year: int | None = None


# --- where an article dates an event it refers back to (Russian, Ukrainian) --------------------

@dataclass(frozen=True)
class OnsetWriting:
    """How an inflected language writes what the onset patterns need (its grammar fills it in)."""

    alt: object  # phrases → a bounded alternation, longest first
    month: str
    weekday: str
    year: str  # a year with its year word ("2022 года", "2022 року")
    at: str  # the prepositions before a date ("в|во")
    about: str  # a preposition before an announced event ("объявил о мобилизации"), or "" for none
    word: str  # one word between, quotation marks and apostrophes included


def onset_pieces(t: dict, w: OnsetWriting) -> dict[str, str]:
    """The parts of an event's start as time.json lists them (onset_*), for periods and onsets."""
    pieces = {key: w.alt(t[f"onset_{name}"]) for key, name in (
        ("event", "events"), ("verbs", "verbs"), ("starts", "starts"), ("mods", "modifiers"), ("launch", "launch_verbs"))}
    # ... unless a date follows within two words: "с начала вторжения 24 февраля 2022 года"
    pieces["not_dated"] = (rf"(?!(?:\s+{w.word}+){{0,2}}?\s+(?:\d{{1,2}}\s+{w.month}|(?:(?:{w.at})\s+)?"
                           rf"(?:{w.month}|{w.year})))")
    # ... or is dated right there: "з початку евакуації сімей з дітьми, оголошеної 12 серпня 2024 року"
    pieces["dated_here"] = (rf"(?:(?:\s+{w.word}+){{0,6}}?\s+{pieces['verbs']}\s+(?:(?:{w.at})\s+)?"
                            rf"(?:\d{{1,2}}\s+{w.month}(?:\s+{w.year})?|{w.month}(?:\s+{w.year})?|{w.year}))?")
    return pieces


def onset_patterns(t: dict, w: OnsetWriting) -> list[re.Pattern]:
    """Where an article dates the start of an event it refers back to: 'боевые действия начались
    ... 14 марта 2022 года', 'мобілізацію було оголошено 18 травня', 'объявил частичную мобилизацию
    21 сентября'. Groups: event (a form of onset_events), a (the date)."""
    o = onset_pieces(t, w)
    date = rf"(?P<a>\d{{1,2}}\s+{w.month}(?:\s*{w.year})?|{w.month}(?:\s*{w.year})?|{w.year}|{w.weekday})"
    words = lambda n: rf"(?:\s+{w.word}+){{0,{n}}}?"  # noqa: E731 - a few words between
    at = rf"\s+(?:(?:{w.at})\s+)?"
    about = rf"(?:(?:{w.about})\s+)?" if w.about else ""
    told = rf"(?<!\w)(?P<event>{o['event']})[»\"]?,?{words(6)}\s+{o['verbs']}{words(8)}{at}{date}"
    launched = (rf"(?<!\w){o['launch']}\s+{about}(?:{o['mods']}\s+)*[«\"]?(?P<event>{o['event']})[»\"]?"
                rf"{words(6)}{at}{date}")
    dated_first = rf"(?<!\w){date}{words(3)}\s+{o['verbs']}\s+(?:{o['mods']}\s+)*[«\"]?(?P<event>{o['event']})"
    return [re.compile(rx, re.IGNORECASE) for rx in (told, launched, dated_first)]

