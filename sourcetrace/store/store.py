"""The store: one SQLite file of traced documents, written by one thread, read by anyone.

It keeps what it is given and knows nothing of tracing: ``identity``, ``contains``, ``add`` and
``skip`` are what the batch runner (``sourcetrace.batch``) asks of any sink.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Iterator

from ..errors import Errors, Rejected
from ..model.problems import InputProblem
from ..model.records import Document, Trace
from . import queries
from .db import connect_reader, connect_writer, reading
from .errors import StoreError, StoreMissing
from .rows import content_hash, record_skip, write_trace
from .schema import MIGRATIONS
from .writer import Writer

DEFAULT_PATH = "sourcetrace.db"


class Store:
    """Open with :meth:`open`; close when done (or use ``with``), which finishes queued writes."""

    def __init__(self, path: str | Path = DEFAULT_PATH):
        self.path = Path(path)
        self._writer: Writer | None = None
        self._lookup: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, create: bool = True) -> Store:
        """The store at ``path``, migrated to this version; ``create=False`` refuses a missing file."""
        store = cls(path)
        if not create and not store.path.is_file():
            raise StoreMissing(Errors.E300.format(path=path))
        store.migrate()
        return store

    def migrate(self) -> list[str]:
        """Apply the pending migrations; their names. The writer starts only if there are some."""
        if self.path.is_file() and not self._pending():
            return []
        try:
            return self.writer.call(MIGRATIONS.apply)
        except sqlite3.Error as exc:  # e.g. a read-only file that needs a migration
            raise StoreError(Errors.E304.format(path=self.path, reason=exc)) from exc

    @property
    def writer(self) -> Writer:
        """The writer thread, started on first use: a store that is only queried never starts one."""
        with self._lock:
            if self._writer is None:
                try:
                    self._writer = Writer(lambda: connect_writer(self.path))
                except sqlite3.Error as exc:
                    raise StoreError(Errors.E301.format(path=self.path, reason=exc)) from exc
            return self._writer

    def reader(self):
        """A read-only connection of its own, for ``with``: closed on leaving the block."""
        return reading(self.path)

    def files(self) -> list[Path]:
        """The files SQLite keeps for this store: a folder walk over the reports passes them over."""
        return [self.path] + [self.path.with_name(self.path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]

    def identity(self, document: Document) -> str:
        """What makes two documents one to the store: language and text (see ``rows.content_hash``)."""
        return content_hash(document)

    def contains(self, document: Document) -> bool:
        with self._lock:
            if self._lookup is None:  # one read connection for every lookup: an ingest asks once a document
                self._lookup = connect_reader(self.path)
            found = self._lookup.execute("SELECT 1 FROM documents WHERE content_hash = ?", (self.identity(document),))
            return found.fetchone() is not None

    def add(self, trace: Trace) -> int | None:
        """Store a traced document whole; its id, or None when the same text is stored already.

        Raises :class:`Rejected` when this document cannot be stored (the next may be), and
        :class:`StoreError` when none could (the disk is full, the file read-only)."""
        try:
            return self.writer.call(lambda connection: write_trace(connection, trace, self.identity(trace.document)))
        except sqlite3.OperationalError as exc:
            raise StoreError(Errors.E304.format(path=self.path, reason=exc)) from exc
        except (sqlite3.Error, ValueError, UnicodeError) as exc:  # e.g. text SQLite cannot hold
            raise Rejected(Errors.E305.format(reason=f"{type(exc).__name__}: {exc}")) from exc

    def skip(self, problem: InputProblem) -> None:
        """Record an input that gave no document, or a document not stored, with the reason."""
        try:
            self.writer.call(lambda connection: record_skip(connection, problem.input, problem.problem, problem.failed))
        except sqlite3.Error as exc:
            raise StoreError(Errors.E304.format(path=self.path, reason=exc)) from exc

    def figures(self, **filters) -> list[dict]:
        """Figures, flat, with their document's metadata; filters as :func:`queries.figures`."""
        with self.reader() as connection:
            return queries.figures(connection, **filters)

    def documents(self) -> list[dict]:
        with self.reader() as connection:
            return queries.documents(connection)

    def get_trace(self, document_id: int) -> dict | None:
        with self.reader() as connection:
            return queries.get_trace(connection, document_id)

    def traces(self) -> Iterator[dict]:
        """Every stored trace as ``Trace.to_dict()`` — what reconciliation reads."""
        with self.reader() as connection:
            yield from queries.traces(connection)

    def close(self) -> None:
        with self._lock:
            if self._lookup is not None:
                self._lookup.close()
                self._lookup = None
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _pending(self) -> list[str]:
        """The migrations this file lacks; also where a file that is no store is found out."""
        try:
            with self.reader() as connection:
                newer = MIGRATIONS.unknown(connection)
                pending = MIGRATIONS.pending(connection)
        except sqlite3.OperationalError as exc:  # cannot open it at all
            raise StoreError(Errors.E301.format(path=self.path, reason=exc)) from exc
        except sqlite3.DatabaseError as exc:  # "file is not a database"
            raise StoreError(Errors.E302.format(path=self.path, reason=exc)) from exc
        if newer:
            raise StoreError(Errors.E303.format(path=self.path, names=", ".join(newer)))
        return pending
