"""What a chain of attribution says, computed once for every reader of it: the store's columns,
the barometer's echo groups, the terminal, the HTML page and the charts.

A chain is nearest first (see docs/chains.md). Links are ``Link`` records or, read back from a
stored trace, the same as dicts; both are taken.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from .words import quote

L = TypeVar("L")
# Who a figure goes back to, in order of preference: the first speaker; failing that who computed
# it; failing that who holds the data; failing that the outlet speaking in its own voice.
ORIGIN_ROLES = ("origin", "derived", "record", "outlet")
TRAITS = ("anonymous", "vague")
NO_SOURCE = "no source named"
NAME_LIMIT = 60


def origin(links: Sequence[L]) -> L | None:
    """The link a chain goes back to (the farthest of the first role in ``ORIGIN_ROLES`` it has);
    None when it names only relays: who first said it is not known."""
    for role in ORIGIN_ROLES:
        found = [link for link in links if _field(link, "role") == role]
        if found:
            return found[-1]
    return None


def chain_text(links: Sequence, empty: str | None = NO_SOURCE, limit: int | None = NAME_LIMIT) -> str | None:
    """``TASS (relay) ← unnamed sources (origin, anonymous)``, nearest first; ``empty`` for no links.
    Names longer than ``limit`` are cut (None: never)."""
    return " ← ".join(link_text(link, limit) for link in links) or empty


def link_text(link, limit: int | None = NAME_LIMIT) -> str:
    """``unnamed sources (origin, anonymous)``."""
    name = str(_field(link, "name") or "?")
    traits = [str(_field(link, "role") or "?")] + [trait for trait in TRAITS if _field(link, trait)]
    return f"{quote(name, limit) if limit else name} ({', '.join(traits)})"


def _field(link, name: str):
    return link.get(name) if isinstance(link, Mapping) else getattr(link, name, None)
