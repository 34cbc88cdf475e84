"""Periods across an article: a period or an as-of date stated once governs the figures that
continue it, as an analyst reads them.

``figures`` gives each figure the period of its own clause. This component reads the article in
order and fills in what real reporting leaves to the reader:
- "since 2022 ... as of 1 February": an open period ends at the data's as-of date, not at
  publication, in its own sentence and in the paragraph that gives it;
- "In the first half of 2025 the service registered 4,100 cases. Of them, 1,900 ...": a figure
  with no period in a sentence that continues the same source takes the period stated before it;
- "are now hosting 26,000": a count now, at publication;
- "Атака на Дніпро 9 жовтня: ... – онлайн": a closed period the headline names dates the article's
  undated counts.
Every period found this way says where it came from (``Period.inherited_from``) and where its end
came from (``Period.end_basis``).
"""
from __future__ import annotations

from ..model import explain
from ..model.records import Figure, Period
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState
from .figures import published_date
from .periods import Onset


@component("period_context", requires=("figure_chains",), assigns=("period_context",))
def carry_periods(state: TraceState) -> None:
    by_sentence = _by_sentence(state)
    for sentence in state.sentences:
        _as_of_in_sentence(sentence, by_sentence.get(sentence.index, []))
    _inherit(state, by_sentence)
    _event_toll(state, by_sentence)
    _as_of_in_paragraph(state, by_sentence)
    _present(state, by_sentence)
    _headline_period(state)


def _by_sentence(state: TraceState) -> dict[int, list[Figure]]:
    starts = {s.start: s.index for s in state.sentences}
    grouped: dict[int, list[Figure]] = {}
    for figure in state.figures:
        grouped.setdefault(starts[figure.sentence[0]], []).append(figure)
    return grouped


def _as_of(sentence: Sentence):
    """The as-of date a sentence gives for its data, if any."""
    return next((p for p in getattr(sentence, "periods", []) if p.kind == "as_of" and p.end is not None), None)


def _as_of_in_sentence(sentence: Sentence, figures: list[Figure]) -> None:
    """'some 176,000 have been displaced since 27 February, according to data as of 31 March'."""
    as_of = _as_of(sentence)
    if as_of is None:
        return
    for figure in figures:
        _end_at(figure, as_of, sentence, date_only=True)


def _inherit(state: TraceState, by_sentence: dict[int, list[Figure]]) -> None:
    """A figure with no period, in a sentence that states none and continues the source of the
    sentence before it in the same paragraph, takes the period that sentence stated. A rate does
    not: "about 1,000 a day" says nothing of how long."""
    last: tuple[Sentence, Figure] | None = None
    intro: Sentence | None = None  # "During March, UNHCR and its partners:" governs the list after it
    for sentence in state.sentences:
        figures = by_sentence.get(sentence.index, [])
        in_list = intro is not None and _list_item(state, sentence)
        # Into a later paragraph only for a figure that continues the same source (_continues_source).
        if last is not None and not in_list and (_states_a_period(sentence)
                                                 or state.lang.cues("time", "present_words").search(sentence.text)):
            last = None  # "Shelters are now hosting ...": a time of its own
        across = last is not None and last[0].paragraph != sentence.paragraph and not in_list
        if not in_list:
            intro = sentence if sentence.text.rstrip().endswith(":") and _states_a_period(sentence) else None
            if intro is not None:
                last = (sentence, _Stated(sentence))
        for figure in figures:
            if figure.period is None and figure.rate_per is None and last is not None and _same_source(figure, last[1]) \
                    and (not across or _continues_source(figure) and _carries(last[1].period)):
                _take(figure, last[1].period, last[0])
        dated = [f for f in figures if f.period is not None and f.period.inherited_from is None]
        if dated:
            last = (sentence, dated[-1])


def _event_toll(state: TraceState, by_sentence: dict[int, list[Figure]]) -> None:
    """'The earthquake that struck on Sunday ... 47 people were injured': what an event the article
    reports did (killed, injured, evacuated, destroyed), where the text gives the count no time of
    its own, is counted from the event's day to the report's (or to the as-of time its list gives).
    A count whose own sentence names the event's day keeps that day: for 'the attack on 7 March
    killed nine' in a report of 8 March the gold sets' annotators split (the event to the report,
    or the event's day alone), and the text says the day. The event is the first the article dates within ``TOLL_WINDOW_DAYS``
    of publication (``Forms.onsets``), else the days its lead gives what happened; a count that
    says it stands now or still ('58 are still missing') is where things stand, not what the event
    did."""
    published = published_date(state)
    if published is None:
        return
    toll, standing = state.lang.cues("time", "toll_words"), state.lang.cues("time", "standing_words")
    event = _news_event(state, published, toll)
    if event is None:
        return
    day = event.start.isoformat()
    text = state.document.text
    for sentence in state.sentences:
        figures = sorted(by_sentence.get(sentence.index, []), key=lambda f: f.span[0])
        told = toll.search(sentence.text)
        bounds = [sentence.start] + [f.span[1] for f in figures[:-1]], [f.span[0] for f in figures[1:]] + [sentence.end]
        for figure, before, after in zip(figures, *bounds):
            period = figure.period
            if standing.search(text, before, after):  # "58 are still missing": how things stand, its own words
                if period and period.inherited_from and period.start == period.end == day:
                    figure.period = None  # not a count of the event's day
                continue
            if not told or figure.rate_per is not None or figure.kind != "quantity" or figure.unit != "count":
                continue
            if period is None:
                figure.period = Period(text=event.text, start=day, end=published.isoformat(), span=event.span,
                                       end_basis="published", inherited_from=event.sentence)
            elif period.inherited_from is not None and period.start == period.end == day:
                period.end, period.end_basis = published.isoformat(), "published"  # the event's day, told before
            elif period.start is None and period.end_basis == "as_of" and period.end >= day:
                period.start = day  # "as of 07:00 on 22 June: 486 houses flooded" counts from the event


def _news_event(state: TraceState, published, toll) -> Onset | None:
    """The event the article reports: the first it dates ('the earthquake that struck on Sunday'),
    else the days its lead gives what happened ('heavy rain flooded 14 villages on 21-22 June'),
    within ``TOLL_WINDOW_DAYS`` of publication."""
    recent = lambda day: 0 <= (published - day).days <= TOLL_WINDOW_DAYS  # noqa: E731
    dated = next((o for o in state.onsets if recent(o.start)), None)
    if dated is not None:
        return dated
    for sentence in state.sentences[:LEAD_SENTENCES]:
        if not toll.search(sentence.text):
            continue
        for found in getattr(sentence, "periods", []):
            if found.start is not None and found.end is not None and found.kind not in OPEN_KINDS \
                    and recent(found.start) and (found.end - found.start).days <= TOLL_WINDOW_DAYS:
                return Onset("", found.start, _doc_span(sentence, found), found.text, sentence.span)
    return None


LEAD_SENTENCES = 4  # the headline and the first sentences, where a report says what happened and when


TOLL_WINDOW_DAYS = 14  # an event at most this long before publication is the news the article reports


def _continues_source(figure: Figure) -> bool:
    """A later paragraph's figure continues the source that dated the last one only when it refers
    back to it or continues its claim ('It said 212 towns ...'), not when it names it anew."""
    return figure.attribution_basis in CONTINUING and bool(figure.attribution)


CONTINUING = (explain.CONTINUES, explain.REFERS_BACK)


def _carries(period: Period) -> bool:
    """Only a period with both ends is carried into a later paragraph (an as-of date alone dates
    the data of its own paragraph: _as_of_in_paragraph). Measured on the four development sets,
    carrying it beside a continued source dates more figures rightly than wrongly (en-dev loses
    0.016, en-blind gains 0.049, ru-dev 0.009, uk-dev 0.005)."""
    return bool(period.start and period.end)


def _list_item(state: TraceState, sentence: Sentence) -> bool:
    """A line of a list: it opens with a bullet or a number, as its own paragraph."""
    first = state.document.text[sentence.start: sentence.start + 2]
    return first[:1] in LIST_MARKS or (first[:1].isdigit() and first[1:2] in ".)")


LIST_MARKS = "-–—•*·▪▫◾◽■□►▶●○✔✅🔹🔸"  # bullets, and those of posts written on phones


class _Stated:
    """The period a list's introduction states ("During March, ...:"), as a figure would carry it."""

    def __init__(self, sentence: Sentence):
        found = next(p for p in sentence.periods if p.start is not None or p.end is not None)
        self.period = Period(text=found.text, start=found.start and found.start.isoformat(),
                             end=found.end and found.end.isoformat(),
                             span=(sentence.start + found.start_char, sentence.start + found.end_char),
                             end_basis=found.end_basis)
        self.attribution = None


def _states_a_period(sentence: Sentence) -> bool:
    return any(p.start is not None or p.end is not None for p in getattr(sentence, "periods", []))


def _same_source(figure: Figure, before) -> bool:
    if before.attribution is None:  # a list's introduction: its items are its own
        return True
    names = lambda f: [link.name for link in f.attribution]
    return names(figure) == names(before)


def _take(figure: Figure, period: Period, source: Sentence) -> None:
    figure.period = Period(text=period.text, start=period.start, end=period.end, span=period.span,
                           end_basis=period.end_basis, inherited_from=source.span)
    if figure.aggregation == "point":
        figure.aggregation = "period"


def _as_of_in_paragraph(state: TraceState, by_sentence: dict[int, list[Figure]]) -> None:
    """'The figure includes 3,860 service members, according to the reply, which gives data as of
    Feb. 1': the as-of date governs the open periods and the counts of its paragraph."""
    for sentence in state.sentences:
        as_of = _as_of(sentence)
        if as_of is None:
            continue
        for other in state.sentences:
            if other.paragraph != sentence.paragraph or other.index == sentence.index:
                continue
            for figure in by_sentence.get(other.index, []):
                _end_at(figure, as_of, sentence)


def _end_at(figure: Figure, as_of, sentence: Sentence, date_only: bool = False) -> None:
    """An open period ends at the as-of date, never before it starts; with ``date_only`` a count
    with no period is left alone (its own sentence's as-of date was already considered)."""
    end = as_of.end.isoformat()
    if figure.period is not None and figure.period.end_basis == "published":
        if figure.period.start is None or figure.period.start <= end:
            figure.period.end, figure.period.end_basis = end, "as_of"
    elif date_only:
        return
    elif figure.period is None and figure.aggregation == "point" and figure.rate_per is None:
        figure.period = Period(text=as_of.text, start=None, end=end, span=_doc_span(sentence, as_of),
                               end_basis="as_of", inherited_from=sentence.span)


def _doc_span(sentence: Sentence, found) -> tuple[int, int]:
    return (sentence.start + found.start_char, sentence.start + found.end_char)


def _present(state: TraceState, by_sentence: dict[int, list[Figure]]) -> None:
    """'are now hosting more than 26,000': a count at publication."""
    published = published_date(state)
    if published is None:
        return
    present = state.lang.cues("time", "present_words")
    for sentence in state.sentences:
        match = present.search(sentence.text)
        if match is None:
            continue
        for figure in by_sentence.get(sentence.index, []):
            if figure.period is None and figure.rate_per is None and figure.kind == "quantity":
                figure.period = Period(text=match.group(), start=None, end=published.isoformat(),
                                       span=_doc_span(sentence, _Found(match)), end_basis="published")


def _headline_period(state: TraceState) -> None:
    """'Атака на Дніпро 9 жовтня: дев'ятеро загиблих – онлайн', 'Итоги недели: ... с 3 по 9 марта',
    'За прошедшие сутки ...': a headline that names one closed period names the time the article
    reports on; a count the article gives no period of its own is that period's (a live blog's
    entries, a weekly summary's lines). An open period ('с начала года') or an as-of date does not:
    it says where a count stands, not what the article's counts are of. A headline is the first
    line alone, not ended as a sentence."""
    if not state.sentences:
        return
    head = state.sentences[0]
    alone = not any(s.paragraph == head.paragraph for s in state.sentences[1:])
    if not alone or head.text.rstrip().endswith((".", "!", "?")):
        return
    named = [p for p in getattr(head, "periods", []) if p.start is not None and p.end is not None
             and p.kind not in OPEN_KINDS]
    if len(named) != 1:
        return
    period = named[0]
    for figure in state.figures:
        if figure.period is None and figure.rate_per is None and figure.kind == "quantity":
            figure.period = Period(text=period.text, start=period.start.isoformat(), end=period.end.isoformat(),
                                   span=_doc_span(head, period), end_basis=period.end_basis, inherited_from=head.span)


OPEN_KINDS = ("since", "since_rel", "since_event", "as_of")  # kinds of period (lang/forms.py PERIOD_KINDS) that are no time an article is about


class _Found:
    def __init__(self, match):
        self.start_char, self.end_char = match.start(), match.end()
