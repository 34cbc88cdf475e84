"""The registry's sources and indicators as tables (their JSON is a registry file: see --registry)."""
from __future__ import annotations

from .common import Renderer
from .table import columns


class SourcesTable(Renderer):
    def write(self, listing) -> None:
        super().write(listing)
        lines = [listing.note] if listing.note else []
        rows = [_source_row(source_id, entry) for source_id, entry in listing.entries.items()]
        if rows:
            lines.append(columns(["ID", "KIND", "COUNTRY", "STATE", "PARTY", "NAME"], rows))
        self.stream.write("".join(line + "\n" for line in lines))


class IndicatorsTable(Renderer):
    def write(self, listing) -> None:
        super().write(listing)
        rows = [[indicator_id, entry.get("counts", entry["unit"]), _parts(entry), _law(entry), entry["label"]]
                for indicator_id, entry in listing.entries.items()]
        self.stream.write(columns(["ID", "COUNTS", "PARTS", "LAW", "LABEL"], rows) + "\n")


def _source_row(source_id: str, entry: dict) -> list[str]:
    state = {True: "yes", False: "no", None: "?"}[entry["state_affiliated"]]
    name = entry["name"] + (" (fictional)" if entry.get("fictional") else "")
    return [source_id, entry["kind"], entry["country"] or "-", state, entry["party_to"] or "-", name]


def _parts(entry: dict) -> str:
    if entry.get("sum_of"):
        return "= " + " + ".join(entry["sum_of"])
    if entry.get("includes"):
        return "includes " + ", ".join(entry["includes"])
    return "-"


def _law(entry: dict) -> str:
    return "; ".join(f"{a['jurisdiction'].upper()} {a['article']}" for a in entry.get("legal_basis", [])) or "-"
