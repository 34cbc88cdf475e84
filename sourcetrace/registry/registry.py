"""The registry: the known sources and indicators, and the lookups over them."""
from __future__ import annotations

import hashlib
import json
import os
from functools import cached_property

from .indicators import IndicatorIndex, IndicatorMatch
from .loading import load_data
from .sources import SourceIndex, SourceMatch


class Registry:
    """Built once per run with :meth:`load`; lookups need no network and change nothing.

    ``sources`` and ``indicators`` map id → entry, in the shape of ``registry/data/*.json``.
    ``warnings`` lists names that lead to more than one source, which only a user file can cause.
    """

    def __init__(self, data: dict[str, dict]):
        self.sources: dict[str, dict] = data["sources"]
        self.indicators: dict[str, dict] = data["indicators"]
        self._sources = SourceIndex(self.sources)
        self._indicators = IndicatorIndex(self.indicators)
        self.warnings: list[str] = self._sources.conflicts() + [
            f"indicator {indicator_id!r} is its own descendant" for indicator_id in self._indicators.cycles()]

    @cached_property
    def version(self) -> str:
        """A digest of the merged data (a user file included): two runs with the same version
        resolved names against the same registry."""
        data = json.dumps({"sources": self.sources, "indicators": self.indicators}, sort_keys=True, ensure_ascii=False)
        return "sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def load(cls, user_file: str | os.PathLike | None = None) -> Registry:
        """The shipped registry with ``user_file`` (default: $SOURCETRACE_REGISTRY) merged over it."""
        return cls(load_data(user_file))

    def resolve_source(self, name: str, *, anonymous: bool = False, vague: bool = False,
                       country: str | None = None) -> SourceMatch:
        """The source a name as written stands for. ``country`` (e.g. 'ua') is the country the text
        is about: it settles a bare generic name such as 'the Defence Ministry'."""
        return self._sources.resolve(name, anonymous, vague, country)

    def resolve_link(self, link, country: str | None = None) -> SourceMatch:
        """:meth:`resolve_source` for a :class:`~sourcetrace.model.records.Link`."""
        return self.resolve_source(link.name, anonymous=link.anonymous, vague=link.vague, country=country)

    def search_sources(self, text: str) -> list[str]:
        """Ids of the sources whose names contain ``text``, in any script; the one it resolves to first."""
        return self._sources.search(text)

    def resolve_indicator(self, id_or_text: str) -> IndicatorMatch:
        return self._indicators.resolve(id_or_text)

    def children(self, indicator_id: str) -> list[str]:
        """The indicators ``indicator_id`` is made of: its sum_of parts, then the parts it includes."""
        return self._indicators.children(indicator_id)

    def parents(self, indicator_id: str) -> list[str]:
        """The indicators that ``indicator_id`` is a part of."""
        return self._indicators.parents(indicator_id)

    def relation(self, parent: str, child: str) -> str | None:
        """'sum_of', 'includes' or None: how ``child`` is a part of ``parent``."""
        return self._indicators.relation(parent, child)
