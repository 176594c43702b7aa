"""The local engine: batches in worker processes, a dying worker costs one document, and analyze_batch is pure."""

from __future__ import annotations

import os

from sourcewise.engines import LocalEngine, analyze_batch
from sourcewise.ingest import Failure, RawItem, document_id
from sourcewise.records import Report
from sourcewise.settings import Settings


def item(text: str, kind: str = "text", n: int = 0) -> RawItem:
    raw = text.encode()
    return RawItem(kind, f"<test>#{n}", raw, document_id(raw), end=n)


def sizes_or_die(batch: list[RawItem]) -> list[int]:
    """A batch function whose worker dies on one poisoned document, as a segfault would kill it."""
    if any(b"POISON" in i.raw for i in batch):
        os._exit(3)
    return [len(i.raw) for i in batch]


def crashed(batch: list[RawItem], reason: str) -> list[str]:
    return [reason for _ in batch]


def test_analyze_batch_one_outcome_per_item_in_order(analyzer):
    items = [
        item("Seven people were injured in the blast in the port, the coastguard said.", n=1),
        item("   ", n=2),
        item(b"\x00\x01 binary".decode("latin-1"), n=3),
        item('{"text": "Two soldiers were captured near the river."}', kind="jsonl", n=4),
    ]
    outcomes = analyze_batch(items, Settings(), analyzer=analyzer)
    assert [type(o).__name__ for o in outcomes] == ["Report", "Failure", "Failure", "Report"]
    assert isinstance(outcomes[0], Report) and outcomes[0].document.id == items[0].id
    assert isinstance(outcomes[1], Failure) and outcomes[1].code == "SW103"
    assert outcomes[3].document.source == "<test>#4"
    again = analyze_batch(items, Settings(), analyzer=analyzer)
    assert [o.to_dict() if isinstance(o, Report) else o.code for o in again] == [
        o.to_dict() if isinstance(o, Report) else o.code for o in outcomes
    ]


def test_a_dying_worker_costs_only_its_document():
    batches = [[item(f"document {b}-{i}", n=b * 10 + i) for i in range(3)] for b in range(4)]
    batches[2][1] = item("POISON pill", n=21)
    results = {}
    with LocalEngine(2) as engine:
        for batch, result, stats in engine.map(sizes_or_die, batches, crashed):
            for it, r in zip(batch, result, strict=True):
                assert it.source not in results  # every document once
                results[it.source] = (r, stats.pid)
        # the pool that replaced the dead one serves the next run
        [(_, again, _)] = list(engine.map(sizes_or_die, [[item("after")]], crashed))
        assert again == [5]
    assert len(results) == 12
    assert results["<test>#21"][0] == "the worker process died while analysing this document"
    assert all(isinstance(r, int) for src, (r, _) in results.items() if src != "<test>#21")
    assert all(pid not in (0, os.getpid()) for src, (_, pid) in results.items() if src != "<test>#21")


def test_one_worker_runs_in_this_process():
    engine = LocalEngine(1)
    [(_batch, result, stats)] = list(engine.map(sizes_or_die, [[item("abc")]], crashed))
    assert result == [3] and stats.pid == os.getpid() and engine.in_process
