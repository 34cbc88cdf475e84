"""The store's figures (``sourcetrace query``): a table for the terminal, CSV, or JSON lines.

Each renderer is handed the rows of ``queries.figures`` one at a time (schema ``figures-1.json``).
The table shows what fits a terminal; CSV has every flat column, for a spreadsheet; JSON lines
add the chain's links.
"""
from __future__ import annotations

import csv

from .common import Renderer
from .table import clip, columns

CSV_COLUMNS = ("document_id", "figure_id", "published", "outlet", "text", "value", "low", "high", "bound", "unit",
               "kind", "counted", "indicator", "rate_per", "period_start", "period_end", "aggregation", "scope",
               "hedged", "chain", "nearest_source", "origin_name", "attribution_basis", "sentence", "language",
               "title", "url", "input", "external_id")
# (heading, width at most): what fits a terminal; the rest is in csv and jsonl.
TABLE_COLUMNS = (("doc", 6), ("fig", 4), ("published", 10), ("outlet", 14), ("figure", 28), ("indicator", 24),
                 ("period", 23), ("hedged", 6), ("chain", 48))


class FiguresTable(Renderer):
    def __init__(self, stream, color=None):
        super().__init__(stream, color)
        self.rows: list[list[str]] = []

    def write(self, row: dict) -> None:
        super().write(row)
        self.rows.append([clip(value, width) for value, (_, width) in zip(table_cells(row), TABLE_COLUMNS, strict=True)])

    def finalize(self) -> None:
        self.stream.write(columns([heading for heading, _ in TABLE_COLUMNS], self.rows, rule=True) + "\n")
        super().finalize()


def table_cells(row: dict) -> list[str]:
    period = " … ".join(filter(None, (row["period_start"], row["period_end"])))
    return [str(row["document_id"]), row["figure_id"], row["published"] or "", row["outlet"] or "", row["text"],
            row["indicator"] or "", period, "yes" if row["hedged"] else "", row["chain"] or ""]


class FiguresCsv(Renderer):
    def __init__(self, stream, color=None):
        super().__init__(stream, color)
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
        self.writer.writeheader()

    def write(self, row: dict) -> None:
        super().write(row)
        # As JSON spells them, not Python's True/False.
        self.writer.writerow({**row, "hedged": "true" if row["hedged"] else "false"})
