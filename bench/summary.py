"""The prose part of RESULTS.md, written from the numbers so that it cannot drift from them."""
from __future__ import annotations

from bench.metrics import HEADLINE, LABELS


def summary_paragraphs(scores: dict, throughput: dict) -> list[str]:
    systems = scores["systems"]
    if "sourcetrace" not in systems:
        return [f"sourcetrace did not run: {scores['unavailable'].get('sourcetrace')}. Nothing to compare."]
    paragraphs = [_against_gold(systems["sourcetrace"]["metrics"], scores["gold"])]
    if "quantulum3" in systems:
        paragraphs.insert(0, _against_baseline(systems["sourcetrace"]["metrics"], systems["quantulum3"]["metrics"]))
    paragraphs.append(_speed(throughput))
    paragraphs.append(_caveats(scores["gold"]))
    return [p for p in paragraphs if p]


def _against_baseline(st: dict, q: dict) -> str:
    f, qf = st["figure"], q["figure"]
    return (
        f"Against quantulum3: figure-value F1 {f['f1']:.3f} vs {qf['f1']:.3f} "
        f"(precision {f['precision']:.3f} vs {qf['precision']:.3f}, recall {f['recall']:.3f} vs "
        f"{qf['recall']:.3f}). quantulum3 reports {qf['n_pred'] - qf['tp']} quantities that are not gold "
        f"figures (years, dates, article and law numbers, ordinals, 'a month') to sourcetrace's "
        f"{f['n_pred'] - f['tp']}. On bound, F1 {st['bound']['f1']:.3f} vs {q['bound']['f1']:.3f}; on unit, "
        f"{st['unit']['f1']:.3f} vs {q['unit']['f1']:.3f}. The rest (rates, periods, attribution) has no "
        "quantulum3 equivalent, so on those sourcetrace is measured only against the gold."
    )


def _against_gold(st: dict, gold: dict) -> str:
    f = st["figure"]
    weak = sorted((m for m in HEADLINE if st[m]["f1"] < 0.9), key=lambda m: st[m]["f1"])
    weak_text = ", ".join(f"{LABELS[m]} {st[m]['f1']:.3f}" for m in weak) or "none"
    return (
        f"Against the gold ({gold['figures']} figures): sourcetrace misses {f['n_gold'] - f['tp']} figures and "
        f"adds {f['n_pred'] - f['tp']} that are not there. Headline metrics under 0.9 F1, weakest first: "
        f"{weak_text}. The whole chain (every link, in order, with its role) is exactly right for "
        f"{st['chain']['tp']} of {st['chain']['n_gold']} gold figures; with lenient name matching the link F1 "
        f"goes from {st['attribution']['f1']:.3f} to {st['attribution_lenient']['f1']:.3f}, which is the part "
        "of the attribution error that is only where a name's span begins or ends (titles, descriptors, a "
        "possessive 's). The item-by-item list below says what each error is."
    )


def _speed(t: dict) -> str:
    ratio = t.get("ratio_kb_per_s")
    measured = t["systems"]
    if ratio is None:
        return "Throughput: not both systems ran; no ratio."
    st, q = measured["sourcetrace"], measured["quantulum3"]
    relation = f"{ratio:.2f}x as fast as" if ratio >= 1 else f"{1 / ratio:.2f}x slower than"
    return (
        f"Speed on one core: sourcetrace reads {st['kb_per_s']:.1f} KB/s ({st['docs_per_s']:.1f} documents/s), "
        f"{relation} quantulum3 at {q['kb_per_s']:.1f} KB/s, while doing more per document (sentence parsing, "
        f"source chains, periods, hedges, incidents). Model load: {st['load_seconds']:.1f} s vs "
        f"{q['load_seconds']:.1f} s." + _batch_speed(t)
    )


def _batch_speed(t: dict) -> str:
    batch = t["systems"].get("sourcetrace-batch")
    ratio = t.get("ratio_batch_kb_per_s")
    if batch is None or ratio is None:
        return ""
    return (f" Through `trace_many`, which parses the sentences of many documents in one model call "
            f"(as `sourcetrace trace` does over several inputs), it reads {batch['kb_per_s']:.1f} KB/s "
            f"({batch['docs_per_s']:.1f} documents/s), {ratio:.2f}x quantulum3.")


def _caveats(gold: dict) -> str:
    return (
        f"Read these numbers with care: the gold is small ({gold['items']} short English items), written by "
        "one person alongside the extractor, and its sentences are cleaner than scraped copy (no boilerplate, "
        "no translation noise beyond a few planted cases). An extractor tuned on it will score higher here "
        "than on real reporting. The held-out set below, written blind by a second annotator, is the more "
        "honest estimate, and its first (pre-fix) measurement the most honest of all."
    )
