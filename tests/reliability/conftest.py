"""Helpers for the reliability tests: the CLI as a subprocess, the ledger's integrity, and the figures reported.

Every test adds what it tried to ``figures`` (inputs, faults injected, documents lost, requests served); with
``SOURCEWISE_RELIABILITY_SUMMARY=path`` set, the session writes them there as JSON for
``benchmarks/reliability_summary.py`` (the README's Reliability section).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "sourcewise"]
#: A line a user may see on stderr: a coded failure, or the closing summary.
_FAILURE_LINE = re.compile(r"^.+: SW\d{3} \S.*$")
_SUMMARY_LINE = re.compile(r"^sourcewise: ")

_FIGURES: Counter[str] = Counter()


@pytest.fixture(scope="session")
def figures() -> Counter[str]:
    return _FIGURES


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    path = os.environ.get("SOURCEWISE_RELIABILITY_SUMMARY")
    if path and _FIGURES:
        Path(path).write_text(json.dumps(dict(sorted(_FIGURES.items())), indent=2) + "\n")


def cli_env() -> dict[str, str]:
    """The repository on the path (for ``benchmarks``), no colour, UTF-8 streams."""
    return {
        **os.environ,
        "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "PYTHONIOENCODING": "utf-8",
        "NO_COLOR": "1",
    }


def run_cli(args: list[str], *, timeout: float, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``sourcewise ARGS`` to completion; a hang fails the test through ``timeout``."""
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=cli_env(), errors="strict"
    )


def failure_lines(stderr: str) -> list[str]:
    """The coded failure lines of a run's stderr, after checking that nothing else is there."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    for line in lines:
        assert _FAILURE_LINE.match(line) or _SUMMARY_LINE.match(line), f"not a one-line coded error: {line!r}"
    return [line for line in lines if not _SUMMARY_LINE.match(line)]


def ledger_integrity(db: Path) -> dict[str, int]:
    """SQLite's own check and the ledger's invariants; returns how many documents and claims it holds.

    Each document is stored once under the hash of its raw bytes, has exactly one report (for itself), one
    stored claim per figure of that report, and one full-text entry.
    """
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        docs = conn.execute("SELECT id, raw, raw_sha256 FROM documents").fetchall()
        ids = [d[0] for d in docs]
        assert len(ids) == len(set(ids)), "a document stored twice"
        for doc_id, raw, sha in docs:
            assert doc_id == sha == hashlib.sha256(raw).hexdigest(), f"raw bytes of {doc_id} altered"
        reports = dict(conn.execute("SELECT document_id, report FROM reports").fetchall())
        assert set(reports) == set(ids), "a document without a report, or a report without its document"
        claims = dict(conn.execute("SELECT document_id, count(*) FROM claims GROUP BY document_id").fetchall())
        n_claims = 0
        for doc_id, payload in reports.items():
            report = json.loads(payload)
            assert claims.get(doc_id, 0) == len(report["figures"]), f"claims of {doc_id} half stored"
            n_claims += len(report["figures"])
        assert set(claims) <= set(ids)
        assert conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == len(ids)
    return {"documents": len(ids), "claims": n_claims}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``sourcewise serve`` as a user runs it, on a free loopback port; ``stop()`` returns its stderr."""

    def __init__(self, db: Path, *extra: str, log: Path) -> None:
        import time
        import urllib.request

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._log = log
        with log.open("w") as err:
            self.proc = subprocess.Popen(
                [*CLI, "serve", "--db", str(db), "--port", str(self.port), *extra],
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=cli_env(),
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/api/stats", timeout=2):
                    return
            except OSError:
                assert self.proc.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "the server did not answer in time"
                time.sleep(0.1)

    def stop(self) -> str:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return self._log.read_text()
