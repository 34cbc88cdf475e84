"""The pipeline: components declare what they require and assign; the order is checked up front.

Tests sourcetrace.pipeline.runner (check_order, Pipeline, errors) and the standard English
component list in sourcetrace.extract.standard.
"""
from __future__ import annotations

import pytest

from sourcetrace.api import default_pipeline
from sourcetrace.errors import ComponentError, PipelineOrderError
from sourcetrace.model.records import Document, Trace
from sourcetrace.pipeline.component import component
from sourcetrace.pipeline.runner import GIVEN, Pipeline, check_order


def step(name, requires=(), assigns=(), fn=lambda state: None):
    return component(name, requires=requires, assigns=assigns)(fn)


def test_components_in_order_pass():
    check_order([step("split", assigns=("sentences",)), step("count", requires=("sentences",))])


def test_a_component_requiring_what_nobody_assigned_yet_is_refused():
    with pytest.raises(PipelineOrderError) as caught:
        check_order([step("count", requires=("sentences", "parses")), step("split", assigns=("sentences",))])
    assert caught.value.component == "count"
    assert caught.value.missing == ["sentences", "parses"]
    assert "'count'" in str(caught.value) and "sentences, parses" in str(caught.value)


def test_the_given_fields_need_no_component():
    assert {"document", "lang", "nlp"} <= GIVEN
    check_order([step("read", requires=("document", "lang", "nlp"))])


def test_a_pipeline_checks_its_order_when_built():
    with pytest.raises(PipelineOrderError):
        Pipeline(language="en", components=[step("hedges", requires=("figures",))])


def test_the_standard_pipeline_is_in_a_valid_order():
    pipeline = default_pipeline("en")
    check_order(pipeline.components)
    names = pipeline.names
    assert names[0] == "sentences"
    assert names.index("figures") < names.index("attribution") < names.index("hedges")
    assert names.index("hedges") < names.index("incidents") < names.index("unattributed")


def test_moving_a_standard_component_before_its_inputs_is_refused():
    components = list(default_pipeline("en").components)
    figures = next(c for c in components if c.name == "figures")
    components.remove(figures)
    with pytest.raises(PipelineOrderError) as caught:
        check_order([figures] + components)
    assert caught.value.component == "figures"


def test_a_failing_component_is_named_in_the_error():
    def explode(state):
        raise ValueError("bad input")

    pipeline = Pipeline(language="en", components=[step("explode", fn=explode)])
    with pytest.raises(ComponentError) as caught:
        pipeline.run(Document(text="Some text.", source="report.txt"))
    assert caught.value.component == "explode" and caught.value.document == "report.txt"
    assert isinstance(caught.value.cause, ValueError)


def test_a_pipeline_of_no_components_returns_an_empty_trace():
    result = Pipeline(language="en", components=[]).run(Document(text="Nothing here."))
    assert isinstance(result, Trace)
    assert (result.figures, result.incidents, result.unattributed) == ([], [], [])
