"""The ledger's commands end to end on SQLite: ingest, reanalyze, stats, search, incidents, compare, export."""

from __future__ import annotations

import csv
import io
import json

import pytest

import sourcewise.ledger
from sourcewise.cli import main
from sourcewise.engines import LocalEngine
from sourcewise.store import open_store
from tests.store.reports import Fig, Where, make_report

ARTICLE = "Clashes in Velmora\n\nAt least 14 people were killed in Velmora on Monday, the governor said."


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "b.txt").write_text("Floods\n\nNo casualties were reported in the valley.")
    (folder / "empty.txt").write_text("")
    return folder


@pytest.fixture(autouse=True)
def _shared_analyzer(analyzer, monkeypatch):
    """Reuse the session's pipeline instead of loading spaCy in every command."""
    real = sourcewise.ledger.ingest

    def ingest(*a, **k):
        k.setdefault("analyzer", analyzer)
        k["engine"] = LocalEngine(1)  # in this process, where the shared pipeline is
        return real(*a, **k)

    real_re = sourcewise.ledger.reanalyze

    def reanalyze(*a, **k):
        k.setdefault("analyzer", analyzer)
        return real_re(*a, **k)

    monkeypatch.setattr(sourcewise.ledger, "ingest", ingest)
    monkeypatch.setattr(sourcewise.ledger, "reanalyze", reanalyze)


def test_ingest_twice_stores_each_document_once(articles, tmp_path, capsys):
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(articles), "--db", db]) == 1  # the empty file fails, the rest is stored
    err = capsys.readouterr().err
    assert "SW103" in err and "3 document(s): 2 new, 0 updated, 0 already stored, 1 failed" in err
    assert "Traceback" not in err
    assert main(["ingest", str(articles / "a.txt"), str(articles / "b.txt"), "--db", db]) == 0
    assert "2 document(s): 0 new, 0 updated, 2 already stored, 0 failed" in capsys.readouterr().err
    assert main(["stats", "--db", db, "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["documents"], stats["reports"], stats["failures"]) == (2, 2, 1)
    assert list(stats["pipelines"].values()) == [2]


def test_reanalyze_refreshes_old_reports(articles, tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "l.db")
    monkeypatch.setattr(sourcewise.ledger, "PIPELINE_VERSION", "0.0.0+old")
    with open_store(db) as s:
        report, raw = make_report(ARTICLE, pipeline="0.0.0+old")
        s.put(report, raw)
    monkeypatch.undo()
    assert main(["reanalyze", "--db", db]) == 0
    assert "1 report(s) refreshed, 0 failed" in capsys.readouterr().err
    with open_store(db) as s:
        got = s.get_report(report.document.id)
        assert got is not None and got.figures and s.stats().stale_reports == 0


def test_search_prints_highlighted_snippets(articles, tmp_path, capsys):
    db = str(tmp_path / "l.db")
    main(["ingest", str(articles / "a.txt"), "--db", db])
    capsys.readouterr()
    assert main(["search", "governor", "--db", db, "--format", "json"]) == 0
    hit = json.loads(capsys.readouterr().out)
    assert "governor" in hit["snippet"]
    assert main(["search", "governor", "--db", db]) == 0
    assert "Clashes in Velmora" in capsys.readouterr().out


@pytest.fixture
def ledger(tmp_path):
    db = str(tmp_path / "inc.db")
    town = Where("Velmora", gazetteer_id="test:1", admin1="North", country="ZZ", lat=1.5, lon=2.5)
    with open_store(db) as s:
        for text, value, publisher in (
            ("Velmora: 40 people were killed.", 40, "Wire"),
            ("In Velmora 95 people were killed.", 95, "Daily"),
        ):
            s.put(
                *make_report(
                    text,
                    figures=[Fig(f"{value} people were killed", value=value)],
                    date="2031-05-06",
                    place=town,
                    publisher=publisher,
                )
            )
        s.refresh_incidents()
    return db


def test_incidents_json_compare_and_exports(ledger, capsys, tmp_path):
    assert main(["incidents", "--db", ledger, "--format", "json", "--place", "Velmora"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    inc = json.loads(line)
    assert {c["value"] for c in inc["claims"]} == {40, 95}
    for key in (
        "document_id",
        "publisher",
        "genre",
        "sponsored",
        "category",
        "qualifier",
        "subgroup",
        "attributed_to",
        "quote",
    ):
        assert key in inc["claims"][0]
    assert inc["estimates"]["killed"]["low"] == 40 and inc["estimates"]["killed"]["high"] == 95
    assert inc["flags"][0]["kind"] == "sources_differ"

    assert main(["compare", inc["id"][:7], "--db", ledger]) == 0
    out = capsys.readouterr().out
    assert "Wire" in out and "Daily" in out and "95" in out

    assert main(["export", "--format", "csv", "--db", ledger]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (
        rows[0]["event_date"] == "2031-05-06" and rows[0]["latitude"] == "1.5" and rows[0]["number_of_sources"] == "2"
    )
    assert main(["export", "--format", "geojson", "--db", ledger]) == 0
    geo = json.loads(capsys.readouterr().out)
    assert geo["features"][0]["geometry"]["coordinates"] == [2.5, 1.5]
    out_file = tmp_path / "inc.jsonl"
    assert main(["export", "--format", "jsonl", "--db", ledger, "-o", str(out_file)]) == 0
    assert json.loads(out_file.read_text())["id"] == inc["id"]


def test_merge_and_split_from_the_command_line(ledger, capsys):
    assert main(["incidents", "--db", ledger, "--format", "json"]) == 0
    inc = json.loads(capsys.readouterr().out)
    doc = inc["documents"][1]
    assert main(["incidents", "--db", ledger, "split", inc["id"], doc[:10]]) == 0
    new_id = capsys.readouterr().out.strip()
    assert main(["incidents", "merge", inc["id"], new_id, "--db", ledger]) == 0
    capsys.readouterr()
    assert main(["incidents", "list", "--db", ledger, "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2  # header + one incident, one category


def test_store_errors_are_one_coded_line(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "missing" / "x.db")]) == 2
    assert "SW201" in capsys.readouterr().err
    assert main(["stats", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert "SW201" in err and "Traceback" not in err
    db = str(tmp_path / "l.db")
    open_store(db).close()
    assert main(["compare", "Inothere", "--db", db]) == 2
    assert "SW204" in capsys.readouterr().err


def test_reanalyze_batch_size(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    with open_store(db) as s:
        s.put(*make_report(ARTICLE, pipeline="0.0.0+old"))
    assert main(["reanalyze", "--db", db, "--batch-size", "0"]) != 0
    assert "SW400 --batch-size must be at least 1" in capsys.readouterr().err
    assert main(["reanalyze", "--db", db, "--batch-size", "1"]) == 0
    assert "1 report(s) refreshed, 0 failed" in capsys.readouterr().err
