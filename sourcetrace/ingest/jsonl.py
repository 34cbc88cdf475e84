"""JSON lines: one document per line, ``{"text": ..., "id", "url", "outlet", "published", "title",
"language"}``; only ``text`` is required.

A bad line is a problem for that line alone (``path:line``); the lines around it still come
through. Limits apply to each line (``max_line_bytes``) and to its text (``max_bytes``), never to the
file: a line is read, turned into a document and let go before the next, so a corpus of any size
streams in the memory of its longest line.
"""
from __future__ import annotations

import codecs
import json
from typing import Iterator

from ..errors import Errors, InputError
from ..model.dates import normalise_published
from .decode import normalise
from .document import ReadDocument
from .overrides import language_code
from ..model.problems import InputProblem
from .source import Source, too_large

EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines")
FIELDS = ("id", "url", "outlet", "published", "title", "language")


def score(source: Source) -> int:
    if source.suffix in EXTENSIONS:
        return 10
    return 5 if source.name == "-" and source.head().lstrip().startswith(b"{") else 0


def read(source: Source) -> Iterator[ReadDocument | InputProblem]:
    seen = False
    for number, line in numbered_lines(source):
        seen = True
        try:
            yield parse_line(line, f"{source.name}#{number}", source.max_bytes)
        except InputError as problem:
            yield InputProblem(f"{source.name}:{number}", str(problem))
    if not seen:
        raise InputError(Errors.E004)


def numbered_lines(source: Source) -> Iterator[tuple[int, bytes | InputError]]:
    """Each non-blank line with its number; a line over the limit comes as its error instead."""
    number = 0
    while line := source.stream.readline(source.max_line_bytes + 1):
        number += 1
        if len(line) > source.max_line_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_line(source.stream)
            yield number, too_large(size, source.max_line_bytes, Errors.E026)
        elif line.strip():
            yield number, line.removeprefix(codecs.BOM_UTF8) if number == 1 else line


def _skip_line(stream) -> int:
    skipped = 0
    while (chunk := stream.readline(1 << 20)) and not chunk.endswith(b"\n"):
        skipped += len(chunk)
    return skipped + len(chunk)


def parse_line(line: bytes | InputError, source: str, max_bytes: int) -> ReadDocument:
    if isinstance(line, InputError):
        raise line
    record = _load(line)
    text = record.get("text")
    if text is None:
        raise InputError(Errors.E022)
    if not isinstance(text, str):
        raise InputError(Errors.E024.format(field="text", kind=_kind(text)))
    text = normalise(text)  # first: a text that is only a byte-order mark is empty once it is dropped
    if not text.strip():
        raise InputError(Errors.E023)
    # Encoded only when it could be too large: a character takes at most 4 bytes of UTF-8.
    size = len(text) if 4 * len(text) <= max_bytes else len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise too_large(size, max_bytes, Errors.E028)
    metadata = _metadata(record)
    return ReadDocument(text=text, source=source, encoding="utf-8",
                        language_given=bool(metadata.get("language")), **metadata)


def _load(line: bytes) -> dict:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E025.format(reason=exc.reason)) from None
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E020.format(reason=f"{exc.msg} at column {exc.colno}")) from None
    except RecursionError:  # "[[[[..." a hundred thousand deep: the decoder recurses once a level
        raise InputError(Errors.E027) from None
    except ValueError as exc:  # a number of more than 4,300 digits: Python will not read it as an int
        raise InputError(Errors.E020.format(reason=str(exc).split(";")[0])) from None
    if not isinstance(record, dict):
        raise InputError(Errors.E021.format(kind=_kind(record)))
    return record


def _metadata(record: dict) -> dict:
    metadata = {name: _string(record, name) for name in FIELDS if record.get(name) is not None}
    if "published" in metadata:
        metadata["published"] = normalise_published(metadata["published"])
    if "language" in metadata:
        metadata["language"] = language_code(metadata["language"])
    return metadata


def _string(record: dict, name: str) -> str:
    value = record[name]
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # numeric ids are common in exported corpora
    if not isinstance(value, str):
        raise InputError(Errors.E024.format(field=name, kind=_kind(value)))
    return value


def _kind(value) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
