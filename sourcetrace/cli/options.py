"""Options shared by several commands, each defined once (as sqlite-utils and dbt do)."""
from __future__ import annotations

import click

from ..errors import Errors, InputError
from ..ingest import DEFAULT_MAX_BYTES, parse_size
from ..ingest.dates import normalise_published
from ..report import FORMATS, RENDERERS


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


def _published(ctx, param, value):
    try:
        return normalise_published(value)
    except InputError as exc:
        raise click.BadParameter(str(exc)) from None


def _stack(*options):
    """One decorator that applies several options, in the order they are listed in --help."""

    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


input_options = _stack(
    click.option("--outlet", metavar="NAME",
                 help="The outlet that published the input(s), e.g. TASS. Replaces what the input says."),
    click.option("--published", metavar="YYYY-MM-DD", callback=_published,
                 help="Publication date; 'yesterday' and 'last week' in the text count from it. "
                      "A full ISO timestamp is cut to its date."),
    click.option("--url", metavar="URL", help="Where the report was published."),
    click.option("--max-bytes", type=ByteSize(), default=DEFAULT_MAX_BYTES, show_default="20M",
                 help="Refuse an input (or a JSON line) larger than this, e.g. 50M."),
)

_FORMAT_HELP = "; ".join(f"{name}: {RENDERERS[name].help}" for name in FORMATS)

output_options = _stack(
    click.option("--format", "-f", "format_", type=click.Choice(FORMATS), default="text", show_default=True,
                 help=f"Output format. {_FORMAT_HELP}. For several documents as JSON, use jsonl."),
    click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                 help="Write the output to this file instead of standard output."),
    click.option("--traceback", is_flag=True,
                 help="When the extractor fails on a document, print the full traceback (for bug reports)."),
)
