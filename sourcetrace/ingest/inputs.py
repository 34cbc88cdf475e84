"""Which files the inputs named stand for: a file as it is, every file below a folder (in name
order) whose type is read, '-' for standard input. A path that does not exist, or a web address,
fails with a message that says what to do; a file in a folder whose type is not read is skipped
with a reason."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import Errors
from ..model.problems import InputProblem

URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)


@dataclass(frozen=True)
class InputFile:
    path: str
    size: int  # bytes, for progress; 0 for standard input and what cannot be sized


def expand(names: Iterable[str | os.PathLike], extensions: tuple[str, ...],
           passed_over: Iterable[str | os.PathLike] = ()) -> Iterator[InputFile | InputProblem]:
    """The files ``names`` stand for. ``passed_over`` are files a folder walk leaves out without a
    word: the store's own database files, when the store sits among the reports."""
    quiet = {Path(path).resolve() for path in passed_over}
    for name in map(str, names):
        path = Path(name)
        if name == "-":
            yield InputFile("-", 0)
        elif path.is_dir():
            yield from walk(path, extensions, quiet)
        elif URL.match(name):
            yield InputProblem(name, Errors.E051.format(url=name), failed=True)
        elif not path.exists():
            yield InputProblem(name, Errors.E001, failed=True)
        else:
            yield InputFile(name, _size(path))


def walk(folder: Path, extensions: tuple[str, ...], quiet: set[Path]) -> Iterator[InputFile | InputProblem]:
    """Files in name order, so that two runs over one folder read it the same way. Hidden files and
    folders (.git, .DS_Store) are passed over without a word: they are never reports."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith(".") or path.resolve() in quiet:
                continue
            if not name.lower().endswith(extensions):
                yield InputProblem(str(path), Errors.E050.format(extensions=", ".join(extensions)))
            else:
                yield InputFile(str(path), _size(path))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader reports why it cannot be read
