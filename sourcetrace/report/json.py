"""JSON renderers: one object for one document (``json``), or one object per line (``jsonl``)."""
from __future__ import annotations

import json

from ..errors import Errors, OutputError
from ..model.records import Trace
from .common import Renderer


def dumps(trace: Trace, indent: int | None = None) -> str:
    return json.dumps(trace.to_dict(), indent=indent, ensure_ascii=False)


class JsonRenderer(Renderer):
    name = "json"
    help = "one JSON object (schema sourcetrace.trace/1), for exactly one document"

    def __init__(self, stream, color=None):
        super().__init__(stream, color)
        self.trace: Trace | None = None

    def write(self, trace: Trace) -> None:
        # Kept until finalize: a second document must fail the run before anything is written,
        # not leave half a file that is no longer one JSON object.
        super().write(trace)
        if self.count > 1:
            raise OutputError(Errors.E200.format(count="more than one"))
        self.trace = trace

    def finalize(self) -> None:
        if self.trace is not None:
            self.stream.write(dumps(self.trace, indent=2) + "\n")
        super().finalize()


class JsonLinesRenderer(Renderer):
    name = "jsonl"
    help = "one JSON object per line, one line per document"

    def write(self, trace: Trace) -> None:
        super().write(trace)
        self.stream.write(dumps(trace) + "\n")
        self.stream.flush()  # a consumer down the pipe sees each document as it is done
