"""Places gates on the shared data: ISAF province accuracy and the dev corpus's event places.

Floors are pinned just under the measured scores (see benchmarks/RESULTS.md) so
that a regression shows; raise them when the scores rise. Skipped where
../shared is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sourcewise.geo import fold
from tests.conftest import ROOT, SHARED, load_gold

ISAF_PROVINCE_FLOOR = 0.945
EVENT_PLACE_RECALL_FLOOR = 0.95


def _cli(target: str) -> str:
    exe = ROOT / ".venv" / "bin" / "sourcewise"
    head = str(exe) if exe.exists() else f"{sys.executable} -m sourcewise"
    return f"{head} analyze {target} --format json"


@pytest.mark.corpus
@pytest.mark.slow
def test_isaf_province_accuracy_floor(corpus):
    script = SHARED / "tools" / "score_isaf.py"
    out = subprocess.run(
        [sys.executable, str(script), "--cmd", _cli("{dir}")], capture_output=True, text=True, timeout=1200, check=True
    )
    found = re.search(r"province_accuracy: ([0-9.]+)", out.stdout)
    assert found, out.stdout[-2000:]
    assert float(found.group(1)) >= ISAF_PROVINCE_FLOOR, out.stdout


def _most_specific(gold_place: str) -> str | None:
    """'Dahyan, Saada province, Yemen' -> 'Dahyan'; 'towns near Kyiv' -> 'Kyiv'."""
    words = re.findall(r"[A-ZÀ-ÝČŠŽ][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", gold_place)
    return words[0] if words else None


@pytest.mark.corpus
def test_event_places_of_the_dev_corpus_are_found(corpus, analyze):
    hits = total = 0
    missed = []
    for path in sorted((corpus / "articles").glob("*.txt")):
        gold = load_gold(path.stem)
        wanted = {_most_specific(e["place"]) for e in gold.get("events", []) if e.get("place")} - {None}
        if not wanted:
            continue
        report = analyze(path.read_text("utf-8"))
        for p in report.places:
            assert p.country and p.lat is not None and p.lon is not None, p
        quotes = {fold(p.quote) for p in report.places} | {fold(p.name) for p in report.places}
        for name in wanted:
            total += 1
            if fold(name) in quotes:
                hits += 1
            else:
                missed.append((path.stem, name))
    assert total and hits / total >= EVENT_PLACE_RECALL_FLOOR, missed
