"""kill -9 in the middle of an ingest: the store keeps whole documents only, and a rerun completes it.

A real process, real tracing, a real SIGKILL: the writer may be anywhere in a transaction when it
dies, which is the point.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from store_helpers import write_jsonl

TOTAL = 400
TIMEOUT_S = 120


def stored_count(db) -> int | None:
    """Documents committed so far, or None while the file is not there or not migrated yet."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return None


def ingest_command(feed, db) -> list[str]:
    return [sys.executable, "-m", "sourcetrace.cli", "ingest", str(feed), "--db", str(db)]


def kill_once_some_are_stored(process, db) -> int:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the ingest ended before it could be killed:\n{process.stderr.read()}")
        if (stored_count(db) or 0) > 0:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return process.returncode
        time.sleep(0.002)
    pytest.fail("no document was stored in time")


def test_kill_9_mid_ingest_leaves_only_whole_documents_and_a_rerun_completes(tmp_path):
    texts = [f"Ukraine lost {100 + i} soldiers in the past day, TASS reported, citing unnamed sources."
             for i in range(TOTAL)]
    feed = write_jsonl(tmp_path / "feed.jsonl", texts, published="2025-05-03")
    db = tmp_path / "crash.db"
    process = subprocess.Popen(ingest_command(feed, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    assert kill_once_some_are_stored(process, db) == -signal.SIGKILL

    with sqlite3.connect(db) as connection:  # opening it recovers the WAL the dead writer left
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        survivors = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert 0 < survivors < TOTAL, "the kill came after the ingest had finished: nothing was tested"
        assert whole_documents(connection) == survivors

    rerun = subprocess.run(ingest_command(feed, db), capture_output=True, text=True, timeout=TIMEOUT_S)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{TOTAL - survivors} new, {survivors} already in the store" in rerun.stdout

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = [row[0] for row in connection.execute("SELECT text FROM documents")]
        assert sorted(stored) == sorted(texts)  # every document, each exactly once
        assert whole_documents(connection) == TOTAL


def whole_documents(connection: sqlite3.Connection) -> int:
    """Check every document has its trace and exactly the figure rows its trace lists; their count."""
    orphans = connection.execute("""SELECT count(*) FROM documents d
                                    WHERE NOT EXISTS (SELECT 1 FROM traces t WHERE t.document_id = d.id)""")
    assert orphans.fetchone()[0] == 0, "a document without its trace"
    stray = connection.execute("""SELECT count(*) FROM figures f
                                  WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.document_id)""")
    assert stray.fetchone()[0] == 0, "figures without their document"
    whole = 0
    for document_id, trace in connection.execute("SELECT document_id, trace FROM traces"):
        listed = len(json.loads(trace)["figures"])
        rows = connection.execute("SELECT count(*) FROM figures WHERE document_id = ?", (document_id,)).fetchone()[0]
        assert rows == listed > 0, f"document {document_id}: {rows} figure rows for {listed} figures"
        whole += 1
    return whole
