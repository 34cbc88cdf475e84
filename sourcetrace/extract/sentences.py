"""Split a document into sentences and parse the ones worth parsing.

A full spaCy parse of everything runs at about 45 KB/s per core; most sentences of a report
carry no figure, no source and no hedge, so only candidates are parsed.
"""
from __future__ import annotations

import re

from ..lang.detect import mixes_languages, sentence_languages
from ..model import explain
from ..pipeline.component import component
from ..pipeline.state import Sentence, TraceState

_BLOCK = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d", re.UNICODE)


@component("sentences", assigns=("sentences",))
def split_sentences(state: TraceState) -> None:
    abbreviations = set(state.lang.sentences["abbreviations"])
    boundary = state.lang.forms.sentence_boundary
    text = state.document.text
    for paragraph, block in enumerate(_BLOCK.finditer(text)):
        for start, end in _split_block(text, block.start(), block.end(), abbreviations, boundary):
            start, end = _trim(text, start, end)
            if end > start:
                state.sentences.append(
                    Sentence(len(state.sentences), start, end, paragraph, text[start:end], parses=state.parses))
    _mark_foreign(state)


def _mark_foreign(state: TraceState) -> None:
    """Sentences in another language than the document's are not read with its rules: they are
    marked, left out of extraction, and the trace says so."""
    language = state.document.language or state.lang.code
    if not mixes_languages(state.document.text, language):
        return
    found = sentence_languages([s.text for s in state.sentences], language)
    for sentence, other in zip(state.sentences, found):
        sentence.language = other
    skipped = [s for s in state.sentences if s.language]
    if skipped:
        state.warnings.append(explain.warning_foreign(len(skipped), sorted({s.language for s in skipped}), language))


def _split_block(text: str, start: int, end: int, abbreviations: set[str], boundary: re.Pattern):
    cut = start
    for match in boundary.finditer(text, start, end):
        if _is_abbreviation(text, cut, match.start(), abbreviations):
            continue
        yield cut, match.end()
        cut = match.end()
    yield cut, end


def _is_abbreviation(text: str, start: int, dot: int, abbreviations: set[str]) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[start:dot])
    if not word:
        return False
    token = word.group(1).lower()
    # A single capital letter is an initial ("J. Smith"); listed words are abbreviations.
    return token in abbreviations or (len(token) == 1 and text[dot - 1].isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@component("candidates", requires=("sentences", "dateline"), assigns=("candidates",))
def mark_candidates(state: TraceState) -> None:
    """A sentence is worth parsing when it has a number, a source cue, a hedge or an event verb."""
    triggers = state.lang.memo(trigger_words)
    for sentence in state.sentences:
        words = {w.lower() for w in _WORD.findall(sentence.text)}
        sentence.candidate = sentence.language is None and (
            any(ch.isdigit() for ch in sentence.text) or bool(words & triggers))


def trigger_words(lang) -> frozenset[str]:
    """Words that make a sentence worth parsing (computed once per language: ``lang.memo``)."""
    attribution, incidents = lang.attribution, lang.incidents
    verbs = (attribution["reporting_verbs"] + attribution["record_verbs"] + attribution["cite_verbs"]
             + incidents["outcome_verbs"] + incidents["event_verbs"])
    words = set(lang.verb_forms(verbs))
    words.update(lang.numbers["units_words"], lang.numbers["tens_words"], lang.numbers["multipliers"])
    words.update(lang.numbers["fold_words"], lang.numbers["change_verbs"])
    words.update(w for phrase in lang.hedges["cues"] for w in phrase.split())
    words.update(w for phrase in attribution["according_to"] for w in phrase.split()[:1])
    words.update(lang.sentences["trigger_words"])
    words.update(lang.attribution["vague_heads"])
    words -= set(lang.sentences["trigger_stopwords"])
    return frozenset(words)


def _parse_states(states: list[TraceState]) -> None:
    """Parse the candidate sentences of several documents in one pass of the model."""
    if not states:
        return
    todo = [s for state in states for s in state.sentences if s.candidate]
    for sentence, doc in zip(todo, states[0].nlp.pipe((s.text for s in todo), batch_size=256)):
        sentence.doc = doc


@component("parse", requires=("candidates",), assigns=("parses",))
def parse_candidates(state: TraceState) -> None:
    _parse_states([state])


parse_candidates.batch = _parse_states
