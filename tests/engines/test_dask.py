"""The Dask engine on a small in-process cluster: same outcomes as the local engine, to SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from benchmarks.synthetic import articles

import sourcewise.ledger
from sourcewise.engines.dask import DaskEngine
from sourcewise.ledger import ingest
from sourcewise.store import open_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine():
    """One worker thread in this process: the session's spaCy pipeline is reused, and startup is quick."""
    with DaskEngine(workers=1, processes=False) as e:
        yield e


@pytest.fixture
def folder(tmp_path):
    f = tmp_path / "in"
    f.mkdir()
    for i, text in enumerate(articles(5, words=80, seed=5)):
        (f / f"{i}.txt").write_text(text)
    (f / "broken.txt").write_bytes(b"\x00\x01\x02")
    return f


def test_dask_engine_ingests_into_sqlite_and_resumes(engine, folder, tmp_path, analyzer):
    with open_store(str(tmp_path / "l.db")) as store:
        summary = ingest(store, [folder], engine=engine, batch_size=2)
        assert (summary.new, summary.failed, summary.skipped) == (5, 1, 0)
        assert [f.code for f in store.failures()] == ["SW102"]
        again = ingest(store, [folder], engine=engine, batch_size=2)
        assert (again.new, again.skipped) == (0, 5)
        assert store.stats().documents == 5


def test_dask_workers_write_to_postgresql(engine, folder, pg_url, analyzer):
    with open_store(pg_url) as store:
        summary = ingest(store, [folder], engine=engine, batch_size=2)
        assert (summary.new, summary.failed) == (5, 1)
        assert store.stats().documents == 5 and store.stats().reports == 5
        assert pg_url in sourcewise.ledger._worker_stores  # written from the worker, not sent back here
        assert ingest(store, [folder], engine=engine, batch_size=2).skipped == 5


def test_unreachable_scheduler_is_one_coded_error():
    from sourcewise.errors import EngineUnavailable

    with pytest.raises(EngineUnavailable) as err, DaskEngine("tcp://127.0.0.1:9", connect_timeout=1) as e:
        list(e.map(len, [[]], lambda b, r: r))
    assert err.value.code == "SW410"
