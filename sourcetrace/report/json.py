"""JSON renderers for every kind: one object (``json``), or one object per line (``jsonl``)."""
from __future__ import annotations

import json

from ..errors import Errors, OutputError
from .common import Renderer, as_data


def dumps(item, indent: int | None = None) -> str:
    return json.dumps(as_data(item), indent=indent, ensure_ascii=False)


def dump(item, stream, indent: int | None = None) -> None:
    """``dumps`` written to ``stream`` in pieces as it is encoded: the same text, never held whole.
    A 50 MB document's trace is one line of some 100 million characters, which ``json.dumps``
    built in a list of parts and then joined (about four times the line at its peak); the pieces
    cost some 50 µs a figure more, against the milliseconds it took to trace it."""
    json.dump(as_data(item), stream, indent=indent, ensure_ascii=False)


class JsonRenderer(Renderer):
    """Exactly one object: a second is refused (E200) before anything is written."""

    def __init__(self, stream, color=None):
        super().__init__(stream, color)
        self.item = None

    def write(self, item) -> None:
        # Kept until finalize: a second document must fail the run before anything is written,
        # not leave half a file that is no longer one JSON object.
        super().write(item)
        if self.count > 1:
            raise OutputError(Errors.E200.format(count="more than one"))
        self.item = item

    def finalize(self) -> None:
        if self.item is not None:
            dump(self.item, self.stream, indent=2)
            self.stream.write("\n")
        super().finalize()


class JsonLinesRenderer(Renderer):
    def write(self, item) -> None:
        super().write(item)
        dump(item, self.stream)
        self.stream.write("\n")
        self.stream.flush()  # a consumer down the pipe sees each item as it is done
