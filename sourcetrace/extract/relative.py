"""Relative figures: shares and comparisons that stand for a number the text gives elsewhere.

"Of them, about a third ...", "nearly twice as many as in March (742)", "40% of that total":
a share or a multiplier is relative to a count. The count is the one it is compared with when the
comparison names one right after ("twice as many as ... 742"), else the nearest count before it
in its sentence, else in the two sentences before it in the same paragraph. The figure then
carries ``relative_to`` (that count's id) and ``implied``: the number it stands for (a third of
1,358: 453), when both are numbers. Language-independent: it reads values, units and offsets.
"""
from __future__ import annotations

from ..model.records import Figure
from ..pipeline.component import component
from ..pipeline.state import TraceState

RELATIVE_UNITS = ("fraction", "percent", "times")
COMPARED_WITHIN = 60  # characters after a comparison in which the figure compared with stands
SENTENCES_BACK = 3


@component("relative_figures", requires=("figures",), assigns=("relative_figures",))
def link_relative_figures(state: TraceState) -> None:
    sentences = {s.start: s for s in state.sentences}
    for i, figure in enumerate(state.figures):
        if figure.unit not in RELATIVE_UNITS:
            continue
        base = _compared_with(figure, state.figures[i + 1:], sentences, state.lang) \
            or _before(figure, state.figures[:i], sentences)
        if base is not None:
            figure.relative_to = base.id
            figure.implied = _implied(figure, base)


def _counts(figure: Figure) -> bool:
    return figure.kind == "quantity" and figure.unit not in RELATIVE_UNITS and figure.value is not None


def _compared_with(figure: Figure, after: list[Figure], sentences, lang) -> Figure | None:
    """'twice as many as in March (742)': the count right after the comparison word."""
    if figure.unit != "times":
        return None
    text = sentences[figure.sentence[0]].text
    tail = text[figure.span[1] - figure.sentence[0]:]
    words = lang.numbers["comparison_words"]
    cut = min((tail.lower().find(f" {w} ") for w in words if f" {w} " in tail.lower()), default=-1)
    if cut < 0:
        return None
    limit = figure.span[1] + cut + COMPARED_WITHIN
    return next((f for f in after if f.sentence == figure.sentence and _counts(f) and f.span[0] <= limit), None)


def _before(figure: Figure, before: list[Figure], sentences) -> Figure | None:
    """Among the counts before it (its sentence and the few before it, at most one paragraph
    back), those of the same period and thing; of them, for a share the largest (a share is of a
    total: "312 killed and 768 injured ... 30% of the casualties" is 30% of all 1,080), for a
    multiplier the nearest."""
    sentence = sentences[figure.sentence[0]]
    near = []
    for candidate in reversed(before):
        other = sentences[candidate.sentence[0]]
        if sentence.paragraph - other.paragraph > 1 or sentence.index - other.index > SENTENCES_BACK:
            break
        if _counts(candidate):
            near.append(candidate)
    if not near:
        return None
    size = (lambda c: c.value) if figure.unit != "times" else (lambda c: c.span[0])
    return max(near, key=lambda c: (_same(c.period, figure.period) + _same(c.indicator, figure.indicator), size(c)))


def _same(a, b) -> int:
    if a is None or b is None:
        return 0
    if hasattr(a, "start"):
        return int((a.start, a.end) == (b.start, b.end))
    return int(a == b)


def _implied(figure: Figure, base: Figure) -> float | None:
    if figure.value is None or base.value is None:
        return None
    share = figure.value / 100 if figure.unit == "percent" else figure.value
    return round(share * base.value, 2)
