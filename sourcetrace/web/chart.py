"""The barometer drawn as SVG on the server: the page reads without JavaScript (a month's tooltip
lists its band and reports; each report's mark links to its sentence), and the script only adds
the hover panel.

Months whose band is narrow are what the reports pin down: their column is shaded and their band
drawn dark, at least a few pixels high however narrow it is; a wide band (a yearly total spread
over twelve months) is drawn faint, and months with no data get none. (A narrow band alone is a
sliver: beside wide faint columns the informative months read as gaps.)
The band is what the named records allow; where every report together (unnamed sources too)
allows something else, that is drawn behind it as a hatched outline. A month a dispute touches is
shaded, and the reports on each side of a dispute are diamonds; contradicted reports are crosses. The
scale follows the informative months, the estimate and the standing reports, so that one wide band
or one outlier does not flatten the rest: a report above it is drawn at the top edge, with its value.
"""
from __future__ import annotations

import math
from html import escape

from ..model.words import amount

WIDTH, HEIGHT = 900, 320
INFORMATIVE = 0.5  # a month whose band is at most half as wide as its top is pinned down
MIN_BAND = 5.0  # pixels: the least height a pinned month's band is drawn with
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40


def svg(barometer: dict, href) -> str:
    """``href(observation)``: where its mark leads (the sentence in its document), or None."""
    months = barometer["months"]
    if not months:
        return '<p class="none">No month to draw: no report of this indicator has a period.</p>'
    top = scale_top(barometer)
    x = lambda i: LEFT + (i + 0.5) * (WIDTH - LEFT - RIGHT) / len(months)  # noqa: E731
    y = lambda v: TOP + (HEIGHT - TOP - BOTTOM) * (1 - min(v, top) / top)  # noqa: E731
    step = (WIDTH - LEFT - RIGHT) / len(months)
    parts = [PATTERN, axes(months, top, x, y)]
    parts += [disputed(m, i, x, step) for i, m in enumerate(months) if is_disputed(m)]
    parts += [every_band(m, i, x, y, step, top) for i, m in enumerate(months) if every_differs(m)]
    parts += [band(m, i, x, y, step, top) for i, m in enumerate(months)]
    parts += [hover_column(m, i, x, step, barometer) for i, m in enumerate(months)]  # under the marks
    parts.append(estimate_line(months, x, y))
    parts += marks(barometer, months, x, y, top, href)
    label = f"{barometer['indicator']['label'] or barometer['indicator']['id']} per month"
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')


PATTERN = ('<defs><pattern id="every-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="hatch"/></pattern></defs>')


def every(month: dict) -> dict:
    """What all reports allow in the month (the named records' band when the result has no other)."""
    return month.get("all_reports") or {"low": month["low"], "high": month["high"], "no_data": month["no_data"]}


def every_differs(month: dict) -> bool:
    """All reports together allow something the named records' band does not show."""
    other = every(month)
    return not other["no_data"] and (month["no_data"] or (other["low"], other["high"]) != (month["low"], month["high"]))


def is_disputed(month: dict) -> bool:
    return bool(month.get("disputed") or every(month).get("disputed"))


def tightness(month: dict) -> float:
    """1 for a month pinned to one value, near 0 for a band as wide as its top; 0 with no data."""
    high = month["high"]
    if month["no_data"] or high is None or not math.isfinite(high) or high <= 0:
        return 0.0
    return max(0.0, 1 - (high - month["low"]) / high)


def scale_top(barometer: dict) -> float:
    values = [m["estimate"] or 0 for m in barometer["months"]]
    values += [m["high"] for m in barometer["months"] if tightness(m) >= INFORMATIVE]
    values += [every(m)["high"] for m in barometer["months"] if every_differs(m) and every(m)["high"] is not None]
    placed = placements(barometer["months"])
    values += [per_month(o, len(placed.get(o["id"], ()))) or 0 for o in barometer["observations"]
               if not o["contradicted"] and o["id"] in placed]
    top = max([v for v in values if v is not None and math.isfinite(v)] or [1.0])
    return nice(top * 1.15)


def nice(value: float) -> float:
    magnitude = 10 ** math.floor(math.log10(max(value, 1)))
    return next(step * magnitude for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * magnitude >= value)


def placements(months: list[dict]) -> dict[str, list[int]]:
    """Observation id → the indexes of the months the barometer placed it in."""
    placed: dict[str, list[int]] = {}
    for i, month in enumerate(months):
        for obs_id in month["observations"]:
            placed.setdefault(obs_id, []).append(i)
    return placed


def per_month(obs: dict, months: int = 1) -> float | None:
    """A report's value as a count a month, where it says one: a monthly rate (over however many
    months), or a total over one month."""
    value = obs["value"] if obs["value"] is not None else obs["high"] if obs["high"] is not None else obs["low"]
    if value is None:
        return None
    if obs["measure"] == "rate":
        return value if obs["rate_per"] == "month" else None
    return value if months == 1 else None


def axes(months: list[dict], top: float, x, y) -> str:
    ticks = [top * k / 4 for k in range(5)]
    lines = "".join(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}"/>'
                    f'<text class="tick" x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">{t:,.0f}</text>'
                    for t in ticks)
    every = max(1, math.ceil(len(months) / 12))
    labels = "".join(f'<text class="tick" x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">'
                     f'{escape(m["month"])}</text>' for i, m in enumerate(months) if i % every == 0)
    return lines + labels


def band(month: dict, i: int, x, y, step: float, top: float) -> str:
    tight = tightness(month)
    if month["no_data"]:
        if every_differs(month):
            return ""  # only unnamed sources speak: their band alone, hatched
        return (f'<rect class="nodata" x="{x(i) - step / 2:.1f}" y="{TOP}" width="{step:.1f}" '
                f'height="{HEIGHT - TOP - BOTTOM}"/>')
    left, width = x(i) - step / 2 + 1, max(step - 2, 1)
    high = top if month["high"] is None else month["high"]  # nothing bounds it above: up to the top edge
    if tight < INFORMATIVE:
        return (f'<rect class="band" data-month="{escape(month["month"])}" x="{left:.1f}" y="{y(high):.1f}" '
                f'width="{width:.1f}" height="{max(y(month["low"]) - y(high), 1):.1f}" '
                f'fill-opacity="{0.06 + 0.1 * tight:.2f}"/>')
    middle, height = (y(month["low"]) + y(high)) / 2, max(y(month["low"]) - y(high), MIN_BAND)
    return (f'<rect class="pinned" x="{left:.1f}" y="{TOP}" width="{width:.1f}" height="{HEIGHT - TOP - BOTTOM}"/>'
            f'<rect class="band informative" data-month="{escape(month["month"])}" x="{left:.1f}" '
            f'y="{middle - height / 2:.1f}" width="{width:.1f}" height="{height:.1f}" fill-opacity="{0.5 + 0.4 * tight:.2f}"/>')


def every_band(month: dict, i: int, x, y, step: float, top: float) -> str:
    """What all reports allow, hatched, behind the named records' band."""
    other = every(month)
    high = top if other["high"] is None else other["high"]
    return (f'<rect class="band every" data-month="{escape(month["month"])}" x="{x(i) - step / 2 + 1:.1f}" '
            f'y="{y(high):.1f}" width="{max(step - 2, 1):.1f}" height="{max(y(other["low"]) - y(high), 1):.1f}" '
            f'fill="url(#every-hatch)"/>')


def disputed(month: dict, i: int, x, step: float) -> str:
    """The whole column of a month a dispute touches, shaded: its bands cover every side."""
    return (f'<rect class="disputed" data-month="{escape(month["month"])}" x="{x(i) - step / 2:.1f}" y="{TOP}" '
            f'width="{step:.1f}" height="{HEIGHT - TOP - BOTTOM}"/>')


def estimate_line(months: list[dict], x, y) -> str:
    points = [f"{x(i):.1f},{y(m['estimate']):.1f}" for i, m in enumerate(months) if m["estimate"] is not None]
    return f'<polyline class="estimate" points="{" ".join(points)}"/>' if len(points) > 1 else ""


def marks(barometer: dict, months: list[dict], x, y, top: float, href) -> list[str]:
    """A mark for each report that gives a count a month, over the months the barometer placed it
    in: a dot for one month, a bar across several (a monthly rate over a period)."""
    placed = placements(months)
    out = []
    for obs in barometer["observations"]:
        where = placed.get(obs["id"], [])
        value = per_month(obs, len(where)) if where else None
        if value is None:
            continue
        first, last, at = x(where[0]), x(where[-1]), y(value)
        middle = (first + last) / 2
        side = obs.get("dispute") and not obs["contradicted"]
        shape = (cross(middle, at) if obs["contradicted"] else diamond(middle, at) if side
                 else f'<circle cx="{middle:.1f}" cy="{at:.1f}" r="4"/>')
        if last > first:
            shape = f'<line x1="{first:.1f}" x2="{last:.1f}" y1="{at:.1f}" y2="{at:.1f}"/>' + shape
        over = f'<text class="over" x="{middle + 8:.1f}" y="{TOP + 10}">▲ {value:,.0f}</text>' if value > top else ""
        cls = "obs contradicted" if obs["contradicted"] else "obs disputed" if side else "obs"
        inner = f'<g class="{cls}" data-obs="{escape(obs["id"])}"><title>{escape(obs_line(obs))}</title>{shape}{over}</g>'
        link = href(obs)
        out.append(f'<a href="{escape(link)}">{inner}</a>' if link else inner)
    return out


def cross(cx: float, cy: float) -> str:
    # The circle under the cross is what a pointer hits: a cross's own strokes leave its middle empty.
    return (f'<circle class="hit" cx="{cx:.1f}" cy="{cy:.1f}" r="7"/>'
            f'<path d="M{cx - 5:.1f},{cy - 5:.1f}L{cx + 5:.1f},{cy + 5:.1f}M{cx - 5:.1f},{cy + 5:.1f}'
            f'L{cx + 5:.1f},{cy - 5:.1f}"/>')


def diamond(cx: float, cy: float) -> str:
    return f'<path d="M{cx:.1f},{cy - 6:.1f}L{cx + 6:.1f},{cy:.1f}L{cx:.1f},{cy + 6:.1f}L{cx - 6:.1f},{cy:.1f}Z"/>'


def obs_line(obs: dict) -> str:
    value = amount(obs["bound"], obs["value"], obs["low"], obs["high"], "count", obs["bound"] == "approximate")
    state = (" — contradicted" if obs["contradicted"] else
             f" — one side of a dispute ({obs['dispute']})" if obs.get("dispute") else "")
    return f"{value} · {obs['outlet'] or '?'} {obs['published'] or ''}: “{obs['text']}”{state}"


def hover_column(month: dict, i: int, x, step: float, barometer: dict) -> str:
    """An invisible column over the month: its tooltip without JavaScript, its panel with it."""
    by_id = {o["id"]: o for o in barometer["observations"]}
    reports = [obs_line(by_id[o]) for o in month["observations"] if o in by_id]
    band_text = "no named record" if month["no_data"] else f"named records allow {_range(month['low'], month['high'])}"
    estimate = f", estimate {month['estimate']:,.0f}" if month["estimate"] is not None else ""
    other = every(month)
    also = f"; all reports allow {_range(other['low'], other['high'])}" if every_differs(month) else ""
    fight = "; disputed: the band covers every side" if is_disputed(month) else ""
    tip = "\n".join([f"{month['month']}: {band_text}{estimate}{also}{fight}", *reports[:12],
                     *([f"… and {len(reports) - 12} more"] if len(reports) > 12 else [])])
    return (f'<rect class="hover" data-month="{escape(month["month"])}" x="{x(i) - step / 2:.1f}" y="{TOP}" '
            f'width="{step:.1f}" height="{HEIGHT - TOP - BOTTOM}"><title>{escape(tip)}</title></rect>')


def _range(low: float, high: float | None) -> str:
    return f"{low:,.0f}–{'…' if high is None else f'{high:,.0f}'}"
