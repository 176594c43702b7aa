"""Strict figure P/R/F1 on the generalisation set (benchmarks/figures_challenge.json), per mechanism.

    .venv/bin/python benchmarks/figures_challenge.py [-v]

The set holds sentences the developers wrote for the failure mechanisms seen
on held-out articles; it was written before the fixes it measures, so its
score says how far a fix generalises beyond the dev corpus. Keys are the
shared scorer's strict keys: (category, value or low-high, subgroup), vague
and implied figures left out.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHALLENGE = HERE / "figures_challenge.json"

UNSCORED = {"vague", "implied"}


def gold_keys(item: dict) -> set[tuple]:
    out = set()
    for cat, value, subgroup in item["figures"]:
        nums = tuple(value) if isinstance(value, list) else (value,)
        out.add((cat, nums, subgroup))
    return out


def system_keys(report) -> set[tuple]:
    out = set()
    for f in report.figures:
        if f.qualifier in UNSCORED:
            continue
        nums = (f.value,) if f.value is not None else (f.low, f.high)
        out.add((f.category, nums, f.subgroup or None))
    return out


def score(analyze, items: list[dict], verbose: bool = False) -> dict[str, tuple[int, int, int]]:
    """(true positives, system keys, gold keys) per mechanism, plus "all"."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for item in items:
        g, s = gold_keys(item), system_keys(analyze(item["text"]))
        for key in (item["m"], "all"):
            counts[key][0] += len(g & s)
            counts[key][1] += len(s)
            counts[key][2] += len(g)
        if verbose and g != s:
            print(f"[{item['m']}] {item['text']!r}")
            for k in sorted(map(str, g - s)):
                print(f"   missed   {k}")
            for k in sorted(map(str, s - g)):
                print(f"   spurious {k}")
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_items() -> list[dict]:
    return json.loads(CHALLENGE.read_text())["items"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    from sourcewise.analyze import Analyzer
    from sourcewise.ingest.base import document_id
    from sourcewise.records import Document

    analyzer = Analyzer()

    def analyze(text: str):
        return analyzer.analyze(Document(id=document_id(text.encode()), source="<challenge>", text=text))

    counts = score(analyze, load_items(), a.verbose)
    for key in sorted(counts, key=lambda k: (k == "all", k)):
        p, r, f1 = prf(*counts[key])
        tp, n_sys, n_gold = counts[key]
        print(f"{key:>4}: P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, system {n_sys}, gold {n_gold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
