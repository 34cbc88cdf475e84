"""Helpers for the store tests: a stand-in tracer, hand-built figures, input files.

A module of its own (not conftest.py): the tests import these by name, and two conftest modules
would collide on that name.
"""
from __future__ import annotations

import json

from sourcetrace.errors import ComponentError
from sourcetrace.model.records import Document, Figure, Hedge, Link, Period, Trace


def fake_trace_many(documents):
    """Traces in input order; a document whose text says CRASH fails in a component."""
    for document in documents:
        if "CRASH" in document.text:
            yield ComponentError("figures", document.source, ValueError("boom"))
        else:
            yield Trace(document, generator={"sourcetrace": "test"})


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
