"""Fixtures for the store tests; helpers the tests import are in store_helpers.py."""
from __future__ import annotations

import pytest

from sourcetrace.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "test.db") as opened:
        yield opened
