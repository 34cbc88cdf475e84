"""Metadata given on the command line, which fills or replaces what the input itself says."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from ..model.records import Document
from .dates import normalise_published


@dataclass(frozen=True)
class Overrides:
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD, or an ISO timestamp cut to its date
    url: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "published", normalise_published(self.published))

    def apply(self, document: Document) -> Document:
        for name, value in asdict(self).items():
            if value is not None:
                setattr(document, name, value)
        return document
