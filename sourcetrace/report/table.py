"""Plain-text tables for the terminal: columns padded to their widest cell, the last left ragged."""
from __future__ import annotations


def columns(headers: list[str], rows: list[list[str]], rule: bool = False) -> str:
    """The table as lines; ``rule`` draws a line of ─ under the headings."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    shown = [headers, ["─" * width for width in widths]] if rule else [headers]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) for row in [*shown, *rows]]
    return "\n".join(line.rstrip() for line in lines)


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters (a figure's text may span a line break)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
