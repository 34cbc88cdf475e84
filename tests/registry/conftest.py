"""The built-in registry, loaded once; no test sees a SOURCETRACE_REGISTRY set outside it."""
from __future__ import annotations

import json

import pytest

from sourcetrace.registry import ENV_VAR, Registry


@pytest.fixture(autouse=True)
def no_user_registry(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(scope="session")
def registry() -> Registry:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(ENV_VAR, raising=False)
        return Registry.load()


@pytest.fixture
def user_file(tmp_path):
    """Write a user registry file and return its path."""

    def write(data, name="mine.json") -> str:
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return str(path)

    return write
