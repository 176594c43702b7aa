"""A small thread-safe LRU for what document pages compute, with keys that make staleness impossible.

* The report-only parts of a page (highlighted text, record cards, framing
  panel) change only when the report is re-analysed: their key holds the
  report's revision (``Store.report_revision``, a digest of the stored report).
* The incidents panel depends on other documents too: its key holds the
  ledger's change token for the serving connection (``Store.change_token``:
  SQLite's data_version, which moves when any other connection commits) and
  the count of writes this server made itself. A backend without a change
  token (PostgreSQL) computes the panel on every request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup


@dataclass(frozen=True, slots=True)
class DocumentParts:
    title: str
    head: Markup
    main: Markup
    side: Markup


class LRU:
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


class WriteCounter:
    """How many writes this server has made: part of cache keys, since a connection's own commits
    do not move its change token."""

    def __init__(self) -> None:
        self._n = 0
        self._lock = threading.Lock()

    def bump(self) -> None:
        with self._lock:
            self._n += 1

    @property
    def value(self) -> int:
        return self._n
