"""Migrations: applied once, in order, and recorded; a store from a newer version is refused."""
from __future__ import annotations

import sqlite3

import pytest

from sourcetrace.store import Store, StoreError, StoreMissing
from sourcetrace.store.db import connect_writer
from sourcetrace.store.migrations import Migrations
from sourcetrace.store.schema import MIGRATIONS


def recorded(path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM migrations ORDER BY rowid")]


def test_a_new_store_has_every_migration_recorded_in_order(tmp_path):
    Store.open(tmp_path / "a.db").close()
    assert recorded(tmp_path / "a.db") == MIGRATIONS.names
    assert MIGRATIONS.names == sorted(MIGRATIONS.names)  # numbered, so the order reads off the names


def test_opening_again_applies_nothing(tmp_path):
    Store.open(tmp_path / "a.db").close()
    with Store.open(tmp_path / "a.db") as store:
        assert store.migrate() == []
        assert store._writer is None  # nothing to write: no writer thread was started
    assert recorded(tmp_path / "a.db") == MIGRATIONS.names


def test_the_tables_exist_and_the_journal_is_wal(tmp_path):
    Store.open(tmp_path / "a.db").close()
    with sqlite3.connect(tmp_path / "a.db") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"documents", "traces", "figures", "skipped", "migrations"} <= tables
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_only_pending_steps_run_and_each_once(tmp_path):
    ran: list[str] = []
    steps = Migrations()

    @steps("0001_a")
    def first(connection):
        ran.append("a")
        connection.execute("CREATE TABLE a (x)")

    connection = connect_writer(tmp_path / "m.db")
    assert steps.apply(connection) == ["0001_a"]

    @steps("0002_b")
    def second(connection):
        ran.append("b")
        connection.execute("CREATE TABLE b (x)")

    assert steps.pending(connection) == ["0002_b"]
    assert steps.apply(connection) == ["0002_b"]
    assert steps.apply(connection) == []
    assert ran == ["a", "b"]


def test_a_failing_step_leaves_nothing_behind(tmp_path):
    steps = Migrations()

    @steps("0001_broken")
    def broken(connection):
        connection.execute("CREATE TABLE half (x)")
        raise RuntimeError("halfway")

    connection = connect_writer(tmp_path / "m.db")
    with pytest.raises(RuntimeError):
        steps.apply(connection)
    assert steps.pending(connection) == ["0001_broken"]
    assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


def test_a_name_cannot_be_registered_twice():
    steps = Migrations()
    steps("0001_a")(lambda connection: None)
    with pytest.raises(ValueError, match="0001_a"):
        steps("0001_a")


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    Store.open(tmp_path / "a.db").close()
    with sqlite3.connect(tmp_path / "a.db") as connection:
        connection.execute("INSERT INTO migrations VALUES ('9999_future', '2030-01-01')")
    with pytest.raises(StoreError, match=r"\[E303\].*9999_future"):
        Store.open(tmp_path / "a.db")


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "notes.db").write_text("these are not the pages of a database " * 100)
    with pytest.raises(StoreError, match=r"\[E302\]"):
        Store.open(tmp_path / "notes.db")


def test_a_missing_store_is_not_created_when_asked_not_to(tmp_path):
    with pytest.raises(StoreMissing, match=r"\[E300\].*sourcetrace ingest"):
        Store.open(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_a_store_in_a_folder_that_does_not_exist_says_so(tmp_path):
    with pytest.raises(StoreError, match=r"\[E301\]"):
        Store.open(tmp_path / "no" / "such" / "folder" / "a.db")


def _documents(text: str, n: int, **metadata):
    from store_helpers import figure, traced

    return [traced(f"{text} {i}: the ministry said {100 + i} soldiers deserted.", outlet="TASS", id=f"d{i}",
                   figures=[figure("f1", str(100 + i), 100 + i, indicator="mil.desertion_cases")], **metadata)
            for i in range(n)]


def test_a_deleted_documents_id_is_never_given_to_another(store):
    first, second, third = (store.add(t) for t in _documents("Report", 3))
    assert (first, second, third) == (1, 2, 3)
    store.delete([third])
    fourth = store.add(_documents("Later report", 1)[0])
    assert fourth == 4  # without AUTOINCREMENT SQLite gave 3 again: a link to /doc/3 led to this one
    store.delete([first, second, fourth])
    assert store.add(_documents("Last report", 1)[0]) == 5


def test_a_replaced_document_keeps_its_id(store):
    from store_helpers import traced

    kept = store.add(traced("The ministry said 120 soldiers deserted.", id="a", source="r.jsonl#1"))
    store.add(traced("Another report.", id="b", source="r.jsonl#2"))
    again = store.add(traced("The ministry said 112 soldiers deserted.", id="a", source="r.jsonl#1"), replace=True)
    assert again == kept and [row["id"] for row in store.documents()] == [kept, kept + 1]


def test_the_migration_to_stable_ids_keeps_every_row_and_reference(tmp_path):
    """A store made before migration 0006: its documents, traces, figures, indexes and search index
    come through the table's remaking whole, and deleting still takes a document's rows with it."""
    from sourcetrace.store.rows import content_hash, write_trace

    path = tmp_path / "old.db"
    connection = connect_writer(path)
    before = Migrations()
    before.steps = [step for step in MIGRATIONS.steps if step.name < "0006"]
    before.apply(connection)
    ids = [write_trace(connection, trace, content_hash(trace.document)) for trace in _documents("Old report", 3)]
    shape = connection.execute("SELECT type, name FROM sqlite_master WHERE tbl_name = 'documents' ORDER BY name").fetchall()
    connection.close()

    with Store.open(path) as store:
        assert store.migrate() == [] and recorded(path)[-1] == "0006_document_ids_never_reused"
        assert [row["id"] for row in store.documents()] == ids and store.get_trace(ids[1])["figures"][0]["value"] == 101
        assert store.search(text="Old report 2")[0] == 1 and len(store.figures(indicator="mil.desertion_cases")) == 3
        store.delete([ids[-1]])
        assert store.add(_documents("New report", 1)[0]) == ids[-1] + 1
    with sqlite3.connect(path) as check:
        assert "AUTOINCREMENT" in check.execute("SELECT sql FROM sqlite_master WHERE name = 'documents'").fetchone()[0]
        assert check.execute("SELECT type, name FROM sqlite_master WHERE tbl_name = 'documents' ORDER BY name").fetchall() == shape
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = [check.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("documents", "traces", "figures")]
        assert counts == [3, 3, 3]  # the deleted document's trace and figure went with it
        assert check.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'documents_before%'").fetchone()[0] == 0
