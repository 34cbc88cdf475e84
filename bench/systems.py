"""The systems the bench compares, each turned into the same shape: a list of figure dicts.

sourcetrace already speaks ``sourcetrace.trace/1``. quantulum3 is translated: its Quantity carries a
value, an uncertainty (a range "1,500-2,000" comes back as 1,750 ± 250), a unit, a surface string
and a span, so it can be scored on value, bound (range or exact only) and unit. It has no notion of
sources, periods or rates; those metrics are N/A for it, not zero.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from importlib import metadata
from typing import Callable

from .metrics import METRICS


@dataclass
class System:
    name: str
    metrics: tuple[str, ...]  # what this system can be scored on; the rest is N/A
    predict: Callable[[dict], list[dict]]  # gold item (text, published, outlet) -> figure dicts
    version: str


# --- sourcetrace -----------------------------------------------------------------------------

def sourcetrace_system() -> System:
    from sourcetrace import __version__, trace_text

    def predict(item: dict) -> list[dict]:
        trace = trace_text(item["text"], published=item.get("published"), outlet=item.get("outlet"))
        return trace.to_dict()["figures"]

    return System("sourcetrace", METRICS, predict, __version__)


# --- quantulum3 ------------------------------------------------------------------------------

# quantulum3 unit names -> the trace-1 unit vocabulary, with a factor for units that are counts
# in disguise ("a dozen" comes back as 1 dozen).
QUANTULUM_UNITS = {
    "dimensionless": ("count", 1),
    "count": ("count", 1),
    "dozen": ("count", 12),
    "percentage": ("percent", 1),
    "per cent": ("percent", 1),
}


def quantulum_parser():
    """quantulum3's parser, without its classifier (which fails to load with current scikit-learn)
    and without the warning it prints about that."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


def quantulum_parse(parser, text: str) -> list:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return parser.parse(text, classifier_path=None)


def quantity_to_figure(quantity) -> dict:
    unit, factor = _unit(quantity.unit)
    value = quantity.value * factor
    figure = {"text": quantity.surface, "span": list(quantity.span), "unit": unit,
              "value": value, "low": None, "high": None, "bound": "exact",
              "rate_per": None, "period": None, "attribution": []}
    if quantity.uncertainty:
        spread = quantity.uncertainty * factor
        figure.update(value=None, low=value - spread, high=value + spread, bound="range")
    return figure


def _unit(unit) -> tuple[str, float]:
    code = getattr(unit, "currency_code", None)
    if code:
        return code, 1
    return QUANTULUM_UNITS.get(unit.name, (unit.name, 1))


def quantulum_system() -> System:
    parser = quantulum_parser()

    def predict(item: dict) -> list[dict]:
        return [quantity_to_figure(q) for q in quantulum_parse(parser, item["text"])]

    return System("quantulum3", ("figure", "bound", "unit"), predict, metadata.version("quantulum3"))


def available(names=("sourcetrace", "quantulum3")) -> tuple[list[System], dict[str, str]]:
    """The systems that load, and why the others did not (an unfinished extractor is not a crash
    of the bench)."""
    makers = {"sourcetrace": sourcetrace_system, "quantulum3": quantulum_system}
    systems, failures = [], {}
    for name in names:
        try:
            systems.append(makers[name]())
        except Exception as exc:  # noqa: BLE001 - reported, not hidden
            failures[name] = f"{type(exc).__name__}: {exc}"
    return systems, failures
