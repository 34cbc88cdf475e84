"""Every page in a real browser (Debian's chromium driven by Playwright): clicking through, span
selection both ways, the chart's hover and click-through, a check, an upload with its progress, the
pages without JavaScript, and a hostile document that runs no script. Screenshots of each page go
to build/screenshots/ (or $SOURCETRACE_SCREENSHOTS)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from outside import missing
from served import serving

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SHOTS = Path(os.environ.get("SOURCETRACE_SCREENSHOTS", Path(__file__).resolve().parents[2] / "build" / "screenshots"))
TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def site(demo_store, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "site.db"
    shutil.copy(demo_store, db)
    with serving(db, token=TOKEN) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        missing(f"{CHROMIUM} is not installed (Debian's chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.problems = []  # console errors (a CSP violation is one), page errors, dialogs
    opened.on("console", lambda m: opened.problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))
    opened.on("dialog", lambda d: (opened.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield opened
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_documents_search_and_open_one(site, page):
    page.goto(f"{site}/documents")
    assert page.locator("table.documents tr").count() == 19  # the head and 18 documents
    page.fill("input[name=q]", "Eskel")
    page.click("form.filters button")
    page.wait_for_url("**/documents?q=Eskel*")
    assert page.locator("table.documents mark").first.inner_text() == "Eskel"
    shot(page, "documents")
    page.locator("table.documents td a").first.click()
    page.wait_for_url("**/doc/*")
    assert page.locator("section.doc .text").count() == 1 and page.problems == []


def test_a_span_selects_its_claim_and_a_claim_its_spans(site, page):
    page.goto(f"{site}/doc/13")
    claim = page.locator("#f1")
    claim.click(position={"x": 4, "y": 4})  # not on one of its links
    assert "pinned" in claim.get_attribute("class")
    lit = page.locator(".text .on")
    assert lit.count() >= 3 and "20,000" in " ".join(lit.all_inner_texts())
    page.locator("#f1").evaluate("li => li.classList.remove('pinned')")
    page.locator(".text span.k-figure", has_text="20,000").click()
    assert "pinned" in (claim.get_attribute("class") or "")
    shot(page, "document")
    assert page.problems == []


def test_a_link_to_a_figure_selects_it(site, page):
    page.goto(f"{site}/doc/13#f1")
    assert "pinned" in page.locator("#f1").get_attribute("class")
    assert page.locator(".text .on").count() >= 3


def test_a_chain_link_leads_to_its_source_page(site, page):
    page.goto(f"{site}/doc/1")
    page.locator("a.party").last.click()
    page.wait_for_url("**/source/*")
    assert page.locator("h1").inner_text().startswith("Source:")
    assert page.locator("table.figures tr").count() >= 2
    shot(page, "source")
    assert page.problems == []


def test_the_chart_lists_a_months_reports_and_opens_a_sentence(site, page):
    page.goto(f"{site}/indicator/mil.desertion_cases")
    assert page.locator("svg.chart rect.band").count() > 10 and page.locator("svg.chart .obs").count() >= 3
    month = page.locator("tr.original[data-months]").first.get_attribute("data-months").split()[0]
    page.locator(f'svg.chart rect.hover[data-month="{month}"]').hover()
    panel = page.locator("#month-panel")
    assert panel.get_attribute("data-month") == month and panel.locator("li a").count() >= 1
    shot(page, "barometer")
    panel.locator("li a").first.click()
    page.wait_for_url("**/doc/*#*")
    figure = page.url.rsplit("#", 1)[1]
    assert "pinned" in page.locator(f"#{figure}").get_attribute("class")
    assert page.problems == []


def test_a_contradicted_mark_leads_to_its_sentence(site, page):
    page.goto(f"{site}/indicator/mil.desertion_cases")
    page.locator("svg.chart .obs.contradicted").first.click()
    page.wait_for_url("**/doc/*#*")
    assert page.locator("li.pinned").count() == 1


def test_a_claim_is_checked_with_a_permalink(site, page):
    page.goto(f"{site}/check")
    page.fill("textarea[name=claim]", "Valdoria registers 20,000 desertion cases a month, a source told DRAVTASS.")
    page.fill("input[name=published]", "2025-10-07")
    page.click("form.check button")
    page.wait_for_selector(".verdict")
    assert "ABOVE" in page.locator(".verdict").inner_text()
    shot(page, "check")
    permalink = page.locator("a.permalink").get_attribute("href")
    page.goto(site + permalink)
    assert "ABOVE" in page.locator(".verdict").inner_text() and page.problems == []


def test_an_upload_shows_its_progress_to_the_end(site, page, tmp_path):
    report = tmp_path / "upload-report.txt"
    report.write_text("The Valdorian Defence Ministry said 140 soldiers deserted in April 2025.", encoding="utf-8")
    page.goto(f"{site}/ingest")
    page.set_input_files("input[name=files]", str(report))
    page.fill("input[name=token]", TOKEN)
    page.click("form.upload button")
    page.wait_for_url("**/ingest/*")
    page.wait_for_selector('#job-status[data-status="done"]', timeout=120_000)
    assert "1 new" in page.locator("#job-status").inner_text()
    shot(page, "ingest")
    assert page.problems == []


def test_pages_read_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/indicator/mil.desertion_cases")
    assert page.locator("svg.chart").count() == 1 and page.locator("table.months tr").count() > 10
    assert page.locator("svg.chart rect.hover title").count() > 10  # each month's tooltip
    page.goto(f"{site}/doc/13#f1")
    assert page.locator("#f1").inner_text().startswith("f1")
    page.goto(f"{site}/documents?q=desertion")
    assert page.locator("table.documents tr").count() > 1
    context.close()


# What the hostile markup would leave in the page had it not been escaped: handlers, elements, scripts.
# Checked in the DOM, not only by whether a script ran: the Content-Security-Policy alone would stop
# an inline script that escaping let through (and report it on the console, which fails the test).
LEFT_BEHIND = """() => ({
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  elements: document.querySelectorAll('img, iframe, object, embed, a[href^="javascript"], [src^="javascript"]').length,
  scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned')).length,
  pwned: window.__pwned ?? null,
  shown: document.body.innerText.includes('__pwned'),
})"""
CLEAN = {"handlers": 0, "elements": 0, "scripts": 0, "pwned": None, "shown": True}


def test_the_hostile_document_runs_no_script(site, page):
    claim = quote('<script>window.__pwned=11</script>"><img src=x onerror="window.__pwned=12"> 300 deserted')
    for address in ("/doc/18", "/documents?q=HOSTILE", "/documents", "/indicator/mil.absentees",
                    f"/check?claim={claim}&published=2025-06-02"):  # its text, title, outlet, URL; a claim
        page.goto(site + address)
        assert page.evaluate(LEFT_BEHIND) == CLEAN, address
    page.goto(f"{site}/doc/18")
    for source in set(page.locator("a.party").evaluate_all("links => links.map(a => a.getAttribute('href'))")):
        page.goto(site + source)  # the hostile sentence quoted under its source
        assert page.evaluate(LEFT_BEHIND) == CLEAN, source
    scope = '"><script>window.__pwned=13</script>'
    page.goto(f"{site}/indicator/mil.absentees?scope={quote(scope)}")
    assert page.evaluate(LEFT_BEHIND) == {**CLEAN, "shown": False}  # the scope is only in its field
    assert page.locator("input[name=scope]").input_value() == scope
    page.goto(f"{site}/doc/18")
    assert "<script>" in page.locator(".text").inner_text()  # shown as the text it is
    assert page.title().startswith("</title><script>")
    assert page.locator("a[href^='javascript']").count() == 0 and page.locator("iframe, img").count() == 0
    page.locator(".text span").first.click()
    for li in page.locator("li[data-marks]").all():
        li.click(position={"x": 4, "y": 4})
    assert page.evaluate("window.__pwned") is None and page.problems == []
    shot(page, "hostile")
