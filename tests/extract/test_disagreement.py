"""Disagreement inside one report (extract/disagreement.py): two sources giving different figures for
the same count and period, and a total that is not the sum of its parts — flagged, never fixed.

The component reads only what earlier components found, so most tests hand it figures built here;
the last ones run it after the real English pipeline on texts written for them."""
from __future__ import annotations

from sourcetrace import Document
from sourcetrace.extract.disagreement import flag_disagreements
from sourcetrace.model.records import Figure, Link, Period
from sourcetrace.pipeline.runner import Pipeline, build_pipeline
from sourcetrace.pipeline.state import TraceState


def figure(id_: str, value: float | None, start: str, end: str, source: str | None, *, bound: str = "exact",
           indicator: str = "mil.desertion_cases", anonymous: bool = False, rate_per: str | None = None,
           scope: str | None = "Valdoria", low: float | None = None, high: float | None = None) -> Figure:
    chain = [Link(source, (0, 1), "origin", anonymous=anonymous)] if source else []
    return Figure(id=id_, text=f"{value}", span=(0, 1), sentence=(0, 1), value=value, low=low, high=high,
                  approximate=bound == "approximate", bound=bound, unit="count", counted="cases", counted_span=None,
                  indicator=indicator, rate_per=rate_per, period=Period(None, start, end), aggregation="period",
                  cumulative=False, scope=scope, scope_span=None, attribution=chain)


def flagged(*figures: Figure) -> dict[str, list[tuple]]:
    state = TraceState(document=Document(text="x"), lang=None, figures=list(figures))
    flag_disagreements(state)
    return {f.id: [(d.kind, d.figures, d.values, d.total) for d in f.disagreements] for f in state.figures}


JANUARY = ("2025-01-01", "2025-01-31")


# --- two sources -------------------------------------------------------------------------------------

def test_two_sources_giving_different_figures_for_the_same_count_and_period_are_both_flagged():
    found = flagged(figure("f1", 5_000, *JANUARY, "a source", anonymous=True),
                    figure("f2", 20_000, *JANUARY, "the ministry"))
    assert found == {"f1": [("sources", ["f2"], [20_000], None)], "f2": [("sources", ["f1"], [5_000], None)]}


def test_figures_the_wording_lets_agree_are_not_flagged():
    assert flagged(figure("f1", 5_000, *JANUARY, "the ministry"),
                   figure("f2", 5_200, *JANUARY, "the bureau", bound="approximate")) == {"f1": [], "f2": []}
    assert flagged(figure("f1", 5_000, *JANUARY, "the ministry"),
                   figure("f2", 4_000, *JANUARY, "the bureau", bound="lower")) == {"f1": [], "f2": []}


def test_other_periods_counts_scopes_or_the_same_source_are_not_two_answers_to_one_question():
    cases = [
        figure("f2", 20_000, "2025-02-01", "2025-02-28", "the bureau"),  # another month
        figure("f2", 20_000, *JANUARY, "the bureau", indicator="mil.awol_cases"),  # another count
        figure("f2", 20_000, *JANUARY, "the bureau", scope="Dravonia"),  # another army
        figure("f2", 20_000, *JANUARY, "the bureau", rate_per="day"),  # a daily rate, not a total
        figure("f2", 20_000, *JANUARY, "The Ministry"),  # the same source, written otherwise
        figure("f2", 20_000, *JANUARY, None),  # no source to set against the other
    ]
    for other in cases:
        assert flagged(figure("f1", 5_000, *JANUARY, "the ministry"), other) == {"f1": [], "f2": []}, other


# --- a total and its parts ------------------------------------------------------------------------

def test_a_total_its_parts_do_not_add_up_to_is_flagged_with_the_parts_and_their_sum():
    found = flagged(figure("t", 9_500, "2025-01-01", "2025-06-30", "the ministry"),
                    figure("q1", 4_100, "2025-01-01", "2025-03-31", "the ministry"),
                    figure("q2", 4_900, "2025-04-01", "2025-06-30", "the ministry"))
    assert found == {"t": [("sum", ["q1", "q2"], [4_100, 4_900], 9_000)], "q1": [], "q2": []}


def test_parts_that_add_up_within_their_wording_are_not_flagged():
    assert flagged(figure("t", 9_000, "2025-01-01", "2025-06-30", "the ministry", bound="approximate"),
                   figure("q1", 4_180, "2025-01-01", "2025-03-31", "the ministry"),
                   figure("q2", 4_930, "2025-04-01", "2025-06-30", None))["t"] == []


def test_parts_that_leave_a_gap_or_overlap_say_nothing_about_the_total():
    gap = [figure("m1", 100, "2025-01-01", "2025-01-31", "x"), figure("m3", 100, "2025-03-01", "2025-03-31", "x")]
    overlap = [figure("h1", 100, "2025-01-01", "2025-02-28", "x"), figure("h2", 100, "2025-02-01", "2025-03-31", "x")]
    for parts in (gap, overlap):
        assert flagged(figure("t", 9_999, "2025-01-01", "2025-03-31", "x"), *parts)["t"] == []


def test_parts_from_another_source_are_not_parts():
    found = flagged(figure("t", 9_500, "2025-01-01", "2025-06-30", "the ministry"),
                    figure("q1", 4_100, "2025-01-01", "2025-03-31", "the bureau"),
                    figure("q2", 4_900, "2025-04-01", "2025-06-30", "the bureau"))
    assert found["t"] == []


def test_the_component_spells_no_word_and_no_parser_label():
    """It must run unchanged in every language's pipeline: no string literal in it but identifiers
    of the model (bounds, kinds) — no word of a text, no dependency or tag name."""
    import ast
    from pathlib import Path

    import sourcetrace.extract.disagreement as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    literals = {node.value for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings}
    model_words = {"sources", "sum", "disagreements", "figures", "figure_chains", "quantity", "range", "lower",
                   "upper", "approximate", "exact", "inf"}
    assert literals <= model_words, literals - model_words


# --- after the real pipeline ------------------------------------------------------------------------

def pipeline_with_flags() -> Pipeline:
    """The standard pipeline, which runs the component after the chains are assigned."""
    pipeline = build_pipeline("en")
    assert flag_disagreements in pipeline.components
    return pipeline


def test_in_a_pipeline_two_agencies_figures_for_one_month_are_flagged():
    text = ("A source in the prosecutor's office told Reuters that Valdoria opened 5,000 desertion cases in "
            "January 2025. A source in the prosecutor's office told DRAVTASS that Valdoria opened 20,000 "
            "desertion cases in January 2025.")
    trace = pipeline_with_flags().run(Document(text=text, published="2025-02-10"))
    flags = {f.text: [(d.kind, d.values) for d in f.disagreements] for f in trace.figures}
    assert flags == {"5,000": [("sources", [20_000])], "20,000": [("sources", [5_000])]}
    assert trace.to_dict()["figures"][0]["disagreements"][0]["kind"] == "sources"


def test_in_a_pipeline_a_breakdown_that_does_not_add_up_is_flagged_and_one_that_does_is_not():
    flagged_text = ("The defence ministry said prosecutors opened 2,900 desertion cases in the first quarter of 2025: "
                    "1,000 in January 2025, 900 in February 2025 and 800 in March 2025.")
    adding_up = flagged_text.replace("2,900", "2,700")
    pipeline = pipeline_with_flags()
    (total, *_) = pipeline.run(Document(text=flagged_text, published="2025-04-14")).figures
    assert [(d.kind, d.values, d.total) for d in total.disagreements] == [("sum", [1_000, 900, 800], 2_700)]
    (total, *_) = pipeline.run(Document(text=adding_up, published="2025-04-14")).figures
    assert total.disagreements == []


def test_the_reports_say_what_was_flagged():
    from sourcetrace.report.html import figure_item
    from sourcetrace.report.text import figure_lines

    state = TraceState(document=Document(text="x"), lang=None, figures=[
        figure("t", 2_900, "2025-01-01", "2025-03-31", "x"), figure("m1", 1_000, "2025-01-01", "2025-01-31", "x"),
        figure("m2", 1_700, "2025-02-01", "2025-03-31", "x"), figure("o", 9_999, "2025-01-01", "2025-01-31", "y")])
    flag_disagreements(state)
    total, first, _, other = state.figures
    assert "its parts (m1, m2) add up to 2,700, not to this total" in "\n".join(figure_lines(total))
    assert "another source gives 9,999 for the same count and period (o)" in "\n".join(figure_lines(first))
    assert "another source gives 1,000" in figure_item(other, [1])
