"""The HTML page: every span highlighted by kind, overlaps cut cleanly, and all text escaped."""
from __future__ import annotations

import base64
import hashlib
import io
import re
from html import unescape
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from sourcetrace.model.records import Document, Trace, Unattributed
from sourcetrace.report import renderer_for
from sourcetrace.report.marks import Marks, pieces


def render(*traces) -> str:
    stream = io.StringIO()
    renderer = renderer_for("trace", "html", stream)
    for trace in traces:
        renderer.write(trace)
    renderer.finalize()
    return stream.getvalue()


class Elements(HTMLParser):
    """The tags and attributes as a browser's parser sees them."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_hostile_text_never_becomes_markup(sample_trace):
    page = render(sample_trace)
    elements = Elements(page).tags
    assert [tag for tag, _ in elements].count("script") == 1  # ours, at the end
    assert not any(tag == "img" for tag, _ in elements)
    assert not any(name.startswith("on") for _, attrs in elements for name in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in page
    assert 'href="javascript' not in page
    assert "reason &lt;b&gt;bold&lt;/b&gt;" in page and "a &lt;warning&gt; &amp; more" in page


def test_standalone_page_with_a_legend(sample_trace):
    page = render(sample_trace)
    assert page.startswith("<!doctype html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page
    for kind in ("figure", "source", "hedge", "incident", "unattributed"):
        assert f'<span class="k-{kind}">' in page


def test_the_policy_lets_only_our_own_script_run(sample_trace):
    page = render(sample_trace)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    [policy] = [attrs["content"] for tag, attrs in Elements(page).tags if attrs.get("http-equiv")]
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy


def test_every_span_is_highlighted_by_kind(sample_trace):
    page = render(sample_trace)
    assert re.search(r'<span class="k-figure k-hedge m\d+ m\d+">about</span>', page)
    assert re.search(r'<span class="k-detail k-figure m\d+ m\d+">soldiers</span>', page)
    assert re.search(r'<span class="k-source m\d+">unnamed sources</span>', page)
    assert re.search(r'<span class="k-figure k-incident m\d+ m\d+">3 people</span>', page)
    assert re.search(r'<span class="k-source k-unattributed m\d+ m\d+">some experts</span>', page)


def test_each_claim_lists_the_marks_it_lights(sample_trace):
    page = render(sample_trace)
    first = re.search(r'<li tabindex="0" id="f1" data-marks="([\d ]+)"><span class="cid">f1</span>', page)
    marks = first.group(1).split()
    assert len(marks) == 7  # figure, counted, scope, period, two sources, one hedge
    for mark in marks:
        assert re.search(rf'class="[^"]*\bm{mark}\b', page)


def test_the_text_survives_the_cutting(sample_trace):
    page = render(sample_trace)
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    plain = re.sub(r"<[^>]+>", "", body)
    assert plain.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') == sample_trace.document.text


def test_overlapping_and_nested_spans_are_cut_at_every_boundary():
    marks = Marks(10)
    for kind, span in [("incident", (0, 10)), ("figure", (2, 6)), ("hedge", (4, 8)), ("figure", (2, 6))]:
        marks.add(kind, span)
    cut = [(piece, sorted(kind for kind, _, _ in keys)) for piece, keys in pieces("abcdefghij", marks)]
    assert cut == [("ab", ["incident"]), ("cd", ["figure", "incident"]), ("ef", ["figure", "hedge", "incident"]),
                   ("gh", ["hedge", "incident"]), ("ij", ["incident"])]


def test_spans_outside_the_text_are_dropped_and_counted():
    text = "Short text."
    trace = Trace(Document(text), unattributed=[Unattributed("none", "x", (5, 500), "r"),
                                                Unattributed("none", "y", (6, 3), "r")])
    page = render(trace)
    assert "2 span(s) fall outside the text" in page and "Short text." in page


def test_several_documents_make_one_page_of_sections(sample_trace):
    page = render(sample_trace, Trace(Document("<b>Second</b> document.", title="Second")))
    assert page.count("<!doctype html>") == 1
    assert 'id="doc-1"' in page and 'id="doc-2"' in page
    assert "<title>sourcetrace — 2 documents</title>" in page


def test_no_documents_still_makes_a_page():
    assert "No document was traced." in render()


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\n/=ё")), min_size=1, max_size=40))
    ends = st.integers(0, len(text))
    spans = draw(st.lists(st.tuples(ends, ends).map(sorted), max_size=8))
    return text, [tuple(span) for span in spans]


@given(text_and_spans())
def test_any_spans_over_any_text_keep_the_text_and_escape_it(case):
    text, spans = case
    trace = Trace(Document(text), unattributed=[Unattributed("none", "x", span, "r") for span in spans])
    body = re.search(r'<div class="text">(.*?)</div>', render(trace), re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", body)) == text
    assert not re.search(r"<(?!/?span\b)", body)
