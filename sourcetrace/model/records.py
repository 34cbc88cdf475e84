"""The records a trace is made of.

Every record carries character spans into ``Document.text``: ``[start, end)`` offsets, so that
``document.text[start:end]`` is the evidence. The JSON form of these records is described by
``schemas/trace-1.json`` (``"schema": "sourcetrace.trace/1"``); ``to_dict`` produces it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
import re
from typing import Any

from .dates import normalise_published
from .words import amount

SCHEMA_ID = "sourcetrace.trace/1"

Span = tuple[int, int]
TEXT_FIELDS = ("text", "id", "outlet", "url", "language", "title", "source")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a str holds a pair only as one astral character

ROLES = ("outlet", "relay", "origin", "derived", "record")
BOUNDS = ("exact", "approximate", "lower", "upper", "range")
RATES = ("day", "week", "month", "year")
UNITS = ("count", "percent", "percentage_point", "times", "fraction")  # besides ISO 4217 codes and measures
# What kind of party a source is, as far as its words tell (extract/mentions.py classify).
KINDS = ("agency", "outlet", "body", "military", "court", "ngo", "person", "sources", "group", "organisation",
         "impersonal", "unknown")
# The kinds a back-reference may want ("the agency" wants an agency; "it" an organisation, "they" any).
WANTED_KINDS = KINDS + ("org", "any", "report")


@dataclass
class Document:
    text: str
    id: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD (a datetime.date is written out)
    language: str | None = None  # ISO 639-1; None: identified from the text when it is traced
    title: str | None = None
    source: str | None = None  # where it was read from: a path, "-" for stdin
    dateline: dict | None = None

    def __post_init__(self) -> None:
        # Made here, once, whoever makes the document (a reader, a library user), before anything
        # takes a span of the text: every later step can rely on it.
        self.published = normalise_published(self.published)
        for name in TEXT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str) and LONE_SURROGATE.search(value):
                # An escaped lone surrogate ("\ud800" in JSON) is no character and cannot be
                # written as UTF-8; one replacement character for one keeps every offset.
                setattr(self, name, LONE_SURROGATE.sub("\ufffd", value))


@dataclass
class Period:
    text: str | None
    start: str | None  # ISO date or None when the text gives none
    end: str | None
    span: Span | None = None
    # Where the end came from: "stated" (the text gives it: "in 2024", "to September"), "as_of"
    # (an as-of date given for the data), "published" (nothing else ends it). None for no end.
    end_basis: str | None = None
    # The sentence that stated this period, when the figure's own sentence does not: the period
    # was given once and the figure continues it ("In 2023, ... The next sentence: 1,200 of them").
    inherited_from: Span | None = None


@dataclass
class Link:
    """One party in an attribution chain."""

    name: str
    span: Span | None  # None only for the document's own outlet, named in metadata
    role: str
    anonymous: bool = False
    vague: bool = False
    kind: str | None = None  # person, agency, outlet, body, group, sources ... when known
    via: str | None = None  # how the link was found: the cue (e.g. "citing", "dateline", "refers back")
    # The body a person speaks for ("Defence Ministry spokesman X", "X, head of the bureau"):
    # {"name": as written, "span": [start, end)}. Grades follow the body, not the person.
    speaks_for: dict | None = None
    # The sentence that named this link, when the figure's own sentence does not: the source was
    # named once and the figure's sentence continues it.
    inherited_from: Span | None = None


@dataclass
class Hedge:
    cue: str
    span: Span
    sentence: Span | None = None
    targets: list[str] = field(default_factory=list)  # ids of figures / incidents it weakens


@dataclass
class Disagreement:
    """Another figure of the same document this one cannot agree with (``extract/disagreement.py``);
    flagged, never corrected.

    ``kind`` "sources": another source gives a different figure for the same count and period.
    ``kind`` "sum": this figure is a total, and its parts (figures of the same count and source over
    periods that tile its own) add up to ``total`` instead.
    """

    kind: str  # sources | sum
    figures: list[str]  # the other source's figure; the parts
    values: list[float | None] = field(default_factory=list)  # their values, in the same order
    total: float | None = None  # sum: what the parts add up to


@dataclass
class Figure:
    id: str
    text: str
    span: Span
    sentence: Span
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    bound: str
    unit: str
    counted: str | None
    counted_span: Span | None
    indicator: str | None
    rate_per: str | None
    period: Period | None
    aggregation: str  # cumulative | period | rate | point | change
    cumulative: bool
    scope: str | None
    scope_span: Span | None
    attribution: list[Link] = field(default_factory=list)
    attribution_basis: str = "none"
    hedges: list[Hedge] = field(default_factory=list)
    kind: str = "quantity"  # quantity | multiplier | share | change
    notes: list[str] = field(default_factory=list)
    # A share or a comparison ("half of them", "three times fewer than in 2023"): the id of the
    # figure it is relative to, and the number it implies when the text allows (half of 1,200: 600).
    relative_to: str | None = None
    implied: float | None = None
    # A headline's figure that restates one of the body, often rounded and without its hedge:
    # the id of the body figure.
    restates: str | None = None
    disagreements: list[Disagreement] = field(default_factory=list)
    # The words that present it as an update or correction of an earlier figure ('a revised figure
    # of', 'updated figures show'): its origin restates its own figure (extract/updates.py).
    update_span: Span | None = None

    @property
    def amount(self) -> str:
        """``~500``, ``≥ 5,000``, ``200–300``, ``12%``: the figure as a report would put it."""
        return amount(self.bound, self.value, self.low, self.high, self.unit, self.approximate)


@dataclass
class Incident:
    id: str
    what: str | None
    who: str | None
    where: str | None
    when: Period | None
    outcome: str | None
    attribution: list[Link]
    span: Span
    sentences: list[Span] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)  # {"field": ..., "span": [s, e]}
    identity: str | None = None
    hedges: list[Hedge] = field(default_factory=list)


@dataclass
class Unattributed:
    kind: str  # none | vague
    text: str
    span: Span
    reason: str
    source: Link | None = None  # the vague party, when there is one
    refers_to: list[str] = field(default_factory=list)  # figure / incident ids


@dataclass
class Trace:
    document: Document
    figures: list[Figure] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    unattributed: list[Unattributed] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)  # every source mention: {name, span, kind}
    warnings: list[str] = field(default_factory=list)
    generator: dict = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = _jsonable(asdict(self))
        data["document"].update(getattr(self.document, "_unread", {}))
        return {"schema": SCHEMA_ID, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trace:
        """The typed records of ``to_dict()``'s output — a stored trace read back — so that every
        reader of the store works on the same model as the tracer. ``Trace.from_dict(d).to_dict()``
        is ``d``: keys a reader added to the document (its ``encoding``) are kept as they came."""
        document = _record(Document, data["document"])
        document._unread = {k: v for k, v in data["document"].items() if k not in _FIELDS[Document]}
        return cls(document=document, figures=[_figure(f) for f in data.get("figures", [])],
                   incidents=[_incident(i) for i in data.get("incidents", [])],
                   unattributed=[_unattributed(u) for u in data.get("unattributed", [])],
                   hedges=[_hedge(h) for h in data.get("hedges", [])],
                   sources=[{**s, "span": _span(s.get("span"))} for s in data.get("sources", [])],
                   warnings=list(data.get("warnings", [])), generator=dict(data.get("generator", {})))


def _jsonable(value: Any) -> Any:
    """Tuples become lists so that the dict is exactly what json.dumps writes."""
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return value


# --- reading records back from their JSON (Trace.from_dict) --------------------------------------

def _span(value) -> Span | None:
    return None if value is None else (value[0], value[1])


def _record(cls, data: dict, **fields):
    """``cls`` from the keys of ``data`` it has fields for, spans made tuples again; ``fields``
    override (the nested records)."""
    known = {k: v for k, v in data.items() if k in _FIELDS[cls]}
    for name in _SPANS.get(cls, ()):
        if name in known:
            known[name] = _span(known[name])
    return cls(**{**known, **fields})


def _period(data: dict | None) -> Period | None:
    return None if data is None else _record(Period, data)


def _link(data: dict | None) -> Link | None:
    return None if data is None else _record(Link, data, speaks_for=dict(data["speaks_for"])
                                             if data.get("speaks_for") else None)


def _hedge(data: dict) -> Hedge:
    return _record(Hedge, data, targets=list(data.get("targets", [])))


def _figure(data: dict) -> Figure:
    return _record(Figure, data, period=_period(data.get("period")),
                   attribution=[_link(link) for link in data.get("attribution", [])],
                   hedges=[_hedge(h) for h in data.get("hedges", [])], notes=list(data.get("notes", [])),
                   disagreements=[_record(Disagreement, d) for d in data.get("disagreements", [])])


def _incident(data: dict) -> Incident:
    return _record(Incident, data, when=_period(data.get("when")),
                   attribution=[_link(link) for link in data.get("attribution", [])],
                   sentences=[_span(s) for s in data.get("sentences", [])],
                   evidence=[{**e, "span": _span(e["span"])} if "span" in e else dict(e)
                             for e in data.get("evidence", [])],
                   hedges=[_hedge(h) for h in data.get("hedges", [])])


def _unattributed(data: dict) -> Unattributed:
    return _record(Unattributed, data, source=_link(data.get("source")), refers_to=list(data.get("refers_to", [])))


_FIELDS = {cls: {f.name for f in fields(cls)} for cls in (Document, Period, Link, Hedge, Disagreement, Figure,
                                                          Incident, Unattributed)}
# Fields that hold a span ([start, end) in the JSON, a tuple in the records).
_SPANS = {Period: ("span", "inherited_from"), Link: ("span", "inherited_from"), Hedge: ("span", "sentence"),
          Figure: ("span", "sentence", "counted_span", "scope_span", "update_span"), Incident: ("span",), Unattributed: ("span",)}
