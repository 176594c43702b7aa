"""The ledger in PostgreSQL (``postgresql://`` URLs): same tables and rules, tsvector search.

psycopg 3 in autocommit mode with explicit transactions, one per document like
SQLite; migrations take an advisory lock so that two processes opening a new
ledger at once do not both migrate it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from sourcewise.errors import StoreUnavailable
from sourcewise.store import migrations
from sourcewise.store.base import HL_END, HL_START, SearchHit
from sourcewise.store.sql import SqlStore

_MIGRATION_LOCK = 0x5EC0_0001
_INCIDENTS_LOCK = 0x5EC0_0002
_DOCUMENT_LOCKS = 0x5EC0  # two-key locks: (this, hash of the document id)


class PostgresStore(SqlStore):
    backend = "postgresql"
    migrations = migrations.POSTGRES

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreUnavailable(f"cannot connect to the ledger database: {first}") from None
        if migrate:
            try:
                self.migrate()
            except BaseException:
                self.conn.close()
                raise

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _lock_migrations(self) -> None:
        self._x("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def _lock_document(self, document_id: str) -> None:
        # shared: writers run side by side, but never while a regrouping reads the partitions they mark
        self._x("SELECT pg_advisory_xact_lock_shared(?)", (_INCIDENTS_LOCK,))
        self._x("SELECT pg_advisory_xact_lock(?, hashtext(?))", (_DOCUMENT_LOCKS, document_id))

    def _lock_incidents(self) -> None:
        # exclusive: waits for writers in flight, so the dirty marks and events read here are all committed
        self._x("SELECT pg_advisory_xact_lock(?)", (_INCIDENTS_LOCK,))

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        if not query.strip():
            return []
        options = f'StartSel="{HL_START}", StopSel="{HL_END}", MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
        rows = self._all(
            "SELECT d.id, d.title, d.publisher, d.source, ts_headline('english', d.text, q, ?) AS snip "
            "FROM documents d, websearch_to_tsquery('english', ?) q WHERE d.tsv @@ q "
            "ORDER BY ts_rank(d.tsv, q) DESC, d.seq LIMIT ?",
            (options, query, int(limit)),
        )
        return [SearchHit(r["id"], r["title"], r["publisher"], r["source"], r["snip"]) for r in rows]

    def close(self) -> None:
        self.conn.close()
