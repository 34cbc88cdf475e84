"""Check a whole-article gold file against bench/articles/CONVENTIONS.md (the mechanical part).

    python bench/articles/check.py bench/articles/en-dev.jsonl [more files]

Prints one line per problem and exits 1 when there is any; needs nothing but Python. The scorer
(``bench/articles/score.py``) runs the same check before it scores a set.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

LANGUAGES = {"en", "ru", "uk"}
ROLES = {"outlet", "relay", "origin", "derived", "record"}
RATES = {None, "day", "week", "month", "year"}
BOUNDS = {"exact", "approximate", "lower", "upper", "range"}
BASES = {None, "stated", "as_of", "published"}
FROM = {"sentence", "context", "none"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ID = re.compile(r"^(en|ru|uk)-[a-z]+-\d{2}-[a-z0-9-]+$")
WORDS = (250, 900)
ARTICLE_KEYS = {"id", "language", "genre", "topic", "published", "outlet", "title", "text", "annotator",
                "figures", "note"}
FIGURE_KEYS = {"text", "occurrence", "value", "low", "high", "bound", "unit", "rate_per", "period",
               "end_basis", "counted", "attribution", "chain_from", "period_from", "hedged", "hedges",
               "relative_to", "implied", "restates", "note"}
LINK_KEYS = {"name", "role", "anonymous", "vague", "lemma", "for"}


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def problems(articles: list[dict]) -> list[str]:
    """Everything that breaks a convention; an empty list means the set is usable."""
    found = []
    ids = [a.get("id") for a in articles]
    found += [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for article in articles:
        found += [f"{article.get('id')}: {p}" for p in article_problems(article)]
    return found


def article_problems(a: dict) -> list[str]:
    found = [f"unknown key {k!r}" for k in sorted(set(a) - ARTICLE_KEYS)]
    for key in ("id", "language", "genre", "topic", "published", "outlet", "title", "text", "figures"):
        if not a.get(key) and key != "figures":
            found.append(f"missing {key}")
    if found:
        return found
    if not ID.match(a["id"]):
        found.append("id is not <language>-<annotator>-<nn>-<slug>")
    if a["language"] not in LANGUAGES or not a["id"].startswith(a["language"] + "-"):
        found.append(f"language {a['language']!r} (and the id must start with it)")
    if not ISO_DATE.match(a["published"]):
        found.append("published is not YYYY-MM-DD")
    text = a["text"]
    if text.split("\n", 1)[0] != a["title"]:
        found.append("title is not the first line of text")
    words = len(re.findall(r"\w+", text))
    if not WORDS[0] <= words <= WORDS[1]:
        found.append(f"{words} words, not {WORDS[0]}-{WORDS[1]}")
    figures = a["figures"]
    for index, figure in enumerate(figures):
        label = f"figure {index} {figure.get('text')!r}"
        found += [f"{label}: {p}" for p in figure_problems(a, figure, len(figures))]
    return found


def figure_problems(a: dict, f: dict, n_figures: int) -> list[str]:
    found = [f"unknown key {k!r}" for k in sorted(set(f) - FIGURE_KEYS)]
    text = a["text"]
    count = text.count(f.get("text") or "\0")
    occurrence = f.get("occurrence", 1)
    if not f.get("text") or count == 0:
        found.append("text not found in the article")
    elif not isinstance(occurrence, int) or not 1 <= occurrence <= count:
        found.append(f"occurrence {occurrence!r}, but the text occurs {count} time(s)")
    elif count > 1 and "occurrence" not in f:
        found.append(f"the text occurs {count} times: say which with 'occurrence'")
    found += bound_problems(f)
    if f.get("rate_per") not in RATES:
        found.append(f"rate_per {f.get('rate_per')!r}")
    if not f.get("unit"):
        found.append("no unit")
    found += period_problems(f)
    found += chain_problems(a, f)
    if f.get("chain_from") not in FROM or f.get("period_from") not in FROM:
        found.append("chain_from and period_from must each be sentence, context or none")
    elif (f.get("period") is None) != (f.get("period_from") == "none"):
        found.append("period_from is 'none' exactly when period is null")
    if not isinstance(f.get("hedged"), bool):
        found.append("hedged must be true or false")
    elif f["hedged"] != bool(f.get("hedges")):
        found.append("hedged is true exactly when hedges lists a cue")
    for cue in f.get("hedges") or []:
        if cue not in text:
            found.append(f"hedge cue {cue!r} not in the article")
    for key in ("relative_to", "restates"):
        other = f.get(key)
        if other is not None and not (isinstance(other, int) and 0 <= other < n_figures):
            found.append(f"{key} {other!r} is not the index of a figure of this article")
    return found


def bound_problems(f: dict) -> list[str]:
    value, low, high, bound = f.get("value"), f.get("low"), f.get("high"), f.get("bound")
    expected = {
        "exact": value is not None and low is None and high is None,
        "approximate": value is not None and low is None and high is None,
        "lower": value is not None and low == value and high is None,
        "upper": value is not None and high == value and low is None,
        "range": value is None and low is not None and high is not None and low < high,
    }
    if bound not in BOUNDS:
        return [f"bound {bound!r}"]
    return [] if expected[bound] else [f"value/low/high do not fit bound {bound}"]


def period_problems(f: dict) -> list[str]:
    period = f.get("period")
    if period is None:
        return [] if f.get("end_basis") is None else ["end_basis without a period"]
    start, end = period.get("start"), period.get("end")
    for day in (start, end):
        if day is not None and not ISO_DATE.match(day):
            return [f"period date {day!r}"]
    if start and end and date.fromisoformat(start) > date.fromisoformat(end):
        return ["period starts after it ends"]
    if f.get("end_basis") not in BASES or f.get("end_basis") is None:
        return ["a period needs end_basis: stated, as_of or published"]
    return []


def chain_problems(a: dict, f: dict) -> list[str]:
    found = []
    chain = f.get("attribution")
    if not isinstance(chain, list) or not chain:
        return ["attribution must list at least one link (the outlet, when nobody gives the figure)"]
    for link in chain:
        found += [f"link {link.get('name')!r}: unknown key {k!r}" for k in sorted(set(link) - LINK_KEYS)]
        if link.get("role") not in ROLES:
            found.append(f"role {link.get('role')!r}")
        if link.get("name") not in a["text"] and link.get("name") != a["outlet"]:
            found.append(f"source {link.get('name')!r} is neither in the text nor the outlet")
    if any(link.get("role") == "outlet" for link in chain) and len(chain) > 1:
        found.append("an outlet link stands alone: the outlet's own voice has no other link")
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip())
        return 2
    bad = 0
    for name in argv:
        articles = load(Path(name))
        found = problems(articles)
        for line in found:
            print(f"{name}: {line}")
        n_fig = sum(len(a.get("figures") or []) for a in articles)
        print(f"{name}: {len(articles)} articles, {n_fig} figures, {len(found)} problems")
        bad += len(found)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
