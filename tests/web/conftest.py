"""Fixtures for the web app's tests: the demo corpus traced into a store once per run, a hostile
document beside it, and a client over the app (Starlette's, in process)."""
from __future__ import annotations

import shutil
from importlib.resources import as_file, files

import pytest
from sourcetrace import batch, refresh
from sourcetrace.ingest import Inputs
from sourcetrace.store import Store
from web_helpers import HOSTILE_JSONL, client_for


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """The demo corpus and the hostile document, ingested (the real tracer: about half a minute)."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    hostile = path.with_name("hostile.jsonl")
    hostile.write_text(HOSTILE_JSONL, encoding="utf-8")
    with as_file(files("sourcetrace").joinpath("examples", "demo", "demo.jsonl")) as corpus, Store.open(path) as store:
        report = batch.run(Inputs([corpus, hostile]), store, refresh.tracer())
    assert report.new == 18 and report.ok, report.summary()
    return path


@pytest.fixture
def store_copy(demo_store, tmp_path):
    """A copy a test may write to."""
    copy = tmp_path / "copy.db"
    shutil.copy(demo_store, copy)
    return copy


@pytest.fixture(scope="session")
def client(demo_store):
    with client_for(demo_store) as opened:
        yield opened
