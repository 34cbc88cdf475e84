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
             f"{counts['observations']} observations ({counts['echoes']} echoes collapsed) and {counts['related']} of "
             f"related indicators, from {counts['documents']} documents; {counts['named']} from named origins, "
             f"{counts['unnamed']} from unnamed ones", "",
             "low–high: what the named records allow; all reports: with unnamed sources too, never moving the first",
             f"{'month':8}  {'estimate':>10}  {'low':>10}  {'high':>10}  {'all reports':>21}  reports"]
    lines += [_month_line(m) for m in result["months"]]
    lines += ["", "Observations (originals; echoes under them; grade = reliability A–F, credibility 1–6)"]
    for o in result["observations"]:
        lines += _observation_lines(o)
    if result["related_observations"]:
        related = sorted({o["indicator"] for o in result["related_observations"]})
        lines += ["", f"Also used: {len(result['related_observations'])} observations of {', '.join(related)}, "
                      "which constrain this series through their sum (see --format json)"]
    lines += _dispute_lines(result["disputes"]) + _contradiction_lines(result["contradictions"])
    generator = result["generator"]
    lines += ["", f"sourcetrace {generator['version']}, registry {generator['registry']}; the estimator's "
                  "settings are in --format json (generator.estimator)"]
    return "\n".join(lines) + "\n"


def _month_line(m: dict) -> str:
    every = m["all_reports"]
    shown = "no data" if every["no_data"] else f"{every['low']:,.0f}–{_high(every['high'])}"
    note = f"  disputed ({', '.join(m['disputes'])})" if m["disputes"] else ""
    if m["no_data"]:
        return f"{m['month']:8}  {'no data':>10}  {'':>10}  {'':>10}  {shown:>21}  {len(m['observations'])}{note}"
    return (f"{m['month']:8}  {m['estimate'] or 0:>10,.0f}  {m['low']:>10,.0f}  {_high(m['high']):>10}  "
            f"{shown:>21}  {len(m['observations'])}{note}")


def _observation_lines(o: dict) -> list[str]:
    grade = o["grade"] or {}
    flag = ("  CONTRADICTED" if o["contradicted"] else f"  dispute {o['dispute']}" if o["dispute"]
            else "  superseded" if o["superseded_by"] else "")
    flag += "" if o["origin_named"] else "  unnamed origin"
    lines = [f"  {o['published'] or '????-??-??'}  {o['outlet'] or '?':16.16}  {o['text']!r:24}  "
             f"{o['indicator']:26}  {grade.get('reliability', '?')}{grade.get('credibility', '?')}{flag}",
             f"      {chain_text(o['chain'], empty='no source', limit=None)}",
             f"      {grade.get('reliability_reason', '')}; {grade.get('credibility_reason', '')}"]
    return lines + [f"      echo: {e['published']} {e['outlet'] or '?'} {e['text']!r} — {', '.join(e['changes'])}"
                    for e in o["echoes"]]


def _dispute_lines(disputes: list[dict]) -> list[str]:
    if not disputes:
        return []
    lines = ["", "Disputes (neither side outweighs the other: the band covers every side)"]
    for d in disputes:
        where = "named records" if d["named"] else "unnamed sources"
        months = d["months"][0] if len(d["months"]) == 1 else f"{d['months'][0]} to {d['months'][-1]}"
        sides = " | ".join(f"{s['low']:,.0f}–{_high(s['high'])} ({', '.join(s['reports'][:3])}"
                           f"{' …' if len(s['reports']) > 3 else ''})" for s in d["sides"][:6])
        more = f" | … {len(d['sides']) - 6} more sides" if len(d["sides"]) > 6 else ""
        lines.append(f"  {d['id']} ({where}, {months}): {sides}{more}")
    return lines


def _contradiction_lines(contradictions: list[dict]) -> list[str]:
    outweighed = [c for c in contradictions if c["outweighed"]]
    if not outweighed:
        return []
    lines = ["", "Contradictions (outweighed by what they conflict with)"]
    return lines + [f"  {c['obs_id']}: {c['side']} what the others allow by {c['off_by']:,.0f}; "
                    f"conflicts with {', '.join(c['conflicts_with']) or 'the series'}" for c in outweighed]


def _high(value: float | None) -> str:
    return "∞" if value is None else f"{value:,.0f}"


class CheckText(Renderer):
    def write(self, result: dict) -> None:
        super().write(result)
        self.stream.write("\n".join(check_lines(result)) + "\n")


def check_lines(result: dict) -> list[str]:
    lines = [f"claim: {result['claim']}", f"verdict: {verdict_words(result['verdict'], result['fits_as'])}"]
    lines += [f"  note: {note}" for note in result["notes"]]
    if not result["figures"] and not result["not_checked"]:
        lines.append("  the claim states no figure, so there is nothing to compare")
    for f in result["figures"]:
        lines.append(f"  {f['text']!r}: {verdict_words(f['verdict'], f['fits_as'])}")
        lines += [f"    {line}" for line in f["explanation"].splitlines()]
    lines += [f"  {n['text']!r}: not checked — {n['reason']}" for n in result["not_checked"]]
    return lines


def verdict_words(verdict: str, fits_as: str | None) -> str:
    """'FITS ONLY AS mil.awol_desertion_cases', 'WITHIN' ..."""
    return f"FITS ONLY AS {fits_as}" if verdict == "fits_only_as" else verdict.upper()
