"""Numbered schema migrations, one list per backend.

A ledger records the versions applied in ``schema_migrations``; opening it
applies the missing ones in order, each in its own transaction with its
version row, so a crash mid-migration leaves the previous version intact.
Never edit a released migration: add the next number. A migration may carry a
Python backfill that fills new tables from what older versions stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sourcewise.store.sql import SqlStore


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    backfill: Callable[[SqlStore], None] | None = None


def _backfill_ledger(store: SqlStore) -> None:
    """Version 2: derive events, claims and per-document framing from the reports version 1 stored."""
    from sourcewise.reconcile import claims_of, event_refs, partition_of, sketch
    from sourcewise.records import Report

    rows = store._all("SELECT d.seq, d.id, d.text, r.report FROM documents d JOIN reports r ON r.document_id = d.id")
    for row in rows:
        data: dict[str, Any] = json.loads(row["report"])
        doc = store._document_from(store._one("SELECT * FROM documents WHERE id = ?", (row["id"],)))
        report = Report.from_dict({**data, "document": doc.to_dict()})
        sponsored = 1 if report.framing.sponsorship else 0
        store._x(
            "UPDATE documents SET genre = ?, sponsored = ?, sketch = ? WHERE id = ?",
            (report.framing.genre, sponsored, sketch(row["text"]), row["id"]),
        )
        refs = event_refs(report, row["seq"])
        # the columns of version 2 (later versions add theirs in their own migrations)
        store._executemany(
            "INSERT INTO events (document_id, event_id, kind, date, place, gazetteer_id, admin1, country, lat, lon, "
            "partition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                )
                for e in refs
            ],
        )
        store._insert_claims(claims_of(report))
        store._mark_dirty({partition_of(e) for e in refs})


def _event_v2(e: Any) -> tuple[Any, ...]:
    return (e.document_id, e.event_id, e.kind, e.date, e.place, e.gazetteer_id, e.admin1, e.country, e.lat, e.lon)


def _rederive_events(store: SqlStore) -> None:
    """Version 4: events get ``place_source``; events without a place of their own get an inferred one."""
    from sourcewise.reconcile import event_refs, partition_of
    from sourcewise.records import Report

    rows = store._all("SELECT d.seq, d.id, r.report FROM documents d JOIN reports r ON r.document_id = d.id")
    for row in rows:
        doc = store._document_from(store._one("SELECT * FROM documents WHERE id = ?", (row["id"],)))
        report = Report.from_dict({**json.loads(row["report"]), "document": doc.to_dict()})
        old = {r["partition"] for r in store._all("SELECT partition FROM events WHERE document_id = ?", (row["id"],))}
        refs = event_refs(report, row["seq"])
        store._x("DELETE FROM events WHERE document_id = ?", (row["id"],))
        store._executemany(  # the columns of version 4
            "INSERT INTO events (document_id, event_id, kind, date, place, gazetteer_id, admin1, country, lat, lon, "
            "partition, place_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*_event_v2(e), partition_of(e), e.place_source) for e in refs],
        )
        store._mark_dirty(old | {partition_of(e) for e in refs})


def _event_offsets(store: SqlStore) -> None:
    """Version 5: events keep their offsets, decisions the offsets of their events (re-anchoring)."""
    rows = store._all("SELECT document_id, report FROM reports")
    for row in rows:
        for e in json.loads(row["report"]).get("events") or ():
            store._x(
                "UPDATE events SET start_offset = ?, end_offset = ? WHERE document_id = ? AND event_id = ?",
                (e["start"], e["end"], row["document_id"], e["id"]),
            )
    for d in store._all("SELECT id, events FROM decisions"):
        anchors = []
        for key in json.loads(d["events"]):
            doc_id, _, event_id = key.rpartition(":")
            ev = store._one(
                "SELECT start_offset, end_offset FROM events WHERE document_id = ? AND event_id = ?", (doc_id, event_id)
            )
            if ev is not None:
                anchors.append([key, ev["start_offset"], ev["end_offset"]])
        store._x("UPDATE decisions SET anchors = ? WHERE id = ?", (json.dumps(anchors), d["id"]))


_SQLITE_V1 = (
    """CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT, title TEXT, publisher TEXT, byline TEXT, published TEXT, language TEXT,
        text TEXT NOT NULL,
        raw BLOB NOT NULL,
        raw_sha256 TEXT NOT NULL,
        raw_size INTEGER NOT NULL,
        ingested_at TEXT NOT NULL)""",
    """CREATE TABLE reports (
        document_id TEXT PRIMARY KEY REFERENCES documents(id),
        pipeline TEXT NOT NULL,
        schema TEXT NOT NULL,
        report TEXT NOT NULL,
        analysed_at TEXT NOT NULL)""",
    "CREATE INDEX reports_pipeline ON reports(pipeline)",
    """CREATE TABLE failures (
        source TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL,
        count INTEGER NOT NULL, last_at TEXT NOT NULL,
        PRIMARY KEY (source, code, message))""",
)

_LEDGER_TABLES = (
    "ALTER TABLE documents ADD COLUMN genre TEXT",
    "ALTER TABLE documents ADD COLUMN sponsored INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE documents ADD COLUMN sketch TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE events (
        document_id TEXT NOT NULL REFERENCES documents(id),
        event_id TEXT NOT NULL,
        kind TEXT, date TEXT, place TEXT, gazetteer_id TEXT, admin1 TEXT, country TEXT,
        lat {real}, lon {real},
        partition TEXT NOT NULL,
        PRIMARY KEY (document_id, event_id))""",
    "CREATE INDEX events_partition ON events(partition)",
    """CREATE TABLE claims (
        document_id TEXT NOT NULL REFERENCES documents(id),
        figure_id TEXT NOT NULL,
        event_id TEXT,
        category TEXT NOT NULL,
        value BIGINT, low BIGINT, high BIGINT,
        qualifier TEXT NOT NULL, subgroup TEXT, unit TEXT NOT NULL, part_of TEXT, attributed_to TEXT,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, quote TEXT NOT NULL,
        context TEXT NOT NULL,
        PRIMARY KEY (document_id, figure_id))""",
    "CREATE INDEX claims_event ON claims(document_id, event_id)",
    """CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        partition TEXT NOT NULL,
        place TEXT, place_fold TEXT, gazetteer_id TEXT, admin1 TEXT, admin1_fold TEXT, country TEXT,
        lat {real}, lon {real}, geo_precision INTEGER,
        date TEXT, date_start TEXT, date_end TEXT, date_precision TEXT,
        kinds TEXT NOT NULL, confidence {real} NOT NULL, reason TEXT NOT NULL,
        n_documents INTEGER NOT NULL, n_events INTEGER NOT NULL)""",
    "CREATE INDEX incidents_place ON incidents(place_fold)",
    "CREATE INDEX incidents_admin1 ON incidents(admin1_fold)",
    "CREATE INDEX incidents_country ON incidents(country)",
    "CREATE INDEX incidents_dates ON incidents(date_start, date_end)",
    """CREATE TABLE incident_members (
        incident_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        partition TEXT NOT NULL,
        PRIMARY KEY (document_id, event_id))""",
    "CREATE INDEX incident_members_incident ON incident_members(incident_id, position)",
    "CREATE INDEX incident_members_partition ON incident_members(partition)",
    """CREATE TABLE decisions (
        id {serial},
        kind TEXT NOT NULL,
        events TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    "CREATE TABLE dirty_partitions (partition TEXT PRIMARY KEY)",
)

_V4 = ("ALTER TABLE events ADD COLUMN place_source TEXT NOT NULL DEFAULT 'report'",)
_V5 = (
    "ALTER TABLE events ADD COLUMN start_offset INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN end_offset INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE decisions ADD COLUMN anchors TEXT NOT NULL DEFAULT '[]'",
)

SQLITE: tuple[Migration, ...] = (
    Migration(1, "documents, reports and failures", _SQLITE_V1),
    Migration(
        2,
        "events, claims, incidents and decisions",
        tuple(s.format(real="REAL", serial="INTEGER PRIMARY KEY AUTOINCREMENT") for s in _LEDGER_TABLES),
        _backfill_ledger,
    ),
    Migration(
        3,
        "full-text search (FTS5)",
        (
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize='porter unicode61 remove_diacritics 2')",
            "INSERT INTO documents_fts(rowid, title, text) SELECT seq, coalesce(title, ''), text FROM documents",
        ),
    ),
    Migration(4, "events: where their place comes from", _V4, _rederive_events),
    Migration(5, "events and decisions: offsets that re-anchor decisions", _V5, _event_offsets),
)

POSTGRES: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, reports and failures",
        tuple(
            s.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY").replace(
                "BLOB", "BYTEA"
            )
            for s in _SQLITE_V1
        ),
    ),
    Migration(
        2,
        "events, claims, incidents and decisions",
        tuple(
            s.format(real="DOUBLE PRECISION", serial="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
            for s in _LEDGER_TABLES
        ),
        _backfill_ledger,
    ),
    Migration(
        3,
        "full-text search (tsvector)",
        (
            "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || left(text, 500000))) STORED",
            "CREATE INDEX documents_tsv ON documents USING GIN (tsv)",
        ),
    ),
    Migration(4, "events: where their place comes from", _V4, _rederive_events),
    Migration(5, "events and decisions: offsets that re-anchor decisions", _V5, _event_offsets),
)
