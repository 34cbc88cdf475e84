"""Periods across an article: a period or an as-of date stated once governs the figures that
continue it, as an analyst reads them.

``figures`` gives each figure the period of its own clause. This component reads the article in
order and fills in what real reporting leaves to the reader:
- "since 2022 ... as of 1 February": an open period ends at the data's as-of date, not at
  publication, in its own sentence and in the paragraph that gives it;
- "In the first half of 2025 the service registered 4,100 cases. Of them, 1,900 ...": a figure
  with no period in a sentence that continues the same source takes the period stated before it;
- "are now hosting 26,000": a count now, at publication.
Every period found this way says where it came from (``Period.inherited_from``) and where its end
came from (``Period.end_basis``).
"""
from __future__ import annotations

from ..model.records import Figure, Period
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState
from .figures import published_date


@component("period_context", requires=("figure_chains",), assigns=("period_context",))
def carry_periods(state: TraceState) -> None:
    by_sentence = _by_sentence(state)
    for sentence in state.sentences:
        _as_of_in_sentence(sentence, by_sentence.get(sentence.index, []))
    _inherit(state, by_sentence)
    _as_of_in_paragraph(state, by_sentence)
    _present(state, by_sentence)


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
        if figure.period is not None and figure.period.end_basis == "published":
            figure.period.end, figure.period.end_basis = as_of.end.isoformat(), "as_of"


def _inherit(state: TraceState, by_sentence: dict[int, list[Figure]]) -> None:
    """A figure with no period, in a sentence that states none and continues the source of the
    sentence before it in the same paragraph, takes the period that sentence stated. A rate does
    not: "about 1,000 a day" says nothing of how long."""
    last: tuple[Sentence, Figure] | None = None
    for sentence in state.sentences:
        figures = by_sentence.get(sentence.index, [])
        if last is not None and (last[0].paragraph != sentence.paragraph or _states_a_period(sentence)):
            last = None
        for figure in figures:
            if figure.period is None and figure.rate_per is None and last is not None and _same_source(figure, last[1]):
                _take(figure, last[1].period, last[0])
        dated = [f for f in figures if f.period is not None and f.period.inherited_from is None]
        if dated:
            last = (sentence, dated[-1])


def _states_a_period(sentence: Sentence) -> bool:
    return any(p.start is not None or p.end is not None for p in getattr(sentence, "periods", []))


def _same_source(figure: Figure, before: Figure) -> bool:
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


def _end_at(figure: Figure, as_of, sentence: Sentence) -> None:
    end = as_of.end.isoformat()
    if figure.period is not None and figure.period.end_basis == "published":
        figure.period.end, figure.period.end_basis = end, "as_of"
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


class _Found:
    def __init__(self, match):
        self.start_char, self.end_char = match.start(), match.end()
