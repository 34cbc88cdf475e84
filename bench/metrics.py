"""Per-item scoring: which counts a document adds to each metric, and what went wrong in it.

A slot (bound, unit, rate, period) is a positive wherever it is filled: every figure has a bound
and a unit, only some have a rate or a dated period. A predicted slot is a true positive when its
figure is matched to a gold figure with the same filled slot, so precision and recall of a slot
also carry the figure's own detection errors: the numbers are end to end.
"""
from __future__ import annotations

from typing import Callable

from .matching import Count, chain_key, match_figures, match_links, norm_unit, period_of, stated_numbers

SLOTS: dict[str, Callable[[dict], object]] = {
    "bound": lambda f: f.get("bound"),
    "unit": lambda f: norm_unit(f.get("unit")),
    "rate_per": lambda f: f.get("rate_per"),
    "period": period_of,
}

# The headline metrics (the gate reads these) and diagnostics that help read them.
HEADLINE = ("figure", "bound", "unit", "rate_per", "period", "attribution")
DIAGNOSTIC = ("attribution_lenient", "attribution_names", "chain")
METRICS = HEADLINE + DIAGNOSTIC

LABELS = {
    "figure": "figure value",
    "bound": "bound",
    "unit": "unit",
    "rate_per": "rate_per",
    "period": "period (start and end)",
    "attribution": "attribution link (name + role)",
    "attribution_lenient": "… link, lenient name (one name's words contain the other's)",
    "attribution_names": "… link name, any role",
    "chain": "whole chain exactly right",
}


def new_counts(metrics=METRICS) -> dict[str, Count]:
    return {metric: Count() for metric in metrics}


def score_item(text: str, gold: list[dict], pred: list[dict], counts: dict[str, Count]) -> list[tuple[int, int]]:
    """Add one document's counts to ``counts`` (only the metrics it holds) and return the matches."""
    matched = match_figures(text, gold, pred)
    if "figure" in counts:
        counts["figure"].add(len(matched), len(pred), len(gold))
    for slot, get in SLOTS.items():
        if slot in counts:
            tp = sum(1 for g, j in matched if get(gold[g]) is not None and get(gold[g]) == get(pred[j]))
            counts[slot].add(tp, _filled(pred, get), _filled(gold, get))
    _score_links(gold, pred, matched, counts)
    return matched


def _filled(figures: list[dict], get) -> int:
    return sum(1 for f in figures if get(f) is not None)


def _score_links(gold, pred, matched, counts) -> None:
    n_gold = sum(len(f["attribution"]) for f in gold)
    n_pred = sum(len(f.get("attribution") or []) for f in pred)
    variants = {"attribution": {}, "attribution_lenient": {"lenient": True},
                "attribution_names": {"lenient": False, "roles": False}}
    for metric, options in variants.items():
        if metric in counts:
            tp = sum(match_links(gold[g]["attribution"], pred[j].get("attribution") or [], **options)
                     for g, j in matched)
            counts[metric].add(tp, n_pred, n_gold)
    if "chain" in counts:
        tp = sum(1 for g, j in matched
                 if chain_key(gold[g]["attribution"]) == chain_key(pred[j].get("attribution") or []))
        counts["chain"].add(tp, len(pred), len(gold))


# --- what went wrong, in words ---------------------------------------------------------------

def describe_errors(gold: list[dict], pred: list[dict], matched, metrics) -> list[str]:
    """Readable differences for one document: missed and spurious figures, wrong slots, chains."""
    errors = []
    gold_hit = {g for g, _ in matched}
    pred_hit = {j for _, j in matched}
    errors += [f"missed {gold[g]['text']!r} {_numbers(gold[g])}" for g in range(len(gold)) if g not in gold_hit]
    errors += [f"spurious {(pred[j].get('text') or '')!r} {_numbers(pred[j])}"
               for j in range(len(pred)) if j not in pred_hit]
    for g, j in matched:
        errors += _slot_errors(gold[g], pred[j], metrics)
    return errors


def _slot_errors(gold: dict, pred: dict, metrics) -> list[str]:
    errors = []
    for slot, get in SLOTS.items():
        if slot in metrics and get(gold) != get(pred):
            errors.append(f"{gold['text']!r} {slot}: gold {get(gold)}, got {get(pred)}")
    if "attribution" in metrics:
        want, got = chain_key(gold["attribution"]), chain_key(pred.get("attribution") or [])
        if want != got:
            errors.append(f"{gold['text']!r} chain: gold {_chain(want)}, got {_chain(got)}")
    return errors


def _numbers(figure: dict) -> str:
    return "(" + ", ".join(f"{n:g}" for n in stated_numbers(figure)) + f"; {figure.get('bound')})"


def _chain(key: list[tuple[str, str]]) -> str:
    return "[" + " <- ".join(f"{name}/{role}" for name, role in key) + "]" if key else "[]"

