"""What the components of a trace pipeline read and write while they work on one document."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model.records import Document, Figure, Hedge, Incident, Link, Unattributed


@dataclass
class Sentence:
    """One sentence of the document; ``doc`` is its spaCy parse when it needed one."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str
    doc: Any = None  # spacy.tokens.Doc of this sentence alone, offsets relative to ``start``
    candidate: bool = False  # worth parsing: a number, a reporting cue, a hedge or an event
    language: str | None = None  # set when the sentence is in another language than its document
    _starts: list[int] | None = field(default=None, repr=False)
    nations: list = field(default_factory=list)  # countries the sentence names (extract/scope.py)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def token_starts(self) -> list[int]:
        """The character offset of each token of the parse, in order (for finding tokens by offset)."""
        if self._starts is None or len(self._starts) != len(self.doc):
            self._starts = [t.idx for t in self.doc]
        return self._starts

    def tok_span(self, first, last=None) -> tuple[int, int]:
        """Document span of a token, or of tokens ``first`` .. ``last`` inclusive."""
        last = first if last is None else last
        return (self.start + first.idx, self.start + last.idx + len(last.text))


@dataclass
class Claim:
    """Who a sentence says its content comes from: the chain found for it and how."""

    sentence: int
    chain: list[Link]
    basis: str  # cue | refers back | continues previous claim | dateline | none
    hedges: list[Hedge] = field(default_factory=list)
    vague: Link | None = None
    # Later clauses with a speaker of their own ("the union put turnout at 1.2 million; the ministry
    # counted 368,000"): (where the clause starts in the document, its chain), in order.
    clauses: list[tuple[int, list[Link]]] = field(default_factory=list)


@dataclass
class TraceState:
    document: Document
    lang: Any  # sourcetrace.lang.LanguageData
    nlp: Any = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)  # source mentions: name, span, kind, sentence
    claims: dict[int, Claim] = field(default_factory=dict)  # by sentence index
    figures: list[Figure] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    unattributed: list[Unattributed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)
