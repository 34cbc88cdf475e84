"""The one interface every renderer shares (as followthemoney's exporters do): write, then finalize."""
from __future__ import annotations

from typing import TextIO

from ..model.records import Trace


class Renderer:
    """Writes traces to ``stream``: ``write(trace)`` once per document, then ``finalize()`` once.

    A renderer that streams writes in ``write``; one that needs every document first (a single
    JSON object, an HTML page) keeps them and writes in ``finalize``.
    """

    name = ""
    help = ""

    def __init__(self, stream: TextIO, color: bool | None = None):
        self.stream = stream
        self.color = color  # None: colour only when the stream is a terminal
        self.count = 0

    def write(self, trace: Trace) -> None:
        self.count += 1

    def finalize(self) -> None:
        self.stream.flush()
