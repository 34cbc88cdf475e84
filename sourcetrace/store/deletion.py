"""Taking documents out of the store (``sourcetrace delete``): which ones, and what was done."""
from __future__ import annotations

from dataclasses import dataclass, field

from .store import Store

SCHEMA = "sourcetrace.delete/1"


@dataclass
class DeleteReport:
    store: str | None = None
    deleted: list[int] = field(default_factory=list)  # store ids, taken out with their traces and figures
    missing: list[int] = field(default_factory=list)  # store ids asked for that no document has

    def to_dict(self) -> dict:
        """The report as ``sourcetrace delete --format json`` writes it (schema delete-1.json)."""
        return {"schema": SCHEMA, "store": self.store, "deleted": self.deleted, "missing": self.missing}

    def summary(self) -> str:
        return f"{len(self.deleted)} document{'s' * (len(self.deleted) != 1)} deleted"


def delete(store: Store, ids: list[int] = (), inputs: list[str] = ()) -> DeleteReport:
    """Delete the documents with these store ids, and every document read from these inputs (a file
    as it was given to ingest), with their traces and figures."""
    rows = store.documents()
    known = {row["id"] for row in rows}
    chosen = set(ids) | {row["id"] for row in rows
                         if row["input"] and row["input"].split("#")[0].split("@")[0] in inputs}
    deleted = sorted(chosen & known)
    store.delete(deleted)
    return DeleteReport(str(store.path), deleted, sorted(set(ids) - known))
