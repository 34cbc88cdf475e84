"""``sourcetrace ingest`` and ``sourcetrace query`` through click's CliRunner."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from store_helpers import fake_trace_many, figure, traced, write_jsonl
from sourcetrace.cli.main import cli
import sourcetrace.api
from sourcetrace.store import Store


@pytest.fixture(autouse=True)
def no_extractor(monkeypatch):
    monkeypatch.setattr(sourcetrace.api, "trace_many", fake_trace_many)


def invoke(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def test_ingest_then_again_reports_counts_and_exit_codes(tmp_path):
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "feed.jsonl", ["One.", "Two.", "Three."])
    (tmp_path / "in" / "notes.md").write_text("# notes")
    db = tmp_path / "s.db"
    first = invoke("ingest", tmp_path / "in", "--db", db)
    assert first.exit_code == 0, first.output
    assert f"sourcetrace: 3 new, 0 already in the store, 1 skipped (store: {db})." in first.stdout
    assert f"sourcetrace: skipped {tmp_path / 'in' / 'notes.md'}: [E050]" in first.stderr
    again = invoke("ingest", tmp_path / "in", "--db", db)
    assert again.exit_code == 0
    assert "0 new, 3 already in the store" in again.stdout


def test_a_failure_makes_the_exit_code_1(tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", ["Fine.", "CRASH"])
    result = invoke("ingest", feed, tmp_path / "missing.txt", "--db", tmp_path / "s.db")
    assert result.exit_code == 1
    assert "1 new, 0 already in the store, 2 failed" in result.stdout
    assert "[E100]" in result.stderr and "[E001]" in result.stderr


def test_ingest_overrides_and_max_bytes(tmp_path):
    (tmp_path / "a.txt").write_text("A report.")
    (tmp_path / "big.txt").write_text("x" * 2000)
    db = tmp_path / "s.db"
    result = invoke("ingest", tmp_path / "a.txt", tmp_path / "big.txt", "--db", db, "--outlet", "TASS",
                    "--published", "2025-05-03", "--max-bytes", "1K")
    assert result.exit_code == 0 and "[E006]" in result.stderr
    with Store.open(db) as store:
        [document] = store.documents()
    assert (document["outlet"], document["published"]) == ("TASS", "2025-05-03")


def test_many_problems_are_summed_up_not_all_listed(tmp_path):
    (tmp_path / "in").mkdir()
    for number in range(25):
        (tmp_path / "in" / f"{number:02d}.md").write_text("x")
    result = invoke("ingest", tmp_path / "in", "--db", tmp_path / "s.db")
    assert result.stderr.count("[E050]") == 20
    assert "… and 5 more skipped; all are in the store's 'skipped' table." in result.stderr


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    with Store.open(path) as store:
        store.add(traced("9,810 desertion cases.", outlet="TASS", published="2024-02-07", figures=[
            figure("f1", "9,810", 9810, indicator="mil.desertion_cases", period=("2023-01-01", "2023-12-31"),
                   links=[("TASS", "relay"), ("the Defence Ministry", "origin")])]))
        store.add(traced("300 killed.", outlet="Reuters", published="2024-05-01", figures=[
            figure("f1", "300", 300, indicator="conflict.killed", links=[("Reuters", "outlet")])]))
    return path


def test_query_as_a_table(db):
    result = invoke("query", "--db", db)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("doc") and len(lines) == 4
    assert "TASS (relay) ← the Defence Ministry (origin)" in lines[2]


def test_query_filters_as_csv(db):
    result = invoke("query", "--db", db, "--source", "defence", "--from", "2023-06", "--to", "2023-06",
                    "--format", "csv")
    assert result.exit_code == 0
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["value"], row["outlet"], row["origin_name"]) == ("9810.0", "TASS", "the Defence Ministry")


def test_query_as_json_lines(db):
    result = invoke("query", "--db", db, "--indicator", "conflict", "-f", "jsonl")
    [line] = result.stdout.splitlines()
    assert json.loads(line)["links"] == [{"name": "Reuters", "span": None, "role": "outlet", "anonymous": False,
                                          "vague": False, "kind": None, "via": None,
                                              "speaks_for": None, "inherited_from": None}]


def test_query_with_nothing_matching_says_so(db):
    result = invoke("query", "--db", db, "--outlet", "nobody")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no figures match" in result.stderr


def test_query_refuses_a_month_it_cannot_read(db):
    result = invoke("query", "--db", db, "--from", "March")
    assert result.exit_code == 2 and "[E601]" in result.stderr


def test_query_without_a_store_says_to_ingest_first(tmp_path):
    result = invoke("query", "--db", tmp_path / "none.db")
    assert result.exit_code == 1
    assert "[E300] no store at" in result.stderr and "sourcetrace ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("command", ["ingest", "query"])
def test_help_has_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and f"sourcetrace {command} " in result.stdout.split("Examples:")[1]


def test_an_ingest_of_nothing_that_exists_leaves_no_empty_store(tmp_path):
    result = invoke("ingest", tmp_path / "missing.txt", "https://example.org/story", "--db", tmp_path / "s.db")
    assert result.exit_code == 1 and "[E001]" in result.stderr and "[E051]" in result.stderr
    assert not (tmp_path / "s.db").exists()


def test_a_folder_walk_passes_over_the_store_s_own_files(tmp_path):
    write_jsonl(tmp_path / "feed.jsonl", ["One."])
    first = invoke("ingest", tmp_path, "--db", tmp_path / "sourcetrace.db")
    again = invoke("ingest", tmp_path, "--db", tmp_path / "sourcetrace.db")  # the store and its -wal among the reports
    assert first.exit_code == again.exit_code == 0
    assert "sourcetrace.db" not in again.stderr and "skipped" not in again.stdout
