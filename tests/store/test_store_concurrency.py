"""Readers beside the writer: WAL lets a query run while an ingest writes, and never wait for it."""
from __future__ import annotations

import threading
import time

from store_helpers import ingest, traced, write_jsonl
from sourcetrace import batch
from sourcetrace.model.records import Trace
from sourcetrace.store import Store

WAIT_S = 20


def test_a_reader_is_not_blocked_by_an_open_write_transaction(store):
    store.add(traced("Before."))
    inside, release = threading.Event(), threading.Event()

    def hold_a_write_open(connection):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO documents (content_hash, language, text, ingested_at) "
                           "VALUES ('h', 'en', 'During.', 'now')")
        inside.set()
        release.wait(WAIT_S)
        connection.execute("COMMIT")

    held = store.writer.submit(hold_a_write_open)
    assert inside.wait(WAIT_S)
    started = time.monotonic()
    with Store.open(store.path, create=False) as other:  # as another process would: its own connections
        during = [document["id"] for document in other.documents()]
    assert time.monotonic() - started < 2  # no waiting on the writer's lock
    assert during == [1]  # the last committed state, without the open transaction's row
    release.set()
    held.result(WAIT_S)
    assert len(store.documents()) == 2


HALF = 2 * batch.BATCH_DOCUMENTS


def test_queries_run_while_an_ingest_writes(tmp_path, store):
    feed = write_jsonl(tmp_path / "feed.jsonl", [f"Report {i}." for i in range(300)])
    halfway = threading.Event()
    traced = []

    def tracer_that_pauses_halfway(documents):
        if len(traced) == HALF:  # two batches of 64 are stored
            halfway.wait(WAIT_S)  # until the test has read the store in the middle of the run
        traced.extend(documents)
        return [Trace(document, generator={"sourcetrace": "test"}) for document in documents]

    reports = []
    running = threading.Thread(target=lambda: reports.append(ingest(store, [feed], tracer=tracer_that_pauses_halfway)))
    running.start()
    counts = []
    deadline = time.monotonic() + WAIT_S
    with Store.open(store.path, create=False) as reader:
        while time.monotonic() < deadline and (not counts or counts[-1] < HALF):
            counts.append(len(reader.documents()))
        reader.figures(outlet="nobody")  # a filtered query in the middle works too
    halfway.set()
    running.join(WAIT_S)
    assert counts[-1] == HALF  # the reader saw the ingest half done
    assert counts == sorted(counts)  # and never a count going back
    assert reports[0].new == 300 and len(store.documents()) == 300


def test_two_stores_ingesting_one_file_at_once_store_each_document_once(tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", [f"Report {i}." for i in range(200)])
    path = tmp_path / "shared.db"
    Store.open(path).close()
    reports = []

    def run():
        with Store.open(path) as store:  # each with its own writer thread, as two processes would be
            reports.append(ingest(store, [feed], tracer=lambda documents: (Trace(d) for d in documents)))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_S)
    assert sum(report.new for report in reports) == 200
    assert sum(report.new + report.duplicate for report in reports) == 400
    with Store.open(path) as store:
        assert len(store.documents()) == 200
