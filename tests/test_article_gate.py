"""The evaluation gate on whole articles: sourcetrace keeps its per-figure F1 on each whole-article
gold set (bench/articles/) at or above the floors pinned in bench/articles/floors/<set>.json.

Each floors file names its gold file by sha256 and may be lowered only with a reviewed flag, as the
sentence sets' floors (bench/gate.py, tests/test_eval_gate.py check both). Scoring a set traces its
articles, about twenty seconds a set on one core.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # ``bench`` is a folder beside the package, not installed

from bench import gate  # noqa: E402
from bench.articles.score import HEADLINE, SETS, evaluate, load_set  # noqa: E402

ARTICLE_FLOORS = [path for path in gate.FLOOR_FILES if path.startswith("bench/articles/floors/")]


def test_every_whole_article_set_has_floors_for_every_headline_metric():
    named = {Path(path).stem for path in ARTICLE_FLOORS}
    assert set(SETS) <= named, f"sets with no floors: {sorted(set(SETS) - named)}"
    for path in ARTICLE_FLOORS:
        floors = gate.floors(gate.read(path))
        assert sorted(floors) == sorted(HEADLINE), path


@pytest.mark.parametrize("path", ARTICLE_FLOORS)
def test_whole_articles_stay_above_their_floors(path):
    data = gate.read(path)
    name = Path(data["_corpus"]["path"]).stem
    measured = evaluate(load_set(name))
    assert measured["crashes"] == {}, f"{name}: articles not traced: {measured['crashes']}"
    below = {metric: (round(measured["metrics"][metric]["f1"], 3), floor)
             for metric, floor in gate.floors(data).items() if measured["metrics"][metric]["f1"] < floor}
    assert below == {}, f"{name}: F1 under its floor (measured, floor): {json.dumps(below)}"
