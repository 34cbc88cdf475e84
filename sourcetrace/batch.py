"""The batch runner: the one loop that takes documents from the readers, through tracing, to where
they go. ``sourcetrace trace`` hands the traces to a renderer, ``sourcetrace ingest`` to the store,
and a web app over the store would do the same; each passes a *sink*.

    report = run(read_inputs(["reports/"]), store)
    print(report.summary())        # "12 new, 3 already in the store, 1 skipped"

Documents go to ``api.trace_many`` as one stream, so the parser sees many documents per call; the
results come back in input order. A document the sink holds already is not traced again. An input
that gives no document, or a document that cannot be traced or kept, is a problem for that input
alone: the sink hears of it and the run goes on. Nothing is held beyond the batch being traced, so
memory does not grow with the size of the inputs.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable, Iterator, Protocol

from . import api
from .errors import Rejected, describe_failure
from .model.problems import InputProblem
from .model.records import Document, Trace

KEEP_PROBLEMS = 20  # of each kind, for the summary; the sink hears of every one
SCHEMA = "sourcetrace.ingest/1"


class Sink(Protocol):
    """Where traces go. The store is one; the CLI wraps a renderer as another."""

    def identity(self, document: Document) -> Hashable | None:
        """What makes two documents the same to this sink; None when it keeps every one."""

    def contains(self, document: Document) -> bool:
        """True when the sink holds this document already, so tracing it again is wasted."""

    def add(self, trace: Trace) -> object | None:
        """Keep a trace; what the sink calls it (an id), or None when it held it already. Raises
        :class:`Rejected` for a trace it cannot keep; any other exception ends the run."""

    def skip(self, problem: InputProblem) -> None:
        """An input that gave no document, or a document that was not kept."""


@dataclass
class Report:
    new: int = 0
    duplicate: int = 0  # the sink held it already, or it came twice in the run
    skipped: int = 0  # inputs that gave no document: unreadable, of a type not read
    failed: int = 0  # inputs missing; documents that could not be traced or kept
    problems: list[InputProblem] = field(default_factory=list)  # the first KEEP_PROBLEMS of each kind
    sink: str | None = None  # where the documents went, when the caller names it (the store's path)

    def to_dict(self) -> dict:
        """The report as ``sourcetrace ingest --format json`` writes it (schema ingest-1.json)."""
        problems = [{"input": p.input, "problem": p.problem, "failed": p.failed} for p in self.problems]
        return {"schema": SCHEMA, "store": self.sink, "new": self.new, "duplicate": self.duplicate,
                "skipped": self.skipped, "failed": self.failed, "problems": problems}

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        """'12 new, 3 already in the store, 1 skipped, 1 failed'; the last two only when not 0."""
        parts = [f"{self.new} new", f"{self.duplicate} already in the store"]
        parts += [f"{count} {word}" for count, word in ((self.skipped, "skipped"), (self.failed, "failed")) if count]
        return ", ".join(parts)

    def note(self, problem: InputProblem) -> None:
        if problem.failed:
            self.failed += 1
        else:
            self.skipped += 1
        if sum(kept.failed == problem.failed for kept in self.problems) < KEEP_PROBLEMS:
            self.problems.append(problem)


Tracer = Callable[[Iterable[Document]], Iterable["Trace | Exception"]]


def run(items: Iterable[Document | InputProblem], sink: Sink, tracer: Tracer | None = None,
        progress: Callable[[Report], None] | None = None) -> Report:
    """Trace every document in ``items`` that ``sink`` does not hold, and hand it the results.

    ``tracer`` (documents → a trace or an exception each, in order) replaces ``api.trace_many``,
    e.g. in tests; ``progress`` is called with the report after each input is settled.
    """
    batch = Batch(sink, tracer or api.trace_many, progress or (lambda report: None))
    batch.trace(batch.wanted(items))
    return batch.report


class Batch:
    """One run: the documents read but not yet traced, and the counts."""

    def __init__(self, sink: Sink, tracer: Tracer, progress: Callable[[Report], None]):
        self.sink, self.tracer, self.progress = sink, tracer, progress
        self.report = Report()
        self.waiting: deque[Document] = deque()  # handed to the tracer, not yet come back
        self.in_flight: set[Hashable] = set()  # their identities: the same text twice is traced once
        self.stopped: Exception | None = None

    def wanted(self, items: Iterable[Document | InputProblem]) -> Iterator[Document]:
        """The documents to trace, each also put on ``waiting``; problems and duplicates settled here."""
        try:
            for item in items:
                if isinstance(item, InputProblem):
                    self.problem(item)
                elif self.held(item):
                    self.report.duplicate += 1
                    self.progress(self.report)
                else:
                    self.waiting.append(item)
                    yield item
        except Exception as exc:
            self.stopped = exc  # raised on our side (a sink that cannot write), not the tracer's
            raise

    def held(self, document: Document) -> bool:
        key = self.sink.identity(document)
        if key is not None and (key in self.in_flight or self.sink.contains(document)):
            return True
        if key is not None:
            self.in_flight.add(key)
        return False

    def trace(self, documents: Iterator[Document]) -> None:
        results = iter(self.tracer(documents))
        while True:
            try:
                result = next(results)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - the tracer broke as a whole, not on one document
                if exc is self.stopped:
                    raise
                self.one_at_a_time(documents)
                return
            self.settle(self.waiting.popleft(), result)

    def one_at_a_time(self, documents: Iterator[Document]) -> None:
        """What the tracer held, then the rest, each traced alone: the failure is pinned on its
        document and the others are still traced."""
        while self.waiting:
            document = self.waiting.popleft()
            self.settle(document, self.alone(document))
        for _ in documents:  # reading one puts it on ``waiting``
            self.one_at_a_time(iter(()))

    def alone(self, document: Document) -> Trace | Exception:
        try:
            return next(iter(self.tracer([document])))
        except Exception as exc:  # noqa: BLE001 - whatever broke, it broke on this document
            return exc

    def settle(self, document: Document, result: Trace | Exception) -> None:
        self.in_flight.discard(self.sink.identity(document))
        if isinstance(result, Exception):
            self.problem(InputProblem(_name(document), describe_failure(result), failed=True, cause=result))
            return
        try:
            added = self.sink.add(result)
        except Rejected as exc:
            self.problem(InputProblem(_name(document), str(exc), failed=True, cause=exc))
            return
        if added is None:
            self.report.duplicate += 1
        else:
            self.report.new += 1
        self.progress(self.report)

    def problem(self, problem: InputProblem) -> None:
        self.report.note(problem)
        self.sink.skip(problem)
        self.progress(self.report)


def _name(document: Document) -> str:
    return document.source or document.id or "document"


__all__ = ["run", "Sink", "Report", "Tracer"]
