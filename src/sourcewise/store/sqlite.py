"""The default ledger: one SQLite file (WAL journal, FTS5 full-text search).

WAL with ``synchronous=NORMAL`` keeps every committed document through a
process crash (``kill -9``); a power cut may lose the last few commits, never
half of one. Each ``put`` is one ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sourcewise.errors import StoreUnavailable
from sourcewise.records import Document
from sourcewise.store import migrations
from sourcewise.store.base import HL_END, HL_START, SearchHit
from sourcewise.store.sql import SqlStore


class SqliteStore(SqlStore):
    backend = "sqlite"
    migrations = migrations.SQLITE

    def __init__(self, path: str | Path = "sourcewise.db", *, migrate: bool = True) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                parent = Path(self.path).parent
                if not parent.is_dir():
                    raise StoreUnavailable(f"cannot open ledger {self.path}: folder {parent} does not exist")
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.DatabaseError as exc:
            raise StoreUnavailable(f"cannot open ledger {self.path}: {exc}") from None
        self._depth = 0
        if migrate:
            try:
                self.migrate()
            except sqlite3.DatabaseError as exc:
                self.conn.close()
                raise StoreUnavailable(f"cannot open ledger {self.path}: {exc}") from None
            except BaseException:
                self.conn.close()
                raise

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _index_text(self, seq: int, document: Document) -> None:
        self._x(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
            (seq, document.title or "", document.text),
        )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        match = fts5_query(query)
        if not match:
            return []
        rows = self._all(
            f"SELECT d.id, d.title, d.publisher, d.source, snippet(documents_fts, 1, '{HL_START}', '{HL_END}', '…', 24) "
            "AS snip FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
            (match, int(limit)),
        )
        return [SearchHit(r["id"], r["title"], r["publisher"], r["source"], r["snip"]) for r in rows]

    def change_token(self) -> object | None:
        # SQLite bumps data_version whenever another connection (in any process) commits
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()


def fts5_query(query: str) -> str:
    """A user's words as an FTS5 query: every word (or "quoted phrase") must occur; no syntax errors possible."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        words = re.findall(r"\w+", phrase or word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts)
