"""Resolving sources as written to registry ids, across English, Russian and Ukrainian."""
from __future__ import annotations

import pytest

from sourcetrace.model.records import Link
from sourcetrace.registry import SourceMatch

SAME_SOURCE = {
    "ua.pgo": ["Office of the Prosecutor General", "Prosecutor General's Office", "PGO", "P.G.O.",
               "Офіс Генерального прокурора", "Офис генпрокурора", "Генпрокуратура", "the Prosecutor General's Office's",
               "Prosecutor General’s Office", "Ukraine's Prosecutor General's Office", "Генпрокуратура Украины"],
    "ua.sbi": ["State Bureau of Investigation", "the State Bureau of Investigations", "SBI", "ДБР", "ГБР",
               "Державне бюро розслідувань", "Государственное бюро расследований", "Derzhavne biuro rozsliduvan"],
    "ua.ukrainska_pravda": ["Ukrainska Pravda", "Ukrainskaya Pravda", "Ukrainskaia Pravda", "Ukrains'ka Pravda",
                            "Ukrainian Truth", "UP", "Українська правда", "Украинская правда", "«Українська правда»",
                            "Ukrainska Pravda's"],
    "ru.tass": ["TASS", "ТАСС", "ITAR-TASS", "the Russian TASS"],
    "ru.interfax": ["Interfax", "Интерфакс", "Інтерфакс", "Interfaks"],
    "ua.interfax_ukraine": ["Interfax-Ukraine", "Інтерфакс-Україна", "Интерфакс-Украина", "Interfax Ukraine"],
    "ru.verstka": ["Verstka", "Vyorstka", "Вёрстка", "Верстка"],
    "ru.mediazona": ["Mediazona", "MediaZona", "Медиазона", "Медіазона", "Mediazona's"],
    "us.rferl": ["Radio Free Europe/Radio Liberty", "RFE/RL", "Radio Liberty", "Radio Svoboda", "Радио Свобода",
                 "Радіо Свобода"],
    "ua.schemes": ["Schemes", "Схеми", "Skhemy"],
    "gb.bbc_russian": ["BBC Russian Service", "BBC Russian", "Русская служба Би-би-си"],
    "ua.hromadske": ["Hromadske", "Громадське", "Громадское"],
    "ua.general_staff": ["General Staff of the Armed Forces of Ukraine", "Генштаб ЗСУ", "Генштаб ВСУ",
                         "Ukrainian General Staff", "Ukraine's General Staff"],
    "ua.erdr": ["Unified Register of Pre-trial Investigations", "ERDR", "ЄРДР", "Єдиний реєстр досудових розслідувань"],
    "ua.court_register": ["Unified State Register of Court Decisions", "Єдиний державний реєстр судових рішень",
                          "Единый государственный реестр судебных решений"],
    "int.un": ["United Nations", "UN", "U.N.", "ООН"],
    "int.hrmmu": ["HRMMU", "UN Human Rights Monitoring Mission in Ukraine", "Моніторингова місія ООН з прав людини"],
    "ru.kremlin": ["Kremlin", "the Kremlin", "Кремль", "Dmitry Peskov", "Dmitri Peskov", "Peskov", "Дмитрий Песков",
                   "Пєсков"],
    "ru.mod": ["Russian Defence Ministry", "Russia's Ministry of Defense", "Ministry of Defence of the Russian Federation",
               "Минобороны России", "Минобороны РФ", "Міноборони Росії", "Igor Konashenkov"],
    "ua.mod": ["Ukrainian Defence Ministry", "Ministry of Defence of Ukraine", "Міноборони України",
               "Минобороны Украины", "Ukraine's MoD"],
    "ru.pgo": ["Генпрокуратура России", "Russian Prosecutor General's Office"],
    "ru.investigative_committee": ["Investigative Committee", "Russia's Investigative Committee", "Следственный комитет",
                                   "СК РФ", "Слідчий комітет Росії"],
}


@pytest.mark.parametrize("source_id, name", [(sid, name) for sid, names in SAME_SOURCE.items() for name in names])
def test_every_spelling_resolves_to_one_source(registry, source_id, name):
    match = registry.resolve_source(name)
    assert (match.id, match.known) == (source_id, True), match
    assert match.entry is registry.sources[source_id]


@pytest.mark.parametrize("name, how", [
    ("Office of the Prosecutor General", "name"),
    ("Prosecutor General's Office", "alias"),
    ("PGO", "abbreviation"),
    ("Ukrainskaia Pravda", "transliteration"),
    ("Peskov", "person"),
    ("Russian Defence Ministry", "qualified"),
])
def test_how_a_name_was_matched(registry, name, how):
    assert registry.resolve_source(name).how == how


def test_abbreviations_match_only_as_abbreviations(registry):
    assert registry.resolve_source("UP").id == "ua.ukrainska_pravda"
    assert registry.resolve_source("up").known is False
    assert registry.resolve_source("Ap").known is False and registry.resolve_source("AP").id == "us.ap"


def test_a_generic_name_alone_is_ambiguous_until_the_country_is_known(registry):
    match = registry.resolve_source("the Defence Ministry")
    assert (match.known, match.how, match.id) == (False, "ambiguous", "x.defence-ministry")
    assert {"ua.mod", "ru.mod", "xv.mod", "xd.mod"} <= set(match.candidates)
    assert registry.resolve_source("Defence Ministry", country="xv") == SourceMatch(
        "xv.mod", registry.sources["xv.mod"], "context")
    assert registry.resolve_source("Defence Ministry", country="fr").how == "ambiguous"


def test_the_example_reports_sources(registry):
    written = {"VALPRESS": "xv.valpress", "Halvik Courier": "xv.halvik_courier", "Courier": "xv.halvik_courier",
               "State Investigation Bureau": "xv.state_investigation_bureau", "Meridian's": "xv.meridian",
               "Unified Court Registry": "xv.unified_court_registry", "Dravonian Defence Ministry": "xd.mod",
               "Institute for Strategic Balance": "xv.isb"}
    assert {name: registry.resolve_source(name).id for name in written} == written
    # Valdoria's "State Investigation Bureau" is not Ukraine's State Bureau of Investigation.
    assert registry.resolve_source("State Bureau of Investigation").id == "ua.sbi"


@pytest.mark.parametrize("name, stable_id", [
    ("Kharkiv Regional Military Administration", "x.kharkiv-regional-military-administration"),
    ("the Kharkiv Regional Military Administration's", "x.kharkiv-regional-military-administration"),
    ("Украинская неделя", "x.ukrainskaya-nedelya"),
    ("Ukrainskaya Nedelya", "x.ukrainskaya-nedelya"),
])
def test_unknown_names_get_stable_ids(registry, name, stable_id):
    first, again = registry.resolve_source(name), registry.resolve_source(name)
    assert first == again == SourceMatch(stable_id, None, "unknown", first.candidates)


def test_an_unknown_id_is_the_same_in_a_fresh_registry(registry):
    from sourcetrace.registry import Registry
    name = "Regional Centre for Human Rights"
    assert Registry.load().resolve_source(name).id == registry.resolve_source(name).id


def test_a_near_miss_is_unknown_but_suggests_the_source(registry):
    match = registry.resolve_source("Ukrainska Pravada")
    assert (match.known, match.how) == (False, "unknown") and match.candidates == ("ua.ukrainska_pravda",)


def test_anonymous_and_vague_parties_get_anon_ids(registry):
    anonymous = registry.resolve_source("a source in law enforcement", anonymous=True)
    assert (anonymous.id, anonymous.how, anonymous.entry) == ("anon.source-in-law-enforcement", "anonymous", None)
    assert registry.resolve_source("Experts", vague=True) == SourceMatch("anon.experts", None, "vague")
    # Named like a known source, but anonymous: still not that source.
    assert registry.resolve_source("TASS sources", anonymous=True).id == "anon.tass-sources"


def test_links_resolve_without_being_changed(registry):
    links = [Link("Ukrainskaya Pravda", (10, 28), "relay", kind="outlet", via="citing"),
             Link("Two officials familiar with the matter", (40, 78), "origin", anonymous=True, kind="sources"),
             Link("some experts", (80, 92), "origin", vague=True)]
    before = [(link.name, link.span) for link in links]
    assert [registry.resolve_link(link).id for link in links] == [
        "ua.ukrainska_pravda", "anon.two-officials-familiar-with-the-matter", "anon.some-experts"]
    assert [(link.name, link.span) for link in links] == before


def test_search_finds_names_in_any_script(registry):
    assert registry.search_sources("Украинская правда")[0] == "ua.ukrainska_pravda"
    assert "ua.sbi" in registry.search_sources("бюро")
    assert "ru.interfax" in registry.search_sources("interfaks") and "ua.interfax_ukraine" in registry.search_sources("interfaks")
    assert registry.search_sources("no such outlet anywhere") == []
