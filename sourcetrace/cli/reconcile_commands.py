"""``sourcetrace barometer`` and ``sourcetrace check``: the store's reports reconciled into a
monthly series, and a claim checked against it. Each is a thin layer over one library call
(``reconcile.barometer.barometer``, ``reconcile.check.check_claim``)."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import Errors
from ..registry import Registry
from .options import db_option, months_options, output_options, published_option, registry_option
from .output import emit
from .registry_commands import load_registry
from .store_commands import open_store


def _indicator(registry: Registry, text: str) -> str:
    try:
        found = registry.resolve_indicator(text).id
    except LookupError:
        found = None
    if found is None:
        raise click.BadParameter(Errors.E404.format(name=text), param_hint="INDICATOR")
    return found


@click.command(short_help="One indicator over time: a monthly series with bounds.")
@click.argument("indicator")
@click.option("--scope", default=None, metavar="WHO", help="Only figures about this country or force, e.g. Ukraine.")
@months_options
@output_options("barometer")
@click.option("--png", type=click.Path(dir_okay=False), default=None, help="Also draw the series as a PNG chart.")
@click.option("--html", type=click.Path(dir_okay=False), default=None,
              help="Also write the interactive chart (what --format html writes) to this file.")
@db_option
@registry_option
def barometer(indicator, scope, month_from, month_to, format_, output, png, html, db, registry_file):
    """Reconcile every stored report about INDICATOR into a monthly series.

    Cumulative totals, yearly counts, monthly rates, bounds and ranges become constraints on monthly
    counts; echoes of one original figure count once; a later figure replaces an earlier one only
    when the same named origin restates it first-hand or as its update or correction. Each month gets the lowest and highest value
    the consistent named records allow (reports whose origin the text names) and a point estimate,
    and beside it what all reports allow, unnamed sources included — they never move the first. A
    report that the reports it conflicts with outweigh is a contradiction; where neither side
    outweighs the other, both are kept as a dispute and the band covers every side. Every
    observation carries its chain and Admiralty grades (reliability A–F, credibility 1–6) with the
    reasons; --format json records the tool, registry and estimator settings that produced it.

    \b
    Examples:
      sourcetrace barometer mil.desertion_cases
      sourcetrace barometer desertion --scope Valdoria --from 2024-01 --png desertion.png --html desertion.html
      sourcetrace barometer desertion --format html -o desertion.html
    """
    from ..reconcile.barometer import barometer as build

    registry = load_registry(registry_file)
    indicator_id = _indicator(registry, indicator)
    with open_store(db, create=False) as store:  # a day given to --from/--to stands for its month
        result = build(store.traces(), indicator_id, registry, scope, month_from and month_from[:7],
                       month_to and month_to[:7])
    _charts(result, png, html)
    emit("barometer", format_, output, [result])


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


@click.command(short_help="Check a claim against the stored reports.")
@click.argument("claim", required=False, metavar="CLAIM")
@published_option("When the claim was made; its 'last month' counts from it (default: today).")
@output_options("check")
@db_option
@registry_option
def check(claim, published, format_, output, db, registry_file):
    """Trace CLAIM, find its indicator and period, and compare it with what the stored reports allow.

    The verdict is WITHIN, ABOVE or BELOW what the named records allow for the claim's months, or
    UNCHECKABLE, saying what is missing (no named record covers those months, or they disagree
    over it). A label that can be read two ways — 'desertion' for AWOL and desertion combined — is
    tested both ways: when only the other reading fits, the verdict is FITS ONLY AS that indicator,
    never WITHIN. The explanation names the months tested, how the claim's value was read and the
    distance. Without --published the claim is read against today, and the answer says so. CLAIM
    '-' reads the claim from standard input. Exit code 0 whatever the verdict; 1 when the store is
    missing.

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
    registry = load_registry(registry_file)
    with open_store(db, create=False) as store:
        result = check_claim(claim, list(store.traces()), registry, published)
    emit("check", format_, output, [result])
