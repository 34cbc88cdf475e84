"""The loop behind ``trace`` and ``demo``: trace each document, render it, report what failed, go on."""
from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from typing import Callable, Iterable, TextIO

import click

from ..errors import Warnings, describe_failure
from ..ingest import InputProblem
from ..model.records import Document, Trace
from ..report import Renderer

PROGRESS_AFTER = 3  # a few documents need no progress line; the report itself shows them
# The extractor reads about 30 KB of text a second on one core (bench/RESULTS.md): past this, a
# user waits long enough to think it hangs unless told.
LONG_TEXT = 500_000


@dataclass
class Outcome:
    traced: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def run(items: Iterable[Document | InputProblem], renderer: Renderer, tracer: Callable[[Document], Trace],
        show_traceback: bool = False, show_progress: bool = True) -> Outcome:
    outcome, console = Outcome(), Console(sys.stderr, show_progress)
    for item, result in traced(items, tracer, console, show_traceback):
        if isinstance(result, InputProblem):
            outcome.failed += 1
            console.say(f"{result.input}: {result.problem}")
        else:
            renderer.write(result)
            outcome.traced += 1
        console.show(outcome)
    renderer.finalize()
    console.summarise(outcome)
    return outcome


BATCH = 16  # documents parsed together when the tracer can batch (see api.trace_many)


def traced(items, tracer, console, show_traceback: bool):
    """(item, Trace or InputProblem) in input order. A tracer with a ``many`` attribute (the real
    one: sourcetrace.api.trace) traces consecutive documents in batches, which parses faster."""
    many = getattr(tracer, "many", None)
    pending: list[Document] = []
    for item in items:
        if isinstance(item, InputProblem):
            yield from _flush(pending, many, tracer, console, show_traceback)
            pending = []
            yield item, item
        elif many is None:
            yield item, trace_one(item, tracer, console, show_traceback)
        else:
            pending.append(item)
            if len(pending) >= BATCH:
                yield from _flush(pending, many, tracer, console, show_traceback)
                pending = []
    yield from _flush(pending, many, tracer, console, show_traceback)


def _flush(documents: list[Document], many, tracer, console, show_traceback: bool):
    if not documents:
        return
    for document in documents:
        warn_if_long(document, console)
    try:
        results = list(many(documents))
    except Exception:  # noqa: BLE001 - fall back to one at a time, so the failure is pinned down
        results = [trace_one(d, tracer, console, show_traceback) for d in documents]
    for document, result in zip(documents, results):
        if isinstance(result, Exception):
            if show_traceback:
                console.clear()
                traceback.print_exception(result, file=console.stream)
            result = InputProblem(document.source or document.id or "document", describe_failure(result))
        yield document, result


def warn_if_long(document: Document, console) -> None:
    if len(document.text) > LONG_TEXT:
        console.say(f"{document.source}: {Warnings.W001.format(characters=len(document.text))}")


def trace_one(document: Document, tracer, console: Console, show_traceback: bool) -> Trace | InputProblem:
    """The trace, or a problem naming the failed component: one bad document must not stop a batch."""
    warn_if_long(document, console)
    try:
        return tracer(document)
    except Exception as exc:  # noqa: BLE001 - whatever broke, the other documents still get traced
        if show_traceback:
            console.clear()
            traceback.print_exc(file=console.stream)
        return InputProblem(document.source or document.id or "document", describe_failure(exc))



class Console:
    """Messages on stderr, and on a terminal a progress line that counts documents as they go."""

    def __init__(self, stream: TextIO, progress: bool = True):
        self.stream = stream
        self.live = progress and stream.isatty()
        self.shown = False

    def say(self, message: str) -> None:
        self.clear()
        click.echo(f"sourcetrace: {message}", file=self.stream)

    def show(self, outcome: Outcome) -> None:
        if self.live and outcome.traced + outcome.failed > PROGRESS_AFTER:
            self.stream.write(f"\rsourcetrace: {outcome.traced} traced, {outcome.failed} failed …")
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")  # erase the line so that a message does not run into it
            self.shown = False

    def summarise(self, outcome: Outcome) -> None:
        total = outcome.traced + outcome.failed
        if outcome.failed:
            self.say(Warnings.W006.format(failed=outcome.failed, total=total, traced=outcome.traced))
        elif total > PROGRESS_AFTER:
            self.say(f"{total} documents traced.")
        self.clear()
