"""Ingest: read the inputs, trace the documents the store does not hold yet, store each one whole.

Reading and tracing run in the calling thread; each traced document goes to the writer thread as
one task (one transaction), and the next documents are traced while it is written. A document is
new or not by its content hash, so running the same ingest twice adds nothing the second time.
"""
from __future__ import annotations

import sqlite3
from collections import deque
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..api import trace_many
from ..ingest import DEFAULT_MAX_BYTES, InputProblem, Overrides, read_inputs
from ..model.records import Document, Trace
from .db import reading
from ..errors import Errors, describe_failure
from .errors import StoreError
from .inputs import InputFile, MissingInput, expand
from .rows import content_hash, record_skip, write_trace

if TYPE_CHECKING:
    from .store import Store

# Traced documents waiting for the writer at most; past this, tracing waits for writing.
MAX_PENDING = 256
Tracer = Callable[[Iterable[Document]], Iterable["Trace | Exception"]]


@dataclass
class IngestReport:
    new: int = 0
    duplicate: int = 0  # already in the store (or met earlier in the same run)
    skipped: list[InputProblem] = field(default_factory=list)  # no document: wrong type, unreadable
    failed: list[InputProblem] = field(default_factory=list)  # missing inputs; trace or write failed

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        """'12 new, 3 already in the store, 1 skipped, 1 failed'; the last two only when not 0."""
        parts = [f"{self.new} new", f"{self.duplicate} already in the store"]
        parts += [f"{len(found)} {word}" for found, word in ((self.skipped, "skipped"), (self.failed, "failed"))
                  if found]
        return ", ".join(parts)


@dataclass(frozen=True)
class Progress:
    """Handed to the progress callback after each document or problem."""

    report: IngestReport
    bytes_done: int  # sizes of the input files finished
    bytes_total: int


def ingest(store: Store, inputs: Iterable[str], overrides: Overrides | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES, progress: Callable[[Progress], None] | None = None,
           tracer: Tracer | None = None) -> IngestReport:
    """Read, trace and store ``inputs``; ``tracer`` (documents → traces or exceptions, in order)
    replaces sourcetrace's own, e.g. in tests."""
    files = list(expand(inputs))
    total = sum(item.size for item in files if isinstance(item, InputFile))
    with reading(store.path) as reader:
        run = Run(store, reader, progress or (lambda _: None), total)
        waiting: deque[tuple[Document, str]] = deque()
        for result in (tracer or trace_many)(run.documents(files, overrides, max_bytes, waiting)):
            run.traced(*waiting.popleft(), result)
        run.settle(everything=True)
    return run.report


class Run:
    """The counts and the queue of writes of one ingest."""

    def __init__(self, store: Store, reader: sqlite3.Connection, progress, total: int):
        self.store, self.reader, self.progress = store, reader, progress
        self.report = IngestReport()
        self.seen: set[str] = set()
        self.pending: deque = deque()
        self.bytes_done, self.bytes_total = 0, total

    def documents(self, files, overrides, max_bytes, waiting: deque) -> Iterator[Document]:
        """The documents to trace, each also put on ``waiting`` with its hash; the rest are counted."""
        for item in files:
            if isinstance(item, InputProblem):
                self.problem(item)
                continue
            for found in read_inputs([item.path], overrides, max_bytes):
                if isinstance(found, InputProblem):
                    self.problem(found)
                elif digest := self.new_hash(found):
                    waiting.append((found, digest))
                    yield found
            self.bytes_done += item.size

    def new_hash(self, document: Document) -> str | None:
        digest = content_hash(document)
        if digest in self.seen or self.reader.execute(
                "SELECT 1 FROM documents WHERE content_hash = ?", (digest,)).fetchone():
            self.report.duplicate += 1
            self.tick()
            return None
        self.seen.add(digest)
        return digest

    def traced(self, document: Document, digest: str, result: Trace | Exception) -> None:
        if isinstance(result, Exception):
            self.fail(InputProblem(_name(document), describe_failure(result)))
            return
        self.pending.append((_name(document), self.store.writer.submit(partial(write_trace, trace=result,
                                                                                digest=digest))))
        self.settle()

    def problem(self, problem: InputProblem) -> None:
        if isinstance(problem, MissingInput):
            self.fail(problem)
        else:
            self.report.skipped.append(problem)
            self._record(problem, failed=False)

    def fail(self, problem: InputProblem) -> None:
        self.report.failed.append(problem)
        self._record(problem, failed=True)

    def _record(self, problem: InputProblem, failed: bool) -> None:
        task = partial(record_skip, input=problem.input, reason=problem.problem, failed=failed)
        self.pending.append((None, self.store.writer.submit(task)))
        self.tick()

    def settle(self, everything: bool = False) -> None:
        """Count the writes that are done; wait for the oldest while too many are queued."""
        while self.pending and (everything or len(self.pending) > MAX_PENDING or self.pending[0][1].done()):
            name, future = self.pending.popleft()
            try:
                stored = future.result()
            except sqlite3.OperationalError as exc:  # disk full, read-only file: no document would fare better
                raise StoreError(Errors.E304.format(path=self.store.path, reason=exc)) from exc
            except Exception as exc:  # noqa: BLE001 - e.g. text SQLite cannot hold: this document only
                if name is None:  # the record of a problem: nothing else to fall back on
                    raise StoreError(Errors.E304.format(path=self.store.path, reason=exc)) from exc
                self.fail(InputProblem(name, Errors.E305.format(reason=f"{type(exc).__name__}: {exc}")))
                continue
            if name is not None:
                self._count(stored)

    def _count(self, document_id: int | None) -> None:
        if document_id is None:  # another process stored the same text meanwhile
            self.report.duplicate += 1
        else:
            self.report.new += 1
        self.tick()

    def tick(self) -> None:
        self.progress(Progress(self.report, self.bytes_done, self.bytes_total))



def _name(document: Document) -> str:
    return document.source or document.id or "document"
