"""JSON lines: one document per line; a bad line is a problem for that line alone."""
from __future__ import annotations

import json

from sourcetrace.ingest import InputProblem, Overrides, ReadDocument, read_inputs


def read_lines(tmp_path, *lines, **kwargs):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, list(read_inputs([str(path)], **kwargs))


def test_good_and_bad_lines_mixed(tmp_path):
    path, items = read_lines(
        tmp_path,
        json.dumps({"text": "First report.", "id": 7, "outlet": "TASS", "published": "2025-05-03"}),
        "{not json",
        "",
        "[1, 2]",
        json.dumps({"id": "no-text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Bad date.", "published": "3 May 2025"}),
        json.dumps({"text": "Bad title.", "title": ["a"]}),
        json.dumps({"text": "Last report.\r\nTwo lines.", "language": "ru", "title": "T"}),
    )
    documents = [item for item in items if isinstance(item, ReadDocument)]
    problems = {item.input: item.problem[1:5] for item in items if isinstance(item, InputProblem)}
    assert [d.text for d in documents] == ["First report.", "Last report.\nTwo lines."]
    assert (documents[0].id, documents[0].outlet, documents[0].published) == ("7", "TASS", "2025-05-03")
    assert (documents[1].language, documents[1].title, documents[1].source) == ("ru", "T", f"{path}#10")
    assert problems == {f"{path}:2": "E020", f"{path}:4": "E021", f"{path}:5": "E022", f"{path}:6": "E023",
                        f"{path}:7": "E024", f"{path}:8": "E040", f"{path}:9": "E024"}


def test_iso_datetime_is_cut_to_its_date(tmp_path):
    _, [document] = read_lines(tmp_path, json.dumps({"text": "x", "published": "2025-05-03T23:30:00+03:00"}))
    assert document.published == "2025-05-03"


def test_overrides_replace_line_metadata(tmp_path):
    _, [document] = read_lines(tmp_path, json.dumps({"text": "x", "outlet": "TASS"}),
                               overrides=Overrides(outlet="RIA Novosti", url="https://ria.example/1"))
    assert (document.outlet, document.url) == ("RIA Novosti", "https://ria.example/1")


def test_a_long_line_is_refused_and_the_next_still_read(tmp_path):
    path, items = read_lines(tmp_path, json.dumps({"text": "x" * 5000}), json.dumps({"text": "short"}),
                             max_line_bytes=1000)
    assert items[0].input == f"{path}:1" and items[0].problem.startswith("[E026]")
    assert "--max-line-bytes" in items[0].problem and items[1].text == "short"


def test_a_line_whose_text_is_over_the_document_limit_is_refused(tmp_path):
    path, items = read_lines(tmp_path, json.dumps({"text": "я" * 600}), json.dumps({"text": "short"}),
                             max_bytes=1000)  # 600 characters, 1,200 bytes of UTF-8
    assert items[0].problem.startswith("[E028]") and "--max-bytes" in items[0].problem
    assert items[1].text == "short"


def test_a_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes('{"text": "Привет"}\n'.encode("cp1251") + b'{"text": "ok"}\n')
    items = list(read_inputs([str(path)]))
    assert items[0].problem.startswith("[E025]") and items[1].text == "ok"


def test_an_empty_jsonl_file(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    [item] = read_inputs([str(path)])
    assert item.input == str(path) and item.problem.startswith("[E004]")


def test_bom_on_the_first_line(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"text": "with bom"}\n')
    [document] = read_inputs([str(path)])
    assert document.text == "with bom"
