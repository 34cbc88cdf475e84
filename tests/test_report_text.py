"""The terminal report on a hand-built trace."""
from __future__ import annotations

import io
from dataclasses import replace

from sourcetrace.model.records import Document, Trace
from sourcetrace.report import renderer_for
from sourcetrace.model.chains import chain_text as chain


def render(*traces, color=None) -> str:
    stream = io.StringIO()
    renderer = renderer_for("trace", "text", stream, color)
    for trace in traces:
        renderer.write(trace)
    renderer.finalize()
    return stream.getvalue()


def test_figures_chains_hedges_incidents_and_unattributed(sample_trace):
    out = render(sample_trace)
    assert "outlet: \"><img src=x onerror=alert(3)> · published: 2025-05-03" in out
    assert '"about 500 soldiers"  @40–58' in out
    assert ("value ~500 · counted soldiers · indicator personnel_losses · "
            'period "in the past day" (2025-05-02 – 2025-05-03) · scope Ukraine · aggregation period') in out
    assert "chain TASS (relay) ← unnamed sources (origin, anonymous)  [cue]" in out
    assert 'hedges "about" @40–45' in out
    assert "what drone strike · who a bus · where Kherson · outcome 3 killed" in out
    assert "vague source: some experts (origin, vague)" in out
    assert "Warnings (1)" in out


def test_no_colour_codes_when_not_a_terminal(sample_trace):
    assert "\x1b[" not in render(sample_trace)
    assert "\x1b[" in render(sample_trace, color=True)


def test_an_empty_trace_says_so():
    out = render(Trace(Document("Nothing here.", source="empty.txt")))
    assert "Figures (0)\n  none found" in out and "Warnings" not in out


def test_several_documents_one_after_another(sample_trace):
    second = Trace(Document("Second.", title="Second report"))
    out = render(sample_trace, second)
    assert out.index("about 500 soldiers") < out.index("══ Second report ══")


def test_amounts(sample_trace):
    exact = replace(sample_trace.figures[1], value=None, low=None, high=None)
    assert replace(exact, value=500.0, bound="approximate").amount == "~500"
    assert replace(exact, bound="lower", low=5000.0).amount == "≥ 5,000"
    assert replace(exact, bound="upper", high=290000.0).amount == "≤ 290,000"
    assert replace(exact, bound="range", low=200.0, high=300.0).amount == "200–300"
    assert replace(exact, value=12.5, unit="percent").amount == "12.5%"
    assert replace(exact, value=40e6, unit="USD").amount == "40,000,000 USD"


def test_chain_reads_nearest_first(sample_trace):
    assert chain(sample_trace.figures[0].attribution) == "TASS (relay) ← unnamed sources (origin, anonymous)"
    assert chain([]) == "no source named"


def test_what_a_figure_inherited_is_shown_with_where_from():
    from sourcetrace import trace_text
    text = ("Since January 1, storms have killed 12 people, the interior ministry said on Friday. "
            "In Brell, 40,000 homes lost power.")
    out = render(trace_text(text, published="2025-03-10", language="en"), color=False)
    assert "[ends at the publication date]" in out
    first = text.index("Since")
    assert f"inherited interior ministry from @{first}–" in out


def test_an_inherited_period_says_where_from_in_text_and_html():
    from sourcetrace import trace_text
    text = ("The agency registered 4,100 cases in the first half of 2025. Of them, 1,900 were closed.")
    trace = trace_text(text, published="2025-08-01", language="en")
    later = next(f for f in trace.figures if f.text == "1,900")
    assert later.period is not None and later.period.inherited_from is not None
    assert "[inherited from @0–" in render(trace, color=False)
    html = io.StringIO()
    renderer = renderer_for("trace", "html", html, None)
    renderer.write(trace)
    renderer.finalize()
    assert "[inherited from @0–" in html.getvalue()
