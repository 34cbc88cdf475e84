"""The shape of a registry entry, checked for the shipped data and for every user file.

Like ``model/records.py`` keeps the roles a link may take, this module keeps the kinds a source
may be; the meaning of every field is written in the ``_comment`` of the data files.
"""
from __future__ import annotations

import re

KINDS = {
    "news_agency": "a wire service that sells news to other outlets (TASS, Reuters)",
    "outlet": "a newspaper, broadcaster, news site or investigative project",
    "government_body": "a ministry, office, parliament or other organ of a state",
    "law_enforcement": "police, prosecutors, investigators, security and border services",
    "court": "a court, the judiciary's administration, or a register of court decisions",
    "military": "armed forces, their commands, staffs and recruitment offices",
    "ngo": "a non-governmental organisation: human rights, press freedom, humanitarian",
    "intergovernmental": "an organisation of states: the UN and its agencies, the OSCE",
    "research": "a think tank, research institute or data project",
    "anonymous": "a kind of unnamed source (used by entries that describe one)",
}
ALIAS_LANGUAGES = ("en", "ru", "uk", "other")
OWNERSHIP = ("state", "public", "statutory", "private", "cooperative", "nonprofit")
IDS = {  # section -> (pattern, example)
    "sources": (re.compile(r"^[a-z]{2,3}(?:\.[a-z0-9_]+)+$"), "ua.pgo"),
    "indicators": (re.compile(r"^[a-z]+(?:\.[a-z0-9_]+)+$"), "mil.awol_cases"),
}
RESERVED_PREFIXES = ("x.", "anon.")  # ids the registry gives names it does not know

_TEXT_LIST = "a list of strings"
SOURCE_FIELDS = {  # field -> (required, check, what it must be)
    "name": (True, lambda v: isinstance(v, str) and v.strip(), "a non-empty string"),
    "kind": (True, lambda v: v in KINDS, "one of " + ", ".join(KINDS)),
    "country": (True, lambda v: v is None or (isinstance(v, str) and re.fullmatch(r"[a-z]{2}", v)),
                "a two-letter lower-case country code or null"),
    "state_affiliated": (True, lambda v: v is None or isinstance(v, bool), "true, false or null"),
    "party_to": (True, lambda v: v is None or (isinstance(v, str) and v.strip()), "a string or null"),
    "aliases": (False, lambda v: isinstance(v, dict) and set(v) <= set(ALIAS_LANGUAGES)
                and all(_texts(items) for items in v.values()),
                "an object of lists of strings keyed by " + ", ".join(ALIAS_LANGUAGES)),
    "abbreviations": (False, lambda v: _texts(v), _TEXT_LIST),
    "generic_names": (False, lambda v: _texts(v), _TEXT_LIST),
    "people": (False, lambda v: isinstance(v, list) and all(_person(p) for p in v),
               "a list of {name, role, aliases}"),
    "part_of": (False, lambda v: v is None or isinstance(v, str), "a source id or null"),
    "ownership": (False, lambda v: v is None or v in OWNERSHIP, "null or one of " + ", ".join(OWNERSHIP)),
    "fictional": (False, lambda v: isinstance(v, bool), "true or false"),
    "note": (False, lambda v: isinstance(v, str), "a string"),
}

INDICATOR_FIELDS = {
    "label": (True, lambda v: isinstance(v, str) and v.strip(), "a non-empty string"),
    "unit": (True, lambda v: isinstance(v, str) and v.strip(), "a string such as 'count'"),
    "counts": (False, lambda v: isinstance(v, str), "a string: what one unit is"),
    "aliases": (True, lambda v: isinstance(v, dict) and set(v) <= set(ALIAS_LANGUAGES)
                and all(_texts(items) for items in v.values()),
                "an object of lists of strings keyed by " + ", ".join(ALIAS_LANGUAGES)),
    "sum_of": (False, lambda v: _texts(v), "a list of indicator ids"),
    "includes": (False, lambda v: _texts(v), "a list of indicator ids"),
    "distinct_from": (False, lambda v: _texts(v), "a list of indicator ids"),
    "legal_basis": (False, lambda v: isinstance(v, list) and all(_article(a) for a in v),
                    "a list of {jurisdiction, code, article}"),
    "note": (False, lambda v: isinstance(v, str), "a string"),
}
REFERENCES = {"sources": ("part_of",), "indicators": ("sum_of", "includes", "distinct_from")}


def problems(section: str, entries: dict) -> list[str]:
    """Every way ``entries`` (id → entry) break the schema of ``section``, one line each."""
    fields = SOURCE_FIELDS if section == "sources" else INDICATOR_FIELDS
    pattern, example = IDS[section]
    found = []
    for entry_id, entry in entries.items():
        where = f"{section}.{entry_id}"
        if not pattern.match(entry_id) or entry_id.startswith(RESERVED_PREFIXES):
            found.append(f"{where}: the id must look like {example!r} (a lower-case prefix, a dot, "
                         f"lower-case words) and not start with {' or '.join(RESERVED_PREFIXES)}")
        if not isinstance(entry, dict):
            found.append(f"{where}: must be an object")
            continue
        found += _field_problems(where, entry, fields)
        found += _reference_problems(entry_id, where, entry, entries, REFERENCES[section])
    return found


def _field_problems(where: str, entry: dict, fields: dict) -> list[str]:
    found = [f"{where}: unknown field {name!r}; fields are {', '.join(fields)}"
             for name in entry if name not in fields]
    for name, (required, check, what) in fields.items():
        if name not in entry:
            if required:
                found.append(f"{where}: {name!r} is missing; it must be {what}")
        elif not check(entry[name]):
            found.append(f"{where}: {name!r} is {entry[name]!r}; it must be {what}")
    return found


def _reference_problems(entry_id: str, where: str, entry: dict, entries: dict, fields: tuple[str, ...]) -> list[str]:
    found = []
    for name in fields:
        value = entry.get(name)
        targets = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        found += [f"{where}: {name!r} names {target!r}, which is not in the registry"
                  for target in targets if target not in entries]
        if entry_id in targets:
            found.append(f"{where}: {name!r} names the entry itself")
    return found


def _texts(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)


def _person(value) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("name"), str) and value["name"].strip()
            and isinstance(value.get("role", ""), str) and _texts(value.get("aliases", []))
            and set(value) <= {"name", "role", "aliases"})


def _article(value) -> bool:
    return isinstance(value, dict) and set(value) == {"jurisdiction", "code", "article"} and all(
        isinstance(item, str) and item for item in value.values())
