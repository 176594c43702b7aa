"""Killed / captured per ISAF press release from figures alone, against the hand-coded minimums.

    .venv/bin/python benchmarks/isaf_figures.py [--limit N] [-v]

A stand-in for ../shared/tools/score_isaf.py while event totals are not
there: per release and category it sums the top-level figures (not part_of
another), counting a repeated value once ("more than N" as N + 1), under the ISAF convention (bare
plural = 2, named or singular person = 1). It measures the figures, not the
events' grouping, so it is a guide, not the benchmark's score.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sourcewise.conventions import least

HERE = Path(__file__).resolve().parent


def _data() -> Path:
    for parent in HERE.parents:
        path = parent / "shared" / "benchmarks" / "isaf" / "test.jsonl"
        if path.exists():
            return path
    raise SystemExit("../shared/benchmarks/isaf/test.jsonl not found")


def figure_total(figures: list[dict], categories: tuple[str, ...]) -> int:
    seen: set[tuple[str, int]] = set()
    total = 0
    for f in figures:
        if f["category"] not in categories or f["part_of"] is not None:
            continue
        n = least("isaf", f["value"], f["low"], f["qualifier"]) or 0
        key = (f["category"], n) if f["qualifier"] != "implied" else (f["category"], -f["start"], -f["end"])
        if key in seen:
            continue
        seen.add(key)
        total += n
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    from sourcewise.analyze import Analyzer
    from sourcewise.ingest.base import document_id
    from sourcewise.records import Document
    from sourcewise.settings import Settings

    rows = [json.loads(line) for line in _data().read_text().splitlines() if line.strip()]
    rows = rows[: a.limit] if a.limit else rows
    docs = [Document(id=document_id(r["text"].encode()), source=str(i), text=r["text"]) for i, r in enumerate(rows)]
    analyzer = Analyzer(Settings(convention="isaf"))
    hits = {"killed": 0, "captured": 0}
    for i, (row, report) in enumerate(zip(rows, analyzer.analyze_many(docs), strict=True)):
        figures = report.to_dict()["figures"]  # type: ignore[union-attr]
        got = {"killed": figure_total(figures, ("killed",)), "captured": figure_total(figures, ("detained", "hostage"))}
        want = {"killed": row["gold"]["min_killed"], "captured": row["gold"]["min_captured"]}
        for k in hits:
            hits[k] += got[k] == want[k]
            if a.verbose and got[k] != want[k]:
                quotes = [f"{f['category']}:{f['value'] or f['low']}:{f['qualifier']}<{f['quote']}>" for f in figures]
                print(f"{i:04d} {k}: got {got[k]} want {want[k]}  {quotes}")
    n = len(rows)
    print(f"releases {n}: killed {hits['killed'] / n:.3f}, captured {hits['captured'] / n:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
