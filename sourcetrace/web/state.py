"""What every handler shares: the store, the registry, the token, the settings, what is derived
from the whole store (barometers, the index of sources) and the ingests running."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..reconcile.observations import Resolver
from ..registry import Registry
from ..store import Store
from .derived import Derived, StoreVersion
from .settings import DEFAULTS


@dataclass
class Config:
    db: Path
    token: str | None = None  # None: writes are off
    registry_file: str | None = None
    settings: dict = field(default_factory=dict)  # over DEFAULTS


class State:
    def __init__(self, config: Config):
        self.config = config
        self.settings = {**DEFAULTS, **config.settings}
        self.store = Store.open(config.db, create=False, pooled=True)  # migrated once, here; a read connection a thread
        self.registry = Registry.load(config.registry_file)
        # Shared by every request: it remembers each name it resolved (a store names a few dozen parties).
        self.resolver = Resolver(self.registry)
        self.version = StoreVersion(self.store.path)
        self.derived = Derived(self.version)
        self.jobs = None  # web/jobs.Jobs, made on the first upload

    @property
    def token(self) -> str | None:
        return self.config.token

    def close(self) -> None:
        self.derived.close()
        if self.jobs is not None:
            self.jobs.close()
        self.version.close()
        self.store.close()
