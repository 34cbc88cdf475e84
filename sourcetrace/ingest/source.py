"""Opening an input (a path or ``-``) and reading its bytes within a size limit."""
from __future__ import annotations

import io
import math
import os
import stat
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO, Iterator

from ..errors import Errors, InputError
from ..settings import MAX_DOCUMENT_BYTES, MAX_LINE_BYTES

DEFAULT_MAX_BYTES = MAX_DOCUMENT_BYTES  # see settings.py
SIZE_SUFFIXES = {"K": 1_000, "M": 1_000_000, "G": 1_000_000_000}


@dataclass
class Source:
    name: str  # the path as given, or "-" for standard input
    stream: BinaryIO
    size: int | None  # from the file system; None for standard input and pipes
    max_bytes: int  # one document (settings: max_document_bytes)
    max_line_bytes: int = MAX_LINE_BYTES  # one JSON line

    @property
    def suffix(self) -> str:
        return "" if self.name == "-" else PurePath(self.name).suffix.lower()

    def position(self) -> int:
        """How many bytes of the file have been read: for progress; 0 where it cannot be told."""
        try:
            return self.stream.tell()
        except (OSError, ValueError):
            return 0

    def head(self, size: int = 1024) -> bytes:
        """The first bytes, left in the stream for the reader (standard input cannot seek)."""
        return self.stream.peek(size)[:size]


@contextmanager
def open_source(name: str, max_bytes: int = DEFAULT_MAX_BYTES,
                max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Source]:
    if name == "-":
        yield Source("-", _peekable(sys.stdin.buffer), None, max_bytes, max_line_bytes)
        return
    with _open_file(name) as stream:
        info = os.fstat(stream.fileno())
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        yield Source(name, stream, size, max_bytes, max_line_bytes)


def _open_file(name: str) -> BinaryIO:
    path = Path(name)
    if path.is_dir():
        raise InputError(Errors.E002.format(path=name.rstrip("/")))
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(Errors.E001) from None
    except OSError as exc:
        raise InputError(Errors.E003.format(reason=exc.strerror or exc)) from None


def _peekable(stream: BinaryIO) -> BinaryIO:
    return stream if hasattr(stream, "peek") else io.BufferedReader(stream)


def read_limited(source: Source) -> bytes:
    """All the bytes of a source, refusing (before reading, when the size is known) past the limit."""
    if source.size is not None and source.size > source.max_bytes:
        raise too_large(source.size, source.max_bytes)
    data = source.stream.read(source.max_bytes + 1)
    if len(data) > source.max_bytes:
        raise too_large(None, source.max_bytes)
    if not data:
        raise InputError(Errors.E004)
    return data


def too_large(size: int | None, limit: int, message: str = Errors.E006) -> InputError:
    """The size-limit error, with a ``--max-bytes`` value that would let this input through."""
    shown = f"{size:,}" if size is not None else f"more than {limit:,}"
    wanted = size if size is not None else limit * 2
    suggest = f"{math.ceil(wanted / 1_000_000)}M"
    return InputError(message.format(size=shown, limit=f"{limit:,}", suggest=suggest))


def parse_size(text: str) -> int:
    """``'20000000'``, ``'20M'``, ``'20MB'``, ``'500k'`` → bytes (decimal units, as disks count)."""
    clean = text.strip().upper().removesuffix("B").replace("_", "").replace(",", "")
    suffix = clean[-1:] if clean[-1:] in SIZE_SUFFIXES else ""
    value = float(clean.removesuffix(suffix) or "nan") * SIZE_SUFFIXES.get(suffix, 1)
    if not math.isfinite(value) or value < 1:
        raise ValueError(f"{text!r} is not a size in bytes")
    return int(value)
