"""Echo rules and Admiralty grades on hand-made observations."""
from __future__ import annotations

from sourcetrace.model.observation import Observation
from sourcetrace.reconcile.echoes import collapse_echoes
from sourcetrace.reconcile.grades import credibility, reliability
from sourcetrace.registry import Registry

REGISTRY = Registry.load()


def obs(id_, value, *, origin="ua.pgo", indicator="mil.desertion_cases", start="2023-01-01", end="2023-12-31",
        measure="total", rate_per=None, bound="exact", published="2024-01-10", chain=None) -> Observation:
    return Observation(id=id_, indicator=indicator, scope=None, country="ua", period_start=start, period_end=end,
                       measure=measure, rate_per=rate_per, low=None, high=None, value=value, bound=bound,
                       document_id=id_, figure_id="f1", origin=origin, published=published,
                       chain=chain if chain is not None else [{"name": "Prosecutor General's Office", "role": "origin",
                                                                "source_id": "ua.pgo"}])


def documents(*observations) -> dict:
    return {o.document_id: {"outlet": "Outlet " + o.id, "published": o.published, "figures": []} for o in observations}


def test_a_rounded_repeat_is_an_echo_and_says_so():
    a, b = obs("a", 17_805), obs("b", 18_000, bound="approximate", published="2024-01-12")
    originals = collapse_echoes([b, a], documents(a, b))
    assert [o.id for o in originals] == ["a"]
    assert originals[0].echoes[0].changes == ["rounded (17,805 → 18,000)"]


def test_two_different_exact_numbers_are_not_echoes():
    a, b = obs("a", 9_810), obs("b", 9_870, published="2025-01-10")
    assert len(collapse_echoes([a, b], documents(a, b))) == 2  # a revision, not a repetition


def test_the_same_number_from_another_origin_is_corroboration_not_an_echo():
    a, b = obs("a", 9_810), obs("b", 9_810, origin="ua.sbi")
    assert len(collapse_echoes([a, b], documents(a, b))) == 2


def test_a_total_retold_as_a_monthly_rate_is_an_echo():
    total = obs("a", 12_000, start="2023-01-01", end="2023-12-31")
    rate = obs("b", 1_000, measure="rate", rate_per="month", start="2023-01-01", end="2023-12-31",
               bound="approximate", published="2024-02-01")
    originals = collapse_echoes([total, rate], documents(total, rate))
    assert len(originals) == 1 and "turned into a rate per month" in originals[0].echoes[0].changes


def test_an_anonymous_origin_is_no_better_than_its_named_relay_allows():
    o = obs("a", 20_000, origin="anon.source", chain=[
        {"name": "TASS", "role": "relay", "source_id": "ru.tass"},
        {"name": "a source in the security services", "role": "origin", "anonymous": True, "source_id": "anon.x"}])
    grade, why = reliability(o, REGISTRY)
    assert grade in ("D", "E") and "anonymous" in why and "vouches" in why


def test_an_anonymous_origin_with_no_named_relay_cannot_be_judged():
    o = obs("a", 20_000, chain=[{"name": "sources", "role": "origin", "anonymous": True, "source_id": "anon.sources"}])
    assert reliability(o, REGISTRY)[0] == "F"


def test_a_law_enforcement_register_grades_above_an_outlet():
    register = reliability(obs("a", 1), REGISTRY)[0]
    outlet = reliability(obs("b", 1, chain=[{"name": "Strana", "role": "origin", "source_id": "ua.strana"}]), REGISTRY)[0]
    assert "ABCDEF".index(register) < "ABCDEF".index(outlet)


def test_credibility_follows_corroboration_and_contradiction():
    o = obs("a", 1)
    assert credibility(o, corroborated_by=["ua.sbi"], contradicted=False, fits_edge=False, checkable=True)[0] == 1
    assert credibility(o, corroborated_by=[], contradicted=True, fits_edge=False, checkable=True)[0] == 5
    assert credibility(o, corroborated_by=[], contradicted=False, fits_edge=False, checkable=False)[0] == 6


def test_a_person_speaking_for_a_body_is_graded_as_the_body_and_the_reason_names_both():
    spokesman = {"name": "Ilan Vesk", "role": "origin", "source_id": "x.ilan-vesk",
                 "speaks_for": {"name": "Defence Ministry", "span": [0, 16]}, "speaks_for_id": "xv.mod"}
    about_valdoria = obs("a", 1_740, chain=[spokesman])
    about_valdoria.country = "xv"
    grade, why = reliability(about_valdoria, REGISTRY)
    assert grade == "B" and "'Ilan Vesk' speaks for 'Defence Ministry'" in why
    unknown = {**spokesman, "speaks_for": {"name": "the Eskel garrison", "span": [0, 18]},
               "speaks_for_id": "x.the-eskel-garrison"}
    grade, why = reliability(obs("b", 1_740, chain=[unknown]), REGISTRY)
    assert grade == "F" and "the Eskel garrison" in why and "does not know" in why


def test_a_state_body_speaking_about_another_countrys_forces_is_d_at_best():
    """Dravonia's ministry keeps no register of Valdorian desertion cases, whatever it says."""
    ministry = [{"name": "Dravonian Defence Ministry", "role": "origin", "source_id": "xd.mod"}]
    about_own, about_other = obs("own", 1, chain=ministry), obs("other", 1, chain=ministry)
    about_own.country, about_other.country = "xd", "xv"
    assert reliability(about_own, REGISTRY)[0] == "B"
    grade, why = reliability(about_other, REGISTRY)
    assert grade == "D" and "of which it keeps no record" in why
