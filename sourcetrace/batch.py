"""The batch runner: the one loop that takes documents from the readers, through tracing, to where
they go. ``sourcetrace trace`` hands the traces to a renderer, ``sourcetrace ingest`` to the store,
and a web app over the store would do the same; each passes a *sink*.

    report = run(read_inputs(["reports/"]), store)
    print(report.summary())        # "12 new, 3 already in the store, 1 skipped"

Documents go to ``api.trace_many`` in batches (``batches``: so many documents, so many characters),
so the parser sees many documents per call; the results come back in input order. A document the
sink holds already is not traced again. An input that gives no document, or a document that cannot
be traced or kept, is a problem for that input alone: the sink hears of it and the run goes on.
Nothing is held beyond the batch being traced, so memory does not grow with the size of the inputs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable, Iterator, Protocol

from . import api
from .errors import Rejected, describe_failure
from .model.problems import InputProblem
from .model.records import Document, Trace
from .settings import BATCH_CHARS, BATCH_DOCUMENTS

KEEP_PROBLEMS = 20  # of each kind, for the summary; the sink hears of every one
SCHEMA = "sourcetrace.ingest/1"


class Sink(Protocol):
    """Where traces go. The store is one; the CLI wraps a renderer as another."""

    def identity(self, document: Document) -> Hashable | None:
        """What makes two documents the same to this sink; None when it keeps every one.

        A sink may also have ``conflict(document) -> str | None``: a reason, in words, not to take
        this document (it holds another version of it); the document is then skipped with it."""

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
    for documents in batches(batch.wanted(items)):
        batch.trace(documents)
    return batch.report


def batches(documents: Iterable[Document], most: int = BATCH_DOCUMENTS,
            characters: int = BATCH_CHARS) -> Iterator[list[Document]]:
    """Consecutive documents, at most ``most`` and (unless one alone is longer) ``characters`` at a time.

    The parser sees a batch in one call, which is faster, and holds all of it in memory: counted in
    documents only, twenty reports of a megabyte each would be parsed together (a 20 MB file once
    took 4.4 GB)."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        if batch and (len(batch) == most or size + len(document.text) > characters):
            yield batch
            batch, size = [], 0
        batch.append(document)
        size += len(document.text)
    if batch:
        yield batch


class Batch:
    """One run: the counts, and the identities of the documents read but not yet kept."""

    def __init__(self, sink: Sink, tracer: Tracer, progress: Callable[[Report], None]):
        self.sink, self.tracer, self.progress = sink, tracer, progress
        self.report = Report()
        self.in_flight: set[Hashable] = set()  # the same text twice in a batch is traced once

    def wanted(self, items: Iterable[Document | InputProblem]) -> Iterator[Document]:
        """The documents to trace; problems and documents the sink holds are settled here."""
        conflict = getattr(self.sink, "conflict", None)
        for item in items:
            if isinstance(item, InputProblem):
                self.problem(item)
            elif conflict is not None and (reason := conflict(item)):
                self.problem(InputProblem(_name(item), reason))
            elif self.held(item):
                self.report.duplicate += 1
                self.progress(self.report)
            else:
                yield item

    def held(self, document: Document) -> bool:
        key = self.sink.identity(document)
        if key is not None and (key in self.in_flight or self.sink.contains(document)):
            return True
        if key is not None:
            self.in_flight.add(key)
        return False

    def trace(self, documents: list[Document]) -> None:
        try:
            results = list(self.tracer(documents))
        except Exception:  # noqa: BLE001 - the tracer broke as a whole, not on one document
            results = []
        if len(results) != len(documents):  # trace each alone: the failure is pinned on its document
            results = [self.alone(document) for document in documents]
        for document, result in zip(documents, results):
            self.settle(document, result)

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


__all__ = ["run", "batches", "Sink", "Report", "Tracer"]
