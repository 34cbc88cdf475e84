"""Plain text: the whole input is the report. Also the reader for any format not otherwise known."""
from __future__ import annotations

from typing import Iterator

from ..errors import Errors, InputError
from .decode import decode
from .document import ReadDocument
from .source import Source, read_limited

EXTENSIONS = (".txt",)  # what a folder is searched for; a file named on its own is read as text whatever its name


def score(source: Source) -> int:
    return 1  # the fallback: any other reader that wants the input outbids it


def read(source: Source) -> Iterator[ReadDocument]:
    text, encoding = decode(read_limited(source))
    if not text.strip():
        raise InputError(Errors.E005)
    yield ReadDocument(text=text, source=source.name, encoding=encoding)
