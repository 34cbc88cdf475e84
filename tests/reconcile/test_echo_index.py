"""The echo index finds what the pairwise definition of an echo finds (``echoes._same_figure``).

``collapse_echoes`` looks each report up in an index by origin, measure, months and a window of
values instead of asking ``_same_figure`` of every original; these properties hold the two to the
same answer: the same originals, each with the same echoes, the closest original chosen the same way.
"""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sourcetrace.model.observation import Observation
from sourcetrace.reconcile.echoes import _precedence, _same_figure, collapse_echoes

FAMILY = {("p", "x"), ("x", "p"), ("p", "y"), ("y", "p")}  # p is x plus y; x and y count different things
PERIODS = [(None, None), ("2024-01-01", "2024-01-31"), ("2024-01-01", "2024-03-31"), ("2024-01-01", "2024-12-31"),
           ("2024-02-01", "2024-06-30"), ("2024-01-15", None)]
# round numbers, their unrounded neighbours and monthly averages of them, so that echoes are common
VALUES = [95, 100, 250, 995, 1_000, 1_005, 1_010, 1_050, 1_100, 1_200, 1_250, 1_500, 2_000, 2_500, 3_000, 3_010,
          4_000, 9_810, 9_870, 10_000, 12_000, 12_345, 15_000, 17_805, 18_000, 20_000]


@st.composite
def reports(draw) -> list[Observation]:
    found = []
    for n in range(draw(st.integers(1, 40))):
        start, end = draw(st.sampled_from(PERIODS))
        rate = draw(st.booleans())
        found.append(Observation(
            id=f"r{n}", indicator=draw(st.sampled_from("pxy")), scope=None, country="xv", period_start=start,
            period_end=end, measure="rate" if rate else "total", rate_per="month" if rate else None,
            low=None, high=None, value=draw(st.one_of(st.sampled_from(VALUES), st.integers(1, 30_000), st.none())),
            bound="exact", document_id=f"d{n}", figure_id="f1", origin=draw(st.sampled_from(["a", "b", None])),
            published=draw(st.sampled_from(["2024-03-01", "2024-04-01", "2024-05-01", None])),
            chain=[{"name": "x", "role": "origin"}] * draw(st.integers(1, 3))))
    return found


def pairwise(observations: list[Observation], documents: dict) -> dict[str, list[str]]:
    """Original → its echoes, each report compared with every original before it."""
    originals: list[Observation] = []
    echoes: dict[str, list[str]] = {}
    for obs in sorted(observations, key=lambda o: _precedence(o, documents)):
        same = [(o.indicator != obs.indicator, abs((o.value or 0) - (obs.value or 0)), n, o)
                for n, o in enumerate(originals) if _same_figure(o, obs, lambda a, b: a == b or (a, b) in FAMILY)]
        if same:
            echoes[min(same, key=lambda s: s[:3])[3].id].append(obs.id)
        else:
            originals.append(obs)
            echoes[obs.id] = []
    return echoes


@given(reports())
def test_the_index_finds_the_echoes_the_pairwise_test_finds(observations):
    documents = {o.document_id: {"published": o.published, "figures": []} for o in observations}
    expected = pairwise(observations, documents)
    originals = collapse_echoes(observations, documents, related=lambda a, b: a == b or (a, b) in FAMILY)
    assert {o.id: [f"r{e.document_id[1:]}" for e in o.echoes] for o in originals} == expected
