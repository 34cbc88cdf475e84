"""Figures: every reported quantity with its bound, unit, counted thing, rate, period and scope.

Numbers come from ``numbers.py`` (forms and cues, no parse); this component decides which are
figures (not years, dates, article numbers or ages), finds what they count from the parse, and
attaches a rate, a period (``periods.py``), an indicator (``indicators.py``) and a scope
(``scope.py``). Attribution and hedges are added by later components.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from datetime import date

from ..model import explain
from ..model.records import Figure, Period
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState
from .indicators import resolve_indicator
from .numbers import NumberMatch, find_numbers
from .periods import FoundPeriod, Onset, find_onsets, find_periods
from .scope import military_mentions, nation_mentions

_WORDS = re.compile(r"[^\W\d_]+")


def published_date(state: TraceState) -> date | None:
    try:
        return date.fromisoformat(state.document.published) if state.document.published else None
    except ValueError:
        return None


@component("figures", requires=("parses",), assigns=("figures", "periods", "onsets"))
def extract_figures(state: TraceState) -> None:
    published = published_date(state)
    context_year = published.year if published else None
    last_scope = None
    before = None  # the last dated period, for "over the same period"
    known: dict[str, Figure] = {}  # counted head noun → the last figure whose indicator it named
    state.onsets = onsets = [o for s in state.sentences if not s.language
                             for o in find_onsets(s.text, state.lang, published, s.start)]
    for sentence in state.sentences:
        if sentence.language:
            continue  # in another language: not read with this one's rules (sentences.py)
        found = find_periods(sentence.text, state.lang, published, context_year, before,
                             onsets=lambda event, at=sentence.start: _onset(onsets, event, at))
        periods = _anchored(sentence, found, state.lang, context_year)
        before = next((p for p in reversed(periods) if p.start is not None and p.end is not None), before)
        sentence.periods = periods
        numbers = [n for n in find_numbers(sentence.text, state.lang) if _is_figure(n, sentence, periods, state.lang)]
        for i, number in enumerate(numbers):
            number.index = i
        scopes = military_mentions(sentence.text, state.lang)
        sentence.nations = nation_mentions(sentence.text, state.lang)
        previous = None
        for number in numbers:
            figure = _figure(state, sentence, number, numbers, periods, scopes, last_scope)
            _borrow_counted(figure, previous, sentence)
            _indicator_from_context(figure, known, state.lang)
            state.figures.append(figure)
            previous = figure if figure.counted else previous
        last_scope = _last_scope(sentence, scopes, last_scope)
        context_year = _latest_year(periods, context_year)


def _onset(onsets: list[Onset], event: str, at: int) -> Onset | None:
    """The start the article dates for ``event``: the last one told before ``at``, else the first after."""
    told = [o for o in onsets if o.event == event]
    before = [o for o in told if o.span[0] < at]
    return (before or told or [None])[-1 if before else 0]


def _is_figure(number: NumberMatch, sentence: Sentence, periods: list[FoundPeriod], lang) -> bool:
    text = sentence.text
    if any(p.start_char <= number.number_start < p.end_char for p in periods):
        return False
    forms = lang.forms
    if forms.not_figure_before.search(text[max(0, number.number_start - 12): number.number_start]):
        return False
    if forms.not_figure_after.match(text[number.end: number.end + 16]):
        return False
    if number.is_integer_literal and 1900 <= (number.value or 0) <= 2100 and not _counts_plural(sentence, number, lang):
        return False  # a year ("the 2022 invasion")
    if _is_age(sentence, number, lang):
        return False
    if _labels_a_name(sentence, number, lang) or _counts_time(sentence, number, lang):
        return False  # "Resolution 2231"; "after 112 days" is a duration
    if number.word_number and number.bound == "exact" and number.kind == "quantity":
        return ((number.value or 0) >= lang.numbers["min_bare_word_value"] and _counts_something(sentence, number, lang)
                and not _counts_speakers(sentence, number, lang))
    return True


def _counts_speakers(sentence: Sentence, number: NumberMatch, lang) -> bool:
    """'Two officials familiar with the matter told ...': the number says who speaks, not a finding."""
    syntax = lang.syntax
    head = _head_counted(sentence, number, lang)
    return head is not None and syntax.is_subject(head) and syntax.is_verb(head.head) \
        and head.lower_ in lang.numbers["speaker_nouns"]


def _head_counted(sentence: Sentence, number: NumberMatch, lang):
    token = _number_token(sentence, number, lang)
    return _counted_head(token, lang) if token is not None else None


def _number_token(sentence: Sentence, number: NumberMatch, lang):
    if sentence.doc is None:
        return None
    # The tokens inside the number, found by their offsets: a sentence of many numbers must not
    # be walked once per number (18 KB of '1,000 1,000 ...' took 35 s that way).
    starts = sentence.token_starts()
    inside = sentence.doc[bisect_left(starts, number.number_start): bisect_left(starts, number.end)]
    tokens = [t for t in inside if lang.syntax.is_number_part(t)]
    # The token that links the number to the rest: its head lies outside the number.
    outward = [t for t in tokens if not (number.number_start <= t.head.idx < number.end)]
    return (outward or tokens or [None])[-1]


def _counts_something(sentence: Sentence, number: NumberMatch, lang) -> bool:
    head = _head_counted(sentence, number, lang)
    return head is not None and head.lower_ not in lang.numbers["time_nouns"] and lang.syntax.is_nominal(head)


def _is_age(sentence: Sentence, number: NumberMatch, lang) -> bool:
    """'The battalion commander, 45, was detained': a number alone between commas after a person."""
    text = sentence.text
    if not (number.is_integer_literal and 14 <= (number.value or 0) <= 99 and number.start == number.number_start):
        return False
    if not (re.search(r",\s*$", text[:number.start]) and re.match(r"\s*,", text[number.end:])):
        return False
    token = _number_token(sentence, number, lang)
    return token is not None and lang.syntax.is_nominal(token.head) and token.head.i < token.i


def _counts_plural(sentence: Sentence, number: NumberMatch, lang) -> bool:
    head = _head_counted(sentence, number, lang)
    return head is not None and lang.syntax.is_plural(head)


def _counts_time(sentence: Sentence, number: NumberMatch, lang) -> bool:
    head = _head_counted(sentence, number, lang)
    return head is not None and head.lower_ in lang.numbers["time_nouns"]


def _labels_a_name(sentence: Sentence, number: NumberMatch, lang) -> bool:
    """A number right after the proper name it belongs to: 'Resolution 2231', 'Brigade 47'."""
    token = _number_token(sentence, number, lang)
    if token is None or token.i == 0 or number.start != number.number_start:
        return False
    before = token.doc[token.i - 1]
    return lang.syntax.is_proper(before) and token.head.i == before.i and before.text[:1].isupper() \
        and before.lower_.rstrip(".") not in lang.time["months"] and before.text not in lang.units["currency_codes"]


def _counted_head(token, lang):
    """The noun a number counts: '20,000 cases', 'hundreds of soldiers', '12% of servicemen'."""
    syntax = lang.syntax
    if syntax.is_noun_modifier(token) and syntax.is_nominal(token.head) and token.head.i > token.i:
        return token.head
    of = _linker(token, lang)
    if of is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == lang.numbers["quantity_linker"]:
        of = token.doc[token.i + 1]
    if of is not None:
        pobj = syntax.prepositional_object(of)
        if pobj is not None and syntax.is_nominal(pobj):
            return pobj
    governed = syntax.quantified(token)  # "20 тыс. дел": no linking word
    if governed is not None:
        return governed
    return _measured_subject(token, lang)


def _linker(token, lang, right_only: bool = False):
    """The preposition that links a quantity to what it counts ('hundreds *of* soldiers')."""
    linker = lang.numbers["quantity_linker"]
    return next((p for p, _ in lang.syntax.prepositions(token)
                 if p.lower_ == linker and (not right_only or p.i > token.i)), None)


def _measured_subject(token, lang):
    """'The armed forces numbered 210,000', 'losses stood at 1,000': the subject is counted."""
    syntax = lang.syntax
    verb = token.head
    if syntax.is_prepositional_object(token) and syntax.is_preposition(verb):
        verb = verb.head
    if not syntax.is_verb(verb) or verb.lemma_.lower() not in lang.attribution["measure_verbs"]:
        return None
    subject = next(iter(syntax.subjects(verb, passive=True)), None)
    return subject if subject is not None and syntax.is_nominal(subject) else None


def _counted(sentence: Sentence, number: NumberMatch, lang):
    """(text, sentence-relative span) of the counted thing, e.g. 'cases of desertion'."""
    syntax = lang.syntax
    token = _number_token(sentence, number, lang)
    head = _counted_head(token, lang) if token is not None else None
    if head is None or head.lower_ in lang.numbers["time_nouns"]:
        return None, None
    before_number = head.i < token.i  # "the armed forces numbered 210,000"
    left = [c for c in syntax.modifiers(head) if c.i < head.i and (before_number or c.idx >= number.end)]
    first = left[0] if left else head
    last = head
    of = _linker(head, lang, right_only=True)
    pobj = syntax.prepositional_object(of) if of is not None else None
    if pobj is not None and (head.lower_ in lang.numbers["generic_heads"] or pobj.i - head.i <= 3):
        last = _compact_end(pobj, lang)
    start, end = first.idx, last.idx + len(last.text)
    return sentence.text[start:end], (start, end)


def _compact_end(noun, lang):
    """Last token of a noun with its 'of'-chain ('cases of unauthorized abandonment of a unit')."""
    end = noun
    of = _linker(noun, lang, right_only=True)
    pobj = lang.syntax.prepositional_object(of) if of is not None else None
    if pobj is not None and pobj.i - noun.i <= 4:
        end = _compact_end(pobj, lang)
    return end


# How far around a figure its sentence is read for what it counts, its rate and whether it is a
# total: no reader looks further, and reading the whole of a very long sentence for each of its
# many numbers made the time grow with the square of their count.
REACH = 400


def _next_start(number: NumberMatch, numbers: list[NumberMatch]) -> int | None:
    """Where the number after this one begins (``numbers`` are in text order, each knows its place)."""
    following = number.index + 1
    return numbers[following].start if 0 < following < len(numbers) else None


def _rate(sentence: Sentence, number: NumberMatch, numbers: list[NumberMatch], lang) -> tuple[str | None, tuple | None]:
    rx = lang.cues("units", "rate_phrases")
    following = _next_start(number, numbers)
    stop = min(following if following is not None else len(sentence.text), number.end + REACH)
    semicolon = sentence.text.find(";", number.end)
    if 0 <= semicolon < stop:
        stop = semicolon
    for m in rx.finditer(sentence.text, number.end, stop):
        if _not_a_rate(sentence.text, m, lang):
            continue
        return lang.units["rate_phrases"][re.sub(r"\s+", " ", m.group().lower())], (m.start(), m.end())
    before = rx.search(sentence.text[max(0, number.start - 25): number.start])
    if before and lang.forms.rate_word_before.search(before.group()) \
            and not _not_a_rate(sentence.text[max(0, number.start - 25): number.start], before, lang):
        s = max(0, number.start - 25)
        return lang.units["rate_phrases"][before.group().lower()], (s + before.start(), s + before.end())
    return _clause_rate(sentence.text, number, numbers, stop, lang)


def _clause_rate(text: str, number: NumberMatch, numbers: list[NumberMatch], stop: int, lang):
    """'щодня регіон залишають 177 людей': an adverb of frequency anywhere before the number in its
    clause (no clause punctuation or other number between) makes it a rate; so does a period phrase
    after it when an average word stands before it ('в середньому 40 обстрілів за добу')."""
    before = [numbers[number.index - 1].end] if number.index > 0 else []
    start = max(before + [0, number.start - REACH])
    punct = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, number.start)]
    start = max(punct + [start])
    adverbs = [m for m in lang.cues("units", "rate_adverbs").finditer(text, start, number.start)]
    if adverbs:
        m = adverbs[-1]
        return lang.units["rate_adverbs"][_phrase_key(m.group())], (m.start(), m.end())
    if lang.cues("units", "average_words").search(text, start, number.end):  # may open the number
        m = lang.cues("units", "averaged_rate_phrases").search(text, number.end, stop)
        if m is not None:
            return lang.units["averaged_rate_phrases"][_phrase_key(m.group())], (m.start(), m.end())
    return None, None


def _phrase_key(written: str) -> str:
    return re.sub(r"\s+", " ", written.lower())


_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")


def _not_a_rate(text: str, m: re.Match, lang) -> bool:
    """'within a week', 'a year earlier' name a time, not a rate."""
    forms = lang.forms
    following = re.match(r"\s+([^\W\d_]+)", text[m.end(): m.end() + 20])
    if forms.rate_adjective.fullmatch(m.group()) and following \
            and following.group(1).lower() not in lang.words["function_words"]:
        return True  # "the French daily Le Monde", "its weekly bulletin": a kind of thing, not a rate
    return bool(forms.duration_before.search(text[max(0, m.start() - 12): m.start()])
                or forms.duration_after.match(text[m.end(): m.end() + 12]))


def _record_since(sentence: Sentence, period: FoundPeriod, lang) -> bool:
    """'the highest since 2009': since when it is a record, not what the figure counts."""
    if period.kind not in ("since", "since_event"):
        return False
    before = sentence.text[max(0, period.start_char - 30): period.start_char]
    return bool(lang.cues("numbers", "record_words").search(before))


def _future(period: FoundPeriod, published) -> bool:
    if published is None:
        return False
    first = period.start or period.end
    return first is not None and first > published


def _statement_date(sentence: Sentence, period: FoundPeriod, lang) -> bool:
    """'..., the ministry said on Friday': when it was said, not what the figure covers. Only a
    day, a date or a named time is: 'its tally for the first six months' is what the tally covers."""
    if period.kind not in _STATEMENT_KINDS:
        return False
    forms = lang.verb_cues("attribution", "reporting_verbs")
    before = sentence.text[max(0, period.start_char - 40): period.start_char]
    if not re.search(r"(?i)\b\w+\s+$", before):
        return False
    # the verb, or the verb and whom it was told ('told reporters on June 12', 'told parliament on')
    words = re.split(r"[,;:]", before)[-1].split()[-STATEMENT_REACH:]
    return any(forms.search(word) for word in words)


STATEMENT_REACH = 2  # words between a reporting verb and the date it was said on

# Kinds of period that may date a statement ('said on Friday', 'reported in March', 'said last week').
_STATEMENT_KINDS = ("on_day", "date", "in_when", "rel")

# Periods counted from "now": in a quoted statement, now is the day it was made.
_RELATIVE_KINDS = ("past_n", "past_1", "rel", "since_rel")


def _anchored(sentence: Sentence, periods: list[FoundPeriod], lang, context_year) -> list[FoundPeriod]:
    """'the governor said on Sunday that 40 people were killed over the past 24 hours': relative
    periods count back from the day the statement was made, not from publication."""
    said = next((p for p in periods if p.kind in ("on_day", "date") and p.start is not None
                 and _statement_date(sentence, p, lang)), None)
    if said is None or not any(p.kind in _RELATIVE_KINDS for p in periods):
        return periods
    again = {(p.start_char, p.kind): p for p in find_periods(sentence.text, lang, said.start, context_year)}
    return [again.get((p.start_char, p.kind), p) if p.kind in _RELATIVE_KINDS else p for p in periods]


_CLAUSE_END = re.compile(r";|:(?!\d)")  # not the colon of a time ('08:00')


@lru_cache(maxsize=8)
def _breaks(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where a sentence's clauses end and its list entries break (found once per sentence, so that
    a sentence of thousands of numbers is read in time that grows with its length)."""
    ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    return ends, [m.end() for m in _CLAUSE_END.finditer(text)], [m.start() for m in _LIST_BREAK.finditer(text)]


def _clause(text: str, number: NumberMatch) -> tuple[int, int]:
    """The stretch of the sentence a figure belongs to: clauses split at ';' and ':'."""
    starts, ends_after, _ = _breaks(text)
    before = bisect_right(ends_after, number.start) - 1
    after = bisect_left(starts, number.end)
    return (ends_after[before] if before >= 0 else 0), (starts[after] if after < len(starts) else len(text))


NEAREST = 4  # periods looked at on each side of a figure, nearest first
WINDOW = 4 * NEAREST  # periods of its own list entry considered on each side before that choice


def _period_for(sentence: Sentence, number: NumberMatch, periods: list[FoundPeriod], lang=None,
                numbers: list[NumberMatch] = (), published=None) -> FoundPeriod | None:
    """The nearest period in the same clause, but not one that opens the next number's entry of an
    elliptical list ('N in 2022, in 2023 – M')."""
    seg_start, seg_end = _clause(sentence.text, number)
    text = sentence.text
    entry = _entry(text, number.start, number.end, seg_start, seg_end)
    # Periods and numbers come in reading order: found by bisection, never by a scan per figure.
    inside = periods[_first_at(periods, seg_start): _first_at(periods, seg_end)]
    # A list's entries ('58 and 9 cases in January, 71 and 12 in February'): a period of the
    # figure's own entry is its period; a later entry's, with numbers of its own, never is.
    # Only the few nearest on each side are looked at, nearest first: a sentence of a thousand
    # dates is not read once per figure.
    entry_periods = inside[_first_at(inside, entry[0]): _first_at(inside, entry[1])]
    split = _first_at(entry_periods, number.start)
    near = entry_periods[max(0, split - WINDOW): split + WINDOW]
    own = [p for p in near if p.end_char <= entry[1]
           and not (p.start_char >= number.end and _compares(text[number.end:p.start_char], lang))]
    pool = own or inside
    split = _first_at(pool, number.start)
    own = pool[max(0, split - NEAREST): split][::-1] + pool[split: split + NEAREST]
    best, best_distance = None, None
    for period in own:
        if period.start_char < seg_start or period.end_char > seg_end:
            continue
        if period.start_char >= number.end and _broken(text, number.end, period.start_char) \
                and (_dashed_to_next(text, period, numbers)
                     or _opens_entry(text, period, number, numbers, seg_start, seg_end)):
            continue
        if period.start is None and period.end is None:
            continue  # a date with no year to resolve it by: it says nothing a figure can use
        if period.start_char >= number.end and _compares(text[number.end:period.start_char], lang):
            continue  # "nearly twice as many as the year before": the base's period, not the figure's
        if lang is not None and (_statement_date(sentence, period, lang) or _record_since(sentence, period, lang)):
            continue
        if _future(period, published):
            continue  # "$46 million by 2035": a target, not what the figure counts
        distance = number.start - period.end_char if period.end_char <= number.start else period.start_char - number.end
        if best_distance is None or distance < best_distance:
            best, best_distance = period, distance
    return best


def _broken(text: str, start: int, end: int) -> bool:
    """A list break between ``start`` and ``end``."""
    breaks = _breaks(text)[2]
    i = bisect_left(breaks, start)
    return i < len(breaks) and breaks[i] < end


def _first_at(items, offset: int) -> int:
    """The index of the first period or number (in reading order) that starts at ``offset`` or later."""
    return bisect_left(items, offset, key=_start)


def _start(item) -> int:
    return item.start_char if isinstance(item, FoundPeriod) else item.start


def _dashed_to_next(text: str, period: FoundPeriod, numbers) -> bool:
    """The number right after the period is joined to it by a dash ('у 2023-му – 3 265')."""
    i = _first_at(numbers, period.end_char)
    return i < len(numbers) and _dashed_to(text, period, numbers[i])


def _within(period: FoundPeriod, span) -> bool:
    """A period the rate's own phrase names ('за добу' in 'в середньому 40 за добу') is no period."""
    return span is not None and span[0] <= period.start_char < span[1]


def _dashed_to(text: str, period: FoundPeriod, number: NumberMatch) -> bool:
    """'у 2023-му – 3 265': a period joined by a dash to the number after it."""
    return number.start >= period.end_char and bool(_DASHED.fullmatch(text[period.end_char:number.start]))


_DASHED = re.compile(r"\s*[-–—]\s*")
_LIST_BREAK = re.compile(r",(?!\d)")  # the period opens a new entry of the list (not '1,200')


COMPARISON_REACH = 30  # characters between a figure and the period its comparison names


def _compares(between: str, lang) -> bool:
    """A comparison word right after a figure, before a period close by: '40% more than in 2022',
    'twice as many as the year before' (not 'fewer than 900 servicemen had been listed as ...')."""
    if lang is None or len(between) > COMPARISON_REACH:
        return False
    words = set(re.findall(r"[^\W\d_]+", between.lower())[:3])
    return any(w in words for w in lang.numbers["comparison_words"] if " " not in w) or any(
        w in between.lower() for w in lang.numbers["comparison_words"] if " " in w)


def _entry(text: str, start: int, end: int, seg_start: int, seg_end: int) -> tuple[int, int]:
    """The comma-delimited entry of a list that holds text[start:end], within its clause."""
    breaks = _breaks(text)[2]
    before = bisect_left(breaks, start) - 1
    after = bisect_left(breaks, end)
    first = breaks[before] + 1 if before >= 0 and breaks[before] >= seg_start else seg_start
    last = breaks[after] if after < len(breaks) and breaks[after] < seg_end else seg_end
    return first, last


def _opens_entry(text: str, period, number: NumberMatch, numbers, seg_start: int, seg_end: int) -> bool:
    """'killed 6 and injured 19, in February 7 and 15': the later period's entry has numbers of
    its own, so it is theirs, not the figure's before the comma."""
    entry = _entry(text, period.start_char, period.end_char, seg_start, seg_end)
    lo, hi = _first_at(numbers, entry[0]), _first_at(numbers, entry[1])
    return any(n is not number and n.end <= entry[1] and not (period.start_char <= n.start < period.end_char)
               for n in numbers[lo:hi])


def _figure(state, sentence, number, numbers, periods, scopes, last_scope) -> Figure | None:
    lang, base = state.lang, sentence.start
    counted, counted_span = _counted(sentence, number, lang)
    rate_per, rate_span = _rate(sentence, number, numbers, lang)
    period = _period_for(sentence, number, periods if rate_span is None else
                         [p for p in periods if not _within(p, rate_span)], lang, numbers, published_date(state))
    following = _next_start(number, numbers)
    near = sentence.text[number.start: min(following if following is not None else len(sentence.text), number.end + 120)]
    around = sentence.text[max(0, number.start - REACH): number.end + REACH]
    indicator = resolve_indicator(counted or _next_words(near), near, around, lang)
    scope, scope_span = _scope(sentence, number, scopes, last_scope, indicator, lang)
    clause_start, clause_end = _clause(sentence.text, number)
    clause = sentence.text[max(clause_start, number.start - REACH): min(clause_end, number.end + REACH)]
    aggregation = _aggregation(number, rate_per, period, clause, lang)
    return Figure(
        id=f"f{len(state.figures) + 1}",
        text=sentence.text[number.start:number.end],
        span=(base + number.start, base + number.end),
        sentence=sentence.span,
        value=number.value, low=number.low, high=number.high,
        approximate=number.bound == "approximate", bound=number.bound, unit=number.unit,
        counted=counted, counted_span=_shift(counted_span, base),
        indicator=indicator, rate_per=rate_per,
        period=_period_record(period, base),
        aggregation=aggregation, cumulative=aggregation == "cumulative",
        scope=scope, scope_span=scope_span,
        kind=number.kind,
    )


def _indicator_from_context(figure: Figure, known: dict, lang) -> None:
    """'9,870 of the cases' after '41,760 criminal cases of desertion': the same cases."""
    head = _head_word(figure.counted, lang)
    if figure.indicator is None and head in known:
        source = known[head]
        figure.indicator = source.indicator
        figure.notes.append(explain.note_indicator_from(source.id, source.counted, figure.counted))
    elif figure.indicator is not None and head:
        known[head] = figure
        for word in _WORDS.findall((figure.counted or "").lower()):
            known.setdefault(word, figure)


def _head_word(counted: str | None, lang) -> str | None:
    words = _WORDS.findall((counted or "").lower())
    generic = [w for w in words if w in lang.numbers["generic_heads"]]
    return (generic or words or [None])[0]


def _next_words(near: str) -> str | None:
    """'and 117 injured': with no counted noun, the words right after the number name the count."""
    words = near.split()[1:4]
    return " ".join(words) or None


def _borrow_counted(figure: Figure, previous: Figure | None, sentence: Sentence) -> None:
    """'52,000 desertion cases in total: 9,800 in 2022, 17,500 in 2023': the parts count what the
    total counts, though the text does not repeat it."""
    if previous is None or figure.counted is not None or previous.counted is None:
        return
    if figure.unit != previous.unit or figure.kind != "quantity" or figure.indicator is not None:
        return  # "... killed, and 117 injured": its own word names what it counts
    figure.indicator = previous.indicator
    figure.notes.append(explain.note_counts_what(previous.id, previous.counted))


def _aggregation(number: NumberMatch, rate_per, period: FoundPeriod | None, text: str, lang) -> str:
    if number.kind in ("multiplier", "change"):
        return "change"
    if rate_per:
        return "rate"
    if period is not None and period.cumulative:
        return "cumulative"
    if lang.forms.cumulative.search(text):
        return "cumulative"
    return "period" if period is not None else "point"


def _scope(sentence, number, scopes, last_scope, indicator, lang):
    """Prefer a military body for military indicators; then a place or country; then context."""
    military = indicator is None or indicator.startswith(tuple(lang.indicator_list["military_prefixes"]))
    base = sentence.start
    nations = sentence.nations
    if military and scopes:
        start, end, name = min(scopes, key=lambda s: abs(s[0] - number.start))
        return name, (base + start, base + end)
    if not military and nations:
        start, end, name = min(nations, key=lambda s: abs(s[0] - number.start))
        return name, (base + start, base + end)
    if military and last_scope is not None:
        return last_scope[2], last_scope[3]  # named in an earlier sentence: its span is there
    if nations:
        start, end, name = nations[0]
        return name, (base + start, base + end)
    return None, None


def _last_scope(sentence: Sentence, scopes, previous):
    """The military body most recently named, kept as (sentence, -, name, document span)."""
    if not scopes:
        return previous
    start, end, name = scopes[0]
    return (sentence.index, None, name, (sentence.start + start, sentence.start + end))


def _latest_year(periods: list[FoundPeriod], year: int | None) -> int | None:
    for period in periods:
        if period.year:
            year = period.year
    return year


def _shift(span, base: int):
    return None if span is None else (span[0] + base, span[1] + base)


def _period_record(period: FoundPeriod | None, base: int) -> Period | None:
    if period is None:
        return None
    return Period(text=period.text, start=period.start.isoformat() if period.start else None,
                  end=period.end.isoformat() if period.end else None,
                  span=(base + period.start_char, base + period.end_char), end_basis=period.end_basis,
                  inherited_from=period.inherited_from)
