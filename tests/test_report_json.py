"""JSON and JSON lines output: the trace's to_dict, valid against the schema."""
from __future__ import annotations

import io
import json
from importlib.resources import files

import jsonschema
import pytest

from sourcetrace.errors import OutputError
from sourcetrace.report import renderer_for

SCHEMA = json.loads(files("sourcetrace").joinpath("model", "schemas", "trace-1.json").read_text("utf-8"))


def render(format_, *traces) -> str:
    stream = io.StringIO()
    renderer = renderer_for("trace", format_, stream)
    for trace in traces:
        renderer.write(trace)
    renderer.finalize()
    return stream.getvalue()


def test_json_is_one_indented_object_that_keeps_non_ascii(sample_trace):
    sample_trace.document.title = "Потери «растут»"
    out = render("json", sample_trace)
    assert out.startswith('{\n  "schema": "sourcetrace.trace/1"') and "Потери «растут»" in out
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data == sample_trace.to_dict()


def test_json_refuses_a_second_document_before_writing_anything(sample_trace):
    stream = io.StringIO()
    renderer = renderer_for("trace", "json", stream)
    renderer.write(sample_trace)
    with pytest.raises(OutputError, match="jsonl"):
        renderer.write(sample_trace)
    assert stream.getvalue() == ""


def test_jsonl_is_one_line_per_document(sample_trace):
    lines = render("jsonl", sample_trace, sample_trace).splitlines()
    assert len(lines) == 2
    for line in lines:
        jsonschema.validate(json.loads(line), SCHEMA)


def test_spans_index_the_document_text(sample_trace):
    data = json.loads(render("json", sample_trace))
    text = data["document"]["text"]
    figure = data["figures"][0]
    assert text[slice(*figure["span"])] == figure["text"]
    assert text[slice(*figure["attribution"][1]["span"])] == "unnamed sources"
