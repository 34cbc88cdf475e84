"""A stored trace reads back as the same typed records (Trace.from_dict), so every reader of the
store — reconciliation, a re-trace, a web page — works on the one model the tracer writes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcetrace import Document, Trace, trace_many, trace_text
from sourcetrace.store import Store

EXAMPLE = Path(__file__).resolve().parents[1] / "sourcetrace" / "examples" / "example-report.txt"
DEMO = Path(__file__).resolve().parents[1] / "sourcetrace" / "examples" / "demo" / "demo.jsonl"


@pytest.fixture(scope="module")
def traces() -> list[Trace]:
    texts = [EXAMPLE.read_text(encoding="utf-8"),
             "KYIV (Reuters) - Border guards detained 212 men trying to leave the country last week, the "
             "service said. A source told Reuters 5,000 cases were opened in January 2025; this could not be "
             "verified. Legal experts say desertion is rising."]
    return list(trace_many(Document(text=t, published="2026-03-14", outlet="Reuters") for t in texts))


def test_a_trace_reads_back_as_the_same_records(traces):
    for trace in traces:
        again = Trace.from_dict(trace.to_dict())
        assert again == trace
        assert again.to_dict() == trace.to_dict()


def test_spans_come_back_as_tuples_and_links_as_links(traces):
    figure = Trace.from_dict(json.loads(json.dumps(traces[0].to_dict()))).figures[0]
    assert isinstance(figure.span, tuple) and all(type(link).__name__ == "Link" for link in figure.attribution)


def test_a_stored_trace_round_trips_with_what_its_reader_added(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        from sourcetrace import batch
        from sourcetrace.ingest import Inputs

        batch.run(Inputs([str(DEMO)]), store)
        stored = list(store.traces())
    assert stored and "encoding" in stored[0]["document"]
    for data in stored:
        assert Trace.from_dict(data).to_dict() == data


def test_a_link_that_speaks_for_a_body_reads_back():
    data = trace_text("Ukraine opened 1,850 desertion cases in March 2025, the ministry said.",
                      published="2025-04-03").to_dict()
    data["figures"][0]["attribution"][-1]["speaks_for"] = {"name": "the ministry", "span": [56, 68]}
    assert Trace.from_dict(data).to_dict() == data
