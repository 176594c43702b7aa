"""Bad input never ends in a traceback or a hang: a coded one-line error, or a report whose offsets hold.

Generated text goes through the library (hypothesis); a corpus of hostile files, generated here, goes
through ``sourcewise analyze`` and ``sourcewise ingest`` as a user runs them.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcewise.analyze import analyze_text
from sourcewise.records import Report, grounded_items, offset_errors
from tests.reliability import nasty
from tests.reliability.conftest import failure_lines, ledger_integrity, run_cli

WORDS = [
    "killed", "wounded", "injured", "dead", "missing", "displaced", "abducted", "shelling", "airstrike", "troops",
    "civilians", "children", "officials", "said", "according", "to", "at", "least", "about", "more", "than", "the",
    "in", "of", "and", "were", "people", "soldiers", "hospital", "Kharkiv", "Gaza", "Donetsk", "Kabul", "on",
    "Monday", "March", "2024", "one", "two", "twelve", "hundred", "thousand", "million", "dozens", "scores",
    "1,200", "3.5", "40", "400", "7", "1st", "-5", "10%", "½", "٣", "١٢", "۴", "₁", "Ⅻ",
    "قتل", "جرحى", "مدنيين", "שלום", "נהרגו", "\u202e", "\u202c", "\u2067", "\u2069", "\u200f", "\u200e",
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u0301", "e\u0301", "😀", "👩‍👩‍👧", "🇺🇦",
    ".", ",", ";", ":", "!", "?", '"', "'", "“", "”", "«", "»", "(", ")", "—", "-", "\n", "\n\n", "\t", "\u2028",
]  # fmt: skip

tokens = st.sampled_from(WORDS) | st.text(min_size=1, max_size=6)
separators = st.sampled_from([" ", "", "  ", "\u00a0", "\u200b", "\n"])
article_like = st.lists(st.tuples(tokens, separators), min_size=1, max_size=80).map(
    lambda parts: "".join(t + s for t, s in parts)
)


def _check_offsets(report: Report, text: str) -> None:
    assert report.document.text == text
    assert offset_errors(report) == []
    for item in grounded_items(report):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.quote


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article_like)
def test_offsets_hold_on_generated_text(analyzer, figures, text):
    _check_offsets(analyze_text(text), text)
    figures["generated texts analysed"] += 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300),
    count=st.integers(min_value=0, max_value=10**400),
)
def test_offsets_hold_on_arbitrary_unicode_around_a_count(analyzer, figures, text, count):
    full = f"{text} Officials said {count} people were killed. {text}"
    report = analyze_text(full)
    _check_offsets(report, full)
    assert all(f.value is None or f.value <= 10**12 for f in report.figures)
    figures["generated texts analysed"] += 1


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str | None]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, nasty.build(folder)


def _by_file(lines: list[str], folder: Path) -> dict[str, list[str]]:
    """Failure codes per file name (a WARC or JSONL file can fail more than once)."""
    out: dict[str, list[str]] = {}
    for line in lines:
        source, _, rest = line.partition(": SW")
        name = source.removeprefix(str(folder) + os.sep).split("#")[0].split(" after record")[0]
        out.setdefault(name, []).append("SW" + rest[:3])
    return out


def _check_outcomes(stderr: str, folder: Path, expected: dict[str, str | None]) -> None:
    codes = _by_file(failure_lines(stderr), folder)
    for name, outcome in expected.items():
        if name == "feed.jsonl":  # line 2 nested 100,000 deep, line 4 not JSON; lines 1, 3 and 5 are articles
            assert codes.get(name) == ["SW106", "SW106"], codes
        elif name == "bomb.warc.gz":  # the one record is over --max-bytes; reading on, the bomb stops the file
            assert codes.get(name, [])[-1:] == ["SW106"], codes
        elif outcome is None:
            assert name not in codes, codes
        else:
            assert codes.get(name) == [outcome], (name, codes)


def _escaped(name: str) -> str:
    from sourcewise.ingest.paths import locator

    return locator(Path(name))


def test_analyze_cli_refuses_each_bad_file_with_a_code_and_reports_the_rest(hostile, figures):
    folder, expected = hostile
    names = sorted(expected)
    run = run_cli(["analyze", *names, "--format", "json"], timeout=180, cwd=folder)
    assert run.returncode == 1  # some inputs failed
    _check_outcomes(run.stderr, Path("."), {_escaped(n): o for n, o in expected.items()})
    reports = [Report.from_dict(json.loads(line)) for line in run.stdout.splitlines()]
    sources = sorted(r.document.source for r in reports)
    accepted = sorted(_escaped(n) for n, o in expected.items() if o is None and n != "feed.jsonl")
    assert sources == sorted([*accepted, "feed.jsonl#1", "feed.jsonl#3", "feed.jsonl#5"])
    for report in reports:
        assert offset_errors(report) == []
        assert all(f.value is None or f.value <= 10**12 for f in report.figures)  # not the 400-digit number
        json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # storable, printable
    assert "summary" not in run.stdout
    figures["hostile files (analyze and ingest)"] = len(expected)
    figures["hostile documents in them"] = len(expected) + 4  # feed.jsonl holds five


def test_ingest_cli_stores_the_good_inputs_among_the_bad(hostile, tmp_path, figures):
    folder, expected = hostile
    db = tmp_path / "ledger.db"
    run = run_cli(["ingest", *sorted(expected), "--db", str(db), "--workers", "1"], timeout=180, cwd=folder)
    assert run.returncode == 1
    _check_outcomes(run.stderr, Path("."), {_escaped(n): o for n, o in expected.items()})
    good = sum(1 for n, o in expected.items() if o is None and n != "feed.jsonl") + 3
    assert ledger_integrity(db)["documents"] == good
    with sqlite3.connect(db) as conn:
        sources = {r[0] for r in conn.execute("SELECT source FROM documents")}
        titles = {r[0] for r in conn.execute("SELECT title FROM documents WHERE title IS NOT NULL")}
    assert all(s.isprintable() for s in sources), sources  # the odd file name is escaped, not a raw ESC
    assert all(t.isprintable() for t in titles), titles
    figures["hostile documents accepted and stored"] = good
    _served_without_error(db)


def _served_without_error(db: Path) -> None:
    """What was stored from hostile files renders: every page and API answer of the ledger is a 200."""
    from tests.web.conftest import make_client

    with make_client(str(db)) as c:
        ids = [d["id"] for d in c.get("/api/documents", params={"limit": 100}).json()]
        paths = ["/", "/documents", "/incidents", "/search?q=market", "/api/incidents", "/api/stats"]
        paths += [f"/api/export?format={f}" for f in ("csv", "jsonl", "geojson")]
        paths += [p for i in ids for p in (f"/documents/{i}", f"/api/documents/{i}", f"/api/documents/{i}/incidents")]
        for path in paths:
            r = c.get(path)
            assert r.status_code == 200, (path, r.status_code, r.text[:300])
            assert "\x1b" not in r.text and "\x00" not in r.text, path


def test_a_bad_path_alone_is_one_line_and_status_1(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    for args in (["analyze", "empty.txt"], ["ingest", "nowhere.txt", "--db", "l.db"]):
        run = run_cli(args, timeout=120, cwd=tmp_path)
        assert run.returncode == 1, run.stderr
        [line] = failure_lines(run.stderr)
        assert line.split(": ", 1)[1].startswith(("SW103", "SW101")), line
