"""Readers and their coded errors (files written by the tests)."""

import gzip
import json

import pytest

from sourcewise.ingest import Failure, Loaded, iter_inputs
from sourcewise.settings import Settings


def read(paths, **kw):
    return list(iter_inputs([str(p) for p in paths], Settings(**kw)))


def test_text_file_keeps_text_and_title(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"A title\r\n\r\nBody with 3 words.\r\n")
    [item] = read([p])
    assert isinstance(item, Loaded)
    assert item.document.text == "A title\n\nBody with 3 words.\n"
    assert item.document.title == "A title"
    assert len(item.document.id) == 64


def test_same_bytes_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("Same text.")
    (tmp_path / "b.txt").write_text("Same text.")
    a, b = read([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert a.document.id == b.document.id


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "SW103"),
        (b"   \n\t\n", "SW103"),
        (b"\x00\x01\x02binary\x00" * 10, "SW102"),
        (gzip.compress(b"hello"), "SW102"),
        (b"%PDF-1.4 something", "SW102"),
    ],
)
def test_bad_text_files(tmp_path, content, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [item] = read([p])
    assert isinstance(item, Failure)
    assert item.code == code


def test_missing_and_unsupported(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"x")
    missing, unsupported = read([tmp_path / "nope.txt", tmp_path / "x.pdf"])
    assert missing.code == "SW101"
    assert unsupported.code == "SW107"


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100)
    [item] = read([p], max_bytes=100)
    assert item.code == "SW105"


def test_legacy_encoding_is_detected(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le café du village a été détruit; les réfugiés sont partis.".encode("cp1252"))
    [item] = read([p])
    assert isinstance(item, Loaded)
    assert "café" in item.document.text


def test_jsonl_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "First text.", "url": "https://a.example/1", "published": "2024-01-05T10:00:00Z"}),
        "not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Second text.", "publisher": "Example"}),
    ]
    p.write_text("\n".join(lines) + "\n")
    items = read([p])
    assert [type(i).__name__ for i in items] == ["Loaded", "Failure", "Failure", "Loaded"]
    assert items[0].document.source.endswith("feed.jsonl#1")
    assert items[0].document.published == "2024-01-05"
    assert items[1].code == "SW106"
    assert items[3].document.source.endswith("#5")


def test_html_extracts_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Page</title><meta property='og:site_name' content='Example Times'>"
        "<link rel='canonical' href='https://times.example/a'>"
        "<meta property='article:published_time' content='2023-05-02'></head>"
        "<body><article><h1>Headline here</h1><p>At least 12 people were killed in the attack on the "
        "village on Sunday, local officials said, in the worst violence this year.</p>"
        "<p>Another paragraph follows with more detail about the attack and its aftermath.</p>"
        "</article></body></html>"
    )
    [item] = read([p])
    assert isinstance(item, Loaded)
    d = item.document
    assert "At least 12 people were killed" in d.text
    assert d.publisher == "Example Times"
    assert d.url == "https://times.example/a"
    assert d.published == "2023-05-02"


def test_folder_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / "README.md").write_text("not an article")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = read([tmp_path])
    assert [i.document.text for i in items] == ["one", "two"]
