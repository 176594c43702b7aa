"""Numbered migrations: from an empty ledger, and from a ledger written by schema version 1."""

from __future__ import annotations

import json

import pytest

from sourcewise.errors import SchemaTooNew
from sourcewise.store import open_store
from sourcewise.store.postgres import PostgresStore
from sourcewise.store.sqlite import SqliteStore
from tests.store.reports import Fig, Where, make_report


def raw_store(url: str):
    return PostgresStore(url, migrate=False) if url.startswith("postgresql") else SqliteStore(url, migrate=False)


def test_empty_ledger_gets_every_migration(store_url):
    s = raw_store(store_url)
    assert s.migrate() == [m.version for m in s.migrations]
    assert s.migrate() == []  # already current
    assert s.schema_version() == s.migrations[-1].version
    s.close()


def test_version_1_ledger_is_upgraded_with_its_data(store_url):
    report, raw = make_report(
        "Shells hit Velmora overnight. At least 40 people were killed.",
        figures=[Fig("At least 40 people were killed", value=40, qualifier="at_least")],
        date="2031-05-06",
        place=Where("Velmora", country="ZZ"),
        sponsorship="Shells hit Velmora",
    )
    old = raw_store(store_url)
    assert old.migrate(target=1) == [1]
    doc = report.document
    stored = report.to_dict()
    del stored["document"]
    with old._transaction():
        old._x(
            "INSERT INTO documents (id, source, url, title, publisher, byline, published, language, text, raw, "
            "raw_sha256, raw_size, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.source, None, None, None, None, None, "en", doc.text, raw, doc.id, len(raw), "2030-01-01"),
        )
        old._x(
            "INSERT INTO reports (document_id, pipeline, schema, report, analysed_at) VALUES (?, ?, ?, ?, ?)",
            (doc.id, report.pipeline, "sourcewise.report/1", json.dumps(stored), "2030-01-01"),
        )
    old.close()

    with open_store(store_url) as s:  # opening migrates 1 -> latest and backfills
        stats = s.stats()
        assert stats.schema_version == 3
        assert (stats.documents, stats.events, stats.claims, stats.incidents) == (1, 1, 1, 1)
        view = next(iter(s.incidents()))
        assert view.claims[0].quote == "At least 40 people were killed"
        assert view.sources[doc.id].sponsored is True
        assert [h.document_id for h in s.search("shells")] == [doc.id]
        assert s.get_report(doc.id) == report


def test_a_newer_ledger_is_refused(store_url):
    with open_store(store_url) as s:
        s._x("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", (999, "future", "2099"))
    with pytest.raises(SchemaTooNew) as err:
        open_store(store_url)
    assert err.value.code == "SW202"
