"""One entity per source whatever the language (issue 7, part 4): the same figure reported in
English, Russian and Ukrainian collapses to one origin, and its echoes say which language each was
reported in. The texts are written for this test; the figure is invented."""
from __future__ import annotations

import pytest

from sourcetrace import Document, trace_many
from sourcetrace.reconcile.barometer import barometer
from sourcetrace.registry import Registry

REPORTS = [
    ("en", "2025-03-10", "The State Bureau of Investigation said it registered 8,412 criminal cases of "
                         "desertion in 2024."),
    ("ru", "2025-03-11", "В 2024 году ГБР зарегистрировало 8 412 уголовных дел о дезертирстве, сообщили в "
                         "Государственном бюро расследований."),
    ("uk", "2025-03-12", "Як повідомило ДБР, у 2024 році зареєстровано 8 412 кримінальних проваджень щодо "
                         "дезертирства."),
]


@pytest.mark.parametrize("written, source", [
    ("ТАССу", "ru.tass"), ("TASS", "ru.tass"),
    ("«Української правди»", "ua.ukrainska_pravda"), ("Украинской правды", "ua.ukrainska_pravda"),
    ("Ukrainian Truth", "ua.ukrainska_pravda"), ("UP", "ua.ukrainska_pravda"),
    ("Ukrainskaya Pravda", "ua.ukrainska_pravda"),
    ("Офиса генпрокурора", "ua.pgo"), ("Офіс Генпрокурора", "ua.pgo"), ("Prosecutor General's Office", "ua.pgo"),
    ("ДБР", "ua.sbi"), ("ГБР", "ua.sbi"), ("Государственного бюро расследований", "ua.sbi"),
])
def test_a_name_in_any_language_and_case_is_one_source(written, source):
    assert Registry.load().resolve_source(written).id == source


def test_an_unknown_name_in_another_case_stays_unknown():
    match = Registry.load().resolve_source("Комитета солдатских вдов Заречья")
    assert not match.known and match.how == "unknown"


def test_the_same_figure_in_three_languages_is_one_origin_with_three_reports():
    documents = [Document(text=text, id=f"{language}-report", language=language, published=published,
                          outlet=f"{language} outlet") for language, published, text in REPORTS]
    traces = [trace.to_dict() for trace in trace_many(documents)]
    for trace in traces:
        [figure] = [f for f in trace["figures"] if f["value"] == 8412]
        assert figure["indicator"] == "mil.desertion_cases", trace["document"]["language"]
    result = barometer(traces, "mil.desertion_cases", Registry.load())
    observations = [o for o in result["observations"] if o["value"] == 8412]
    assert len(observations) == 1, observations
    [original] = observations
    assert original["origin"] == "ua.sbi"
    reported_in = {original["document_id"].split("-")[0]} | {e["language"] for e in original["echoes"]}
    assert reported_in == {"en", "ru", "uk"}
    assert all(e["language"] == e["document_id"].split("-")[0] for e in original["echoes"])
