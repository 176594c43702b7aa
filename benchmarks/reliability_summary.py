"""Run the reliability tests and print the figures they record (the README's Reliability section).

    .venv/bin/python benchmarks/reliability_summary.py

The figures are counted by the tests themselves (tests/reliability/conftest.py), so they are only printed when
every test passed: a number from a failing run would claim what was not shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reliability.json"
        env = {**os.environ, "SOURCEWISE_RELIABILITY_SUMMARY": str(out)}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "tests/reliability", "-q", "-p", "no:cacheprovider"], cwd=ROOT, env=env
        )
        if run.returncode != 0 or not out.exists():
            print("the reliability tests failed: no figures", file=sys.stderr)
            return 1
        figures = json.loads(out.read_text())
    print("| figure | value |\n|---|---:|")
    for name, value in figures.items():
        print(f"| {name} | {value:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
