"""Helpers for the store tests: a stand-in tracer, hand-built figures, input files.

A module of its own (not conftest.py): the tests import these by name, and two conftest modules
would collide on that name.
"""
from __future__ import annotations

import json

from sourcetrace import batch
from sourcetrace.errors import ComponentError
from sourcetrace.ingest import Inputs
from sourcetrace.model.records import Document, Figure, Hedge, Link, Period, Trace


def fake_trace_many(documents):
    """Traces in input order; a document whose text says CRASH fails in a component."""
    for document in documents:
        if "CRASH" in document.text:
            yield ComponentError("figures", document.source, ValueError("boom"))
        else:
            yield Trace(document, generator={"sourcetrace": "test"})


def ingest(store, paths, overrides=None, tracer=fake_trace_many, progress=None) -> batch.Report:
    """What ``sourcetrace ingest`` does: the batch runner from the inputs into the store."""
    return batch.run(Inputs(paths, overrides, passed_over=store.files()), store, tracer, progress)


def problems(report: batch.Report, failed: bool) -> list:
    return [problem for problem in report.problems if problem.failed == failed]


def figure(id: str, text: str, value: float, *, indicator=None, period=None, links=(), hedged=False) -> Figure:
    return Figure(id=id, text=text, span=(0, len(text)), sentence=(0, len(text)), value=value, low=None,
                  high=None, approximate=False, bound="exact", unit="count", counted=None, counted_span=None,
                  indicator=indicator, rate_per=None, period=Period(None, *period) if period else None,
                  aggregation="period", cumulative=False, scope=None, scope_span=None,
                  attribution=[Link(name, None, role) for name, role in links],
                  hedges=[Hedge("about", (0, 5), targets=[id])] if hedged else [])


def traced(text: str, figures=(), **metadata) -> Trace:
    return Trace(Document(text=text, **metadata), figures=list(figures), generator={"sourcetrace": "test"})


def write_jsonl(path, texts, **metadata):
    path.write_text("".join(json.dumps({"text": text, **metadata}) + "\n" for text in texts), encoding="utf-8")
    return path
