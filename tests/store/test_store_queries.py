"""Querying figures: each filter, their combination, and the table, CSV and JSON lines formats."""
from __future__ import annotations

import csv
import io
import json

import pytest

from store_helpers import figure, traced
from sourcetrace.report import renderer_for
from sourcetrace.report.figures import CSV_COLUMNS
from sourcetrace.model.months import month_end, month_start


@pytest.fixture
def filled(store):
    store.add(traced("TASS: 9,810 desertion cases in 2023; 1,020 in January 2024.", outlet="TASS",
                     published="2024-02-07", figures=[
        figure("f1", "9,810", 9810, indicator="mil.desertion_cases", period=("2023-01-01", "2023-12-31"),
               links=[("TASS", "relay"), ("Генеральна прокуратура", "origin")]),
        figure("f2", "1,020", 1020, indicator="mil.desertion_cases", period=("2024-01-01", "2024-01-31"),
               links=[("TASS", "relay"), ("the Defence Ministry", "origin")], hedged=True)]))
    store.add(traced("Reuters: 21,650 AWOL cases by March 2024.", outlet="Reuters", published="2024-04-01", figures=[
        figure("f1", "21,650", 21650, indicator="mil.awol_cases", period=(None, "2024-03-31"),
               links=[("Reuters", "relay"), ("the Prosecutor General's Office", "origin")])]))
    store.add(traced("Ще 300 загиблих.", outlet="Suspilne", language="uk", published="2024-05-01", figures=[
        figure("f1", "300", 300, indicator="conflict.killed", links=[("Suspilne", "outlet")])]))
    return store


def values(rows) -> list[float]:
    return [row["value"] for row in rows]


def test_without_filters_every_figure_oldest_document_first(filled):
    assert values(filled.figures()) == [9810, 1020, 21650, 300]


@pytest.mark.parametrize("filters, expected", [
    ({"indicator": "mil.desertion_cases"}, [9810, 1020]),
    ({"indicator": "mil"}, [9810, 1020, 21650]),  # a group: the ids under 'mil.'
    ({"indicator": "mil.desertion"}, []),  # not a prefix of the id itself
    ({"source": "prosecutor general"}, [21650]),  # part of a name, any case
    ({"source": "ГЕНЕРАЛЬНА"}, [9810]),  # any case in Cyrillic too
    ({"source": "tass"}, [9810, 1020]),  # any link of the chain, not just the origin
    ({"outlet": "reuters"}, [21650]),
    ({"outlet": "Reut"}, []),  # the outlet is matched whole
    ({"language": "uk"}, [300]),
    ({"period_from": "2024-01"}, [1020, 21650]),  # figures without a period never match
    ({"period_to": "2023-12"}, [9810]),
    ({"period_from": "2024-02", "period_to": "2024-03"}, [21650]),  # only an end: dated by it
    ({"period_from": "2024-01-31", "period_to": "2024-01-31"}, [1020]),
    ({"indicator": "mil", "outlet": "TASS", "period_from": "2024-01"}, [1020]),
])
def test_filters(filled, filters, expected):
    assert values(filled.figures(**filters)) == expected


def test_months_become_their_first_and_last_days():
    assert (month_start("2024-02"), month_end("2024-02"), month_end("2023-02")) == ("2024-02-01", "2024-02-29",
                                                                                   "2023-02-28")
    assert month_end("2024-02-10") == "2024-02-10"
    for bad in ("2024", "2024-13", "24-01", "2024-02-30", "March 2024"):
        with pytest.raises(ValueError, match=r"\[E601\]"):
            month_start(bad)


def test_jsonl_has_every_field_and_the_links(filled):
    stream = io.StringIO()
    render("jsonl", filled.figures(), stream)
    first = json.loads(stream.getvalue().splitlines()[0])
    assert set(CSV_COLUMNS) <= set(first)
    assert first["links"][1]["name"] == "Генеральна прокуратура" and first["hedged"] is False
    assert first["chain"] == "TASS (relay) ← Генеральна прокуратура (origin)"


def test_csv_has_a_header_and_a_row_per_figure(filled):
    stream = io.StringIO()
    render("csv", filled.figures(), stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["value"] for row in rows] == ["9810.0", "1020.0", "21650.0", "300.0"]
    assert (rows[0]["hedged"], rows[1]["hedged"]) == ("false", "true") and rows[2]["period_start"] == ""


def test_the_table_lines_up_and_clips_long_cells(filled):
    stream = io.StringIO()
    render("text", filled.figures(), stream)
    lines = stream.getvalue().splitlines()
    assert lines[0].split() == ["doc", "fig", "published", "outlet", "figure", "indicator", "period", "hedged",
                                "chain"]
    assert len(lines) == 2 + 4
    assert lines[2].index("TASS") == lines[0].index("outlet")
    assert "2023-01-01 … 2023-12-31" in lines[2] and "…" in lines[4]  # the Prosecutor's chain is clipped


def render(format_: str, rows: list[dict], stream) -> None:
    renderer = renderer_for("figures", format_, stream)
    for row in rows:
        renderer.write(row)
    renderer.finalize()
