"""Ledger benchmarks: ingest time per document, and incident query latency on a large ledger.

    .venv/bin/python benchmarks/ledger.py ingest [--db URL | --pg-cluster]     # real articles, analysed and stored
    .venv/bin/python benchmarks/ledger.py synthetic [--docs 100000] [--db PATH_OR_URL | --pg-cluster] [--queries 200]

``--pg-cluster`` runs against a throwaway PostgreSQL cluster (tests/pgcluster.py).

``ingest`` analyses and stores the 20 dev articles and the 724 ISAF releases
(../shared) into a fresh ledger and reports seconds per document, split into
analysis and storage.

``synthetic`` fills a ledger with SYNTHETIC reports generated here (no
analysis: invented places "Synthplace-N" in invented countries, invented
figures, every text says it is synthetic), then times regrouping, the library
calls behind ``sourcewise incidents --place P --from D --to D`` and
``sourcewise compare ID``, and the same two commands as processes. The numbers
measure the ledger, not the extractor: no claim in it is real.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sourcewise import PIPELINE_VERSION
from sourcewise.records import Document, Event, Figure, Framing, Place, Report, Total
from sourcewise.store import open_store

HERE = Path(__file__).resolve().parent
SHARED = next((p / "shared" for p in HERE.parents if (p / "shared" / "corpus").is_dir()), HERE.parent.parent / "shared")
BIN = Path(sys.executable).parent / "sourcewise"


# --------------------------------------------------------------------------- ingest


def bench_ingest(db: str | None) -> None:
    from sourcewise.analyze import Analyzer
    from sourcewise.ledger import ingest

    inputs = [
        ("dev corpus (20 articles)", [SHARED / "corpus" / "articles"]),
        ("ISAF releases (724)", [SHARED / "benchmarks" / "isaf" / "test.jsonl"]),
    ]
    analyzer = Analyzer()
    for label, paths in inputs:
        if not all(p.exists() for p in paths):
            print(f"{label}: not found (needs ../shared)")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            url = db or str(Path(tmp) / "ingest.db")
            with open_store(url) as store:
                put_time = 0.0
                real_put = store.put

                def timed_put(report, raw, _real=real_put):
                    nonlocal put_time
                    t = time.perf_counter()
                    try:
                        return _real(report, raw)
                    finally:
                        put_time += time.perf_counter() - t

                store.put = timed_put  # type: ignore[method-assign]
                t0 = time.perf_counter()
                summary = ingest(store, paths, analyzer=analyzer)
                total = time.perf_counter() - t0
                t1 = time.perf_counter()
                again = ingest(store, paths, analyzer=analyzer)
                rerun = time.perf_counter() - t1
                n = summary.stored
                print(
                    f"{label} [{store.backend}]: {n} documents in {total:.2f} s = {1000 * total / n:.1f} ms/doc "
                    f"(of which storing {1000 * put_time / n:.2f} ms/doc); "
                    f"re-ingest of the same inputs {1000 * rerun / max(1, again.seen):.2f} ms/doc ({again.skipped} skipped)"
                )


# --------------------------------------------------------------------------- synthetic ledger


def synthetic_reports(n_docs: int, seed: int = 7, offset: int = 0):
    """SYNTHETIC reports: about five documents per incident, invented places, dates and figures."""
    rng = random.Random(seed)
    n_incidents = max(1, n_docs // 5)
    n_places = max(1, n_incidents // 4)
    countries = [f"Q{i:02d}" for i in range(50)]
    start = date(2000, 1, 1)
    incidents = []
    for _ in range(n_incidents):
        place = rng.randrange(n_places)
        day = start + timedelta(days=rng.randrange(365 * 30))
        incidents.append((place, day, rng.randint(3, 400)))
    for d in range(offset, offset + n_docs):
        place, day, killed = incidents[rng.randrange(n_incidents)]
        name = f"Synthplace-{place}"
        country = countries[place % len(countries)]
        value = max(1, int(killed * rng.uniform(0.6, 1.6)))
        injured = rng.randint(0, 3 * value)
        text = (
            f"SYNTHETIC benchmark document {d} (not a real report). "
            f"Shelling hit {name} on {day.isoformat()}. {value} people were killed and {injured} were injured, "
            f"according to source {rng.randrange(40)}."
        )
        raw = text.encode()
        q1, q2 = f"{value} people were killed", f"{injured} were injured"
        s1, s2, sp = text.index(q1), text.index(q2), text.index(name)
        figs = (
            Figure("f1", "killed", value, None, None, "exact", None, "people", None, "e1", None, s1, s1 + len(q1), q1),
            Figure(
                "f2", "injured", injured, None, None, "exact", None, "people", None, "e1", None, s2, s2 + len(q2), q2
            ),
        )
        yield (
            Report(
                document=Document(
                    id=hashlib.sha256(raw).hexdigest(),
                    source=f"synthetic:{d}",
                    text=text,
                    publisher=f"Synthetic Outlet {d % 300}",
                ),
                figures=figs,
                places=(
                    Place(
                        sp,
                        sp + len(name),
                        name,
                        name,
                        f"Synthregion-{place % 500}",
                        country,
                        10 + place % 50,
                        20 + place % 70,
                        f"synthetic:{place}",
                    ),
                ),
                events=(
                    Event(
                        "e1",
                        "shelling",
                        day.isoformat(),
                        name,
                        ("f1", "f2"),
                        {"killed": Total(value, None, None, ("f1",)), "injured": Total(injured, None, None, ("f2",))},
                        0,
                        len(text),
                        text,
                    ),
                ),
                framing=Framing(genre="news"),
                pipeline=PIPELINE_VERSION,
            ),
            raw,
        )


def _ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
    return f"median {1000 * statistics.median(samples):.1f} ms, p95 {1000 * p95:.1f} ms"


def bench_synthetic(n_docs: int, db: str, queries: int) -> None:
    with open_store(db) as store:
        have = store.stats().documents
        if have < n_docs:
            t0 = time.perf_counter()
            for i, (report, raw) in enumerate(synthetic_reports(n_docs)):
                if i >= have:
                    store.put(report, raw)
            fill = time.perf_counter() - t0
            print(
                f"filled {n_docs - have} SYNTHETIC documents in {fill:.1f} s ({1000 * fill / max(1, n_docs - have):.2f} ms/doc, one transaction each)"
            )
        t0 = time.perf_counter()
        store.refresh_incidents(everything=True)
        print(f"regrouped every incident in {time.perf_counter() - t0:.1f} s")
        stats = store.stats()
        print(
            f"ledger [{store.backend}]: {stats.documents} documents, {stats.claims} claims, {stats.incidents} incidents"
        )
        rng = random.Random(11)
        all_views = list(store.incidents(limit=2000))
        picks = [rng.choice(all_views).incident for _ in range(queries)]
        q_times, c_times, hits = [], [], []
        for inc in picks:
            t = time.perf_counter()
            got = list(store.incidents(place=inc.place, date_from=inc.date_start[:7], date_to=inc.date_end[:7]))
            q_times.append(time.perf_counter() - t)
            hits.append(len(got))
            t = time.perf_counter()
            store.incident(inc.id)
            c_times.append(time.perf_counter() - t)
        print(
            f"incidents --place P --from MONTH --to MONTH (library): {_ms(q_times)}; {statistics.mean(hits):.1f} incidents per answer"
        )
        print(f"compare ID (library): {_ms(c_times)}")
        t = time.perf_counter()
        n = sum(1 for _ in store.incidents(place=picks[0].country))
        print(f"incidents --place COUNTRY (library): {n} incidents in {1000 * (time.perf_counter() - t):.0f} ms")
        extra = list(synthetic_reports(5, seed=99, offset=n_docs))  # documents this ledger does not hold yet
        put_s, regroup_s = [], []
        for report, raw in extra:
            t = time.perf_counter()
            store.put(report, raw)
            put_s.append(time.perf_counter() - t)
            t = time.perf_counter()
            store.refresh_incidents()
            regroup_s.append(time.perf_counter() - t)
        print(f"one more document: storing {_ms(put_s)}; regrouping its country {_ms(regroup_s)}")
    cli_q, cli_c, cpu_q, cpu_c = [], [], [], []
    for inc in picks[:10]:
        c0 = _child_cpu()
        t = time.perf_counter()
        subprocess.run(
            [
                str(BIN),
                "incidents",
                "--db",
                db,
                "--place",
                inc.place or "",
                "--from",
                inc.date_start[:7],
                "--to",
                inc.date_end[:7],
                "--format",
                "json",
            ],
            check=True,
            capture_output=True,
        )
        cli_q.append(time.perf_counter() - t)
        cpu_q.append(_child_cpu() - c0)
        c0 = _child_cpu()
        t = time.perf_counter()
        subprocess.run([str(BIN), "compare", inc.id, "--db", db], check=True, capture_output=True)
        cli_c.append(time.perf_counter() - t)
        cpu_c.append(_child_cpu() - c0)
    print(f"`sourcewise incidents ...` as a process (Python start included): wall {_ms(cli_q)}; CPU {_ms(cpu_q)}")
    print(f"`sourcewise compare ID` as a process (Python start included): wall {_ms(cli_c)}; CPU {_ms(cpu_c)}")


def _child_cpu() -> float:
    """CPU seconds used by finished child processes: wall time on a busy machine includes waiting for a core."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    i = sub.add_parser("ingest")
    i.add_argument("--db", default=None, help="ledger URL (default: a fresh temporary SQLite file)")
    i.add_argument("--pg-cluster", action="store_true", help="use a throwaway PostgreSQL cluster")
    s = sub.add_parser("synthetic")
    s.add_argument("--docs", type=int, default=100_000)
    s.add_argument("--db", default=str(HERE / "out" / "synthetic-ledger.db"))
    s.add_argument("--queries", type=int, default=200)
    s.add_argument("--pg-cluster", action="store_true", help="use a throwaway PostgreSQL cluster")
    a = ap.parse_args()
    cluster = None
    if a.pg_cluster:
        sys.path.insert(0, str(HERE.parent))
        from tests.pgcluster import PgCluster

        cluster = PgCluster().start()
        a.db = cluster.url
    try:
        if a.what == "ingest":
            bench_ingest(a.db)
        else:
            if not a.db.startswith("postgres"):
                Path(a.db).parent.mkdir(parents=True, exist_ok=True)
            bench_synthetic(a.docs, a.db, a.queries)
    finally:
        if cluster is not None:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
