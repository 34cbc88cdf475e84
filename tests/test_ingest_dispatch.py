"""Choosing a reader, command-line overrides and publication dates."""
from __future__ import annotations

import io
import sys

import pytest

from sourcetrace.errors import InputError
from sourcetrace.ingest import Overrides, parse_size, read_inputs
from sourcetrace.model.dates import normalise_published


def stdin_of(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_unknown_extensions_are_read_as_text(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("<p>not parsed as HTML</p>")
    [document] = read_inputs([str(path)])
    assert document.text == "<p>not parsed as HTML</p>"


def test_stdin_html_is_sniffed(monkeypatch):
    stdin_of(monkeypatch, b"<!DOCTYPE html><html><body><div>Kyiv: 12 drones.</div></body></html>")
    [document] = read_inputs(["-"])
    assert document.text == "Kyiv: 12 drones." and document.source == "-"


def test_stdin_json_lines_are_sniffed(monkeypatch):
    stdin_of(monkeypatch, b'{"text": "one"}\n{"text": "two"}\n')
    assert [d.text for d in read_inputs(["-"])] == ["one", "two"]


def test_inputs_come_back_in_order_with_problems_in_place(tmp_path):
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "c.txt").write_text("C")
    items = list(read_inputs([str(tmp_path / name) for name in ("a.txt", "b.txt", "c.txt")]))
    assert [getattr(item, "text", None) for item in items] == ["A", None, "C"]


def test_overrides_fill_and_replace(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A")
    overrides = Overrides(outlet="TASS", published="2025-05-03T08:00:00Z", url="https://tass.example/1")
    [document] = read_inputs([str(path)], overrides)
    assert (document.outlet, document.published, document.url) == ("TASS", "2025-05-03", "https://tass.example/1")


@pytest.mark.parametrize("value, expected", [
    ("2025-05-03", "2025-05-03"),
    (" 2025-05-03 ", "2025-05-03"),
    ("2025-05-03T23:59:59+03:00", "2025-05-03"),
    ("2025-05-03 10:00", "2025-05-03"),
    ("2025-05-03T10:00:00Z", "2025-05-03"),
    ("", None),
    (None, None),
])
def test_published_dates(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["03/05/2025", "May 3, 2025", "20250503", "2025-W18-6", "2025-02-30",
                                   "2025-05-03Tnonsense"])
def test_published_dates_refused(value):
    with pytest.raises(InputError, match=r"\[E040\].*YYYY-MM-DD"):
        normalise_published(value)


@pytest.mark.parametrize("text, size", [("20000000", 20_000_000), ("20M", 20_000_000), ("50mb", 50_000_000),
                                        ("500K", 500_000), ("1,000", 1000)])
def test_sizes(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "0", "-5", "M", "inf"])
def test_sizes_refused(text):
    with pytest.raises(ValueError):
        parse_size(text)
