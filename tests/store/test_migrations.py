"""Numbered migrations: from an empty ledger, and from a ledger written by schema version 1."""

from __future__ import annotations

import dataclasses
import json

import pytest

from sourcewise.errors import SchemaTooNew
from sourcewise.reconcile import claims_of
from sourcewise.records import Entity
from sourcewise.store import open_store
from sourcewise.store.postgres import PostgresStore
from sourcewise.store.sqlite import SqliteStore
from tests.store.reports import Fig, make_report


def raw_store(url: str):
    return PostgresStore(url, migrate=False) if url.startswith("postgresql") else SqliteStore(url, migrate=False)


def test_empty_ledger_gets_every_migration(store_url):
    s = raw_store(store_url)
    assert s.migrate() == [m.version for m in s.migrations]
    assert s.migrate() == []  # already current
    assert s.schema_version() == s.migrations[-1].version
    s.close()


@pytest.mark.parametrize("old_version", [1, 3])
def test_an_older_ledger_is_upgraded_with_its_data(store_url, old_version):
    text = "Shells hit Velmora overnight. At least 40 people were killed."
    report, raw = make_report(
        text,
        figures=[Fig("At least 40 people were killed", value=40, qualifier="at_least")],
        date="2031-05-06",
        sponsorship="Shells hit Velmora",
    )
    at = text.index("Velmora")
    report = dataclasses.replace(report, entities=(Entity(at, at + 7, "Velmora", "GPE"),))
    old = raw_store(store_url)
    assert old.migrate(target=old_version)[-1] == old_version
    doc = report.document
    stored = report.to_dict()
    del stored["document"]
    with old._transaction():  # what sourcewise wrote at that version
        old._x(
            "INSERT INTO documents (id, source, url, title, publisher, byline, published, language, text, raw, "
            "raw_sha256, raw_size, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.source, None, None, None, None, None, "en", doc.text, raw, doc.id, len(raw), "2030-01-01"),
        )
        old._x(
            "INSERT INTO reports (document_id, pipeline, schema, report, analysed_at) VALUES (?, ?, ?, ?, ?)",
            (doc.id, report.pipeline, "sourcewise.report/1", json.dumps(stored), "2030-01-01"),
        )
        if old_version >= 2:  # events without a place, as version 2 and 3 stored them
            old._x(
                "INSERT INTO events (document_id, event_id, kind, date, place, partition) VALUES (?, ?, ?, ?, ?, ?)",
                (doc.id, "e1", "attack", "2031-05-06", None, f"doc:{doc.id}"),
            )
            old._x("INSERT INTO dirty_partitions (partition) VALUES (?)", (f"doc:{doc.id}",))
            old._insert_claims(claims_of(report))
        if old_version >= 3:
            old._index_text(old._scalar("SELECT seq FROM documents WHERE id = ?", (doc.id,)), doc)
    old.close()

    with open_store(store_url) as s:  # opening migrates to the latest version and backfills
        stats = s.stats()
        assert stats.schema_version == s.migrations[-1].version
        assert (stats.documents, stats.events, stats.claims, stats.incidents) == (1, 1, 1, 1)
        view = next(iter(s.incidents()))
        assert view.claims[0].quote == "At least 40 people were killed"
        assert view.incident.place == "Velmora"  # inferred by version 4 for an event without a place
        assert [h.document_id for h in s.search("shells")] == [doc.id]
        assert s.get_report(doc.id) == report
        if old_version == 1:
            assert view.sources[doc.id].sponsored is True


def test_a_newer_ledger_is_refused(store_url):
    with open_store(store_url) as s:
        s._x("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", (999, "future", "2099"))
    with pytest.raises(SchemaTooNew) as err:
        open_store(store_url)
    assert err.value.code == "SW202"
