"""The command line with the real extractor: what a user gets end to end."""
from __future__ import annotations

import json
from html import unescape
from importlib.resources import files

import jsonschema
from click.testing import CliRunner

from sourcetrace.cli.main import cli

SCHEMA = json.loads(files("sourcetrace").joinpath("model", "schemas", "trace-1.json").read_text("utf-8"))
REPORT = (
    "MOSCOW, May 3. /TASS/. Ukraine has lost about 500 soldiers in the past day, TASS reported, citing "
    "unnamed sources.\n\nMore than 1,200 civilians have been evacuated since March, according to local "
    "officials. Thousands have fled the city, some experts say.\n"
)


def invoke(*args, input=None):
    return CliRunner().invoke(cli, [str(arg) for arg in args], input=input)


def spans_of(value):
    """Every [start, end] pair anywhere in a trace dict, with the key it was found under."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("span") and isinstance(item, list) and len(item) == 2:
                yield key, item
            else:
                yield from spans_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans_of(item)


def test_json_is_valid_and_every_span_is_inside_the_text(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = invoke("trace", path, "--format", "json", "--published", "2025-05-03", "--outlet", "TASS")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    text = data["document"]["text"]
    assert data["figures"], "the report has figures"
    for key, (start, end) in spans_of(data):
        assert 0 <= start <= end <= len(text), (key, start, end)
    for figure in data["figures"]:
        assert text[slice(*figure["span"])] == figure["text"]


def test_a_legacy_encoded_file_is_traced(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Kyiv’s mayor said about 300 people were evacuated from Kherson’s café district.".encode("cp1252"))
    result = invoke("trace", path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Kyiv’s mayor" in json.loads(result.stdout)["document"]["text"]


def test_hostile_html_input_to_html_output(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>Officials said 40 people died.</p><p>&lt;script&gt;alert(1)&lt;/script&gt;"
                    " and \"&gt;&lt;img src=x onerror=alert(2)&gt; were in the text, 12 of them.</p>"
                    "<script>alert('page')</script></article></body></html>", encoding="utf-8")
    out = tmp_path / "out.html"
    result = invoke("trace", page, "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html
    assert "alert('page')" not in unescape(html)
    assert 'class="k-figure' in html


def test_one_failing_input_among_real_ones(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    result = invoke("trace", good, binary, good, "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert f"sourcetrace: {binary}: [E007]" in result.stderr


def test_demo_example():
    result = invoke("demo", "--example")
    assert result.exit_code == 0, result.output
    assert "Figures (" in result.stdout and "chain " in result.stdout


def test_demo_walks_through_ingest_barometer_and_check(tmp_path):
    db, out = tmp_path / "demo.db", tmp_path / "demo-out"
    result = invoke("demo", "--db", str(db), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "17 new" in result.stdout and "Contradictions" in result.stdout
    assert "verdict: ABOVE" in result.stdout and "verdict: FITS ONLY AS mil.awol_desertion_cases" in result.stdout
    assert (out / "barometer.png").stat().st_size > 10_000
    assert (out / "barometer.html").read_text(encoding="utf-8").count("<script") >= 1
    assert json.loads((out / "barometer.json").read_text(encoding="utf-8"))["schema"] == "sourcetrace.barometer/2"
    # The demo's store is the one `serve --demo` opens: traced as ingest traces, no document is stale.
    listed = invoke("documents", "--db", str(db), "--stale", "--format", "jsonl")
    assert listed.exit_code == 0 and listed.stdout == "", listed.output
