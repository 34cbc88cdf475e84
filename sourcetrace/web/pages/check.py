"""A claim checked against the store: a form, the verdict with its evidence, and a permalink (the
page's own address: the claim and its date are its query)."""
from __future__ import annotations

from html import escape
from urllib.parse import quote as url_quote

from ...errors import Errors, InputError
from ...model.dates import normalise_published
from ...reconcile.check import check_claim
from ...report.reconcile import verdict_words
from .. import params
from ..render import Page, url

SCHEMA = "sourcetrace.page.check/1"


def handle(state, request) -> Page:
    query = request.query_params
    claim = params.text(query, "claim", state.settings["max_claim_chars"])
    published = params.text(query, "published", 40)
    try:
        published = normalise_published(published)
    except InputError as exc:
        raise params.bad("published", str(exc)) from None
    result = None
    if claim:
        traces = state.derived.get("traces", lambda: list(state.store.traces())).value
        result = check_claim(claim, traces, state.registry, published)
    data = {"schema": SCHEMA, "claim": claim, "published": published,
            "permalink": url("/check", claim=claim, published=published) if claim else None, "result": result}
    return Page("Check a claim", data, body)


def body(data: dict) -> str:
    return form_html(data) + (result_html(data) if data["result"] else "")


def form_html(data: dict) -> str:
    return ('<form class="check" method="get" action="/check">'
            f'<label for="claim">Claim</label><textarea id="claim" name="claim" rows="3" required '
            f'placeholder="Valdoria registers 20,000 desertion cases a month, a source told DRAVTASS.">'
            f'{escape(data["claim"] or "")}</textarea>'
            f'<label>made on <input type="date" name="published" value="{escape(data["published"] or "")}"></label> '
            '<button type="submit">Check</button></form>')


def result_html(data: dict) -> str:
    result = data["result"]
    parts = [f'<p class="verdict v-{escape(result["verdict"])}">verdict: '
             f'<b>{escape(verdict_words(result["verdict"], result["fits_as"]))}</b></p>',
             f'<p class="meta">Permalink: <a class="permalink" href="{escape(data["permalink"])}">'
             f'{escape(data["permalink"])}</a></p>']
    parts += [f'<p class="meta">note: {escape(note)}</p>' for note in result["notes"]]
    if not result["figures"] and not result["not_checked"]:
        parts.append('<p class="none">The claim states no figure, so there is nothing to compare.</p>')
    parts += [figure_html(f) for f in result["figures"]]
    parts += [f'<p class="meta">“{escape(n["text"])}”: not checked — {escape(n["reason"])}</p>'
              for n in result["not_checked"]]
    return "".join(parts)


def figure_html(figure: dict) -> str:
    lines = "".join(f"<li>{escape(line)}</li>" for line in figure["explanation"].splitlines())
    head = f'“{escape(figure["text"])}”: {escape(verdict_words(figure["verdict"], figure["fits_as"]))}'
    return f'<div class="reading"><h3>{head}</h3><ul>{lines}</ul>{evidence_html(figure)}</div>'


def evidence_html(figure: dict) -> str:
    """Each reading's reports: its indicator's barometer over the months it tested, where every report
    leads to its sentence."""
    links = []
    for reading in figure.get("readings") or []:
        months = reading.get("months") or []
        if not reading.get("indicator") or not months:
            continue
        href = url(f"/indicator/{url_quote(reading['indicator'])}", **{"from": months[0], "to": months[-1]})
        links.append(f'<a class="evidence" href="{escape(href)}">{escape(reading["indicator"])}, '
                     f'{escape(months[0])} to {escape(months[-1])}</a>')
    return f'<p class="meta">The reports behind it: {" · ".join(links)}</p>' if links else ""
