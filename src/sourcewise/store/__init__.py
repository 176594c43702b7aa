"""The ledger: stored documents, reports, incidents and decisions (see base.Store).

``open_store(url)`` picks the backend: a ``postgresql://`` URL opens
PostgreSQL; anything else is a SQLite file path (``sqlite:///path`` also
works; ``:memory:`` is a throwaway in-memory ledger for tests and demos).
The default is ``$SOURCEWISE_DB`` or ``./sourcewise.db``.
"""

from __future__ import annotations

import os

from sourcewise.store.base import HL_END, HL_START, DocumentSummary, FailureRecord, SearchHit, Stats, Store

DEFAULT_DB = "sourcewise.db"


def default_url() -> str:
    return os.environ.get("SOURCEWISE_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the ledger at ``url``."""
    target = url or default_url()
    if target.startswith(("postgresql://", "postgres://")):
        from sourcewise.store.postgres import PostgresStore

        return PostgresStore(target)
    from sourcewise.store.sqlite import SqliteStore

    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :] or ":memory:"
    return SqliteStore(target)


__all__ = [
    "DEFAULT_DB",
    "HL_END",
    "HL_START",
    "DocumentSummary",
    "FailureRecord",
    "SearchHit",
    "Stats",
    "Store",
    "default_url",
    "open_store",
]
