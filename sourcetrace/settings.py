"""Settings: one table of name, default and what each is for (as datasette keeps its SETTINGS).

The command line offers each as an option (``--max-bytes``, ``--max-line-bytes``); the library takes
them as arguments with these defaults. docs/settings.md documents every one, and a test keeps the
two in step.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: int
    option: str | None  # the command-line option that sets it, if any
    help: str


SETTINGS = (
    Setting("max_document_bytes", 20_000_000, "--max-bytes",
            "The most bytes one document may have: a text or HTML file, one page of a web archive, the "
            "text of one JSON line. Far above any news report; a larger input is refused (E006, E033) "
            "before it is read, because tracing it would take long enough to look like a hang."),
    Setting("max_line_bytes", 50_000_000, "--max-line-bytes",
            "The longest line of a JSON lines file that is read. A longer line is skipped (E026) "
            "without being held in memory, and the next line is read: a file of any size streams."),
    Setting("batch_documents", 64, None,
            "Documents traced together: the parser takes a batch in one call, which is faster than one "
            "call a document."),
    Setting("batch_chars", 1_000_000, None,
            "Characters traced together at most (a longer document is traced alone): memory grows "
            "with what one batch holds, never with the size of the input."),
    Setting("long_text_chars", 500_000, None,
            "A document longer than this is announced (W001) as it is read: tracing it takes minutes, "
            "and a quiet terminal must not look like a hang."),
)
DEFAULTS = {setting.name: setting.default for setting in SETTINGS}

MAX_DOCUMENT_BYTES = DEFAULTS["max_document_bytes"]
MAX_LINE_BYTES = DEFAULTS["max_line_bytes"]
LONG_TEXT_CHARS = DEFAULTS["long_text_chars"]
BATCH_DOCUMENTS = DEFAULTS["batch_documents"]
BATCH_CHARS = DEFAULTS["batch_chars"]
