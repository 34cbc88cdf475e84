"""``sourcetrace ingest`` and ``sourcetrace query``: the store from the command line, each a thin
layer over one library call (``Store.ingest``, ``Store.figures``)."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

import click

from ..errors import Warnings
from ..ingest import Overrides
from ..store import DEFAULT_PATH, IngestReport, Progress, Store, StoreError
from ..store.formats import WRITERS
from ..store.queries import month_start
from .options import input_options

PROGRESS_AFTER = 3  # as for trace: a few documents need no bar
SHOW_PROBLEMS = 20  # per kind; the store's skipped table keeps them all

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
    files are skipped and listed with the reason. A document whose text is in the store already is
    not traced again, so running the same ingest twice adds nothing.

    Each document is stored whole or not at all: an ingest that was interrupted can simply be run
    again. Exit code: 0 when nothing failed (skipped files are no failure), 1 when an input does not
    exist or a document could not be traced or stored.

    \b
    Examples:
      sourcetrace ingest reports/
      sourcetrace ingest crawl.warc.gz --db conflict.db
      sourcetrace ingest tass/*.txt --outlet TASS
    """
    with open_store(db, create=True) as store, ProgressBar() as progress:
        report = store.ingest(inputs, Overrides(outlet, published, url), max_bytes, progress=progress)
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


class ProgressBar:
    """click's progress bar on stderr, on a terminal and past the first few documents. It moves as
    input files are finished, and counts documents as they are stored."""

    def __init__(self):
        self.stream = sys.stderr
        self.bar = None

    def __call__(self, progress: Progress) -> None:
        report = progress.report
        if report.new + report.duplicate + len(report.failed) <= PROGRESS_AFTER or not self.stream.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=max(progress.bytes_total, 1), label="sourcetrace: ingest",
                                         file=self.stream, show_eta=False, item_show_func=lambda text: text)
            self.bar.__enter__()
        self.bar.current_item = report.summary()
        if progress.bytes_done > self.bar.pos:
            self.bar.update(progress.bytes_done - self.bar.pos)
        else:
            self.bar.render_progress()  # update() redraws only when the bar moves; the counts did

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def summarise(report: IngestReport, store: Store) -> None:
    """What went wrong on stderr, the counts on stdout."""
    for word, problems in (("skipped", report.skipped), ("failed", report.failed)):
        for problem in problems[:SHOW_PROBLEMS]:
            click.echo(f"sourcetrace: {word} {problem.input}: {problem.problem}", err=True)
        if len(problems) > SHOW_PROBLEMS:
            click.echo(f"sourcetrace: {Warnings.W005.format(count=len(problems) - SHOW_PROBLEMS, word=word)}",
                       err=True)
    click.echo(f"sourcetrace: {report.summary()} (store: {store.path}).")


def register(group: click.Group) -> None:
    for command in (ingest, query):
        group.add_command(command)
