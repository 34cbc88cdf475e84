"""The command line, driven through click's CliRunner with a stand-in for the extractor."""
from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

import sourcetrace
import sourcetrace.api
from sourcetrace.cli import main as cli_main
from sourcetrace.errors import ComponentError
from sourcetrace.model.records import Trace


def fake_trace(document) -> Trace:
    if "CRASH" in document.text:
        raise ComponentError("figures", document.source, ValueError("boom"))
    if "PLAIN" in document.text:
        raise KeyError("plain")
    return Trace(document, warnings=[f"traced {len(document.text)} characters"])


def per_document(trace_one):
    """A stand-in for ``api.trace_many`` that yields, in order, a trace or the error of each."""
    def trace_many(documents):
        for document in documents:
            try:
                yield trace_one(document)
            except Exception as exc:  # noqa: BLE001 - as trace_many hands errors on
                yield exc
    return trace_many


@pytest.fixture(autouse=True)
def no_extractor(monkeypatch):
    monkeypatch.setattr(sourcetrace.api, "trace_many", per_document(fake_trace))


def invoke(*args, input=None):
    return CliRunner().invoke(cli_main.cli, [str(arg) for arg in args], input=input)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_file_as_text(tmp_path):
    result = invoke("trace", write(tmp_path, "a.txt", "Ukraine lost 500 soldiers."), "--outlet", "TASS")
    assert result.exit_code == 0, result.output
    assert "══ " in result.stdout and "outlet: TASS" in result.stdout and result.stderr == ""


def test_some_inputs_fail_and_the_others_complete(tmp_path):
    good, other = write(tmp_path, "good.txt", "Report one."), write(tmp_path, "other.txt", "Report two.")
    empty = write(tmp_path, "empty.txt", "")
    result = invoke("trace", good, tmp_path / "missing.txt", empty, other, "--format", "jsonl")
    assert result.exit_code == 1
    traced = [json.loads(line)["document"]["text"] for line in result.stdout.splitlines()]
    assert traced == ["Report one.", "Report two."]
    assert f"sourcetrace: {tmp_path / 'missing.txt'}: [E001] no such file." in result.stderr
    assert f"sourcetrace: {empty}: [E004]" in result.stderr
    assert "sourcetrace: [W006] 2 of 4 inputs failed (see above); 2 traced." in result.stderr


def test_a_crash_in_one_document_names_the_component_and_the_run_goes_on(tmp_path):
    crash = write(tmp_path, "crash.txt", "CRASH here")
    plain = write(tmp_path, "plain.txt", "PLAIN failure")
    fine = write(tmp_path, "fine.txt", "Fine.")
    result = invoke("trace", crash, plain, fine, "--format", "jsonl")
    assert result.exit_code == 1
    assert f"sourcetrace: {crash}: [E100] the extractor failed in component 'figures': ValueError: boom." \
        in result.stderr
    assert f"sourcetrace: {plain}: [E100] the extractor failed: KeyError: 'plain'." in result.stderr
    assert json.loads(result.stdout)["document"]["text"] == "Fine."
    assert "Traceback" not in result.stderr


def test_traceback_on_request(tmp_path):
    result = invoke("trace", write(tmp_path, "crash.txt", "CRASH"), "--traceback")
    assert result.exit_code == 1 and "Traceback (most recent call last)" in result.stderr


def test_a_bad_json_line_fails_alone(tmp_path):
    feed = write(tmp_path, "feed.jsonl", '{"text": "one"}\n{oops\n{"text": "three"}\n')
    result = invoke("trace", feed, "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert f"sourcetrace: {feed}:2: [E020] not valid JSON" in result.stderr


def test_json_takes_exactly_one_document(tmp_path):
    a, b = write(tmp_path, "a.txt", "A"), write(tmp_path, "b.txt", "B")
    result = invoke("trace", a, b, "--format", "json")
    assert result.exit_code == 2 and "--format jsonl" in result.stderr and result.stdout == ""


def test_json_from_a_jsonl_of_several_documents_stops_without_a_file(tmp_path):
    feed = write(tmp_path, "feed.jsonl", '{"text": "one"}\n{"text": "two"}\n')
    out = tmp_path / "out.json"
    result = invoke("trace", feed, "--format", "json", "-o", out)
    assert result.exit_code == 2 and "--format jsonl" in result.stderr
    assert not out.exists()


def test_json_of_one_document(tmp_path):
    result = invoke("trace", write(tmp_path, "a.txt", "Текст."), "--format", "json", "--published", "2025-05-03")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["document"]["text"] == "Текст."
    assert data["document"]["published"] == "2025-05-03"


def test_max_bytes_lower_limit(tmp_path):
    path = write(tmp_path, "a.txt", "x" * 5000)
    result = invoke("trace", path, "--max-bytes", "1K")
    assert result.exit_code == 1
    assert "[E006] the input is 5,000 bytes, over the limit of 1,000 bytes" in result.stderr
    assert "--max-bytes" in result.stderr
    assert invoke("trace", path, "--max-bytes", "5K").exit_code == 0


def test_a_50_megabyte_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    result = invoke("trace", path)
    assert time.monotonic() - started < 5
    assert result.exit_code == 1 and "[E006]" in result.stderr and "--max-bytes 53M" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--published", "03/05/2025"], "YYYY-MM-DD"),
    (["--max-bytes", "lots"], "is not a size"),
    (["--format", "pdf"], "'pdf' is not one of"),
    (["-o", "{tmp}/no/such/dir/out.txt"], "cannot write"),
])
def test_usage_errors_exit_2(tmp_path, args, message):
    path = write(tmp_path, "a.txt", "A")
    result = invoke("trace", path, *[arg.format(tmp=tmp_path) for arg in args])
    assert result.exit_code == 2 and message in result.stderr


def test_no_inputs_is_a_usage_error():
    result = invoke("trace")
    assert result.exit_code == 2 and "INPUT" in result.stderr


def test_standard_input():
    result = invoke("trace", "-", "--format", "jsonl", input="Piped report.\r\n")
    assert json.loads(result.stdout)["document"]["text"] == "Piped report.\n"


def test_html_to_a_file(tmp_path):
    out = tmp_path / "report.html"
    result = invoke("trace", write(tmp_path, "a.txt", "<script>alert(1)</script>"), "--format", "html", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_summary_after_more_than_a_few_documents(tmp_path):
    paths = [write(tmp_path, f"{n}.txt", f"Report {n}.") for n in range(5)]
    result = invoke("trace", *paths, "--format", "jsonl")
    assert result.exit_code == 0 and "sourcetrace: 5 documents traced." in result.stderr


def test_schema_prints_the_json_schema():
    result = invoke("schema")
    assert result.exit_code == 0 and json.loads(result.stdout)["$id"] == "sourcetrace.trace/1"


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and sourcetrace.__version__ in result.stdout


def test_demo_without_its_example(monkeypatch):
    monkeypatch.setattr(cli_main, "EXAMPLE", ("examples", "no-such-example.txt"))
    result = invoke("demo", "--example")
    assert result.exit_code == 1 and "[E101] the example report is missing" in result.stderr


@pytest.mark.parametrize("command", ["trace", "demo", "schema", "ingest", "query", "sources", "indicators",
                                     "barometer", "check"])
def test_every_command_has_help_with_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Example" in result.stdout


def test_a_long_text_gets_a_heads_up(tmp_path, monkeypatch):
    monkeypatch.setattr("sourcetrace.cli.console.LONG_TEXT", 100)
    path = write(tmp_path, "long.txt", "word " * 100)
    result = invoke("trace", path, "-f", "jsonl")
    assert result.exit_code == 0 and f"{path}: [W001] 500 characters; a text this long takes minutes" in result.stderr


def test_an_unsupported_language_is_not_called_a_bug(tmp_path, monkeypatch):
    from sourcetrace.errors import UnsupportedLanguage

    def refuse(document):
        raise UnsupportedLanguage(document.language, ["en"])

    monkeypatch.setattr(sourcetrace.api, "trace_many", per_document(refuse))
    feed = write(tmp_path, "feed.jsonl", '{"text": "Текст.", "language": "ru"}\n')
    result = invoke("trace", feed)
    assert result.exit_code == 1
    assert "[E102] the text is in 'ru'" in result.stderr and "traces en" in result.stderr
    assert "bug" not in result.stderr


def test_trace_reads_a_folder_as_ingest_does(tmp_path):
    (tmp_path / "in" / "deep").mkdir(parents=True)
    write(tmp_path / "in", "a.txt", "Report A.")
    write(tmp_path / "in" / "deep", "b.jsonl", '{"text": "Report B."}\n')
    result = invoke("trace", tmp_path / "in", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["document"]["text"] for line in result.stdout.splitlines()] == ["Report A.", "Report B."]


def test_a_web_address_gets_a_hint_not_no_such_file():
    result = invoke("trace", "https://example.org/story?id=1")
    assert result.exit_code == 1 and "[E051]" in result.stderr and "curl -sL" in result.stderr
