"""The web server under a bounded load on loopback while an ingest writes into the same SQLite ledger.

Eight closed-loop clients read pages and the API for about eight seconds; one of them also stores articles
through the API (the server's own writes, racing the ingest's). No request may fail, and afterwards every
document written by either side is in the ledger, once.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections import Counter

import httpx
import pytest
from benchmarks.synthetic import articles

from sourcewise.ingest import document_id
from tests.reliability.conftest import CLI, LiveServer, cli_env, ledger_integrity

pytestmark = pytest.mark.slow
CLIENTS = 8
SECONDS = 8.0
N_INGEST = 40
N_POSTED = 5
TOKEN = "load-test-token"
READS = [
    "/",
    "/documents",
    "/incidents",
    "/search?q=civilians",
    "/api/stats",
    "/api/documents?limit=20",
    "/api/incidents?limit=20",
    "/api/search?q=shelling",
    "/api/export?format=csv",
]


def test_server_under_load_while_an_ingest_writes(tmp_path, figures):
    import subprocess

    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(articles(N_INGEST, words=90, seed=21)):
        (folder / f"{i:03d}.txt").write_text(text)
    posted = [f"Report {i}: " + t for i, t in enumerate(articles(N_POSTED, words=60, seed=22))]
    expected = {document_id(p.read_bytes()) for p in folder.iterdir()} | {document_id(t.encode()) for t in posted}
    db = tmp_path / "ledger.db"

    server = LiveServer(db, "--token", TOKEN, log=tmp_path / "server.log")
    statuses: Counter[int] = Counter()
    problems: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    counts_seen: set[int] = set()

    def client(k: int) -> None:
        rng = random.Random(k)
        to_post = list(posted) if k == 0 else []
        with httpx.Client(base_url=server.base, timeout=60) as http:
            ids: list[str] = []
            while not stop.is_set():
                try:
                    if to_post and rng.random() < 0.2:
                        text = to_post.pop()
                        r = http.post(
                            "/api/documents", json={"text": text}, headers={"authorization": f"Bearer {TOKEN}"}
                        )
                    elif ids and rng.random() < 0.3:
                        doc = rng.choice(ids)
                        r = http.get(rng.choice([f"/documents/{doc}", f"/api/documents/{doc}"]))
                    else:
                        path = rng.choice(READS)
                        r = http.get(path)
                        if path.startswith("/api/documents"):
                            ids = [d["id"] for d in r.json()] or ids
                        elif path == "/api/stats":
                            with lock:
                                counts_seen.add(r.json()["documents"])
                except (httpx.HTTPError, ValueError) as exc:
                    with lock:
                        problems.append(f"{type(exc).__name__}: {exc}")
                    continue
                with lock:
                    statuses[r.status_code] += 1
                    if r.status_code not in (200, 201):
                        problems.append(f"{r.request.method} {r.request.url.path}: {r.status_code} {r.text[:200]}")
            while to_post:  # whatever the random walk left: stored after the load, still during the ingest or not
                r = http.post(
                    "/api/documents", json={"text": to_post.pop()}, headers={"authorization": f"Bearer {TOKEN}"}
                )
                with lock:
                    statuses[r.status_code] += 1

    try:
        ingest = subprocess.Popen(
            [*CLI, "ingest", str(folder), "--db", str(db), "--workers", "1", "--batch-size", "2", "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
        started = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(SECONDS)
        stop.set()
        for t in threads:
            t.join(timeout=120)
        elapsed = time.monotonic() - started
        _, ingest_err = ingest.communicate(timeout=300)
        with httpx.Client(base_url=server.base, timeout=30) as http:
            served = http.get("/api/stats").json()["documents"]
    finally:
        server_log = server.stop()

    assert ingest.returncode == 0, ingest_err
    assert problems == [], problems[:10]
    assert "Traceback" not in server_log, server_log[-3000:]
    assert served == N_INGEST + N_POSTED  # the server sees every write, its own and the ingest's
    assert ledger_integrity(db)["documents"] == N_INGEST + N_POSTED
    with sqlite3.connect(db) as conn:
        stored = {r[0] for r in conn.execute("SELECT id FROM documents")}
    assert stored == expected  # no lost write
    assert len(counts_seen) >= 3, counts_seen  # the readers saw the ledger grow: the writes overlapped the load
    total = sum(statuses.values())
    assert statuses[201] == N_POSTED and total > 100, statuses
    figures["requests served under load"] += total
    figures["requests failed under load"] += len(problems)
    figures["load clients"] = CLIENTS
    figures["load seconds"] = round(elapsed)
    figures["documents written during load"] += N_INGEST + N_POSTED
    figures["documents lost"] += len(expected - stored)
