"""Grades in the intelligence 'Admiralty' convention, each with its reason in words.

Source reliability A–F: A completely reliable … E unreliable, F cannot be judged. A chain is only
as reliable as its weakest link, and an anonymous or vague origin is F unless a named relay
vouches for it (then the relay's grade, one step lower). A person speaking for a body ("Defence
Ministry spokesman X") is graded as that body. A state's body speaking about another country's
forces holds no record of them: it is graded D at best. Information credibility 1–6:
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


# Bodies of a state that keep records of that state's own forces and cases.
_STATE_RECORD_KINDS = ("government_body", "law_enforcement", "court", "military")
_FOREIGN_CAP = "D"


def link_reliability(link: dict, registry, about: str | None = None) -> tuple[str, str]:
    """(grade, why) of one link of a chain; ``about`` is the country the figure counts."""
    if link.get("anonymous"):
        return "F", f"{link['name']!r} is anonymous"
    if link.get("vague"):
        return "F", f"{link['name']!r} is too vague to check"
    body = (link.get("speaks_for") or {}).get("name")
    # "'X' is an official body" or, for a person speaking for one, "'X' speaks for 'Y', an official body".
    who = f"{link['name']!r} speaks for {body!r}," if body else f"{link['name']!r} is"
    entry = registry.sources.get(link.get("speaks_for_id") or "") if body else _entry(link, registry)
    if entry is None:
        return "F", (f"{who} a body the registry does not know, so its record cannot be judged" if body
                     else f"{who} not in the registry, so its record cannot be judged")
    grade, what = _BY_KIND.get(entry.get("kind"), ("C", entry.get("kind") or "a known source"))
    if entry.get("state_affiliated") and entry.get("party_to") and entry.get("kind") in ("news_agency", "outlet"):
        grade, what = _lower(grade), f"{what} owned by a party to the conflict"
    if _speaks_of_another_country(entry, about) and _ORDER.index(grade) < _ORDER.index(_FOREIGN_CAP):
        grade, what = _FOREIGN_CAP, (f"{what} of {_country(entry['country'])} speaking about "
                                     f"{_country(about)}, of which it keeps no record")
    return grade, f"{who} {what}"


def _speaks_of_another_country(entry: dict, about: str | None) -> bool:
    return (about is not None and entry.get("country") not in (None, about)
            and entry.get("kind") in _STATE_RECORD_KINDS)


def _country(code: str) -> str:
    """'xv' → 'Valdoria': the first of the registry's words for the country."""
    from ..registry.names import rules

    words = rules().qualifiers.get(code, {}).get("before") or [code]
    return words[0].title()


def reliability(obs: Observation, registry) -> tuple[str, str]:
    """The weakest link decides; a named relay can vouch for an anonymous origin, one grade down."""
    graded = [(link, *link_reliability(link, registry, obs.country)) for link in obs.chain if link["role"] != "record"]
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
                checkable: bool, disputed: str | None = None) -> tuple[int, str]:
    if contradicted:
        return 5, "the reports it conflicts with outweigh it: no series they allow can produce it"
    if disputed:
        return 6, f"other reports of its months disagree with it and neither side outweighs the other ({disputed})"
    if corroborated_by:
        return 1, f"an independent origin agrees ({', '.join(corroborated_by[:3])})"
    if not checkable:
        return 6, "nothing else covers its months, so it cannot be checked"
    if fits_edge:
        return 4, "it fits the series only at the edge of what the other reports allow"
    if any(link["role"] == "record" for link in obs.chain):
        return 2, "consistent with the series and based on a named register, not yet corroborated"
    return 3, "consistent with the series, but no independent origin confirms it"


def grade_reliability(observations: list[Observation], registry) -> None:
    """Each observation's ``grade``, reliability filled and credibility not yet checked (6). Chains
    repeat across thousands of reports, so each distinct chain is graded once."""
    graded: dict[tuple, tuple[str, str]] = {}
    for obs in observations:
        key = (obs.country, tuple(_link_key(link) for link in obs.chain))
        if key not in graded:
            graded[key] = reliability(obs, registry)
        grade, why = graded[key]
        obs.grade = Grade(grade, 6, why, "not yet checked")


def _link_key(link: dict) -> tuple:
    return (link["name"], link["role"], bool(link.get("anonymous")), bool(link.get("vague")), link.get("source_id"),
            link.get("speaks_for_id"), (link.get("speaks_for") or {}).get("name"))


def grade_credibility(observations: list[Observation], constraints, result) -> None:
    """Credibility once the series is known: contradicted, disputed, corroborated by another origin
    in the same row, checkable against anything else in its months, or not."""
    outweighed = {c.obs_id for c in result.contradictions if c.outweighed}
    disputed = {report: d.id for d in result.disputes for side in d.sides for report in side.reports}
    by_id = {c.obs_id: c for c in constraints}
    rows = _Rows(constraints, set(result.standing))
    for obs in observations:
        mine = by_id.get(obs.id)
        c, why = credibility(obs, corroborated_by=rows.agreeing(mine, obs.origin) if mine else [],
                             contradicted=obs.id in outweighed, fits_edge=False,
                             checkable=mine is not None and rows.shares_a_month(mine), disputed=disputed.get(obs.id))
        obs.grade.credibility, obs.grade.credibility_reason = c, why


class _Rows:
    """Standing constraints by row (indicator and month weights), and how many constraints weigh each month."""

    def __init__(self, constraints, standing: set[str]):
        self._keys: dict[int, tuple] = {}
        self._standing: dict[tuple, list] = {}
        self._per_month: dict[str, int] = {}
        for c in constraints:
            if c.obs_id in standing:
                self._standing.setdefault(self._key(c), []).append(c)
            for month in c.months:
                self._per_month[month] = self._per_month.get(month, 0) + 1

    def agreeing(self, mine, origin: str | None) -> list[str]:
        """Other origins whose standing reports of the same row overlap this one."""
        found = {other.origin or other.obs_id for other in self._standing.get(self._key(mine), ())
                 if other.obs_id != mine.obs_id and other.origin != origin and _overlap(mine, other)}
        return sorted(found)

    def shares_a_month(self, mine) -> bool:
        return any(self._per_month[month] > 1 for month in mine.months)

    def _key(self, c) -> tuple:
        if id(c.months) not in self._keys:
            self._keys[id(c.months)] = tuple(sorted(c.months.items()))  # a rate and a total differ in units
        return c.indicator, self._keys[id(c.months)]


def _overlap(a, b) -> bool:
    a_high = float("inf") if a.high is None else a.high
    b_high = float("inf") if b.high is None else b.high
    return a.low <= b_high and b.low <= a_high


def grade(obs: Observation, registry, **facts) -> Grade:
    r, r_why = reliability(obs, registry)
    c, c_why = credibility(obs, **facts)
    return Grade(reliability=r, credibility=c, reliability_reason=r_why, credibility_reason=c_why)


def _entry(link: dict, registry) -> dict | None:
    """The registry entry of a link's source, or None for a name the registry does not know."""
    return registry.sources.get(link.get("source_id") or "") or registry.resolve_source(link["name"]).entry


def _lower(grade: str) -> str:
    return _ORDER[min(_ORDER.index(grade) + 1, 4)]  # never below E by demotion: F means "cannot judge"
