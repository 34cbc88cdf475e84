"""Writing a command's data object in the format asked for, to standard output or a file, with one
way of failing: a file that cannot be written (E201) or an output that cannot hold what came (E200)
is a usage error, and a run refused early leaves no file."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator, TextIO

import click

from ..errors import Errors, OutputError
from ..report import renderer_for


@contextmanager
def output_stream(output: str) -> Iterator[TextIO]:
    try:
        # Lazy: the file is created at the first write, so a run refused early leaves no file.
        with click.open_file(output, "w", encoding="utf-8", lazy=True) as stream:
            yield stream
    except OutputError as exc:
        raise click.UsageError(str(exc)) from None
    except BrokenPipeError:
        raise
    except click.FileError as exc:  # click's lazy file reports a failed open as this
        raise click.BadParameter(Errors.E201.format(path=output, reason=exc.message), param_hint="--output") from None
    except OSError as exc:
        raise click.BadParameter(Errors.E201.format(path=output, reason=exc.strerror or exc),
                                 param_hint="--output") from None


def emit(kind: str, format_: str, output: str, items: Iterable) -> None:
    """Render ``items`` (one data object, or a row per figure) as ``format_`` to ``output``."""
    with output_stream(output) as stream:
        renderer = renderer_for(kind, format_, stream)
        for item in items:
            renderer.write(item)
        renderer.finalize()
