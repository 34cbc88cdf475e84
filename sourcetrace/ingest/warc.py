"""Web archives (.warc, .warc.gz): every successful HTML or plain-text response is a document.

The page's text and metadata come from the HTML reader's own extraction; the URL is the record's
WARC-Target-URI. The publication date is the page's own when it states one; else the server's
Last-Modified; else the WARC-Date, the day it was crawled (an upper bound, and 'yesterday' in the
text counts from it). Other records (requests, images, scripts, redirects, errors) are not reports
and pass without comment.

A record that cannot be used is a problem for that record alone (``path@offset``: the byte where
it starts in the archive, uncompressed); damage that leaves the rest of the file unreadable ends
the file with a problem, and the records before it stay read.
"""
from __future__ import annotations

import io
import re
import zlib
from contextlib import redirect_stderr
from email.utils import parsedate_to_datetime
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import Errors, InputError
from . import html
from ..model.dates import normalise_published
from .decode import decode
from .document import ReadDocument
from ..model.problems import InputProblem
from .source import Source, too_large

EXTENSIONS = (".warc", ".warc.gz")
# Media types that hold a report, and how each is read.
KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.I)
DRAIN_CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b"
INFLATE_AT_MOST = 1 << 20
RECORD_TYPES = ("warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation")


def score(source: Source) -> int:
    if source.name.lower().endswith(EXTENSIONS):
        return 10
    return 5 if source.name == "-" and looks_like_warc(source.head()) else 0


def looks_like_warc(head: bytes) -> bool:
    if head.startswith(GZIP_MAGIC):  # a .warc.gz piped in
        try:
            head = zlib.decompressobj(31).decompress(head)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read(source: Source) -> Iterator[ReadDocument | InputProblem]:
    stream = _uncompressed(source)
    archive = ArchiveIterator(stream)
    count = 0
    while (found := _next(archive, count)) is not None:
        record, warning = found
        where = f"{source.name}@{archive.offset}"
        if warning:
            yield InputProblem(where, Errors.E035.format(why=warning))
        item = read_record(record, source.max_bytes, where)
        if cut_short(record):
            raise InputError(Errors.E032.format(offset=archive.offset, count=count))
        count += 1
        if item is not None:
            yield item
    # Bytes after the last whole record (a header cut short), or a gzip stream that stops mid-way.
    if archive.offset < archive.fh.tell() or getattr(stream, "cut_short", False):
        raise InputError(Errors.E032.format(offset=archive.offset, count=count))
    if count == 0:
        raise InputError(Errors.E030.format(why="it holds no records"))


def _uncompressed(source: Source):
    """The archive's bytes, gunzipped when they are gzip (see :class:`Gunzip`)."""
    return Gunzip(source.stream) if source.head(2) == GZIP_MAGIC else source.stream


class Gunzip(io.RawIOBase):
    """The bytes of every gzip member in turn, as far as they go.

    warcio reads a .warc.gz only as one gzip member per record, and refuses the single member that
    `gzip crawl.warc` makes; Python's GzipFile reads both, but fails the whole read that meets a
    file cut short, losing the records before the cut. This ends where the data ends instead, and
    says so in ``cut_short``.
    """

    def __init__(self, stream):
        self.stream = stream
        self.member, self.fed = zlib.decompressobj(31), False
        self.pending = b""
        self.cut_short = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            if not self._inflate():
                return 0
        size = min(len(buffer), len(self.pending))
        buffer[:size], self.pending = self.pending[:size], self.pending[size:]
        return size

    def _inflate(self) -> bool:
        """Decompress some more; False at the end of the input."""
        if self.member.eof:  # the next member starts after this one's end
            data, self.member, self.fed = self.member.unused_data, zlib.decompressobj(31), False
        else:
            data = self.member.unconsumed_tail
        data = data or self.stream.read(DRAIN_CHUNK)
        if not data:
            self.cut_short = self.fed and not self.member.eof
            return False
        self.fed = True
        # At most this much at a time: a small file can inflate to gigabytes.
        self.pending = self.member.decompress(data, INFLATE_AT_MOST)
        return True


def _next(archive: ArchiveIterator, count: int):
    """The next record and what warcio warned of while finding it; None at the end. Damage raises."""
    warnings = io.StringIO()
    try:
        # warcio prints its warnings to stderr, where they would tangle with the progress bar.
        with redirect_stderr(warnings):
            record = next(archive)
    except StopIteration:
        return None
    except ArchiveLoadFailed as exc:
        raise _damaged(archive.offset, count, str(exc).strip()) from None
    except Exception:  # noqa: BLE001 - on damage warcio also fails in ways it does not name (AttributeError)
        raise _damaged(archive.offset, count, "a record header that cannot be parsed") from None
    if record.format != "warc" or record.rec_type not in RECORD_TYPES:
        raise _damaged(archive.offset, count, "no WARC record header here")
    if record.rec_headers.get_header("Content-Length") is None:  # mandatory; a header cut short lacks it
        raise _damaged(archive.offset, count, "a record header without its Content-Length")
    warning = warnings.getvalue().strip().splitlines()
    return record, warning[0].removeprefix("WARNING: ") if warning else None


def _damaged(offset: int, count: int, why: str) -> InputError:
    if count == 0:
        return InputError(Errors.E030.format(why=why))
    return InputError(Errors.E031.format(offset=offset, count=count, why=why))


def read_record(record, max_bytes: int, where: str) -> ReadDocument | InputProblem | None:
    """The document in one record, a problem with it, or None for a record that holds no report."""
    kind = document_kind(record)
    if kind is None:
        return None
    try:
        data = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # noqa: BLE001 - a bad Content-Encoding fails inside warcio's decoders
        return InputProblem(where, Errors.E034.format(why=f"{type(exc).__name__}: {exc}"))
    if len(data) > max_bytes:
        return InputProblem(where, str(too_large(None, max_bytes, Errors.E033)))
    try:
        return record_document(record, kind, data, where)
    except InputError as problem:
        return InputProblem(where, str(problem))


def document_kind(record) -> str | None:
    """'html' or 'text' for a successful response that holds a report; None for any other record."""
    headers = record.http_headers
    if record.rec_type != "response" or headers is None:
        return None
    if not (headers.get_statuscode() or "").startswith("2"):
        return None  # redirects and error pages are not the report
    media = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return KINDS.get(media)


def record_document(record, kind: str, data: bytes, where: str) -> ReadDocument:
    declared = charset(record.http_headers.get_header("Content-Type"))
    if kind == "html":
        markup, encoding = decode(data, declared or html.declared_charset(data))
        text, metadata = html.main_text(markup)
        empty = Errors.E009
    else:
        (text, encoding), metadata, empty = decode(data, declared), {}, Errors.E005
    if not text.strip():
        raise InputError(empty)
    metadata["url"] = record.rec_headers.get_header("WARC-Target-URI")
    metadata["published"] = metadata.get("published") or crawl_date(record)
    return ReadDocument(text=text, source=where, encoding=encoding, **metadata)


def charset(content_type: str | None) -> str | None:
    found = CHARSET.search(content_type or "")
    return found.group(1) if found else None


def crawl_date(record) -> str | None:
    """The server's Last-Modified, else the WARC-Date, as YYYY-MM-DD; None when neither parses."""
    modified = record.http_headers.get_header("Last-Modified")
    try:
        if modified:
            return parsedate_to_datetime(modified).date().isoformat()
    except (TypeError, ValueError):
        pass
    try:
        return normalise_published(record.rec_headers.get_header("WARC-Date"))
    except InputError:
        return None


def cut_short(record) -> bool:
    """Read the record to its end: True when the file ended before the length its header gives."""
    stream = record.raw_stream
    try:
        while stream.read(DRAIN_CHUNK):
            pass
    except Exception:  # noqa: BLE001 - a broken compressed stream is a cut-short record too
        return True
    return getattr(stream, "limit", 0) > 0
