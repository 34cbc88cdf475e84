"""The store's tables, one named migration each. Add a change as a new migration at the end;
never edit one that has been released (stores in the field have already run it)."""
from __future__ import annotations

import re
import sqlite3

from .migrations import Migrations

MIGRATIONS = Migrations()


def _run(connection: sqlite3.Connection, *statements: str) -> None:
    # Statement by statement: executescript() would COMMIT the migration's transaction first.
    for statement in statements:
        connection.execute(statement)


@MIGRATIONS("0001_documents")
def documents(connection: sqlite3.Connection) -> None:
    _run(connection, """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,  -- sha256 of language + normalised text: the identity
            external_id TEXT,                   -- the document's own id: as given, or from its text
            source TEXT,                        -- where it was read from: path, path#line, path@offset
            outlet TEXT,
            url TEXT,
            published TEXT,                     -- YYYY-MM-DD
            title TEXT,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            encoding TEXT,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX documents_outlet ON documents (outlet COLLATE NOCASE)",
        "CREATE INDEX documents_published ON documents (published)")


@MIGRATIONS("0002_traces_and_figures")
def traces_and_figures(connection: sqlite3.Connection) -> None:
    _run(connection, """
        CREATE TABLE traces (
            document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            schema TEXT NOT NULL,
            generator TEXT NOT NULL,            -- JSON: sourcetrace version, model, pipeline
            trace TEXT NOT NULL                 -- JSON: the whole Trace.to_dict()
        )""", """
        CREATE TABLE figures (
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            figure_id TEXT NOT NULL,
            text TEXT NOT NULL,
            value REAL,
            low REAL,
            high REAL,
            bound TEXT,
            unit TEXT,
            kind TEXT,
            counted TEXT,
            indicator TEXT,
            rate_per TEXT,
            period_start TEXT,
            period_end TEXT,
            aggregation TEXT,
            scope TEXT,
            hedged INTEGER NOT NULL,            -- 0/1: some hedge weakens it
            chain TEXT,                         -- 'TASS (relay) ← unnamed sources (origin)'
            nearest_source TEXT,                -- the party the document cites directly
            origin_name TEXT,                   -- the first speaker, when the chain names one
            attribution_basis TEXT,
            links TEXT NOT NULL,                -- JSON: the chain's links as in the trace
            sentence TEXT,
            PRIMARY KEY (document_id, figure_id)
        )""",
        "CREATE INDEX figures_indicator ON figures (indicator, period_start)",
        "CREATE INDEX figures_origin ON figures (origin_name COLLATE NOCASE)")


@MIGRATIONS("0003_skipped")
def skipped(connection: sqlite3.Connection) -> None:
    _run(connection, """
        CREATE TABLE skipped (
            id INTEGER PRIMARY KEY,
            input TEXT NOT NULL,                -- path, path:line or path@offset
            reason TEXT NOT NULL,
            failed INTEGER NOT NULL DEFAULT 0,  -- 1: tracing or storing it failed, not just skipped
            at TEXT NOT NULL,                   -- the last time it was met
            UNIQUE (input, reason)
        )""")


@MIGRATIONS("0004_document_keys")
def document_keys(connection: sqlite3.Connection) -> None:
    """Which document of which input a row is, apart from its text (``rows.document_key``), so that a
    corrected document replaces its old self instead of being kept beside it or ignored."""
    from .rows import document_key

    _run(connection, "ALTER TABLE documents ADD COLUMN document_key TEXT",
         "CREATE INDEX documents_key ON documents (document_key)")
    rows = connection.execute("SELECT id, source, external_id, url FROM documents").fetchall()
    connection.executemany("UPDATE documents SET document_key = ? WHERE id = ?",
                           [(document_key(source, external_id, url), id_) for id_, source, external_id, url in rows])


@MIGRATIONS("0005_documents_search")
def documents_search(connection: sqlite3.Connection) -> None:
    """Full-text search over the documents' titles, outlets and text (SQLite FTS5). External content:
    the text is not stored twice; triggers keep the index in step with every insert and delete."""
    columns = "title, outlet, text"
    values = "new.id, new.title, new.outlet, new.text"
    removed = "'delete', old.id, old.title, old.outlet, old.text"
    _run(connection,
         f"CREATE VIRTUAL TABLE documents_search USING fts5({columns}, content='documents', content_rowid='id', "
         "tokenize='unicode61 remove_diacritics 2')",
         f"CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN "
         f"INSERT INTO documents_search (rowid, {columns}) VALUES ({values}); END",
         f"CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN "
         f"INSERT INTO documents_search (documents_search, rowid, {columns}) VALUES ({removed}); END",
         f"CREATE TRIGGER documents_search_update AFTER UPDATE ON documents BEGIN "
         f"INSERT INTO documents_search (documents_search, rowid, {columns}) VALUES ({removed}); "
         f"INSERT INTO documents_search (rowid, {columns}) VALUES ({values}); END",
         "INSERT INTO documents_search (documents_search) VALUES ('rebuild')")


@MIGRATIONS("0006_document_ids_never_reused", foreign_keys=False)
def document_ids_never_reused(connection: sqlite3.Connection) -> None:
    """A document's id is never given to another once it is deleted (AUTOINCREMENT), so that a link
    to ``/doc/ID`` shared today never leads to another document later; without it SQLite gives the
    largest id again after that document is deleted. SQLite cannot add AUTOINCREMENT to a table, so
    the table is made again with it (SQLite's procedure for a change ALTER TABLE cannot make, run
    with foreign keys off): rows, ids, indexes and triggers as they were; traces, figures and the
    search index refer to it by name and by id, so they hold as they were. An id deleted before this
    migration may still be given once more: a store keeps no record of it."""
    sql = connection.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'").fetchone()[0]
    attached = connection.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'documents' "
                                  "AND type IN ('index', 'trigger') AND sql IS NOT NULL").fetchall()
    columns = ", ".join(row[1] for row in connection.execute("PRAGMA table_info(documents)"))
    remade = re.sub(r"^CREATE TABLE documents\b", "CREATE TABLE documents_remade", sql.strip())
    remade = re.sub(r"\bid INTEGER PRIMARY KEY\b", "id INTEGER PRIMARY KEY AUTOINCREMENT", remade, count=1)
    _run(connection, remade,
         f"INSERT INTO documents_remade ({columns}) SELECT {columns} FROM documents",
         "DROP TABLE documents",  # its indexes and triggers with it; nothing is deleted with foreign keys off
         "ALTER TABLE documents_remade RENAME TO documents",
         *(statement for _, statement in attached))
