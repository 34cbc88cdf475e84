"""A long text keeps only its recent sentence parses as spaCy Docs (sourcetrace/pipeline/state.py:
Parses); the others are packed and unpacked unchanged, so the trace is the same."""
from __future__ import annotations

from pathlib import Path

import sourcetrace
from sourcetrace.api import _prepare, default_pipeline
from sourcetrace.lang import load_language
from sourcetrace.model.records import Document
from sourcetrace.pipeline import state as state_module
from sourcetrace.pipeline.runner import to_trace
from sourcetrace.pipeline.state import TraceState, _pack, _unpack

EXAMPLE = Path(sourcetrace.__file__).parent / "examples" / "example-report.txt"


def _run(text: str, live: int, monkeypatch) -> TraceState:
    monkeypatch.setattr(state_module, "LIVE_PARSES", live)
    pipeline = default_pipeline("en")
    state = TraceState(document=_prepare(Document(text=text, published="2024-05-20")), lang=load_language("en"),
                       nlp=pipeline.nlp)
    for comp in pipeline.components:
        comp(state)
    return state


def _trace(state: TraceState) -> dict:
    return to_trace(state, {}).to_dict()


def test_a_text_with_more_parses_than_kept_live_traces_the_same(monkeypatch):
    text = EXAMPLE.read_text(encoding="utf-8")
    whole = _run(text, 10_000, monkeypatch)
    parsed = [s for s in whole.sentences if s._doc is not None]
    assert len(parsed) > 3 and not any(s._packed for s in whole.sentences)
    one = _run(text, 1, monkeypatch)  # every read of another sentence packs the one before
    assert sum(s._doc is not None for s in one.sentences) <= 1
    assert sum(s._packed is not None for s in one.sentences) >= len(parsed) - 1
    assert _trace(one) == _trace(whole) and _trace(whole)["figures"]


def test_a_packed_parse_unpacks_with_every_attribute_components_read():
    nlp = default_pipeline("en").nlp
    for text in ["The ministry said on Tuesday that 1,200 people had been killed since May, according to the UN.",
                 '"We counted 35 dead," Dr. J. Smith told Reuters.  ', "", "x"]:
        doc = nlp(text)
        again = _unpack(*_pack(doc, text))
        assert again.text == text and len(again) == len(doc)
        for a, b in zip(doc, again):
            assert (a.text, a.idx, a.whitespace_, a.lemma_, a.pos_, a.tag_, a.dep_, a.head.i, str(a.morph),
                    a.is_sent_start, a.like_num, a.ent_type_, a.norm_) == \
                   (b.text, b.idx, b.whitespace_, b.lemma_, b.pos_, b.tag_, b.dep_, b.head.i, str(b.morph),
                    b.is_sent_start, b.like_num, b.ent_type_, b.norm_)


def test_a_kept_parse_holds_no_tensor(monkeypatch):
    state = _run(EXAMPLE.read_text(encoding="utf-8"), 10_000, monkeypatch)
    docs = [s.doc for s in state.sentences if s.doc is not None]
    assert docs and all(doc.tensor.size == 0 for doc in docs)
