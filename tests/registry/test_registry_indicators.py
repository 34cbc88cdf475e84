"""Resolving indicators from ids and phrases in three languages; the relations between them."""
from __future__ import annotations

import pytest

from sourcetrace.registry import UnknownIndicator


@pytest.mark.parametrize("text, indicator_id", [
    ("mil.awol_cases", "mil.awol_cases"),
    ("AWOL", "mil.awol_cases"),
    ("СЗЧ", "mil.awol_cases"),
    ("самовільне залишення частини", "mil.awol_cases"),
    ("самовільного залишення військової частини", "mil.awol_cases"),
    ("самовольное оставление части", "mil.awol_cases"),
    ("unauthorized abandonment of a military unit", "mil.awol_cases"),
    ("art. 407", "mil.awol_cases"),
    ("desertion", "mil.desertion_cases"),
    ("дезертирство", "mil.desertion_cases"),
    ("дезертирства", "mil.desertion_cases"),
    ("статья 408", "mil.desertion_cases"),
    ("AWOL and desertion cases", "mil.awol_desertion_cases"),
    ("СЗЧ та дезертирство", "mil.awol_desertion_cases"),
    ("notices of suspicion", "mil.persons_charged"),
    ("повідомлення про підозру", "mil.persons_charged"),
    ("вироків", "mil.verdicts"),
    ("приговоры", "mil.verdicts"),
    ("returned to their units", "mil.returned_to_service"),
    ("повернулися до служби", "mil.returned_to_service"),
    ("AWOL soldiers", "mil.absentees"),
    ("дезертири", "mil.absentees"),
    ("мобілізованих", "mil.mobilized"),
    ("загиблих", "conflict.killed"),
    ("раненых", "conflict.wounded"),
    ("killed and wounded", "conflict.casualties"),
    ("внутрішньо переміщених осіб", "conflict.displaced"),
    ("военнопленных", "conflict.detained"),
])
def test_ids_and_phrases_resolve(registry, text, indicator_id):
    match = registry.resolve_indicator(text)
    assert match.id == indicator_id, match
    assert match.entry is registry.indicators[indicator_id]


def test_the_longest_phrase_in_a_text_decides(registry):
    match = registry.resolve_indicator("criminal cases of AWOL and desertion opened since 2022")
    assert (match.id, match.how, match.alias) == ("mil.awol_desertion_cases", "contains", "AWOL and desertion")
    assert registry.resolve_indicator("AWOL soldiers who returned to their units").id == "mil.returned_to_service"
    assert registry.resolve_indicator("criminal cases of desertion").how == "contains"


def test_how_an_indicator_was_matched(registry):
    assert registry.resolve_indicator("conflict.killed").how == "id"
    assert registry.resolve_indicator("people killed").how == "label"
    assert registry.resolve_indicator("СЗЧ").how == "alias"
    unknown = registry.resolve_indicator("rainfall in millimetres")
    assert (unknown.id, unknown.entry, unknown.how) == (None, None, "none")


def test_a_word_ending_wildcard_does_not_reach_into_other_words(registry):
    assert registry.resolve_indicator("несамовільне").id is None
    assert registry.resolve_indicator("ст 4070").id is None


def test_children_and_parents(registry):
    assert registry.children("mil.awol_desertion_cases") == ["mil.awol_cases", "mil.desertion_cases"]
    assert registry.parents("mil.awol_cases") == ["mil.awol_desertion_cases"]
    assert registry.parents("mil.desertion_cases") == ["mil.awol_desertion_cases"]
    assert registry.children("conflict.casualties") == ["conflict.killed", "conflict.wounded"]
    assert registry.parents("conflict.wounded") == ["conflict.casualties"]
    assert registry.children("mil.absentees") == [] and registry.parents("mil.absentees") == []


def test_the_kind_of_relation(registry):
    assert registry.relation("mil.awol_desertion_cases", "mil.awol_cases") == "sum_of"
    assert registry.relation("conflict.casualties", "conflict.killed") == "includes"
    assert registry.relation("mil.awol_cases", "mil.awol_desertion_cases") is None


def test_look_alike_categories_are_kept_apart(registry):
    distinct = registry.indicators["mil.awol_cases"]["distinct_from"]
    assert {"mil.absentees", "mil.persons_charged", "mil.verdicts"} <= set(distinct)
    counts = {indicator_id: registry.indicators[indicator_id]["counts"]
              for indicator_id in ("mil.awol_cases", "mil.persons_charged", "mil.verdicts", "mil.absentees")}
    assert counts["mil.awol_cases"] != counts["mil.persons_charged"] != counts["mil.verdicts"]


def test_an_unknown_indicator_id_is_an_error_that_says_what_to_do(registry):
    with pytest.raises(UnknownIndicator, match=r"\[E404\].*sourcetrace indicators"):
        registry.children("mil.nonsense")
    with pytest.raises(LookupError):
        registry.parents("mil.nonsense")
