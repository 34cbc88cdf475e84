"""The registry's user-facing messages, numbered E3xx like those in ``sourcetrace/errors.py``.

They live here while the registry is new; they belong in ``sourcetrace/errors.py`` beside the others.
"""
from __future__ import annotations

from ..errors import Errors, SourcetraceError

_NUMBERED = type(Errors)  # the metaclass that reads ``Messages.E300`` as "[E300] ..."


class Messages(metaclass=_NUMBERED):
    E300 = (
        "cannot read the registry file {path} ({reason}). Check the path given by --registry or "
        "SOURCETRACE_REGISTRY, or unset SOURCETRACE_REGISTRY to use the built-in registry only."
    )
    E301 = "the registry file {path} is not valid JSON ({reason}). Fix it; a JSON linter shows where."
    E302 = (
        "the registry file {path} must be a JSON object with 'sources' and/or 'indicators', each an "
        "object keyed by id. 'sourcetrace sources --format json' prints the shape."
    )
    E303 = "the registry {path} has {count} problem(s):\n{problems}"
    E304 = "{name!r} is not an indicator id or name. 'sourcetrace indicators' lists them."


class RegistryError(SourcetraceError):
    """A registry file cannot be read or breaks the schema; the message says what to fix."""
