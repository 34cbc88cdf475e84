"""Claims of fact with no source ('none') or only a vague one ('vague': "experts say")."""
from __future__ import annotations

import re

from ..model.records import Link, Unattributed
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState

# A generalisation: a plural or generic subject with a frequency word, stated as fact.
_GENERAL = re.compile(r"(?i)\b(?:often|usually|typically|frequently|commonly|routinely|regularly|generally|tend to|tends to|increasingly|mostly|invariably|always|never)\b")


@component("unattributed", requires=("claims", "figure_chains", "incidents"), assigns=("unattributed",))
def find_unattributed(state: TraceState) -> None:
    flagged: set[int] = set()
    for sentence in state.sentences:
        claim = state.claims.get(sentence.index)
        if claim is not None and claim.basis == "vague":
            _add(state, sentence, "vague", f"attributed only to {claim.vague.name!r}, a party nobody can check",
                 flagged, source=claim.vague)
    for figure in state.figures:
        if figure.attribution_basis in ("none", "outlet voice"):
            sentence = _sentence_at(state, figure.sentence[0])
            _add(state, sentence, "none", "figure stated with no source", flagged, refers=figure.id)
    for incident in state.incidents:
        if not incident.attribution:
            sentence = _sentence_at(state, incident.span[0])
            _add(state, sentence, "none", "incident told with no source", flagged, refers=incident.id)
    for sentence in state.sentences:
        if sentence.index not in flagged and sentence.index not in state.claims and _generalises(sentence):
            _add(state, sentence, "none", "generalisation stated as fact with no source", flagged)


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


def _generalises(sentence: Sentence) -> bool:
    if not _GENERAL.search(sentence.text) or sentence.text.rstrip().endswith("?"):
        return False
    if sentence.doc is None:
        return True
    subjects = [t for t in sentence.doc if t.dep_ in ("nsubj", "nsubjpass")]
    return any(t.tag_ in ("NNS", "NNPS") for t in subjects)
