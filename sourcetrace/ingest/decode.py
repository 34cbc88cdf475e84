"""Bytes → the text every span indexes into: the right decoding, then newline and BOM clean-up.

Spans point into ``Document.text``, so all normalisation happens here, before the text is final.
"""
from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from ..errors import Errors, InputError

# UTF-32 first: its little-endian mark begins with UTF-16's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
TEXT_CONTROLS = set("\t\n\r\f\v")
MAX_CONTROL_SHARE = 0.05  # real text has next to none; binary decoded as text is full of them
SAMPLE_CHARS = 200_000
# The legacy encodings most reports come in, most common first; ties between guesses go to these.
COMMON_ENCODINGS = ("cp1252", "cp1251", "koi8_r", "koi8_u", "latin_1", "iso8859_15", "cp1250", "iso8859_5")
CHAOS_SLACK = 0.005  # "alike": equal but for rounding
COHERENCE_SLACK = 0.005


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text and the encoding used: a BOM's, else strict UTF-8, else ``declared``, else a guess."""
    encoding = bom_encoding(data)
    if encoding is not None:
        text = _decode_marked(data, encoding)
    elif b"\x00" in data:
        raise InputError(Errors.E007.format(why="it contains NUL bytes"))
    else:
        text, encoding = _decode_unmarked(data, declared)
    check_textlike(text)
    return normalise(text), encoding


def bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in BOMS if data.startswith(bom)), None)


def _decode_marked(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeError:
        raise InputError(Errors.E008) from None


def _decode_unmarked(data: bytes, declared: str | None) -> tuple[str, str]:
    # UnicodeError, not only UnicodeDecodeError: a page may declare any codec Python knows, and some
    # ('idna' on "a..b") fail with the bare class.
    for encoding in ("utf-8", declared):
        try:
            return data.decode(encoding), encoding
        except (UnicodeError, LookupError, TypeError):
            continue
    encoding = guess_encoding(data)
    try:
        return data.decode(encoding), encoding
    except (UnicodeError, LookupError):
        raise InputError(Errors.E008) from None


def guess_encoding(data: bytes) -> str:
    """charset-normalizer's guess, but among guesses it scores alike, the most common encoding.

    On a short text it cannot tell cp1250 from cp1252 ('è' or 'č'?) and may pick either; a
    report in a legacy encoding is far more often Western or Cyrillic Windows than Central European.
    """
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError(Errors.E007.format(why="no text encoding fits it"))
    names = [name for match in results if _alike(match, best) for name in match.could_be_from_charset]
    return min(names, key=lambda name: COMMON_ENCODINGS.index(name) if name in COMMON_ENCODINGS else 99)


def _alike(match, best) -> bool:
    return match.chaos <= best.chaos + CHAOS_SLACK and match.coherence >= best.coherence - COHERENCE_SLACK


def check_textlike(text: str) -> None:
    sample = text[:SAMPLE_CHARS]
    controls = sum(1 for c in sample if _is_stray(c))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise InputError(Errors.E007.format(why="it is mostly control characters"))


def _is_stray(char: str) -> bool:
    if char == "\ufffd":
        return True
    return char not in TEXT_CONTROLS and unicodedata.category(char) == "Cc"


def normalise(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a BOM left at the start is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
