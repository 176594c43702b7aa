"""Listings the web UI needs from every backend: recent documents, and the incidents of one document."""

from __future__ import annotations

from tests.store.reports import Fig, Where, make_report

DARVEL = Where("Darvel", gazetteer_id=None, country="ZZ")


def test_documents_most_recent_first_with_paging(store):
    texts = [f"Report {i}: {i + 2} people were killed in Darvel." for i in range(3)]
    ids = []
    for i, text in enumerate(texts):
        report, raw = make_report(
            text,
            figures=[Fig(f"{i + 2} people", value=i + 2)],
            publisher=f"P{i}",
            sponsorship=None if i else "Report 0",
        )
        store.put(report, raw)
        ids.append(report.document.id)
    listed = store.documents(limit=10)
    assert [d.id for d in listed] == ids[::-1]
    assert listed[-1].publisher == "P0" and listed[-1].sponsored and not listed[0].sponsored
    assert all(d.claims == 1 and d.ingested_at for d in listed)
    assert [d.id for d in store.documents(limit=1, offset=1)] == [ids[1]]
    assert store.documents(limit=5, offset=10) == []


def test_incidents_of_a_document(store):
    a, raw_a = make_report(
        "Shelling of Darvel killed 12 people.", figures=[Fig("12 people", value=12)], date="2024-03-14", place=DARVEL
    )
    b, raw_b = make_report(
        "In Darvel, 20 people died in the shelling.",
        figures=[Fig("20 people", value=20)],
        date="2024-03-14",
        place=DARVEL,
    )
    c, raw_c = make_report("A statement without any place or date.", figures=[])
    for r, raw in ((a, raw_a), (b, raw_b), (c, raw_c)):
        store.put(r, raw)
    [view] = store.incidents_of(a.document.id)
    assert set(view.incident.documents) == {a.document.id, b.document.id}
    assert [v.incident.id for v in store.incidents_of(b.document.id)] == [view.incident.id]
    assert store.incidents_of(c.document.id) == []
    assert store.incidents_of("0" * 64) == []


def test_report_revision_follows_the_report(store):
    report, raw = make_report("Shelling of Darvel killed 12 people.", figures=[Fig("12 people", value=12)])
    assert store.report_revision(report.document.id) is None
    store.put(report, raw)
    first = store.report_revision(report.document.id)
    assert first and store.report_revision(report.document.id) == first
    store.put(report, raw)  # unchanged
    assert store.report_revision(report.document.id) == first
    changed, _ = make_report("Shelling of Darvel killed 12 people.", figures=[Fig("12 people", value=13)])
    store.put(changed, raw)  # re-analysed: a different report of the same bytes
    assert store.report_revision(report.document.id) not in (None, first)


def test_change_token_moves_when_another_connection_writes(store_url):
    from sourcewise.store import open_store

    with open_store(store_url) as reader, open_store(store_url) as writer:
        before = reader.change_token()
        if before is None:  # PostgreSQL cannot tell cheaply: callers cache nothing
            assert reader.backend == "postgresql"
            return
        assert reader.change_token() == before  # nothing happened
        report, raw = make_report("Shelling of Darvel killed 12 people.", figures=[Fig("12 people", value=12)])
        writer.put(report, raw)
        assert reader.change_token() != before
