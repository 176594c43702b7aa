"""What the SQLite and PostgreSQL ledgers share: the same tables, the same SQL, one grouping.

Queries are written once with ``?`` placeholders; a backend supplies the
connection, its transactions, its migrations and its full-text search.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sourcewise import PIPELINE_VERSION
from sourcewise.errors import IntegrityError, NotFound, SchemaTooNew, UsageError
from sourcewise.reconcile import (
    Claim,
    Decision,
    EventRef,
    Incident,
    IncidentView,
    Source,
    claims_of,
    event_refs,
    fold,
    group_events,
    partition_of,
    sketch,
    summarize,
)
from sourcewise.records import SCHEMA, Document, Report
from sourcewise.store.base import DocumentSummary, FailureRecord, SearchHit, Stats
from sourcewise.store.migrations import Migration

CHUNK = 500
_EVENT_COLS = (
    "document_id, event_id, kind, date, place, gazetteer_id, admin1, country, lat, lon, partition, place_source, "
    "start_offset, end_offset"
)
_CLAIM_COLS = (
    "document_id, figure_id, event_id, category, value, low, high, qualifier, subgroup, unit, part_of, "
    "attributed_to, start_offset, end_offset, quote, context"
)
_INCIDENT_COLS = (
    "id, partition, place, place_fold, gazetteer_id, admin1, admin1_fold, country, lat, lon, geo_precision, "
    "date, date_start, date_end, date_precision, kinds, confidence, reason, n_documents, n_events"
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


class SqlStore:
    """Common implementation of the Store protocol over a DB-API connection."""

    backend = "sql"
    migrations: tuple[Migration, ...] = ()

    # ---- supplied by a backend
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def _lock_migrations(self) -> None:
        """Serialise concurrent migrators (PostgreSQL); SQLite's write lock already does."""

    def _lock_document(self, document_id: str) -> None:
        """Serialise two writers of the same document (PostgreSQL); SQLite's write lock already does."""

    def _lock_incidents(self) -> None:
        """Serialise concurrent regroupings (PostgreSQL); SQLite's write lock already does."""

    def _index_text(self, seq: int, document: Document) -> None:
        """Add a new document to the full-text index (inside the put transaction)."""

    def _forget_text(self, seq: int) -> None:
        """Remove a document from the full-text index."""

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def change_token(self) -> object | None:
        """See Store.change_token; a backend that cannot tell returns None (callers then cache nothing)."""
        return None

    # ---- small helpers
    def _x(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._execute(sql, params)

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self._execute(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._execute(sql, params).fetchone()

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._execute(sql, params).fetchone()
        return None if row is None else next(iter(row.values())) if isinstance(row, dict) else row[0]

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- migrations
    def schema_version(self) -> int:
        return int(self._scalar("SELECT coalesce(max(version), 0) FROM schema_migrations") or 0)

    def migrate(self, target: int | None = None) -> list[int]:
        """Apply the missing migrations up to ``target`` (default: all); returns the versions applied."""
        self._x(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL)"
        )
        latest = self.migrations[-1].version
        current = self.schema_version()
        if current > latest:
            raise SchemaTooNew(
                f"this ledger has schema version {current}; this sourcewise knows up to {latest}: upgrade sourcewise"
            )
        applied = []
        for m in self.migrations:
            if m.version <= current or (target is not None and m.version > target):
                continue
            with self._transaction():
                self._lock_migrations()
                if self.schema_version() >= m.version:  # another process got there first
                    continue
                for stmt in m.statements:
                    self._x(stmt)
                if m.backfill is not None:
                    m.backfill(self)
                self._x(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, now()),
                )
            applied.append(m.version)
        return applied

    # ---- documents and reports
    def put(self, report: Report, raw: bytes) -> str:
        doc = report.document
        digest = hashlib.sha256(raw).hexdigest()
        if digest != doc.id:
            raise IntegrityError(f"{doc.source}: document id {doc.id[:12]}… is not the SHA-256 of its raw bytes")
        stored = report.to_dict()
        del stored["document"]
        payload = json.dumps(stored, ensure_ascii=False, sort_keys=True)
        genre, sponsored = report.framing.genre, 1 if report.framing.sponsorship else 0
        with self._transaction():
            self._lock_document(doc.id)
            cur = self._x(
                "INSERT INTO documents (id, source, url, title, publisher, byline, published, language, text, raw, "
                "raw_sha256, raw_size, ingested_at, genre, sponsored, sketch) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (
                    doc.id,
                    doc.source,
                    doc.url,
                    doc.title,
                    doc.publisher,
                    doc.byline,
                    doc.published,
                    doc.language,
                    doc.text,
                    raw,
                    digest,
                    len(raw),
                    now(),
                    genre,
                    sponsored,
                    sketch(doc.text),
                ),
            )
            new = cur.rowcount == 1
            seq = int(self._scalar("SELECT seq FROM documents WHERE id = ?", (doc.id,)))
            if not new:
                old = self._one("SELECT report FROM reports WHERE document_id = ?", (doc.id,))
                if old is not None and old["report"] == payload:
                    return "unchanged"
                self._x("UPDATE documents SET genre = ?, sponsored = ? WHERE id = ?", (genre, sponsored, doc.id))
            old_parts = {
                r["partition"] for r in self._all("SELECT partition FROM events WHERE document_id = ?", (doc.id,))
            }
            self._x("DELETE FROM events WHERE document_id = ?", (doc.id,))
            self._x("DELETE FROM claims WHERE document_id = ?", (doc.id,))
            self._x(
                "INSERT INTO reports (document_id, pipeline, schema, report, analysed_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (document_id) DO UPDATE SET pipeline = excluded.pipeline, schema = excluded.schema, "
                "report = excluded.report, analysed_at = excluded.analysed_at",
                (doc.id, report.pipeline or PIPELINE_VERSION, SCHEMA, payload, now()),
            )
            refs = event_refs(report, seq)
            self._insert_events(refs)
            self._insert_claims(claims_of(report))
            self._mark_dirty(old_parts | {partition_of(e) for e in refs})
            if new:
                self._index_text(seq, doc)
        return "new" if new else "updated"

    def _insert_events(self, refs: Sequence[EventRef]) -> None:
        self._executemany(
            f"INSERT INTO events ({_EVENT_COLS}) VALUES ({_marks(14)})",
            [
                (
                    e.document_id,
                    e.event_id,
                    e.kind,
                    e.date,
                    e.place,
                    e.gazetteer_id,
                    e.admin1,
                    e.country,
                    e.lat,
                    e.lon,
                    partition_of(e),
                    e.place_source,
                    e.start,
                    e.end,
                )
                for e in refs
            ],
        )

    def _insert_claims(self, claims: Sequence[Claim]) -> None:
        self._executemany(
            f"INSERT INTO claims ({_CLAIM_COLS}) VALUES ({_marks(16)})",
            [
                (
                    c.document_id,
                    c.figure_id,
                    c.event_id,
                    c.category,
                    c.value,
                    c.low,
                    c.high,
                    c.qualifier,
                    c.subgroup,
                    c.unit,
                    c.part_of,
                    c.attributed_to,
                    c.start,
                    c.end,
                    c.quote,
                    c.context,
                )
                for c in claims
            ],
        )

    def _mark_dirty(self, partitions: Iterable[str]) -> None:
        self._executemany(
            "INSERT INTO dirty_partitions (partition) VALUES (?) ON CONFLICT (partition) DO NOTHING",
            [(p,) for p in sorted(set(partitions))],
        )

    def has_report(self, document_id: str, pipeline: str) -> bool:
        return (
            self._one("SELECT 1 FROM reports WHERE document_id = ? AND pipeline = ?", (document_id, pipeline))
            is not None
        )

    def reported(self, document_ids: Sequence[str], pipeline: str) -> set[str]:
        """Which of these documents already have a report from ``pipeline``: one query per chunk, not per id."""
        found: set[str] = set()
        for chunk in _chunks(list(document_ids)):
            rows = self._all(
                f"SELECT document_id FROM reports WHERE pipeline = ? AND document_id IN ({_marks(len(chunk))})",
                (pipeline, *chunk),
            )
            found.update(r["document_id"] for r in rows)
        return found

    def _document_from(self, row: Any) -> Document:
        return Document(
            id=row["id"],
            source=row["source"],
            text=row["text"],
            url=row["url"],
            title=row["title"],
            publisher=row["publisher"],
            byline=row["byline"],
            published=row["published"],
            language=row["language"] or "en",
        )

    def get_document(self, document_id: str) -> Document | None:
        row = self._one(
            "SELECT id, source, text, url, title, publisher, byline, published, language FROM documents WHERE id = ?",
            (document_id,),
        )
        return None if row is None else self._document_from(row)

    def get_report(self, document_id: str) -> Report | None:
        doc = self.get_document(document_id)
        row = self._one("SELECT report FROM reports WHERE document_id = ?", (document_id,))
        if doc is None or row is None:
            return None
        return Report.from_dict({**json.loads(row["report"]), "document": doc.to_dict()})

    def report_revision(self, document_id: str) -> str | None:
        row = self._one("SELECT report FROM reports WHERE document_id = ?", (document_id,))
        if row is None:
            return None
        return hashlib.blake2b(row["report"].encode("utf-8"), digest_size=16).hexdigest()

    def get_raw(self, document_id: str) -> bytes:
        row = self._one("SELECT raw, raw_sha256 FROM documents WHERE id = ?", (document_id,))
        if row is None:
            raise NotFound(f"no document {document_id[:12]}… in the ledger")
        raw = bytes(row["raw"])
        if hashlib.sha256(raw).hexdigest() != row["raw_sha256"]:
            raise IntegrityError(f"stored bytes of document {document_id[:12]}… no longer match their SHA-256")
        return raw

    def documents(self, limit: int = 20, offset: int = 0) -> list[DocumentSummary]:
        rows = self._all(
            "SELECT d.id, d.source, d.title, d.publisher, d.published, d.url, d.genre, d.sponsored, d.ingested_at, "
            "(SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS n_claims "
            "FROM documents d ORDER BY d.seq DESC LIMIT ? OFFSET ?",
            (max(0, int(limit)), max(0, int(offset))),
        )
        return [
            DocumentSummary(
                id=r["id"],
                source=r["source"],
                title=r["title"],
                publisher=r["publisher"],
                published=r["published"],
                url=r["url"],
                genre=r["genre"],
                sponsored=bool(r["sponsored"]),
                ingested_at=r["ingested_at"],
                claims=int(r["n_claims"]),
            )
            for r in rows
        ]

    def stale_documents(self, pipeline: str) -> Iterator[str]:
        rows = self._all("SELECT document_id FROM reports WHERE pipeline <> ? ORDER BY document_id", (pipeline,))
        for r in rows:
            yield r["document_id"]

    def record_failure(self, source: str, code: str, message: str) -> None:
        with self._transaction():
            self._x(
                "INSERT INTO failures (source, code, message, count, last_at) VALUES (?, ?, ?, 1, ?) "
                "ON CONFLICT (source, code, message) DO UPDATE SET count = failures.count + 1, "
                "last_at = excluded.last_at",
                (source, code, message, now()),
            )

    def failures(self) -> list[FailureRecord]:
        rows = self._all("SELECT source, code, message, count, last_at FROM failures ORDER BY last_at DESC, source")
        return [FailureRecord(r["source"], r["code"], r["message"], int(r["count"]), r["last_at"]) for r in rows]

    # ---- incidents: computing
    def refresh_incidents(self, everything: bool = False) -> int:
        with self._transaction():
            self._lock_incidents()
            if everything:
                self._x(
                    "INSERT INTO dirty_partitions (partition) SELECT DISTINCT partition FROM events WHERE true "
                    "ON CONFLICT (partition) DO NOTHING"
                )
                self._x(
                    "INSERT INTO dirty_partitions (partition) SELECT DISTINCT partition FROM incident_members WHERE true "
                    "ON CONFLICT (partition) DO NOTHING"
                )
            parts = {r["partition"] for r in self._all("SELECT partition FROM dirty_partitions")}
            if not parts:
                return 0
            decisions = self.decisions()
            parts, relevant = self._close_over_decisions(parts, decisions)
            events = self._events_in(parts)
            incidents = group_events(events, relevant)
            for chunk in _chunks(sorted(parts)):
                self._x(
                    f"DELETE FROM incidents WHERE id IN (SELECT incident_id FROM incident_members "
                    f"WHERE partition IN ({_marks(len(chunk))}))",
                    chunk,
                )
                self._x(f"DELETE FROM incident_members WHERE partition IN ({_marks(len(chunk))})", chunk)
            self._write_incidents(incidents, {e.key: partition_of(e) for e in events})
            for chunk in _chunks(sorted(parts)):
                self._x(f"DELETE FROM dirty_partitions WHERE partition IN ({_marks(len(chunk))})", chunk)
            return len(parts)

    def _close_over_decisions(self, parts: set[str], decisions: list[Decision]) -> tuple[set[str], list[Decision]]:
        """Partitions joined by a user's decision are regrouped together, with that decision."""
        dparts: list[set[str]] = []
        for d in decisions:
            found: set[str] = set()
            for key in d.events:
                doc_id, _, event_id = key.rpartition(":")
                row = self._one(
                    "SELECT partition FROM events WHERE document_id = ? AND event_id = ?", (doc_id, event_id)
                )
                if row is not None:
                    found.add(row["partition"])
                else:  # renumbered by a newer pipeline: wherever that document's events are now
                    found |= {
                        r["partition"]
                        for r in self._all("SELECT partition FROM events WHERE document_id = ?", (doc_id,))
                    }
            dparts.append(found)
        changed = True
        while changed:
            changed = False
            for found in dparts:
                if found & parts and not found <= parts:
                    parts |= found
                    changed = True
        relevant = [d for d, found in zip(decisions, dparts, strict=True) if found & parts]
        return parts, relevant

    def _events_in(self, parts: set[str]) -> list[EventRef]:
        sql = (
            "SELECT e.document_id, e.event_id, d.seq, e.kind, e.date, e.place, e.gazetteer_id, e.admin1, e.country, "
            "e.lat, e.lon, e.partition, e.place_source, e.start_offset, e.end_offset "
            "FROM events e JOIN documents d ON d.id = e.document_id"
        )
        rows: list[Any] = []
        many = len(parts) > CHUNK and len(parts) * 2 > int(
            self._scalar("SELECT count(DISTINCT partition) FROM events") or 0
        )
        if many:  # most of the ledger: one scan beats many lookups
            rows = [r for r in self._all(sql) if r["partition"] in parts]
        else:
            for chunk in _chunks(sorted(parts)):
                rows += self._all(sql + f" WHERE e.partition IN ({_marks(len(chunk))})", chunk)
        return [
            EventRef(
                document_id=r["document_id"],
                event_id=r["event_id"],
                seq=int(r["seq"]),
                kind=r["kind"],
                date=r["date"],
                place=r["place"],
                gazetteer_id=r["gazetteer_id"],
                admin1=r["admin1"],
                country=r["country"],
                lat=r["lat"],
                lon=r["lon"],
                place_source=r["place_source"],
                start=int(r["start_offset"]),
                end=int(r["end_offset"]),
            )
            for r in rows
        ]

    def _write_incidents(self, incidents: Sequence[Incident], partitions: dict[str, str]) -> None:
        self._executemany(
            f"INSERT INTO incidents ({_INCIDENT_COLS}) VALUES ({_marks(20)})",
            [
                (
                    i.id,
                    i.partition,
                    i.place,
                    fold(i.place),
                    i.gazetteer_id,
                    i.admin1,
                    fold(i.admin1),
                    i.country.upper() if i.country else None,
                    i.lat,
                    i.lon,
                    i.geo_precision,
                    i.date,
                    i.date_start,
                    i.date_end,
                    i.date_precision,
                    ",".join(i.kinds),
                    i.confidence,
                    i.reason,
                    len(i.documents),
                    len(i.members),
                )
                for i in incidents
            ],
        )
        rows = []
        for i in incidents:
            for pos, key in enumerate(i.members):
                doc_id, _, event_id = key.rpartition(":")
                rows.append((i.id, doc_id, event_id, pos, partitions[key]))
        self._executemany(
            "INSERT INTO incident_members (incident_id, document_id, event_id, position, partition) VALUES (?, ?, ?, ?, ?)",
            rows,
        )

    def _refresh_if_dirty(self) -> None:
        if self._one("SELECT 1 FROM dirty_partitions LIMIT 1") is not None:
            self.refresh_incidents()

    # ---- incidents: reading
    def incidents(
        self,
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> Iterator[IncidentView]:
        self._refresh_if_dirty()
        where, params = [], []
        if place:
            where.append("(place_fold = ? OR admin1_fold = ? OR country = ?)")
            params += [fold(place), fold(place), place.strip().upper()]
        if date_from:
            where.append("date_end >= ?")
            params.append(date_from)
        if date_to:
            where.append("date_start <= ?")
            params.append(date_to + "~")  # "1992-02" <= "1992-02-26" would fail without it: '~' sorts after digits
        sql = f"SELECT {_INCIDENT_COLS} FROM incidents"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self._all(sql, params)
        for chunk in _chunks(rows, 200):
            yield from self._views(chunk)

    def incident(self, incident_id: str) -> IncidentView:
        self._refresh_if_dirty()
        return next(iter(self._views([self._incident_row(incident_id)])))

    def incidents_of(self, document_id: str) -> list[IncidentView]:
        self._refresh_if_dirty()
        rows = self._all(
            f"SELECT {_INCIDENT_COLS} FROM incidents WHERE id IN "
            "(SELECT incident_id FROM incident_members WHERE document_id = ?) ORDER BY date_start, id",
            (document_id,),
        )
        return list(self._views(rows)) if rows else []

    def most_reported(self) -> IncidentView:
        """The incident with the most documents (the demo's default comparison)."""
        self._refresh_if_dirty()
        row = self._one(f"SELECT {_INCIDENT_COLS} FROM incidents ORDER BY n_documents DESC, n_events DESC, id LIMIT 1")
        if row is None:
            raise NotFound("the ledger has no incidents yet (ingest documents whose reports have events)")
        return next(iter(self._views([row])))

    def _incident_row(self, incident_id: str) -> Any:
        ident = incident_id.strip()
        row = self._one(f"SELECT {_INCIDENT_COLS} FROM incidents WHERE id = ?", (ident,))
        if row is not None:
            return row
        if len(ident) >= 4:
            rows = self._all(
                f"SELECT {_INCIDENT_COLS} FROM incidents WHERE substr(id, 1, ?) = ? LIMIT 2", (len(ident), ident)
            )
            if len(rows) == 1:
                return rows[0]
            if len(rows) > 1:
                raise NotFound(f"incident id prefix {ident!r} is ambiguous: give more characters")
        raise NotFound(f"no incident {ident!r} in the ledger (see `sourcewise incidents`)")

    def _views(self, rows: Sequence[Any]) -> Iterator[IncidentView]:
        ids = [r["id"] for r in rows]
        members: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in self._all(
            f"SELECT incident_id, document_id, event_id FROM incident_members WHERE incident_id IN ({_marks(len(ids))}) "
            "ORDER BY incident_id, position",
            ids,
        ):
            members[r["incident_id"]].append((r["document_id"], r["event_id"]))
        claims: dict[str, list[Claim]] = defaultdict(list)
        for r in self._all(
            f"SELECT m.incident_id, {', '.join('c.' + c.strip() for c in _CLAIM_COLS.split(','))} "
            "FROM incident_members m JOIN claims c ON c.document_id = m.document_id AND c.event_id = m.event_id "
            f"WHERE m.incident_id IN ({_marks(len(ids))})",
            ids,
        ):
            claims[r["incident_id"]].append(_claim_from(r))
        doc_ids = sorted({d for ms in members.values() for d, _ in ms})
        sources: dict[str, Source] = {}
        for chunk in _chunks(doc_ids):
            for r in self._all(
                "SELECT id, publisher, title, genre, sponsored, url, published, source, sketch FROM documents "
                f"WHERE id IN ({_marks(len(chunk))})",
                chunk,
            ):
                sources[r["id"]] = Source(
                    id=r["id"],
                    publisher=r["publisher"],
                    title=r["title"],
                    genre=r["genre"],
                    sponsored=bool(r["sponsored"]),
                    url=r["url"],
                    published=r["published"],
                    source=r["source"],
                    sketch=r["sketch"] or "",
                )
        for r in rows:
            ms = members[r["id"]]
            inc = _incident_from(r, ms)
            yield summarize(inc, claims[r["id"]], {d: sources[d] for d in inc.documents if d in sources})

    # ---- users' decisions
    def decisions(self) -> list[Decision]:
        rows = self._all("SELECT id, kind, events, note, anchors FROM decisions ORDER BY id")
        return [
            Decision(
                int(r["id"]),
                r["kind"],
                tuple(json.loads(r["events"])),
                r["note"],
                tuple((k, int(a), int(b)) for k, a, b in json.loads(r["anchors"] or "[]")),
            )
            for r in rows
        ]

    def _add_decision(self, kind: str, events: Sequence[str], note: str) -> None:
        parts = set()
        anchors = []
        for key in events:
            doc_id, _, event_id = key.rpartition(":")
            row = self._one(
                "SELECT partition, start_offset, end_offset FROM events WHERE document_id = ? AND event_id = ?",
                (doc_id, event_id),
            )
            if row is not None:
                parts.add(row["partition"])
                anchors.append([key, row["start_offset"], row["end_offset"]])
        self._lock_incidents()
        self._x(
            "INSERT INTO decisions (kind, events, note, created_at, anchors) VALUES (?, ?, ?, ?, ?)",
            (kind, json.dumps(list(events)), note, now(), json.dumps(anchors)),
        )
        self._mark_dirty(parts)

    def merge(self, incident_ids: Sequence[str], note: str = "") -> str:
        self._refresh_if_dirty()
        if len(set(incident_ids)) < 2:
            raise UsageError("merge needs at least two different incidents", code="SW403")
        views = [self.incident(i) for i in incident_ids]
        if len({v.incident.id for v in views}) < 2:
            raise UsageError("those ids name the same incident", code="SW403")
        keys = [k for v in views for k in v.incident.members]
        with self._transaction():
            self._add_decision("merge", keys, note)
        self.refresh_incidents()
        return self._incident_of(keys[0])

    def split(self, incident_id: str, members: Sequence[str], note: str = "") -> str:
        """Take members (document id prefixes, or ``DOC:EVENT`` keys) out of an incident into a new one."""
        self._refresh_if_dirty()
        view = self.incident(incident_id)
        chosen = []
        for sel in members:
            sel = sel.strip()
            hit = [k for k in view.incident.members if k == sel or (":" not in sel and k.startswith(sel))]
            if not hit or (":" not in sel and len({k.rpartition(":")[0] for k in hit}) > 1):
                raise NotFound(f"{sel!r} names no single document or event of incident {view.incident.id}")
            chosen += hit
        chosen = list(dict.fromkeys(chosen))
        if len(chosen) == len(view.incident.members):
            raise UsageError("a split must leave at least one member in the incident", code="SW403")
        with self._transaction():
            self._add_decision("split", chosen, note)
        self.refresh_incidents()
        return self._incident_of(chosen[0])

    def _incident_of(self, key: str) -> str:
        doc_id, _, event_id = key.rpartition(":")
        return str(
            self._scalar(
                "SELECT incident_id FROM incident_members WHERE document_id = ? AND event_id = ?", (doc_id, event_id)
            )
        )

    # ---- overview
    def stats(self, pipeline: str | None = None) -> Stats:
        self._refresh_if_dirty()
        count = {
            t: int(self._scalar(f"SELECT count(*) FROM {t}") or 0)
            for t in ("documents", "reports", "events", "claims", "incidents", "failures", "decisions")
        }
        pipelines = {
            r["pipeline"]: int(r["n"])
            for r in self._all("SELECT pipeline, count(*) AS n FROM reports GROUP BY pipeline ORDER BY pipeline")
        }
        current = pipeline or PIPELINE_VERSION
        return Stats(
            **count,
            pipelines=pipelines,
            stale_reports=sum(n for p, n in pipelines.items() if p != current),
            schema_version=self.schema_version(),
            backend=self.backend,
        )


def _claim_from(r: Any) -> Claim:
    return Claim(
        document_id=r["document_id"],
        event_id=r["event_id"],
        figure_id=r["figure_id"],
        category=r["category"],
        value=r["value"],
        low=r["low"],
        high=r["high"],
        qualifier=r["qualifier"],
        subgroup=r["subgroup"],
        unit=r["unit"],
        part_of=r["part_of"],
        attributed_to=r["attributed_to"],
        start=int(r["start_offset"]),
        end=int(r["end_offset"]),
        quote=r["quote"],
        context=r["context"],
    )


def _incident_from(r: Any, members: list[tuple[str, str]]) -> Incident:
    return Incident(
        id=r["id"],
        members=tuple(f"{d}:{e}" for d, e in members),
        confidence=float(r["confidence"]),
        reason=r["reason"],
        place=r["place"],
        gazetteer_id=r["gazetteer_id"],
        admin1=r["admin1"],
        country=r["country"],
        lat=r["lat"],
        lon=r["lon"],
        geo_precision=r["geo_precision"],
        date=r["date"],
        date_start=r["date_start"],
        date_end=r["date_end"],
        date_precision=r["date_precision"],
        kinds=tuple(k for k in (r["kinds"] or "").split(",") if k),
        partition=r["partition"],
        documents=tuple(dict.fromkeys(d for d, _ in members)),
    )
