"""``sourcetrace barometer`` and ``sourcetrace check``: the store's reports reconciled into a
monthly series, and a claim checked against it. Each is a thin layer over one library call
(``reconcile.barometer.barometer``, ``reconcile.check.check_claim``)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..errors import Errors
from ..registry import Registry, RegistryError
from ..store import DEFAULT_PATH
from .store_commands import open_store

db_option = click.option(
    "--db", type=click.Path(dir_okay=False), default=DEFAULT_PATH, show_default=True, metavar="PATH",
    help="The store that `sourcetrace ingest` filled.")
registry_option = click.option(
    "--registry", "registry_file", type=click.Path(dir_okay=False, exists=True), default=None, metavar="FILE",
    help="A JSON file of sources and indicators merged over the shipped registry "
         "(default: $SOURCETRACE_REGISTRY).")


def _registry(path: str | None) -> Registry:
    try:
        return Registry.load(path)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from None


def _indicator(registry: Registry, text: str) -> str:
    try:
        found = registry.resolve_indicator(text).id
    except LookupError:
        found = None
    if found is None:
        raise click.BadParameter(Errors.E404.format(name=text), param_hint="INDICATOR")
    return found


def _month(ctx, param, value):
    if value is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        raise click.BadParameter(Errors.E601.format(value=value))
    return value


@click.command(short_help="One indicator over time: a monthly series with bounds.")
@click.argument("indicator")
@click.option("--scope", default=None, metavar="WHO", help="Only figures about this country or force, e.g. Ukraine.")
@click.option("--from", "month_from", default=None, metavar="YYYY-MM", callback=_month, help="First month shown.")
@click.option("--to", "month_to", default=None, metavar="YYYY-MM", callback=_month, help="Last month shown.")
@click.option("-f", "--format", "format_", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: months, estimates and bounds, then the observations and contradictions; "
                   "json: schema sourcetrace.barometer/1.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", help="Write here instead of standard output.")
@click.option("--png", type=click.Path(dir_okay=False), default=None, help="Also draw the series as a PNG chart.")
@click.option("--html", type=click.Path(dir_okay=False), default=None,
              help="Also write an interactive chart: one offline HTML page, every point clickable down to its sentences.")
@db_option
@registry_option
def barometer(indicator, scope, month_from, month_to, format_, output, png, html, db, registry_file):
    """Reconcile every stored report about INDICATOR into a monthly series.

    Cumulative totals, yearly counts, monthly rates, bounds and ranges become constraints on monthly
    counts; echoes of one original figure count once; each month gets the lowest and highest value
    the consistent reports allow and a point estimate; reports no consistent series can satisfy are
    listed as contradictions with the reports they conflict with. Every observation carries its
    chain and Admiralty grades (reliability A–F, credibility 1–6) with the reasons.

    \b
    Examples:
      sourcetrace barometer mil.desertion_cases
      sourcetrace barometer desertion --scope Valdoria --from 2024-01 --png desertion.png --html desertion.html
    """
    from ..reconcile.barometer import barometer as build

    if month_from and month_to and month_from > month_to:
        raise click.BadParameter(Errors.E602.format(first=month_from, last=month_to), param_hint="--from/--to")
    registry = _registry(registry_file)
    indicator_id = _indicator(registry, indicator)
    with open_store(db, create=False) as store:
        result = build(store.traces(), indicator_id, registry, scope, month_from, month_to)
    _charts(result, png, html)
    with click.open_file(output, "w", encoding="utf-8") as stream:
        stream.write(json.dumps(result, indent=1, ensure_ascii=False) + "\n" if format_ == "json" else table(result))


def _charts(result: dict, png: str | None, html: str | None) -> None:
    if not (png or html):
        return
    from ..report import charts

    if png:
        charts.render_png(result, Path(png))
        click.echo(f"chart: {png}", err=True)
    if html:
        charts.render_html(result, Path(html))
        click.echo(f"interactive chart: {html}", err=True)


def table(result: dict) -> str:
    label = result["indicator"]["label"] or result["indicator"]["id"]
    lines = [f"{label}" + (f" — {result['scope']}" if result["scope"] else ""),
             f"{result['counts']['observations']} observations ({result['counts']['echoes']} echoes collapsed) "
             f"and {result['counts']['related']} of related indicators, from {result['counts']['documents']} documents", "",
             f"{'month':8}  {'estimate':>10}  {'low':>10}  {'high':>10}  reports"]
    for m in result["months"]:
        if m["no_data"]:
            lines.append(f"{m['month']:8}  {'no data':>10}")
            continue
        high = "∞" if m["high"] is None else f"{m['high']:,.0f}"
        lines.append(f"{m['month']:8}  {m['estimate'] or 0:>10,.0f}  {m['low']:>10,.0f}  {high:>10}  {len(m['observations'])}")
    lines += ["", "Observations (originals; echoes under them; grade = reliability A–F, credibility 1–6)"]
    for o in result["observations"]:
        grade = o["grade"] or {}
        chain = " ← ".join(f"{l['name']} ({l['role']})" for l in o["chain"]) or "no source"
        flag = "  CONTRADICTED" if o["contradicted"] else ("  superseded" if o["superseded_by"] else "")
        lines.append(f"  {o['published'] or '????-??-??'}  {o['outlet'] or '?':16.16}  {o['text']!r:24}  "
                     f"{o['indicator']:26}  {grade.get('reliability', '?')}{grade.get('credibility', '?')}{flag}")
        lines.append(f"      {chain}")
        lines.append(f"      {grade.get('reliability_reason', '')}; {grade.get('credibility_reason', '')}")
        for e in o["echoes"]:
            lines.append(f"      echo: {e['published']} {e['outlet'] or '?'} {e['text']!r} — {', '.join(e['changes'])}")
    if result["related_observations"]:
        related = sorted({o["indicator"] for o in result["related_observations"]})
        lines += ["", f"Also used: {len(result['related_observations'])} observations of {', '.join(related)}, "
                      "which constrain this series through their sum (see --format json)"]
    if result["contradictions"]:
        lines += ["", "Contradictions"]
        for c in result["contradictions"]:
            lines.append(f"  {c['obs_id']}: {c['side']} what the others allow by {c['off_by']:,.0f}; "
                         f"conflicts with {', '.join(c['conflicts_with']) or 'the series'}")
    return "\n".join(lines) + "\n"


@click.command(short_help="Check a claim against the stored reports.")
@click.argument("claim", required=False, metavar="CLAIM")
@click.option("--published", default=None, metavar="YYYY-MM-DD", help="When the claim was made (default: today).")
@click.option("-f", "--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the verdict and why; json: schema sourcetrace.check/1.")
@db_option
@registry_option
def check(claim, published, format_, db, registry_file):
    """Trace CLAIM, find its indicator and period, and compare it with what the stored reports allow.

    The answer is within the bounds, above, below or uncheckable, with the evidence. A label that
    can be read two ways — 'desertion' for AWOL and desertion combined — is tested both ways, and
    the verdict is WITHIN when one reading fits: the explanation says which. CLAIM '-' reads the
    claim from standard input. Exit code 0 whatever the verdict; 1 when the store is missing.

    \b
    Examples:
      sourcetrace check "Valdoria records 20,000 desertion cases a month" --published 2025-06-01
      sourcetrace check "Prosecutors opened 13,470 desertion cases in 2024" --format json
    """
    from ..reconcile.check import check_claim

    if claim == "-":
        claim = click.get_text_stream("stdin").read().strip()
    if not claim:
        raise click.UsageError(Errors.E500)
    registry = _registry(registry_file)
    with open_store(db, create=False) as store:
        result = check_claim(claim, list(store.traces()), registry, published)
    if format_ == "json":
        click.echo(json.dumps(result, indent=1, ensure_ascii=False))
        return
    click.echo(f"claim: {claim}\nverdict: {result['verdict'].upper()}")
    if not result["figures"] and not result["not_checked"]:
        click.echo("  the claim states no figure, so there is nothing to compare")
    for f in result["figures"]:
        click.echo(f"  {f['text']!r}: {f['verdict']} — {f['explanation']}")
    for n in result["not_checked"]:
        click.echo(f"  {n['text']!r}: not checked — {n['reason']}")
