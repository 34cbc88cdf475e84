"""Choose a reader for each input and turn what cannot be read into an :class:`InputProblem`.

Each reader module offers ``score(source) -> int`` and ``read(source)``; the highest score wins,
as ingest-file picks its ingestor. Extensions decide, except for standard input, which is sniffed.
"""
from __future__ import annotations

import os
from types import ModuleType
from typing import Iterable, Iterator

from ..errors import Errors, InputError
from ..model.records import Document
from ..settings import MAX_LINE_BYTES
from . import html, jsonl, text, warc
from .inputs import InputFile, expand
from .overrides import Overrides
from ..model.problems import InputProblem
from .source import DEFAULT_MAX_BYTES, Source, open_source

READERS: tuple[ModuleType, ...] = (text, html, jsonl, warc)
# The types a folder is searched for; a file named on its own is read whatever its name.
EXTENSIONS: tuple[str, ...] = tuple(extension for reader in READERS for extension in reader.EXTENSIONS)


def read_inputs(paths: Iterable[str | os.PathLike], overrides: Overrides | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Document | InputProblem]:
    """Documents from every input in order; an input (or line) that cannot be read yields a problem."""
    return iter(Inputs(paths, overrides, max_bytes, max_line_bytes))


class Inputs:
    """The documents in the inputs named, in order, and how far reading them has got.

    ``bytes_done`` and ``bytes_total`` are for a progress bar: the files are listed (and folders
    walked) when the object is made; the bytes count as the readers move through each file.
    """

    def __init__(self, paths: Iterable[str | os.PathLike], overrides: Overrides | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_line_bytes: int = MAX_LINE_BYTES,
                 passed_over: Iterable[str | os.PathLike] = ()):
        self.files = list(expand(paths, EXTENSIONS, passed_over))
        self.overrides = overrides or Overrides()
        self.max_bytes, self.max_line_bytes = max_bytes, max_line_bytes
        self.bytes_total = sum(item.size for item in self.files if isinstance(item, InputFile))
        self._finished = 0
        self._reading: Source | None = None

    @property
    def bytes_done(self) -> int:
        return self._finished + (self._reading.position() if self._reading is not None else 0)

    def __iter__(self) -> Iterator[Document | InputProblem]:
        for item in self.files:
            if isinstance(item, InputProblem):
                yield item
                continue
            yield from self._read(item.path)
            self._finished += item.size

    def _read(self, path: str) -> Iterator[Document | InputProblem]:
        try:
            with open_source(path, self.max_bytes, self.max_line_bytes) as source:
                self._reading = source
                for item in choose_reader(source).read(source):
                    yield self.overrides.apply(item) if isinstance(item, Document) else item
        except InputError as problem:
            yield InputProblem(path, str(problem))
        except Exception as exc:  # noqa: BLE001 - a reader's bug costs this input, not the run
            yield InputProblem(path, Errors.E010.format(error=f"{type(exc).__name__}: {exc}"), failed=True, cause=exc)
        finally:
            self._reading = None


def choose_reader(source: Source) -> ModuleType:
    return max(READERS, key=lambda reader: reader.score(source))
