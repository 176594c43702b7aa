"""``sourcewise ingest`` options: workers, engine, quiet, the progress bar and the summary."""

from __future__ import annotations

import sys

import pytest

from sourcewise.cli import main
from sourcewise.ledger import IngestSummary
from sourcewise.render.progress import ingest_progress


@pytest.fixture
def folder(tmp_path):
    f = tmp_path / "in"
    f.mkdir()
    (f / "a.txt").write_text("Shelling\n\nNine people were wounded when shells hit the market in Dravo on Sunday.")
    (f / "b.jsonl").write_text('{"text": "Three aid workers were detained at a checkpoint."}\nnot json\n')
    return f


def test_one_worker_in_process_with_summary(folder, tmp_path, capsys, analyzer):
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(folder), "--db", db, "--workers", "1"]) == 1  # the broken line fails
    err = capsys.readouterr().err
    assert "b.jsonl#2: SW106" in err
    assert "3 document(s): 2 new, 0 updated, 0 already stored, 1 failed" in err
    assert "documents/s" in err and "words/s" in err and "peak memory" in err
    assert main(["ingest", str(folder), "--db", db, "--workers", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "SW106" not in err and "2 already stored" in err
    assert "documents/s" in err  # the failing line was analysed again


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "0"], "--workers must be at least 1"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--batch-size", "0"], "--batch-size must be at least 1"),
    ],
)
def test_bad_options_are_one_coded_line(folder, tmp_path, capsys, args, message):
    assert main(["ingest", str(folder), "--db", str(tmp_path / "l.db"), *args]) == 2
    err = capsys.readouterr().err
    assert "sourcewise: error: SW4" in err and message in err and "Traceback" not in err


def test_progress_bar_only_on_a_terminal(capsys, monkeypatch):
    summary = IngestSummary(new=3, failed=1, words=300, position=50)
    with ingest_progress(100, show_bar=True) as hooks:
        assert hooks.on_progress is None  # not a terminal under pytest
        hooks.on_failure("x.txt", "SW103", "input is empty")
    assert "x.txt: SW103 input is empty" in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with ingest_progress(100, show_bar=True) as hooks:
        hooks.on_progress(summary)
        hooks.on_failure("y.txt", "SW102", "input is a binary file, not text")
    err = capsys.readouterr().err
    assert "y.txt: SW102" in err and "4 docs" in err and "1 failed" in err and "docs/s" in err
    with ingest_progress(100, show_bar=False, show_failures=False) as hooks:
        assert hooks.on_progress is None and hooks.on_failure is None
