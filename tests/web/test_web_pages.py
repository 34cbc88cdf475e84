"""Every page, as HTML and as JSON from one data object; the JSON valid against its versioned schema."""
from __future__ import annotations

import re

import pytest

from web_helpers import validate

PAGES = {
    "/documents": "page-documents-1.json",
    "/documents?q=desertion&language=en&from=2024-01-01&to=2025-12-31&indicator=mil&limit=5": "page-documents-1.json",
    "/doc/1": "page-document-1.json",
    "/source/xv.mod": "page-source-1.json",
    "/indicators": "page-indicators-1.json",
    "/indicator/mil.desertion_cases": "page-barometer-1.json",
    "/indicator/mil.desertion_cases?scope=Valdoria&from=2024-01&to=2025-06": "page-barometer-1.json",
    "/check": "page-check-1.json",
    "/check?claim=Valdoria+registers+20%2C000+desertion+cases+a+month.&published=2025-10-07": "page-check-1.json",
}


def json_of(address: str) -> str:
    path, _, query = address.partition("?")
    return f"{path}.json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("address", PAGES)
def test_each_page_is_html_and_its_json_is_valid(client, address):
    page = client.get(address)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<title>" in page.text and 'href="/documents"' in page.text
    data = client.get(json_of(address))
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    validate(data.json(), PAGES[address])
    assert data.json()["schema"] == f"sourcetrace.page.{PAGES[address][5:-7]}/1"


def test_the_page_links_to_its_json(client):
    page = client.get("/documents?q=desertion")
    assert 'href="/documents.json?q=desertion"' in page.text


def test_the_document_page_holds_the_stored_trace_and_links_every_party(client, demo_store):
    from sourcetrace.store import Store

    with Store.open(demo_store, create=False) as store:
        stored = store.get_trace(13)
    data = client.get("/doc/13.json").json()
    assert data["trace"] == stored and data["document"]["id"] == 13
    names = {link["name"] for f in stored["figures"] for link in f["attribution"]}
    assert names <= {source["name"] for source in data["sources"]}
    page = client.get("/doc/13").text
    for source in data["sources"]:
        assert f'href="/source/{source["source_id"]}"' in page
    assert 'id="f1"' in page and "grade <b>" in page


def test_the_search_finds_words_and_marks_them(client):
    data = client.get("/documents.json?q=Eskel").json()
    assert data["total"] >= 1 and all(row["snippet_marks"] for row in data["documents"])
    page = client.get("/documents?q=Eskel").text
    assert "<mark>Eskel</mark>" in page


def test_pages_follow_one_another(client):
    first = client.get("/documents.json?limit=5").json()
    second = client.get(first["next"]).json()
    assert first["total"] == second["total"] == 18
    assert not {d["id"] for d in first["documents"]} & {d["id"] for d in second["documents"]}
    assert second["previous"] == "/documents.json?limit=5&offset=0"
    everything = client.get("/documents.json?limit=500").json()["documents"]
    assert sorted(d["id"] for d in everything) == list(range(1, 19))


def test_the_barometer_page_shows_chart_table_contradictions_and_reports(client):
    page = client.get("/indicator/mil.desertion_cases").text
    assert '<svg class="chart"' in page and 'class="list months"' in page
    assert "Contradictions (1)" in page and 'class="echo"' in page
    counts = re.search(r"(\d+) reports \(\d+ echoes of them counted once\) and (\d+) of related indicators: "
                       r"(\d+) from named origins and (\d+) unnamed", page)
    assert int(counts[1]) + int(counts[2]) == int(counts[3]) + int(counts[4])  # '19 reports, 30 named, 1 unnamed' did not add up
    data = client.get("/indicator/mil.desertion_cases.json").json()
    contradicted = data["barometer"]["contradictions"][0]["obs_id"]
    document_id, _, figure = contradicted.partition("#")
    assert f'href="/doc/{data["stored_as"][document_id]}#{figure}"' in page  # the mark and the list lead to it


def test_the_barometer_page_writes_each_chain_as_everything_else_does(client):
    """The one chain text (model/chains.py): the anonymous source behind the contradiction says so."""
    from html import escape

    from sourcetrace.model.chains import chain_text

    page = client.get("/indicator/mil.desertion_cases").text
    data = client.get("/indicator/mil.desertion_cases.json").json()["barometer"]
    chains = [o["chain"] for o in data["observations"] if o["chain"]]
    assert chains and all(f"<td>{escape(chain_text(chain, limit=None))}</td>" in page for chain in chains)
    assert any(link.get("anonymous") for chain in chains for link in chain) and ", anonymous)</td>" in page


def test_an_indicator_is_found_by_name_too(client):
    assert client.get("/indicator/desertion.json").json()["indicator"] == "mil.desertion_cases"


def test_the_source_page_lists_its_figures_with_their_fates(client):
    client.get("/indicator/mil.desertion_cases.json")  # worked out, so the fates are known
    data = client.get("/source/xv.mod.json").json()
    assert data["entry"]["name"] and data["total"] >= 1
    assert any(f["fate"] and f["fate"]["status"] for f in data["figures"])
    unknown = client.get("/source/anon.source-in-the-valdorian-general-staff.json")
    assert unknown.status_code == 200 and unknown.json()["entry"] is None


def test_the_check_has_a_verdict_and_a_permalink(client):
    claim = "/check?claim=Valdoria+registers+20%2C000+desertion+cases+a+month.&published=2025-10-07"
    data = client.get(json_of(claim)).json()
    assert data["result"]["verdict"] == "above" and data["permalink"].startswith("/check?claim=")
    page = client.get(data["permalink"]).text
    assert re.search(r"verdict: <b>ABOVE</b>", page) and 'class="permalink"' in page
    # its evidence: the reports of each reading's months, in the barometer
    months = data["result"]["figures"][0]["readings"][0]["months"]
    evidence = f'/indicator/mil.desertion_cases?from={months[0]}&amp;to={months[-1]}'
    assert f'class="evidence" href="{evidence}"' in page
    assert client.get(evidence.replace("&amp;", "&")).status_code == 200


def test_the_indicators_page_lists_what_the_store_counts(client):
    data = client.get("/indicators.json").json()
    assert "mil.desertion_cases" in {row["id"] for row in data["indicators"]}


def test_every_party_a_document_links_to_has_its_page(client):
    """Each chain link goes to its source page: the parties of incidents and of claims with only a
    vague source too ('Some' in doc 8 led to a 404)."""
    linked = set()
    for row in client.get("/documents.json?limit=500").json()["documents"]:
        linked |= set(re.findall(r'href="(/source/[^"]+)"', client.get(row["path"]).text))
    assert "/source/anon.some" in linked
    for address in sorted(linked):
        assert client.get(address).status_code == 200, address
    claims = client.get("/source/anon.some.json").json()["claims"]
    assert claims and claims[0]["kind"] == "unattributed" and claims[0]["path"].startswith("/doc/")


def test_a_document_without_a_title_is_named_by_its_opening_words(client):
    """Not by the path of the file it was read from (an uploaded .txt was 'x.db.uploads/report.txt')."""
    from sourcetrace.model.records import Document, Trace
    from sourcetrace.report.html import document_name

    text = "\n  The ministry said 300 soldiers deserted in May, a figure nobody could check.\nMore."
    assert document_name(Trace(Document(text=text, source="x.db.uploads/report.txt"))) == text.split("\n")[1].strip()
    assert document_name(Trace(Document(text=text, title="Its title"))) == "Its title"


def test_a_party_of_a_document_stored_a_moment_ago_has_its_page(store_copy):
    from sourcetrace import refresh
    from sourcetrace.model.records import Document
    from sourcetrace.store import Store
    from web_helpers import client_for

    with client_for(store_copy) as client:
        assert client.get("/source/xv.mod").status_code == 200  # the index of sources, worked out
        with Store.open(store_copy) as store:
            [trace] = refresh.tracer()([Document(text="The Lusavian Border Guard said 40 soldiers crossed in May 2025.",
                                                 published="2025-06-01", language="en")])
            added = store.add(trace)
        page = client.get(f"/doc/{added}").text
        [party] = set(re.findall(r'href="(/source/[^"]+)"', page))
        assert client.get(party).status_code == 200


def test_the_months_the_records_pin_down_stand_out_in_the_chart(client):
    """A pinned month's band is narrow: drawn as it is, a sliver beside the wide faint columns, the
    informative months read as gaps. Each has a shaded column and a band a few pixels high at least;
    every wide band is fainter than that column."""
    page = client.get("/indicator/mil.desertion_cases").text
    tight = re.findall(r'<tr id="m-([\d-]+)" class="tight">', page)
    informative = re.findall(r'<rect class="band informative" data-month="([\d-]+)"[^>]* height="([\d.]+)"', page)
    assert len(tight) >= 3 and [month for month, _ in informative] == tight
    assert all(float(height) >= 5 for _, height in informative)
    assert page.count('<rect class="pinned"') == len(tight)
    wide = [float(o) for o in re.findall(r'<rect class="band" [^>]*fill-opacity="([\d.]+)"', page)]
    assert len(wide) > 10 and max(wide) < 0.16


def test_a_link_inherited_from_an_earlier_sentence_is_marked(client):
    inherited = [link for figure in client.get("/doc/8.json").json()["trace"]["figures"]
                 for link in figure["attribution"] if link.get("inherited_from")]
    assert inherited
    start, end = inherited[0]["inherited_from"]
    page = client.get("/doc/8").text
    assert f'class="inherited" title="named in an earlier sentence (characters {start}–{end}), which this one continues"' in page
    assert page.count("↖</span>") == len(inherited)
