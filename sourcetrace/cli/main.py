"""``sourcetrace``: the command line, a thin layer over the library (ingest → trace → report)."""
from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
from importlib.resources import as_file, files

import click

from .. import batch
from ..errors import Errors, Warnings
from ..ingest import Inputs, Overrides
from ..report import renderer_for
from ..version import __version__
from .console import PROGRESS_AFTER, Console, announce_long
from .options import input_options, output_options, traceback_option
from .output import output_stream
from .sinks import RendererSink
from .registry_commands import register as register_registry_commands
from .document_commands import register as register_document_commands
from .store_commands import register as register_store_commands
from .reconcile_commands import barometer as barometer_command, check as check_command
from .web_commands import register as register_web_commands

EXAMPLE = ("examples", "example-report.txt")
# Libraries that log their own complaints about odd HTML; sourcetrace reports the problem itself.
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


@contextlib.contextmanager
def _numbered_usage():
    """A usage error click finds itself (no such option or command, a missing argument, a value not
    among the choices) gets its number, E603, like every other problem the command line reports."""
    try:
        yield
    except click.UsageError as error:
        problem = error.format_message()
        if re.search(r"\[[EW]\d{3}\]", problem):
            raise
        raise click.UsageError(Errors.E603.format(problem=problem), ctx=error.ctx) from error


class NumberedGroup(click.Group):
    """The command group; parsing its own arguments and each command's happens inside these two."""

    def make_context(self, *args, **kwargs):
        with _numbered_usage():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with _numbered_usage():
            return super().invoke(ctx)


@click.group(cls=NumberedGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="sourcetrace")
def cli():
    """Trace where a reported number comes from.

    sourcetrace reads news reports about conflicts and finds every figure, who it is attributed
    to (outlet ← relay ← … ← origin), the hedges that weaken it, the incidents reported and the
    claims that name no source, each with its place in the text.

    \b
    Examples:
      sourcetrace demo
      sourcetrace trace report.txt --outlet TASS --published 2025-05-03
      sourcetrace trace page.html --format html -o report.html
    """
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


@cli.command(short_help="Trace reports: figures, sources, hedges, incidents.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@input_options
@output_options("trace")
@traceback_option
@click.pass_context
def trace(ctx, inputs, overrides, max_bytes, max_line_bytes, format_, output, traceback):
    """Trace each INPUT: a text, HTML, JSON lines or web archive file, a folder, or '-' for
    standard input.

    The reader is chosen by extension: .html/.htm (the article's main text and its metadata),
    .jsonl (one document per line: {"text": ..., "id", "url", "outlet", "published", "title",
    "language"}), .warc/.warc.gz (each page in it), anything else as plain text. A folder is read
    with everything below it, as `sourcetrace ingest` reads it. --outlet, --published, --url and
    --language replace what the inputs say.

    An input that cannot be read or traced is reported on stderr and the others go on. Exit code:
    0 when every input was traced, 1 when some failed, 2 for a usage error. --format json writes
    one JSON object and so takes exactly one document; for several use --format jsonl.

    \b
    Examples:
      sourcetrace trace report.txt --outlet TASS --published 2025-05-03
      sourcetrace trace reports/*.txt --format jsonl -o traces.jsonl
      curl -s https://example.org/story | sourcetrace trace - --format html -o story.html
    """
    if format_ == "json" and len(inputs) > 1:
        raise click.UsageError(Errors.E200.format(count=f"{len(inputs)} inputs"))
    ctx.exit(write_traces(Inputs(inputs, overrides, max_bytes, max_line_bytes), format_, output, traceback))


EXAMPLE_PUBLISHED = "2026-03-14"


@cli.command(short_help="The walk-through: ingest the demo corpus, the barometer, a claim check.")
@click.option("--example", is_flag=True,
              help="Only trace the example report (sourcetrace/examples/example-report.txt) and show it.")
@click.option("--db", type=click.Path(dir_okay=False), default="sourcetrace-demo.db", show_default=True,
              metavar="PATH", help="The store the walk-through fills (made anew each run).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="sourcetrace-demo", show_default=True,
              metavar="DIR", help="Where the walk-through writes its charts and JSON.")
@output_options("trace")
@traceback_option
@click.pass_context
def demo(ctx, example, db, out_dir, format_, output, traceback):
    """Run the walk-through on the fictional demo corpus that ships with sourcetrace.

    It ingests 17 reports about desertion in the (fictional) Valdorian army into a store, builds
    the barometer of desertion cases per month — bounds, estimate, echoes, grades, the report that
    contradicts the rest — draws it as a PNG and an interactive HTML page, and checks two claims
    against it. Each step is one ordinary command; they are printed as they run.

    \b
    Examples:
      sourcetrace demo
      sourcetrace demo --example                       # trace the example report only
      sourcetrace demo --example --format html -o example.html
    """
    if example:
        ctx.exit(_trace_example(format_, output, traceback))
    from .demo import walk_through

    ctx.exit(walk_through(db, out_dir))


def _trace_example(format_, output, traceback) -> int:
    example = files("sourcetrace").joinpath(*EXAMPLE)
    if not example.is_file():
        raise click.ClickException(Errors.E101.format(path="/".join(EXAMPLE)))
    with as_file(example) as path:
        # The example's dateline gives the day, not the year; its publication date is part of it.
        return write_traces(Inputs([path], Overrides(published=EXAMPLE_PUBLISHED)), format_, output, traceback)


# Which schema describes each command's JSON; `sources` and `indicators` print a registry file.
SCHEMAS = {"trace": "trace-1.json", "barometer": "barometer-2.json", "check": "check-2.json",
           "figures": "figures-1.json", "registry": "registry-1.json", "ingest": "ingest-1.json",
           "documents": "documents-1.json", "delete": "delete-1.json", "retrace": "retrace-1.json"}


@cli.command(short_help="Print the JSON Schema of an output.")
@click.argument("output", type=click.Choice(sorted(SCHEMAS)), default="trace")
def schema(output):
    """Print the JSON Schema of an OUTPUT: trace (what `trace --format json/jsonl` writes, the
    default), barometer (`barometer --format json`), check (`check --format json`), figures (a
    line of `query --format jsonl`), registry (`sources`/`indicators --format json`, and a
    --registry file), ingest (`ingest --format json`), documents (a line of `documents --format
    jsonl`), delete (`delete --format json`) or retrace (`retrace --format json`).

    \b
    Examples:
      sourcetrace schema > trace-1.schema.json
      sourcetrace schema barometer
    """
    path = files("sourcetrace").joinpath("model", "schemas", SCHEMAS[output])
    click.echo(path.read_text(encoding="utf-8"), nl=False)


register_store_commands(cli)  # ingest, query
register_document_commands(cli)  # documents, delete, retrace
register_registry_commands(cli)  # sources, indicators
cli.add_command(barometer_command)
cli.add_command(check_command)
register_web_commands(cli)  # serve


def write_traces(inputs: Inputs, format_: str, output: str, show_traceback: bool) -> int:
    """Trace ``inputs`` and render them to ``output``; the exit code (1 when an input gave no trace)."""
    # A progress line would tangle with a report printed to the same terminal.
    console = Console(progress=output != "-" or not sys.stdout.isatty())
    with output_stream(output) as stream:
        renderer = renderer_for("trace", format_, stream)
        report = batch.run(announce_long(inputs, console), RendererSink(renderer, console, show_traceback),
                           progress=lambda report: _progress(console, report, inputs))
        renderer.finalize()
    return _summarise(report, console)


def _progress(console: Console, report: batch.Report, inputs: Inputs) -> None:
    problems = report.failed + report.skipped
    console.progress(report.new + problems, f"{report.new} traced, {problems} failed", inputs.bytes_done,
                     inputs.bytes_total)


def _summarise(report: batch.Report, console: Console) -> int:
    problems = report.failed + report.skipped
    total = report.new + problems
    if problems:
        console.say(Warnings.W006.format(failed=problems, total=total, traced=report.new))
    elif total > PROGRESS_AFTER:
        console.say(f"{total} documents traced.")
    console.clear()
    return 1 if problems else 0


def main() -> None:
    """The ``sourcetrace`` entry point."""
    try:
        cli(prog_name="sourcetrace")
    except BrokenPipeError:
        # The reader went away (sourcetrace ... | head): not an error; keep Python quiet about it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
