"""kill -9 in the middle of ``sourcewise ingest --workers 2``, then a rerun: every document stored exactly once."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from benchmarks.synthetic import articles

from sourcewise.ingest import document_id

pytestmark = pytest.mark.slow
N = 50


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def _ingest(folder: Path, db: Path, log: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "sourcewise", "ingest", str(folder), "--db", str(db), "--workers", "2"]
    with log.open("w") as err:  # a file, not a pipe: nothing can hold it open after the kill
        return subprocess.Popen([*cmd, "--batch-size", "2"], stdout=subprocess.DEVNULL, stderr=err)


def test_kill_9_then_rerun_stores_every_document_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(articles(N, words=150, seed=11)):
        (folder / f"{i:03d}.txt").write_text(text)
    expected = {document_id(p.read_bytes()) for p in folder.iterdir()}
    db = tmp_path / "ledger.db"

    log = tmp_path / "first.log"
    proc = _ingest(folder, db, log)
    deadline = time.monotonic() + 240
    while _count(db) < 4:
        assert proc.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the ingest stored nothing in time"
        time.sleep(0.02)
    workers = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_at_kill = _count(db)
    assert 4 <= stored_at_kill < N, "the kill must land mid-run"
    _gone, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, f"workers outlived their killed parent: {alive}"

    rerun = subprocess.run(
        [sys.executable, "-m", "sourcewise", "ingest", str(folder), "--db", str(db), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    # the rerun analysed only what the kill had left: the rest was skipped, not stored again
    assert f"{N} document(s): {N - stored_at_kill} new, 0 updated, {stored_at_kill} already stored" in rerun.stderr

    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
        assert sorted(ids) == sorted(expected) and len(ids) == N
        reports = dict(conn.execute("SELECT document_id, report FROM reports").fetchall())
        assert set(reports) == expected
        claims = dict(conn.execute("SELECT document_id, count(*) FROM claims GROUP BY document_id").fetchall())
        for doc_id, payload in reports.items():  # no claim stored twice, none missing
            assert claims.get(doc_id, 0) == len(json.loads(payload)["figures"])
        assert conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == N
