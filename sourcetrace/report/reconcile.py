"""The barometer and a claim check, as text for the terminal (their JSON is the result as it is)."""
from __future__ import annotations

from ..model.chains import chain_text
from .common import Renderer


class BarometerTable(Renderer):
    def write(self, result: dict) -> None:
        super().write(result)
        self.stream.write(barometer_table(result))


def barometer_table(result: dict) -> str:
    counts = result["counts"]
    label = result["indicator"]["label"] or result["indicator"]["id"]
    lines = [f"{label}" + (f" — {result['scope']}" if result["scope"] else ""),
             f"{counts['observations']} observations ({counts['echoes']} echoes collapsed) "
             f"and {counts['related']} of related indicators, from {counts['documents']} documents", "",
             f"{'month':8}  {'estimate':>10}  {'low':>10}  {'high':>10}  reports"]
    lines += [_month_line(m) for m in result["months"]]
    lines += ["", "Observations (originals; echoes under them; grade = reliability A–F, credibility 1–6)"]
    for o in result["observations"]:
        lines += _observation_lines(o)
    if result["related_observations"]:
        related = sorted({o["indicator"] for o in result["related_observations"]})
        lines += ["", f"Also used: {len(result['related_observations'])} observations of {', '.join(related)}, "
                      "which constrain this series through their sum (see --format json)"]
    if result["contradictions"]:
        lines += ["", "Contradictions"]
        lines += [f"  {c['obs_id']}: {c['side']} what the others allow by {c['off_by']:,.0f}; "
                  f"conflicts with {', '.join(c['conflicts_with']) or 'the series'}" for c in result["contradictions"]]
    return "\n".join(lines) + "\n"


def _month_line(m: dict) -> str:
    if m["no_data"]:
        return f"{m['month']:8}  {'no data':>10}"
    high = "∞" if m["high"] is None else f"{m['high']:,.0f}"
    return f"{m['month']:8}  {m['estimate'] or 0:>10,.0f}  {m['low']:>10,.0f}  {high:>10}  {len(m['observations'])}"


def _observation_lines(o: dict) -> list[str]:
    grade = o["grade"] or {}
    flag = "  CONTRADICTED" if o["contradicted"] else ("  superseded" if o["superseded_by"] else "")
    lines = [f"  {o['published'] or '????-??-??'}  {o['outlet'] or '?':16.16}  {o['text']!r:24}  "
             f"{o['indicator']:26}  {grade.get('reliability', '?')}{grade.get('credibility', '?')}{flag}",
             f"      {chain_text(o['chain'], empty='no source', limit=None)}",
             f"      {grade.get('reliability_reason', '')}; {grade.get('credibility_reason', '')}"]
    return lines + [f"      echo: {e['published']} {e['outlet'] or '?'} {e['text']!r} — {', '.join(e['changes'])}"
                    for e in o["echoes"]]


class CheckText(Renderer):
    def write(self, result: dict) -> None:
        super().write(result)
        self.stream.write("\n".join(check_lines(result)) + "\n")


def check_lines(result: dict) -> list[str]:
    lines = [f"claim: {result['claim']}", f"verdict: {result['verdict'].upper()}"]
    if not result["figures"] and not result["not_checked"]:
        lines.append("  the claim states no figure, so there is nothing to compare")
    lines += [f"  {f['text']!r}: {f['verdict']} — {f['explanation']}" for f in result["figures"]]
    lines += [f"  {n['text']!r}: not checked — {n['reason']}" for n in result["not_checked"]]
    return lines
