"""Web archives: HTML and text responses become documents; damage is a problem, never a crash."""
from __future__ import annotations

import gzip
import io
import sys

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from store_helpers import ingest, problems
from sourcetrace.ingest import InputProblem, read_inputs
from sourcetrace.store import Store

ARTICLE = ("<html><head><title>Drones over Kyiv</title>{meta}</head><body><article><h1>Drones over Kyiv</h1>"
           "<p>Air defence shot down 12 drones over Kyiv overnight, the city administration said on its "
           "channel. Debris damaged two houses in the Darnytskyi district, officials added.</p></article>"
           "</body></html>")
PLAIN = "Херсон: 3 людей загинули, повідомили в ОВА."
DATED = '<meta property="article:published_time" content="2025-04-30T08:00:00+03:00">'


def response(writer, uri, body: bytes, content_type="text/html; charset=utf-8", status="200 OK", headers=()):
    http = StatusAndHeaders(status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))


def archive(gzip_records=False) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    response(writer, "https://example.org/dated", ARTICLE.format(meta=DATED).encode(),
             headers=[("Last-Modified", "Thu, 01 May 2025 10:00:00 GMT")])
    response(writer, "https://example.org/modified", ARTICLE.format(meta="").replace("12", "13").encode(),
             headers=[("Last-Modified", "Thu, 01 May 2025 10:00:00 GMT")])
    response(writer, "https://example.org/plain.txt", PLAIN.encode("cp1251"), content_type="text/plain; charset=cp1251")
    response(writer, "https://example.org/logo.png", b"\x89PNG\r\n", content_type="image/png")
    response(writer, "https://example.org/missing", b"<html><body><p>Not found</p></body></html>",
             status="404 Not Found")
    response(writer, "https://example.org/empty", b"<html><body></body></html>")
    request = io.BytesIO(b"GET /dated HTTP/1.1\r\n\r\n")
    writer.write_record(writer.create_warc_record("https://example.org/dated", "request", payload=request))
    return buffer.getvalue()


def read(path):
    return list(read_inputs([str(path)]))


@pytest.mark.parametrize("name, gzip_records", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_and_text_responses_become_documents(tmp_path, name, gzip_records):
    (tmp_path / name).write_bytes(archive(gzip_records))
    items = read(tmp_path / name)
    documents = [item for item in items if not isinstance(item, InputProblem)]
    problems = [item for item in items if isinstance(item, InputProblem)]
    assert [d.url for d in documents] == ["https://example.org/dated", "https://example.org/modified",
                                          "https://example.org/plain.txt"]
    dated, modified, plain = documents
    assert "shot down 12 drones" in dated.text and "<p>" not in dated.text and dated.title == "Drones over Kyiv"
    assert dated.published == "2025-04-30"  # the page's own date beats the server's Last-Modified
    assert modified.published == "2025-05-01"  # Last-Modified, for want of anything better
    assert plain.text == PLAIN and plain.encoding == "cp1251"  # the charset the server declared
    assert plain.published is not None  # the WARC-Date: the day it was crawled
    assert dated.source.startswith(f"{tmp_path / name}@")
    [empty] = problems  # the 404, the image and the request are not reports and pass in silence
    assert "[E009]" in empty.problem and empty.input.startswith(f"{tmp_path / name}@")


COMPRESSIONS = {"none": archive, "a gzip member per record": lambda: archive(gzip_records=True),
                "one gzip member for the file": lambda: gzip.compress(archive())}


@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_a_truncated_warc_keeps_the_records_before_the_cut(tmp_path, compression):
    data = COMPRESSIONS[compression]()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) * 3 // 4])
    items = read(tmp_path / "cut.warc.gz")
    urls = [item.url for item in items if not isinstance(item, InputProblem)]
    assert urls[:2] == ["https://example.org/dated", "https://example.org/modified"]
    last = items[-1]
    assert isinstance(last, InputProblem) and last.input == str(tmp_path / "cut.warc.gz")
    assert "[E031]" in last.problem or "[E032]" in last.problem


def test_a_whole_warc_gzipped_as_one_member_is_read(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(archive()))
    assert len([item for item in read(tmp_path / "crawl.warc.gz") if not isinstance(item, InputProblem)]) == 3


@pytest.mark.parametrize("content", [b"", b"this is not a web archive at all\n" * 20, b"\x1f\x8b\x08garbage"])
def test_a_file_that_is_no_warc_is_one_problem(tmp_path, content):
    (tmp_path / "junk.warc.gz").write_bytes(content)
    [problem] = read(tmp_path / "junk.warc.gz")
    assert isinstance(problem, InputProblem) and "[E030]" in problem.problem


def test_warcio_warnings_become_problems_not_noise_on_stderr(tmp_path, capsys):
    data = archive()
    # Shorten the first response's Content-Length: its last bytes are left before the next record.
    header_end = data.index(b"https://example.org/dated")
    length_at = data.index(b"Content-Length: ", header_end) + len(b"Content-Length: ")
    length_end = data.index(b"\r\n", length_at)
    wrong = str(int(data[length_at:length_end]) - 5).encode()
    (tmp_path / "off.warc").write_bytes(data[:length_at] + wrong + data[length_end:])
    items = read(tmp_path / "off.warc")
    assert any("[E035]" in item.problem for item in items if isinstance(item, InputProblem))
    assert capsys.readouterr().err == ""


def test_a_record_over_the_size_limit_is_skipped_and_the_rest_read(tmp_path):
    (tmp_path / "crawl.warc").write_bytes(archive())
    items = list(read_inputs([str(tmp_path / "crawl.warc")], max_bytes=len(PLAIN) + 10))
    problems = [item.problem for item in items if isinstance(item, InputProblem)]
    assert any("[E033]" in problem for problem in problems)
    assert [item.url for item in items if not isinstance(item, InputProblem)] == ["https://example.org/plain.txt"]


@pytest.mark.parametrize("compress", [False, True])
def test_a_warc_on_standard_input_is_recognised(monkeypatch, compress):
    data = gzip.compress(archive()) if compress else archive()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    urls = [getattr(item, "url", None) for item in read_inputs(["-"])]
    assert "https://example.org/plain.txt" in urls


def test_ingesting_warcs_stores_the_pages_and_skips_a_damaged_one(tmp_path):
    (tmp_path / "crawls").mkdir()
    (tmp_path / "crawls" / "good.warc.gz").write_bytes(archive(gzip_records=True))
    (tmp_path / "crawls" / "junk.warc").write_bytes(b"garbage " * 50)
    with Store.open(tmp_path / "w.db") as store:
        report = ingest(store, [tmp_path / "crawls"], tracer=lambda documents: (_trace(d) for d in documents))
        urls = sorted(document["url"] for document in store.documents())
    assert report.new == 3 and report.ok
    assert sorted(problem.problem[:6] for problem in problems(report, failed=False)) == ["[E009]", "[E030]"]
    assert urls == ["https://example.org/dated", "https://example.org/modified", "https://example.org/plain.txt"]


def _trace(document):
    from sourcetrace.model.records import Trace
    return Trace(document)
