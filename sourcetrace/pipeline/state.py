"""What the components of a trace pipeline read and write while they work on one document."""
from __future__ import annotations

import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model.records import Document, Figure, Hedge, Incident, Link, Unattributed

# Sentence parses of one document kept as spaCy Docs at once; the others are kept packed (see Parses).
LIVE_PARSES = 256


class Parses:
    """The parses of one document's sentences: at most ``live`` of them as spaCy Docs at a time.

    A parsed sentence costs about 370 bytes a token as a spaCy Doc, and every component reads the
    parses of the whole document (the article-level readers look back across it), so a long text
    held its whole parse: a 50 MB text has more than a million parsed tokens. Past ``live``, the
    sentence least recently read is packed (``_pack``: its token attributes, compressed, some 40
    bytes a token) and unpacked when a component reads it again. Components never change a parse,
    so a Doc unpacked is the Doc that was packed (a trace with ``live=1`` is the same:
    tests/test_pipeline_state.py). An article has fewer parsed sentences than ``live`` and never
    packs one.
    """

    def __init__(self, live: int | None = None):
        self.live = LIVE_PARSES if live is None else live
        self._recent: OrderedDict[int, Sentence] = OrderedDict()

    def read(self, sentence: Sentence) -> None:
        recent = self._recent
        key = id(sentence)
        if key in recent:
            recent.move_to_end(key)
            return
        recent[key] = sentence
        while len(recent) > self.live:
            recent.popitem(last=False)[1]._pack()

    def forget(self, sentence: Sentence) -> None:
        self._recent.pop(id(sentence), None)


@dataclass
class Sentence:
    """One sentence of the document; ``doc`` is its spaCy parse when it needed one."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str
    candidate: bool = False  # worth parsing: a number, a reporting cue, a hedge or an event
    language: str | None = None  # set when the sentence is in another language than its document
    nations: list = field(default_factory=list)  # countries the sentence names (extract/scope.py)
    parses: Parses | None = field(default=None, repr=False, compare=False)  # its document's (None: never packed)
    _doc: Any = field(default=None, repr=False, compare=False)  # spacy.tokens.Doc, offsets relative to ``start``
    _packed: tuple | None = field(default=None, repr=False, compare=False)  # (vocabulary, packed Doc)
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def doc(self) -> Any:
        """This sentence alone as a spaCy Doc (offsets relative to ``start``), or None: not parsed."""
        if self._doc is None and self._packed is not None:
            self._doc = _unpack(*self._packed)
        if self._doc is not None and self.parses is not None:
            self.parses.read(self)
        return self._doc

    @doc.setter
    def doc(self, doc: Any) -> None:
        tensor = getattr(doc, "tensor", None)
        if tensor is not None and tensor.size:
            # The parser's hidden vectors, which no component reads: each Doc's tensor is a view
            # into its whole batch's arrays, so keeping it kept those alive (1 KB a token and more).
            doc.tensor = tensor[:0].copy()
        self._doc, self._packed, self._starts = doc, None, None
        if self.parses is not None:
            self.parses.forget(self)
            if doc is not None:
                self.parses.read(self)

    def _pack(self) -> None:
        if self._doc is None:
            return
        if self._packed is None:
            self._packed = _pack(self._doc, self.text)
        self._doc, self._starts = None, None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def token_starts(self) -> list[int]:
        """The character offset of each token of the parse, in order (for finding tokens by offset)."""
        doc = self.doc
        if self._starts is None or len(self._starts) != len(doc):
            self._starts = [t.idx for t in doc]
        return self._starts

    def tok_span(self, first, last=None) -> tuple[int, int]:
        """Document span of a token, or of tokens ``first`` .. ``last`` inclusive."""
        last = first if last is None else last
        return (self.start + first.idx, self.start + last.idx + len(last.text))


def _pack(doc: Any, text: str) -> tuple:
    """A Doc as its vocabulary, its text and its token attributes (``Doc.to_array``, compressed): what
    ``Doc.to_bytes`` keeps, without the strings, which stay in the vocabulary, and without msgpack,
    whose reader looks up its extensions on every call (1 ms a sentence)."""
    rows = doc.to_array(_attributes())
    return doc.vocab, (text if doc.text == text else doc.text), len(doc), zlib.compress(rows.tobytes(), 1)


def _unpack(vocab: Any, text: str, length: int, packed: bytes) -> Any:
    import numpy
    from spacy.tokens.doc import Doc

    attrs = _attributes()
    rows = numpy.frombuffer(zlib.decompress(packed), dtype="uint64").reshape(length, len(attrs))
    words, spaces, start = [], [], 0
    for size, space in rows[:, :2].tolist():
        words.append(text[start:start + size])
        spaces.append(bool(space))
        start += size + space
    doc = Doc(vocab, words=words, spaces=spaces)
    return doc.from_array(attrs[2:], rows[:, 2:].copy()) if length else doc


@lru_cache(maxsize=1)
def _attributes() -> tuple:
    """LENGTH, SPACY, then every attribute a DocBin keeps (spaCy works the list out anew each call)."""
    from spacy.tokens.doc import Doc

    return Doc._get_array_attrs()


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
    parses: Parses = field(default_factory=Parses)  # what the sentences' parses cost kept bounded
    mentions: list[dict] = field(default_factory=list)  # source mentions: name, span, kind, sentence
    claims: dict[int, Claim] = field(default_factory=dict)  # by sentence index
    figures: list[Figure] = field(default_factory=list)
    onsets: list = field(default_factory=list)  # events the article dates (extract.periods.Onset), in reading order
    hedges: list[Hedge] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    unattributed: list[Unattributed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)
