"""The barometer charts: a PNG and one standalone HTML page, gaps left empty, document text escaped."""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import struct
from html.parser import HTMLParser
from importlib.resources import files

import pytest

from sourcetrace.report.charts import (amount, footnote, html_figure, html_page, months, place, png_figure,
                                       render_html, render_png)

HOSTILE = "<script>alert(1)</script>"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def month(key, estimate, low=None, high=None, observations=()):
    return {"month": key, "estimate": estimate, "low": low, "high": high, "no_data": False, "disputed": False,
            "all_reports": {"low": low, "high": high, "no_data": False}, "disputes": [],
            "observations": list(observations)}


def observation(id, value, start, end, measure="total", rate_per=None, **fields):
    base = {"id": id, "indicator": "mil.desertion_cases", "text": f"{value:,}", "outlet": "VALPRESS",
            "published": "2025-07-02", "value": value,
            "low": value, "high": value, "bound": "exact", "period_start": start, "period_end": end,
            "measure": measure, "rate_per": rate_per,
            "chain": [{"name": "VALPRESS", "role": "relay", "source_id": "xv.valpress"},
                      {"name": "Defence Ministry", "role": "origin", "source_id": "xv.mod"}],
            "grade": {"reliability": "B", "credibility": 2, "reliability_reason": "official register",
                      "credibility_reason": "consistent with the series"},
            "echoes": [], "contradicted": False, "dispute": None, "origin_named": True, "document_id": "d-" + id,
            "sentence": f"Prosecutors opened {value:,} desertion cases, the ministry said."}
    return {**base, **fields}


@pytest.fixture
def result() -> dict:
    """Jan-Jul 2025: March has no data, May is missing from the list, June has a band but no estimate."""
    echo = {"document_id": "d-echo", "figure_id": "f1", "outlet": HOSTILE, "published": "2025-07-03",
            "text": "some 1,000", "sentence": f"Some 1,000 cases, {HOSTILE} reported.", "changes": ["rounded"]}
    hostile = observation("o-hostile", 20_000, None, None, measure="rate", rate_per="month", outlet=HOSTILE,
                          text=HOSTILE, sentence=f"DRAVTASS says 20,000 a month {HOSTILE}", contradicted=True,
                          published="2025-07-05", bound="approximate",
                          chain=[{"name": HOSTILE, "role": "relay", "source_id": "x.hostile"},
                                 {"name": "a source", "role": "origin", "anonymous": True, "source_id": "anon.source"}],
                          grade={"reliability": "F", "credibility": 5, "reliability_reason": HOSTILE,
                                 "credibility_reason": "contradicted"})
    return {
        "schema": "sourcetrace.barometer/2",
        "generator": {"tool": "sourcetrace", "version": "0", "registry": "sha256:0", "estimator": {}},
        "indicator": {"id": "mil.desertion_cases", "label": "Desertion criminal cases registered"},
        "scope": "Valdoria",
        "months": [
            month("2025-01", 1000, 950, 1050, ["o-jan", "o-year"]),
            month("2025-02", 1100, 1000, 1200, ["o-year"]),
            {**month("2025-03", None, 0.0, None), "no_data": True,  # as the barometer writes it
             "all_reports": {"low": 0.0, "high": None, "no_data": True, "disputed": False}},
            month("2025-04", 1300, 1200, 1400, ["o-rate", "o-year"]),
            month("2025-06", None, 1400, 1700, ["o-rate", "o-year"]),
            month("2025-07", 1500, 1450, 1550, ["o-year"]),
        ],
        "observations": [
            observation("o-jan", 1000, "2025-01-01", "2025-01-31", echoes=[echo]),
            observation("o-rate", 1400, "2025-04-01", "2025-06-30", measure="rate", rate_per="month",
                        bound="approximate", low=1300, high=1500),
            observation("o-year", 6600, "2025-01-01", "2025-07-02"),
            hostile,
        ],
        "contradictions": [{"obs_id": "o-hostile", "side": "above", "conflicts_with": ["o-rate", HOSTILE],
                            "off_by": 18_500}],
        "disputes": [],
        "counts": {"documents": 4, "observations": 4, "echoes": 1},
    }


def test_the_hand_built_result_is_what_the_barometer_writes(result):
    """The charts read the barometer's output; a fixture in another shape tests nothing (the panel
    once read 'observation' and 'by', which the barometer never wrote)."""
    from jsonschema import Draft202012Validator

    schema = json.loads(files("sourcetrace").joinpath("model", "schemas", "barometer-2.json").read_text())
    assert [error.message for error in Draft202012Validator(schema).iter_errors(result)] == []


def _lines(figure, label):
    return [line for line in figure.axes[0].get_lines() if line.get_label() == label]


# ---------------------------------------------------------------- reading the result

def test_months_fill_the_skipped_ones_as_no_data(result):
    keys = [(m.key, m.estimate) for m in months(result)]
    assert keys == [("2025-01", 1000), ("2025-02", 1100), ("2025-03", None), ("2025-04", 1300),
                    ("2025-05", None), ("2025-06", None), ("2025-07", 1500)]


def test_observations_are_placed_per_month():
    jan = place(0, observation("a", 1000, "2025-01-01", "2025-01-31"))
    year = place(1, observation("b", 12_000, "2024-01-01", "2024-12-31"))
    daily = place(2, observation("c", 10, "2025-02-01", "2025-02-28", measure="rate", rate_per="day"))
    undated = place(3, observation("d", 50, None, None, measure="rate", rate_per="month"))
    assert (jan.value, jan.monthly) == (1000, True)
    assert (year.value, year.monthly) == (pytest.approx(1000), False)
    assert daily.value == pytest.approx(304.4, abs=0.1) and daily.monthly
    assert undated.inferred and undated.start.date().isoformat() == "2025-07-02"
    assert place(4, observation("e", 5, None, None)) is None  # a total with no period: nowhere to put it


def test_amounts_read_their_bound_back_when_the_result_does_not_say_it():
    def bare(value, low, high, **fields):
        return {**observation("x", 0, None, None), "bound": None, "value": value, "low": low, "high": high, **fields}

    assert amount(bare(30_000, 30_000, None)) == "≥ 30,000"
    assert amount(bare(20_000, None, 20_000)) == "≤ 20,000"
    assert amount(bare(1_500, 1_375, 1_625, measure="rate", rate_per="month")) == "~1,500 a month"
    assert amount(bare(None, 6_000, 8_000)) == "6,000–8,000"
    assert amount(bare(41_760, 41_760, 41_760)) == "41,760"


def test_an_inferred_period_is_said_so():
    window = place(0, observation("w", 900, "2025-06-05", "2025-07-05", measure="rate", rate_per="month",
                                  period_inferred=True))
    assert window.inferred and window.value == 900


# ---------------------------------------------------------------- PNG

def test_png_is_written(result, tmp_path):
    path = render_png(result, tmp_path / "chart.png")
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])
    assert 800 <= width <= 3000 and 400 <= height <= 2000
    assert 20_000 < len(data) < 2_000_000


def test_png_leaves_months_without_data_empty(result):
    figure = png_figure(result)
    (estimate,) = _lines(figure, "estimate")
    ys = list(estimate.get_ydata())
    assert [math.isnan(y) for y in ys] == [False, False, True, False, True, True, False]
    bars = figure.axes[0].containers[0]
    assert len(bars) == 5  # Jan, Feb, Apr, Jun, Jul: no band in March or May
    assert any(text.get_text() == "no data" for text in figure.axes[0].texts)


def test_png_marks_contradicted_reports_apart(result):
    figure = png_figure(result)
    (normal,) = _lines(figure, "reported for a month (rate or count)")
    (contradicted,) = _lines(figure, "contradicted report")
    assert normal.get_marker() == "o" and contradicted.get_marker() == "X"
    assert len(normal.get_xdata()) == 2  # January's count and the April-June rate; the yearly total is not monthly
    top = figure.axes[0].get_ylim()[1]
    assert top < 20_000 and contradicted.get_ydata()[0] <= top  # far off the scale: drawn at the top, labelled
    assert any("20,000" in text.get_text() for text in figure.axes[0].texts)


def test_png_title_and_footnote(result):
    figure = png_figure(result)
    assert figure.axes[0].get_title(loc="left") == "Desertion criminal cases registered — Valdoria"
    assert figure.axes[0].get_xlabel() and figure.axes[0].get_ylabel()
    assert footnote(result) == "sourcetrace · 4 observations, 1 echo"
    assert footnote(result) in [text.get_text() for text in figure.texts]


def test_png_takes_dollar_signs_as_text(result, tmp_path):
    result["indicator"]["label"] = "cases $\\frac{1}{ and $5"  # would be broken mathtext
    render_png(result, tmp_path / "dollars.png")


def test_png_of_an_empty_result(tmp_path):
    empty = {"schema": "sourcetrace.barometer/2", "indicator": {"id": "x"}, "scope": None, "months": [],
             "observations": [], "contradictions": []}
    assert render_png(empty, tmp_path / "empty.png").read_bytes().startswith(PNG_SIGNATURE)


# ---------------------------------------------------------------- HTML

class Elements(HTMLParser):
    """Tags, attributes and script bodies as a browser's parser sees them."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)

    def handle_data(self, data):
        if self._script is not None:
            self.scripts.append((self._script, data))
            self._script = None


def test_html_is_one_standalone_file(result, tmp_path):
    path = render_html(result, tmp_path / "chart.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert not re.search(r"""<script[^>]*\bsrc\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"""<(link|img|iframe)\b""", page, re.I)
    assert "plotly.js v" in page  # the library itself is inline
    csp = next(attrs["content"] for tag, attrs in Elements(page).tags if attrs.get("http-equiv"))
    assert "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_html_scripts_are_exactly_the_ones_the_policy_allows(result):
    elements = Elements(html_page(result))
    csp = next(attrs["content"] for tag, attrs in elements.tags if attrs.get("http-equiv"))
    executable = [body for attrs, body in elements.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 2 and len(elements.scripts) == 3
    for body in executable:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_html_escapes_hostile_text(result):
    page = html_page(result)
    elements = Elements(page)
    assert HOSTILE not in page
    assert [tag for tag, _ in elements.tags].count("script") == 3  # the figure's JSON, plotly.js, ours
    assert not any(name.startswith("on") for _, attrs in elements.tags for name in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # in the panel: sentences, outlets, reasons
    panel = page.split('id="st-panel"')[1].split("</section>")[0]
    assert panel.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5


def test_html_hover_text_is_escaped(result):
    figure = html_figure(result)
    hovers = [text for trace in figure.data for text in (trace.hovertext or ()) if text]
    hostile = [text for text in hovers if "alert(1)" in text]
    assert hostile and all("<script" not in text and "&lt;script&gt;" in text for text in hostile)
    assert any("VALPRESS (relay) ← Defence Ministry (origin)" in text for text in hovers)


def test_html_escapes_a_hostile_label_and_scope(result):
    result["scope"] = HOSTILE
    result["indicator"]["label"] = '"><img src=x onerror=alert(2)>'
    page = html_page(result)
    assert HOSTILE not in page and "<img" not in page
    assert "&lt;script&gt;" in html_figure(result).layout.title.text
    assert "<title>&quot;&gt;&lt;img src=x onerror=alert(2)&gt; — &lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_html_leaves_months_without_data_empty(result):
    figure = html_figure(result)
    band, estimate = figure.data[0], figure.data[1]
    assert estimate.name == "estimate" and estimate.connectgaps is False
    assert list(estimate.y) == [1000, 1100, None, 1300, None, None, 1500]
    assert [x[:7] for x in band.x] == ["2025-01", "2025-02", "2025-04", "2025-06", "2025-07"]
    assert any(annotation.text == "no data" for annotation in figure.layout.annotations)


def test_html_points_and_months_open_their_details(result):
    figure = html_figure(result)
    page = html_page(result)
    keys = {key for trace in figure.data for key in (trace.customdata or ()) if key}
    assert {f"m{i}" for i in range(7)} <= keys and {"o0", "o1", "o3"} <= keys
    for key in keys:
        assert f'id="d-{key}" hidden' in page
    january = page.split('id="d-o0"')[1].split('<div class="detail"')[0]
    assert '<span class="tag original">original</span>' in january and '<span class="tag echo">echo</span>' in january
    assert "Prosecutors opened 1,000 desertion cases, the ministry said." in january
    hostile = page.split('id="d-o3"')[1].split('<div class="detail"')[0]
    assert "Contradicted: conflicts with VALPRESS 2025-07-02, &lt;script&gt;" in hostile and "18,500" in hostile


def test_html_contradicted_far_off_scale_stays_clickable(result):
    figure = html_figure(result)
    (contradicted,) = [trace for trace in figure.data if trace.name == "contradicted report"]
    assert contradicted.marker.symbol == "x"
    top = figure.layout.yaxis.range[1]
    assert max(y for y in contradicted.y if y is not None) <= top < 20_000
    assert "20,000 ↑" in contradicted.text


# ---------------------------------------------------------------- both bands, disputes (issue 8, part 3)

def _stored(id: str, value: float, month: str, outlet: str, chain: list[tuple]) -> dict:
    """A stored trace of one figure, as the store keeps it, for the barometer to read."""
    text = f"Valdorian prosecutors registered {value:,.0f} desertion cases, the report said."
    figure = {"id": "f1", "text": f"{value:,.0f}", "span": [0, 10], "sentence": [0, len(text)], "value": value,
              "low": None, "high": None, "approximate": False, "bound": "exact", "unit": "count",
              "counted": "cases", "counted_span": None, "indicator": "mil.desertion_cases", "rate_per": None,
              "period": {"text": None, "start": f"{month}-01", "end": f"{month}-28", "span": None},
              "aggregation": "period", "cumulative": False, "scope": "Valdoria", "scope_span": None,
              "kind": "quantity", "hedges": [], "notes": [],
              "attribution": [{"name": name, "span": [0, 1], "role": role, "anonymous": anonymous, "vague": False,
                               "kind": None, "via": "told"} for name, role, anonymous in chain]}
    document = {"text": text, "id": id, "outlet": outlet, "published": f"{month}-28", "url": None, "title": None,
                "language": "en", "source": None, "dateline": None}
    return {"schema": "sourcetrace.trace/1", "document": document, "figures": [figure]}


@pytest.fixture(scope="module")
def disputed() -> dict:
    """What the barometer writes for: the Defence Ministry's own count for January; in February only
    two unnamed sources, 5,000 told to VALPRESS and 20,000 told to DRAVTASS (a dispute, and no named
    record); in March the ministry's 1,000 and, far above it, DRAVTASS's unnamed 9,000 (outweighed)."""
    from sourcetrace.reconcile.barometer import barometer
    from sourcetrace.registry import Registry

    ministry = [("Defence Ministry", "origin", False)]
    anonymous = lambda relay: [(relay, "relay", False), ("a source", "origin", True)]  # noqa: E731
    traces = [_stored("jan", 1_020, "2025-01", "VALPRESS", ministry),
              _stored("feb-a", 5_000, "2025-02", "VALPRESS", anonymous("VALPRESS")),
              _stored("feb-b", 20_000, "2025-02", "DRAVTASS", anonymous("DRAVTASS")),
              _stored("mar", 1_000, "2025-03", "VALPRESS", ministry),
              _stored("mar-x", 9_000, "2025-03", "DRAVTASS", anonymous("DRAVTASS"))]
    return barometer(traces, "mil.desertion_cases", Registry.load(), scope="Valdoria")


def test_the_fixture_of_both_bands_is_what_it_says(disputed):
    by_month = {m["month"]: m for m in disputed["months"]}
    assert by_month["2025-02"]["no_data"] and not by_month["2025-02"]["all_reports"]["no_data"]
    assert by_month["2025-02"]["all_reports"]["disputed"]
    assert {o["document_id"] for o in disputed["observations"] if o["dispute"]} == {"feb-a", "feb-b"}
    assert {o["document_id"] for o in disputed["observations"] if o["contradicted"]} == {"mar-x"}


def test_png_draws_what_all_reports_allow_and_the_disputes(disputed):
    figure = png_figure(disputed)
    axes = figure.axes[0]
    (every,) = [c for c in axes.containers if c.get_label() == "what all reports allow (unnamed sources too)"]
    (february,) = every.patches  # only February: elsewhere the named records' band is what all allow
    assert february.get_y() == pytest.approx(5_000 * 0.995, rel=1e-4)
    assert february.get_y() + february.get_height() == pytest.approx(20_000 * 1.005, rel=1e-4)
    named = [c for c in axes.containers if c.get_label() == "what the named records allow"]
    assert len(named) == 1 and len(named[0].patches) == 2  # January and March; February has no named record
    shaded = [p for p in axes.patches if p.get_label() == "disputed month"]
    assert len(shaded) == 1
    (sides,) = _lines(figure, "a side of a dispute")
    assert sides.get_marker() == "D" and sorted(sides.get_ydata()) == [5_000, 20_000]
    (contradicted,) = _lines(figure, "contradicted report")
    assert len(contradicted.get_ydata()) == 1 and contradicted.get_ydata()[0] > 9_000  # 9,000 in 28 days, a month


def test_html_draws_what_all_reports_allow_and_the_disputes(disputed):
    figure = html_figure(disputed)
    (every,) = [t for t in figure.data if t.name == "what all reports allow (unnamed sources too)"]
    assert len(every.x) == 1 and every.x[0].startswith("2025-02")
    assert every.base[0] == pytest.approx(4_975, rel=1e-4) and every.base[0] + every.y[0] == pytest.approx(20_100, rel=1e-4)
    assert "all reports allow 4,975–20,100" in every.hovertext[0] and "disputed" in every.hovertext[0]
    (sides,) = [t for t in figure.data if t.name == "a side of a dispute"]
    assert sorted(y for y, size in zip(sides.y, sides.marker.size) if size) == [5_000, 20_000]
    assert all("disputed" in h for h in sides.hovertext if h)
    (shape,) = figure.layout.shapes
    assert shape.x0.startswith("2025-02-01") and shape.x1.startswith("2025-03-01")
    page = html_page(disputed)
    assert "what all reports allow" in page and "a side of a dispute" in page
