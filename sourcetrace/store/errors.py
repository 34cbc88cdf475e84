"""What the store tells a user when it cannot do what was asked, numbered as in ``errors.py``.

Kept here until they move into ``sourcetrace/errors.py`` (E3xx is the store's range there).
"""
from __future__ import annotations

from ..errors import SourcetraceError, _Numbered


class StoreErrors(metaclass=_Numbered):
    E300 = "no store at {path}. Run 'sourcetrace ingest INPUT... --db {path}' first to create it."
    E301 = "cannot open the store at {path} ({reason}). Check the path and that you may write there."
    E302 = "{path} is not a sourcetrace store ({reason}). Give the file 'sourcetrace ingest' created."
    E303 = (
        "the store at {path} was written by a newer sourcetrace (it has migrations {names} that this "
        "version does not know). Upgrade sourcetrace, or ingest into a new --db."
    )
    E304 = "cannot write to the store at {path} ({reason}). Check the free disk space and permissions."
    E305 = "{value!r} is not a month. Write it as YYYY-MM (e.g. 2024-03), or YYYY-MM-DD."
    E310 = (
        "not a file type sourcetrace ingests ({extensions}). Rename a plain-text report to .txt "
        "to ingest it."
    )


class StoreError(SourcetraceError):
    """The store cannot be opened, read or written; the message says what to do."""


class StoreMissing(StoreError):
    """There is no store at the path given, and the caller asked not to create one."""
