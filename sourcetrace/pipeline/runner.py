"""Put components together, check their order, and run them over one document."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

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
        result = next(self.run_many([document]))
        if isinstance(result, ComponentError):
            raise result from result.cause
        if isinstance(result, Exception):
            raise result
        return result

    def run_many(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[Trace | ComponentError]:
        """Trace documents in batches, component by component, so that the parser sees the
        candidate sentences of many documents in one call (per-call overhead dominates on short
        news items). Yields, in input order, a Trace or the ComponentError of a failed document."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, documents: list[Document]) -> Iterator[Trace | ComponentError]:
        lang = load_language(self.language)
        states = [TraceState(document=d, lang=lang, nlp=self.nlp) for d in documents]
        failed: dict[int, Exception] = {i: _unsupported(d, self.language) for i, d in enumerate(documents)
                                        if (d.language or self.language) != self.language}
        for comp in self.components:
            live = [i for i in range(len(states)) if i not in failed]
            batched = getattr(comp, "batch", None)
            if batched is not None:
                self._call(lambda: batched([states[i] for i in live]), comp, live, states, failed)
            else:
                for i in live:
                    self._call(lambda: comp(states[i]), comp, [i], states, failed)
        for i, state in enumerate(states):
            yield failed.get(i) or to_trace(state, self.generator)

    @staticmethod
    def _call(work, comp, indices, states, failed) -> None:
        try:
            work()
        except Exception as exc:  # one bad document must not kill a batch: name the step
            if len(indices) > 1:  # a batched step failed: redo it one document at a time
                for i in indices:
                    Pipeline._call(lambda: comp.batch([states[i]]), comp, [i], states, failed)
                return
            document = states[indices[0]].document
            failed[indices[0]] = ComponentError(comp.name, document.source or document.id, exc)


def _unsupported(document: Document, language: str) -> Exception:
    """A document in another language than the pipeline's is refused, not traced wrongly."""
    from ..errors import UnsupportedLanguage
    from ..lang import AVAILABLE

    return UnsupportedLanguage(document.language, AVAILABLE)


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
    """The standard pipeline for ``language``: sentences → figures → attribution → hedges →
    incidents → claims, on that language's data, grammar and parser."""
    from ..extract.standard import COMPONENTS
    from ..version import __version__

    lang = load_language(language)  # an unsupported language is refused here, with what to do
    nlp = lang.load_parser()
    components = list(COMPONENTS)
    generator = {"sourcetrace": __version__, "language": language, "model": lang.grammar.parser_name(nlp),
                 "pipeline": [c.name for c in components]}
    return Pipeline(language=language, components=components, nlp=nlp, generator=generator)
