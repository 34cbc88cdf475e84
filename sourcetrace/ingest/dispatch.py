"""Choose a reader for each input and turn what cannot be read into an :class:`InputProblem`.

Each reader module offers ``score(source) -> int`` and ``read(source)``; the highest score wins,
as ingest-file picks its ingestor. Extensions decide, except for standard input, which is sniffed.
"""
from __future__ import annotations

from types import ModuleType
from typing import Iterable, Iterator

from ..errors import InputError
from ..model.records import Document
from . import html, jsonl, text, warc
from .overrides import Overrides
from .problems import InputProblem
from .source import DEFAULT_MAX_BYTES, Source, open_source

READERS: tuple[ModuleType, ...] = (text, html, jsonl, warc)


def read_inputs(
    paths: Iterable[str], overrides: Overrides | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | InputProblem]:
    """Documents from every input in order; an input (or line) that cannot be read yields a problem."""
    for path in paths:
        yield from read_input(path, overrides or Overrides(), max_bytes)


def read_input(path: str, overrides: Overrides, max_bytes: int) -> Iterator[Document | InputProblem]:
    try:
        with open_source(path, max_bytes) as source:
            for item in choose_reader(source).read(source):
                yield overrides.apply(item) if isinstance(item, Document) else item
    except InputError as problem:
        yield InputProblem(path, str(problem))


def choose_reader(source: Source) -> ModuleType:
    return max(READERS, key=lambda reader: reader.score(source))
