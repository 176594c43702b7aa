"""One ledger connection per worker thread: pages are served concurrently, connections are not shared.

SQLite connections and psycopg connections are not safe to use from two
threads at once. FastAPI runs each request in a thread pool, so each pool
thread opens its own store on first use and keeps it. An in-memory SQLite
ledger exists only inside its one connection, so that case shares a single
store behind a lock. Closing (the application's shutdown) closes every
connection; a request served afterwards (a test client that runs the
lifespan again) opens fresh ones.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sourcewise.store import Store, open_store


class StoreProvider:
    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self._shared: Store | None = None
        self._generation = 0  # bumped by close(): stores a thread kept from before are not reused
        self._memory = url in (":memory:", "sqlite:///:memory:", "sqlite:///")
        if self._memory:
            self._shared = open_store(url)
        else:
            # open (and migrate) once up front: a bad URL fails at start, not on the first page
            self._remember(open_store(url))

    @property
    def generation(self) -> int:
        """Changes when the stores are closed: a store object's id is unique within one generation."""
        return self._generation

    def _remember(self, store: Store) -> Store:
        self._local.kept = (self._generation, store)
        with self._lock:
            self._all.append(store)
        return store

    @contextmanager
    def get(self) -> Iterator[Store]:
        if self._memory:
            with self._lock:
                if self._shared is None:
                    self._shared = open_store(self.url)
                yield self._shared
            return
        kept = getattr(self._local, "kept", None)
        store = kept[1] if kept is not None and kept[0] == self._generation else self._remember(open_store(self.url))
        yield store

    def close(self) -> None:
        with self._lock:
            self._generation += 1
            stores, self._all = self._all, []
            if self._shared is not None:
                stores.append(self._shared)
                self._shared = None
        for s in stores:
            with contextlib.suppress(Exception):  # a connection another thread still holds
                s.close()
