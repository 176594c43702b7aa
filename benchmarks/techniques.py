"""Precision and recall of the technique flags per technique, on sentences annotated for it.

    .venv/bin/python benchmarks/techniques.py [--set dev|heldout|all] [-v]

The sentences in benchmarks/techniques/*.jsonl were written for this benchmark
(several conflicts, both sides of each, and sentences with no technique at
all); each line is ``{"id", "conflict", "side", "text", "flags": [{"label", "text"}]}``.
A flag counts as found when the analysis reports the same label on a span
overlapping the annotated text. ``dev.jsonl`` was written first and the rules were
reviewed against it; ``heldout.jsonl`` was written after the rules were frozen
and is only scored. Anchor: the best SemEval-2020 Task 11 systems reach about
0.5 span F1 and 0.62 technique micro-F1 with fine-tuned transformers (on news
articles, a harder setting than single sentences).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent / "techniques"


def load(which: str) -> list[dict]:
    names = ["dev", "heldout"] if which == "all" else [which]
    rows = []
    for name in names:
        path = HERE / f"{name}.jsonl"
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows


def spans(text: str, flags: list[dict]) -> list[tuple[str, int, int]]:
    out = []
    for f in flags:
        i = text.find(f["text"])
        if i < 0:
            raise ValueError(f"annotated text {f['text']!r} not in {text!r}")
        out.append((f["label"], i, i + len(f["text"])))
    return out


def score(rows: list[dict], verbose: bool = False) -> dict[str, dict[str, float]]:
    from sourcewise.analyze import analyze_text

    tp_sys: Counter[str] = Counter()
    n_sys: Counter[str] = Counter()
    tp_gold: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for row in rows:
        gold = spans(row["text"], row["flags"])
        report = analyze_text(row["text"])
        system = [(t.label, t.start, t.end) for t in report.framing.techniques]

        def hit(a: tuple[str, int, int], pool: list[tuple[str, int, int]]) -> bool:
            return any(a[0] == b[0] and a[1] < b[2] and b[1] < a[2] for b in pool)

        for s in system:
            n_sys[s[0]] += 1
            tp_sys[s[0]] += hit(s, gold)
            if verbose and not hit(s, gold):
                print(f"{row['id']} spurious {s[0]} {row['text'][s[1] : s[2]]!r}")
        for g in gold:
            n_gold[g[0]] += 1
            tp_gold[g[0]] += hit(g, system)
            if verbose and not hit(g, system):
                print(f"{row['id']} missed   {g[0]} {row['text'][g[1] : g[2]]!r}")
    table: dict[str, dict[str, float]] = {}
    for label in sorted(set(n_sys) | set(n_gold)):
        table[label] = _prf(tp_sys[label], n_sys[label], tp_gold[label], n_gold[label])
    techniques = [k for k in table if k != "contested_term"]
    table["micro (techniques)"] = _prf(
        sum(tp_sys[k] for k in techniques),
        sum(n_sys[k] for k in techniques),
        sum(tp_gold[k] for k in techniques),
        sum(n_gold[k] for k in techniques),
    )
    return table


def _prf(tp_s: int, n_s: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_s / n_s if n_s else 1.0
    r = tp_g / n_g if n_g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "system": n_s, "gold": n_g}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every missed and spurious flag")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rows = load(a.set)
    table = score(rows, a.verbose)
    if a.json:
        print(json.dumps(table, indent=2))
        return 0
    print(f"{len(rows)} sentences ({a.set})")
    print(f"{'technique':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'system':>7s} {'gold':>5s}")
    for label, m in table.items():
        print(
            f"{label:28s} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['system']:7.0f} {m['gold']:5.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
