"""Outputs defined once: every command's --format comes from the one renderer table, the shared
options are the same everywhere, every JSON output validates against the schema `sourcetrace schema`
prints, and every HTML page comes from the one template with a policy that lets only its own
scripts run."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from sourcetrace.cli.main import SCHEMAS, cli
from sourcetrace.report import formats
from sourcetrace.report.page import page

PACKAGE = Path(__file__).resolve().parent.parent / "sourcetrace"
DEMO = PACKAGE / "examples" / "demo" / "demo.jsonl"
# command → the kind of data object it makes
KINDS = {"trace": "trace", "demo": "trace", "query": "figures", "barometer": "barometer", "check": "check",
         "sources": "sources", "indicators": "indicators", "ingest": "ingest", "documents": "documents",
         "delete": "delete", "retrace": "retrace"}
SHARED = ("db", "registry_file", "month_from", "month_to", "output", "published")
# The walk-through makes its store anew each run: it must never default to the user's own store.
OWN = {("demo", "db")}


def invoke(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def param(command: str, name: str) -> click.Parameter | None:
    return next((p for p in cli.commands[command].params if p.name == name), None)


@pytest.mark.parametrize("command", KINDS)
def test_format_offers_what_the_renderers_of_its_kind_are(command):
    assert tuple(param(command, "format_").type.choices) == formats(KINDS[command])


def test_every_command_with_a_format_is_checked_here():
    """A new command's --format is held to the renderer table as soon as it has one."""
    assert {name for name in cli.commands if param(name, "format_") is not None} == set(KINDS)


@pytest.mark.parametrize("name", SHARED)
def test_a_shared_option_is_the_same_in_every_command(name):
    found = {command: param(command, name) for command in cli.commands
             if isinstance(param(command, name), click.Option) and (command, name) not in OWN}
    assert len(found) >= 2, f"{name} is shared by fewer than two commands"
    shapes = {(tuple(p.opts), type(p.type).__name__, p.metavar, p.default if name != "published" else None)
              for p in found.values()}
    assert len(shapes) == 1, found


def test_the_old_table_format_is_still_read_as_text(tmp_path):
    result = invoke("indicators", "--format", "table")
    assert result.exit_code == 0 and "mil.desertion_cases" in result.stdout


# --- every JSON output against its schema -------------------------------------------------------

def validator(name: str) -> Draft202012Validator:
    schema = json.loads(files("sourcetrace").joinpath("model", "schemas", SCHEMAS[name]).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def problems(name: str, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(data)]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_prints_each_schema(name):
    result = invoke("schema", name)
    assert result.exit_code == 0 and json.loads(result.stdout)["$schema"].startswith("https://json-schema.org/")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """The demo corpus, traced for real, in a store; and what ingest said as JSON."""
    db = tmp_path_factory.mktemp("outputs") / "demo.db"
    result = invoke("ingest", DEMO, "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return db, json.loads(result.stdout)


def test_ingest_json(demo_store):
    _, report = demo_store
    assert problems("ingest", report) == [] and report["new"] == 17


def test_query_jsonl_lines(demo_store):
    db, _ = demo_store
    result = invoke("query", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and [error for row in rows for error in problems("figures", row)] == []


def test_barometer_json(demo_store):
    db, _ = demo_store
    result = invoke("barometer", "mil.desertion_cases", "--scope", "Valdoria", "--db", db, "--format", "json")
    data = json.loads(result.stdout)
    assert problems("barometer", data) == [] and data["contradictions"]


def test_check_json(demo_store):
    db, _ = demo_store
    claim = "Valdoria registers 20,000 desertion cases a month, a source told DRAVTASS."
    result = invoke("check", claim, "--published", "2025-10-07", "--db", db, "--format", "json")
    assert problems("check", json.loads(result.stdout)) == []


@pytest.mark.parametrize("command", ["sources", "indicators"])
def test_registry_listings_are_registry_files(command):
    assert problems("registry", json.loads(invoke(command, "--format", "json").stdout)) == []


def test_trace_json(tmp_path):
    (tmp_path / "r.txt").write_text("TASS said 300 soldiers deserted in May, citing a source.", encoding="utf-8")
    result = invoke("trace", tmp_path / "r.txt", "--published", "2025-06-02", "--format", "json")
    assert problems("trace", json.loads(result.stdout)) == []


def test_retrace_and_delete_json(tmp_path):
    (tmp_path / "r.txt").write_text("TASS said 300 soldiers deserted in May, citing a source.", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Reuters said 12 people were killed on Tuesday.", encoding="utf-8")
    db = tmp_path / "s.db"
    assert invoke("ingest", tmp_path / "r.txt", tmp_path / "s.txt", "--db", db).exit_code == 0
    retraced = json.loads(invoke("retrace", "--all", "--db", db, "--format", "json").stdout)
    assert problems("retrace", retraced) == [] and (retraced["retraced"], retraced["current"]) == (2, 0)
    result = invoke("delete", "1", "99", "--db", db, "--format", "json")
    deleted = json.loads(result.stdout)
    assert problems("delete", deleted) == [] and (deleted["deleted"], deleted["missing"]) == ([1], [99])
    assert result.exit_code == 1 and "[E307]" in result.stderr
    assert invoke("delete", "--input", tmp_path / "s.txt", "--db", db).stdout == f"1 document deleted (store: {db}).\n"


def test_a_hand_made_wrong_output_fails_its_schema():
    assert problems("ingest", {"schema": "sourcetrace.ingest/1", "new": -1}) != []


# --- one HTML page -----------------------------------------------------------------------------

class Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.policy, self._in, self._text = [], None, False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.policy = attrs["content"]
        if tag == "script" and attrs.get("type") is None:
            self._in, self._text = True, []

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in:
            self.scripts.append("".join(self._text))
            self._in = False


def allowed_exactly_its_scripts(html: str) -> bool:
    found = Scripts()
    found.feed(html)
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in found.scripts}
    script_src = re.search(r"script-src ([^;]*)", found.policy).group(1).split()
    return bool(found.scripts) and set(script_src) == hashes and "default-src 'none'" in found.policy


def test_the_trace_page_and_the_chart_page_share_the_template_and_its_policy(demo_store, tmp_path):
    db, _ = demo_store
    (tmp_path / "r.txt").write_text("300 soldiers deserted in May.", encoding="utf-8")
    trace_page = invoke("trace", tmp_path / "r.txt", "--format", "html").stdout
    chart_page = invoke("barometer", "mil.desertion_cases", "--db", db, "--format", "html").stdout
    for html in (trace_page, chart_page):
        assert html.startswith("<!doctype html>") and allowed_exactly_its_scripts(html)


def test_only_the_template_writes_a_page():
    writers = [path.name for path in PACKAGE.rglob("*.py") if "<!doctype html>" in path.read_text(encoding="utf-8").lower()]
    assert writers == ["page.py"]


def test_the_title_is_escaped_and_a_page_without_scripts_runs_none():
    html = page("<script>alert(1)</script>", "<p>body</p>")
    found = Scripts()
    found.feed(html)
    assert "<title>&lt;script&gt;" in html and "script-src 'none'" in found.policy
