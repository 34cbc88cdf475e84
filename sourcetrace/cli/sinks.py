"""Where ``sourcetrace trace`` sends what the batch runner hands on: each trace to the renderer,
each problem to the console as it happens (with its traceback when asked for)."""
from __future__ import annotations

import traceback

from ..model.problems import InputProblem
from ..model.records import Document, Trace
from ..report import Renderer
from .console import Console


class RendererSink:
    """A sink (see ``sourcetrace.batch.Sink``) that keeps nothing: every document is traced and
    rendered, even one read twice."""

    def __init__(self, renderer: Renderer, console: Console, show_traceback: bool = False):
        self.renderer, self.console, self.show_traceback = renderer, console, show_traceback

    def identity(self, document: Document) -> None:
        return None

    def contains(self, document: Document) -> bool:
        return False

    def add(self, trace: Trace) -> int:
        self.renderer.write(trace)
        return self.renderer.count

    def skip(self, problem: InputProblem) -> None:
        if self.show_traceback and problem.cause is not None:
            self.console.clear()
            traceback.print_exception(problem.cause, file=self.console.stream)
        self.console.say(str(problem))
