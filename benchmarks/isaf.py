"""The ISAF press-release benchmark, scored by ../shared/tools/score_isaf.py, results kept as CSV.

    .venv/bin/python benchmarks/isaf.py [--limit N] [--csv PATH] [--convention NAME]

Runs the shared scorer exactly as a reader would (one ``sourcewise analyze DIR
--format json --convention isaf`` over the 724 releases), prints its output and
appends killed / captured / date / province accuracies, their mean and the wall
time to benchmarks/results/isaf.csv. The scorer is the reference: nothing here
recomputes a score.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIELDS = ("killed", "captured", "date", "province")


def _shared() -> Path:
    for parent in HERE.parents:
        if (parent / "shared" / "tools" / "score_isaf.py").is_file():
            return parent / "shared"
    raise SystemExit("../shared/tools/score_isaf.py not found: the benchmark needs ../shared")


def parse(output: str) -> dict[str, float]:
    """Accuracies from the scorer's closing lines ("killed_accuracy: 0.874", "isaf mean accuracy: 0.5")."""
    found = {k: float(v) for k, v in re.findall(r"^(\w+)_accuracy: ([\d.]+)$", output, re.MULTILINE)}
    mean = re.search(r"^isaf mean accuracy: ([\d.]+)", output, re.MULTILINE)
    if mean is None or set(FIELDS) - set(found):
        raise SystemExit(f"unexpected scorer output:\n{output}")
    return {**{k: found[k] for k in FIELDS}, "mean": float(mean.group(1))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N releases")
    ap.add_argument("--convention", default="isaf")
    ap.add_argument("--csv", type=Path, default=HERE / "results" / "isaf.csv")
    a = ap.parse_args()

    from sourcewise import PIPELINE_VERSION

    exe = ROOT / ".venv" / "bin" / "sourcewise"
    analyze = str(exe) if exe.exists() else f"{sys.executable} -m sourcewise"
    cmd = f"{analyze} analyze {{dir}} --format json --convention {a.convention}"
    argv = [sys.executable, str(_shared() / "tools" / "score_isaf.py"), "--cmd", cmd]
    if a.limit:
        argv += ["--limit", str(a.limit)]
    started = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    print(out.stdout, end="")
    if out.returncode != 0:
        print(out.stderr[-2000:], file=sys.stderr)
        return out.returncode
    scores = parse(out.stdout)
    releases = re.search(r"^releases: (\d+)", out.stdout, re.MULTILINE)
    a.csv.parent.mkdir(parents=True, exist_ok=True)
    new = not a.csv.exists()
    with a.csv.open("a", newline="") as fh:
        w = csv.writer(fh)
        if new:
            w.writerow(["when", "pipeline", "machine", "releases", "convention", *FIELDS, "mean", "seconds"])
        w.writerow(
            [
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                PIPELINE_VERSION,
                platform.machine(),
                releases.group(1) if releases else "",
                a.convention,
                *(f"{scores[k]:.3f}" for k in FIELDS),
                f"{scores['mean']:.3f}",
                f"{seconds:.1f}",
            ]
        )
    print(f"appended to {a.csv} ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
