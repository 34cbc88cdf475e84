"""Escaping, links, the policy, the token, upload limits and error pages: what a hostile document, a
stranger on the network or a broken request can and cannot do."""
from __future__ import annotations

import re

import pytest

from sourcetrace.web.security import is_local, load_token, safe_url
from web_helpers import client_for, validate

HOSTILE_ID = 18  # ingested after the 17 demo reports


def test_hostile_markup_is_shown_as_text(client):
    for address in (f"/doc/{HOSTILE_ID}", "/documents?q=HOSTILE", "/documents"):
        page = client.get(address).text
        assert "window.__pwned" in page or address == "/documents"
        assert not re.search(r"<script>window|<img src=x|<svg onload|<iframe|onerror=\"window|onmouseover='window", page)
        assert "&lt;script&gt;" in page or address == "/documents"


def test_javascript_urls_never_become_links(client):
    page = client.get(f"/doc/{HOSTILE_ID}").text
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.I)
    assert safe_url("javascript:alert(1)") is None and safe_url(" JAVASCRIPT:x") is None
    assert safe_url("data:text/html,x") is None and safe_url("https://example.org/a") == "https://example.org/a"


def test_every_page_sends_a_strict_policy_and_headers(client):
    response = client.get("/doc/1")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "unsafe-eval" not in policy
    assert re.search(r"script-src 'sha256-[^']+'", policy) and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff" and response.headers["x-frame-options"] == "DENY"
    assert client.get("/documents.json").headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("address, status, code", [
    ("/doc/999", 404, "E700"), ("/doc/999.json", 404, "E700"), ("/doc/99999999999999999999.json", 404, "E700"), ("/no/such/page", 404, "E701"),
    ("/documents?limit=0", 400, "E706"), ("/documents.json?from=yesterday", 400, "E706"),
    ("/indicator/no.such_thing", 404, "E404"), ("/source/zz.nobody", 404, "E713"), ("/ingest/nope", 404, "E707"),
    ("/indicator/mil.desertion_cases.json?from=2025-01&to=2024-01", 400, "E706"),
])
def test_errors_are_numbered_pages_and_json(client, address, status, code):
    response = client.get(address)
    assert response.status_code == status
    if address.split("?")[0].endswith(".json"):
        validate(response.json(), "page-error-1.json")
        assert response.json()["error"]["code"] == code
    else:
        assert f"<code>{code}</code>" in response.text and response.headers["content-type"].startswith("text/html")


def test_an_address_is_repeated_without_its_control_characters(client):
    response = client.get("/doc/%00%1b[31m")
    assert response.status_code == 404 and "E701" in response.text
    assert "\x00" not in response.text and "\x1b" not in response.text and "/doc/\\x00\\x1b[31m" in response.text


def test_a_wrong_method_is_refused_with_a_number(client):
    response = client.post("/documents")
    assert response.status_code == 405 and "E709" in response.text


def test_a_failure_shows_no_traceback(demo_store, monkeypatch):
    from sourcetrace.web.pages import documents

    monkeypatch.setattr(documents, "form_html", lambda data: 1 / 0)
    with client_for(demo_store) as client:
        response = client.get("/documents")
    assert response.status_code == 500 and "E708" in response.text and "ZeroDivisionError" in response.text
    assert "Traceback" not in response.text and "File \"" not in response.text and ".py" not in response.text


def upload(client, files, **kwargs):
    return client.post("/ingest.json", files=[("files", f) for f in files], **kwargs)


REPORT = ("report.txt", b"The Valdorian Defence Ministry said 120 soldiers deserted in March 2025.", "text/plain")


def test_writes_are_off_without_a_token(client):
    response = upload(client, [REPORT])
    assert response.status_code == 403 and response.json()["error"]["code"] == "E702"
    assert "writes are off" in client.get("/ingest").text


def test_a_write_needs_the_right_token(store_copy):
    with client_for(store_copy, token="s3cret") as client:
        assert upload(client, [REPORT]).status_code == 401
        assert upload(client, [REPORT], headers={"Authorization": "Bearer wrong"}).json()["error"]["code"] == "E703"
        assert upload(client, [REPORT], data={"token": "wrong"}).status_code == 401


def test_uploads_over_the_limits_are_refused(store_copy):
    with client_for(store_copy, token="t", max_upload_bytes=2_000, max_upload_files=2) as client:
        auth = {"Authorization": "Bearer t"}
        big = ("big.txt", b"x" * 5_000, "text/plain")
        assert upload(client, [big], headers=auth).json()["error"]["code"] == "E704"
        assert upload(client, [REPORT] * 3, headers=auth).json()["error"]["code"] == "E705"
        assert client.post("/ingest.json", headers=auth, data={"x": "1"}).json()["error"]["code"] == "E712"


def test_an_upload_is_ingested_with_progress(store_copy):
    import time

    with client_for(store_copy, token="t") as client:
        response = upload(client, [REPORT], headers={"Authorization": "Bearer t"})
        assert response.status_code == 202
        job = response.json()
        validate(job, "page-ingest-1.json")
        for _ in range(600):
            job = client.get(job["path"] + ".json").json()
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert job["status"] == "done" and job["report"]["new"] == 1, job
        validate(job, "page-ingest-1.json")
        assert client.get("/documents.json?q=Valdorian+120").json()["total"] == 1
        again = client.post("/ingest", files=[("files", REPORT)], data={"token": "t"}, follow_redirects=False)
        assert again.status_code == 303 and again.headers["location"].startswith("/ingest/")


def test_local_addresses():
    assert all(map(is_local, ["127.0.0.1", "localhost", "::1", "127.0.0.2", "[::1]"]))
    assert not any(map(is_local, ["0.0.0.0", "::", "192.168.1.4", "example.org"]))


def test_the_token_comes_from_a_file_or_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ST_TEST_TOKEN", " abc ")
    assert load_token("ST_TEST_TOKEN", None) == "abc"
    (tmp_path / "t").write_text("from-file\nignored\n")
    assert load_token("ST_TEST_TOKEN", str(tmp_path / "t")) == "from-file"
    (tmp_path / "empty").write_text("\n")
    with pytest.raises(ValueError, match="E711"):
        load_token("ST_TEST_TOKEN", str(tmp_path / "empty"))
    monkeypatch.delenv("ST_TEST_TOKEN")
    assert load_token("ST_TEST_TOKEN", None) is None


@pytest.mark.parametrize("address, location", [
    ("/documents/", "/documents"), ("/documents//?q=desertion&limit=5", "/documents?q=desertion&limit=5"),
    ("/doc/1/", "/doc/1"), ("/indicator/mil.desertion_cases/", "/indicator/mil.desertion_cases"),
])
def test_a_trailing_slash_redirects_to_a_path_with_every_header(client, address, location):
    """Not to an absolute URL built from the Host header the request gave (Starlette's own redirect
    sent 'http://evil.example/documents' and no security headers)."""
    response = client.get(address, headers={"Host": "evil.example"}, follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == location
    assert response.headers["x-content-type-options"] == "nosniff" and response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert client.get(address).url.path == location.split("?")[0]


@pytest.mark.parametrize("address", ["http://testserver//evil.example/", "http://testserver/\\evil.example/", "/no/such/page/", "/doc/x/"])
def test_a_trailing_slash_is_no_way_to_another_server_or_a_missing_page(client, address):
    response = client.get(address, follow_redirects=False)
    assert response.status_code == 404 and "location" not in response.headers and "E701" in response.text


def test_every_redirect_carries_the_headers(client):
    response = client.get("/", headers={"Host": "evil.example"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/documents"
    assert response.headers["x-content-type-options"] == "nosniff" and response.headers["x-frame-options"] == "DENY"
