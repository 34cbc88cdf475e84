"""Who each party of a stored trace is: its registry id (``x.<slug>`` for a name the registry does not
know, ``anon.<slug>`` for an unnamed one), resolved as the barometer resolves chains, so that a
party's link, its source page and the barometer speak of the same source. And the index of every
figure each source originated, relayed, derived or holds the record of, over the whole store."""
from __future__ import annotations

from collections import defaultdict

from ..reconcile.observations import Resolver, document_country


def country(resolver: Resolver, document: dict) -> str | None:
    """The country a report is about, which settles a generic name ('the Defence Ministry'): its
    outlet's, else the one its text names most."""
    return resolver.outlet(document.get("outlet"))[1] or document_country(document.get("text") or "")


def key(link) -> tuple:
    """What tells one link of a trace from another: name, span and whether it is named."""
    get = link.get if isinstance(link, dict) else lambda name: getattr(link, name, None)
    span = get("span")
    return get("name"), tuple(span) if span else None, bool(get("anonymous")), bool(get("vague"))


def chains(trace: dict) -> list[tuple[str, list[dict]]]:
    """(claim id, its chain) for every claim of a trace; an unattributed claim's vague party is a chain of one."""
    found = [(f["id"], f.get("attribution") or []) for f in trace.get("figures", [])]
    found += [(i["id"], i.get("attribution") or []) for i in trace.get("incidents", [])]
    found += [(f"u{n}", [u["source"]]) for n, u in enumerate(trace.get("unattributed", []), 1) if u.get("source")]
    return found


def resolve(trace: dict, resolver: Resolver) -> dict[tuple, dict]:
    """Every link of the trace (by ``key``) → ``{"source_id", "speaks_for_id"?}``."""
    where = country(resolver, trace["document"])
    found: dict[tuple, dict] = {}
    for _, links in chains(trace):
        for link in resolver.chain(links, where):
            found.setdefault(key(link), {k: link[k] for k in ("source_id", "speaks_for_id") if k in link})
    return found


def index(stored, registry) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """Source id → every figure whose chain names it, with its role; and source id → every other claim
    (an incident, a claim with only a vague source) that names it: every party a document page
    links to has a page. From ``Store.stored_traces()``. A person who speaks for a body counts for
    the body too."""
    resolver = Resolver(registry)
    figures: dict[str, list[dict]] = defaultdict(list)
    claims: dict[str, list[dict]] = defaultdict(list)
    for document_id, trace in stored:
        document = trace["document"]
        ids = resolve(trace, resolver)

        def add(found: dict, link: dict, entry: dict) -> None:
            resolved = ids.get(key(link), {})
            for source_id in dict.fromkeys(filter(None, (resolved.get("source_id"), resolved.get("speaks_for_id")))):
                found[source_id].append(entry)

        for figure in trace.get("figures", []):
            for at, link in enumerate(figure.get("attribution") or []):
                add(figures, link, _entry(document_id, document, figure, link, at))
        for incident in trace.get("incidents", []):
            for link in incident.get("attribution") or []:
                add(claims, link, _claim(document_id, document, "incident", incident["id"], incident["span"], link))
        for n, claim in enumerate(trace.get("unattributed", []), 1):
            if claim.get("source"):
                add(claims, claim["source"], _claim(document_id, document, "unattributed", f"u{n}", claim["span"],
                                                    claim["source"]))
    return dict(figures), dict(claims)


def _claim(document_id: int, document: dict, kind: str, claim_id: str, span, link: dict) -> dict:
    start, end = span
    return {"document_id": document_id, "claim_id": claim_id, "kind": kind, "name": link["name"],
            "role": link["role"], "anonymous": bool(link.get("anonymous")), "vague": bool(link.get("vague")),
            "text": (document.get("text") or "")[start:end], "outlet": document.get("outlet"),
            "published": document.get("published"), "title": document.get("title"),
            "path": f"/doc/{document_id}" + (f"#{claim_id}" if kind == "incident" else "")}


def _entry(document_id: int, document: dict, figure: dict, link: dict, at: int) -> dict:
    start, end = figure["sentence"]
    return {"document_id": document_id, "external_id": document.get("id"), "figure_id": figure["id"],
            "name": link["name"], "role": link["role"], "anonymous": bool(link.get("anonymous")),
            "vague": bool(link.get("vague")), "position": at, "text": figure["text"],
            "indicator": figure.get("indicator"), "value": figure.get("value"),
            "sentence": (document.get("text") or "")[start:end], "outlet": document.get("outlet"),
            "published": document.get("published"), "title": document.get("title")}
