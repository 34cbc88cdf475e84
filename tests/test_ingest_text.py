"""Plain-text inputs, and the bad inputs every reader must turn into a clear problem."""
from __future__ import annotations

import codecs
import time

import pytest

from sourcetrace.ingest import InputProblem, ReadDocument, read_inputs

RUSSIAN = "Министерство обороны сообщило, что за сутки уничтожено около 500 военнослужащих противника."
FRENCH = "Le ministère a déclaré qu'environ 300 soldats étaient tués près de Kherson, selon l'armée."


def read_one(path, **kwargs):
    items = list(read_inputs([str(path)], **kwargs))
    assert len(items) == 1
    return items[0]


def problem_code(item) -> str:
    assert isinstance(item, InputProblem), item
    return item.problem[1:5]


def test_plain_utf8_text_is_read_as_is(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Ukraine lost 500 soldiers, TASS said.", encoding="utf-8")
    document = read_one(path)
    assert isinstance(document, ReadDocument)
    assert (document.text, document.source, document.encoding) == (
        "Ukraine lost 500 soldiers, TASS said.", str(path), "utf-8")


def test_crlf_and_bom_are_gone_before_the_text_is_final(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"First line.\r\nSecond line.\rThird.")
    document = read_one(path)
    assert document.text == "First line.\nSecond line.\nThird."


@pytest.mark.parametrize("encoding, text", [("cp1251", RUSSIAN), ("latin-1", FRENCH)])
def test_legacy_encodings_are_decoded_right(tmp_path, encoding, text):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    document = read_one(path)
    assert document.text == text
    assert codecs.lookup(document.encoding).name != "utf-8"


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(("Привет.\r\n" + FRENCH).encode("utf-16"))
    document = read_one(path)
    assert (document.text, document.encoding) == ("Привет.\n" + FRENCH, "utf-16")


def test_missing_file(tmp_path):
    item = read_one(tmp_path / "nowhere.txt")
    assert problem_code(item) == "E001" and item.input == str(tmp_path / "nowhere.txt")


def test_a_folder_is_read_file_by_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    assert [item.text for item in read_inputs([str(tmp_path)])] == ["A.", "B."]
    assert list(read_inputs([str(tmp_path / "sub" / "nothing-here")])) != []  # missing: a problem, not silence


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert problem_code(read_one(path)) == "E004"


def test_whitespace_only(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\r\n  ")
    assert problem_code(read_one(path)) == "E005"


def test_binary_with_nul_bytes(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    item = read_one(path)
    assert problem_code(item) == "E007" and "binary" in item.problem


def test_binary_of_control_characters(tmp_path):
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 200)
    assert problem_code(read_one(path)) == "E007"


def test_50_megabytes_is_refused_at_once(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: no time or disk spent writing it
    started = time.monotonic()
    item = read_one(path)
    assert time.monotonic() - started < 2
    assert problem_code(item) == "E006"
    assert "52,428,800 bytes" in item.problem and "--max-bytes 53M" in item.problem


def test_a_lower_limit_refuses_a_small_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("x" * 2000)
    assert problem_code(read_one(path, max_bytes=1000)) == "E006"
    assert isinstance(read_one(path, max_bytes=2000), ReadDocument)


def test_standard_input(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Text from a pipe.\r\n".encode())))
    document = read_one("-")
    assert (document.text, document.source) == ("Text from a pipe.\n", "-")
