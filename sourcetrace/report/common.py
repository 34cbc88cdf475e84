"""The one interface every renderer shares (as followthemoney's exporters do): write, then finalize."""
from __future__ import annotations

from typing import Any, TextIO


class Renderer:
    """Writes a command's data objects to ``stream``: ``write(item)`` for each (one barometer, one
    check; a trace per document, a row per figure), then ``finalize()`` once.

    A renderer that streams writes in ``write``; one that needs every item first (a single JSON
    object, an HTML page, a table sized to its widest cell) keeps them and writes in ``finalize``.
    """

    def __init__(self, stream: TextIO, color: bool | None = None):
        self.stream = stream
        self.color = color  # None: colour only when the stream is a terminal
        self.count = 0

    def write(self, item: Any) -> None:
        self.count += 1

    def finalize(self) -> None:
        self.stream.flush()


def as_data(item: Any) -> Any:
    """What a data object is as JSON: its ``to_dict()`` when it has one, else itself."""
    return item.to_dict() if hasattr(item, "to_dict") else item
