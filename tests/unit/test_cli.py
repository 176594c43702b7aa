"""The command line: formats, summaries, exit codes, no tracebacks for users' mistakes."""

import json

from sourcewise.cli import main


def test_json_lines_per_document(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Title\n\nAt least 12 people were killed on Monday.")
    (tmp_path / "b.txt").write_text("Title\n\nNo figures here at all.")
    assert main(["analyze", str(tmp_path), "--format", "json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    reports = [json.loads(line) for line in out]
    assert [r["schema"] for r in reports] == ["sourcewise.report/1"] * 2
    assert reports[0]["document"]["source"].endswith("a.txt")
    assert reports[0]["figures"][0]["value"] == 12
    for key in ("dates", "places", "entities", "events", "acts"):
        assert isinstance(reports[0][key], list)


def test_bad_input_is_one_line_and_run_goes_on(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Title\n\n30 people were injured.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["analyze", str(tmp_path / "missing.txt"), str(empty), str(good), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.out.strip().splitlines()) == 1
    err = captured.err
    assert "SW101" in err and "SW103" in err
    assert "Traceback" not in err
    assert "1 of 3 document(s) analysed, 2 failed" in err


def test_text_and_markdown_formats(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("Clashes\n\nThe clashes killed 17 people, including 4 children.")
    assert main(["analyze", str(p), "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert "| f1 | killed | 17 |" in md
    assert main(["analyze", str(p), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert "killed" in text and "17" in text


def test_unknown_convention_is_a_usage_error(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("x")
    assert main(["analyze", str(p), "--convention", "nope"]) == 2
    assert "SW402" in capsys.readouterr().err
