"""The store: one SQLite file of traced documents, written by one thread, read by anyone.

It keeps what it is given and knows nothing of tracing: ``identity``, ``contains``, ``add`` and
``skip`` are what the batch runner (``sourcetrace.batch``) asks of any sink, and ``conflict`` what
it asks of a sink that can tell a corrected document from a new one.

A document is known by its text and by where it came from (``rows.document_key``: the input and
the document's own id or URL). The same text again is a duplicate; the same document with other
text or metadata (a corrected date, a fixed typo) is a new version of it, which an ingest reports
and leaves alone (``conflict``) unless it was asked to replace (``replacing()``: the old version's
rows give way to the new one's). ``replace_trace`` puts a new trace beside the same document (a
re-trace by newer code); ``delete`` takes documents out.
"""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import Errors, Rejected, Warnings
from ..model.problems import InputProblem
from ..model.records import Document, Trace
from . import queries
from .db import connect_reader, connect_writer, reading
from .errors import StoreError, StoreMissing
from .rows import METADATA, content_hash, delete_documents, key_of, record_skip, replace_trace, write_trace
from .schema import MIGRATIONS
from .writer import Writer

DEFAULT_PATH = "sourcetrace.db"


class Store:
    """Open with :meth:`open`; close when done (or use ``with``), which finishes queued writes."""

    def __init__(self, path: str | Path = DEFAULT_PATH, pooled: bool = False):
        self.path = Path(path)
        self._writer: Writer | None = None
        self._lookup: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._pooled = pooled
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, create: bool = True, pooled: bool = False) -> Store:
        """The store at ``path``, migrated to this version; ``create=False`` refuses a missing file.
        ``pooled``: each thread keeps its read connection (a server's threads answering many
        requests: a new connection's first query reads the schema and the journal's index again)."""
        store = cls(path, pooled)
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
        """A read-only connection, for ``with``: one of its own, closed on leaving the block; or, in a
        pooled store, this thread's, kept. Each query sees what was committed when it started."""
        return self._thread_reader() if self._pooled else reading(self.path)

    @contextmanager
    def _thread_reader(self) -> Iterator[sqlite3.Connection]:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = connect_reader(self.path)
            with self._lock:
                self._readers.append(connection)
        yield connection

    def files(self) -> list[Path]:
        """The files SQLite keeps for this store: a folder walk over the reports passes them over."""
        return [self.path] + [self.path.with_name(self.path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]

    def identity(self, document: Document) -> str:
        """What makes two documents one to the store: language and text (see ``rows.content_hash``)."""
        return content_hash(document)

    def contains(self, document: Document) -> bool:
        """The same text is stored, or (``conflict``) another version of the same document is."""
        return self._lookup_one("SELECT 1 FROM documents WHERE content_hash = ?", (self.identity(document),)) \
            is not None or self.conflict(document) is not None

    def conflict(self, document: Document) -> str | None:
        """What makes ``document`` a new version of one stored under the same key (other text, other
        metadata), in words, or None. An ingest reports it instead of adding the document."""
        key = key_of(document)
        where = ("document_key = ?", key) if key is not None else ("content_hash = ?", self.identity(document))
        stored = self._lookup_one(f"SELECT id, content_hash, {', '.join(METADATA)} FROM documents "
                                  f"WHERE {where[0]} ORDER BY id LIMIT 1", (where[1],))
        if stored is None:
            return None
        changed = [name for name in METADATA if stored[name] != getattr(document, name, None)]
        if stored["content_hash"] != self.identity(document):
            changed.insert(0, "text")
        return Warnings.W007.format(id=stored["id"], changed=", ".join(changed)) if changed else None

    def replacing(self) -> Replacing:
        """This store as a sink that replaces a stored version of a document with the new one."""
        return Replacing(self)

    def add(self, trace: Trace, replace: bool = False) -> int | None:
        """Store a traced document whole; its id, or None when the same text is stored already.
        ``replace``: the stored version of the same document gives way to this one.

        Raises :class:`Rejected` when this document cannot be stored (the next may be), and
        :class:`StoreError` when none could (the disk is full, the file read-only)."""
        try:
            return self.writer.call(lambda connection: write_trace(connection, trace, self.identity(trace.document),
                                                                   replace))
        except sqlite3.OperationalError as exc:
            raise StoreError(Errors.E304.format(path=self.path, reason=exc)) from exc
        except (sqlite3.Error, ValueError, UnicodeError) as exc:  # e.g. text SQLite cannot hold
            raise Rejected(Errors.E305.format(reason=f"{type(exc).__name__}: {exc}")) from exc

    def replace_trace(self, document_id: int, trace: Trace) -> None:
        """A new trace of a stored document (re-traced by newer code); the document as it was."""
        try:
            self.writer.call(lambda connection: replace_trace(connection, document_id, trace))
        except sqlite3.Error as exc:
            raise StoreError(Errors.E304.format(path=self.path, reason=exc)) from exc

    def delete(self, ids: list[int]) -> int:
        """Delete documents, with their traces and figures; how many there were."""
        try:
            return self.writer.call(lambda connection: delete_documents(connection, ids))
        except sqlite3.Error as exc:
            raise StoreError(Errors.E304.format(path=self.path, reason=exc)) from exc

    def stored_documents(self, ids: list[int] | None = None) -> Iterator[tuple[int, Document, dict]]:
        """(id, the document as it was read, the generator of its trace), in the order stored."""
        with self.reader() as connection:
            yield from queries.stored_documents(connection, ids)

    def _lookup_one(self, sql: str, values: tuple) -> sqlite3.Row | None:
        with self._lock:
            if self._lookup is None:  # one read connection for every lookup: an ingest asks once a document
                self._lookup = connect_reader(self.path)
                self._lookup.row_factory = sqlite3.Row
            return self._lookup.execute(sql, values).fetchone()

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

    def search(self, **filters) -> tuple[int, list[dict]]:
        """(how many documents match, one page of them): full-text search and filters as
        :func:`queries.search_documents`."""
        with self.reader() as connection:
            return queries.search_documents(connection, **filters)

    def document(self, document_id: int) -> dict | None:
        """One document as :meth:`documents` lists it, or None."""
        with self.reader() as connection:
            return queries.document(connection, document_id)

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Outlets, languages and indicators in the store, each with its count (:func:`queries.facets`)."""
        with self.reader() as connection:
            return queries.facets(connection)

    def get_trace(self, document_id: int) -> dict | None:
        with self.reader() as connection:
            return queries.get_trace(connection, document_id)

    def traces(self) -> Iterator[dict]:
        """Every stored trace as ``Trace.to_dict()`` — what reconciliation reads."""
        with self.reader() as connection:
            yield from queries.traces(connection)

    def stored_traces(self) -> Iterator[tuple[int, dict]]:
        """(the store's id, the trace) for every stored trace: :meth:`traces` with where each is kept."""
        with self.reader() as connection:
            yield from queries.stored_traces(connection)

    def close(self) -> None:
        with self._lock:
            for connection in self._readers:
                connection.close()
            self._readers.clear()
            self._local = threading.local()
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


class Replacing:
    """A store as the sink of ``ingest --replace``: a document stored in another version (other text
    or metadata under the same key) is traced again and takes the old version's place."""

    def __init__(self, store: Store):
        self.store = store

    def identity(self, document: Document) -> str:
        return self.store.identity(document)

    def contains(self, document: Document) -> bool:
        """Held as it is: the same text, and no other version under its key."""
        return (self.store._lookup_one("SELECT 1 FROM documents WHERE content_hash = ?",
                                       (self.identity(document),)) is not None
                and self.store.conflict(document) is None)

    def add(self, trace: Trace) -> int | None:
        return self.store.add(trace, replace=True)

    def skip(self, problem: InputProblem) -> None:
        self.store.skip(problem)
