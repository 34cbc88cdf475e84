"""Charts of a barometer result: a PNG (matplotlib) and one standalone interactive HTML page (plotly).

Both take the result as the plain dict the reconciler writes (``"schema": "sourcetrace.barometer/2"``):
``months`` (estimate and band per month), ``observations`` (each with its sentence, chain, grade and
echoes) and ``contradictions``.

    render_png(result, "desertion.png")
    render_html(result, "desertion.html")

What is drawn: the band ``low``–``high`` of each month (what the named records allow) as a shaded bar
one month wide; where every report together (unnamed sources too, ``all_reports``) allows something
else, that band as a hatched outline behind it; the estimate as a line; and the observations that
speak of one month (a rate, or a count for a single month) as markers at their value per month,
spanning their period: contradicted ones as red crosses, the sides of a dispute as purple diamonds,
and the months a dispute touches shaded. A month without data is left empty: neither the band nor
the line crosses it. The HTML page also has the
totals over longer periods, as averages per month (hidden until picked in the legend), and a panel
under the chart where clicking a point or a month shows the sentences behind it, original or echo.

Every string that comes from a document or a source (sentences, outlets, names, reasons, labels)
passes through ``html.escape`` before it reaches the page; the page loads nothing from the network:
plotly.js is inline and its Content-Security-Policy allows only its own two scripts and no
connections.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path

from ..model import months as calendar
from .common import Renderer
from .page import page, script_json
from ..model import words
from ..model.chains import chain_text
from ..model.words import number

DAYS_PER_MONTH = 365.25 / 12
PER_MONTH = {"month": 1.0, "day": DAYS_PER_MONTH, "week": DAYS_PER_MONTH / 7, "year": 1 / 12}
BAND, LINE, MARK, BAD = "#9ecae1", "#08519c", "#e6550d", "#d62728"
EVERY, DISPUTE = "#6a51a3", "#7b3294"  # what all reports allow; a dispute's months and sides
NAMED_LABEL = "what the named records allow"
EVERY_LABEL = "what all reports allow (unnamed sources too)"
DISPUTE_LABEL = "a side of a dispute"
DISPUTED_LABEL = "disputed month"
OFF_SCALE = 2.0  # a contradicted marker this many times above everything else is drawn clipped


# ---------------------------------------------------------------- the result, read for drawing

@dataclass
class Month:
    index: int
    key: str  # YYYY-MM
    start: date
    days: int
    estimate: float | None
    low: float | None
    high: float | None
    observations: list[str]
    every_low: float | None = None  # what all reports allow, unnamed sources too; None: no data
    every_high: float | None = None
    disputed: bool = False  # a dispute of either tier touches it

    @property
    def every_differs(self) -> bool:
        """All reports together allow something the named records' band does not show."""
        return self.every_low is not None and (self.every_low, self.every_high) != (self.low, self.high)

    @property
    def centre(self) -> datetime:
        return datetime.combine(self.start, datetime.min.time()) + timedelta(days=self.days / 2)


@dataclass
class Point:
    """An observation placed on the monthly axis: its value per month over [start, end)."""

    index: int
    observation: dict
    start: datetime
    end: datetime
    value: float
    low: float | None
    high: float | None
    scale: float  # value per month = stated value × scale
    monthly: bool  # speaks of one month: a rate, or a count for a single month
    inferred: bool  # no period in the text: placed at its publication date

    @property
    def mid(self) -> datetime:
        return self.start + (self.end - self.start) / 2

    @property
    def contradicted(self) -> bool:
        return bool(self.observation.get("contradicted"))

    @property
    def disputed(self) -> bool:
        """One side of a dispute: neither it nor what it conflicts with outweighs the other."""
        return bool(self.observation.get("dispute")) and not self.contradicted


def months(result: dict) -> list[Month]:
    """Every month from the first to the last, in order; a month the result skips has no data."""
    given = {m["month"]: m for m in result.get("months", []) if _is_month(m.get("month"))}
    if not given:
        return []
    return [_month(index, key, given.get(key, {})) for index, key in enumerate(calendar.span(min(given), max(given)))]


def _month(index: int, key: str, data: dict) -> Month:
    # A month no report touches has the band [0, ∞) in the result; drawn, it would be a band up to
    # the top of the chart, so it is read as no data at all.
    band = (None, None, None) if data.get("no_data") else (data.get("estimate"), data.get("low"), data.get("high"))
    every = data.get("all_reports") or {}
    every_band = (None, None) if every.get("no_data", True) else (every.get("low"), every.get("high"))
    return Month(index, key, calendar.first_day(key), calendar.days_in(key), *map(_number, band),
                 [str(i) for i in data.get("observations") or []], *map(_number, every_band),
                 bool(data.get("disputed") or every.get("disputed")))


def gaps(series: list[Month]) -> list[tuple[Month, Month]]:
    """The runs of months with neither an estimate nor a band: first and last month of each."""
    runs, start = [], None
    for month in series + [None]:
        empty = (month is not None and month.estimate is None and month.low is None and month.high is None
                 and month.every_low is None)
        if empty and start is None:
            start = month
        elif not empty and start is not None:
            runs.append((start, series[month.index - 1] if month else series[-1]))
            start = None
    return runs


def _gap_centre(run: tuple[Month, Month]) -> datetime:
    first, last = run
    begin = datetime.combine(first.start, datetime.min.time())
    return begin + (last.centre + timedelta(days=last.days / 2) - begin) / 2


def points(result: dict) -> list[Point]:
    placed = (place(index, obs) for index, obs in enumerate(result.get("observations", [])))
    return [point for point in placed if point is not None]


def place(index: int, obs: dict) -> Point | None:
    """Where an observation goes on a monthly axis, or None when it cannot be read per month."""
    value, low, high = _number(obs.get("value")), _number(obs.get("low")), _number(obs.get("high"))
    central = _first(value, (low + high) / 2 if low is not None and high is not None else None, low, high)
    start, end = _day(obs.get("period_start")), _day(obs.get("period_end"))
    if central is None:
        return None
    if obs.get("measure") == "rate":
        scale = PER_MONTH.get(obs.get("rate_per") or "month")
        inferred = start is None or end is None
        if inferred:
            start = end = _day(obs.get("published"))
        inferred, monthly = inferred or bool(obs.get("period_inferred")), True
    else:
        spanned = calendar.spanned(start, end) if start and end and start <= end else 0
        scale, inferred, monthly = (1 / spanned if spanned else None), False, 0.9 <= spanned <= 1.1
    if scale is None or start is None or end is None or end < start:
        return None
    return Point(index, obs, _at(start), _at(end + timedelta(days=1)), central * scale,
                 _scaled(low, scale), _scaled(high, scale), scale, monthly, inferred)


def echo_count(result: dict) -> int:
    return sum(len(obs.get("echoes") or []) for obs in result.get("observations", []))


def footnote(result: dict) -> str:
    count = len(result.get("observations", []))
    echoes = echo_count(result)
    return f"sourcetrace · {count} {_plural(count, 'observation')}, {echoes} {_plural(echoes, 'echo', 'echoes')}"


def title(result: dict) -> str:
    indicator = result.get("indicator") or {}
    label = str(indicator.get("label") or indicator.get("id") or "indicator")
    return f"{label} — {result['scope']}" if result.get("scope") else label


def amount(obs: dict) -> str:
    """``~1,500 a month``, ``≥ 30,000``, ``6,000–8,000``: the figure as the report put it."""
    per = obs.get("rate_per") if obs.get("measure") == "rate" else None
    return words.amount(obs.get("bound"), _number(obs.get("value")), _number(obs.get("low")),
                        _number(obs.get("high")), per=per)


def period_text(obs: dict) -> str:
    start, end = obs.get("period_start"), obs.get("period_end")
    return f"{start or '…'} – {end or '…'}" if start or end else "period not stated"


def _is_month(key) -> bool:
    try:
        return datetime.strptime(str(key), "%Y-%m").year >= 1
    except ValueError:
        return False


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _at(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _scaled(value: float | None, scale: float) -> float | None:
    return None if value is None else value * scale


def _first(*values):
    return next((value for value in values if value is not None), None)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return one if count == 1 else (many or one + "s")


# ---------------------------------------------------------------- PNG

def render_png(result: dict, path: str | Path) -> Path:
    """Draw ``result`` with matplotlib's Agg canvas and save it as a PNG at ``path``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = png_figure(result)
    FigureCanvasAgg(figure)
    figure.savefig(path, format="png")
    return Path(path)


def png_figure(result: dict):
    """The chart as a matplotlib Figure, built without pyplot so no global state is touched."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 5.4), dpi=120, layout="constrained")
    axes = figure.add_subplot()
    series, placed = months(result), [p for p in points(result) if p.monthly]
    limit = top(series, placed)
    _draw_disputed_months(axes, series)
    _draw_every_band(axes, series, limit)
    _draw_band(axes, series)
    _draw_estimate(axes, series)
    _draw_points(axes, placed, limit)
    for run in gaps(series):
        axes.annotate("no data", (_gap_centre(run), 0), xytext=(0, 6), textcoords="offset points",
                      ha="center", fontsize=7, color="#888")
    _dress(axes, result, limit)
    figure.text(0.005, 0.005, footnote(result), fontsize=8, color="#666", parse_math=False)
    return figure


def top(series: list[Month], placed: list[Point]) -> float | None:
    """The y limit: everything but far-off contradicted markers fits under it."""
    values = [v for m in series for v in (m.estimate, m.high, m.low, m.every_low, m.every_high) if v is not None]
    values += [_first(p.high, p.value) for p in placed if not p.contradicted]
    if not values:
        return None
    ceiling = max(values) * 1.15 or 1.0
    far = [p.value for p in placed if p.contradicted and p.value > ceiling * OFF_SCALE]
    return ceiling if far else max([ceiling] + [_first(p.high, p.value) * 1.1 for p in placed])


def shown(point: Point, limit: float | None) -> float:
    """Where a marker is drawn: at its value, or just under the limit when it is far above it."""
    return point.value if limit is None or point.value <= limit else limit * 0.97


def _draw_band(axes, series: list[Month]) -> None:
    full = [m for m in series if m.low is not None and m.high is not None]
    if full:
        axes.bar([m.centre for m in full], [m.high - m.low for m in full], bottom=[m.low for m in full],
                 width=[m.days * 0.98 for m in full], color=BAND, alpha=0.55, linewidth=0,
                 label=NAMED_LABEL)
    open_ended = [m for m in series if m.low is not None and m.high is None]
    if open_ended:
        axes.plot([m.centre for m in open_ended], [m.low for m in open_ended], linestyle="none",
                  marker=6, color=BAND, markersize=9, label="at least (no upper bound)")


def _draw_every_band(axes, series: list[Month], limit: float | None) -> None:
    """What all reports allow, where it is not the named records' band: a hatched outline behind it
    (up to the top of the chart when nothing bounds it above)."""
    shown_months = [m for m in series if m.every_differs]
    if not shown_months:
        return
    highs = [m.every_high if m.every_high is not None else (limit or m.every_low * 1.5 or 1.0) for m in shown_months]
    axes.bar([m.centre for m in shown_months], [h - m.every_low for h, m in zip(highs, shown_months)],
             bottom=[m.every_low for m in shown_months], width=[m.days * 0.98 for m in shown_months],
             fill=False, hatch="///", edgecolor=EVERY, linewidth=0.8, label=EVERY_LABEL)


def _draw_disputed_months(axes, series: list[Month]) -> None:
    """The months a dispute touches, shaded across the whole height: the bands there cover every side."""
    for n, m in enumerate(m for m in series if m.disputed):
        begin = datetime.combine(m.start, datetime.min.time())
        axes.axvspan(begin, begin + timedelta(days=m.days), color=DISPUTE, alpha=0.08, linewidth=0,
                     label=DISPUTED_LABEL if n == 0 else None)


def _draw_estimate(axes, series: list[Month]) -> None:
    ys = [math.nan if m.estimate is None else m.estimate for m in series]  # NaN: the line breaks there
    axes.plot([m.centre for m in series], ys, color=LINE, linewidth=2, marker="o", markersize=3,
              label="estimate")


def _draw_points(axes, placed: list[Point], limit: float | None) -> None:
    kinds = (("plain", MARK, dict(marker="o", markersize=6), "reported for a month (rate or count)"),
             ("disputed", DISPUTE, dict(marker="D", markersize=7), DISPUTE_LABEL),
             ("contradicted", BAD, dict(marker="X", markersize=10), "contradicted report"))
    for kind, color, marker, label in kinds:
        group = [p for p in placed if _kind(p) == kind]
        if not group:
            continue
        for p in group:
            y = shown(p, limit)
            axes.plot([p.start, p.end], [y, y], color=color, linewidth=1, alpha=0.7)
            if p.low is not None and p.high is not None and p.high > p.low and y == p.value:
                axes.plot([p.mid, p.mid], [p.low, p.high], color=color, linewidth=1, alpha=0.7)
            if y != p.value:
                axes.annotate(f"{number(round(p.value))} ↑", (p.mid, y), xytext=(6, -4),
                              textcoords="offset points", color=color, fontsize=8, parse_math=False)
        axes.plot([p.mid for p in group], [shown(p, limit) for p in group],
                  linestyle="none", color=color, markeredgecolor="white", **marker, label=label)


def _kind(point: Point) -> str:
    return "contradicted" if point.contradicted else "disputed" if point.disputed else "plain"


def _dress(axes, result: dict, limit: float | None) -> None:
    import matplotlib.dates as mdates

    axes.set_title(title(result), loc="left", fontsize=12, parse_math=False)
    axes.set_xlabel("month")
    axes.set_ylabel("count per month")
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.yaxis.set_major_formatter(lambda value, _: number(round(value)))
    axes.set_ylim(0, limit)
    axes.grid(axis="y", color="#ddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    handles, labels = axes.get_legend_handles_labels()
    if handles:
        order = sorted(range(len(labels)), key=lambda i: not labels[i].startswith("possible range"))
        axes.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper left", fontsize=8,
                    frameon=False)


# ---------------------------------------------------------------- HTML

BODY = """<header><h1>sourcetrace barometer</h1><p class="note">{note}</p></header>
<main>
<div id="st-chart"></div>
<section id="st-panel" aria-live="polite">
<p id="st-hint">Click a point for the sentences behind it, or a month for every report that speaks of it.</p>
{details}
</section>
</main>
<script type="application/json" id="st-figure">{figure}</script>"""

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header { padding: .8rem 2rem; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.15rem; margin: 0; }
.note { color: #555; margin: .2rem 0 0; font-size: 13px; }
main { padding: 1rem 2rem 2rem; }
#st-chart { height: 560px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
#st-panel { margin-top: 1rem; background: #fff; border: 1px solid #ddd; border-radius: 6px;
            padding: .8rem 1.2rem; min-height: 4rem; }
#st-panel h3 { font-size: 1rem; margin: .2rem 0 .4rem; }
#st-panel h4 { font-size: .95rem; margin: .8rem 0 .2rem; }
.facts, .who { color: #444; font-size: 13px; }
.warn { color: #b00020; font-size: 13px; font-weight: 600; }
ol.sentences { padding-left: 1.2rem; margin: .3rem 0; }
ol.sentences li { margin-bottom: .45rem; }
q { font-family: Georgia, serif; }
.tag { font: 11px monospace; padding: 0 .35rem; border-radius: 3px; margin-right: .3rem; }
.tag.original { background: #dbeafe; color: #0a4f8a; }
.tag.echo { background: #eee; color: #555; }
.none { color: #777; font-style: italic; }
"""

# Draws the figure from the JSON block and shows the detail of what was clicked. Pure DOM: the
# details are already in the page, escaped; the script only shows or hides them.
APP = """
(function () {
  var figure = JSON.parse(document.getElementById("st-figure").textContent);
  var chart = document.getElementById("st-chart");
  var hint = document.getElementById("st-hint");
  function show(key) {
    var found = false;
    document.querySelectorAll("#st-panel .detail").forEach(function (detail) {
      detail.hidden = detail.id !== "d-" + key;
      found = found || !detail.hidden;
    });
    hint.hidden = found;
  }
  Plotly.newPlot(chart, figure.data, figure.layout, {displaylogo: false, responsive: true});
  chart.on("plotly_click", function (event) {
    var keys = (event.points || []).map(function (point) { return point.customdata; })
      .filter(function (key) { return typeof key === "string" && /^[mo][0-9]+$/.test(key); });
    var report = keys.filter(function (key) { return key.charAt(0) === "o"; })[0];
    if (report || keys[0]) { show(report || keys[0]); }
  });
})();
"""


class ChartPage(Renderer):
    """``barometer --format html``: the interactive page, written to the output like any format."""

    def write(self, result: dict) -> None:
        super().write(result)
        self.stream.write(html_page(result))


def render_html(result: dict, path: str | Path) -> Path:
    """Write ``result`` as one standalone HTML page (plotly.js inline, no network) at ``path``."""
    Path(path).write_text(html_page(result), encoding="utf-8")
    return Path(path)


def html_page(result: dict) -> str:
    from plotly.offline import get_plotlyjs

    plotly = ("window.PlotlyConfig = {MathJaxConfig: 'local'};\n" + get_plotlyjs()).replace("</script", "<\\/script")
    body = BODY.format(note=escape(footnote(result)), details=details_html(result),
                       figure=script_json(html_figure(result).to_json()))
    # plotly draws its chart's pieces into images it makes itself.
    return page(title(result), body, style=STYLE, scripts=[plotly, APP], img_src="data: blob:")


def html_figure(result: dict):
    """The chart as a plotly Figure; every text in it that came from a document is escaped."""
    import plotly.graph_objects as go

    series, placed = months(result), points(result)
    limit = top(series, [p for p in placed if p.monthly])
    figure = go.Figure()
    _every_trace(figure, series, limit)
    _band_trace(figure, series)
    _estimate_trace(figure, series)
    _point_trace(figure, [p for p in placed if p.monthly and _kind(p) == "plain"], limit,
                 "reported for a month (rate or count)", dict(color=MARK, symbol="circle"), True)
    _point_trace(figure, [p for p in placed if p.monthly and _kind(p) == "disputed"], limit,
                 DISPUTE_LABEL, dict(color=DISPUTE, symbol="diamond"), True)
    _point_trace(figure, [p for p in placed if p.contradicted], limit,
                 "contradicted report", dict(color=BAD, symbol="x"), True)
    _point_trace(figure, [p for p in placed if not p.monthly and not p.contradicted], None,
                 "total over a longer period (average per month)", dict(color="#555", symbol="diamond"),
                 "legendonly")
    clipped = any(shown(p, limit) != p.value for p in placed if p.contradicted)
    figure.update_layout(
        title=dict(text=escape(title(result)), x=0.01), template="plotly_white", hovermode="closest",
        barmode="overlay", bargap=0, xaxis_title="month",
        yaxis=dict(title="count per month", rangemode="tozero", range=[0, limit] if clipped else None),
        legend=dict(orientation="h", y=-0.16), margin=dict(l=60, r=20, t=60, b=115),
        shapes=[dict(type="rect", xref="x", yref="paper", x0=m.start.isoformat(),
                     x1=(m.start + timedelta(days=m.days)).isoformat(), y0=0, y1=1, fillcolor=DISPUTE,
                     opacity=0.08, line=dict(width=0), layer="below", name=DISPUTED_LABEL)
                for m in series if m.disputed],
        annotations=[dict(text=escape(footnote(result)), xref="paper", yref="paper", x=0, y=0, yshift=-90,
                          yanchor="top", showarrow=False, font=dict(size=11, color="#666"), xanchor="left")]
        + [dict(text="no data", x=_gap_centre(run).isoformat(), xref="x", yref="paper", y=0, yanchor="bottom",
                showarrow=False, font=dict(size=10, color="#888")) for run in gaps(series)])
    return figure


def _band_trace(figure, series: list[Month]) -> None:
    import plotly.graph_objects as go

    full = [m for m in series if m.low is not None and m.high is not None]
    figure.add_trace(go.Bar(
        x=[m.centre.isoformat() for m in full], y=[m.high - m.low for m in full], base=[m.low for m in full],
        width=[m.days * 86_400_000 for m in full], name=NAMED_LABEL,
        marker=dict(color=BAND, opacity=0.55, line=dict(width=0)),
        customdata=[f"m{m.index}" for m in full], hovertext=[_month_hover(m) for m in full], hoverinfo="text"))


def _every_trace(figure, series: list[Month], limit: float | None) -> None:
    """What all reports allow where the named records' band does not show it, hatched behind it."""
    import plotly.graph_objects as go

    shown_months = [m for m in series if m.every_differs]
    if not shown_months:
        return
    highs = [m.every_high if m.every_high is not None else (limit or m.every_low * 1.5 or 1.0) for m in shown_months]
    figure.add_trace(go.Bar(
        x=[m.centre.isoformat() for m in shown_months], y=[h - m.every_low for h, m in zip(highs, shown_months)],
        base=[m.every_low for m in shown_months], width=[m.days * 86_400_000 for m in shown_months], name=EVERY_LABEL,
        marker=dict(color="rgba(0,0,0,0)", line=dict(color=EVERY, width=1), pattern=dict(shape="/", fgcolor=EVERY)),
        customdata=[f"m{m.index}" for m in shown_months], hovertext=[_month_hover(m) for m in shown_months],
        hoverinfo="text"))


def _estimate_trace(figure, series: list[Month]) -> None:
    import plotly.graph_objects as go

    figure.add_trace(go.Scatter(
        x=[m.centre.isoformat() for m in series], y=[m.estimate for m in series], mode="lines+markers",
        connectgaps=False, name="estimate", line=dict(color=LINE, width=2), marker=dict(size=5),
        customdata=[f"m{m.index}" for m in series], hovertext=[_month_hover(m) for m in series],
        hoverinfo="text"))


def _point_trace(figure, placed: list[Point], limit: float | None, name: str, style: dict, visible) -> None:
    """One marker per observation at the middle of its period, a line across the period; a marker far
    above the others is drawn under the top of the chart, labelled with its value."""
    import plotly.graph_objects as go

    rows = [row for p in placed for row in _point_rows(p, limit)]
    x, y, size, hover, key, plus, minus, label = (list(column) for column in zip(*rows)) if rows else ([],) * 8
    figure.add_trace(go.Scatter(
        x=x, y=y, mode="lines+markers+text", name=name, visible=visible, connectgaps=False,
        text=label, textposition="middle right", textfont=dict(color=style["color"], size=11),
        line=dict(color=style["color"], width=1),
        marker=dict(size=size, color=style["color"], symbol=style["symbol"], line=dict(color="white", width=1)),
        error_y=dict(type="data", array=plus, arrayminus=minus, width=0, thickness=1, color=style["color"]),
        customdata=key, hovertext=hover, hoverinfo="text"))


def _point_rows(p: Point, limit: float | None) -> list[tuple]:
    """Start, middle (the marker, its interval and label), end, and a break before the next point."""
    y, hover, key = shown(p, limit), _point_hover(p), f"o{p.index}"
    clipped = y != p.value
    plus = p.high - p.value if p.high is not None and p.high > p.value and not clipped else 0
    minus = p.value - p.low if p.low is not None and p.low < p.value and not clipped else 0
    label = f"{number(round(p.value))} ↑" if clipped else ""
    return [(p.start.isoformat(), y, 0, hover, key, 0, 0, ""),
            (p.mid.isoformat(), y, 11, hover, key, plus, minus, label),
            (p.end.isoformat(), y, 0, hover, key, 0, 0, ""),
            (None, None, 0, None, None, 0, 0, "")]


def _month_hover(month: Month) -> str:
    lines = [f"<b>{escape(month.key)}</b>"]
    if month.estimate is None and month.low is None and month.every_low is None:
        lines.append("no data")
    if month.estimate is not None:
        lines.append(f"estimate {number(round(month.estimate))}")
    if month.low is not None:
        lines.append(f"named records allow {number(round(month.low))}–"
                     f"{number(round(month.high)) if month.high is not None else '…'}")
    if month.every_differs:
        lines.append(f"all reports allow {number(round(month.every_low))}–"
                     f"{number(round(month.every_high)) if month.every_high is not None else '…'}")
    if month.disputed:
        lines.append("<b>disputed</b>: the band covers every side")
    lines.append(f"{len(month.observations)} {_plural(len(month.observations), 'observation')} · click for the sentences")
    return "<br>".join(lines)


def _point_hover(p: Point) -> str:
    obs = p.observation
    lines = [f"<b>{escape(str(obs.get('outlet') or 'unknown outlet'))}</b> · {escape(str(obs.get('published') or 'undated'))}",
             f"{escape(amount(obs))} · {escape(period_text(obs))}"]
    if abs(p.scale - 1) > 1e-9:
        lines.append(f"≈ {number(round(p.value))} a month on average")
    if p.inferred:
        lines.append("period not stated: " + ("a window before publication" if p.end > p.start + timedelta(days=1)
                                              else "placed at publication"))
    lines.append("chain: " + escape(chain_text(obs.get("chain") or [])))
    lines.append(f"{len(obs.get('echoes') or [])} {_plural(len(obs.get('echoes') or []), 'echo', 'echoes')}"
                 + (" · <b>contradicted</b>" if p.contradicted else "")
                 + (f" · <b>disputed</b> ({escape(str(obs.get('dispute')))})" if p.disputed else ""))
    return "<br>".join(lines)


# ---------------------------------------------------------------- the panel under the chart

def details_html(result: dict) -> str:
    """Every detail the panel can show, hidden until clicked: one per observation, one per month."""
    observations = result.get("observations", [])
    by_id = {str(obs.get("id")): obs for obs in observations}
    conflicts = _conflicts(result, by_id)
    parts = [_detail(f"o{i}", _observation_html(obs, conflicts)) for i, obs in enumerate(observations)]
    for month in months(result):
        parts.append(_detail(f"m{month.index}", _month_html(month, by_id, conflicts)))
    return "\n".join(parts)


def _detail(key: str, body: str) -> str:
    return f'<div class="detail" id="d-{key}" hidden>{body}</div>'


def _month_html(month: Month, by_id: dict, conflicts: dict) -> str:
    if month.estimate is None and month.low is None:
        head = f"{escape(month.key)}: no data"
    else:
        band = f"{number(_round(month.low))}–{number(_round(month.high)) if month.high is not None else '…'}"
        head = f"{escape(month.key)}: estimate {number(_round(month.estimate))}, range {band}"
    found = [by_id[i] for i in month.observations if i in by_id]
    body = "".join(_observation_html(obs, conflicts, "h4") for obs in found)
    return f"<h3>{head}</h3>" + (body or '<p class="none">No report speaks of this month.</p>')


def _observation_html(obs: dict, conflicts: dict, heading: str = "h3") -> str:
    grade = obs.get("grade") or {}
    facts = [escape(period_text(obs)), escape(str(obs.get("measure") or ""))]
    if grade:
        facts.append(escape(f"grade {grade.get('reliability', '?')}{grade.get('credibility', '?')}: "
                            f"{grade.get('reliability_reason', '')}; {grade.get('credibility_reason', '')}"))
    return (f"<{heading}>{_obs_heading(obs)}</{heading}><p class=\"facts\">{' · '.join(f for f in facts if f)}</p>"
            f"{_conflict_html(obs, conflicts)}{_sentences_html(obs)}")


def _obs_heading(obs: dict) -> str:
    return " · ".join(escape(str(part)) for part in (obs.get("outlet") or "unknown outlet",
                                                     obs.get("published") or "undated", amount(obs)))


def _sentences_html(obs: dict) -> str:
    items = [_sentence_item("original", obs.get("sentence") or obs.get("text"), obs.get("outlet"),
                            obs.get("published"), "chain: " + chain_text(obs.get("chain") or []))]
    for echo in obs.get("echoes") or []:
        changes = ", ".join(str(c) for c in echo.get("changes") or []) or "repeated as it was"
        items.append(_sentence_item("echo", echo.get("sentence") or echo.get("text"), echo.get("outlet"),
                                    echo.get("published"), changes))
    return f'<ol class="sentences">{"".join(items)}</ol>'


def _sentence_item(kind: str, sentence, outlet, published, note: str) -> str:
    who = ", ".join(str(part) for part in (outlet, published) if part) or "unknown outlet"
    return (f'<li><span class="tag {kind}">{kind}</span><q>{escape(str(sentence or ""))}</q> '
            f'<span class="who">— {escape(who)}; {escape(note)}</span></li>')


def _conflicts(result: dict, by_id: dict) -> dict[str, list[str]]:
    """For each contradicted observation, in words: ``conflicts with VALPRESS 2025-09-01 by 18,240``."""
    found: dict[str, list[str]] = {}
    for item in result.get("contradictions", []):
        others = ", ".join(_who(by_id.get(str(other)), other) for other in item.get("conflicts_with") or [])
        by = _round(item.get("off_by"))
        found.setdefault(str(item.get("obs_id")), []).append(
            f"conflicts with {others or 'the series'}" + (f" by {number(by)}" if by is not None else ""))
    return found


def _who(obs: dict | None, fallback) -> str:
    if obs is None:
        return str(fallback)
    return " ".join(str(part) for part in (obs.get("outlet") or "unknown outlet", obs.get("published")) if part)


def _conflict_html(obs: dict, conflicts: dict) -> str:
    text = "; ".join(conflicts.get(str(obs.get("id")), []))
    if not text and not obs.get("contradicted"):
        return ""
    return f'<p class="warn">Contradicted{": " + escape(text) if text else ""}</p>'


def _round(value) -> float | None:
    value = _number(value)
    return None if value is None else round(value)
