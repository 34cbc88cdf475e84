"""Updates and corrections: a figure its report presents as replacing an earlier one.

"TASS, citing the Defence Ministry, reported a revised figure of 5,200", "updated figures show
5,200", "the ministry corrected its count to 5,200": the words (``attribution.json``
``update_cues``) say that the origin restates its own earlier figure, so the barometer may let it
supersede that figure even when it reaches the report through a relay (reconcile/revisions.py).
The cue marks the figure after it in its sentence, else the last one before it; its span is kept
on the figure (``Figure.update_span``) so that a reader can see why.
"""
from __future__ import annotations

from ..model.records import Figure
from ..pipeline.component import component
from ..pipeline.state import TraceState


@component("updates", requires=("figures",), assigns=("updates",))
def mark_updates(state: TraceState) -> None:
    cues = state.lang.cues("attribution", "update_cues")
    text = state.document.text
    for (start, end), figures in _by_sentence(state.figures).items():
        for match in cues.finditer(text, start, end):
            figure = _marked(figures, match.start(), match.end())
            if figure is not None and figure.update_span is None:
                figure.update_span = (match.start(), match.end())


def _by_sentence(figures: list[Figure]) -> dict[tuple[int, int], list[Figure]]:
    grouped: dict[tuple[int, int], list[Figure]] = {}
    for figure in sorted(figures, key=lambda f: f.span):
        grouped.setdefault(tuple(figure.sentence), []).append(figure)
    return grouped


def _marked(figures: list[Figure], cue_start: int, cue_end: int) -> Figure | None:
    """The figure a cue speaks of: the first after it, else the last before it."""
    after = [f for f in figures if f.span[0] >= cue_end]
    before = [f for f in figures if f.span[1] <= cue_start]
    return after[0] if after else (before[-1] if before else None)
