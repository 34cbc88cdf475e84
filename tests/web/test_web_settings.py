"""The web app's settings documented, and `serve`'s options defaulting to them; `serve` warns when it
binds wider than this machine and refuses what it cannot use."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcetrace.cli.main import cli
from sourcetrace.web.settings import SETTINGS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "web-settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_each_setting_is_documented_and_its_option_defaults_to_it(setting):
    row = next((line for line in DOC.splitlines() if line.startswith(f"| `{setting.name}` |")), None)
    default = f"{setting.default:,}" if isinstance(setting.default, int) else setting.default
    assert row is not None and f"| {default} |" in row and (setting.option or "—") in row
    if setting.option:
        option = next(p for p in cli.commands["serve"].params if setting.option in p.opts)
        assert option.default == setting.default


def test_the_doc_lists_no_setting_the_table_lacks():
    assert set(re.findall(r"^\| `(\w+)` \|", DOC, re.M)) == {setting.name for setting in SETTINGS}


@pytest.fixture
def served(monkeypatch):
    """`serve` up to the point where uvicorn would take over: what it was asked to run."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))
    monkeypatch.delenv("SOURCETRACE_TOKEN", raising=False)
    return calls


def test_serve_binds_to_this_machine_and_says_writes_are_off(served, demo_store):
    result = CliRunner().invoke(cli, ["serve", "--db", str(demo_store)])
    assert result.exit_code == 0, result.output
    assert served[0][1]["host"] == "127.0.0.1" and "W009" in result.stderr and "W008" not in result.stderr


def test_serve_warns_when_binding_wider(served, demo_store, monkeypatch):
    monkeypatch.setenv("SOURCETRACE_TOKEN", "t")
    result = CliRunner().invoke(cli, ["serve", "--db", str(demo_store), "--host", "0.0.0.0"])
    assert result.exit_code == 0 and "W008" in result.stderr and "W009" not in result.stderr
    assert served[0][0].state.sourcetrace.token == "t"


def test_serve_refuses_a_missing_store_and_an_empty_token_file(served, tmp_path, demo_store):
    assert "E300" in CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")]).output
    (tmp_path / "token").write_text("")
    result = CliRunner().invoke(cli, ["serve", "--db", str(demo_store), "--token-file", str(tmp_path / "token")])
    assert result.exit_code == 2 and "E711" in result.output and not served
