"""Figures: every reported quantity with its bound, unit, counted thing, rate, period and scope.

Numbers come from ``numbers.py`` (forms and cues, no parse); this component decides which are
figures (not years, dates, article numbers or ages), finds what they count from the parse, and
attaches a rate, a period (``periods.py``), an indicator (``indicators.py``) and a scope
(``scope.py``). Attribution and hedges are added by later components.
"""
from __future__ import annotations

import re
from datetime import date

from ..model.records import Figure, Period
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState
from .indicators import resolve_indicator
from .numbers import NumberMatch, find_numbers
from .periods import FoundPeriod, find_periods
from .scope import military_mentions, nation_mentions

_NOT_FIGURE_BEFORE = re.compile(
    r"(?:\b(?:resolution|decree|order|law|bill|article|art|part|paragraph|para|no|number|clause|section|brigade|battalion|regiment|"
    r"division|corps|aged|age|room|page|vol|item|point)\.?\s*|[#§№]\s*|[A-Za-z]-|\d[:/.]|[:/]|[A-Za-z_]\()$",
    re.IGNORECASE)
_NOT_FIGURE_AFTER = re.compile(r"^(?:-year-old|\s*years?\s+old|\s*-?\s*(?:st|nd|rd|th)\b|[:/]\d|\s*(?:GMT|UTC|a\.m\.|p\.m\.|am\b|pm\b|hours?\s+(?:GMT|local)))", re.IGNORECASE)
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec"}
_TIME_NOUNS = {"year", "years", "month", "months", "day", "days", "week", "weeks", "hour", "hours", "time", "times", "minute", "minutes"}
_GENERIC_HEADS = {"case", "cases", "proceeding", "proceedings", "instance", "instances", "number", "incident", "incidents", "count", "total", "investigation", "investigations", "report", "reports", "episode", "episodes", "percent", "%", "share", "rate", "notice", "notices"}


def published_date(state: TraceState) -> date | None:
    try:
        return date.fromisoformat(state.document.published) if state.document.published else None
    except ValueError:
        return None


@component("figures", requires=("parses",), assigns=("figures", "periods"))
def extract_figures(state: TraceState) -> None:
    published = published_date(state)
    context_year = published.year if published else None
    last_scope = None
    known: dict[str, Figure] = {}  # counted head noun → the last figure whose indicator it named
    for sentence in state.sentences:
        periods = find_periods(sentence.text, state.lang, published, context_year)
        sentence.periods = periods
        numbers = [n for n in find_numbers(sentence.text, state.lang) if _is_figure(n, sentence, periods)]
        scopes = military_mentions(sentence.text, state.lang)
        previous = None
        for number in numbers:
            figure = _figure(state, sentence, number, numbers, periods, scopes, last_scope)
            _borrow_counted(figure, previous, sentence)
            _indicator_from_context(figure, known)
            state.figures.append(figure)
            previous = figure if figure.counted else previous
        last_scope = _last_scope(sentence, scopes, last_scope)
        context_year = _latest_year(periods, context_year)


def _is_figure(number: NumberMatch, sentence: Sentence, periods: list[FoundPeriod]) -> bool:
    text = sentence.text
    if any(p.start_char <= number.number_start < p.end_char for p in periods):
        return False
    if _NOT_FIGURE_BEFORE.search(text[max(0, number.number_start - 12): number.number_start]):
        return False
    if _NOT_FIGURE_AFTER.match(text[number.end: number.end + 16]):
        return False
    if number.is_integer_literal and 1900 <= (number.value or 0) <= 2100 and not _counts_plural(sentence, number):
        return False  # a year ("the 2022 invasion")
    if _is_age(sentence, number):
        return False
    if _labels_a_name(sentence, number) or _counts_time(sentence, number):
        return False  # "Resolution 2231"; "after 112 days" is a duration
    if number.word_number and number.bound == "exact" and number.kind == "quantity":
        return (number.value or 0) >= 2 and _counts_something(sentence, number) and not _counts_speakers(sentence, number)
    return True


def _counts_speakers(sentence: Sentence, number: NumberMatch) -> bool:
    """'Two officials familiar with the matter told ...': the number says who speaks, not a finding."""
    token = _number_token(sentence, number)
    head = _counted_head(token) if token is not None else None
    return head is not None and head.dep_ == "nsubj" and head.head.pos_ == "VERB" and head.lower_ in (
        "officials", "sources", "people", "officers", "diplomats", "insiders", "witnesses", "residents")


def _number_token(sentence: Sentence, number: NumberMatch):
    if sentence.doc is None:
        return None
    tokens = [t for t in sentence.doc if number.number_start <= t.idx < number.end and t.pos_ in ("NUM", "NOUN", "X", "SYM", "PROPN", "ADJ")]
    # The token that links the number to the rest: its head lies outside the number.
    outward = [t for t in tokens if not (number.number_start <= t.head.idx < number.end)]
    return (outward or tokens or [None])[-1]


def _counts_something(sentence: Sentence, number: NumberMatch) -> bool:
    token = _number_token(sentence, number)
    head = _counted_head(token) if token is not None else None
    return head is not None and head.lower_ not in _TIME_NOUNS and head.pos_ in ("NOUN", "PROPN")


def _is_age(sentence: Sentence, number: NumberMatch) -> bool:
    """'The battalion commander, 45, was detained': a number alone between commas after a person."""
    text = sentence.text
    if not (number.is_integer_literal and 14 <= (number.value or 0) <= 99 and number.start == number.number_start):
        return False
    if not (re.search(r",\s*$", text[:number.start]) and re.match(r"\s*,", text[number.end:])):
        return False
    token = _number_token(sentence, number)
    return token is not None and token.head.pos_ in ("NOUN", "PROPN") and token.head.i < token.i


def _counts_plural(sentence: Sentence, number: NumberMatch) -> bool:
    token = _number_token(sentence, number)
    head = _counted_head(token) if token is not None else None
    return head is not None and head.tag_ in ("NNS", "NNPS")


def _counts_time(sentence: Sentence, number: NumberMatch) -> bool:
    token = _number_token(sentence, number)
    head = _counted_head(token) if token is not None else None
    return head is not None and head.lower_ in _TIME_NOUNS


def _labels_a_name(sentence: Sentence, number: NumberMatch) -> bool:
    """A number right after the proper name it belongs to: 'Resolution 2231', 'Brigade 47'."""
    token = _number_token(sentence, number)
    if token is None or token.i == 0 or number.start != number.number_start:
        return False
    before = token.doc[token.i - 1]
    return before.pos_ == "PROPN" and token.head.i == before.i and before.text[:1].isupper() \
        and before.lower_.rstrip(".") not in _MONTHS and before.text not in ("UAH", "USD", "EUR", "RUB", "GBP")


def _counted_head(token):
    """The noun a number counts: '20,000 cases', 'hundreds of soldiers', '12% of servicemen'."""
    if token.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
        return token.head
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "of":
        of = token.doc[token.i + 1]
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
            return pobj
    return _measured_subject(token)


_MEASURE = {"number", "total", "reach", "exceed", "stand", "amount", "top", "surpass", "hit", "rise",
            "fall", "grow", "climb", "drop", "increase", "decrease"}


def _measured_subject(token):
    """'The armed forces numbered 210,000', 'losses stood at 1,000': the subject is counted."""
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MEASURE:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def _counted(sentence: Sentence, number: NumberMatch):
    """(text, sentence-relative span) of the counted thing, e.g. 'cases of desertion'."""
    token = _number_token(sentence, number)
    head = _counted_head(token) if token is not None else None
    if head is None or head.lower_ in _TIME_NOUNS:
        return None, None
    before_number = head.i < token.i  # "the armed forces numbered 210,000"
    left = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and (before_number or c.idx >= number.end)]
    first = left[0] if left else head
    last = head
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and (head.lower_ in _GENERIC_HEADS or pobj.i - head.i <= 3):
        last = _compact_end(pobj)
    start, end = first.idx, last.idx + len(last.text)
    return sentence.text[start:end], (start, end)


def _compact_end(noun):
    """Last token of a noun with its 'of'-chain ('cases of unauthorized abandonment of a unit')."""
    end = noun
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and pobj.i - noun.i <= 4:
        end = _compact_end(pobj)
    return end


def _rate(sentence: Sentence, number: NumberMatch, numbers: list[NumberMatch], lang) -> tuple[str | None, tuple | None]:
    rx = lang.phrases_regex("rates", lang.units["rate_phrases"])
    later = [n.start for n in numbers if n.start > number.start]
    stop = min(later + [len(sentence.text)])
    semicolon = sentence.text.find(";", number.end)
    if 0 <= semicolon < stop:
        stop = semicolon
    for m in rx.finditer(sentence.text, number.end, stop):
        if _not_a_rate(sentence.text, m):
            continue
        return lang.units["rate_phrases"][re.sub(r"\s+", " ", m.group().lower())], (m.start(), m.end())
    before = rx.search(sentence.text[max(0, number.start - 25): number.start])
    if before and re.search(r"(?i)(daily|monthly|weekly|yearly|annual|each|every|per)", before.group()) \
            and not _not_a_rate(sentence.text[max(0, number.start - 25): number.start], before):
        s = max(0, number.start - 25)
        return lang.units["rate_phrases"][before.group().lower()], (s + before.start(), s + before.end())
    return None, None


_DURATION_BEFORE = re.compile(r"(?i)\b(?:within|in|for|than|over|of|about|after|before|once|twice|half)\s+$")
_DURATION_AFTER = re.compile(r"(?i)^\s+(?:earlier|ago|later|before|after|previously|on)\b")


_FUNCTION_WORDS = {"to", "for", "in", "on", "at", "from", "since", "during", "by", "and", "or", "the", "a",
                   "an", "until", "over", "of", "with", "as", "this", "last", "so", "but", "while"}


def _not_a_rate(text: str, m: re.Match) -> bool:
    """'within a week', 'a year earlier' name a time, not a rate."""
    following = re.match(r"\s+([A-Za-z]+)", text[m.end(): m.end() + 20])
    if re.fullmatch(r"(?i)daily|weekly|monthly|yearly", m.group()) and following \
            and following.group(1).lower() not in _FUNCTION_WORDS:
        return True  # "the French daily Le Monde", "its weekly bulletin": a kind of thing, not a rate
    return bool(_DURATION_BEFORE.search(text[max(0, m.start() - 12): m.start()])
                or _DURATION_AFTER.match(text[m.end(): m.end() + 12]))


def _statement_date(sentence: Sentence, period: FoundPeriod, lang) -> bool:
    """'..., the ministry said on Friday': when it was said, not what the figure covers."""
    forms = lang._regex_cache.get("reporting_forms")
    if forms is None:
        forms = lang._regex_cache["reporting_forms"] = lang.phrases_regex(
            "reporting_forms_rx", lang.verb_forms(lang.attribution["reporting_verbs"]))
    before = sentence.text[max(0, period.start_char - 25): period.start_char]
    return bool(re.search(r"(?i)\b\w+\s+$", before) and forms.search(before.split()[-1] if before.split() else ""))


def _clause(text: str, number: NumberMatch) -> tuple[int, int]:
    """The stretch of the sentence a figure belongs to: clauses split at ';' and ':'."""
    start = max(text.rfind(";", 0, number.start), text.rfind(":", 0, number.start)) + 1
    ends = [i for i in (text.find(";", number.end), text.find(":", number.end)) if i >= 0]
    return start, (min(ends) if ends else len(text))


def _period_for(sentence: Sentence, number: NumberMatch, periods: list[FoundPeriod], lang=None) -> FoundPeriod | None:
    """The nearest period in the same clause."""
    seg_start, seg_end = _clause(sentence.text, number)
    best, best_distance = None, None
    for period in periods:
        if period.start_char < seg_start or period.end_char > seg_end:
            continue
        if period.start is None and period.end is None:
            continue  # a date with no year to resolve it by: it says nothing a figure can use
        if lang is not None and _statement_date(sentence, period, lang):
            continue
        distance = number.start - period.end_char if period.end_char <= number.start else period.start_char - number.end
        if best_distance is None or distance < best_distance:
            best, best_distance = period, distance
    return best


def _figure(state, sentence, number, numbers, periods, scopes, last_scope) -> Figure | None:
    lang, base = state.lang, sentence.start
    counted, counted_span = _counted(sentence, number)
    rate_per, _ = _rate(sentence, number, numbers, lang)
    period = _period_for(sentence, number, periods, lang)
    later = [n.start for n in numbers if n.start > number.start]
    near = sentence.text[number.start: min(later + [number.end + 120])]
    indicator = resolve_indicator(counted or _next_words(near), near, sentence.text, lang)
    scope, scope_span = _scope(sentence, number, scopes, last_scope, indicator, lang)
    clause_start, clause_end = _clause(sentence.text, number)
    aggregation = _aggregation(number, rate_per, period, sentence.text[clause_start:clause_end])
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


def _indicator_from_context(figure: Figure, known: dict) -> None:
    """'9,870 of the cases' after '41,760 criminal cases of desertion': the same cases."""
    head = _head_word(figure.counted)
    if figure.indicator is None and head in known:
        source = known[head]
        figure.indicator = source.indicator
        figure.notes.append(f"indicator from {source.id} ({source.counted!r}): the text says only {figure.counted!r}")
    elif figure.indicator is not None and head:
        known[head] = figure
        for word in re.findall(r"[a-z]+", (figure.counted or "").lower()):
            known.setdefault(word, figure)


def _head_word(counted: str | None) -> str | None:
    words = re.findall(r"[a-z]+", (counted or "").lower())
    generic = [w for w in words if w in _GENERIC_HEADS]
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
    figure.notes.append(f"counts what {previous.id} counts ({previous.counted!r}), which the text does not repeat")


def _aggregation(number: NumberMatch, rate_per, period: FoundPeriod | None, text: str) -> str:
    if number.kind in ("multiplier", "change"):
        return "change"
    if rate_per:
        return "rate"
    if period is not None and period.cumulative:
        return "cumulative"
    if re.search(r"(?i)\b(?:in total|a total of|altogether|in all|so far|to date|overall)\b", text):
        return "cumulative"
    return "period" if period is not None else "point"


def _scope(sentence, number, scopes, last_scope, indicator, lang):
    """Prefer a military body for military indicators; then a place or country; then context."""
    military = indicator is None or indicator.startswith("mil.")
    base = sentence.start
    nations = nation_mentions(sentence.text, lang)
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
                  span=(base + period.start_char, base + period.end_char))
