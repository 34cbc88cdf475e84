"""What a reader hands back instead of a document when an input cannot be used."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputProblem:
    """One input that gave no document: which one, and the problem in words with what to do next.

    ``input`` is the path as given, ``-`` for standard input, or ``path:line`` for one line of a
    JSON lines file (the other lines of that file still come through).
    """

    input: str
    problem: str

    def __str__(self) -> str:
        return f"{self.input}: {self.problem}"
