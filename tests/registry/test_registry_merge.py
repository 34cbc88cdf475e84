"""A user registry file merged over the shipped one: override, extend, add, replace, and its errors."""
from __future__ import annotations

import pytest

from sourcetrace.registry import ENV_VAR, Registry, RegistryError

KHARKIV_POLICE = {"name": "Kharkiv Regional Police", "kind": "law_enforcement", "country": "ua",
                  "state_affiliated": True, "party_to": "ukraine",
                  "aliases": {"uk": ["Поліція Харківщини", "ГУНП в Харківській області"]}, "part_of": "ua.npu"}


def test_a_new_id_adds_a_source(user_file):
    registry = Registry.load(user_file({"sources": {"ua.kharkiv_police": KHARKIV_POLICE}}))
    assert registry.resolve_source("Поліція Харківщини").id == "ua.kharkiv_police"
    assert registry.resolve_source("Kharkiv Regional Police").how == "name"
    assert registry.resolve_source("TASS").id == "ru.tass"  # the shipped sources are still there
    assert len(registry.sources) == len(Registry.load().sources) + 1


def test_a_known_id_is_extended_and_overridden(user_file):
    path = user_file({"sources": {"ru.izvestia": {"state_affiliated": True, "aliases": {"en": ["Izvestia daily"]},
                                                   "note": "Our newsroom counts it as state media."}}})
    registry, shipped = Registry.load(path), Registry.load()
    izvestia = registry.sources["ru.izvestia"]
    assert izvestia["state_affiliated"] is True and izvestia["note"] == "Our newsroom counts it as state media."
    assert izvestia["aliases"]["en"] == shipped.sources["ru.izvestia"]["aliases"]["en"] + ["Izvestia daily"]
    assert izvestia["aliases"]["ru"] == shipped.sources["ru.izvestia"]["aliases"]["ru"]
    assert registry.resolve_source("Izvestia daily").id == "ru.izvestia"
    assert registry.resolve_source("Известия").id == "ru.izvestia"
    assert shipped.sources["ru.izvestia"]["state_affiliated"] is None  # loading again starts afresh


def test_replace_swaps_an_entry_whole(user_file):
    path = user_file({"sources": {"ua.ukrainska_pravda": {"_replace": True, "name": "Ukrainska Pravda",
                                                          "kind": "outlet", "country": "ua",
                                                          "state_affiliated": False, "party_to": None}}})
    registry = Registry.load(path)
    assert registry.resolve_source("Ukrainska Pravda").id == "ua.ukrainska_pravda"
    assert registry.resolve_source("UP").known is False
    assert "_replace" not in registry.sources["ua.ukrainska_pravda"]


def test_indicators_are_merged_the_same_way(user_file):
    path = user_file({"indicators": {
        "mil.awol_cases": {"aliases": {"other": ["SOCh"]}},
        "conflict.missing": {"label": "People missing", "unit": "count", "counts": "persons",
                             "aliases": {"en": ["missing", "missing in action"], "uk": ["зниклих безвісти"]}},
        "conflict.casualties": {"includes": ["conflict.missing"]}}})
    registry = Registry.load(path)
    assert registry.resolve_indicator("SOCh").id == "mil.awol_cases"
    assert registry.resolve_indicator("зниклих безвісти").id == "conflict.missing"
    assert registry.children("conflict.casualties") == ["conflict.killed", "conflict.wounded", "conflict.missing"]
    assert registry.parents("conflict.missing") == ["conflict.casualties"]


def test_the_environment_variable_is_the_default_user_file(user_file, monkeypatch):
    monkeypatch.setenv(ENV_VAR, user_file({"sources": {"ua.kharkiv_police": KHARKIV_POLICE}}))
    assert "ua.kharkiv_police" in Registry.load().sources
    other = user_file({"sources": {"ua.lviv_police": {**KHARKIV_POLICE, "name": "Lviv Regional Police",
                                                      "aliases": {}}}}, name="other.json")
    explicit = Registry.load(other)  # a file given explicitly wins over the variable
    assert "ua.lviv_police" in explicit.sources and "ua.kharkiv_police" not in explicit.sources


def test_a_name_two_sources_share_is_ambiguous_and_warned_about(user_file):
    clash = {**KHARKIV_POLICE, "name": "Ukrainian Truth Agency", "aliases": {"en": ["Ukrainian Truth"]}}
    registry = Registry.load(user_file({"sources": {"ua.truth_agency": clash}}))
    assert any("ua.truth_agency" in warning and "ua.ukrainska_pravda" in warning for warning in registry.warnings)
    match = registry.resolve_source("Ukrainian Truth")
    assert match.how == "ambiguous" and set(match.candidates) == {"ua.truth_agency", "ua.ukrainska_pravda"}


@pytest.mark.parametrize("content, code", [
    ("{not json", "E401"),
    ("[1, 2]", "E402"),
    ('{"outlets": {}}', "E402"),
    ('{"sources": []}', "E402"),
    ('{"_comment": "only a comment"}', "E402"),
])
def test_a_broken_file_is_refused_with_a_numbered_message(user_file, content, code):
    with pytest.raises(RegistryError, match=rf"\[{code}\]"):
        Registry.load(user_file(content))


def test_a_missing_file_says_where_the_path_came_from(tmp_path):
    with pytest.raises(RegistryError, match=r"\[E400\].*SOURCETRACE_REGISTRY"):
        Registry.load(tmp_path / "missing.json")


def test_entries_that_break_the_schema_are_listed(user_file):
    path = user_file({"sources": {"ua.new_outlet": {"name": "New Outlet", "kind": "blog"},
                                  "ua.pgo": {"part_of": "ua.nowhere"},
                                  "X.bad": {"name": "Bad"}},
                      "indicators": {"mil.new": {"label": "New", "unit": "count", "aliases": {"en": ["new"]},
                                                 "sum_of": ["mil.gone"], "colour": "red"}}})
    with pytest.raises(RegistryError) as caught:
        Registry.load(path)
    message = str(caught.value)
    for expected in ("[E403]", "sources.ua.new_outlet: 'kind' is 'blog'", "sources.ua.new_outlet: 'country' is missing",
                     "sources.ua.pgo: 'part_of' names 'ua.nowhere'", "sources.X.bad: the id must look like 'ua.pgo'",
                     "indicators.mil.new: 'sum_of' names 'mil.gone'", "indicators.mil.new: unknown field 'colour'"):
        assert expected in message


def test_a_generic_name_may_be_shared_across_countries_but_not_within_one(user_file):
    second = {"name": "Second Defence Ministry", "kind": "government_body", "country": "ua",
              "state_affiliated": True, "party_to": "ukraine", "generic_names": ["Defense Ministry"]}
    registry = Registry.load(user_file({"sources": {"ua.second_mod": second}}))
    assert any("ua.mod" in warning and "ua.second_mod" in warning and "in ua" in warning
               for warning in registry.warnings)
    assert not any("ru.mod" in warning for warning in registry.warnings)
