"""Wire datelines: 'MOSCOW, May 3. /TASS/.' or 'KYIV (Reuters) -' name the agency and the date.

How a language writes them is in its grammar (``lang.forms.datelines``): patterns with the named
groups ``place``, ``date`` (optional) and ``agency``.
"""
from __future__ import annotations

import re
from datetime import date

from ..pipeline.component import component
from ..pipeline.state import TraceState
from .periods import find_periods


@component("dateline", requires=("sentences",), assigns=("dateline",))
def find_dateline(state: TraceState) -> None:
    """Look at the start of the first two lines (a headline may come first)."""
    text = state.document.text
    for line in re.finditer(r"[^\n]+", text[:2000]):
        match = next((m for m in (rx.match(line.group()) for rx in state.lang.forms.datelines) if m), None)
        if match:
            state.document.dateline = _record(match, line.start(), state)
            _cut_from_sentence(state, line.start() + match.end())
            return
        if line.start() > 0 and len(line.group()) > 200:
            return


def _record(match: re.Match, offset: int, state: TraceState) -> dict:
    published = None
    if state.document.published:
        try:
            published = date.fromisoformat(state.document.published)
        except ValueError:
            published = None
    date_text = match.group("date")
    resolved = None
    if date_text:
        periods = find_periods(date_text, state.lang, published)
        if periods and periods[0].start:
            resolved = periods[0].start.isoformat()
    agency_start = offset + match.start("agency")
    return {"place": match.group("place").strip(), "agency": match.group("agency").strip(),
            "date_text": date_text, "date": resolved,
            "span": [offset + match.start(), offset + match.end()],
            "agency_span": [agency_start, agency_start + len(match.group("agency").strip())]}


def _cut_from_sentence(state: TraceState, end: int) -> None:
    """The dateline is not part of the first sentence's grammar: parse the sentence without it."""
    for i, sentence in enumerate(state.sentences):
        if sentence.start < end <= sentence.end:
            text = state.document.text
            start = end
            while start < sentence.end and text[start].isspace():
                start += 1
            if start >= sentence.end:
                del state.sentences[i]
            else:
                sentence.start, sentence.text = start, text[start:sentence.end]
            break
    for index, sentence in enumerate(state.sentences):
        sentence.index = index
