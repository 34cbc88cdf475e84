"""Property: whatever a trace holds comes back from the store as it went in."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store_helpers import figure, traced
from sourcetrace.store import Store

maybe_text = st.none() | st.text(max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200), outlet=maybe_text, title=maybe_text, name=st.text(min_size=1),
       value=st.none() | st.floats(allow_nan=False), hedged=st.booleans())
def test_a_trace_comes_back_as_it_went_in(tmp_path_factory, text, outlet, title, name, value, hedged):
    trace = traced(text, outlet=outlet, title=title, figures=[
        figure("f1", text, value, links=[(name, "origin")], hedged=hedged)])
    with Store.open(tmp_path_factory.mktemp("roundtrip") / "r.db") as store:
        document_id = store.add(trace)
        assert store.get_trace(document_id) == trace.to_dict()
        assert list(store.traces()) == [trace.to_dict()]
        [row] = store.figures()
        [document] = store.documents()
    assert (row["value"], row["text"], row["sentence"], row["hedged"]) == (value, text, text, hedged)
    assert (row["origin_name"], row["outlet"], row["title"]) == (name, outlet, title)
    assert document["id"] == document_id
