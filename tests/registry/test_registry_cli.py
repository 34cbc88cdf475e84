"""``sourcetrace sources`` and ``sourcetrace indicators`` through click's CliRunner."""
from __future__ import annotations

import json

from click.testing import CliRunner

from sourcetrace.cli import main as cli_main
from sourcetrace.registry import ENV_VAR, Registry


def invoke(*args, env=None):
    return CliRunner().invoke(cli_main.cli, [str(arg) for arg in args], env=env)


def rows(output: str) -> list[list[str]]:
    return [line.split() for line in output.splitlines()]


def test_sources_table_lists_every_source():
    result = invoke("sources")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "KIND", "COUNTRY", "STATE", "PARTY", "NAME"]
    assert len(lines) == 1 + len(Registry.load().sources)
    assert ["ru.tass", "news_agency", "ru", "yes", "russia", "TASS"] in rows(result.stdout)
    assert any(line.startswith("xv.valpress") and line.endswith("VALPRESS (fictional)") for line in lines)


def test_sources_by_kind():
    result = invoke("sources", "--kind", "court")
    ids = [row[0] for row in rows(result.stdout)[1:]]
    assert result.exit_code == 0 and "ua.supreme_court" in ids and "ru.tass" not in ids
    assert invoke("sources", "--kind", "blog").exit_code == 2


def test_sources_search_says_what_the_text_resolves_to():
    result = invoke("sources", "--search", "Украинская правда")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "'Украинская правда' is ua.ukrainska_pravda (alias)."
    assert rows(result.stdout)[2][0] == "ua.ukrainska_pravda"

    ambiguous = invoke("sources", "--search", "Defence Ministry")
    assert "may be any of ru.mod, ua.mod, xd.mod, xv.mod" in ambiguous.stdout


def test_sources_search_that_finds_nothing_gives_the_stable_id_and_exit_1():
    result = invoke("sources", "--search", "Kharkiv Regional Police")
    assert result.exit_code == 1
    assert "its id is x.kharkiv-regional-police" in result.stdout
    assert "no source matches --search 'Kharkiv Regional Police'" in result.stderr


def test_sources_json_is_a_registry_file_that_loads_back(tmp_path):
    result = invoke("sources", "--format", "json", "--kind", "news_agency")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["sources"] and data["sources"]["ru.tass"]["state_affiliated"] is True
    assert {entry["kind"] for entry in data["sources"].values()} == {"news_agency"}
    saved = tmp_path / "agencies.json"
    saved.write_text(result.stdout, encoding="utf-8")
    assert Registry.load(saved).sources["ru.tass"] == Registry.load().sources["ru.tass"]


def test_sources_with_a_user_registry_from_the_option_or_the_environment(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"sources": {"ua.kharkiv_police": {
        "name": "Kharkiv Regional Police", "kind": "law_enforcement", "country": "ua",
        "state_affiliated": True, "party_to": "ukraine"}}}), encoding="utf-8")
    by_option = invoke("sources", "--registry", path, "--search", "Kharkiv Regional Police")
    assert by_option.exit_code == 0 and "is ua.kharkiv_police (name)" in by_option.stdout
    by_env = invoke("sources", "--search", "Kharkiv Regional Police", env={ENV_VAR: str(path)})
    assert by_env.exit_code == 0 and "ua.kharkiv_police" in by_env.stdout


def test_a_broken_registry_file_is_reported_not_raised(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"sources": {"ua.x": {"name": "X"}}}', encoding="utf-8")
    result = invoke("sources", "--registry", path)
    assert result.exit_code == 1 and "[E403]" in result.stderr and "'kind' is missing" in result.stderr
    assert "Traceback" not in result.output
    missing = invoke("indicators", "--registry", tmp_path / "missing.json")
    assert missing.exit_code == 1 and "[E400]" in missing.stderr


def test_indicators_table_shows_parts_and_law():
    result = invoke("indicators")
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.stdout.splitlines()[1:]}
    assert set(lines) == set(Registry.load().indicators)
    assert "= mil.awol_cases + mil.desertion_cases" in lines["mil.awol_desertion_cases"]
    assert "includes conflict.killed, conflict.wounded" in lines["conflict.casualties"]
    assert "UA 407" in lines["mil.awol_cases"] and "UA 408" in lines["mil.desertion_cases"]


def test_indicators_json_holds_the_aliases():
    data = json.loads(invoke("indicators", "--format", "json").stdout)
    assert "СЗЧ" in data["indicators"]["mil.awol_cases"]["aliases"]["uk"]
    assert data["indicators"]["mil.awol_desertion_cases"]["sum_of"] == ["mil.awol_cases", "mil.desertion_cases"]


def test_help_texts_explain_and_give_examples():
    top = invoke("--help").stdout
    assert "sources" in top and "indicators" in top
    for command in ("sources", "indicators"):
        text = invoke(command, "--help").stdout
        assert "Examples:" in text and "--registry" in text and ENV_VAR in text and "--format" in text
    assert "--kind" in invoke("sources", "--help").stdout and "--search" in invoke("sources", "--help").stdout
