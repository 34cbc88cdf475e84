"""Score sourcetrace on the whole-article gold sets, figure by figure.

    .venv/bin/python bench/articles/score.py                    # every set: a markdown table
    .venv/bin/python bench/articles/score.py en-dev --errors    # one set, with its errors by article
    .venv/bin/python bench/articles/score.py --json out.json    # also the full result

A predicted figure matches a gold figure when their stated numbers agree within 0.5 % (nearest
first, one to one; see bench/matching.py). Each metric is end to end: precision over predicted
figures, recall over gold figures, so a missed figure also costs its origin, period and chain.

- found: the figure itself (value, or both ends of a range).
- bound, rate, period: the slot agrees (rate and period only where filled, as in bench/metrics.py).
- origin: the deepest link of the chain (the record when one is named, else the origin or the
  party that derived the number, else the outlet) names the same party. Names agree when one's
  words contain the other's, with inflected endings allowed (`names_agree` below).
- chain: every link in order, with its role, names agreeing as for origin.
- anonymous: the chain has an anonymous link; positives are the figures whose chain has one.
- hedge: something hedges the figure; positives are the hedged figures.
Diagnostics: origin split by where the gold says the source was named (in the figure's sentence or
before it), link (name + role), and period split likewise.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):
    sys.path.insert(0, str(HERE.parent.parent))

from bench.articles import check  # noqa: E402
from bench.matching import Count, distance, numbers_match, period_of  # noqa: E402

SETS = ("en-dev", "en-blind", "en-blind2", "ru-dev", "ru-blind", "ru-blind2", "uk-dev", "uk-blind", "uk-blind2")
HEADLINE = ("found", "bound", "rate", "period", "origin", "chain", "anonymous", "hedge")
DIAGNOSTIC = ("origin_in_sentence", "origin_from_context", "period_in_sentence", "period_from_context",
              "link", "relative")
TARGETS = {"found": 0.95, "origin": 0.85, "chain": 0.70, "period": 0.85, "anonymous": 0.80}
LABELS = {
    "found": "figure found", "bound": "bound", "rate": "rate", "period": "period (start and end)",
    "origin": "origin (deepest link)", "chain": "whole chain (names and roles, in order)",
    "anonymous": "anonymous source flagged", "hedge": "hedged",
    "origin_in_sentence": "… origin, source named in the figure's sentence",
    "origin_from_context": "… origin, source named before (inherited)",
    "period_in_sentence": "… period, stated in the figure's sentence",
    "period_from_context": "… period, stated before (inherited)",
    "link": "attribution link (name + role)",
    "relative": "relative figure linked to its base",
}


def load_set(name: str) -> list[dict]:
    return check.load(HERE / f"{name}.jsonl")


# --- names -----------------------------------------------------------------------------------

_QUOTES = "\"'«»“”„‘’`"


def _words(name: str) -> list[str]:
    name = name.lower().replace("ё", "е").replace("\u2019", "'")
    name = re.sub(r"'s\b", "", name)
    words = re.findall(r"[\w.-]+", "".join(" " if ch in _QUOTES else ch for ch in name))
    return [w for w in words if w not in ("the", "a", "an")]


def _word_agrees(a: str, b: str) -> bool:
    """Equal, or the same stem with an inflected ending: 'офиса' ~ 'офис', 'тассу' ~ 'тасс'."""
    if a == b:
        return True
    shared = len(_common_prefix(a, b))
    return shared >= 3 and shared >= max(len(a), len(b)) - 2


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "for", "the", "and", "on"))


def names_agree(gold: dict, pred_name: str) -> bool:
    """One name's words are among the other's (lenient), endings allowed to differ; or one is the
    other's abbreviation ('SBI' for 'State Bureau of Investigation')."""
    pred = _words(pred_name or "")
    for written in (gold["name"], gold.get("lemma")):
        mine = _words(written or "")
        if not mine or not pred:
            continue
        shorter, longer = (mine, pred) if len(mine) <= len(pred) else (pred, mine)
        if all(any(_word_agrees(w, v) for v in longer) for w in shorter):
            return True
        if len(shorter) == 1 and len(shorter[0]) >= 2 and _initials(longer).startswith(shorter[0]):
            return True
    return False


# --- one figure ------------------------------------------------------------------------------

def deepest(chain: list[dict]) -> dict | None:
    return chain[-1] if chain else None


def origin_agrees(gold: dict, pred: dict) -> bool:
    want, got = deepest(gold["attribution"]), deepest(pred.get("attribution") or [])
    if want is None or got is None:
        return want is None and got is None
    return names_agree(want, got.get("name"))


def chain_agrees(gold: dict, pred: dict) -> bool:
    want, got = gold["attribution"], pred.get("attribution") or []
    return len(want) == len(got) and all(
        w["role"] == g.get("role") and names_agree(w, g.get("name")) for w, g in zip(want, got))


def anonymous(figure: dict) -> bool:
    return any(link.get("anonymous") for link in figure.get("attribution") or [])


def hedged(figure: dict) -> bool:
    if "hedged" in figure:
        return bool(figure["hedged"])
    return bool(figure.get("hedges"))


def links_found(gold: dict, pred: dict) -> int:
    free = list(pred.get("attribution") or [])
    found = 0
    for link in gold["attribution"]:
        hit = next((i for i, p in enumerate(free) if p.get("role") == link["role"] and names_agree(link, p.get("name"))), None)
        if hit is not None:
            found += 1
            del free[hit]
    return found


# --- one article -----------------------------------------------------------------------------

def gold_span(text: str, figure: dict) -> tuple[int, int] | None:
    starts = [m.start() for m in re.finditer(re.escape(figure["text"]), text)]
    n = figure.get("occurrence", 1) - 1
    return (starts[n], starts[n] + len(figure["text"])) if 0 <= n < len(starts) else None


def match(article: dict, pred: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one, nearest pairs first, among pairs whose numbers agree."""
    gold = article["figures"]
    spans = [gold_span(article["text"], f) for f in gold]
    pairs = sorted((distance(spans[g], p.get("span")), g, j)
                   for g, gf in enumerate(gold) for j, p in enumerate(pred) if numbers_match(gf, p))
    used_g, used_p, matched = set(), set(), []
    for _, g, j in pairs:
        if g not in used_g and j not in used_p:
            used_g.add(g)
            used_p.add(j)
            matched.append((g, j))
    return sorted(matched)


def new_counts() -> dict[str, Count]:
    return {metric: Count() for metric in HEADLINE + DIAGNOSTIC}


def score_article(article: dict, pred: list[dict], counts: dict[str, Count]) -> list[str]:
    """Add one article's counts; return its errors in words."""
    gold = article["figures"]
    pairs = match(article, pred)
    counts["found"].add(len(pairs), len(pred), len(gold))
    _slot(counts["bound"], gold, pred, pairs, lambda f: f.get("bound"))
    _slot(counts["rate"], gold, pred, pairs, lambda f: f.get("rate_per"))
    _slot(counts["period"], gold, pred, pairs, period_of)
    _agreement(counts["origin"], pairs, len(gold), len(pred), lambda g, p: origin_agrees(gold[g], pred[p]))
    _agreement(counts["chain"], pairs, len(gold), len(pred), lambda g, p: chain_agrees(gold[g], pred[p]))
    _flag(counts["anonymous"], gold, pred, pairs, anonymous)
    _flag(counts["hedge"], gold, pred, pairs, hedged)
    _split(counts, gold, pred, pairs)
    counts["link"].add(sum(links_found(gold[g], pred[p]) for g, p in pairs),
                       sum(len(f.get("attribution") or []) for f in pred), sum(len(f["attribution"]) for f in gold))
    _relative(counts["relative"], gold, pred, pairs)
    return describe(article, pred, pairs)


def _slot(count: Count, gold, pred, pairs, get) -> None:
    tp = sum(1 for g, p in pairs if get(gold[g]) is not None and get(gold[g]) == get(pred[p]))
    count.add(tp, sum(1 for f in pred if get(f) is not None), sum(1 for f in gold if get(f) is not None))


def _agreement(count: Count, pairs, n_gold: int, n_pred: int, agrees) -> None:
    count.add(sum(1 for g, p in pairs if agrees(g, p)), n_pred, n_gold)


def _flag(count: Count, gold, pred, pairs, flag) -> None:
    count.add(sum(1 for g, p in pairs if flag(gold[g]) and flag(pred[p])),
              sum(1 for f in pred if flag(f)), sum(1 for f in gold if flag(f)))


def _split(counts, gold, pred, pairs) -> None:
    """Origin and period recall, split by where the gold says they were stated."""
    matched = dict(pairs)
    for g, figure in enumerate(gold):
        p = matched.get(g)
        where = "in_sentence" if figure.get("chain_from") == "sentence" else "from_context"
        if figure.get("chain_from") != "none":
            counts[f"origin_{where}"].add(int(p is not None and origin_agrees(figure, pred[p])), 0, 1)
        if figure.get("period") is not None:
            where = "in_sentence" if figure.get("period_from") == "sentence" else "from_context"
            ok = p is not None and period_of(figure) == period_of(pred[p])
            counts[f"period_{where}"].add(int(ok), 0, 1)


def _relative(count: Count, gold, pred, pairs) -> None:
    """A gold figure relative to another: the prediction points at the figure matched to that one."""
    by_gold, ids = dict(pairs), [f.get("id") for f in pred]
    for g, figure in enumerate(gold):
        base = figure.get("relative_to")
        if base is None:
            continue
        p, q = by_gold.get(g), by_gold.get(base)
        ok = p is not None and q is not None and pred[p].get("relative_to") == ids[q]
        count.add(int(ok), 0, 1)


def describe(article: dict, pred: list[dict], pairs) -> list[str]:
    gold = article["figures"]
    errors = []
    hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
    errors += [f"missed {gold[g]['text']!r}" for g in range(len(gold)) if g not in hit_g]
    errors += [f"spurious {pred[p].get('text')!r}" for p in range(len(pred)) if p not in hit_p]
    for g, p in pairs:
        want, got = gold[g], pred[p]
        label = repr(want["text"])
        if period_of(want) != period_of(got):
            errors.append(f"{label} period: gold {period_of(want)}, got {period_of(got)}")
        if not chain_agrees(want, got):
            errors.append(f"{label} chain: gold {_chain(want['attribution'])}, got {_chain(got.get('attribution'))}")
        if hedged(want) != hedged(got):
            errors.append(f"{label} hedged: gold {hedged(want)}, got {hedged(got)}")
        if want.get("relative_to") is not None:
            base = gold[want["relative_to"]]["text"]
            found = next((f.get("text") for f in pred if f.get("id") == got.get("relative_to")), None)
            if found is None or not numbers_match(gold[want["relative_to"]], next(f for f in pred if f.get("id") == got.get("relative_to"))):
                errors.append(f"{label} relative to: gold {base!r}, got {found!r}")
    return errors


def _chain(links) -> str:
    return "[" + " <- ".join(f"{l.get('name')}/{l.get('role')}{'/anon' if l.get('anonymous') else ''}"
                             for l in links or []) + "]"


# --- running it ------------------------------------------------------------------------------

def predict_all(articles: list[dict]) -> list[list[dict] | str]:
    """sourcetrace's figures for each article, or the error that stopped it."""
    from sourcetrace import Document, trace_many

    documents = [Document(text=a["text"], id=a["id"], published=a["published"], outlet=a["outlet"],
                          language=a["language"], title=a["title"]) for a in articles]
    out = []
    for result in trace_many(documents):
        out.append(f"{type(result).__name__}: {result}" if isinstance(result, Exception)
                   else result.to_dict()["figures"])
    return out


def evaluate(articles: list[dict]) -> dict:
    problems = check.problems(articles)
    if problems:
        raise ValueError("the gold set breaks its conventions:\n" + "\n".join(problems))
    counts, errors, crashes = new_counts(), {}, {}
    for article, pred in zip(articles, predict_all(articles)):
        if isinstance(pred, str):
            crashes[article["id"]], pred = pred, []
        found = score_article(article, pred, counts)
        if found:
            errors[article["id"]] = found
    return {"articles": len(articles), "figures": sum(len(a["figures"]) for a in articles),
            "metrics": {m: c.scores() for m, c in counts.items()}, "errors": errors, "crashes": crashes}


def table(results: dict[str, dict]) -> str:
    names = list(results)
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for metric in HEADLINE + DIAGNOSTIC:
        bold = f"**{LABELS[metric]}**" if metric in HEADLINE else LABELS[metric]
        cells = []
        for name in names:
            s = results[name]["metrics"][metric]
            cells.append(f"{s['f1']:.3f}" if metric in HEADLINE or metric == "link" else f"{s['recall']:.3f}")
        lines.append(f"| {bold} | " + " | ".join(cells) + " |")
    lines.append("| articles / gold figures | " + " | ".join(
        f"{results[n]['articles']} / {results[n]['figures']}" for n in names) + " |")
    return "\n".join(lines)


SECTION = "Whole articles, figure by figure"


def section(results: dict[str, dict], measured: str) -> str:
    """The results section: every set's scores, and how far each is from the targets."""
    names = list(results)
    gap = ["| target | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for metric, target in TARGETS.items():
        cells = [f"{results[n]['metrics'][metric]['f1'] - target:+.2f}" for n in names]
        gap.append(f"| {LABELS[metric]} ≥ {target:.2f} | " + " | ".join(cells) + " |")
    return "\n".join([
        measured,
        "",
        "`bench/articles/score.py --results`: sourcetrace on the whole-article gold sets of "
        "`bench/articles/` (CONVENTIONS.md), figure by figure. `dev` sets are read while developing; "
        "`blind` sets were written by annotators who never saw the code, and the first score of each "
        "is the honest one — those first scores, and every measurement in order, are in "
        "`bench/articles/HISTORY.md`. Headline metrics are F1, diagnostics (…) recall.",
        "",
        table(results),
        "",
        "How far each set is from the targets of the issues (score minus target; negative is short):",
        "",
        "\n".join(gap),
    ])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", default=list(SETS), help="gold sets to score (default: all)")
    parser.add_argument("--errors", action="store_true", help="print every error, article by article")
    parser.add_argument("--json", type=Path, help="write the full result here")
    parser.add_argument("--results", action="store_true",
                        help="write the whole-article section of the results (bench/out/RESULTS.md)")
    parser.add_argument("--update", action="store_true", help="with --results: into the tracked bench/RESULTS.md")
    args = parser.parse_args(argv)
    results = {name: evaluate(load_set(name)) for name in args.sets}
    print(table(results))
    if args.results:
        from bench import results_file

        written = results_file.write({SECTION: section(results, results_file.measured_on())}, args.update)
        print(f"\nwrote the section '{SECTION}' of {written}")
    print("\nHeadline metrics are F1; diagnostics (…) are recall over the gold figures they concern.")
    for name, result in results.items():
        if result["crashes"]:
            print(f"\n{name}: {len(result['crashes'])} articles not traced, e.g. {next(iter(result['crashes'].values()))}")
        if args.errors:
            for article, errors in result["errors"].items():
                print(f"\n### {name} {article}")
                print("\n".join(f"- {e}" for e in errors))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
