"""An indicator's barometer: the chart with its band, the months, the contradictions and disputes, and
the reports behind it, originals apart from their echoes, each leading to its sentence."""
from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from urllib.parse import quote as url_quote

from ...errors import Errors
from ...model.chains import chain_text
from ...model.words import amount
from ...reconcile.barometer import barometer as build
from .. import chart, params
from ..errors import WebError
from ..render import Page, url

SCHEMA = "sourcetrace.page.barometer/1"


def barometer_key(indicator: str, scope=None, month_from=None, month_to=None) -> tuple:
    return ("barometer", indicator, scope, month_from, month_to)


def compute(state, indicator: str, scope, month_from, month_to):
    """The barometer (schema barometer/2, as the CLI writes it) and where each of its documents is
    stored: its own id → the store's id (None when two stored documents share that own id)."""
    def run() -> dict:
        stored = list(state.store.stored_traces())
        where: dict = {}
        for document_id, trace in stored:
            own = trace["document"].get("id")
            where[own] = None if own in where else document_id
        result = build((trace for _, trace in stored), indicator, state.registry, scope, month_from, month_to)
        return {"barometer": result, "stored_as": {str(k): v for k, v in where.items()}}
    return run


def indicator_id(state, text: str) -> str:
    try:
        found = state.registry.resolve_indicator(text).id
    except LookupError:
        found = None
    if found is None:
        raise WebError(404, Errors.E404.format(name=text))
    return found


def handle(state, request) -> Page:
    indicator = indicator_id(state, request.path_params["id"])
    query = request.query_params
    scope, month_from, month_to = params.text(query, "scope", 100), params.month(query, "from"), params.month(query, "to")
    if month_from and month_to and month_from > month_to:
        raise params.bad("from", Errors.E602.format(first=month_from, last=month_to))
    result = state.derived.get(barometer_key(indicator, scope, month_from, month_to),
                               compute(state, indicator, scope, month_from, month_to))
    data = {"schema": SCHEMA, "indicator": indicator, "scope": scope, "from": month_from, "to": month_to,
            "computed": {"at": datetime.fromtimestamp(result.computed_at, timezone.utc).isoformat(timespec="seconds"),
                         "seconds": round(result.seconds, 3), "current": result.current},
            "stored_as": result.value["stored_as"], "barometer": result.value["barometer"]}
    label = data["barometer"]["indicator"]["label"] or indicator
    return Page(f"Barometer: {label}", data, body, scripts=(BAROMETER_SCRIPT,))


def doc_href(data: dict, document_id: str | None, figure_id: str | None) -> str:
    stored = data["stored_as"].get(str(document_id))
    if stored is None:  # unknown or shared own id: the documents that carry it
        return url("/documents", q=document_id)
    return f"/doc/{stored}" + (f"#{url_quote(figure_id)}" if figure_id else "")


ECHOES_SHOWN = 20  # under each original; the JSON has them all
_RENDERED: dict = {}  # the part of the page that follows from the barometer alone, by its result


def body(data: dict) -> str:
    return summary_html(data) + form_html(data) + rendered(data)


def rendered(data: dict) -> str:
    """Chart, months and reports, written once for each barometer worked out (a store of ten thousand
    documents makes a page of many reports) and kept while it is served."""
    key = id(data["barometer"])
    found = _RENDERED.get(key)
    if found is None or found[0] is not data["barometer"]:
        found = (data["barometer"], chart_and_tables(data))
        if len(_RENDERED) > 16:
            _RENDERED.clear()
        _RENDERED[key] = found
    return found[1]


def chart_and_tables(data: dict) -> str:
    b = data["barometer"]
    href = lambda obs: doc_href(data, obs["document_id"], obs["id"].rpartition("#")[2])  # noqa: E731
    return "".join([
        '<div class="chart-wrap">', chart.svg(b, href),
        '<aside id="month-panel" class="month-panel" aria-live="polite">'
        '<p class="none">Hover over a month to list its reports; click one to open its sentence.</p></aside></div>',
        legend_html(), months_html(b), contradictions_html(data), disputes_html(b),
        observations_html(data, "Reports", b["observations"]),
        observations_html(data, "Related indicators' reports (they constrain the series too)",
                          b["related_observations"], collapsed=True),
    ])


def summary_html(data: dict) -> str:
    b, computed = data["barometer"], data["computed"]
    c = b["counts"]
    fresh = "" if computed["current"] else " The store has changed since; a new barometer is being worked out: reload in a moment."
    # named and unnamed count the related indicators' reports too (barometer/2's counts)
    return (f'<p class="summary">{c["observations"]:,} reports ({c["echoes"]:,} echoes of them counted once) and '
            f'{c["related"]:,} of related indicators: {c["named"]:,} from named origins and {c["unnamed"]:,} unnamed, '
            f'from {c["documents"]:,} documents; '
            f'{c["contradicted"]:,} contradicted, {c["disputes"]:,} disputes.</p>'
            f'<p class="meta">Worked out at {escape(computed["at"])} in {computed["seconds"]:.2f} s.{escape(fresh)}</p>')


def form_html(data: dict) -> str:
    value = lambda name: escape(data.get(name) or "")  # noqa: E731
    return (f'<form class="filters" method="get" action="/indicator/{escape(url_quote(data["indicator"]))}">'
            f'<label>scope <input name="scope" value="{value("scope")}" placeholder="e.g. Valdoria"></label>'
            f'<label>from <input type="month" name="from" value="{value("from")}"></label>'
            f'<label>to <input type="month" name="to" value="{value("to")}"></label>'
            '<button type="submit">Show</button></form>')


def legend_html() -> str:
    return ('<p class="legend chart-legend">what the named records allow: <span class="sw pinned-sw"></span> a month '
            'they pin down (<span class="sw band-sw"></span> its band) <span class="sw faint-sw"></span> a wide band '
            '<span class="sw est-sw"></span> estimate '
            '<span class="sw dot-sw"></span> a report of one month <span class="sw cross-sw">✕</span> contradicted '
            '<span class="sw every-sw"></span> what all reports allow, unnamed sources too, where it differs '
            '<span class="sw disputed-sw"></span> a disputed month <span class="sw diamond-sw">◆</span> '
            'a side of a dispute</p>')


def fmt(value) -> str:
    return "—" if value is None else f"{value:,.0f}"


def months_html(b: dict) -> str:
    rows = "".join(
        f'<tr id="m-{escape(m["month"])}" class="{"nodata" if m["no_data"] else "tight" if chart.tightness(m) >= chart.INFORMATIVE else ""}">'
        f'<td>{escape(m["month"])}</td><td class="n">{fmt(m["estimate"])}</td>'
        f'<td class="n">{"no data" if m["no_data"] else fmt(m["low"]) + "–" + fmt(m["high"])}</td>'
        f'<td class="n">{"no data" if m["all_reports"]["no_data"] else fmt(m["all_reports"]["low"]) + "–" + fmt(m["all_reports"]["high"])}</td>'
        f'<td>{"disputed" if m["disputed"] else ""}</td><td class="n">{len(m["observations"])}</td></tr>'
        for m in b["months"])
    head = ("<tr><th>month</th><th>estimate</th><th>named records allow</th><th>all reports allow</th>"
            "<th></th><th>reports</th></tr>")
    return f'<h2>Months</h2><table class="list months">{head}{rows}</table>'


def contradictions_html(data: dict) -> str:
    b = data["barometer"]
    by_id = {o["id"]: o for o in b["observations"] + b["related_observations"]}
    items = []
    for c in b["contradictions"]:
        obs = by_id.get(c["obs_id"], {})
        against = ", ".join(obs_link(data, by_id.get(other), other) for other in c["conflicts_with"])
        verdict = "outweighed" if c["outweighed"] else "not outweighed"
        items.append(f'<li>{obs_link(data, obs, c["obs_id"])}: {escape(c["side"])} what the others allow by '
                     f'{fmt(c["off_by"])} ({verdict}); against {against or "—"}</li>')
    if not items:
        return '<h2>Contradictions</h2><p class="none">None: the reports hold together.</p>'
    return f'<h2>Contradictions ({len(items)})</h2><ul class="contradictions">{"".join(items)}</ul>'


def obs_link(data: dict, obs: dict | None, obs_id: str) -> str:
    if not obs:
        return escape(obs_id)
    label = f'“{obs["text"]}” ({obs["outlet"] or "?"}, {obs["published"] or "undated"})'
    return f'<a href="{escape(doc_href(data, obs["document_id"], obs["id"].rpartition("#")[2]))}">{escape(label)}</a>'


def disputes_html(b: dict) -> str:
    if not b["disputes"]:
        return ""
    items = "".join(f'<li>{escape(d["id"])}: months {escape(", ".join(d["months"][:6]))}'
                    f'{"…" if len(d["months"]) > 6 else ""}; sides: '
                    f'{escape(" | ".join(", ".join(side["reports"]) for side in d["sides"]))}</li>' for d in b["disputes"])
    return f'<h2>Disputes ({len(b["disputes"])})</h2><ul>{items}</ul>'


def observations_html(data: dict, title: str, observations: list[dict], collapsed: bool = False) -> str:
    if not observations:
        return ""
    rows = "".join(observation_rows(data, obs) for obs in observations)
    head = ("<tr><th>report</th><th>value</th><th>period</th><th>chain</th><th>grade</th><th>status</th></tr>")
    table = f'<table class="list observations">{head}{rows}</table>'
    heading = f"{escape(title)} ({len(observations)})"
    if collapsed:
        return f"<details><summary>{heading}</summary>{table}</details>"
    return f"<h2>{heading}</h2><p class=\"meta\">Each original report; the reports that echo it are listed under it.</p>{table}"


def observation_rows(data: dict, obs: dict) -> str:
    months = " ".join(months_of(obs, data["barometer"]))
    grade = obs.get("grade") or {}
    value = amount(obs["bound"], obs["value"], obs["low"], obs["high"], "count", obs["bound"] == "approximate",
                   obs["rate_per"])
    status = ("contradicted" if obs["contradicted"] else f"disputed ({obs['dispute']})" if obs["dispute"]
              else f"superseded by {obs['superseded_by']}" if obs["superseded_by"] else "stands")
    chain = chain_text(obs["chain"], limit=None)  # as the report, the store and the charts write it
    grade_text = f'{grade.get("reliability", "")}{grade.get("credibility", "")}'
    why = f'{grade.get("reliability_reason", "")}; {grade.get("credibility_reason", "")}'
    row = (f'<tr class="original{" contradicted" if obs["contradicted"] else ""}" id="o-{escape(obs["id"])}" '
           f'data-months="{escape(months)}"><td>{obs_link(data, obs, obs["id"])}'
           f'<div class="sentence">{escape(obs["sentence"] or "")}</div></td><td class="n">{escape(value)}</td>'
           f'<td>{escape(obs["period_start"] or "?")} – {escape(obs["period_end"] or "?")}</td>'
           f'<td>{escape(chain)}</td><td title="{escape(why)}">{escape(grade_text)}</td><td>{escape(status)}</td></tr>')
    echoes = "".join(
        f'<tr class="echo"><td>↳ echo: <a href="{escape(doc_href(data, e["document_id"], e["figure_id"]))}">'
        f'“{escape(e["text"])}” ({escape(e["outlet"] or "?")}, {escape(e["published"] or "undated")})</a></td>'
        f'<td colspan="5">{escape(", ".join(e["changes"]) or "repeated as it was")}</td></tr>'
        for e in obs["echoes"][:ECHOES_SHOWN])
    more = len(obs["echoes"]) - ECHOES_SHOWN
    if more > 0:
        echoes += f'<tr class="echo"><td colspan="6">… and {more:,} more echoes (all in this page\'s JSON)</td></tr>'
    return row + echoes


def months_of(obs: dict, b: dict) -> list[str]:
    return [m["month"] for m in b["months"] if obs["id"] in m["observations"]]


# Hovering a month lists its reports in the panel beside the chart (read from the table below it);
# clicking a month keeps the panel; a report's link opens its sentence.
BAROMETER_SCRIPT = """
(function () {
  var panel = document.getElementById("month-panel"), pinned = null;
  if (!panel) { return; }
  function show(month) {
    var rows = document.querySelectorAll("tr.original[data-months]"), list = document.createElement("ul"), n = 0;
    rows.forEach(function (row) {
      if (row.getAttribute("data-months").split(" ").indexOf(month) < 0) { return; }
      var link = row.querySelector("a"), item = document.createElement("li");
      item.appendChild(link.cloneNode(true));
      list.appendChild(item); n += 1;
    });
    var head = document.createElement("h3"), monthRow = document.getElementById("m-" + month);
    head.textContent = month + (monthRow ? ": " + monthRow.children[2].textContent : "") + " · " + n + " report" + (n === 1 ? "" : "s");
    panel.replaceChildren(head, list);
    panel.setAttribute("data-month", month);
  }
  document.querySelectorAll("svg.chart rect.hover").forEach(function (rect) {
    var month = rect.getAttribute("data-month");
    rect.addEventListener("mouseenter", function () { if (!pinned) { show(month); } });
    rect.addEventListener("click", function () { pinned = pinned === month ? null : month; show(month); });
  });
})();
"""
