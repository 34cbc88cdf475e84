"""The web workbench's barometer chart (web/chart.py) draws what the estimator says (issue 8, part 3):
the named records' band, what all reports allow where that differs, the months a dispute touches,
the sides of a dispute and the contradicted reports, each told apart."""
from __future__ import annotations

import re
from html import unescape

import pytest

from sourcetrace.reconcile.barometer import barometer
from sourcetrace.registry import Registry
from sourcetrace.web import chart


def stored(id: str, value: float, month: str, outlet: str, chain: list[tuple], bound: str = "exact") -> dict:
    text = f"Valdorian prosecutors registered {value:,.0f} desertion cases, the report said."
    figure = {"id": "f1", "text": f"{value:,.0f}", "span": [0, 10], "sentence": [0, len(text)], "value": value,
              "low": None, "high": None, "approximate": False, "bound": bound, "unit": "count",
              "counted": "cases", "counted_span": None, "indicator": "mil.desertion_cases", "rate_per": None,
              "period": {"text": None, "start": f"{month}-01", "end": f"{month}-28", "span": None},
              "aggregation": "period", "cumulative": False, "scope": "Valdoria", "scope_span": None,
              "kind": "quantity", "hedges": [], "notes": [],
              "attribution": [{"name": name, "span": [0, 1], "role": role, "anonymous": anonymous, "vague": False,
                               "kind": None, "via": "told"} for name, role, anonymous in chain]}
    document = {"text": text, "id": id, "outlet": outlet, "published": f"{month}-28", "url": None, "title": None,
                "language": "en", "source": None, "dateline": None}
    return {"schema": "sourcetrace.trace/1", "document": document, "figures": [figure]}


MINISTRY = [("Defence Ministry", "origin", False)]


def anonymous(relay: str) -> list[tuple]:
    return [(relay, "relay", False), ("a source", "origin", True)]


@pytest.fixture(scope="module")
def result() -> dict:
    """January: the ministry; February: two unnamed sources, 5,000 and 20,000 (a dispute, no named
    record); March: the ministry's 1,000 and DRAVTASS's unnamed 9,000 (outweighed); April: the
    ministry's 'more than 900' (no upper end)."""
    traces = [stored("jan", 1_020, "2025-01", "VALPRESS", MINISTRY),
              stored("feb-a", 5_000, "2025-02", "VALPRESS", anonymous("VALPRESS")),
              stored("feb-b", 20_000, "2025-02", "DRAVTASS", anonymous("DRAVTASS")),
              stored("mar", 1_000, "2025-03", "VALPRESS", MINISTRY),
              stored("mar-x", 9_000, "2025-03", "DRAVTASS", anonymous("DRAVTASS")),
              stored("apr", 900, "2025-04", "VALPRESS", MINISTRY, bound="lower")]
    return barometer(traces, "mil.desertion_cases", Registry.load(), scope="Valdoria")


def elements(svg: str, cls: str) -> list[str]:
    return re.findall(rf'<(?:rect|g)[^>]* class="{cls}"[^>]*>', svg)


def test_the_chart_draws_both_bands_the_disputes_and_the_contradictions(result):
    svg = chart.svg(result, lambda obs: None)
    (every,) = elements(svg, "band every")
    assert 'data-month="2025-02"' in every and 'fill="url(#every-hatch)"' in every and 'id="every-hatch"' in svg
    named = [re.search(r'data-month="([\d-]+)"', r).group(1) for r in re.findall(r'<rect class="band[^"]*"[^>]*>', svg)
             if "every" not in r]
    assert named == ["2025-01", "2025-03", "2025-04"]  # February has no named record; April no upper end
    (shaded,) = elements(svg, "disputed")
    assert 'data-month="2025-02"' in shaded
    sides = elements(svg, "obs disputed")
    assert sorted(re.search(r'data-obs="([^"]+)"', s).group(1) for s in sides) == ["feb-a#f1", "feb-b#f1"]
    (crossed,) = elements(svg, "obs contradicted")
    assert 'data-obs="mar-x#f1"' in crossed


def test_a_months_tooltip_says_what_each_band_allows_and_that_it_is_disputed(result):
    svg = unescape(chart.svg(result, lambda obs: None))
    tips = dict(re.findall(r'data-month="([\d-]+)"[^>]*><title>([^<]*)</title>', svg))
    assert tips["2025-02"].startswith("2025-02: no named record; all reports allow 4,975–20,100; disputed")
    assert "one side of a dispute" in tips["2025-02"]
    assert re.match(r"2025-04: named records allow 964–…", tips["2025-04"])  # 'more than 900' in 28 days of 30
    assert "all reports allow" not in tips["2025-01"] and "disputed" not in tips["2025-01"]
