"""Options shared by several commands, each defined once (as sqlite-utils and dbt do): what to
read (input_options), where to write and in which format (output_options), the store (db_option),
the registry (registry_option) and a span of months (months_options)."""
from __future__ import annotations

import functools

import click

from ..errors import Errors, InputError
from ..ingest import Overrides, parse_size
from ..ingest.overrides import language_code
from ..model.dates import normalise_published
from ..model.months import month_end, month_start
from ..registry import ENV_VAR
from ..report import format_help, formats
from ..settings import MAX_DOCUMENT_BYTES, MAX_LINE_BYTES
from ..store import DEFAULT_PATH

# Older spellings still taken: query, sources, indicators and barometer once said "table".
FORMAT_ALIASES = {"table": "text"}


class ByteSize(click.ParamType):
    """``50000000``, ``50M``, ``50MB``, ``500K``."""

    name = "bytes"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError:
            self.fail(Errors.E600.format(value=value), param, ctx)


class Format(click.Choice):
    """The formats a kind of output has; an older spelling is read as the format it now has."""

    def convert(self, value, param, ctx):
        return super().convert(FORMAT_ALIASES.get(value, value), param, ctx)


class Month(click.ParamType):
    """``YYYY-MM``, or ``YYYY-MM-DD`` where a day is meant."""

    name = "month"

    def convert(self, value, param, ctx):
        try:
            month_start(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        return value


def _published(ctx, param, value):
    try:
        return normalise_published(value)
    except InputError as exc:
        raise click.BadParameter(str(exc)) from None


def _language(ctx, param, value):
    try:
        return language_code(value)
    except InputError as exc:
        raise click.BadParameter(str(exc)) from None


def stack(*options):
    """One decorator that applies several options, in the order they are listed in --help."""

    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def published_option(help: str):
    return click.option("--published", metavar="YYYY-MM-DD", callback=_published, help=help)


def input_options(command):
    """What to read and how: --outlet, --published, --url and --language reach the command as one
    ``overrides``; --max-bytes and --max-line-bytes as they are."""

    @functools.wraps(command)
    def gathered(*args, outlet=None, published=None, url=None, language=None, **kwargs):
        return command(*args, overrides=Overrides(outlet, published, url, language), **kwargs)

    return _input_options(gathered)


_input_options = stack(
    click.option("--outlet", metavar="NAME",
                 help="The outlet that published the input(s), e.g. TASS. Replaces what the input says."),
    published_option("Publication date; 'yesterday' and 'last week' in the text count from it. "
                     "A full ISO timestamp is cut to its date."),
    click.option("--url", metavar="URL", help="Where the report was published."),
    click.option("--language", metavar="CODE", callback=_language,
                 help="The language of the input(s), e.g. en, instead of reading it off the script. "
                      "Replaces what the input says."),
    click.option("--max-bytes", type=ByteSize(), default=MAX_DOCUMENT_BYTES, show_default="20M",
                 help="Refuse a document larger than this (a file, a page in a web archive, a JSON line's "
                      "text), e.g. 50M."),
    click.option("--max-line-bytes", type=ByteSize(), default=MAX_LINE_BYTES, show_default="50M",
                 help="Skip a JSON line longer than this without reading it into memory."),
)


def output_options(kind: str):
    """--format, with the formats this kind of output has, and --output."""
    return stack(
        click.option("--format", "-f", "format_", type=Format(formats(kind)), default="text", show_default=True,
                     help=f"Output format. {format_help(kind)}."),
        click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                     help="Write the output to this file instead of standard output."),
    )


traceback_option = click.option(
    "--traceback", is_flag=True, help="When the extractor fails on a document, print the full traceback (for bug reports).")

db_option = click.option(
    "--db", type=click.Path(dir_okay=False), default=DEFAULT_PATH, show_default=True, metavar="PATH",
    help="The store: the SQLite file 'sourcetrace ingest' creates and adds to, and the other commands read.")

registry_option = click.option(
    "--registry", "registry_file", metavar="FILE", type=click.Path(dir_okay=False),
    help=f"A JSON file of your own sources and indicators, merged over the built-in ones: known ids "
         f"are extended, new ids added. Default: ${ENV_VAR} when it is set.")


def months_options(command):
    """--from and --to (``month_from``, ``month_to``), checked to be in order."""

    @functools.wraps(command)
    def checked(*args, month_from=None, month_to=None, **kwargs):
        if month_from and month_to and month_start(month_from) > month_end(month_to):
            raise click.BadParameter(Errors.E602.format(first=month_from, last=month_to), param_hint="--from/--to")
        return command(*args, month_from=month_from, month_to=month_to, **kwargs)

    return stack(
        click.option("--from", "month_from", type=Month(), metavar="YYYY-MM",
                     help="The first month: figures whose period reaches into it or later; where the series starts."),
        click.option("--to", "month_to", type=Month(), metavar="YYYY-MM",
                     help="The last month: figures whose period starts in it or earlier; where the series ends."),
    )(checked)
