"""The component protocol: a small named step that declares what it needs and what it produces.

A component reads fields of a :class:`~sourcetrace.pipeline.state.TraceState` and sets others. The
runner checks, before anything runs, that every field a component ``requires`` is assigned by an
earlier one, so a pipeline put together in the wrong order fails at build time, not mid-document.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

from .state import TraceState


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, state: TraceState) -> None: ...


@dataclass
class FunctionComponent:
    """A component made from a plain function ``fn(state)``."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    fn: Callable[[TraceState], None]

    def __call__(self, state: TraceState) -> None:
        self.fn(state)


def component(name: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Decorator: turn ``fn(state)`` into a named component."""

    def wrap(fn: Callable[[TraceState], None]) -> FunctionComponent:
        return FunctionComponent(name, tuple(requires), tuple(assigns), fn)

    return wrap
