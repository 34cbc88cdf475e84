"""The document a reader produces: a :class:`Document` that also says how its bytes were decoded."""
from __future__ import annotations

from dataclasses import dataclass

from ..lang.detect import detect_language  # the same identification as the library's (api.py)
from ..model.records import Document


@dataclass
class ReadDocument(Document):
    # Kept on the document (and so in the trace's JSON) because a wrong guess at a legacy
    # encoding garbles every figure and name; the user needs to see which one was used.
    encoding: str | None = None
    language_given: bool = False  # the input said which language; otherwise it is read off the script

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.language_given:
            self.language = detect_language(self.text)
