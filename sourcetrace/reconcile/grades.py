"""Grades in the intelligence 'Admiralty' convention, each with its reason in words.

Source reliability A–F: A completely reliable … E unreliable, F cannot be judged. A chain is only
as reliable as its weakest link, and an anonymous or vague origin is F unless a named relay
vouches for it (then the relay's grade, one step lower). Information credibility 1–6:
1 confirmed by an independent origin, 2 probably true (an official register, consistent),
3 possibly true (consistent, uncorroborated), 4 doubtful (fits only at the edge of the series),
5 improbable (contradicted), 6 cannot be judged (nothing to check it against).
"""
from __future__ import annotations

from ..model.observation import Grade, Observation

_BY_KIND = {
    "government_body": ("B", "an official body"),
    "law_enforcement": ("B", "a law-enforcement body that keeps the register"),
    "court": ("B", "a court record"),
    "military": ("C", "a military command, a party to the fighting"),
    "news_agency": ("C", "a news agency"),
    "outlet": ("C", "a news outlet"),
    "ngo": ("B", "a monitoring organisation"),
    "research": ("B", "a research body"),
}
_ORDER = "ABCDEF"


def link_reliability(link: dict, registry) -> tuple[str, str]:
    """(grade, why) of one link of a chain."""
    if link.get("anonymous"):
        return "F", f"{link['name']!r} is anonymous"
    if link.get("vague"):
        return "F", f"{link['name']!r} is too vague to check"
    entry = _entry(link, registry)
    if entry is None:
        return "F", f"{link['name']!r} is not in the registry, so its record cannot be judged"
    grade, what = _BY_KIND.get(entry.get("kind"), ("C", entry.get("kind") or "a known source"))
    if entry.get("state_affiliated") and entry.get("party_to") and entry.get("kind") in ("news_agency", "outlet"):
        grade, what = _lower(grade), f"{what} owned by a party to the conflict"
    return grade, f"{link['name']!r} is {what}"


def reliability(obs: Observation, registry) -> tuple[str, str]:
    """The weakest link decides; a named relay can vouch for an anonymous origin, one grade down."""
    graded = [(link, *link_reliability(link, registry)) for link in obs.chain if link["role"] != "record"]
    if not graded:
        return "F", "no source is named"
    named = [g for g in graded if g[1] != "F"]
    unnamed = [g for g in graded if g[1] == "F"]
    if unnamed and named:
        weakest_named = max(named, key=lambda g: _ORDER.index(g[1]))
        grade = _lower(weakest_named[1])
        return grade, (f"{unnamed[0][2]}; {weakest_named[0]['name']!r} ({weakest_named[1]}) vouches for it, "
                       f"so no better than {grade}")
    worst = max(graded, key=lambda g: _ORDER.index(g[1]))
    return worst[1], worst[2] + (" (the weakest link of the chain)" if len(graded) > 1 else "")


def credibility(obs: Observation, corroborated_by: list[str], contradicted: bool, fits_edge: bool,
                checkable: bool) -> tuple[int, str]:
    if contradicted:
        return 5, "no monthly series that the other reports allow can produce it"
    if corroborated_by:
        return 1, f"an independent origin agrees ({', '.join(corroborated_by[:3])})"
    if not checkable:
        return 6, "nothing else covers its months, so it cannot be checked"
    if fits_edge:
        return 4, "it fits the series only at the edge of what the other reports allow"
    if any(link["role"] == "record" for link in obs.chain):
        return 2, "consistent with the series and based on a named register, not yet corroborated"
    return 3, "consistent with the series, but no independent origin confirms it"


def grade(obs: Observation, registry, **facts) -> Grade:
    r, r_why = reliability(obs, registry)
    c, c_why = credibility(obs, **facts)
    return Grade(reliability=r, credibility=c, reliability_reason=r_why, credibility_reason=c_why)


def _entry(link: dict, registry) -> dict | None:
    """The registry entry of a link's source, or None for a name the registry does not know."""
    return registry.sources.get(link.get("source_id") or "") or registry.resolve_source(link["name"]).entry


def _lower(grade: str) -> str:
    return _ORDER[min(_ORDER.index(grade) + 1, 4)]  # never below E by demotion: F means "cannot judge"
