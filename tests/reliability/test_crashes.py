"""kill -9 at random points of ``sourcewise ingest`` and ``sourcewise reanalyze``: nothing half stored, nothing lost.

One ledger takes every fault in turn: each seed starts a run (which resumes what the last one left), kills it at a
random moment, and checks the store (SQLite's integrity check and the ledger's invariants) before the next run. A
last run without a fault must then complete with every document stored exactly once. ``tests/engines/test_resume``
covers one kill among parallel workers; here the kill lands at random in one process, the first one possibly still
migrating the fresh database.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from benchmarks.synthetic import articles

from sourcewise import PIPELINE_VERSION
from sourcewise.ingest import document_id
from tests.reliability.conftest import CLI, cli_env, ledger_integrity, run_cli

pytestmark = pytest.mark.slow
SEEDS = (1, 2, 3)
N = 40


def _count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def _start(args: list[str], log: Path) -> subprocess.Popen:
    with log.open("w") as err:  # a file, not a pipe: nothing holds it open after the kill
        return subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=err, env=cli_env())


def _kill_at_random(proc: subprocess.Popen, db: Path, progress_sql: str, rng: random.Random, log: Path) -> None:
    """kill -9 once the run has written a random number (1 to 8) of its documents, a random moment later.

    Counting writes rather than seconds keeps every kill mid-run however fast the machine; the extra delay (up
    to about one batch of two short documents) spreads the kill over analysis and the writing of a batch.
    """
    target = _count(db, progress_sql) + rng.randint(1, 8)
    deadline = time.monotonic() + 120
    while _count(db, progress_sql) < target:
        assert proc.poll() is None, f"the run ended before it could be killed: {log.read_text()}"
        assert time.monotonic() < deadline, "the run wrote nothing in time"
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, 0.15))
    assert proc.poll() is None, "the kill must land mid-run"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def _integrity_if_migrated(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return ledger_integrity(db) if "reports" in tables else {"documents": 0, "claims": 0}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("articles")
    for i, text in enumerate(articles(N, words=90, seed=5)):
        (out / f"{i:03d}.txt").write_text(text)
    return out


@dataclass
class Resumed:
    db: Path
    expected: set[str]
    stored_at_kills: list[int]
    rerun: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def resumed_ingest(folder, tmp_path_factory) -> Resumed:
    """A ledger built by ingest runs killed at random points, then one run to completion."""
    tmp_path = tmp_path_factory.mktemp("ingest")
    expected = {document_id(p.read_bytes()) for p in folder.iterdir()}
    db = tmp_path / "ledger.db"
    finish = ["ingest", str(folder), "--db", str(db), "--workers", "1", "--quiet"]
    args = [*finish, "--batch-size", "2"]  # killed runs store every two documents
    # a first fault at a random moment of the first seconds: start-up, opening or migrating the fresh ledger
    rng = random.Random(0)
    proc = _start(args, tmp_path / "start.log")
    time.sleep(rng.uniform(0.2, 2.5))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    _integrity_if_migrated(db)
    stored = []
    for seed in SEEDS:
        log = tmp_path / f"seed{seed}.log"
        _kill_at_random(_start(args, log), db, "SELECT count(*) FROM documents", random.Random(seed), log)
        stored.append(ledger_integrity(db)["documents"])  # checked after every kill
    return Resumed(db, expected, stored, run_cli(finish, timeout=300))


def test_kill_9_during_ingest_at_random_points(resumed_ingest, figures):
    db, expected, stored, rerun = (
        resumed_ingest.db,
        resumed_ingest.expected,
        resumed_ingest.stored_at_kills,
        resumed_ingest.rerun,
    )
    assert stored == sorted(stored) and 0 < stored[-1] < N, stored  # each run resumed, none finished
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N} document(s): {N - stored[-1]} new, 0 updated, {stored[-1]} already stored" in rerun.stderr
    assert ledger_integrity(db)["documents"] == N
    with sqlite3.connect(db) as conn:
        ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
    assert ids == expected
    figures["kill -9 during ingest"] += 1 + len(SEEDS)
    figures["documents lost"] += len(expected - ids)


def test_kill_9_during_reanalyze_at_random_points(resumed_ingest, tmp_path, figures):
    db = tmp_path / "ledger.db"
    with sqlite3.connect(resumed_ingest.db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # the file and its write-ahead log
    assert ledger_integrity(db)["documents"] == N
    with sqlite3.connect(db) as conn:
        claims_before = sorted(conn.execute("SELECT * FROM claims").fetchall())
        # as if made by an older version: the column and the report's own field
        conn.execute("UPDATE reports SET pipeline = '0-older', report = json_set(report, '$.pipeline', '0-older')")
    progress = f"SELECT count(*) FROM reports WHERE pipeline = '{PIPELINE_VERSION}'"
    refreshed = []
    for seed in SEEDS:
        log = tmp_path / f"seed{seed}.log"
        _kill_at_random(
            _start(["reanalyze", "--db", str(db), "--batch-size", "2"], log), db, progress, random.Random(seed), log
        )
        assert ledger_integrity(db)["documents"] == N
        refreshed.append(_count(db, progress))
    assert refreshed == sorted(refreshed) and 0 < refreshed[-1] < N, refreshed

    rerun = run_cli(["reanalyze", "--db", str(db)], timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N - refreshed[-1]} report(s) refreshed, 0 failed" in rerun.stderr
    assert ledger_integrity(db)["documents"] == N
    assert _count(db, progress) == N
    with sqlite3.connect(db) as conn:
        assert sorted(conn.execute("SELECT * FROM claims").fetchall()) == claims_before  # same pipeline, same claims
        assert conn.execute("SELECT count(*) FROM incident_members").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM dirty_partitions").fetchone()[0] == 0
    figures["kill -9 during reanalyze"] += len(SEEDS)
    figures["documents lost"] += N - ledger_integrity(db)["documents"]
