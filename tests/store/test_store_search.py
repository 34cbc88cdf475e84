"""Searching the stored documents: full text (FTS5) in any script, filters, paging, the index kept
in step with deletes and replacements, and text that is no query language."""
from __future__ import annotations

import sqlite3

import pytest

from store_helpers import figure, traced
from sourcetrace.store import queries
from sourcetrace.store.queries import SNIPPET_MARKS, fts_query


@pytest.fixture
def filled(store):
    store.add(traced("TASS: 9,810 desertion cases in 2023.", outlet="TASS", published="2024-02-07", figures=[
        figure("f1", "9,810", 9810, indicator="mil.desertion_cases", period=("2023-01-01", "2023-12-31"))]))
    store.add(traced("Reuters: 21,650 AWOL cases by March 2024.", outlet="Reuters", published="2024-04-01",
                     title="AWOL cases rise", figures=[figure("f1", "21,650", 21650, indicator="mil.awol_cases")]))
    store.add(traced("Ще 300 загиблих у Херсоні.", outlet="Suspilne", language="uk", published="2024-05-01"))
    return store


def ids(store, **filters) -> list[str]:
    return [row["external_id"] for row in store.search(**filters)[1]]


def test_every_document_newest_first_with_the_count(filled):
    total, rows = filled.search()
    assert total == 3 and [row["outlet"] for row in rows] == ["Suspilne", "Reuters", "TASS"]
    assert {"id", "input", "content_hash", "figures", "generator"} <= set(rows[0])


def test_words_anywhere_in_title_outlet_or_text_any_case_any_script(filled):
    assert ids(filled, text="awol") == ids(filled, text="rise") == ids(filled, outlet="reuters")
    assert len(ids(filled, text="ХЕРСОНІ")) == 1
    assert ids(filled, text="cases desertion") == ids(filled, outlet="TASS")  # every word, any order
    assert ids(filled, text="cases nowhere") == []


def test_a_word_finds_the_words_it_begins_in_any_script(filled):
    """No stemmer: 'desertions' or a Russian word in another case would find nothing, 'desertion'
    nothing in 'desertions'."""
    filled.add(traced("Военная прокуратура возбудила дела о дезертирстве.", outlet="RIA", language="ru"))
    assert ids(filled, text="desert") == ids(filled, text="DESERTION") == ids(filled, outlet="TASS")
    assert ids(filled, text="дезертир") == ids(filled, text="прокурат дела") == ids(filled, outlet="RIA")
    assert ids(filled, text="Херсон") == ids(filled, language="uk")
    assert ids(filled, text="ca") == []  # two letters are a whole word, not the start of 'cases'


def test_a_match_has_a_snippet_with_the_words_marked(filled):
    _, [row] = filled.search(text="desertion")
    assert f"{SNIPPET_MARKS[0]}desertion{SNIPPET_MARKS[1]}" in row["snippet"]


def test_filters_combine(filled):
    assert ids(filled, language="uk") == ids(filled, text="Херсоні")
    assert len(ids(filled, published_from="2024-03-01")) == 2
    assert len(ids(filled, published_from="2024-03-01", published_to="2024-04-30")) == 1
    assert set(ids(filled, indicator="mil")) == set(ids(filled, text="cases")) and len(ids(filled, text="cases")) == 2
    assert ids(filled, indicator="mil.awol_cases") == ids(filled, outlet="Reuters")
    assert ids(filled, indicator="mil.awol_cases", text="desertion") == []


def test_pages(filled):
    assert filled.search(limit=2)[0] == 3
    first, rest = filled.search(limit=2)[1], filled.search(limit=2, offset=2)[1]
    assert len(first) == 2 and len(rest) == 1 and rest[0]["id"] not in {row["id"] for row in first}



@pytest.mark.parametrize("ranked", [1_000, 0])  # best match first; newest stored first (past RANKED)
def test_every_page_has_its_own_documents_with_their_snippets(store, monkeypatch, ranked):
    """A page's snippets are read between its least and greatest id: the other matches in that
    range, and the documents that do not match, are not on it."""
    monkeypatch.setattr(queries, "RANKED", ranked)
    for n in range(9):
        text = (f"Report {n}: " + "the prosecutors said so. " * (n % 3 + 1)) if n % 4 else f"Report {n}: nothing here."
        store.add(traced(text, outlet=f"O{n}"))
    total, everything = store.search(text="prosecutor", limit=50)
    assert total == 6 and len({row["id"] for row in everything}) == 6
    pages = [store.search(text="prosecutor", limit=2, offset=offset)[1] for offset in (0, 2, 4)]
    assert [row["id"] for page in pages for row in page] == [row["id"] for row in everything]
    assert [row["snippet"] for page in pages for row in page] == [row["snippet"] for row in everything]
    assert all(f"{SNIPPET_MARKS[0]}prosecutors{SNIPPET_MARKS[1]}" in row["snippet"] for row in everything)

@pytest.mark.parametrize("typed", ['"', 'a" OR "b', "NEAR(a b)", "col:x", "*", "(", "AND", "-x", "' OR 1=1 --",
                                   "\x00", "^", "desertion\"", "a\u3000b"])
def test_what_a_person_types_is_never_a_syntax_error(filled, typed):
    filled.search(text=typed)  # raises sqlite3.OperationalError if it were read as FTS5 syntax


def test_punctuation_alone_is_no_search():
    assert fts_query(" - * ") is None and fts_query(None) is None
    assert fts_query('say "hi"') == '"say"* """hi"""'


def test_the_index_follows_deletes_and_replacements(filled):
    [found] = filled.search(text="AWOL")[1]
    filled.delete([found["id"]])
    assert ids(filled, text="AWOL") == []
    with sqlite3.connect(filled.path) as connection:  # the index agrees with its content table
        connection.execute("INSERT INTO documents_search (documents_search) VALUES ('integrity-check')")


def test_one_document_by_its_id(filled):
    [row] = filled.search(outlet="Reuters")[1]
    assert filled.document(row["id"]) == {key: value for key, value in row.items()}
    assert filled.document(999) is None


def test_facets_count_what_the_filters_can_take(filled):
    facets = filled.facets()
    assert facets["outlets"] == [("Reuters", 1), ("Suspilne", 1), ("TASS", 1)]
    assert dict(facets["languages"]) == {"und": 2, "uk": 1}  # built by hand, never identified
    assert dict(facets["indicators"]) == {"mil.desertion_cases": 1, "mil.awol_cases": 1}


def test_stored_traces_come_with_their_ids(filled):
    pairs = list(filled.stored_traces())
    assert [trace for _, trace in pairs] == list(filled.traces())
    assert [filled.document(id_)["content_hash"] for id_, _ in pairs] == [row["content_hash"] for row in filled.documents()]
