"""Claims with only a vague source, or none (sourcetrace.extract.unattributed).

Covers PHENOMENA.md "Vague attributions" ("experts say", "critics argue", "some claim", "legal
experts have noted", "it is believed") and "Claims with no attribution at all, often
generalisations".
"""
from __future__ import annotations

import pytest


def only_entry(t):
    assert len(t.unattributed) == 1, [(u.kind, u.text) for u in t.unattributed]
    entry = t.unattributed[0]
    assert t.document.text[entry.span[0]:entry.span[1]] == entry.text
    return entry


@pytest.mark.parametrize("text, party", [
    ("Military lawyers have noted that the penalties for desertion were tightened last year.",
     "Military lawyers"),
    ("Critics argue that the new penalties will not stop desertion.", "Critics"),
    ("Some claim the real number of deserters is far higher.", "Some"),
    ("Observers note that morale in the reserve units has fallen sharply.", "Observers"),
])
def test_a_vague_party_is_recorded_with_the_claim(trace, text, party):
    t = trace(text)
    entry = only_entry(t)
    assert entry.kind == "vague" and entry.text == text
    assert entry.source is not None and entry.source.name == party and entry.source.vague is True
    s, e = entry.source.span
    assert t.document.text[s:e] == party


def test_it_is_believed_is_vague(trace):
    entry = only_entry(trace("It is believed that thousands of soldiers are hiding in the capital."))
    assert entry.kind == "vague"


def test_experts_of_a_named_institution_are_not_vague(trace):
    t = trace("Experts at the Kyiv School of Economics said desertion had cost the army heavily.")
    assert [u for u in t.unattributed if u.kind == "vague"] == []


@pytest.mark.parametrize("text", [
    "Soldiers who desert often cite exhaustion and a lack of rotation as their reasons.",
    "Deserters usually hide with relatives in rural areas, far from the front.",
])
def test_a_generalisation_with_no_source(trace, text):
    entry = only_entry(trace(text))
    assert (entry.kind, entry.source, entry.text) == ("none", None, text)


def test_a_sourced_statement_is_not_flagged(trace):
    assert trace("The ministry said morale in frontline units had improved.").unattributed == []


def test_a_figure_with_no_source_is_flagged_and_referenced(trace, figure_at):
    t = trace("About 2,000 soldiers deserted in August.")
    entry = only_entry(t)
    assert entry.kind == "none" and entry.refers_to == [figure_at(t, "2,000").id]


def test_a_sentence_is_flagged_once_for_all_its_unsourced_records(trace):
    t = trace("Last week a sergeant was detained at a checkpoint after 14 soldiers fled his unit.")
    entry = only_entry(t)
    ids = {f.id for f in t.figures} | {i.id for i in t.incidents}
    assert entry.kind == "none" and set(entry.refers_to) == ids and len(ids) == 2
