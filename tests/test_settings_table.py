"""Every setting documented, and the option that sets it offered by the commands that read inputs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sourcetrace.cli.main import cli
from sourcetrace.settings import SETTINGS

DOC = (Path(__file__).resolve().parent.parent / "docs" / "settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_each_setting_is_documented_with_its_default_and_option(setting):
    row = next((line for line in DOC.splitlines() if line.startswith(f"| `{setting.name}` |")), None)
    assert row is not None, f"docs/settings.md has no row for {setting.name}"
    assert f"| {setting.default:,} |" in row and (setting.option or "—") in row


def test_the_doc_lists_no_setting_the_table_lacks():
    assert set(re.findall(r"^\| `(\w+)` \|", DOC, re.M)) == {setting.name for setting in SETTINGS}


@pytest.mark.parametrize("command", ["trace", "ingest"])
@pytest.mark.parametrize("setting", [s for s in SETTINGS if s.option], ids=lambda s: s.name)
def test_the_option_sets_the_default(command, setting):
    option = next(p for p in cli.commands[command].params if setting.option in p.opts)
    assert option.default == setting.default
