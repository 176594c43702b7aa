"""One ledger connection per worker thread: pages are served concurrently, connections are not shared.

SQLite connections and psycopg connections are not safe to use from two
threads at once. FastAPI runs each request in a thread pool, so each pool
thread opens its own store on first use and keeps it. An in-memory SQLite
ledger exists only inside its one connection, so that case shares a single
store behind a lock.
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
        if url in (":memory:", "sqlite:///:memory:", "sqlite:///"):
            self._shared = open_store(url)
        else:
            # open (and migrate) once up front: a bad URL fails at start, not on the first page
            self._remember(open_store(url))

    def _remember(self, store: Store) -> Store:
        self._local.store = store
        with self._lock:
            self._all.append(store)
        return store

    @contextmanager
    def get(self) -> Iterator[Store]:
        if self._shared is not None:
            with self._lock:
                yield self._shared
            return
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._remember(open_store(self.url))
        yield store

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
            if self._shared is not None:
                stores.append(self._shared)
                self._shared = None
        for s in stores:
            with contextlib.suppress(Exception):  # a connection another thread still holds
                s.close()
