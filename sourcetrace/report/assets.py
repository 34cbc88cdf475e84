"""The HTML report's style and script, inline so that the page is one file with no external requests."""
from __future__ import annotations

LEGEND = (
    ("figure", "figure"),
    ("source", "source / attribution"),
    ("hedge", "hedge"),
    ("incident", "incident"),
    ("unattributed", "unattributed claim"),
    ("detail", "counted thing, scope, period"),
)

STYLE = """
:root { --figure: #ffe27a; --source: #cfe6ff; --incident: #fde0e0; --hedge: #c05600;
        --unattributed: #b00020; --detail: #7a6cf0; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header.page { padding: .8rem 2rem; background: #fff; border-bottom: 1px solid #ddd;
              position: sticky; top: 0; z-index: 1; }
header.page h1 { font-size: 1.1rem; margin: 0 0 .3rem; }
.legend span { margin-right: .8rem; padding: 0 .3rem; white-space: nowrap; }
section.doc { padding: 1rem 2rem 2rem; border-bottom: 3px solid #ddd; }
section.doc h2 { margin: .2rem 0; font-size: 1.3rem; }
.meta { color: #555; margin: 0 0 1rem; overflow-wrap: anywhere; }
.cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 2rem;
        align-items: start; }
@media (max-width: 900px) { .cols { grid-template-columns: minmax(0, 1fr); } }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; padding: 1rem 1.25rem;
        border: 1px solid #ddd; border-radius: 6px; font: 16px/1.7 Georgia, serif; }
.claims { position: sticky; top: 6rem; max-height: calc(100vh - 7rem); overflow: auto; }
.claims h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.claims ol, .claims ul { padding-left: 2.6rem; margin: 0; }  /* room for numbers past 9 */
.claims li { cursor: pointer; padding: .3rem .4rem; border-radius: 4px; margin-bottom: .3rem; }
.claims li:hover, .claims li:focus, .claims li.pinned { background: #e8e8ff; outline: none; }
.cid { font: 12px monospace; color: #666; }
.facts, .chain, .hedges, .reason { font-size: 13px; color: #333; }
.chain { color: #0a4f8a; }
.none { color: #777; font-style: italic; }
.k-incident { background: var(--incident); }
.k-source { background: var(--source); }
.k-figure { background: var(--figure); font-weight: 600; }
.k-hedge { text-decoration: underline wavy var(--hedge); text-decoration-thickness: 1.5px;
           font-style: italic; }
.k-unattributed { border-bottom: 2px dashed var(--unattributed); }
.k-detail { box-shadow: inset 0 -3px 0 var(--detail); }
.on { outline: 2px solid #111; outline-offset: 1px; }
.text span[class*=" m"], .text span[class^="m"] { cursor: pointer; }
.claims li:target { background: #e8e8ff; }
.inherited { border-bottom: 1px dotted #0a4f8a; }
a.party { color: inherit; }
"""

# Hovering (or focusing) a claim lights its spans in the text; clicking it selects it: its spans stay
# lit and the text scrolls to them. Clicking a marked span in the text selects the claim it belongs
# to (again: the next claim that shares it) and scrolls the side panel to it. A link to #f1 selects f1.
SCRIPT = """
(function () {
  function marksOf(item) { return item.getAttribute("data-marks").split(" ").filter(Boolean); }
  function pieces(item) {
    var section = item.closest("section"), found = [];
    marksOf(item).forEach(function (m) { found.push.apply(found, section.querySelectorAll(".m" + m)); });
    return found;
  }
  function light(item) { pieces(item).forEach(function (p) { p.classList.add("on"); }); }
  function relight(section) {
    section.querySelectorAll(".on").forEach(function (p) { p.classList.remove("on"); });
    section.querySelectorAll("li.pinned").forEach(light);
  }
  function select(item, scrollText) {
    var section = item.closest("section"), first = pieces(item)[0];
    section.querySelectorAll("li.pinned").forEach(function (li) { if (li !== item) { li.classList.remove("pinned"); } });
    item.classList.add("pinned");
    relight(section);
    if (scrollText && first) { first.scrollIntoView({block: "center"}); }
    item.scrollIntoView({block: "nearest"});
  }
  document.querySelectorAll("section.doc").forEach(function (section) {
    var byMark = {};
    section.querySelectorAll("li[data-marks]").forEach(function (item) {
      marksOf(item).forEach(function (m) { (byMark[m] = byMark[m] || []).push(item); });
      item.addEventListener("mouseenter", function () { light(item); });
      item.addEventListener("focus", function () { light(item); });
      item.addEventListener("mouseleave", function () { relight(section); });
      item.addEventListener("blur", function () { relight(section); });
      item.addEventListener("click", function (e) { if (!e.target.closest("a")) { select(item, true); } });
      item.addEventListener("keydown", function (e) { if (e.key === "Enter") { select(item, true); } });
    });
    var text = section.querySelector(".text");
    if (text) {
      text.addEventListener("click", function (e) {
        var piece = e.target.closest("span"), items = [];
        if (!piece) { return; }
        piece.className.split(" ").forEach(function (c) {
          if (/^m[0-9]+$/.test(c)) { (byMark[c.slice(1)] || []).forEach(function (i) { if (items.indexOf(i) < 0) { items.push(i); } }); }
        });
        if (!items.length) { return; }
        var current = items.indexOf(section.querySelector("li.pinned"));
        select(items[(current + 1) % items.length], false);
      });
    }
  });
  var wanted = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (wanted && wanted.matches("li[data-marks]")) { select(wanted, true); }
})();
"""
