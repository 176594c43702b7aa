"""Throughput of ``sourcewise analyze`` against plain spaCy on the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--repeat R] [--csv PATH]

Reads the 724 press releases of ../shared/benchmarks/isaf/test.jsonl, runs
(a) plain ``nlp.pipe`` of the same spaCy model and (b) the full sourcewise
analysis (pipeline + report records), alternating R times, and prints documents
and words per second of each and their ratio (goal: at least 0.8). Results are
appended to benchmarks/results/throughput.csv.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import platform
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# ../shared beside the checkout (CI), or further up for a worktree under wt/
DATA = next(
    (
        p / "shared" / "benchmarks" / "isaf" / "test.jsonl"
        for p in HERE.parents
        if (p / "shared" / "benchmarks").is_dir()
    ),
    HERE.parent.parent / "shared" / "benchmarks" / "isaf" / "test.jsonl",
)


def load_texts(limit: int) -> list[str]:
    rows = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    return texts[:limit] if limit else texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    ap.add_argument("--repeat", type=int, default=3, help="alternating rounds; the best of each is kept")
    ap.add_argument("--csv", type=Path, default=HERE / "results" / "throughput.csv")
    a = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found: the benchmark needs ../shared")
        return 1

    from sourcewise import PIPELINE_VERSION
    from sourcewise.analyze import Analyzer
    from sourcewise.ingest.base import document_id
    from sourcewise.nlp.build import load_model
    from sourcewise.records import Document
    from sourcewise.settings import Settings

    texts = load_texts(a.limit)
    words = sum(len(t.split()) for t in texts)
    settings = Settings()
    plain = load_model(settings.model)
    analyzer = Analyzer(settings)
    docs = [Document(id=document_id(t.encode()), source=f"isaf#{i}", text=t) for i, t in enumerate(texts)]

    def run_plain() -> float:
        t0 = time.perf_counter()
        for _ in plain.pipe(texts, batch_size=settings.batch_size):
            pass
        return time.perf_counter() - t0

    def run_sourcewise() -> float:
        t0 = time.perf_counter()
        for _ in analyzer.analyze_many(docs):
            pass
        return time.perf_counter() - t0

    run_plain(), run_sourcewise()  # warm up caches and lazy loads
    best_plain = best_sw = float("inf")
    for _ in range(max(1, a.repeat)):
        best_plain = min(best_plain, run_plain())
        best_sw = min(best_sw, run_sourcewise())
    n = len(texts)
    rows = [
        ("spacy_nlp_pipe", n / best_plain, words / best_plain),
        ("sourcewise_analyze", n / best_sw, words / best_sw),
    ]
    ratio = best_plain / best_sw
    for name, dps, wps in rows:
        print(f"{name:22s} {dps:8.1f} docs/s {wps:10.0f} words/s")
    print(f"ratio sourcewise/spacy: {ratio:.2f} (goal >= 0.8)")

    a.csv.parent.mkdir(parents=True, exist_ok=True)
    new = not a.csv.exists()
    with a.csv.open("a", newline="") as fh:
        w = csv.writer(fh)
        if new:
            w.writerow(["when", "pipeline", "machine", "docs", "words", "mode", "workers", "docs_per_s", "words_per_s"])
        when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        for name, dps, wps in rows:
            w.writerow([when, PIPELINE_VERSION, platform.machine(), n, words, name, 1, f"{dps:.2f}", f"{wps:.0f}"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
