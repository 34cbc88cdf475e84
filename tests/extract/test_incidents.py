"""Single events told in a report (sourcetrace.extract.incidents).

Covers PHENOMENA.md "Incidents": withheld identities, approximate places, relative times resolved
against publication, an outcome, hedges, and the source (often none).
"""
from __future__ import annotations


TRUCK = ("In a case heard earlier this month, a conscript was sentenced to five years in prison after "
         "driving an army truck across the border. The man, identified only by his initials, "
         "allegedly abandoned the truck near a village in the north.")


def only_incident(t, describe):
    assert len(t.incidents) == 1, describe(t)
    return t.incidents[0]


def test_who_what_outcome_where_and_identity(trace, describe):
    incident = only_incident(trace(TRUCK), describe)
    assert "conscript" in incident.who
    assert "sentenced" in incident.outcome
    assert "army truck" in incident.what
    assert "village in the north" in incident.where
    assert "initials" in incident.identity


def test_the_incident_spans_the_sentences_that_continue_it(trace, describe):
    t = trace(TRUCK)
    incident = only_incident(t, describe)
    assert len(incident.sentences) == 2
    assert incident.span == (incident.sentences[0][0], incident.sentences[-1][1])
    for field in incident.evidence:
        s, e = field["span"]
        assert t.document.text[s:e].strip(), field


def test_a_relative_time_is_resolved_against_publication(trace, describe):
    incident = only_incident(trace(TRUCK, published="2025-10-17"), describe)
    assert incident.when.text == "earlier this month"
    assert (incident.when.start, incident.when.end) == ("2025-10-01", "2025-10-17")


def test_a_hedge_in_a_continuing_sentence_weakens_the_incident(trace, describe):
    t = trace(TRUCK)
    incident = only_incident(t, describe)
    assert [h.cue for h in incident.hedges] == ["allegedly"]
    assert incident.id in incident.hedges[0].targets


def test_an_incident_with_no_source_is_unattributed(trace, describe):
    t = trace(TRUCK)
    incident = only_incident(t, describe)
    assert incident.attribution == []
    assert [(u.kind, u.refers_to) for u in t.unattributed] == [("none", [incident.id])]


def test_a_withheld_name_is_the_identity(trace, describe):
    t = trace("Last week a sergeant was detained at a checkpoint near the border after fleeing his "
              "unit. The soldier, whose name was not disclosed, was returned to his brigade.")
    incident = only_incident(t, describe)
    assert incident.identity == "whose name was not disclosed"
    assert "sergeant" in incident.who and "detained" in incident.outcome
    assert "checkpoint" in incident.where
    assert (incident.when.start, incident.when.end) == ("2025-10-06", "2025-10-12")


def test_a_generalisation_about_soldiers_is_not_an_incident(trace):
    assert trace("Soldiers who desert are often sentenced to prison.").incidents == []


def test_an_incident_told_by_a_source_carries_its_chain(trace, describe):
    t = trace("Last week a sergeant was detained at a checkpoint near the border after fleeing his "
              "unit, the border service said.")
    incident = only_incident(t, describe)
    assert [(l.name, l.role) for l in incident.attribution] == [("border service", "origin")]
    assert not [u for u in t.unattributed if incident.id in u.refers_to]


def test_an_actor_in_object_position(trace, describe):
    t = trace("A military court in the region convicted a deserter on Tuesday.")
    incident = only_incident(t, describe)
    assert "deserter" in incident.who and "convicted" in incident.outcome
    assert incident.when.start == "2025-10-14"


def test_the_actors_unit_is_not_the_place(trace, describe):
    t = trace("In a case heard last week, a gunner from the 58th Artillery Brigade was sentenced to four "
              "years in prison after taking a truck from a depot near the town of Kelmi.")
    incident = only_incident(t, describe)
    assert "Brigade" in incident.who
    assert "depot near the town of Kelmi" in incident.where and "Brigade" not in incident.where
