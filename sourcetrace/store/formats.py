"""Writing figures from the store as a table for the terminal, CSV or JSON lines.

Each writer takes the rows of :func:`queries.figures` and a text stream. The table shows what fits
a terminal; CSV has every flat column, for a spreadsheet; JSON lines add the chain's links.
"""
from __future__ import annotations

import csv
import json
from typing import Callable, TextIO

CSV_COLUMNS = ("document_id", "figure_id", "published", "outlet", "text", "value", "low", "high", "bound", "unit",
               "kind", "counted", "indicator", "rate_per", "period_start", "period_end", "aggregation", "scope",
               "hedged", "chain", "nearest_source", "origin_name", "attribution_basis", "sentence", "language",
               "title", "url", "input", "external_id")
# (heading, width at most): what fits a terminal; the rest is in csv and jsonl.
TABLE_COLUMNS = (("doc", 6), ("fig", 4), ("published", 10), ("outlet", 14), ("figure", 28), ("indicator", 24),
                 ("period", 23), ("hedged", 6), ("chain", 48))


def write_jsonl(rows: list[dict], stream: TextIO) -> None:
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: list[dict], stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    # As JSON spells them, not Python's True/False.
    writer.writerows({**row, "hedged": "true" if row["hedged"] else "false"} for row in rows)


def write_table(rows: list[dict], stream: TextIO) -> None:
    cells = [[_clip(value, width) for value, (_, width) in zip(table_cells(row), TABLE_COLUMNS, strict=True)] for row in rows]
    headings = [heading for heading, _ in TABLE_COLUMNS]
    widths = [max([len(heading)] + [len(line[i]) for line in cells]) for i, heading in enumerate(headings)]
    for line in [headings, ["─" * width for width in widths], *cells]:
        stream.write("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() + "\n")


def table_cells(row: dict) -> list[str]:
    period = " … ".join(filter(None, (row["period_start"], row["period_end"])))
    return [str(row["document_id"]), row["figure_id"], row["published"] or "", row["outlet"] or "", row["text"],
            row["indicator"] or "", period, "yes" if row["hedged"] else "", row["chain"] or ""]


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())  # a figure's text may span a line break in the report
    return text if len(text) <= width else text[: width - 1] + "…"


WRITERS: dict[str, Callable[[list[dict], TextIO], None]] = {"table": write_table, "csv": write_csv,
                                                           "jsonl": write_jsonl}
