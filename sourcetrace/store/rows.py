"""A trace as rows: the document, the whole trace as JSON, and one flat row per figure for querying.

``write_trace`` runs on the writer thread and writes all of one document's rows in one transaction,
so a store never holds a document without its trace and figures, whenever the process dies.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from datetime import datetime, timezone

from ..model.chains import chain_text, origin
from ..model.records import Document, Trace
from .db import transaction

UNDETERMINED = "und"  # ISO 639-2 "undetermined": a trace built by hand, never identified

INSERT_DOCUMENT = """
    INSERT INTO documents (id, content_hash, document_key, external_id, source, outlet, url, published, title,
                           language, text, encoding, ingested_at)
    VALUES (:id, :content_hash, :document_key, :external_id, :source, :outlet, :url, :published, :title,
            :language, :text, :encoding, :ingested_at)
    ON CONFLICT (content_hash) DO NOTHING"""
# What a corrected copy of a document may change besides its text: an ingest that finds any of them
# different under the same key holds a new version of the document (``Store.conflict``).
METADATA = ("outlet", "url", "published", "title", "language")
INSERT_TRACE = "INSERT INTO traces (document_id, schema, generator, trace) VALUES (?, ?, ?, ?)"
FIGURE_COLUMNS = ("document_id", "figure_id", "text", "value", "low", "high", "bound", "unit", "kind", "counted",
                  "indicator", "rate_per", "period_start", "period_end", "aggregation", "scope", "hedged",
                  "chain", "nearest_source", "origin_name", "attribution_basis", "links", "sentence")
INSERT_FIGURE = (f"INSERT INTO figures ({', '.join(FIGURE_COLUMNS)}) "
                 f"VALUES ({', '.join(':' + name for name in FIGURE_COLUMNS)})")
UPSERT_SKIPPED = """
    INSERT INTO skipped (input, reason, failed, at) VALUES (?, ?, ?, ?)
    ON CONFLICT (input, reason) DO UPDATE SET at = excluded.at, failed = excluded.failed"""


def content_hash(document: Document) -> str:
    """The identity of a document: its language and its text, whitespace and Unicode forms evened
    out, so that the same report read from a .txt and from a JSON line is stored once."""
    text = " ".join(unicodedata.normalize("NFC", document.text).split())
    return hashlib.sha256(f"{document.language or UNDETERMINED}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()


def document_key(source: str | None, external_id: str | None, url: str | None) -> str | None:
    """Which document of which input this is, apart from its text: the input it was read from (a
    path, or '-', without the '#line' or '@offset' that only says where in it) with the document's
    own id or, failing that, its URL; for a file read whole, the file. None when there is neither
    (a text on standard input, a JSON line with no id): then its text is all that tells it apart.
    Two inputs that both call a document "1" hold two documents."""
    where = re.sub(r"[#@]\d+$", "", source) if source else None
    name = external_id or url
    if name:
        return f"{where or '-'}\t{name}"
    return where if where and where == source and where != "-" else None


def key_of(document: Document) -> str | None:
    return document_key(document.source, document.id, document.url)


def write_trace(connection: sqlite3.Connection, trace: Trace, digest: str, replace: bool = False) -> int | None:
    """Store one traced document; its id, or None when a document with this hash is stored.
    ``replace``: first delete the stored version of the same document (same key; with no key,
    same text), so that corrected metadata and a new trace take its place, and its id: a link to
    the document leads to its corrected copy. A new document's id is one never given before."""
    data = trace.to_dict()
    key = key_of(trace.document)
    row = document_row(trace.document, digest)
    with transaction(connection):
        if replace:
            same = ("document_key = ?", key) if key is not None else ("content_hash = ?", digest)
            row["id"] = connection.execute(f"SELECT min(id) FROM documents WHERE {same[0]}", (same[1],)).fetchone()[0]
            connection.execute(f"DELETE FROM documents WHERE {same[0]}", (same[1],))
        cursor = connection.execute(INSERT_DOCUMENT, row)
        if cursor.rowcount == 0:
            return None
        document_id = cursor.lastrowid
        _write_rows(connection, document_id, data)
    return document_id


def replace_trace(connection: sqlite3.Connection, document_id: int, trace: Trace) -> None:
    """A stored document traced again (``sourcetrace retrace``): its trace and figures replaced, the
    document row as it was."""
    with transaction(connection):
        connection.execute("DELETE FROM figures WHERE document_id = ?", (document_id,))
        connection.execute("DELETE FROM traces WHERE document_id = ?", (document_id,))
        _write_rows(connection, document_id, trace.to_dict())


def delete_documents(connection: sqlite3.Connection, ids: list[int]) -> int:
    """Delete documents with their traces and figures; how many there were."""
    with transaction(connection):
        return connection.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in ids]).rowcount


def _write_rows(connection: sqlite3.Connection, document_id: int, data: dict) -> None:
    connection.execute(INSERT_TRACE, (document_id, data["schema"], _json(data["generator"]), _json(data)))
    connection.executemany(INSERT_FIGURE, figure_rows(document_id, data))


def record_skip(connection: sqlite3.Connection, input: str, reason: str, failed: bool) -> None:
    with transaction(connection):
        connection.execute(UPSERT_SKIPPED, (input, reason, int(failed), _now()))


def document_row(document: Document, digest: str) -> dict:
    return {"id": None, "content_hash": digest, "document_key": key_of(document), "external_id": document.id,
            "source": document.source,
            "outlet": document.outlet, "url": document.url, "published": document.published,
            "title": document.title, "language": document.language or UNDETERMINED, "text": document.text,
            "encoding": getattr(document, "encoding", None), "ingested_at": _now()}


def figure_rows(document_id: int, data: dict) -> list[dict]:
    text = data["document"]["text"]
    return [figure_row(document_id, figure, text) for figure in data["figures"]]


def figure_row(document_id: int, figure: dict, text: str) -> dict:
    links = figure["attribution"]
    period = figure["period"] or {}
    start, end = figure["sentence"]
    return {
        "document_id": document_id, "figure_id": figure["id"], "text": figure["text"],
        **{name: figure[name] for name in ("value", "low", "high", "bound", "unit", "kind", "counted", "indicator",
                                           "rate_per", "aggregation", "scope", "attribution_basis")},
        "period_start": period.get("start"), "period_end": period.get("end"),
        "hedged": int(bool(figure["hedges"])),
        "chain": chain_text(links, empty=None, limit=None),
        "nearest_source": links[0]["name"] if links else None,
        "origin_name": (origin(links) or {}).get("name"),
        "links": _json(links),
        "sentence": text[start:end],
    }


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
