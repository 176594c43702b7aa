"""kill -9 in the middle of an ingest never leaves half a document, and a rerun resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sourcewise.store import open_store

WRITER = """
import sys
from benchmarks.ledger import synthetic_reports
from sourcewise.store import open_store

store = open_store(sys.argv[1])
for i, (report, raw) in enumerate(synthetic_reports(int(sys.argv[2]), seed=3)):
    store.put(report, raw)
    if i == 20:
        print("started", flush=True)
store.refresh_incidents()
print("done", flush=True)
"""

ROOT = Path(__file__).resolve().parents[2]


def _consistent(store) -> None:
    docs = {r["id"] for r in store._all("SELECT id FROM documents")}
    reports = {r["document_id"] for r in store._all("SELECT document_id FROM reports")}
    assert docs == reports
    per_doc = {
        r["document_id"]: int(r["n"])
        for r in store._all("SELECT document_id, count(*) AS n FROM claims GROUP BY document_id")
    }
    assert set(per_doc) == docs and set(per_doc.values()) <= {2}  # every synthetic report has two figures
    if store.backend == "sqlite":
        assert store._scalar("SELECT count(*) FROM documents_fts") == len(docs)


def test_kill_9_mid_ingest_leaves_whole_documents_only(store_url):
    open_store(store_url).close()  # migrate first, so the kill lands among document writes
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, store_url, "400"], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "started"
    os.kill(proc.pid, signal.SIGKILL)  # somewhere in the documents after the 21st
    proc.wait()
    with open_store(store_url) as store:
        stored = store.stats().documents
        assert 20 <= stored < 400
        _consistent(store)
        assert len(list(store.incidents())) > 0  # regrouping the dirty partitions repairs the incidents
    # a rerun stores the rest and nothing twice
    done = subprocess.run([sys.executable, "-c", WRITER, store_url, "400"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    with open_store(store_url) as store:
        _consistent(store)
        assert store.stats().documents == len({r.document.id for r, _ in _reports(400)})


def _reports(n: int):
    from benchmarks.ledger import synthetic_reports

    return list(synthetic_reports(n, seed=3))
