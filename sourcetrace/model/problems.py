"""What a reader hands back instead of a document when an input cannot be used."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class InputProblem:
    """One input that gave no document: which one, and the problem in words with what to do next.

    ``input`` is the path as given, ``-`` for standard input, ``path:line`` for one line of a JSON
    lines file or ``path@offset`` for one record of a web archive (the rest of the file still comes
    through). ``failed`` is True when the input should have given a document — it is missing, or
    tracing or keeping it failed — and False when it was passed over for what it is (a type that is
    not read, bytes that are not text). ``cause`` is the exception behind a failure, for --traceback.
    """

    input: str
    problem: str
    failed: bool = False
    cause: BaseException | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.input}: {self.problem}"
