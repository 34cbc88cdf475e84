"""What is missing from outside the repository skips a test on a developer's machine and fails it in CI."""
from __future__ import annotations

import pytest

from outside import missing, shared_file


def test_missing_fails_in_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="In CI this fails"):
        missing("the seed report is not there")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        missing("the seed report is not there")


def test_a_missing_shared_file_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception):
        shared_file("examples", "no-such-file.txt")
