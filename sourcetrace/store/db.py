"""Connections to the store's SQLite file: one for the writer, read-only ones for everybody else.

WAL journal: readers see the last committed state while the writer works, and a write that was
interrupted (even by kill -9) is rolled back when the file is next opened.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

# A second process ingesting into the same file waits this long for the write lock; the writer
# holds it for one document's rows at a time, so a wait past this means something is stuck.
BUSY_TIMEOUT_S = 30.0
WRITER_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    # In WAL mode NORMAL loses no committed transaction when the process dies; only a power cut
    # may lose the last few, and never leaves a half-written one.
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
)


def connect_writer(path: Path) -> sqlite3.Connection:
    """The one connection that writes. Autocommit: transactions are opened explicitly."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    for pragma in WRITER_PRAGMAS:
        connection.execute(pragma)
    return connection


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection: it can never take the write lock, so it never waits for the writer."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                                 check_same_thread=False)
    connection.row_factory = sqlite3.Row
    return connection


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect_reader(path)
    try:
        yield connection
    finally:
        connection.close()


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing. IMMEDIATE takes the write lock at the start, so two processes writing the
    same file queue up instead of failing halfway when both try to upgrade a read lock."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
