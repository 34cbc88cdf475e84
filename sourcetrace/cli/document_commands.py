"""``sourcetrace documents``, ``delete`` and ``retrace``: the store's documents listed, taken out, and
traced again by newer code. Each is a thin layer over one library call (``Store.documents``,
``store.deletion.delete``, ``refresh.retrace``) that makes one data object."""
from __future__ import annotations

import click

from .. import refresh
from ..errors import Errors
from ..store.deletion import delete as delete_documents
from .console import Console
from .options import db_option, output_options
from .output import emit
from .store_commands import open_store


@click.command(short_help="List the documents in the store.")
@db_option
@click.option("--stale", is_flag=True, help="Only documents whose trace older code made (see `retrace`).")
@output_options("documents")
def documents(db, stale, format_, output):
    """List the stored documents, oldest first: the store's id (what `delete` takes), where each was
    read from, its own id, outlet, date, title, figures, and whether the code that traced it is
    older than the code that runs now.

    \b
    Examples:
      sourcetrace documents
      sourcetrace documents --stale --format jsonl
    """
    with open_store(db, create=False) as store:
        rows = [{**row, "stale": refresh.is_stale(row["generator"] or {})} for row in store.documents()]
    emit("documents", format_, output, [row for row in rows if row["stale"] or not stale])


@click.command(short_help="Delete documents from the store.")
@click.argument("ids", nargs=-1, type=int, metavar="ID...")
@click.option("--input", "inputs", multiple=True, metavar="PATH",
              help="Every document read from this input (a file as it was given to ingest); may be repeated.")
@db_option
@output_options("delete")
@click.pass_context
def delete(ctx, ids, inputs, db, format_, output):
    """Delete the documents with these store ids (the first column of `sourcetrace documents`), or read
    from these inputs, with their traces and figures. An id no document has is named, and the exit
    code is 1; the others are deleted all the same.

    \b
    Examples:
      sourcetrace delete 12 13
      sourcetrace delete --input reports/tass-0502.txt --format json
    """
    if not ids and not inputs:
        raise click.UsageError(Errors.E306)
    with open_store(db, create=False) as store:
        report = delete_documents(store, list(ids), list(inputs))
    report.store = db
    for id_ in report.missing:
        click.echo(f"sourcetrace: {Errors.E307.format(id=id_)}", err=True)
    emit("delete", format_, output, [report])
    ctx.exit(1 if report.missing else 0)


@click.command(short_help="Trace again what older code traced.")
@click.option("--all", "everything", is_flag=True, help="Every stored document, not only the stale ones.")
@db_option
@output_options("retrace")
@click.pass_context
def retrace(ctx, everything, db, format_, output):
    """Trace again every stored document whose trace older code made — another version, model,
    component list, or a change to the tracer's code or language data — and replace its trace and
    figures; the document itself stays as it was read. Progress is shown as it goes; a document that
    fails keeps its old trace and is listed.

    \b
    Examples:
      sourcetrace retrace
      sourcetrace retrace --all --db conflict.db --format json
    """
    console = Console()
    with open_store(db, create=False) as store:
        report = refresh.retrace(store, everything=everything, progress=lambda report, total: console.progress(
            report.retraced + report.failed, report.summary(), report.retraced + report.failed, total, "documents"))
        console.clear()
    report.store = db
    for problem in report.problems:
        click.echo(f"sourcetrace: failed {problem}", err=True)
    emit("retrace", format_, output, [report])
    ctx.exit(1 if report.failed else 0)


def register(group: click.Group) -> None:
    for command in (documents, delete, retrace):
        group.add_command(command)
