"""What ``ingest`` reads: files named, and the files in folders named (recursively), each known
type by extension; any other file is skipped with a reason, and a path that does not exist fails."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import Errors
from ..ingest import InputProblem
from ..ingest import html, jsonl, warc

EXTENSIONS = (".txt",) + html.EXTENSIONS + jsonl.EXTENSIONS + warc.EXTENSIONS


@dataclass(frozen=True)
class InputFile:
    path: str
    size: int  # bytes, for progress; 0 for standard input


class MissingInput(InputProblem):
    """A path named that is not there: a failure, unlike a file skipped for its type."""


def expand(names: Iterable[str | os.PathLike]) -> Iterator[InputFile | InputProblem]:
    for name in map(str, names):
        path = Path(name)
        if name == "-":
            yield InputFile("-", 0)
        elif path.is_dir():
            yield from walk(path)
        elif not path.exists():
            yield MissingInput(name, Errors.E001)
        else:
            yield classify(path)


def walk(folder: Path) -> Iterator[InputFile | InputProblem]:
    """Files in name order, so that two runs over one folder read it the same way. Hidden files and
    folders (.git, .DS_Store) are passed over without a word: they are never reports."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield classify(Path(root, name))


def classify(path: Path) -> InputFile | InputProblem:
    if not path.name.lower().endswith(EXTENSIONS):
        return InputProblem(str(path), Errors.E050.format(extensions=", ".join(EXTENSIONS)))
    try:
        return InputFile(str(path), path.stat().st_size)
    except OSError:
        return InputFile(str(path), 0)  # the reader reports why it cannot be read
