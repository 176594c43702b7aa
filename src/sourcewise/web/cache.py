"""A small thread-safe LRU for the report-only parts of document pages.

A stored report changes only when it is re-analysed, and the ledger says when
(``Store.report_revision``), so the expensive parts of a document page (the
highlighted text, the record cards, the framing panel) are rendered once per
revision; what depends on other documents (the incidents panel) is rendered
on every request. Keys include the revision: a stale entry can never be served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

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
        self._items: OrderedDict[Hashable, DocumentParts] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> DocumentParts | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: DocumentParts) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
