"""``sourcetrace ingest`` and ``sourcetrace query``: the store from the command line, each a thin
layer over one library call (``batch.run`` into the store, ``Store.figures``)."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import click

from .. import batch, refresh
from ..errors import Warnings
from ..ingest import Inputs
from ..model.problems import InputProblem
from ..store import Store, StoreError
from .console import Console
from .options import db_option, input_options, months_options, output_options
from .output import emit

@click.command(short_help="Trace reports into a store: files, folders, web archives.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@db_option
@input_options
@output_options("ingest")
@click.option("--replace", is_flag=True,
              help="A document stored in another version (the same input and id, URL or file, with other text "
                   "or metadata) is traced again and takes the old version's place. Without it such a "
                   "document is skipped and listed (W007).")
@click.pass_context
def ingest(ctx, inputs, db, overrides, max_bytes, max_line_bytes, format_, output, replace):
    """Trace each INPUT and keep what was found in a store, to query across many reports.

    An INPUT is a file or a folder, read with everything below it: .txt, .html/.htm, .jsonl (one
    document per line) and web archives, .warc/.warc.gz (each HTML or text page in them). Other
    files in a folder are skipped and listed with the reason; a file named on its own is read as
    text. A document whose text is in the store already is not traced again, so running the same
    ingest twice adds nothing. A document is known by its text and by where it came from (its input
    and its own id or URL, or the file): two inputs that both call a document "1" hold two
    documents, and a corrected copy of a stored one (a new date, a fixed typo) is listed as such and
    left alone unless --replace is given. Every trace records the code and registry that made it;
    `sourcetrace retrace` traces again what older code made.

    Each document is stored whole or not at all: an ingest that was interrupted can simply be run
    again. Exit code: 0 when nothing failed (skipped files are no failure), 1 when an input does not
    exist or a document could not be traced or stored.

    \b
    Examples:
      sourcetrace ingest reports/
      sourcetrace ingest crawl.warc.gz --db conflict.db
      sourcetrace ingest tass/*.txt --outlet TASS
    """
    reading = Inputs(inputs, overrides, max_bytes, max_line_bytes, passed_over=Store(db).files())
    if reading.files and all(isinstance(item, InputProblem) and item.failed for item in reading.files):
        # Nothing named exists: say so, and leave no empty store behind.
        for problem in reading.files:
            click.echo(f"sourcetrace: failed {problem}", err=True)
        ctx.exit(1)
    console = Console()
    with open_store(db, create=True) as store:
        sink = store.replacing() if replace else store
        report = batch.run(reading, sink, tracer=refresh.tracer(), progress=lambda report: console.progress(
            report.new + report.duplicate + report.skipped + report.failed, report.summary(),
            reading.bytes_done, reading.bytes_total))
        console.clear()
    report.sink = str(store.path)
    list_problems(report)
    emit("ingest", format_, output, [report])
    ctx.exit(0 if report.ok else 1)


@click.command(short_help="List the figures in the store, filtered.")
@db_option
@click.option("--indicator", metavar="ID",
              help="Figures of this indicator (e.g. mil.desertion_cases), or of a group (mil).")
@click.option("--source", metavar="NAME",
              help="Figures whose attribution chain names this source: part of a name, any case.")
@click.option("--outlet", metavar="NAME", help="Figures from this outlet's documents: the whole name, any case.")
@months_options
@click.option("--language", metavar="CODE", help="Figures from documents in this language, e.g. en.")
@output_options("figures")
def query(db, indicator, source, outlet, month_from, month_to, language, format_, output):
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
        rows = store.figures(indicator=indicator, source=source, outlet=outlet, period_from=month_from,
                             period_to=month_to, language=language)
    if not rows and format_ == "text":
        click.echo(f"sourcetrace: {Warnings.W002}", err=True)
        return
    emit("figures", format_, output, rows)


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


def list_problems(report: batch.Report) -> None:
    """What went wrong, on stderr: the first problems of each kind; the store has them all."""
    for word, count, failed in (("skipped", report.skipped, False), ("failed", report.failed, True)):
        for problem in (problem for problem in report.problems if problem.failed == failed):
            click.echo(f"sourcetrace: {word} {problem}", err=True)
        if count > batch.KEEP_PROBLEMS:
            click.echo(f"sourcetrace: {Warnings.W005.format(count=count - batch.KEEP_PROBLEMS, word=word)}", err=True)


def register(group: click.Group) -> None:
    for command in (ingest, query):
        group.add_command(command)
