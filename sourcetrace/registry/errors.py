"""The registry's exceptions; their messages are numbered E4xx in ``sourcetrace/errors.py``."""
from __future__ import annotations

from ..errors import SourcetraceError


class RegistryError(SourcetraceError):
    """A registry file cannot be read or breaks the schema; the message says what to fix."""
