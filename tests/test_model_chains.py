"""What a chain says, computed once: the origin the store lists is the one the barometer groups
echoes by, and the chain reads the same in the terminal, the store and the charts."""
from __future__ import annotations

import pytest

from sourcetrace.model.chains import chain_text, origin
from sourcetrace.model.records import Link
from sourcetrace.model.words import amount
from sourcetrace.reconcile.observations import observations_from_trace
from sourcetrace.registry import Registry
from sourcetrace.report.charts import amount as chart_amount
from sourcetrace.store.rows import figure_row

CHAINS = {
    "relay then origin": ([("TASS", "relay"), ("a source", "origin")], "a source"),
    "derived over record": ([("Reuters", "relay"), ("Mediazona", "derived"), ("court records", "record")], "Mediazona"),
    "record alone": ([("Interior Ministry", "record")], "Interior Ministry"),
    "outlet's own voice": ([("VALPRESS", "outlet")], "VALPRESS"),
    "relays only": ([("TASS", "relay"), ("RIA", "relay")], None),
    "nothing": ([], None),
}


@pytest.mark.parametrize("links, expected", CHAINS.values(), ids=CHAINS.keys())
def test_origin_for_records_and_for_stored_dicts(links, expected):
    as_records = [Link(name, None, role) for name, role in links]
    as_dicts = [{"name": name, "span": None, "role": role} for name, role in links]
    assert getattr(origin(as_records), "name", None) == (origin(as_dicts) or {}).get("name") == expected


@pytest.mark.parametrize("links, expected", CHAINS.values(), ids=CHAINS.keys())
def test_the_store_and_the_barometer_agree_on_the_origin(links, expected):
    figure = {"id": "f1", "text": "1,000", "value": 1000.0, "low": 1000.0, "high": 1000.0, "bound": "exact",
              "unit": "count", "kind": "quantity", "counted": "cases", "indicator": "mil.desertion_cases",
              "rate_per": None, "aggregation": "period", "scope": None, "attribution_basis": "cue", "hedges": [],
              "period": {"text": "in 2024", "start": "2024-01-01", "end": "2024-12-31"}, "sentence": [0, 5],
              "attribution": [{"name": name, "span": None, "role": role} for name, role in links]}
    trace = {"document": {"id": "d1", "text": "1,000 cases.", "outlet": None, "published": "2025-01-10"},
             "figures": [figure]}
    registry = Registry.load()
    [observation] = observations_from_trace(trace, registry)
    stored = figure_row(1, figure, trace["document"]["text"])["origin_name"]
    resolved = registry.resolve_source(stored).id if stored else None
    assert stored == expected and (observation.origin is None) == (resolved is None)
    if stored:
        assert observation.origin == next(link["source_id"] for link in observation.chain if link["name"] == stored)


def test_a_chain_reads_the_same_from_records_and_from_dicts():
    links = [Link("TASS", None, "relay"), Link("unnamed sources", None, "origin", anonymous=True)]
    dicts = [{"name": "TASS", "role": "relay"}, {"name": "unnamed sources", "role": "origin", "anonymous": True}]
    assert chain_text(links) == chain_text(dicts) == "TASS (relay) ← unnamed sources (origin, anonymous)"
    assert chain_text([]) == "no source named" and chain_text([], empty=None) is None


def test_an_observation_s_amount_is_the_figure_s_amount():
    observation = {"bound": "approximate", "value": 1500.0, "low": 1300.0, "high": 1700.0, "measure": "rate",
                   "rate_per": "month"}
    assert chart_amount(observation) == amount("approximate", 1500.0, 1300.0, 1700.0, per="month") == "~1,500 a month"


def test_the_barometer_s_quick_origin_is_the_model_s_on_every_chain_of_up_to_four_links():
    """reconcile/observations.py finds the origin's place by role for speed; it must pick the link
    ``model.chains.origin`` picks, whatever the roles and their order."""
    from itertools import product

    from sourcetrace.reconcile.observations import _origin_index

    roles = ("relay", "origin", "derived", "record", "outlet")
    for length in range(5):
        for chain in product(roles, repeat=length):
            links = [{"name": f"party {n}", "role": role} for n, role in enumerate(chain)]
            at = _origin_index(links)
            assert (links[at] if at is not None else None) is origin(links), chain
