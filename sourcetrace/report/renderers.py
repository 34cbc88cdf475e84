"""Every renderer, chosen by the kind of data object a command makes and the format asked for.

    renderer = renderer_for("barometer", "json", sys.stdout)
    renderer.write(result)
    renderer.finalize()

A command makes one kind of data object (a trace per document, a figure row per figure, one
barometer ...); every format of it is listed here once, with the help --format shows. JSON is the
data object itself (``to_dict()``), described by the schema ``sourcetrace schema KIND`` prints.
"""
from __future__ import annotations

from typing import TextIO

from .charts import ChartPage
from .common import Renderer
from .documents import DeleteText, DocumentsTable, RetraceText
from .figures import FiguresCsv, FiguresTable
from .html import HtmlRenderer
from .ingest import IngestText
from .json import JsonLinesRenderer, JsonRenderer
from .reconcile import BarometerTable, CheckText
from .registry import IndicatorsTable, SourcesTable
from .text import TextRenderer

# kind → format → (renderer, what --format's help says of it)
RENDERERS: dict[str, dict[str, tuple[type[Renderer], str]]] = {
    "trace": {
        "text": (TextRenderer, "a readable report (colour only on a terminal)"),
        "json": (JsonRenderer, "one JSON object (schema sourcetrace.trace/1), for exactly one document"),
        "jsonl": (JsonLinesRenderer, "one JSON object per line, one line per document"),
        "html": (HtmlRenderer, "one standalone HTML page: the text with every span highlighted, claims beside it"),
    },
    "figures": {
        "text": (FiguresTable, "a table for reading"),
        "csv": (FiguresCsv, "every column, for a spreadsheet"),
        "jsonl": (JsonLinesRenderer, "one JSON object a figure (schema figures-1), with its chain's links"),
    },
    "barometer": {
        "text": (BarometerTable, "months, estimates and bounds, then the observations and contradictions"),
        "json": (JsonRenderer, "schema sourcetrace.barometer/2"),
        "html": (ChartPage, "the interactive chart: one offline page, every point clickable down to its sentences"),
    },
    "check": {
        "text": (CheckText, "the verdict and why"),
        "json": (JsonRenderer, "schema sourcetrace.check/2"),
    },
    "sources": {
        "text": (SourcesTable, "one line per source, for reading"),
        "json": (JsonRenderer, "the entries in the shape of a registry file (schema registry-1)"),
    },
    "indicators": {
        "text": (IndicatorsTable, "one line per indicator, for reading"),
        "json": (JsonRenderer, "the entries in the shape of a registry file (schema registry-1)"),
    },
    "documents": {
        "text": (DocumentsTable, "a table for reading"),
        "jsonl": (JsonLinesRenderer, "one JSON object a document (schema documents-1), with what traced it"),
    },
    "delete": {
        "text": (DeleteText, "how many documents were deleted, on one line"),
        "json": (JsonRenderer, "the store ids deleted and those not found (schema sourcetrace.delete/1)"),
    },
    "retrace": {
        "text": (RetraceText, "the counts, on one line"),
        "json": (JsonRenderer, "the counts and the first problems of each kind (schema sourcetrace.retrace/1)"),
    },
    "ingest": {
        "text": (IngestText, "the counts, on one line"),
        "json": (JsonRenderer, "the counts and the first problems of each kind (schema sourcetrace.ingest/1)"),
    },
}


def formats(kind: str) -> tuple[str, ...]:
    return tuple(RENDERERS[kind])


def format_help(kind: str) -> str:
    return "; ".join(f"{name}: {help}" for name, (_, help) in RENDERERS[kind].items())


def renderer_for(kind: str, format: str, stream: TextIO, color: bool | None = None) -> Renderer:
    renderer, _ = RENDERERS[kind][format]
    return renderer(stream, color)
