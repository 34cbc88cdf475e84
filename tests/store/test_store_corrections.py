"""A store that can be corrected (issue 8, part 6): documents known by where they came from as well
as by their text, a corrected copy reported and — with --replace — put in the old one's place, two
inputs that reuse an id kept apart, stale traces traced again, documents listed and deleted."""
from __future__ import annotations

import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from sourcetrace.cli.main import cli
from sourcetrace.store import Store
from sourcetrace.store.rows import document_key

TEXT = "Prosecutors opened 1,150 desertion cases last month, the Defence Ministry said."


def write_lines(path, *records) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def stored(db) -> list[dict]:
    with Store.open(db, create=False) as store:
        return store.documents()


def test_a_document_is_known_by_its_input_and_own_id_or_its_file():
    assert document_key("a.jsonl#3", "1", None) == "a.jsonl\t1"
    assert document_key("a.jsonl#9", "1", None) == "a.jsonl\t1"  # the line it sits on may move
    assert document_key("crawl.warc@1024", None, "https://x.example/a") == "crawl.warc\thttps://x.example/a"
    assert document_key("reports/a.txt", None, None) == "reports/a.txt"
    assert document_key("-", None, None) is None and document_key("a.jsonl#3", None, None) is None


def test_a_corrected_date_is_reported_not_ignored_and_replace_puts_it_in_place(tmp_path):
    db = tmp_path / "s.db"
    first = write_lines(tmp_path / "feed.jsonl", {"id": "a", "text": TEXT, "published": "2025-08-04"})
    assert run("ingest", first, "--db", db).exit_code == 0
    [before] = stored(db)
    corrected = write_lines(tmp_path / "feed.jsonl", {"id": "a", "text": TEXT, "published": "2025-09-03"})
    result = run("ingest", corrected, "--db", db)
    assert result.exit_code == 0 and "0 new" in result.stdout and "1 skipped" in result.stdout
    assert "[W007]" in result.stderr and "published" in result.stderr and "--replace" in result.stderr
    assert [d["published"] for d in stored(db)] == ["2025-08-04"]

    result = run("ingest", corrected, "--db", db, "--replace")
    assert result.exit_code == 0 and "1 new" in result.stdout
    [after] = stored(db)
    assert after["published"] == "2025-09-03" and after["ingested_at"] >= before["ingested_at"]
    with Store.open(db, create=False) as store:
        [trace] = list(store.traces())
    period = trace["figures"][0]["period"]
    assert (period["start"], period["end"]) == ("2025-08-01", "2025-08-31")  # "last month" read from the new date
    assert run("ingest", corrected, "--db", db, "--replace").stdout.__contains__("0 new, 1 already")


def test_a_corrected_text_under_the_same_id_is_a_new_version_of_it(tmp_path):
    db = tmp_path / "s.db"
    run("ingest", write_lines(tmp_path / "f.jsonl", {"id": "a", "text": TEXT}), "--db", db)
    fixed = write_lines(tmp_path / "f.jsonl", {"id": "a", "text": TEXT.replace("1,150", "1,105")})
    assert "text" in run("ingest", fixed, "--db", db).stderr
    run("ingest", fixed, "--db", db, "--replace")
    with Store.open(db, create=False) as store:
        assert [f["value"] for f in store.figures()] == [1105]


def test_two_inputs_that_both_call_a_document_1_hold_two_documents(tmp_path):
    db = tmp_path / "s.db"
    a = write_lines(tmp_path / "a.jsonl", {"id": "1", "text": TEXT})
    b = write_lines(tmp_path / "b.jsonl", {"id": "1", "text": TEXT.replace("1,150", "2,300")})
    assert run("ingest", a, b, "--db", db).stdout.__contains__("2 new")
    assert sorted(d["external_id"] for d in stored(db)) == ["1", "1"]
    assert run("ingest", a, b, "--db", db).stdout.__contains__("0 new, 2 already")


def test_traces_record_what_made_them_and_retrace_renews_what_older_code_made(tmp_path):
    from sourcetrace import refresh
    from sourcetrace.registry import Registry

    db = tmp_path / "s.db"
    run("ingest", write_lines(tmp_path / "f.jsonl", {"id": "a", "text": TEXT, "published": "2025-08-04"},
                              {"id": "b", "text": TEXT.replace("1,150", "990"), "published": "2025-08-04"}), "--db", db)
    [first, second] = stored(db)
    assert first["generator"]["code"] == refresh.code_digest()
    assert first["generator"]["registry"] == Registry.load().version and first["generator"]["pipeline"]
    assert run("retrace", "--db", db).stdout.__contains__("0 re-traced, 2 up to date")

    with sqlite3.connect(db) as connection:  # as if an older tracer had made the first one
        old = json.dumps({**first["generator"], "code": "sha256:older"})
        connection.execute("UPDATE traces SET generator = ? WHERE document_id = ?", (old, first["id"]))
        connection.execute("DELETE FROM figures WHERE document_id = ?", (first["id"],))
    listed = run("documents", "--db", db, "--stale", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in listed] == [first["id"]]
    result = run("retrace", "--db", db)
    assert result.exit_code == 0 and result.stdout.__contains__("1 re-traced, 1 up to date")
    [again, _] = stored(db)
    assert again["id"] == first["id"] and again["generator"]["code"] == refresh.code_digest()
    assert again["figures"] == 1  # the figures came back with the new trace
    assert run("retrace", "--db", db, "--all").stdout.__contains__("2 re-traced, 0 up to date")


def test_a_russian_or_ukrainian_trace_is_held_against_its_own_pipeline(tmp_path):
    """Each language has its own parser: a trace just made in Russian or Ukrainian is current, not
    stale for being made by another parser than English's (it was listed stale and retraced on every
    run)."""
    db = tmp_path / "s.db"
    texts = [{"id": "en", "text": TEXT},
             {"id": "ru", "text": "Военная прокуратура сообщила, что в мае возбуждено 1 200 уголовных дел.", "language": "ru"},
             {"id": "uk", "text": "Військова прокуратура повідомила, що у травні відкрито 1 150 справ.", "language": "uk"}]
    assert run("ingest", write_lines(tmp_path / "f.jsonl", *texts), "--db", db).exit_code == 0
    assert sorted(row["generator"]["language"] for row in stored(db)) == ["en", "ru", "uk"]
    assert run("documents", "--db", db, "--stale", "--format", "jsonl").stdout == ""
    assert "0 re-traced, 3 up to date" in run("retrace", "--db", db).stdout


def test_documents_are_listed_and_deleted_by_id_or_by_input(tmp_path):
    db = tmp_path / "s.db"
    a = write_lines(tmp_path / "a.jsonl", {"id": "1", "text": TEXT})
    b = write_lines(tmp_path / "b.jsonl", {"id": "1", "text": TEXT.replace("1,150", "2,300")},
                    {"id": "2", "text": TEXT.replace("1,150", "700")})
    run("ingest", a, b, "--db", db)
    table = run("documents", "--db", db).stdout
    assert "a.jsonl" in table and "b.jsonl" in table and "this code" in table
    first = stored(db)[0]["id"]
    result = run("delete", first, "--db", db)
    assert result.exit_code == 0 and "1 document deleted" in result.stdout
    assert run("delete", "--input", b, "--db", db).stdout.__contains__("2 documents deleted")
    assert stored(db) == []
    result = run("delete", 999, "--db", db)
    assert result.exit_code == 1 and "[E307]" in result.stderr
    assert "[E306]" in run("delete", "--db", db).output


def test_the_documents_json_lines_follow_their_schema(tmp_path):
    from importlib.resources import files

    from jsonschema import Draft202012Validator

    db = tmp_path / "s.db"
    run("ingest", write_lines(tmp_path / "a.jsonl", {"id": "1", "text": TEXT}), "--db", db)
    schema = json.loads(files("sourcetrace").joinpath("model", "schemas", "documents-1.json").read_text())
    for line in run("documents", "--db", db, "--format", "jsonl").stdout.splitlines():
        assert list(Draft202012Validator(schema).iter_errors(json.loads(line))) == []


@pytest.mark.parametrize("source, external_id, url", [("a.jsonl#3", "1", None), ("r/a.txt", None, None)])
def test_the_migration_gives_stored_documents_their_keys(tmp_path, source, external_id, url):
    from sourcetrace.store.db import connect_writer
    from sourcetrace.store.schema import MIGRATIONS, document_keys

    connection = connect_writer(tmp_path / "old.db")
    for migration in MIGRATIONS.steps[:3]:  # a store made before document keys
        migration.step(connection)
    connection.execute("INSERT INTO documents (content_hash, external_id, source, url, language, text, ingested_at) "
                       "VALUES ('h', ?, ?, ?, 'en', 't', 'now')", (external_id, source, url))
    document_keys(connection)
    assert connection.execute("SELECT document_key FROM documents").fetchone()[0] == document_key(source, external_id, url)


def test_retrace_shows_its_progress_on_a_terminal(tmp_path):
    """`sourcetrace retrace` draws the one progress line on stderr when that is a terminal: how many
    stale documents are settled, of how many (it once said '67% of 0.0 MB', a count of documents
    read as bytes), and the line is erased before the summary."""
    db = tmp_path / "s.db"
    texts = [{"id": str(n), "text": TEXT.replace("1,150", f"{1_000 + 7 * n:,}"), "published": "2025-08-04"}
             for n in range(6)]
    assert run("ingest", write_lines(tmp_path / "f.jsonl", *texts), "--db", db).exit_code == 0
    with sqlite3.connect(db) as connection:  # as if an older tracer had made them all
        connection.execute("UPDATE traces SET generator = json_set(generator, '$.code', 'sha256:older')")
    stdout, stderr = on_a_terminal(["retrace", "--db", str(db)])
    assert "6 re-traced, 0 up to date" in stdout
    drawn = [line for line in stderr.split("\r\x1b[K") if line]
    assert drawn, f"no progress line on the terminal: {stderr!r}"
    assert all(re.fullmatch(r"sourcetrace: [1-6] re-traced, 0 up to date … [1-6] of 6 documents", line)
               for line in drawn), drawn
    assert stderr.endswith("\r\x1b[K")  # erased before the summary is written


def on_a_terminal(args: list[str]) -> tuple[str, str]:
    """(stdout, stderr) of the command line run in a new process whose stderr is a terminal."""
    import os
    import pty
    import subprocess
    import sys

    terminal, its_end = pty.openpty()
    process = subprocess.Popen([sys.executable, "-c", "from sourcetrace.cli.main import main; main()", *args],
                               stdout=subprocess.PIPE, stderr=its_end, stdin=subprocess.DEVNULL)
    os.close(its_end)
    written = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        written += chunk
    os.close(terminal)
    stdout = process.communicate()[0]
    assert process.returncode == 0, written
    return stdout.decode(), written.decode()
