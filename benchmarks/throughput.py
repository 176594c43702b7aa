"""Throughput and memory of plain spaCy, ``sourcewise analyze`` and ``sourcewise ingest``, at 1 and 2 workers.

    .venv/bin/python benchmarks/throughput.py [--datasets isaf,synthetic] [--modes spacy,analyze,ingest]
        [--workers 1,2] [--repeat 2] [--synthetic 200] [--limit N] [--csv PATH] [--markdown]

Datasets: ``isaf`` is the 724 real press releases of
../shared/benchmarks/isaf/test.jsonl (about 113 words each); ``synthetic`` is
``--synthetic`` generated articles of about 700 words (benchmarks/synthetic.py,
invented places and parties, clearly marked as such), the length of a day of
world news. Both are read as JSONL files, as a crawler's feed would be.

Modes, each at every ``--workers`` count:

* ``spacy``: plain ``nlp.pipe`` of the same model (``n_process`` for 2 workers),
  with the same batches (documents per batch capped by text size);
* ``analyze``: sourcewise's ``analyze_batch`` (decode, pipeline, report records)
  on the batch engine, nothing stored;
* ``ingest``: ``ledger.ingest`` into a new SQLite ledger (reading, skip checks,
  analysis, one transaction per document, regrouping incidents at the end).

Every measurement runs in a fresh process, after a warm-up (pipelines loaded),
and rounds alternate the modes so that a noisy machine penalises them alike.
Rows are appended to benchmarks/results/throughput.csv with CPU seconds, the
peak memory (RSS) of the largest worker and of the parent, and the load
average: on a shared machine, words per CPU second is the steadier figure.
The summary gives the best round of each, the analyze/spaCy ratio of each
round (goal >= 0.8), 2-worker over 1-worker speed-up (goal >= 1.7) and the
time to ingest 200,000 articles of 700 words at the measured rate (goal < 3 h).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# ../shared beside the checkout (CI), or further up for a worktree under wt/
DATA = next(
    (
        p / "shared" / "benchmarks" / "isaf" / "test.jsonl"
        for p in HERE.parents
        if (p / "shared" / "benchmarks").is_dir()
    ),
    HERE.parent.parent / "shared" / "benchmarks" / "isaf" / "test.jsonl",
)
COLUMNS = [
    "when",
    "pipeline",
    "machine",
    "cpus",
    "dataset",
    "docs",
    "words",
    "mode",
    "workers",
    "seconds",
    "docs_per_s",
    "words_per_s",
    "cpu_seconds",
    "words_per_cpu_s",
    "peak_rss_worker_mb",
    "peak_rss_parent_mb",
    "load_before",
    "load_after",
    "round",
]
DAY_ARTICLES, DAY_WORDS = 200_000, 700


# ---- the child: one measurement in a fresh process


def _texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _self_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _cpu(who: int) -> float:
    u = resource.getrusage(who)
    return u.ru_utime + u.ru_stime


def measure(mode: str, workers: int, path: Path) -> dict:
    """Run one mode over the JSONL file at ``path``; the clock starts after the warm-up."""
    from functools import partial

    from sourcewise.engines import LocalEngine, analyze_batch
    from sourcewise.ingest import RawItem, iter_items
    from sourcewise.ledger import crashed_outcomes, ingest
    from sourcewise.settings import Settings
    from sourcewise.store import open_store

    settings = Settings()
    texts = _texts(path)
    words = sum(len(t.split()) for t in texts)
    worker_peak = 0
    worker_cpu = 0.0
    if mode == "spacy":
        from sourcewise.analyze import MAX_BATCH_CHARS
        from sourcewise.nlp.build import load_model

        nlp = load_model(settings.model)
        batch = max(1, min(settings.batch_size, MAX_BATCH_CHARS * len(texts) // max(1, sum(map(len, texts)))))
        for _ in nlp.pipe(texts[:4]):
            pass
        cpu0, load0, t0 = _cpu(resource.RUSAGE_SELF), os.getloadavg()[0], time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch, n_process=workers):
            pass
        seconds = time.perf_counter() - t0
        if workers > 1:
            worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
            worker_cpu = _cpu(resource.RUSAGE_CHILDREN)
        else:
            worker_peak = _self_rss()
    else:
        items = [i for i in iter_items([path], settings) if isinstance(i, RawItem)]
        fn = partial(analyze_batch, settings=settings)
        engine = LocalEngine(workers, settings=settings)
        warm = [[items[k]] for k in range(workers)]
        first = {s.pid: s.cpu_seconds for _, _, s in engine.map(fn, warm, crashed_outcomes)}
        stats = {}
        cpu0, load0, t0 = _cpu(resource.RUSAGE_SELF), os.getloadavg()[0], time.perf_counter()
        if mode == "analyze":
            size = settings.batch_size
            batches = [items[k : k + size] for k in range(0, len(items), size)]
            for _, _, s in engine.map(fn, batches, crashed_outcomes):
                stats[s.pid] = s
        else:
            with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "ledger.db")) as store:
                summary = ingest(store, [path], settings, engine=engine)
                assert summary.failed == 0 and summary.stored == len(texts), summary.line()
                stats = summary.workers
        seconds = time.perf_counter() - t0
        engine.close()
        worker_peak = max(s.peak_rss for s in stats.values())
        if workers > 1:
            worker_cpu = sum(s.cpu_seconds - first.get(pid, 0.0) for pid, s in stats.items())
    cpu = _cpu(resource.RUSAGE_SELF) - cpu0 + worker_cpu
    return {
        "docs": len(texts),
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_worker": worker_peak,
        "peak_rss_parent": _self_rss(),
        "load_before": load0,
        "load_after": os.getloadavg()[0],
    }


# ---- the driver


def _synthetic(count: int, folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from benchmarks.synthetic import articles

    path = folder / f"synthetic-{count}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(articles(count, DAY_WORDS)):
            fh.write(json.dumps({"text": text, "url": f"https://example.invalid/synthetic/{i}"}) + "\n")
    return path


def _limited(path: Path, limit: int, folder: Path) -> Path:
    if not limit:
        return path
    out = folder / f"{path.stem}-{limit}.jsonl"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _run_child(mode: str, workers: int, path: Path) -> dict:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        mode,
        "--workers",
        str(workers),
        "--input",
        str(path),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{mode} x{workers} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _open_csv(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        with path.open(newline="") as fh:
            header = next(csv.reader(fh), None)
        if header != COLUMNS:  # an older layout: keep it beside, start afresh
            path.rename(path.with_name(path.stem + "-v1" + path.suffix))
    new = not path.exists()
    fh = path.open("a", newline="")
    writer = csv.writer(fh)
    if new:
        writer.writerow(COLUMNS)
    return fh, writer


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", default="isaf,synthetic")
    ap.add_argument("--modes", default="spacy,analyze,ingest")
    ap.add_argument("--workers", default="1,2", help="worker counts to measure, comma-separated")
    ap.add_argument("--repeat", type=int, default=2, help="alternating rounds; the summary keeps the best")
    ap.add_argument("--synthetic", type=int, default=200, help="generated ~700-word articles")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N documents of each dataset")
    ap.add_argument("--csv", type=Path, default=HERE / "results" / "throughput.csv")
    ap.add_argument("--markdown", action="store_true", help="print the summary as a Markdown table")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(measure(a.child, int(a.workers), a.input)))
        return 0

    from sourcewise import PIPELINE_VERSION

    datasets = a.datasets.split(",")
    if "isaf" in datasets and not DATA.exists():
        print(f"{DATA} not found: the isaf dataset needs ../shared")
        return 1
    modes, counts = a.modes.split(","), [int(w) for w in a.workers.split(",")]
    results: dict[tuple[str, str, int], list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {
            "isaf": _limited(DATA, a.limit, Path(tmp)),
            "synthetic": _limited(_synthetic(a.synthetic, Path(tmp)), a.limit, Path(tmp)),
        }
        fh, writer = _open_csv(a.csv)
        with fh:
            for rnd in range(1, a.repeat + 1):
                for name in datasets:
                    for workers in counts:
                        for mode in modes:
                            r = _run_child(mode, workers, paths[name])
                            results.setdefault((name, mode, workers), []).append(r)
                            when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                            writer.writerow(_row(r, when, PIPELINE_VERSION, name, mode, workers, rnd))
                            fh.flush()
                            print(
                                f"round {rnd} {name:9s} {mode:7s} x{workers}: {r['docs'] / r['seconds']:7.1f} docs/s "
                                f"{r['words'] / r['seconds']:8.0f} words/s  {r['words'] / r['cpu_seconds']:6.0f} words/cpu-s  "
                                f"peak {r['peak_rss_worker'] / 2**20:4.0f} MB/worker  load {r['load_before']:.1f}",
                                flush=True,
                            )
    _summary(results, datasets, modes, counts, a.markdown)
    return 0


def _row(r: dict, when: str, pipeline: str, name: str, mode: str, workers: int, rnd: int) -> list:
    return [
        when,
        pipeline,
        platform.machine(),
        os.cpu_count(),
        name,
        r["docs"],
        r["words"],
        mode,
        workers,
        f"{r['seconds']:.2f}",
        f"{r['docs'] / r['seconds']:.2f}",
        f"{r['words'] / r['seconds']:.0f}",
        f"{r['cpu_seconds']:.2f}",
        f"{r['words'] / r['cpu_seconds']:.0f}",
        f"{r['peak_rss_worker'] / 2**20:.0f}",
        f"{r['peak_rss_parent'] / 2**20:.0f}",
        f"{r['load_before']:.2f}",
        f"{r['load_after']:.2f}",
        rnd,
    ]


def _summary(results: dict, datasets: list[str], modes: list[str], counts: list[int], markdown: bool) -> None:
    def wps(r: dict) -> float:
        return r["words"] / r["seconds"]

    print()
    head = "| dataset | mode | workers | docs/s | words/s | words/CPU-s | peak MB/worker | load |"
    print(head if markdown else head.replace("|", " "))
    if markdown:
        print("|---|---|---|---|---|---|---|---|")
    for name in datasets:
        for workers in counts:
            for mode in modes:
                runs = results.get((name, mode, workers), [])
                if not runs:
                    continue
                best = max(runs, key=wps)
                cells = [
                    name,
                    mode,
                    str(workers),
                    f"{best['docs'] / best['seconds']:.1f}",
                    f"{wps(best):,.0f}",
                    f"{best['words'] / best['cpu_seconds']:,.0f}",
                    f"{max(r['peak_rss_worker'] for r in runs) / 2**20:.0f}",
                    f"{best['load_before']:.1f}",
                ]
                print("| " + " | ".join(cells) + " |" if markdown else "  ".join(f"{c:>9s}" for c in cells))
    print()
    for name in datasets:
        for workers in counts:
            sp, an = results.get((name, "spacy", workers)), results.get((name, "analyze", workers))
            if sp and an:
                ratios = [wps(x) / wps(s) for s, x in zip(sp, an, strict=False)]
                print(
                    f"{name} x{workers}: analyze / spaCy = {statistics.median(ratios):.2f} "
                    f"(per round {', '.join(f'{q:.2f}' for q in ratios)}; goal >= 0.8)"
                )
        for mode in modes:
            one, two = results.get((name, mode, 1)), results.get((name, mode, 2))
            if one and two:
                print(
                    f"{name} {mode}: 2 workers / 1 worker = {max(map(wps, two)) / max(map(wps, one)):.2f} (goal >= 1.7)"
                )
    ingest = {w: results[("synthetic", "ingest", w)] for w in counts if ("synthetic", "ingest", w) in results}
    if ingest:
        w = max(ingest)
        rate = max(map(wps, ingest[w]))
        hours = DAY_ARTICLES * DAY_WORDS / rate / 3600
        print(
            f"200,000 articles of 700 words at {rate:,.0f} words/s (synthetic ingest, {w} workers): "
            f"{hours:.1f} h (goal < 3 h; needs {DAY_ARTICLES * DAY_WORDS / 3 / 3600:,.0f} words/s)"
        )


if __name__ == "__main__":
    raise SystemExit(main())
