"""Framing gate on the shared dev corpus: sponsorship, genre and attribution must not regress.

Computed in-process with the session's analyzer (the same formulas as
../shared/tools/score.py: presence of a disclosure, exact genre, span overlap
for attributions). Floors sit at or just under the measured scores; raise them
when the scores rise. Skipped where ../shared is absent.
"""

import json

import pytest

SPONSORSHIP_FLOOR = 1.0
GENRE_FLOOR = 1.0
ATTRIBUTION_RECALL_FLOOR = 0.95
ATTRIBUTION_PRECISION_FLOOR = 0.8


@pytest.fixture(scope="module")
def scored(corpus, analyzer):
    from sourcewise.ingest import iter_inputs
    from sourcewise.settings import Settings

    rows = []
    for gold_file in sorted((corpus / "gold").glob("*.json")):
        article = corpus / "articles" / f"{gold_file.stem}.txt"
        [item] = list(iter_inputs([article], Settings()))
        rows.append((json.loads(gold_file.read_text()), analyzer.analyze(item.document)))
    return rows


def _overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


@pytest.mark.corpus
def test_sponsorship_accuracy(scored):
    right = sum(bool(g.get("sponsorship")) == (r.framing.sponsorship is not None) for g, r in scored)
    assert right / len(scored) >= SPONSORSHIP_FLOOR


@pytest.mark.corpus
def test_genre_accuracy(scored):
    rows = [(g["genre"], r.framing.genre) for g, r in scored if g.get("genre")]
    assert sum(a == b for a, b in rows) / len(rows) >= GENRE_FLOOR, rows


@pytest.mark.corpus
def test_attribution_recall_and_precision(scored):
    found = gold_total = overlapping = system_total = 0
    for gold, report in scored:
        text = report.document.text
        gspans = [(i, i + len(q)) for q in gold.get("attributions", []) if (i := text.find(q)) >= 0]
        sspans = [(a.start, a.end) for a in report.framing.attributions]
        found += sum(any(_overlap(g, s) for s in sspans) for g in gspans)
        gold_total += len(gspans)
        overlapping += sum(any(_overlap(g, s) for g in gspans) for s in sspans)
        system_total += len(sspans)
    assert found / gold_total >= ATTRIBUTION_RECALL_FLOOR
    assert overlapping / system_total >= ATTRIBUTION_PRECISION_FLOOR


@pytest.mark.corpus
def test_framing_offsets_hold(scored):
    from sourcewise.records import offset_errors

    assert [e for _, r in scored for e in offset_errors(r)] == []
