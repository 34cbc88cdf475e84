"""Reconciliation end to end on the demo corpus, checked against the truth it was written from
(sourcetrace/examples/demo/truth.json): bands contain the truth, echoes are found with what changed,
the relabelling and the revision are recognised, the planted contradiction — and only it — is found."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcetrace import Document, trace_many
from sourcetrace.reconcile.barometer import barometer
from sourcetrace.reconcile.check import check_claim
from sourcetrace.registry import Registry

DEMO = Path(__file__).resolve().parents[2] / "sourcetrace" / "examples" / "demo"


@pytest.fixture(scope="module")
def traces() -> list[dict]:
    rows = [json.loads(line) for line in (DEMO / "demo.jsonl").read_text(encoding="utf-8").splitlines()]
    documents = (Document(text=r["text"], id=r["id"], outlet=r["outlet"], published=r["published"],
                          url=r.get("url"), title=r.get("title")) for r in rows)
    return [t.to_dict() for t in trace_many(documents)]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((DEMO / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def desertion(traces, registry) -> dict:
    return barometer(traces, "mil.desertion_cases", registry, scope="Valdoria")


def planted(truth: dict, kind: str) -> dict:
    return next(p for p in truth["planted"] if p["kind"] == kind)


def test_every_band_contains_the_true_monthly_count(desertion, truth):
    true = {m["month"]: m["mil.desertion_cases"] for m in truth["months"]}
    outside = [(m["month"], m["low"], m["high"], true[m["month"]]) for m in desertion["months"]
               if m["month"] in true and not m["no_data"]
               and not (m["low"] - 1 <= true[m["month"]] <= (m["high"] if m["high"] is not None else float("inf")) + 1)]
    # The corpus's cumulative totals count to the publication day, the estimator spreads a partial
    # month by days, so a band can miss by the rounding of a partial month; allow 1%.
    assert [o for o in outside if abs(o[3] - (o[1] if o[3] < o[1] else o[2])) > 0.01 * o[3]] == []


def test_months_pinned_by_monthly_reports_are_tight_and_right(desertion, truth):
    true = {m["month"]: m["mil.desertion_cases"] for m in truth["months"]}
    for month in ("2024-01", "2024-07", "2025-08", "2025-09", "2025-12"):
        band = next(m for m in desertion["months"] if m["month"] == month)
        assert band["high"] - band["low"] <= 0.05 * true[month], month
        assert abs(band["estimate"] - true[month]) <= 0.05 * true[month], month


def test_the_planted_contradiction_is_the_only_one(desertion, truth):
    contradicted = {c["obs_id"].split("#")[0] for c in desertion["contradictions"]}
    assert contradicted == set(planted(truth, "contradiction")["documents"])
    dravtass = next(o for o in desertion["observations"] if o["document_id"] == "demo-13")
    assert dravtass["contradicted"] and dravtass["grade"]["credibility"] == 5
    assert dravtass["grade"]["reliability"] in ("E", "F")  # an anonymous origin behind a party's agency


def test_echoes_collapse_onto_their_original_with_what_changed(desertion, truth):
    echo = planted(truth, "echo")
    original = next(o for o in desertion["observations"] if o["document_id"] == echo["original"]
                    and o["value"] == echo["value"])
    found = {e["document_id"]: e["changes"] for e in original["echoes"]}
    assert set(found) == set(echo["echoes"])
    assert any("rounded" in c for c in found["demo-09"])
    assert any("turned into a rate" in c for c in found["demo-10"])
    assert any("period dropped" in c for c in found["demo-11"])


def test_a_relabelled_combined_figure_is_an_echo_of_the_original(traces, registry, truth):
    relabel = planted(truth, "relabel")
    result = barometer(traces, relabel["indicator"], registry, scope="Valdoria")
    original = next(o for o in result["observations"] if o["document_id"] == relabel["original"])
    echo = next(e for e in original["echoes"] if e["document_id"] in relabel["echoes"])
    assert any("re-labelled" in c for c in echo["changes"])


def test_the_earlier_count_is_superseded_by_its_revision(desertion, truth):
    revision = planted(truth, "revision")
    first, later = revision["documents"]
    superseded = {k.split("#")[0]: v.split("#")[0] for k, v in desertion["superseded"].items()}
    assert superseded.get(first) == later


def test_every_observation_has_grades_with_reasons(desertion):
    for obs in desertion["observations"]:
        grade = obs["grade"]
        assert grade["reliability"] in "ABCDEF" and 1 <= grade["credibility"] <= 6
        assert grade["reliability_reason"] and grade["credibility_reason"]


def test_a_claim_above_the_series_is_said_to_be_above(traces, registry):
    result = check_claim("Valdoria registers 20,000 desertion cases a month, a source said.", traces, registry,
                         published="2025-10-07")
    assert result["verdict"] == "above"


def test_a_claim_that_fits_only_another_reading_says_so_and_is_not_within(traces, registry):
    result = check_claim("Prosecutors opened 48,900 desertion cases in 2024.", traces, registry, published="2025-02-20")
    figure = result["figures"][0]
    assert result["verdict"] == "fits_only_as" and result["fits_as"] == "mil.awol_desertion_cases"
    assert figure["fits"] == ["mil.awol_desertion_cases"]
    assert figure["explanation"].startswith("FITS ONLY AS")


def test_a_claim_within_the_series_is_within(traces, registry):
    result = check_claim("Prosecutors opened 13,470 desertion cases in 2024.", traces, registry, published="2025-02-20")
    assert result["verdict"] == "within" and result["figures"][0]["fits"][0] == "mil.desertion_cases"


def test_a_claim_about_months_nobody_reported_is_uncheckable(traces, registry):
    result = check_claim("Prosecutors opened 400 desertion cases in March 2021.", traces, registry, published="2021-04-02")
    assert result["verdict"] == "uncheckable"


def _schema(name: str) -> dict:
    path = Path(__file__).resolve().parents[2] / "sourcetrace" / "model" / "schemas" / name
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_barometer_json_follows_its_schema(desertion):
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(_schema("barometer-2.json"))
    jsonschema.validate(json.loads(json.dumps(desertion)), _schema("barometer-2.json"))


def test_the_check_json_follows_its_schema(traces, registry):
    import jsonschema

    for claim in ("Prosecutors opened 48,900 desertion cases in 2024.", "Desertion is rising, officials said."):
        result = check_claim(claim, traces, registry, published="2025-02-20")
        jsonschema.validate(json.loads(json.dumps(result)), _schema("check-2.json"))


def test_the_barometer_records_what_produced_it(desertion, registry):
    from sourcetrace import __version__
    from sourcetrace.reconcile.settings import VALUES

    generator = desertion["generator"]
    assert generator["version"] == __version__ and generator["registry"] == registry.version
    assert {k: v for k, v in generator["estimator"].items() if k != "lp_backend"} == VALUES
    assert generator["estimator"]["lp_backend"] in ("highs", "linprog")


def test_a_user_registry_file_changes_the_registry_version(tmp_path):
    user = tmp_path / "mine.json"
    user.write_text('{"sources": {"xv.extra": {"name": "Extra Wire", "kind": "outlet", "country": "xv", "state_affiliated": false, "party_to": null}}}',
                    encoding="utf-8")
    assert Registry.load(user).version != Registry.load().version
