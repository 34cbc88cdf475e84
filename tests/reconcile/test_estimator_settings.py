"""The estimator's settings are one table, documented in docs/barometer-settings.md and recorded
in every barometer's JSON (issue 8, part 7)."""
from __future__ import annotations

from pathlib import Path

from sourcetrace.reconcile import constraints, disputes, elastic, revisions, smooth
from sourcetrace.reconcile.settings import SETTINGS, VALUES, markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "barometer-settings.md"


def test_the_documented_table_is_the_table_in_the_code():
    assert markdown() in DOC.read_text(encoding="utf-8"), "run: python -c 'from sourcetrace.reconcile.settings " \
                                                          "import markdown; print(markdown())' and paste it"


def test_every_setting_has_a_name_a_value_and_help_and_names_are_unique():
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)
    assert all(s.help.endswith(".") and s.value is not None for s in SETTINGS)


def test_the_modules_act_on_the_values_of_the_table():
    assert constraints.EXACT_TOLERANCE == VALUES["exact_tolerance"]
    assert constraints.RELIABILITY_WEIGHTS == VALUES["reliability_weights"]
    assert constraints.UNNAMED_WEIGHT == VALUES["unnamed_weight"]
    assert revisions.REVISION_LIMIT == VALUES["revision_limit"]
    assert disputes.DOMINANCE == VALUES["dominance"]
    assert elastic.SLACK_TOLERANCE == VALUES["slack_tolerance"] and elastic.MAX_PARTNERS == VALUES["max_partners"]
    assert smooth.PULL == VALUES["smoothing_pull"]
