"""``sourcetrace ingest`` and ``sourcetrace query``: the store from the command line, each a thin
layer over one library call (``batch.run`` into the store, ``Store.figures``)."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

import click

from .. import batch
from ..errors import Warnings
from ..ingest import Inputs, Overrides
from ..model.problems import InputProblem
from ..store import DEFAULT_PATH, Store, StoreError
from ..store.formats import WRITERS
from ..store.queries import month_start
from .console import Console
from .options import input_options

db_option = click.option(
    "--db", type=click.Path(dir_okay=False), default=DEFAULT_PATH, show_default=True, metavar="PATH",
    help="The store: an SQLite file that ingest creates and adds to, and query reads.")


@click.command(short_help="Trace reports into a store: files, folders, web archives.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@db_option
@input_options
@click.pass_context
def ingest(ctx, inputs, db, outlet, published, url, max_bytes):
    """Trace each INPUT and keep what was found in a store, to query across many reports.

    An INPUT is a file or a folder, read with everything below it: .txt, .html/.htm, .jsonl (one
    document per line) and web archives, .warc/.warc.gz (each HTML or text page in them). Other
    files in a folder are skipped and listed with the reason; a file named on its own is read as
    text. A document whose text is in the store already is not traced again, so running the same
    ingest twice adds nothing.

    Each document is stored whole or not at all: an ingest that was interrupted can simply be run
    again. Exit code: 0 when nothing failed (skipped files are no failure), 1 when an input does not
    exist or a document could not be traced or stored.

    \b
    Examples:
      sourcetrace ingest reports/
      sourcetrace ingest crawl.warc.gz --db conflict.db
      sourcetrace ingest tass/*.txt --outlet TASS
    """
    reading = Inputs(inputs, Overrides(outlet, published, url), max_bytes, passed_over=Store(db).files())
    if reading.files and all(isinstance(item, InputProblem) and item.failed for item in reading.files):
        # Nothing named exists: say so, and leave no empty store behind.
        for problem in reading.files:
            click.echo(f"sourcetrace: failed {problem}", err=True)
        ctx.exit(1)
    console = Console()
    with open_store(db, create=True) as store:
        report = batch.run(reading, store, progress=lambda report: console.progress(
            report.new + report.duplicate + report.skipped + report.failed, report.summary(),
            reading.bytes_done, reading.bytes_total))
        console.clear()
    summarise(report, store)
    ctx.exit(0 if report.ok else 1)


def _month(ctx, param, value):
    if value is not None:
        try:
            month_start(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


@click.command(short_help="List the figures in the store, filtered.")
@db_option
@click.option("--indicator", metavar="ID",
              help="Figures of this indicator (e.g. mil.desertion_cases), or of a group (mil).")
@click.option("--source", metavar="NAME",
              help="Figures whose attribution chain names this source: part of a name, any case.")
@click.option("--outlet", metavar="NAME", help="Figures from this outlet's documents: the whole name, any case.")
@click.option("--from", "period_from", metavar="YYYY-MM", callback=_month,
              help="Figures whose period reaches into this month or later.")
@click.option("--to", "period_to", metavar="YYYY-MM", callback=_month,
              help="Figures whose period starts in this month or earlier.")
@click.option("--language", metavar="CODE", help="Figures from documents in this language, e.g. en.")
@click.option("--format", "-f", "format_", type=click.Choice(tuple(WRITERS)), default="table", show_default=True,
              help="table: for reading; csv: every column, for a spreadsheet; jsonl: one JSON object a "
                   "figure, with its chain's links.")
def query(db, indicator, source, outlet, period_from, period_to, language, format_):
    """List the figures in the store, one a line, oldest document first.

    Filters combine: a figure is listed when it passes all of them. --from and --to take figures
    whose period overlaps the months given, so a figure the report gives no period for is left
    out by them.

    \b
    Examples:
      sourcetrace query --indicator mil.desertion_cases --from 2024-01 --to 2024-12
      sourcetrace query --source "Prosecutor General" --format csv > figures.csv
      sourcetrace query --outlet TASS --format jsonl --db conflict.db
    """
    with open_store(db, create=False) as store:
        rows = store.figures(indicator=indicator, source=source, outlet=outlet, period_from=period_from,
                             period_to=period_to, language=language)
    if not rows and format_ == "table":
        click.echo(f"sourcetrace: {Warnings.W002}", err=True)
        return
    WRITERS[format_](rows, sys.stdout)


@contextmanager
def open_store(db: str, create: bool) -> Iterator[Store]:
    try:
        store = Store.open(db, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield store
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()


def summarise(report: batch.Report, store: Store) -> None:
    """What went wrong on stderr, the counts on stdout."""
    for word, count, failed in (("skipped", report.skipped, False), ("failed", report.failed, True)):
        for problem in (problem for problem in report.problems if problem.failed == failed):
            click.echo(f"sourcetrace: {word} {problem}", err=True)
        if count > batch.KEEP_PROBLEMS:
            click.echo(f"sourcetrace: {Warnings.W005.format(count=count - batch.KEEP_PROBLEMS, word=word)}", err=True)
    click.echo(f"sourcetrace: {report.summary()} (store: {store.path}).")


def register(group: click.Group) -> None:
    for command in (ingest, query):
        group.add_command(command)
