"""The Store contract, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import hashlib

import pytest

from sourcewise import PIPELINE_VERSION
from sourcewise.errors import IntegrityError, NotFound
from sourcewise.store import HL_END, HL_START, open_store
from tests.store.reports import Fig, Where, make_report

TOWN = Where("Velmora", gazetteer_id="test:1001", admin1="Upper Province", country="ZZ", lat=10.5, lon=20.25)


def wire(extra: str = "") -> tuple:
    text = f"Shells hit Velmora on Tuesday. At least 40 people were killed, the mayor said.{extra}"
    return make_report(
        text,
        figures=[Fig("At least 40 people were killed", value=40, qualifier="at_least", attributed_to="the mayor")],
        date="2031-05-06",
        place=TOWN,
        publisher="Example Wire",
    )


def test_put_is_idempotent_on_document_id(store):
    report, raw = wire()
    assert store.put(report, raw) == "new"
    assert store.put(report, raw) == "unchanged"
    stats = store.stats()
    assert (stats.documents, stats.reports, stats.claims, stats.events) == (1, 1, 1, 1)
    assert store.get_report(report.document.id) == report


def test_raw_bytes_are_kept_with_their_hash(store):
    report, raw = wire()
    store.put(report, raw)
    assert store.get_raw(report.document.id) == raw
    assert hashlib.sha256(store.get_raw(report.document.id)).hexdigest() == report.document.id
    with pytest.raises(IntegrityError):
        store.put(report, raw + b"tampered")
    with pytest.raises(NotFound):
        store.get_raw("0" * 64)


def test_pipeline_version_is_recorded_and_stale_reports_found(store):
    old, raw = make_report("Nothing happened in Velmora.", pipeline="0.0.1+old")
    new, raw2 = wire()
    store.put(old, raw)
    store.put(new, raw2)
    assert store.stats().pipelines == {"0.0.1+old": 1, PIPELINE_VERSION: 1}
    assert list(store.stale_documents(PIPELINE_VERSION)) == [old.document.id]
    assert store.has_report(new.document.id, PIPELINE_VERSION)
    assert not store.has_report(old.document.id, PIPELINE_VERSION)
    assert store.stats().stale_reports == 1


def test_a_failed_put_leaves_nothing_half_stored(store, monkeypatch):
    report, raw = wire()

    def boom(*a, **k):
        raise RuntimeError("crash in the middle of a document")

    monkeypatch.setattr(store, "_insert_claims", boom)
    with pytest.raises(RuntimeError):
        store.put(report, raw)
    monkeypatch.undo()
    stats = store.stats()
    assert (stats.documents, stats.reports, stats.events, stats.claims) == (0, 0, 0, 0)
    assert store.search("Velmora") == []
    assert store.put(report, raw) == "new"


def test_failures_are_recorded_and_counted(store):
    store.record_failure("a.txt", "SW103", "empty")
    store.record_failure("a.txt", "SW103", "empty")
    store.record_failure("b.bin", "SW102", "binary")
    got = {(f.source, f.code): f.count for f in store.failures()}
    assert got == {("a.txt", "SW103"): 2, ("b.bin", "SW102"): 1}
    assert store.stats().failures == 2


def test_search_finds_words_and_highlights_them(store):
    report, raw = wire()
    store.put(report, raw)
    other, raw2 = make_report("Floods in a quiet valley displaced farmers.")
    store.put(other, raw2)
    hits = store.search("shells mayor")
    assert [h.document_id for h in hits] == [report.document.id]
    assert HL_START in hits[0].snippet and HL_END in hits[0].snippet
    assert store.search('"valley displaced"')[0].document_id == other.document.id
    assert store.search("nonexistentword") == []
    assert store.search('"unbalanced AND (') == []  # user syntax never raises


def test_reopening_keeps_everything(store_url):
    report, raw = wire()
    with open_store(store_url) as s:
        s.put(report, raw)
    with open_store(store_url) as s:
        assert s.get_report(report.document.id) == report
        assert s.stats().schema_version == s.migrations[-1].version
