"""The store's documents: listed (``sourcetrace documents``: a table for the terminal, or JSON lines;
each renderer is handed the rows of ``queries.documents`` with ``stale`` added, schema
``documents-1.json``), deleted (``delete``: a ``DeleteReport``) and traced again (``retrace``: a
``RetraceReport``), each as one line of text or as JSON.
"""
from __future__ import annotations

from .common import Renderer
from .table import clip, columns

# (heading, width at most): what fits a terminal; the rest is in jsonl.
TABLE_COLUMNS = (("id", 6), ("input", 32), ("own id", 10), ("outlet", 14), ("published", 10), ("title", 30),
                 ("figures", 7), ("traced by", 9))


class DocumentsTable(Renderer):
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
    made = "older code" if row["stale"] else "this code"
    return [str(row["id"]), _tail(row["input"] or "", 32), row["external_id"] or "", row["outlet"] or "", row["published"] or "",
            row["title"] or "", str(row["figures"]), made]


def _tail(path: str, width: int) -> str:
    """The end of a long path: the file's name is what tells inputs apart."""
    return path if len(path) <= width else "…" + path[-(width - 1):]


class DeleteText(Renderer):
    """What ``sourcetrace delete`` did, on one line."""

    def write(self, report) -> None:
        super().write(report)
        self.stream.write(f"{report.summary()} (store: {report.store}).\n")


class RetraceText(Renderer):
    """What ``sourcetrace retrace`` did, on one line."""

    def write(self, report) -> None:
        super().write(report)
        self.stream.write(f"{report.summary()} (store: {report.store}).\n")
