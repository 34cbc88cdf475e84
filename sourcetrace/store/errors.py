"""The store's exceptions; their messages are numbered E3xx in ``sourcetrace/errors.py``."""
from __future__ import annotations

from ..errors import SourcetraceError


class StoreError(SourcetraceError):
    """The store cannot be opened, read or written; the message says what to do."""


class StoreMissing(StoreError):
    """There is no store at the path given, and the caller asked not to create one."""
