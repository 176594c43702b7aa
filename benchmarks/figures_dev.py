"""Strict figure P/R/F1 on the shared dev corpus in one process (the model loads once).

    .venv/bin/python benchmarks/figures_dev.py [-v] [--corpus PATH] [--convention NAME]

Same keys and rules as ../shared/tools/score.py (imported from there), but
without one subprocess per article, so that a change can be measured in
seconds. With -v it prints, per article, the missed gold keys and the spurious
system figures with their quotes. The shared scorer stays the reference.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _find_shared() -> Path:
    """../shared beside the checkout (CI) or further up (a worktree under wt/)."""
    for parent in HERE.parents:
        if (parent / "shared" / "tools").is_dir():
            return parent / "shared"
    return HERE.parent.parent / "shared"


SHARED = _find_shared()


def _scorer():
    spec = importlib.util.spec_from_file_location("sw_score", SHARED / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--convention", default="default")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    from sourcewise.analyze import Analyzer
    from sourcewise.ingest.base import document_id
    from sourcewise.records import Document
    from sourcewise.settings import Settings

    score = _scorer()
    analyzer = Analyzer(Settings(convention=a.convention))
    tp = n_sys = n_gold = 0
    for gold_file in sorted((a.corpus / "gold").glob("*.json")):
        name = gold_file.stem
        text = (a.corpus / "articles" / f"{name}.txt").read_text()
        gold = json.loads(gold_file.read_text())
        report = analyzer.analyze(Document(id=document_id(text.encode()), source=name, text=text)).to_dict()
        figures = score.scored(report["figures"])
        g = {score.figure_key(f, True) for f in score.scored(gold.get("figures", []))}
        s = {score.figure_key(f, True) for f in figures}
        tp, n_sys, n_gold = tp + len(g & s), n_sys + len(s), n_gold + len(g)
        if a.verbose and (g - s or s - g):
            print(f"== {name}")
            for k in sorted(map(str, g - s)):
                print(f"   missed   {k}")
            for f in figures:
                if score.figure_key(f, True) in s - g:
                    print(f"   spurious {score.figure_key(f, True)}  <{f['quote']}>")
    p, r, f1 = score.prf(tp, n_sys, n_gold)
    print(f"strict figures: P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, system {n_sys}, gold {n_gold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
