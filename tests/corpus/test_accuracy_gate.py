"""Accuracy gate on the shared dev corpus: fails if the strict figure F1 drops below the floor.

The floor is pinned just under the measured score so that any regression shows;
raise it when the score rises. Skipped where ../shared is absent.
"""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

FIGURE_F1_FLOOR = 0.98


@pytest.mark.corpus
def test_figure_f1_floor(corpus):
    exe = ROOT / ".venv" / "bin" / "sourcewise"
    cmd = (
        f"{exe} analyze {{file}} --format json"
        if exe.exists()
        else f"{sys.executable} -m sourcewise analyze {{file}} --format json"
    )
    out = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(corpus), "--cmd", cmd, "--json"],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    summary = json.loads(out.stdout)
    assert summary["failed"] == 0
    assert summary["provenance_errors"].startswith("0/")
    assert summary["vocabulary_errors"] == 0
    assert summary["figures_strict"]["f1"] >= FIGURE_F1_FLOOR, summary["figures_strict"]
