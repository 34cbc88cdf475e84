"""Named migrations, registered by decorator and applied in order; the ``migrations`` table records
which ones a store has had (the sqlite-utils pattern).

    MIGRATIONS = Migrations()

    @MIGRATIONS("0001_documents")
    def documents(connection): connection.execute("CREATE TABLE documents (...)")

A name is never reused or renamed once released: a store remembers names, not code.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterator

from .db import transaction

Step = Callable[[sqlite3.Connection], None]
BOOKKEEPING = "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"


@dataclass(frozen=True)
class Migration:
    name: str
    step: Step
    # False: the step remakes a table others refer to, so it runs with foreign keys off (SQLite's own
    # procedure: dropping the old table would otherwise delete its children's rows) and the
    # references are checked before it commits.
    foreign_keys: bool = True


class Migrations:
    def __init__(self) -> None:
        self.steps: list[Migration] = []

    def __call__(self, name: str, foreign_keys: bool = True) -> Callable[[Step], Step]:
        if name in self.names:
            raise ValueError(f"migration {name!r} is registered twice")

        def register(step: Step) -> Step:
            self.steps.append(Migration(name, step, foreign_keys))
            return step

        return register

    @property
    def names(self) -> list[str]:
        return [migration.name for migration in self.steps]

    def pending(self, connection: sqlite3.Connection) -> list[str]:
        done = applied(connection)
        return [name for name in self.names if name not in done]

    def unknown(self, connection: sqlite3.Connection) -> list[str]:
        """Applied migrations this code does not have: the store comes from a newer version."""
        return sorted(applied(connection) - set(self.names))

    def apply(self, connection: sqlite3.Connection) -> list[str]:
        """Apply what is pending, each in its own transaction with its bookkeeping row; their names."""
        connection.execute(BOOKKEEPING)
        done = []
        for migration in self.steps:
            with foreign_keys_off(connection, not migration.foreign_keys), transaction(connection):
                # Checked inside the transaction: another process may have just applied it.
                if migration.name in applied(connection):
                    continue
                migration.step(connection)
                broken = connection.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise sqlite3.IntegrityError(f"migration {migration.name} broke references: {broken[:3]}")
                connection.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                                   (migration.name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            done.append(migration.name)
        return done


@contextmanager
def foreign_keys_off(connection: sqlite3.Connection, off: bool) -> Iterator[None]:
    """Foreign keys off while inside (``off``), as they were after; outside a transaction only:
    SQLite ignores the pragma within one."""
    was = connection.execute("PRAGMA foreign_keys").fetchone()[0]
    if off:
        connection.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        connection.execute(f"PRAGMA foreign_keys = {'ON' if was else 'OFF'}")


def applied(connection: sqlite3.Connection) -> set[str]:
    try:
        return {row[0] for row in connection.execute("SELECT name FROM migrations")}
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):  # a new, empty file
            return set()
        raise
