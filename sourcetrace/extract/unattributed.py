"""Claims of fact with no source ('none') or only a vague one ('vague': "experts say")."""
from __future__ import annotations

import re

from ..model import explain
from ..model.records import Link, Unattributed
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState



@component("unattributed", requires=("claims", "figure_chains", "incidents"), assigns=("unattributed",))
def find_unattributed(state: TraceState) -> None:
    flagged: set[int] = set()
    for sentence in state.sentences:
        claim = state.claims.get(sentence.index)
        if claim is not None and claim.basis == explain.VAGUE:
            _add(state, sentence, "vague", explain.reason_vague(claim.vague.name),
                 flagged, source=claim.vague)
    for figure in state.figures:
        if figure.attribution_basis in (explain.NONE, explain.OUTLET_VOICE):
            sentence = _sentence_at(state, figure.sentence[0])
            _add(state, sentence, "none", explain.REASON_FIGURE, flagged, refers=figure.id)
    for incident in state.incidents:
        if not incident.attribution:
            sentence = _sentence_at(state, incident.span[0])
            _add(state, sentence, "none", explain.REASON_INCIDENT, flagged, refers=incident.id)
    for sentence in state.sentences:
        if sentence.language is None and sentence.index not in flagged and sentence.index not in state.claims \
                and _generalises(sentence, state.lang):
            _add(state, sentence, "none", explain.REASON_GENERALISATION, flagged)


def _sentence_at(state: TraceState, start: int) -> Sentence:
    return next(s for s in state.sentences if s.start <= start < s.end or s.start == start)


def _add(state, sentence, kind, reason, flagged, source: Link | None = None, refers: str | None = None) -> None:
    if sentence.index in flagged:
        existing = next(u for u in state.unattributed if tuple(u.span) == sentence.span)
        if refers and refers not in existing.refers_to:
            existing.refers_to.append(refers)
        return
    flagged.add(sentence.index)
    state.unattributed.append(Unattributed(kind=kind, text=sentence.text, span=sentence.span, reason=reason,
                                           source=source, refers_to=[refers] if refers else []))


def _generalises(sentence: Sentence, lang) -> bool:
    cues = lang.cues("words", "generalisation_cues")
    if not cues.search(sentence.text) or sentence.text.rstrip().endswith("?"):
        return False
    if sentence.doc is None:
        return True
    syntax = lang.syntax
    return any(syntax.is_subject(t, passive=True) and syntax.is_plural(t) for t in sentence.doc)
