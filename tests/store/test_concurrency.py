"""Two processes writing one ledger at once: every document stored once, incidents regrouped consistently."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sourcewise.store import open_store

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys
from benchmarks.ledger import synthetic_reports
from sourcewise.store import open_store

store = open_store(sys.argv[1])
reports = list(synthetic_reports(300, seed=5))
if sys.argv[2] == "reverse":
    reports.reverse()
for i, (report, raw) in enumerate(reports):
    store.put(report, raw)
    if i % 50 == 0:
        store.refresh_incidents()
store.refresh_incidents()
"""


def test_two_writers_at_once(store_url):
    open_store(store_url).close()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, store_url, order], env=env, stderr=subprocess.PIPE, text=True)
        for order in ("forward", "reverse")
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    with open_store(store_url) as store:
        stats = store.stats()
        assert stats.reports == stats.documents and stats.claims == 2 * stats.documents
        members = store._scalar("SELECT count(*) FROM incident_members")
        assert members == stats.events
