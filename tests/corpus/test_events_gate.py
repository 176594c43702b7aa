"""Accuracy gates for dates, events and totals: fail when a change makes them worse.

- ISAF press releases: date, killed and captured accuracy as ../shared/tools/score_isaf.py
  computes them (its functions are imported), on a fixed quarter of the 724 releases so the
  gate stays within the suite's time; benchmarks/isaf.py runs the full set with the scorer.
- Dev corpus with metadata: the share of gold event dates found, as
  ../shared/tools/score.py --with-metadata counts it (in one process).

Floors are pinned just under the measured scores; raise them when the scores rise.
Skipped where ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from tests.conftest import SHARED

ISAF = SHARED / "benchmarks" / "isaf" / "test.jsonl"
ISAF_EVERY = 4  # releases 0, 4, 8, ...
ISAF_FLOORS = {"date": 0.73, "killed": 0.89, "captured": 0.82}
EVENT_DATE_RECALL_FLOOR = 0.95


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"sw_{name}", SHARED / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def isaf_rows():
    if not ISAF.exists():
        pytest.skip("../shared/benchmarks/isaf is not present")
    rows = [json.loads(line) for line in ISAF.read_text().splitlines() if line.strip()]
    return rows[::ISAF_EVERY]


@pytest.mark.corpus
def test_isaf_floors(isaf_rows):
    from sourcewise.analyze import Analyzer
    from sourcewise.ingest.base import document_id
    from sourcewise.records import Document
    from sourcewise.settings import Settings

    score = _load("score_isaf")
    docs = [
        Document(id=document_id(r["text"].encode()), source=str(i), text=r["text"]) for i, r in enumerate(isaf_rows)
    ]
    hits = dict.fromkeys(ISAF_FLOORS, 0)
    for row, report in zip(isaf_rows, Analyzer(Settings(convention="isaf")).analyze_many(docs), strict=True):
        rep = report.to_dict()  # type: ignore[union-attr]
        gold = row["gold"]
        got = {
            "date": score.first_date(rep),
            "killed": score.total(rep, "killed"),
            "captured": score.total(rep, "detained") + score.total(rep, "hostage"),
        }
        want = {"date": gold["start_date"], "killed": gold["min_killed"], "captured": gold["min_captured"]}
        for k in hits:
            hits[k] += got[k] == want[k]
    accuracy = {k: v / len(isaf_rows) for k, v in hits.items()}
    for k, floor in ISAF_FLOORS.items():
        assert accuracy[k] >= floor, accuracy


@pytest.mark.corpus
def test_event_date_recall_floor(corpus):
    from sourcewise.analyze import Analyzer
    from sourcewise.ingest.base import document_id
    from sourcewise.records import Document

    analyzer = Analyzer()
    found = total = 0
    for gold_file in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text())
        text = (corpus / "articles" / f"{gold_file.stem}.txt").read_text()
        published = gold.get("published") or ""
        document = Document(
            id=document_id(text.encode()),
            source=gold_file.stem,
            text=text,
            url=gold.get("url"),
            title=gold.get("title"),
            publisher=gold.get("publisher"),
            published=published if re.fullmatch(r"\d{4}(-\d\d){0,2}", published) else None,
        )
        report = analyzer.analyze(document)
        values = [d.value for d in report.dates] + [e.date or "" for e in report.events]
        for event in gold.get("events", []):
            start = event.get("date_start")
            if not start:
                continue
            total += 1
            found += any(v.startswith(start) or f"/{start}" in v or start in v.split("/")[0] for v in values if v)
    assert total and found / total >= EVENT_DATE_RECALL_FLOOR, (found, total)


@pytest.mark.corpus
def test_every_event_of_the_seed_article_has_its_date(corpus):
    from sourcewise.analyze import analyze_text

    text = (corpus / "articles" / "00-newsaz-khojaly-analytics.txt").read_text()
    gold = json.loads((corpus / "gold" / "00-newsaz-khojaly-analytics.json").read_text())
    report = analyze_text(text)
    values = {d.value for d in report.dates} | {e.date for e in report.events if e.date}
    for event in gold["events"]:
        assert any(v.split("/")[0].startswith(event["date_start"]) for v in values), event["quote"]
    assert {a.kind for a in report.acts} >= {"decree", "decision", "recognition"}
