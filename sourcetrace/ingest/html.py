"""HTML pages: the article's main text and its metadata, by trafilatura; lxml when that finds nothing.

Scripts, styles and page furniture never reach the text: trafilatura keeps only the main content,
and the fallback drops script/style/noscript/template elements before it takes any text.
"""
from __future__ import annotations

import re
from typing import Iterator

import lxml.html
from lxml.etree import ParserError
from trafilatura import bare_extraction

from ..errors import Errors, InputError
from ..model.dates import normalise_published
from .decode import decode
from .document import ReadDocument
from .source import Source, read_limited

EXTENSIONS = (".html", ".htm", ".xhtml")
HTML_START = re.compile(rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# lxml refuses a str that still declares its encoding; the text is decoded already.
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# lxml refuses a str with NUL or most other C0 control characters, and trafilatura parses with lxml
# too: in markup they are never part of the article, so they become spaces before either sees them.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
HIDDEN = "//script|//style|//noscript|//template"
BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "article",
          "section", "header", "footer", "figcaption", "pre", "table")
# The date in the page's metadata only: a date found by searching the body text is as likely
# to be the date of an event in the story as its publication date.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def score(source: Source) -> int:
    if source.suffix in EXTENSIONS:
        return 10
    return 5 if source.name == "-" and HTML_START.match(source.head()) else 0


def read(source: Source) -> Iterator[ReadDocument]:
    data = read_limited(source)
    markup, encoding = decode(data, declared_charset(data))
    text, metadata = main_text(markup)
    if not text.strip():
        raise InputError(Errors.E009)
    yield ReadDocument(text=text, source=source.name, encoding=encoding, **metadata)


def declared_charset(data: bytes) -> str | None:
    found = META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def main_text(markup: str) -> tuple[str, dict]:
    """The article text and the metadata fields of a Document (title, published, outlet, url)."""
    markup = CONTROLS.sub(" ", markup)
    found = _trafilatura(markup)
    metadata = _metadata(found)
    text = found.text if found is not None and found.text else ""
    if not text.strip():
        text, title = lxml_text(markup)
        metadata["title"] = metadata["title"] or title
    return text, metadata


def _trafilatura(markup: str):
    try:
        return bare_extraction(markup, with_metadata=True, include_comments=False,
                               date_extraction_params=DATE_PARAMS)
    except Exception:  # noqa: BLE001 - any failure inside it leaves the lxml fallback to try
        return None


def _metadata(found) -> dict:
    if found is None:
        return {"title": None, "published": None, "outlet": None, "url": None}
    try:
        published = normalise_published(found.date)
    except InputError:
        published = None  # a malformed date in page metadata is no reason to refuse the page
    return {"title": found.title, "published": published, "outlet": found.sitename, "url": found.url}


def lxml_text(markup: str) -> tuple[str, str | None]:
    """The visible text, one line per block element, and the <title>; ('', None) if unparseable."""
    try:
        tree = lxml.html.document_fromstring(XML_DECLARATION.sub("", markup, count=1))
    except (ParserError, ValueError):
        return "", None
    for hidden in tree.xpath(HIDDEN):
        hidden.drop_tree()
    for block in tree.iter(*BLOCKS):
        block.tail = "\n" + (block.tail or "")
    body = tree.find("body")
    visible = (body if body is not None else tree).text_content()
    lines = (" ".join(line.split()) for line in visible.split("\n"))
    return "\n".join(line for line in lines if line), _title(tree)


def _title(tree) -> str | None:
    title = (tree.findtext(".//title") or "").strip()
    return title or None
