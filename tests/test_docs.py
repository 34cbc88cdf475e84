"""The design the code cites lives in the repository (docs/), and every citation leads somewhere:
a clean clone, with nothing beside it, holds everything a reader is pointed to."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITATION = re.compile(r"docs/([\w-]+\.md)(?: §(\d+))?")
OUTSIDE = re.compile(r"shared/design|(?<![\w/])(?:RECONCILE|CHAINS)\.md")


def sources() -> list[Path]:
    found = [*ROOT.glob("sourcetrace/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("bench/**/*.py"),
             *ROOT.glob("*.md"), *ROOT.glob("bench/*.md"), *ROOT.glob("docs/*.md")]
    return [path for path in found if "out" not in path.relative_to(ROOT).parts]  # bench/out: scratch


def test_nothing_cites_design_notes_outside_the_repository():
    citing = {str(path.relative_to(ROOT)) for path in sources() if path != Path(__file__)
              and OUTSIDE.search(path.read_text(encoding="utf-8"))}
    assert citing == set()


def test_every_citation_of_docs_leads_to_a_page_and_section():
    broken = []
    for path in sources():
        for page, section in CITATION.findall(path.read_text(encoding="utf-8")):
            target = ROOT / "docs" / page
            if not target.is_file() or (section and f"## §{section} " not in target.read_text(encoding="utf-8")):
                broken.append(f"{path.relative_to(ROOT)}: docs/{page}" + (f" §{section}" if section else ""))
    assert broken == []
