"""Put components together, check their order, and run them over one document."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import ComponentError, PipelineOrderError
from ..lang import load_language
from ..model.records import Document, Trace
from .component import Component
from .state import TraceState

# Fields a fresh TraceState already holds: the input, not anybody's output.
GIVEN = frozenset({"document", "lang", "nlp"})


@dataclass
class Pipeline:
    language: str
    components: list[Component]
    nlp: Any = None
    generator: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_order(self.components)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def run(self, document: Document) -> Trace:
        state = TraceState(document=document, lang=load_language(self.language), nlp=self.nlp)
        for comp in self.components:
            try:
                comp(state)
            except Exception as exc:  # one bad document must not kill a batch: name the step
                raise ComponentError(comp.name, document.source or document.id, exc) from exc
        return to_trace(state, self.generator)


def check_order(components: list[Component]) -> None:
    """Every field a component requires must be assigned by an earlier component."""
    available = set(GIVEN)
    for comp in components:
        missing = [f for f in comp.requires if f not in available]
        if missing:
            raise PipelineOrderError(comp.name, missing)
        available.update(comp.assigns)


def to_trace(state: TraceState, generator: dict) -> Trace:
    return Trace(
        document=state.document,
        figures=state.figures,
        incidents=state.incidents,
        unattributed=state.unattributed,
        hedges=state.hedges,
        sources=[{k: m[k] for k in ("name", "span", "kind")} for m in state.mentions],
        warnings=state.warnings,
        generator=generator,
    )


def build_pipeline(language: str = "en") -> Pipeline:
    """The standard pipeline: sentences → figures → attribution → hedges → incidents → claims."""
    from ..extract import english  # the component list lives beside the components

    components, nlp, generator = english.standard_components()
    return Pipeline(language=language, components=components, nlp=nlp, generator=generator)
