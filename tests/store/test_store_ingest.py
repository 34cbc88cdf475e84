"""Ingesting: idempotent by content hash, each document whole, folders walked, problems reported."""
from __future__ import annotations

import sqlite3

from store_helpers import fake_trace_many, figure, ingest, problems, traced, write_jsonl
from sourcetrace import batch
from sourcetrace.ingest import Inputs, Overrides
from sourcetrace.store import Store
from sourcetrace.store.rows import content_hash


def count(path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_ingesting_the_same_inputs_twice_adds_nothing_the_second_time(tmp_path, store):
    feed = write_jsonl(tmp_path / "feed.jsonl", [f"Report number {i}." for i in range(5)])
    first = ingest(store, [feed], tracer=fake_trace_many)
    second = ingest(store, [feed], tracer=fake_trace_many)
    assert (first.new, first.duplicate) == (5, 0)
    assert (second.new, second.duplicate) == (0, 5)
    assert second.summary() == "0 new, 5 already in the store"
    assert count(store.path, "documents") == count(store.path, "traces") == 5


def test_the_same_text_twice_in_one_run_is_stored_once(tmp_path, store):
    (tmp_path / "a.txt").write_text("Kyiv: 12 drones.\n")
    feed = write_jsonl(tmp_path / "feed.jsonl", ["Kyiv:  12 drones.", "Other."])  # spacing differs only
    report = ingest(store, [tmp_path / "a.txt", feed], tracer=fake_trace_many)
    assert (report.new, report.duplicate) == (2, 1)


def test_the_hash_counts_the_language(tmp_path):
    english = traced("Same words.").document
    other = traced("Same words.", language="uk").document
    assert content_hash(english) != content_hash(other)


def test_folders_are_walked_and_unknown_types_skipped_with_a_reason(tmp_path, store):
    (tmp_path / "in" / "deep" / "deeper").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("Report A.")
    (tmp_path / "in" / "deep" / "b.HTML").write_text("<html><body><p>Report B in HTML.</p></body></html>")
    write_jsonl(tmp_path / "in" / "deep" / "deeper" / "c.jsonl", ["Report C.", "Report D."])
    (tmp_path / "in" / "deep" / "notes.md").write_text("# not a report")
    (tmp_path / "in" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "in" / ".git").mkdir()
    (tmp_path / "in" / ".git" / "config").write_text("hidden: passed over")
    report = ingest(store, [tmp_path / "in"], tracer=fake_trace_many)
    assert report.new == 4 and report.ok
    skipped = {problem.input.removeprefix(str(tmp_path / "in") + "/"): problem.problem
               for problem in problems(report, failed=False)}
    assert set(skipped) == {"deep/notes.md", "image.png"}
    assert all("[E050]" in reason and ".warc.gz" in reason for reason in skipped.values())
    sources = sorted(document["input"].removeprefix(str(tmp_path / "in") + "/") for document in store.documents())
    assert sources == ["a.txt", "deep/b.HTML", "deep/deeper/c.jsonl#1", "deep/deeper/c.jsonl#2"]


def test_bad_lines_are_skipped_and_missing_inputs_and_crashes_fail(tmp_path, store):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Good one."}\nnot json\n{"text": "CRASH here"}\n{"text": "Good two."}\n')
    report = ingest(store, [feed, tmp_path / "missing.txt"], tracer=fake_trace_many)
    assert report.new == 2
    assert [(p.input, p.problem[:6]) for p in problems(report, failed=False)] == [(f"{feed}:2", "[E020]")]
    assert sorted((p.input, p.problem[:6]) for p in problems(report, failed=True)) == [
        (f"{feed}#3", "[E100]"), (str(tmp_path / "missing.txt"), "[E001]")]
    assert "component 'figures'" in next(p.problem for p in report.problems if "#3" in p.input)
    assert not report.ok
    with store.reader() as connection:
        rows = connection.execute("SELECT input, failed FROM skipped ORDER BY input").fetchall()
    assert [tuple(row) for row in rows] == [(f"{feed}#3", 1), (f"{feed}:2", 0), (str(tmp_path / "missing.txt"), 1)]


def test_a_skip_met_again_is_one_row_with_the_latest_time(tmp_path, store):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")  # named on its own, so read, and not text
    ingest(store, [tmp_path / "image.png"], tracer=fake_trace_many)
    ingest(store, [tmp_path / "image.png"], tracer=fake_trace_many)
    assert count(store.path, "skipped") == 1


def test_overrides_apply_and_metadata_is_stored(tmp_path, store):
    feed = write_jsonl(tmp_path / "feed.jsonl", ["Report."], url="https://example.org/r", title="T", id="r-1")
    ingest(store, [feed], Overrides(outlet="TASS", published="2025-05-03T10:00:00+03:00"))
    [document] = store.documents()
    assert {key: document[key] for key in ("outlet", "published", "url", "title", "external_id", "language")} == {
        "outlet": "TASS", "published": "2025-05-03", "url": "https://example.org/r", "title": "T",
        "external_id": "r-1", "language": "en"}
    assert document["encoding"] == "utf-8" and document["figures"] == 0


def test_a_document_is_stored_with_its_whole_trace_and_a_row_per_figure(store):
    trace = traced("Ukraine lost 500 soldiers, TASS reported, citing sources.", outlet="TASS", figures=[
        figure("f1", "500 soldiers", 500, indicator="conflict.killed", period=("2025-05-02", "2025-05-03"),
               links=[("TASS", "relay"), ("sources", "origin")], hedged=True),
        figure("f2", "3", 3, links=[("TASS", "relay")])])
    document_id = store.add(trace)
    assert store.get_trace(document_id) == trace.to_dict()
    assert store.add(trace) is None  # the same text again
    first, second = store.figures()
    assert first["chain"] == "TASS (relay) ← sources (origin)"
    assert (first["nearest_source"], first["origin_name"], first["hedged"]) == ("TASS", "sources", True)
    assert (first["period_start"], first["period_end"], first["indicator"]) == ("2025-05-02", "2025-05-03",
                                                                               "conflict.killed")
    assert first["links"][1] == {"name": "sources", "span": None, "role": "origin", "anonymous": False,
                                 "vague": False, "kind": None, "via": None, "speaks_for": None, "inherited_from": None}
    assert first["sentence"] == "Ukraine lost"  # the hand-built figure's sentence span is (0, 12)
    assert (second["origin_name"], second["hedged"]) == (None, False)  # relays only: no origin known


def test_traces_yields_every_stored_trace_for_reconciliation(tmp_path, store):
    for text in ("One.", "Two.", "Three."):
        store.add(traced(text))
    assert [trace["document"]["text"] for trace in store.traces()] == ["One.", "Two.", "Three."]
    assert all(trace["schema"] == "sourcetrace.trace/1" for trace in store.traces())


def test_progress_is_reported_with_counts_and_bytes(tmp_path, store):
    feed = write_jsonl(tmp_path / "feed.jsonl", [f"Report {i}." for i in range(3)])
    seen = []
    reading = Inputs([feed])
    batch.run(reading, store, fake_trace_many, progress=lambda report: seen.append(
        (report.new + report.duplicate, reading.bytes_done, reading.bytes_total)))
    size = feed.stat().st_size
    assert seen[-1] == (3, size, size)
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)


def test_real_tracing_stores_real_figures(tmp_path):
    (tmp_path / "r.txt").write_text("Ukraine lost 500 soldiers in the past day, TASS reported, citing "
                                    "unnamed sources.")
    with Store.open(tmp_path / "real.db") as store:
        report = ingest(store, [tmp_path / "r.txt"], Overrides(published="2025-05-03"), tracer=None)
        [row] = store.figures()
    assert report.new == 1
    assert row["value"] == 500 and row["chain"] == "TASS (relay) ← unnamed sources (origin, anonymous)"  # as the report writes it
    assert row["period_start"] == "2025-05-02" and row["published"] == "2025-05-03"
