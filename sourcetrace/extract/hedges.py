"""Hedges: words that weaken a claim, attached to the claim they weaken.

A hedge weakens the figures and incidents of its own sentence; a sentence that opens by pointing
back ("This data, if accurate, ...") weakens the figures of the sentence before it.
"""
from __future__ import annotations

import re

from ..model.records import Hedge
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState

@component("hedges", requires=("figures", "claims"), assigns=("hedges",))
def find_hedges(state: TraceState) -> None:
    look_back = {c.lower() for c in state.lang.hedges.get("look_back_cues", [])}
    cues = state.lang.cues("hedges", "cues")
    openers = state.lang.cues("hedges", "back_reference_openers")
    figures_by_sentence = _figures_by_sentence(state)
    for sentence in state.sentences:
        if sentence.language:
            continue
        for match in cues.finditer(sentence.text):
            if not _is_hedge(sentence, match, state.lang):
                continue
            hedge = Hedge(cue=match.group(), span=(sentence.start + match.start(), sentence.start + match.end()),
                          sentence=sentence.span)
            targets = _own_figures(match, sentence, figures_by_sentence.get(sentence.index, [])) or _back_reference(
                sentence, match, openers, figures_by_sentence, look_back, state)
            for figure in targets:
                figure.hedges.append(hedge)
                hedge.targets.append(figure.id)
            state.hedges.append(hedge)


def _own_figures(match: re.Match, sentence: Sentence, figures: list) -> list:
    """A hedge right before one of several figures weakens that figure alone: 'recorded 1,200 in
    2023 and reportedly more than 3,000 in 2024'. Otherwise it weakens the whole sentence's claim."""
    if len(figures) < 2:
        return figures
    end = sentence.start + match.end()
    following = [f for f in figures if 0 <= f.span[0] - end <= 3]
    return following or figures


def _figures_by_sentence(state: TraceState) -> dict[int, list]:
    starts = {s.start: s.index for s in state.sentences}
    grouped: dict[int, list] = {}
    for figure in state.figures:
        grouped.setdefault(starts[figure.sentence[0]], []).append(figure)
    return grouped


def _before_main_verb(sentence: Sentence, offset: int, lang) -> bool:
    if sentence.doc is None:
        return True
    root = next((t for t in sentence.doc if lang.syntax.is_root(t)), None)
    return root is None or offset <= root.idx + len(root.text)


def _is_hedge(sentence: Sentence, match: re.Match, lang) -> bool:
    word = match.group()
    if word.lower() in lang.hedges["case_sensitive_cues"] and word != word.lower():
        return False
    if re.match(r"\s*\d", sentence.text[match.end():match.end() + 3]):
        return False  # "May 3"
    if word.lower() in lang.hedges["noun_cues"] and sentence.doc is not None:
        token = next((t for t in sentence.doc if t.idx == match.start()), None)
        if token is not None and lang.syntax.is_noun(token):
            return False  # "these claims" names claims; it does not weaken one
    return True


def _back_reference(sentence: Sentence, match: re.Match, openers: re.Pattern, figures_by_sentence,
                    look_back: set[str], state: TraceState) -> list:
    """'This data, if accurate, reveals ...': a hedge on the sentence's subject weakens the claim
    before. A hedge later in the sentence ('in what appears to be a trend') weakens something else.
    A sentence that says the claim could not be verified weakens every figure of that claim: of
    the party it names ("could not confirm Verstka's report"), else of the source the text gave
    last."""
    looks_back = re.sub(r"\s+", " ", match.group().lower()) in look_back
    opener = openers.match(sentence.text)
    if not looks_back and (opener is None or not _before_main_verb(sentence, match.start(), state.lang)):
        return []
    earlier = [f for back in range(1, LOOK_BACK + 1) for f in figures_by_sentence.get(sentence.index - back, [])]
    if not looks_back:
        for back in (1, 2):
            figures = figures_by_sentence.get(sentence.index - back)
            if figures:
                return figures
        return []
    named = _named_party(sentence, earlier, state)
    if named is not None:
        return [f for i, figures in figures_by_sentence.items() if i < sentence.index for f in figures
                if any(link.name == named for link in f.attribution)]
    return [f for f in earlier if earlier and _origin(f) == _origin(earlier[0])]


# How many sentences back a "could not be verified" looks for the claim it comments on.
LOOK_BACK = 6


def _origin(figure):
    return tuple(link.name for link in figure.attribution if link.role != "outlet")


def _named_party(sentence: Sentence, earlier: list, state: TraceState) -> str | None:
    """A party of an earlier chain that the sentence names ("Verstka's report"), not the publisher."""
    names = {link.name for f in earlier for link in f.attribution if link.role != "outlet"}
    names.discard(state.document.outlet)
    found = [n for n in names if len(n) > 2 and n in sentence.text]
    return max(found, key=len) if found else None
