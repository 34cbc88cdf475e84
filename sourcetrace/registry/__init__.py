"""Sources and indicators: who a figure's sources are, and what it counts.

``Registry.load()`` reads the data shipped in ``registry/data`` and merges a user file over it;
``resolve_source`` turns a name as written into a stable id, ``resolve_indicator`` an id or a phrase
into an indicator. Resolving adds ids and never changes a link's ``name`` or ``span``.
"""
from __future__ import annotations

from . import listing
from .errors import RegistryError
from .indicators import IndicatorMatch, UnknownIndicator
from .loading import ENV_VAR
from .registry import Registry
from .schema import KINDS
from .sources import SourceMatch

__all__ = ["ENV_VAR", "KINDS", "IndicatorMatch", "Registry", "RegistryError", "SourceMatch", "UnknownIndicator",
           "listing"]
