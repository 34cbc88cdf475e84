"""Reading the store: figures filtered for analysis, the documents, and whole traces.

Each function takes a read-only connection (``Store`` opens one per call), so a query runs beside
an ingest and sees every document committed before it started.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Iterator

from ..model.months import month_end, month_start
from ..model.records import Document

FIGURES = """
    SELECT f.*, d.external_id, d.outlet, d.published, d.language, d.title, d.url, d.source AS input
    FROM figures f JOIN documents d ON d.id = f.document_id"""
# Dated documents first, oldest first; a document's figures in the order of its text.
FIGURES_ORDER = "ORDER BY d.published IS NULL, d.published, f.document_id, f.rowid"
DOCUMENT_COLUMNS = """
    d.id, d.external_id, d.source AS input, d.outlet, d.url, d.published, d.title, d.language,
    d.encoding, d.ingested_at, d.content_hash, d.document_key,
    (SELECT t.generator FROM traces t WHERE t.document_id = d.id) AS generator,
    (SELECT count(*) FROM figures f WHERE f.document_id = d.id) AS figures"""
DOCUMENTS = f"SELECT {DOCUMENT_COLUMNS} FROM documents d ORDER BY d.id"
# What a search result shows of the text around the words found: markers that no text has (private
# use characters), so that whoever writes it as HTML escapes the text and then marks the words.
SNIPPET_MARKS = ("\ue000", "\ue001")
RANKED = 1_000  # matches ranked by relevance (bm25); more are listed newest stored first
SNIPPET = f"snippet(documents_search, 2, '{SNIPPET_MARKS[0]}', '{SNIPPET_MARKS[1]}', '…', 16)"
# Either bound of a figure's period may be missing ("as of May": only an end); it is dated if either is.
PERIOD_END = "coalesce(f.period_end, f.period_start)"
PERIOD_START = "coalesce(f.period_start, f.period_end)"


def figures(connection: sqlite3.Connection, indicator: str | None = None, source: str | None = None,
            outlet: str | None = None, period_from: str | None = None, period_to: str | None = None,
            language: str | None = None) -> list[dict]:
    """Figures with their document's metadata, filtered. ``indicator``: an id, or a group ('mil');
    ``source``: part of any name in the chain, any case; ``outlet``: the whole name, any case;
    ``period_from``/``period_to`` (YYYY-MM or YYYY-MM-DD): figures whose period overlaps, so a
    figure without a period never matches them."""
    _casefolding(connection)
    conditions: list[tuple[str, tuple]] = []
    if indicator:  # an id, or the group before its dot: 'mil' takes 'mil.desertion_cases'
        group = indicator + "."
        conditions.append(("(f.indicator = ? OR substr(f.indicator, 1, ?) = ?)", (indicator, len(group), group)))
    if source:
        conditions.append(("EXISTS (SELECT 1 FROM json_each(f.links) "
                           "WHERE instr(casefold(json_extract(value, '$.name')), ?) > 0)", (source.casefold(),)))
    if outlet:
        conditions.append(("casefold(d.outlet) = ?", (outlet.casefold(),)))
    if language:
        conditions.append(("d.language = ?", (language,)))
    if period_from:
        conditions.append((f"{PERIOD_END} >= ?", (month_start(period_from),)))
    if period_to:
        conditions.append((f"{PERIOD_START} <= ?", (month_end(period_to),)))
    where = " AND ".join(sql for sql, _ in conditions)
    query = f"{FIGURES} {'WHERE ' + where if where else ''} {FIGURES_ORDER}"
    values = [value for _, group in conditions for value in group]
    return [figure_dict(row) for row in connection.execute(query, values)]


def figure_dict(row: sqlite3.Row) -> dict:
    data = dict(row)
    data["hedged"] = bool(data["hedged"])
    data["links"] = json.loads(data["links"])
    return data


def documents(connection: sqlite3.Connection) -> list[dict]:
    return [_document_dict(row) for row in connection.execute(DOCUMENTS)]


def _document_dict(row: sqlite3.Row) -> dict:
    return {**dict(row), "generator": json.loads(row["generator"]) if row["generator"] else None}


def search_documents(connection: sqlite3.Connection, text: str | None = None, outlet: str | None = None,
                     language: str | None = None, published_from: str | None = None,
                     published_to: str | None = None, indicator: str | None = None,
                     limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """(how many documents match, the ``limit`` of them from ``offset``), as ``documents`` gives them.
    ``text``: words that must all occur in the title, outlet or text (full-text search; each word
    as written, so that no input is a syntax error), best match first (up to ``RANKED`` matches;
    beyond, the newest stored first), each row with a ``snippet``; otherwise the newest published first. ``outlet`` the whole name, any case; ``indicator`` an id
    or its group ('mil'): documents with a figure of it; ``published_from``/``_to``: YYYY-MM-DD."""
    _casefolding(connection)
    where, values = _document_filters(outlet, language, published_from, published_to, indicator)
    words = fts_query(text)
    if not words:
        return _listing(connection, where, values, limit, offset)
    condition = " AND ".join(["documents_search MATCH ?", *where])
    joined = "documents_search s JOIN documents d ON d.id = s.rowid" if where else "documents_search s"
    total = connection.execute(f"SELECT count(*) FROM {joined} WHERE {condition}", [words, *values]).fetchone()[0]
    # Ranking every match costs a tenth of a second for ten thousand of them: past RANKED, the newest stored first.
    order = "s.rank, s.rowid" if total <= RANKED else "s.rowid DESC"
    page = f"SELECT s.rowid AS id FROM {joined} WHERE {condition} ORDER BY {order} LIMIT ? OFFSET ?"
    ids = [row[0] for row in connection.execute(page, [words, *values, limit, offset])]
    # The page's snippets: FTS5 reads the matches once, between the page's least and greatest id, and
    # the ids themselves only filter ('+' keeps SQLite from handing FTS5 one id at a time: for a
    # prefix word it would merge every word it begins once an id, 20 times a page, 35 ms on 10,000).
    rows = connection.execute(f"SELECT {DOCUMENT_COLUMNS}, {SNIPPET} AS snippet FROM documents_search s "
                              f"JOIN documents d ON d.id = s.rowid WHERE documents_search MATCH ? "
                              f"AND s.rowid BETWEEN ? AND ? AND +s.rowid IN ({', '.join('?' * len(ids))})",
                              [words, min(ids), max(ids), *ids]).fetchall() if ids else []
    found = {row["id"]: row for row in rows}
    return total, [_document_dict(found[id_]) for id_ in ids if id_ in found]


def _listing(connection, where: list[str], values: list, limit: int, offset: int) -> tuple[int, list[dict]]:
    """Without words: the newest published first. The page's ids are found first, then their
    columns, for those rows alone."""
    condition = f"WHERE {' AND '.join(where)}" if where else ""
    total = connection.execute(f"SELECT count(*) FROM documents d {condition}", values).fetchone()[0]
    page = (f"SELECT d.id FROM documents d {condition} ORDER BY d.published IS NULL, d.published DESC, d.id DESC "
            "LIMIT ? OFFSET ?")
    ids = [row[0] for row in connection.execute(page, [*values, limit, offset])]
    rows = connection.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id IN ({', '.join('?' * len(ids))})",
                              ids).fetchall() if ids else []
    found = {row["id"]: row for row in rows}
    return total, [_document_dict(found[id_]) for id_ in ids if id_ in found]


def document(connection: sqlite3.Connection, document_id: int) -> dict | None:
    """One stored document as ``documents`` gives it, or None."""
    row = connection.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?", (document_id,)).fetchone()
    return _document_dict(row) if row else None


def facets(connection: sqlite3.Connection) -> dict[str, list[tuple[str, int]]]:
    """What the documents can be filtered by, each value with how many documents (or, for
    indicators, figures) have it, most first: outlets, languages, indicators."""
    queries = {"outlets": "SELECT outlet, count(*) FROM documents WHERE outlet IS NOT NULL GROUP BY outlet",
               "languages": "SELECT language, count(*) FROM documents GROUP BY language",
               "indicators": "SELECT indicator, count(*) FROM figures WHERE indicator IS NOT NULL GROUP BY indicator"}
    return {name: sorted(((value, count) for value, count in connection.execute(sql)), key=lambda vc: (-vc[1], vc[0]))
            for name, sql in queries.items()}


# A word of this many letters or more also finds the words it begins: 'prosecutor' finds
# 'prosecutors', 'desertion' 'desertions', Russian 'дезертир' 'дезертирстве' (the index has no
# stemmer, and Russian and Ukrainian change a word's ending with its case). Shorter words are
# matched whole: 'a' or 'в' as a prefix would match most of the index.
PREFIX_FROM = 3


def fts_query(text: str | None) -> str | None:
    """Each word of ``text`` as an FTS5 phrase (its quotes doubled), all of them required: what a
    person typed is searched for, never read as the query language. A word of ``PREFIX_FROM``
    letters or more is a prefix."""
    words = [word for word in (text or "").split() if any(ch.isalnum() for ch in word)]
    return " ".join(_phrase(word) for word in words) or None


def _phrase(word: str) -> str:
    quoted = '"' + word.replace('"', '""') + '"'
    return quoted + "*" if sum(ch.isalnum() for ch in word) >= PREFIX_FROM else quoted


def _document_filters(outlet, language, published_from, published_to, indicator) -> tuple[list[str], list]:
    conditions: list[tuple[str, tuple]] = []
    if outlet:
        conditions.append(("casefold(d.outlet) = ?", (outlet.casefold(),)))
    if language:
        conditions.append(("d.language = ?", (language,)))
    if published_from:
        conditions.append(("d.published >= ?", (published_from,)))
    if published_to:
        conditions.append(("d.published <= ?", (published_to,)))
    if indicator:
        group = indicator + "."
        conditions.append(("EXISTS (SELECT 1 FROM figures f WHERE f.document_id = d.id AND "
                           "(f.indicator = ? OR substr(f.indicator, 1, ?) = ?))", (indicator, len(group), group)))
    return [sql for sql, _ in conditions], [value for _, group in conditions for value in group]


def stored_documents(connection: sqlite3.Connection, ids: list[int] | None = None) -> Iterator[tuple]:
    """(id, the ``Document`` as it was read, its trace's generator) for every stored document, or
    for those of ``ids``, in the order they were stored."""
    query = ("SELECT d.id, d.text, d.external_id, d.outlet, d.url, d.published, d.language, d.title, d.source, "
             "t.generator FROM documents d JOIN traces t ON t.document_id = d.id")
    rows = connection.execute(query + " ORDER BY d.id") if ids is None else (
        row for id_ in ids for row in connection.execute(query + " WHERE d.id = ?", (id_,)))
    for row in rows:
        document = Document(text=row["text"], id=row["external_id"], outlet=row["outlet"], url=row["url"],
                            published=row["published"], language=row["language"], title=row["title"],
                            source=row["source"])
        yield row["id"], document, json.loads(row["generator"])


def get_trace(connection: sqlite3.Connection, document_id: int) -> dict | None:
    row = connection.execute("SELECT trace FROM traces WHERE document_id = ?", (document_id,)).fetchone()
    return json.loads(row["trace"]) if row else None


def stored_traces(connection: sqlite3.Connection) -> Iterator[tuple[int, dict]]:
    """(the store's id, the trace) for every stored trace, in the order they were stored."""
    for row in connection.execute("SELECT document_id, trace FROM traces ORDER BY document_id"):
        yield row["document_id"], json.loads(row["trace"])


def traces(connection: sqlite3.Connection) -> Iterator[dict]:
    """Every stored trace (``Trace.to_dict()``), in the order they were stored, one at a time."""
    for row in connection.execute("SELECT trace FROM traces ORDER BY document_id"):
        yield json.loads(row["trace"])


def _casefolding(connection: sqlite3.Connection) -> None:
    # SQLite's own NOCASE and LIKE fold ASCII only; names here are as often Cyrillic.
    connection.create_function("casefold", 1, lambda text: text.casefold() if text is not None else None,
                               deterministic=True)
