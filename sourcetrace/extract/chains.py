"""Give every figure its chain: its sentence's claim, the claim it continues, the figure it
restates, the dateline's agency, or — when nothing before it has a source — the outlet's voice."""
from __future__ import annotations

from ..model import explain
from ..model.records import Link
from ..pipeline.component import component
from ..pipeline.state import TraceState


@component("figure_chains", requires=("figures", "claims", "dateline"), assigns=("figure_chains",))
def assign_chains(state: TraceState) -> None:
    by_sentence = {}
    for figure in state.figures:
        by_sentence.setdefault(_sentence_index(state, figure), []).append(figure)
    previous = None  # (sentence index, claim) of the last sentence whose figures had a source
    for index in sorted(by_sentence):
        claim = state.claims.get(index)
        if claim is not None and claim.chain:
            chain, basis = claim.chain, claim.basis
            previous = (index, claim)
        elif previous is not None and index - previous[0] <= 1:
            chain, basis = previous[1].chain, explain.CONTINUES
            if _is_breakdown(state, index):
                _inherit_period(by_sentence[index], by_sentence.get(previous[0], []))
            previous = (index, previous[1])
        else:
            chain, basis = [], explain.NONE
        for figure in by_sentence[index]:
            figure.attribution = [Link(**link.__dict__) for link in chain]
            figure.attribution_basis = basis
    _source_after(state, by_sentence)
    _restated(state)
    _dateline_and_outlet(state)


def _is_breakdown(state: TraceState, index: int) -> bool:
    openers = state.lang.cues("attribution", "breakdown_openers")
    return bool(openers.match(state.sentences[index].text))


def _inherit_period(parts: list, totals: list) -> None:
    """A breakdown ('Of these, 176,000 concerned AWOL') covers the period of the total before it."""
    period = next((f.period for f in totals if f.period is not None), None)
    for figure in parts:
        if figure.period is None and period is not None:
            figure.period = period
            figure.notes.append(explain.NOTE_PERIOD_CONTINUED)
            if figure.aggregation == "point":
                figure.aggregation = next(f.aggregation for f in totals if f.period is period)
                figure.cumulative = figure.aggregation == "cumulative"


def _sentence_index(state: TraceState, figure) -> int:
    return next(s.index for s in state.sentences if s.start == figure.sentence[0])


def _source_after(state: TraceState, by_sentence: dict) -> None:
    """'Some 2,400 conscripts were sent ... That is according to X.': the next sentence names it."""
    openers = state.lang.cues("attribution", "source_after_openers")
    for index, claim in state.claims.items():
        sentence = state.sentences[index]
        if index in by_sentence or not claim.chain or not openers.match(sentence.text):
            continue
        for figure in by_sentence.get(index - 1, []):
            if not figure.attribution:
                figure.attribution = [Link(**link.__dict__) for link in claim.chain]
                figure.attribution_basis = explain.SOURCE_AFTER


def _restated(state: TraceState) -> None:
    """A figure with no source that repeats a sourced figure (a headline) takes its chain."""
    for figure in state.figures:
        if figure.attribution:
            continue
        twin = next((f for f in state.figures if f.attribution and f is not figure
                     and f.attribution_basis != explain.OUTLET_VOICE
                     and (f.value, f.low, f.high, f.unit) == (figure.value, figure.low, figure.high, figure.unit)), None)
        if twin is not None:
            figure.attribution = [Link(**link.__dict__) for link in twin.attribution]
            figure.attribution_basis = explain.restates(twin.id)
            figure.notes.append(explain.note_restates(twin.id, twin.text))


def _dateline_and_outlet(state: TraceState) -> None:
    dateline = state.document.dateline
    agency = None
    if dateline:
        agency = Link(dateline["agency"], tuple(dateline["agency_span"]), "relay", kind="agency", via=explain.DATELINE)
    for figure in state.figures:
        if agency is not None:
            if not figure.attribution:
                figure.attribution = [Link(**{**agency.__dict__, "role": "outlet"})]
                figure.attribution_basis = explain.DATELINE
            elif figure.attribution[0].name.lower() != agency.name.lower():
                figure.attribution.insert(0, Link(**agency.__dict__))
        elif not figure.attribution and state.document.outlet:
            figure.attribution = [Link(state.document.outlet, None, "outlet", kind="outlet", via=explain.METADATA)]
            figure.attribution_basis = explain.OUTLET_VOICE
