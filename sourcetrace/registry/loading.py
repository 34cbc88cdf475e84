"""Read the shipped registry files and merge a user file over them (as trafilatura merges settings).

A user file has the shape of the shipped ones: ``{"sources": {id: entry}, "indicators": {id: entry}}``,
either part optional. An entry with a known id extends the shipped one (lists are added to, objects
merged, other values replaced); ``"_replace": true`` replaces it whole. A new id adds an entry.
"""
from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from . import schema
from ..errors import Errors
from .errors import RegistryError

ENV_VAR = "SOURCETRACE_REGISTRY"
SECTIONS = ("sources", "indicators")
REPLACE = "_replace"
MAX_PROBLEMS_SHOWN = 20


def load_data(user_file: str | os.PathLike | None = None) -> dict[str, dict]:
    """The merged and checked registry data; ``user_file`` defaults to $SOURCETRACE_REGISTRY."""
    data = shipped()
    path = user_file if user_file is not None else os.environ.get(ENV_VAR) or None
    if path is not None:
        data = merge(data, read_user(Path(path)))
    check(data, str(path) if path is not None else "shipped with sourcetrace")
    return data


def shipped() -> dict[str, dict]:
    """A fresh copy of the data files in ``registry/data``."""
    folder = resources.files(__package__).joinpath("data")
    return {section: json.loads(folder.joinpath(f"{section}.json").read_text(encoding="utf-8"))[section]
            for section in SECTIONS}


def read_user(path: Path) -> dict[str, dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(Errors.E400.format(path=path, reason=getattr(exc, "strerror", None) or exc)) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegistryError(Errors.E401.format(path=path, reason=exc)) from None
    sections = {key: value for key, value in raw.items() if not key.startswith("_")} if isinstance(raw, dict) else None
    if not sections or set(sections) - set(SECTIONS) or not all(isinstance(v, dict) for v in sections.values()):
        raise RegistryError(Errors.E402.format(path=path))
    return sections


def merge(base: dict[str, dict], user: dict[str, dict]) -> dict[str, dict]:
    merged = {section: dict(entries) for section, entries in base.items()}
    for section, entries in user.items():
        for entry_id, entry in entries.items():
            old = merged[section].get(entry_id)
            replace = not isinstance(old, dict) or not isinstance(entry, dict) or entry.get(REPLACE) is True
            merged[section][entry_id] = _without_flag(entry) if replace else merge_entry(old, entry)
    return merged


def merge_entry(old: dict, new: dict) -> dict:
    """``new`` over ``old``: lists extended (without repeats), objects merged, the rest replaced."""
    merged = dict(old)
    for key, value in _without_flag(new).items():
        before = merged.get(key)
        if isinstance(before, list) and isinstance(value, list):
            merged[key] = before + [item for item in value if item not in before]
        elif isinstance(before, dict) and isinstance(value, dict):
            merged[key] = merge_entry(before, value)
        else:
            merged[key] = value
    return merged


def check(data: dict[str, dict], origin: str) -> None:
    found = [problem for section in SECTIONS for problem in schema.problems(section, data[section])]
    if found:
        shown = found[:MAX_PROBLEMS_SHOWN] + ([f"... and {len(found) - MAX_PROBLEMS_SHOWN} more"]
                                             if len(found) > MAX_PROBLEMS_SHOWN else [])
        raise RegistryError(Errors.E403.format(path=origin, count=len(found),
                                                 problems="\n".join(f"  - {line}" for line in shown)))


def _without_flag(entry):
    return {k: v for k, v in entry.items() if k != REPLACE} if isinstance(entry, dict) else entry
