"""The README's cluster commands: a ``dask scheduler``, a ``dask worker`` process, ``ingest --scheduler``."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.synthetic import articles

from sourcewise.store import open_store

pytestmark = pytest.mark.slow
DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the scheduler exited"
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError("the scheduler did not start listening")


@pytest.mark.skipif(not DASK.exists(), reason="the dask command is not installed beside this Python")
def test_ingest_on_a_running_scheduler_with_a_worker_process(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(articles(6, words=80, seed=9)):
        (folder / f"{i}.txt").write_text(text)
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([str(DASK), "scheduler", "--port", str(port), "--no-dashboard"], **quiet)
    worker = None
    try:
        _wait_for(port, scheduler)
        worker = subprocess.Popen(
            [str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"], **quiet
        )
        db = tmp_path / "l.db"
        cmd = [sys.executable, "-m", "sourcewise", "ingest", str(folder), "--db", str(db)]
        done = subprocess.run(
            [*cmd, "--engine", "dask", "--scheduler", address, "--batch-size", "2"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        assert "6 document(s): 6 new" in done.stderr
        with open_store(str(db)) as store:
            assert store.stats().documents == 6 and store.stats().reports == 6
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
