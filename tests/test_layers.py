"""The import graph of the package: no cycles, and no layer importing one above it.

Every ``import`` counts, wherever it stands (module top, inside a function, under TYPE_CHECKING):
an import hidden in a function is still an arrow, and hiding one is how cycles used to be made to
work. A new folder of the package must be given its place in LAYERS before it can be imported.
"""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sourcetrace"

# Lowest first. An area may import its own layer and the layers below it, never one above.
LAYERS = (
    ("errors", "version", "settings"),
    ("model",),  # records, schemas, and what is computed from them alone
    ("lang",),
    ("pipeline", "extract"),  # the tracer's inside
    ("api",),  # trace, trace_text, trace_many
    ("registry", "ingest"),
    ("store",),  # keeps traces; knows nothing of tracing
    ("batch", "refresh"),  # the one loop from inputs through the tracer to a sink; re-tracing the store
    ("reconcile",),
    ("report",),
    ("cli", "web"),
    ("sourcetrace",),  # the package's top: the names it offers
)
# Arrows known to point the wrong way, each with who mends it. The test fails when one is mended
# and still listed, so that the list only ever shrinks.
KNOWN: dict = {}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports: the module itself when a name is one, else its package."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            origin = ".".join(base + ([node.module] if node.module else []))
            found |= {f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in MODULES else origin
                      for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {_known(name) for name in found if name.split(".")[0] == "sourcetrace"} - {module, None}


def _known(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def area(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def layer(module: str) -> int:
    return next(index for index, areas in enumerate(LAYERS) if area(module) in areas)


GRAPH = {module: imports(module) for module in MODULES}


def test_every_area_has_a_layer():
    placed = {name for areas in LAYERS for name in areas}
    assert sorted({area(module) for module in MODULES} - placed - {"__main__"}) == []


def test_no_layer_imports_one_above_it():
    upward = {(a, b) for a, targets in GRAPH.items() for b in targets if layer(a) < layer(b)}
    assert upward - set(KNOWN) == set()
    assert set(KNOWN) - upward == set(), "an arrow in KNOWN was mended: take it off the list"


def test_no_cycles():
    graph = {module: targets - {b for a, b in KNOWN if a == module} for module, targets in GRAPH.items()}
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_store_knows_nothing_of_tracing_or_reading():
    tracer = {"api", "pipeline", "extract", "lang", "ingest", "batch"}
    store = {b for a, targets in GRAPH.items() if area(a) == "store" for b in targets}
    assert {area(b) for b in store} & tracer == set()
