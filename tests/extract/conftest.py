"""Shared helpers for the extractor tests: trace a text, find records by the words they cover.

The standard pipeline is built once per process (``sourcetrace.api.default_pipeline`` caches it),
so tracing a sentence is cheap and every test traces its own text: no trace is shared or cached.
Every lookup fails with what was found in the message, which is what one needs to see when an
extraction test breaks.
"""
from __future__ import annotations

import pytest

from sourcetrace import trace_text
from sourcetrace.lang import load_language

# A Friday: "on Wednesday" is then two days earlier, "last week" the whole week before.
PUBLISHED = "2025-10-17"


def _trace(text: str, published: str | None = PUBLISHED, outlet: str | None = None):
    return trace_text(text, published=published, outlet=outlet)


def _describe(trace) -> str:
    lines = []
    for f in trace.figures:
        chain = " -> ".join(f"{link.name}({link.role})" for link in f.attribution)
        lines.append(f"  {f.id} {f.text!r} value={f.value} bound={f.bound} counted={f.counted!r} "
                     f"period={f.period.text if f.period else None!r} chain=[{chain}] "
                     f"hedges={[h.cue for h in f.hedges]}")
    for i in trace.incidents:
        lines.append(f"  {i.id} who={i.who!r} what={i.what!r} outcome={i.outcome!r} where={i.where!r}")
    for u in trace.unattributed:
        lines.append(f"  unattributed {u.kind}: {u.text[:60]!r}")
    return "\n".join(lines) or "  (nothing found)"


def _figure_at(trace, phrase: str, occurrence: int = 0):
    """The figure whose span overlaps ``phrase`` (its first occurrence, or a later one)."""
    text = trace.document.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    found = [f for f in trace.figures if f.span[0] <= start < f.span[1] or start <= f.span[0] < start + len(phrase)]
    assert found, f"no figure covers {phrase!r}; the trace has:\n{_describe(trace)}"
    return found[0]


def _no_figure_at(trace, phrase: str) -> bool:
    start = trace.document.text.index(phrase)
    end = start + len(phrase)
    return not [f for f in trace.figures if f.span[0] < end and start < f.span[1]]


@pytest.fixture(scope="session")
def trace():
    """``trace(text, published=PUBLISHED, outlet=None)`` → a Trace."""
    return _trace


@pytest.fixture(scope="session")
def figure_at():
    """``figure_at(trace, "20,000")`` → the figure covering that phrase (asserts there is one)."""
    return _figure_at


@pytest.fixture(scope="session")
def no_figure_at():
    """``no_figure_at(trace, "2024")`` → True when no figure overlaps that phrase."""
    return _no_figure_at


@pytest.fixture(scope="session")
def describe():
    """``describe(trace)`` → a short listing of what was found, for assertion messages."""
    return _describe


@pytest.fixture(scope="session")
def en():
    return load_language("en")
