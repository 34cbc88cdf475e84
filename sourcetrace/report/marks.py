"""Every span of a trace as a mark of one kind, and the document text cut at every mark boundary.

Spans overlap and nest (a hedge inside a figure inside an incident), so the text is not wrapped
span by span; it is cut at each start and end, and each piece carries the marks that cover it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.records import Figure, Incident, Link, Trace, Unattributed

KINDS = ("incident", "unattributed", "source", "figure", "hedge", "detail")


@dataclass
class Marks:
    """Distinct (kind, start, end) marks, numbered; claims refer to them by number."""

    length: int  # of the document text: a span past it is dropped, not drawn
    index: dict[tuple[str, int, int], int] = field(default_factory=dict)
    dropped: int = 0

    def add(self, kind: str, span) -> list[int]:
        if not span or not (0 <= span[0] < span[1] <= self.length):
            self.dropped += bool(span)
            return []
        key = (kind, int(span[0]), int(span[1]))
        return [self.index.setdefault(key, len(self.index))]

    def add_links(self, links: list[Link]) -> list[int]:
        return [number for party in links for number in self.add("source", party.span)]

    def add_hedges(self, hedges) -> list[int]:
        return [number for hedge in hedges for number in self.add("hedge", hedge.span)]


def figure_marks(marks: Marks, figure: Figure) -> list[int]:
    numbers = marks.add("figure", figure.span)
    for detail in (figure.counted_span, figure.scope_span, figure.period and figure.period.span):
        numbers += marks.add("detail", detail)
    return numbers + marks.add_links(figure.attribution) + marks.add_hedges(figure.hedges)


def incident_marks(marks: Marks, incident: Incident) -> list[int]:
    numbers = marks.add("incident", incident.span)
    for evidence in incident.evidence:
        numbers += marks.add("detail", evidence.get("span"))
    return numbers + marks.add_links(incident.attribution) + marks.add_hedges(incident.hedges)


def unattributed_marks(marks: Marks, claim: Unattributed) -> list[int]:
    source = [claim.source] if claim.source else []
    return marks.add("unattributed", claim.span) + marks.add_links(source)


def trace_marks(marks: Marks, trace: Trace) -> None:
    """The marks no claim lists: every hedge and every source mention the document has."""
    marks.add_hedges(trace.hedges)
    for mention in trace.sources:
        marks.add("source", mention.get("span"))


def pieces(text: str, marks: Marks):
    """``(piece, covering mark keys)`` for consecutive pieces that together are the whole text."""
    starts: dict[int, list] = {}
    ends: dict[int, list] = {}
    for key in marks.index:
        starts.setdefault(key[1], []).append(key)
        ends.setdefault(key[2], []).append(key)
    cuts = sorted({0, len(text), *starts, *ends})
    active: set = set()
    for here, after in zip(cuts, cuts[1:]):
        active.difference_update(ends.get(here, ()))
        active.update(starts.get(here, ()))
        yield text[here:after], frozenset(active)
