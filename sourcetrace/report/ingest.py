"""An ingest's outcome as text: the counts, and where the documents went."""
from __future__ import annotations

from .common import Renderer


class IngestText(Renderer):
    def write(self, report) -> None:
        super().write(report)
        self.stream.write(f"sourcetrace: {report.summary()} (store: {report.sink}).\n")
