"""The library's entry points: trace, trace_text, trace_many."""
from __future__ import annotations

from sourcetrace import Document, trace, trace_many, trace_text
from sourcetrace.api import default_pipeline
from sourcetrace.errors import ComponentError
from sourcetrace.pipeline.component import component
from sourcetrace.pipeline.runner import Pipeline

TEXTS = [
    "The ministry said 1,240 soldiers were detained in September.",
    "KYIV (Reuters) - About 300 people fled the town last week, officials said.",
    "No figure here at all.",
    "Prosecutors registered 9,800 desertion cases in 2024, the office said.",
]


def test_trace_many_gives_what_trace_gives_in_input_order():
    one_by_one = [trace_text(t, published="2025-01-10").to_dict() for t in TEXTS]
    batched = [r.to_dict() for r in trace_many(Document(text=t, published="2025-01-10") for t in TEXTS)]
    assert batched == one_by_one


def test_trace_many_fills_in_a_content_id():
    results = list(trace_many([Document(text=TEXTS[0])]))
    assert results[0].document.id.startswith("sha256:")
    assert results[0].document.id == trace(Document(text=TEXTS[0])).document.id


def test_a_document_a_component_fails_on_does_not_stop_the_others():
    base = default_pipeline("en")

    @component("fussy", requires=("figures",), assigns=())
    def fussy(state):
        if "detained" in state.document.text:
            raise RuntimeError("cannot cope")

    pipeline = Pipeline("en", base.components + [fussy], nlp=base.nlp, generator=base.generator)
    results = list(trace_many((Document(text=t) for t in TEXTS), pipeline=pipeline, batch_size=2))
    assert isinstance(results[0], ComponentError) and results[0].component == "fussy"
    assert [type(r).__name__ for r in results[1:]] == ["Trace", "Trace", "Trace"]
    assert results[3].figures[0].value == 9800
