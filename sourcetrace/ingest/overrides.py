"""Metadata given on the command line, which fills or replaces what the input itself says."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..errors import Errors, InputError
from ..model.dates import normalise_published
from ..model.records import Document

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class Overrides:
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD, or an ISO timestamp cut to its date
    url: str | None = None
    language: str | None = None  # a code such as 'en': what the text is in, not read off its script

    def __post_init__(self) -> None:
        object.__setattr__(self, "published", normalise_published(self.published))
        object.__setattr__(self, "language", language_code(self.language))

    def apply(self, document: Document) -> Document:
        for name, value in asdict(self).items():
            if value is not None:
                setattr(document, name, value)
        if self.language is not None and hasattr(document, "language_given"):
            document.language_given = True
        return document


def language_code(value: str | None) -> str | None:
    """'EN' → 'en'; anything that is not a two- or three-letter code is an InputError (E041)."""
    if value is None:
        return None
    code = value.strip().lower()
    if not LANGUAGE_CODE.fullmatch(code):
        raise InputError(Errors.E041.format(value=value))
    return code
