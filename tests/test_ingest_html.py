"""HTML inputs: main text and metadata by trafilatura, scripts and styles never in the text."""
from __future__ import annotations

import pytest

from sourcetrace.ingest import InputProblem, read_inputs
from sourcetrace.ingest.html import lxml_text

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Losses mount | Kyiv Daily</title>
<meta property="og:title" content="Losses mount">
<meta property="og:site_name" content="Kyiv Daily">
<meta property="og:url" content="https://kyivdaily.example/losses">
<meta property="article:published_time" content="2025-05-03T10:15:00+03:00">
<script>var tracker = "<p>Tracker text 999 soldiers</p>";</script>
<style>p { color: red } .x:before { content: "STYLE TEXT" }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Losses mount</h1>
<p>Russia has lost about 1,000 soldiers in the past day, the General Staff said on Saturday.
<p>A drone struck a bus in Kherson, killing three people, the regional governor said.<script>alert("inline")</script></p>
<p>Thousands have fled the city since the shelling began, according to local officials, who
gave no figure for the <b>wounded <i>civilians</p>
</article>
<footer>Copyright Kyiv Daily</footer>
</body></html>"""


def read_html(tmp_path, markup, name="page.html"):
    path = tmp_path / name
    path.write_bytes(markup.encode("utf-8") if isinstance(markup, str) else markup)
    items = list(read_inputs([str(path)]))
    assert len(items) == 1
    return items[0]


def test_main_text_without_scripts_styles_or_furniture(tmp_path):
    document = read_html(tmp_path, ARTICLE)
    assert "about 1,000 soldiers" in document.text
    assert "killing three people" in document.text
    for hidden in ("tracker", "999", "alert", "STYLE TEXT", "color: red", "Copyright"):
        assert hidden not in document.text


def test_broken_markup_still_gives_its_text(tmp_path):
    document = read_html(tmp_path, ARTICLE)
    assert "wounded civilians" in " ".join(document.text.split())


def test_metadata(tmp_path):
    document = read_html(tmp_path, ARTICLE, "story.htm")
    assert document.title == "Losses mount"
    assert document.outlet == "Kyiv Daily"
    assert document.published == "2025-05-03"
    assert document.url == "https://kyivdaily.example/losses"


def test_fallback_when_trafilatura_finds_nothing():
    text, title = lxml_text("<html><head><title> T </title><script>x=1</script></head>"
                            "<body><div>One.</div><div>Two <b>bold</div><style>p{}</style></body></html>")
    assert (text, title) == ("One.\nTwo bold", "T")


def test_short_page_falls_back_to_lxml(tmp_path):
    document = read_html(tmp_path, "<html><body><div>Kyiv: 12 drones.<script>bad()</script></div></body></html>")
    assert document.text.strip() == "Kyiv: 12 drones."


@pytest.mark.parametrize("markup", ["<html><body><script>only()</script></body></html>",
                                    "<html><head><title>Empty</title></head><body><div> </div></body></html>"])
def test_page_without_text(tmp_path, markup):
    item = read_html(tmp_path, markup)
    assert isinstance(item, InputProblem) and item.problem.startswith("[E009]")


def test_declared_legacy_charset(tmp_path):
    markup = ('<html><head><meta charset="windows-1251"></head><body><article><p>'
              "Министерство обороны сообщило о 500 уничтоженных военнослужащих за сутки."
              "</p></article></body></html>")
    document = read_html(tmp_path, markup.encode("cp1251"))
    assert "Министерство обороны" in document.text and document.encoding == "windows-1251"


def test_crlf_in_html_is_normalised(tmp_path):
    document = read_html(tmp_path, ARTICLE.replace("\n", "\r\n"))
    assert "\r" not in document.text
