"""Every shipped entry is checked: schema, unique ids, no name shared, relations, agreement with the
extractor's indicator list, and the fictional sources of the example report."""
from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from sourcetrace.registry import KINDS
from sourcetrace.registry import schema
from sourcetrace.registry.loading import SECTIONS
from sourcetrace.registry.names import normalise

ROOT = Path(__file__).resolve().parents[2]
DATA = resources.files("sourcetrace.registry").joinpath("data")
EXAMPLE = (ROOT / "sourcetrace" / "examples" / "example-report.txt").read_text(encoding="utf-8")


def _no_repeated_keys(pairs):
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    assert not repeated, f"repeated keys: {repeated}"
    return dict(pairs)


def read(name: str) -> dict:
    return json.loads(DATA.joinpath(name).read_text(encoding="utf-8"), object_pairs_hook=_no_repeated_keys)


@pytest.mark.parametrize("section", SECTIONS)
def test_every_entry_fits_the_schema_and_ids_are_unique(section):
    entries = read(f"{section}.json")[section]  # the hook fails on a repeated id
    assert schema.problems(section, entries) == []


@pytest.mark.parametrize("section, fields", [("sources", schema.SOURCE_FIELDS), ("indicators", schema.INDICATOR_FIELDS)])
def test_the_comment_explains_every_field(section, fields):
    comment = read(f"{section}.json")["_comment"]
    assert set(fields) | {"id", "about"} <= set(comment), set(fields) - set(comment)


def test_no_name_leads_to_two_sources(registry):
    assert registry.warnings == []


def test_every_name_and_alias_survives_normalisation(registry):
    from sourcetrace.registry.sources import names_of
    empty = [(source_id, text) for source_id, entry in registry.sources.items()
             for _, text in names_of(entry) if not normalise(text)]
    assert empty == []


def test_sources_cover_the_brief(registry):
    sources = registry.sources
    assert len(sources) >= 60
    assert {entry["kind"] for entry in sources.values()} <= set(KINDS)
    for source_id in ("ru.tass", "ua.pgo", "ua.sbi", "ua.ukrainska_pravda", "us.rferl", "ua.schemes", "ru.kremlin",
                      "int.hrmmu", "ua.erdr", "ua.court_register", "ua.coordination_hq", "ua.dpsu", "ru.fsb"):
        assert source_id in sources
    with_cyrillic = [source_id for source_id, entry in sources.items()
                     if any(entry.get("aliases", {}).get(lang) for lang in ("ru", "uk"))]
    assert len(with_cyrillic) >= 0.8 * sum(not entry.get("fictional") for entry in sources.values())


def test_warring_states_bodies_are_state_affiliated_parties(registry):
    for entry in registry.sources.values():
        if entry["kind"] in ("government_body", "law_enforcement", "military") and not entry.get("fictional"):
            assert entry["state_affiliated"] is True
            assert entry["party_to"] == {"ua": "ukraine", "ru": "russia"}[entry["country"]]
        if entry["party_to"] is not None:
            assert entry["state_affiliated"] is True, entry["name"]


def test_fictional_sources_are_the_example_reports(registry):
    """Every fictional source appears in the example report or the demo corpus, and only there."""
    demo = (ROOT / "sourcetrace" / "examples" / "demo" / "demo.jsonl").read_text(encoding="utf-8")
    fictional = {source_id: entry for source_id, entry in registry.sources.items() if entry.get("fictional")}
    assert len(fictional) == 12
    for entry in fictional.values():
        named = [entry["name"], *entry.get("generic_names", [])]
        assert any(name in EXAMPLE or name in demo for name in named) and entry["country"] in ("xv", "xd", "xl")
    assert not any(entry["country"] in ("xv", "xd", "xl") for entry in registry.sources.values() if not entry.get("fictional"))


def test_indicator_ids_agree_with_the_extractors_list(registry):
    extractor = json.loads((ROOT / "sourcetrace" / "lang" / "indicators.json").read_text(encoding="utf-8"))["indicators"]
    assert list(registry.indicators) == list(extractor)
    for indicator_id, entry in extractor.items():
        assert registry.indicators[indicator_id].get("sum_of", []) == entry.get("sum_of", [])
        assert registry.indicators[indicator_id]["unit"] == entry["unit"]


def test_indicators_name_each_language_and_have_no_cycles(registry):
    from sourcetrace.registry.indicators import IndicatorIndex
    for indicator_id, entry in registry.indicators.items():
        assert all(entry["aliases"].get(lang) for lang in ("en", "ru", "uk")), indicator_id
    assert IndicatorIndex(registry.indicators).cycles() == []


def test_the_criminal_code_articles(registry):
    def articles(indicator_id):
        return {(a["jurisdiction"], a["article"]) for a in registry.indicators[indicator_id]["legal_basis"]}

    assert ("ua", "407") in articles("mil.awol_cases") and ("ua", "408") in articles("mil.desertion_cases")
    assert ("ru", "337") in articles("mil.awol_cases") and ("ru", "338") in articles("mil.desertion_cases")


def test_the_data_files_ship_with_the_package():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert "registry/data/*.json" in globs["sourcetrace"]
    assert {path.name for path in (ROOT / "sourcetrace" / "registry" / "data").iterdir()} == {
        "sources.json", "indicators.json", "names.json"}
