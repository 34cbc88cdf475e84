"""What the command line says on stderr while it works: messages, and on a terminal one progress
line that is redrawn as documents go (trace and ingest share it)."""
from __future__ import annotations

import sys
import time
from typing import TextIO

import click

from ..errors import Warnings
from ..model.records import Document
from ..settings import LONG_TEXT_CHARS

PROGRESS_AFTER = 3  # a few documents need no progress line; the output itself shows them
REDRAW_S = 0.2  # a line redrawn for every short document would cost more than tracing it


class Console:
    def __init__(self, stream: TextIO | None = None, progress: bool = True):
        self.stream = stream or sys.stderr
        self.live = progress and self.stream.isatty()
        self.shown = False
        self.drawn_at = 0.0

    def say(self, message: str) -> None:
        self.clear()
        click.echo(f"sourcetrace: {message}", file=self.stream)

    def progress(self, seen: int, counts: str, done: int = 0, total: int = 0, unit: str = "bytes") -> None:
        """``counts`` after ``seen`` documents or problems; with ``total``, how far that is: ``done``
        of ``total`` bytes, or (``unit`` "documents") of ``total`` documents."""
        now = time.monotonic()
        if not self.live or seen <= PROGRESS_AFTER or now - self.drawn_at < REDRAW_S:
            return
        share = ("" if not total else f" {done:,} of {total:,} documents" if unit == "documents"
                 else f" {min(done / total, 1):.0%} of {total / 1e6:,.1f} MB")
        self.stream.write(f"\r\033[Ksourcetrace: {counts} …{share}")
        self.stream.flush()
        self.shown, self.drawn_at = True, now

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")  # erase the line so that a message does not run into it
            self.stream.flush()
            self.shown = False


# The extractor reads about 30 KB of text a second on one core (bench/RESULTS.md): past this, a
# user waits long enough to think it hangs unless told.
LONG_TEXT = LONG_TEXT_CHARS


def announce_long(items, console: Console):
    """``items`` unchanged; a document long enough to take minutes is announced as it is read."""
    for item in items:
        if isinstance(item, Document) and len(item.text) > LONG_TEXT:
            console.say(f"{item.source}: {Warnings.W001.format(characters=len(item.text))}")
        yield item
