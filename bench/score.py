"""Score sourcetrace and the quantulum3 baseline on the gold set.

    .venv/bin/python bench/score.py                 # markdown table on stdout
    .venv/bin/python bench/score.py --json out.json # also the full result (with per-item errors)
    .venv/bin/python bench/score.py --errors        # also every sourcetrace error, item by item

Figures are matched one-to-one by their stated numbers (within 0.5 %), nearest first; see
matching.py. Slots and attribution links are then compared within matched pairs; see metrics.py.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable from the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import gold  # noqa: E402
from bench.metrics import DIAGNOSTIC, HEADLINE, LABELS, describe_errors, new_counts, score_item  # noqa: E402
from bench.systems import System, available  # noqa: E402

SYSTEMS = ("sourcetrace", "quantulum3")


def evaluate(system: System, items: list[dict]) -> dict:
    """Run one system over the gold items and count; a crash on one item scores it as empty."""
    counts = new_counts(system.metrics)
    failures, crashes = {}, {}
    started = time.perf_counter()
    for item in items:
        try:
            pred = system.predict(item)
        except Exception as exc:  # noqa: BLE001 - one bad item must not hide the others' scores
            pred, crashes[item["id"]] = [], f"{type(exc).__name__}: {exc}"
        matched = score_item(item["text"], item["figures"], pred, counts)
        errors = describe_errors(item["figures"], pred, matched, system.metrics)
        if errors:
            failures[item["id"]] = errors
    return {
        "version": system.version,
        "metrics": {metric: count.scores() for metric, count in counts.items()},
        "failures": failures,
        "crashes": crashes,
        "seconds": round(time.perf_counter() - started, 3),
    }


def score(systems=SYSTEMS, path: Path = gold.GOLD) -> dict:
    items = gold.load(path)
    problems = gold.problems(items)
    if problems:
        raise ValueError("the gold set breaks its conventions:\n" + "\n".join(problems))
    loaded, unavailable = available(systems)
    return {
        "gold": describe_gold(items, path),
        "systems": {system.name: evaluate(system, items) for system in loaded},
        "unavailable": unavailable,
    }


def describe_gold(items: list[dict], path: Path) -> dict:
    figures = [f for item in items for f in item["figures"]]
    return {
        "path": _shown(path),
        "sha256_12": gold.fingerprint(path),
        "items": len(items),
        "items_without_figures": sum(1 for item in items if not item["figures"]),
        "figures": len(figures),
        "links": sum(len(f["attribution"]) for f in figures),
    }


def _shown(path: Path) -> str:
    """The gold path relative to the repository when it is inside it (results stay machine-free)."""
    try:
        return str(path.resolve().relative_to(Path(__file__).resolve().parent.parent))
    except ValueError:
        return str(path)


# --- output ----------------------------------------------------------------------------------

def markdown_table(result: dict) -> str:
    names = list(result["systems"])
    head = "| metric | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |"
    rule = "|---|" + "---:|---:|---:|" * len(names)
    rows = [head, rule]
    for metric in HEADLINE + DIAGNOSTIC:
        cells = [_cells(result["systems"][n]["metrics"].get(metric)) for n in names]
        label = f"**{LABELS[metric]}**" if metric in HEADLINE else LABELS[metric]
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _cells(scores: dict | None) -> str:
    if scores is None:
        return "N/A | N/A | N/A"
    return f"{scores['precision']:.3f} | {scores['recall']:.3f} | {scores['f1']:.3f}"


def metrics_only(result: dict) -> dict:
    """The compact JSON dict: metric -> system -> scores (None where the system has no notion)."""
    out = {}
    for metric in HEADLINE + DIAGNOSTIC:
        out[metric] = {name: r["metrics"].get(metric) for name, r in result["systems"].items()}
    return out


def compact_json(data: dict) -> str:
    """One metric per line: readable in a terminal, still a JSON document."""
    lines = [f" {json.dumps(key)}: {json.dumps(value)}" for key, value in data.items()]
    return "{\n" + ",\n".join(lines) + "\n}"


def failure_lines(result: dict, system: str = "sourcetrace") -> list[str]:
    evaluated = result["systems"].get(system)
    if evaluated is None:
        return [f"{system} did not load: {result['unavailable'].get(system)}"]
    lines = [f"- `{item}` crashed: {msg}" for item, msg in evaluated["crashes"].items()]
    for item, errors in evaluated["failures"].items():
        lines.append(f"- `{item}`: " + "; ".join(errors))
    return lines


def main(argv=None) -> int:
    args = _arguments(argv)
    result = score(args.systems)
    print(markdown_table(result))
    for name, why in result["unavailable"].items():
        print(f"\n{name} unavailable: {why}")
    print("\n" + compact_json(metrics_only(result)))
    if args.errors:
        print("\n" + "\n".join(failure_lines(result)))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def _arguments(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="write the full result (with per-item errors) to this file")
    ap.add_argument("--errors", action="store_true", help="print sourcetrace's errors item by item")
    ap.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=SYSTEMS)
    return ap.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
