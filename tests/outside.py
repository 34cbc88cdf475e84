"""What a test needs from outside the repository — the seed report in ../shared, the git history of
the floors. Missing on a developer's machine, the test is skipped with the reason; missing in CI
($CI set, as .ci/run sets it), it fails, so that a check is never lost without anyone seeing it."""
from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(what: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"{what}. In CI this fails instead of skipping: put it in place.")
    pytest.skip(what)


def shared_file(*parts: str) -> Path:
    """A file of ../shared, or the test stops here (see the module's docstring)."""
    path = SHARED.joinpath(*parts)
    if not path.is_file():
        missing(f"{path} is not there (the shared folder beside the repository)")
    return path
