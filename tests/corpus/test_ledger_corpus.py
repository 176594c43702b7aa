"""The ledger on the real dev corpus: the four Khojaly articles line up as one incident.

Skipped cleanly where ../shared is absent.
"""

from __future__ import annotations

import pytest

from sourcewise.ledger import ingest
from sourcewise.store import open_store

KHOJALY = ("00-newsaz", "01-khojaly-wikipedia", "03-khojaly-hrw-excerpts", "08-khojaly-trend")


@pytest.fixture(scope="module")
def ledger(corpus, analyzer, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ledger") / "corpus.db")
    with open_store(db) as store:
        summary = ingest(store, [corpus / "articles"], analyzer=analyzer)
        assert summary.failed == 0
    return db


@pytest.mark.corpus
def test_khojaly_sources_line_up_in_one_incident(ledger):
    with open_store(ledger) as store:
        views = [v for v in store.incidents(place="Khojaly", date_from="1992-02-25", date_to="1992-02-26")]
        sources = {}
        for v in views:
            for d in v.incident.documents:
                sources[d] = v.sources[d].source or ""
        (view,) = [v for v in views if len(v.incident.documents) >= 4]
    names = sorted(next(k for k in KHOJALY if k in (view.sources[d].source or "")) for d in view.incident.documents)
    assert names == sorted(KHOJALY)
    killed = [c for c in view.claims if c.category == "killed"]
    by_value = {(c.value, c.qualifier) for c in killed}
    assert (613, "exact") in by_value and (485, "exact") in by_value
    assert (161, "at_least") in by_value
    assert any(c.value == 200 and c.qualifier in ("at_least", "more_than") for c in killed)
    for c in killed:
        text = store_text(ledger, c.document_id)
        assert text[c.start : c.end] == c.quote
    est = view.estimates["killed"]
    assert est.low is not None and est.high is not None
    assert est.low <= 161 and est.high >= 613
    assert est.documents == 4
    assert any(f.category == "killed" for f in view.flags)


def store_text(db: str, doc_id: str) -> str:
    with open_store(db) as store:
        doc = store.get_document(doc_id)
        assert doc is not None
        return doc.text
