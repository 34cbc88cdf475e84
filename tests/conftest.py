"""A hand-built trace for the renderer and CLI tests: nested and overlapping spans, hostile text."""
from __future__ import annotations

import pytest
from hypothesis import settings

# No property test is timed: the machines CI and developers share are noisy (a 200 ms deadline
# failed a passing test under load). Speed is measured in bench/, never asserted here.
settings.register_profile("sourcetrace", deadline=None)
settings.load_profile("sourcetrace")

from sourcetrace.model.records import Document, Figure, Hedge, Incident, Link, Period, Trace, Unattributed

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'
TEXT = (
    "MOSCOW, May 3. /TASS/. Ukraine has lost about 500 soldiers in the past day, TASS reported, "
    "citing unnamed sources. Reportedly, a drone struck a bus in Kherson, killing 3 people.\n"
    "Thousands have fled the city, some experts say. " + HOSTILE
)


def _at(phrase: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(phrase, after)
    return (start, start + len(phrase))


def _figure(id, phrase, value, **fields) -> Figure:
    base = dict(id=id, text=phrase, span=_at(phrase), sentence=_at(phrase), value=value, low=None, high=None,
                approximate=False, bound="exact", unit="count", counted=None, counted_span=None,
                indicator=None, rate_per=None, period=None, aggregation="point", cumulative=False,
                scope=None, scope_span=None)
    return Figure(**{**base, **fields})


@pytest.fixture
def sample_trace() -> Trace:
    return make_trace()


def make_trace() -> Trace:
    about = Hedge("about", _at("about"), targets=["f1"])
    reportedly = Hedge("Reportedly", _at("Reportedly"), targets=["i1"])
    tass = Link("TASS", _at("TASS", 30), "relay", kind="outlet", via="citing")
    unnamed = Link("unnamed sources", _at("unnamed sources"), "origin", anonymous=True, kind="sources")
    soldiers = _figure("f1", "about 500 soldiers", 500.0, bound="approximate", approximate=True,
                      counted="soldiers", counted_span=_at("soldiers"), indicator="personnel_losses",
                      period=Period("in the past day", "2025-05-02", "2025-05-03", _at("in the past day")),
                      aggregation="period", scope="Ukraine", scope_span=_at("Ukraine"),
                      attribution=[tass, unnamed], attribution_basis="cue", hedges=[about])
    killed = _figure("f2", "3 people", 3.0, counted="people", attribution=[], hedges=[reportedly])
    strike = Incident("i1", "drone strike", "a bus", "Kherson", None, "3 killed", [],
                      _at("a drone struck a bus in Kherson, killing 3 people"),
                      evidence=[{"field": "where", "span": list(_at("Kherson"))}], hedges=[reportedly])
    experts = Link("some experts", _at("some experts"), "origin", vague=True)
    fled = Unattributed("vague", "Thousands have fled the city, some experts say.",
                        _at("Thousands have fled the city, some experts say."), "vague source", source=experts)
    hostile = Unattributed("none", HOSTILE, _at(HOSTILE), "reason <b>bold</b>",
                           source=Link(HOSTILE, _at(HOSTILE), "origin", vague=True))
    document = Document(TEXT, id="doc-1", outlet='"><img src=x onerror=alert(3)>', url="javascript:alert(4)",
                        published="2025-05-03", title='<script>alert("title")</script>', source="report.txt")
    return Trace(document, figures=[soldiers, killed], incidents=[strike], unattributed=[fled, hostile],
                 hedges=[about, reportedly], sources=[{"name": "TASS", "span": list(_at("TASS")), "kind": "outlet"}],
                 warnings=["a <warning> & more"], generator={"sourcetrace": "test"})
