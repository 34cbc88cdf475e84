"""The web app's style, added to the trace page's (``report/assets.py``); inline like it, so that every
page is whole and loads nothing from anywhere."""
from __future__ import annotations

STYLE = """
header.page nav { display: flex; gap: 1rem; flex-wrap: wrap; margin-bottom: .3rem; font-size: 14px; }
header.page nav a { color: #0a4f8a; text-decoration: none; }
header.page nav a.here { font-weight: 700; }
header.page nav a.as-json { margin-left: auto; color: #666; }
main { padding: 1rem 2rem 2rem; }
main section.doc { padding: 0; border: 0; }
form.filters, form.check, form.upload { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center;
  margin: 0 0 1rem; }
form.filters input[type=search] { min-width: 20rem; flex: 1; }
form.check { flex-direction: column; align-items: stretch; max-width: 50rem; }
form.check textarea { font: inherit; }
input, select, button, textarea { font: inherit; padding: .25rem .4rem; }
table.list { border-collapse: collapse; width: 100%; background: #fff; }
table.list th, table.list td { border-bottom: 1px solid #e3e3e3; padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
table.list td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.months tr.nodata td { color: #999; }
table.months tr.tight td { background: #eef4ff; }
tr.echo td { font-size: 13px; color: #555; padding-left: 1.5rem; }
tr.contradicted td { background: #fff0f0; }
.sentence, .snippet { font-size: 13px; color: #444; }
mark { background: #ffe27a; }
.summary { font-weight: 600; }
nav.pages { margin: 1rem 0; display: flex; gap: 1rem; }
p.error { color: #b00020; font-weight: 600; }
.grade { font-size: 13px; color: #333; }
.verdict { font-size: 1.2rem; }
.v-above, .v-below { color: #b00020; }
.v-within { color: #1a7f37; }
.chart-wrap { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14rem, 1fr); gap: 1rem; align-items: start; }
@media (max-width: 900px) { .chart-wrap { grid-template-columns: minmax(0, 1fr); } }
svg.chart { width: 100%; height: auto; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
svg.chart .grid { stroke: #eee; }
svg.chart .tick { font: 11px system-ui, sans-serif; fill: #555; }
svg.chart .band { fill: #2f6fd6; }
svg.chart .pinned { fill: #2f6fd6; fill-opacity: .16; }
svg.chart .nodata { fill: #f3f3f3; }
svg.chart .band.every { fill-opacity: 1; stroke: #6a51a3; stroke-width: 1; }
svg.chart .hatch { stroke: #6a51a3; stroke-width: 1.2; }
svg.chart .disputed { fill: #7b3294; fill-opacity: .08; }
svg.chart .obs.disputed path { fill: #7b3294; stroke: #fff; }
svg.chart .estimate { fill: none; stroke: #111; stroke-width: 2; pointer-events: none; }
svg.chart .obs circle { fill: #c05600; stroke: #fff; }
svg.chart .obs circle.hit { fill: transparent; stroke: none; }
svg.chart .obs line { stroke: #c05600; stroke-width: 3; }
svg.chart .obs.contradicted line { stroke: #b00020; }
svg.chart .obs.contradicted path { stroke: #b00020; stroke-width: 2.5; }
svg.chart .over { font: 11px system-ui, sans-serif; fill: #b00020; }
svg.chart .hover { fill: transparent; cursor: pointer; }
svg.chart .hover:hover { fill: rgba(0, 0, 0, .05); }
.month-panel { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .5rem .8rem; font-size: 14px;
  max-height: 22rem; overflow: auto; }
.month-panel h3 { font-size: 1rem; margin: .2rem 0 .4rem; }
.chart-legend .sw { display: inline-block; width: 1rem; height: .7rem; margin: 0 .2rem 0 .8rem; vertical-align: middle; }
.band-sw { background: #2f6fd6; opacity: .5; } .pinned-sw { background: #2f6fd6; opacity: .16; }
.faint-sw { background: #2f6fd6; opacity: .08; } .est-sw { border-top: 2px solid #111; height: 0 !important; }
.dot-sw { background: #c05600; border-radius: 50%; width: .7rem !important; } .cross-sw { color: #b00020; width: auto !important; }
.every-sw { border: 1px solid #6a51a3; background: repeating-linear-gradient(45deg, #6a51a3 0 1px, transparent 1px 4px); } .disputed-sw { background: #7b3294; opacity: .25; }
.diamond-sw { color: #7b3294; width: auto !important; }
table.entry th { text-align: left; padding-right: 1rem; vertical-align: top; }
progress { width: 100%; max-width: 40rem; height: 1.2rem; }
"""
