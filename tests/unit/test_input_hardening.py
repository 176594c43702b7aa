"""Hostile or damaged input: each case ends in a document or a coded failure, with bounded work."""

from __future__ import annotations

import gzip
import io
import math
import os

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sourcewise.analyze import Analyzer
from sourcewise.errors import MalformedInput
from sourcewise.ingest import Failure, Loaded, iter_inputs, iter_items
from sourcewise.ingest import warc as warc_module
from sourcewise.ingest.base import document_id
from sourcewise.ingest.decode import decode_text, valid_unicode
from sourcewise.ingest.jsonl import load_jsonl_line
from sourcewise.ingest.metadata import clean_str
from sourcewise.ingest.paths import locator
from sourcewise.nlp.components.checks import _sentence_finder
from sourcewise.nlp.numparse import MAX_CARDINAL, parse_cardinal
from sourcewise.records import Document
from sourcewise.settings import Settings


def _doc(text: str, source: str) -> Document:
    return Document(id=document_id(text.encode()), source=source, text=text)


def test_text_over_max_chars_is_refused_before_the_model_in_input_order(analyzer):
    small = Analyzer(Settings(max_chars=200), nlp=analyzer.nlp)
    docs = [_doc("Two soldiers were wounded on Monday.", "a"), _doc("word " * 100, "big"), _doc("Calm day.", "c")]
    out = list(small.analyze_many(docs))
    assert [o.source if isinstance(o, Failure) else o.document.source for o in out] == ["a", "big", "c"]
    assert isinstance(out[1], Failure) and out[1].code == "SW105" and "--max-chars" in str(out[1].error)
    assert not isinstance(out[0], Failure) and not isinstance(out[2], Failure)


def test_utf8_cut_short_in_its_last_character_stays_utf8():
    raw = "Café in Kharkiv — ".encode() + "é".encode()[:1]
    assert decode_text(raw, 1000) == "Café in Kharkiv — \ufffd"


def test_foreign_bytes_in_utf8_text_are_read_as_windows_1252():
    raw = "Résumé of the naïve café — ".encode() + b"\x93quoted\x94 text"
    assert decode_text(raw, 1000) == "Résumé of the naïve café — \u201cquoted\u201d text"


def test_lone_surrogates_become_replacement_characters():
    assert valid_unicode("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert valid_unicode("plain 😀") == "plain 😀"


def test_jsonl_lone_surrogate_escape_keeps_the_document():
    loaded = load_jsonl_line(
        b'{"text": "Three were detained \\ud800 at the crossing.", "title": "T\\udc00"}', "f#1", 10_000
    )
    assert "\ufffd" in loaded.document.text
    loaded.document.text.encode("utf-8")  # storable
    assert loaded.document.title == "T\ufffd"


def test_jsonl_nested_too_deeply_is_malformed_not_a_crash():
    with pytest.raises(MalformedInput, match="nested too deeply"):
        load_jsonl_line(b"[" * 200_000 + b"]" * 200_000, "f#1", 10_000_000)


def test_metadata_control_characters_are_removed():
    assert clean_str("A\x00title\x1b[31m with\x85 controls\n") == "A title [31m with controls"


def test_file_names_become_printable_utf8_locators(tmp_path):
    assert locator(tmp_path / "plain name.txt") == str(tmp_path / "plain name.txt")
    odd = locator(tmp_path / os.fsdecode(b"caf\xe9.txt"))
    assert odd.endswith("caf\\xe9.txt")
    odd.encode("utf-8")
    assert locator(tmp_path / "two\nlines\u202e.txt").endswith("two\\nlines\\u202e.txt")


def test_a_file_with_a_non_utf8_name_is_read_and_named_safely(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"r\xe9port.txt")
    with open(name, "wb") as fh:
        fh.write(b"Five people were hurt in the blast.\n")
    [item] = list(iter_inputs([os.fsdecode(name)], Settings()))
    assert isinstance(item, Loaded)
    item.document.source.encode("utf-8")


def _warc_with_payload(path, payload: bytes) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        w.write_record(
            w.create_warc_record("https://x.example/", "response", payload=io.BytesIO(payload), http_headers=headers)
        )


def test_warc_decompression_bomb_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(warc_module, "BOMB_FLOOR", 1 << 20)
    path = tmp_path / "bomb.warc.gz"
    _warc_with_payload(path, b"<html><body><p>" + b"\x00" * (8 << 20))
    assert path.stat().st_size < 100_000
    items = list(iter_items([path], Settings(max_bytes=1 << 20)))
    assert isinstance(items[-1], Failure) and items[-1].code == "SW106"
    assert "decompression bomb" in str(items[-1].error)


def test_warc_header_line_without_end_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(warc_module, "MAX_LINE", 4096)
    path = tmp_path / "endless.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: " + b"a" * 100_000))
    [item] = list(iter_items([path], Settings()))
    assert isinstance(item, Failure) and item.code == "SW106"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1" * 400, None),
        ("9" * 31, None),
        ("1,000,000,000,000,000", None),
        (str(MAX_CARDINAL), MAX_CARDINAL),
        ("2.5 million", 2_500_000),
        ("1,234", 1234),
        ("12.5", None),
    ],
)
def test_long_digit_strings_are_not_counts(text, value):
    assert parse_cardinal(text) == value


def test_sentence_finder_matches_a_linear_scan():
    sentences = [(30, 50), (0, 10), (10, 30), (60, 70)]
    find = _sentence_finder(sentences)
    ordered = sorted(sentences)
    for pos in range(-1, 75):
        expect = next((k for k, (s, e) in enumerate(ordered) if s <= pos < e), -1)
        assert find(pos) == expect


def test_html_nested_past_the_parser_depth_says_so():
    from sourcewise.errors import EmptyInput
    from sourcewise.ingest.html import load_html

    body = b"<p>Shelling hit a market in the eastern town on Tuesday, killing 7 people, officials said.</p>"
    deep = b"<html><body>" + b"<div>" * 300 + body + b"</div>" * 300 + b"</body></html>"
    with pytest.raises(MalformedInput, match="nested more than 255 deep"):
        load_html(deep, "deep.html", 10**7)
    with pytest.raises(EmptyInput, match="no article text"):
        load_html(b"<html><body><div></div></body></html>", "empty.html", 10**7)
    shallow = b"<html><body>" + b"<div>" * 100 + body + b"</div>" * 100 + b"</body></html>"
    assert "killing 7 people" in load_html(shallow, "ok.html", 10**7).document.text


def test_rival_figures_agree_exactly_when_every_cross_sentence_pair_overlaps():
    import random
    from itertools import combinations

    from sourcewise.nlp.components.checks import _rivals_compatible

    rng = random.Random(4)
    for _ in range(3000):
        members = [
            (rng.randrange(4), (lo, lo + rng.choice([0, 0, 1, 5, 50, -1, math.inf])))
            for lo in (float(rng.randrange(40)) for _ in range(rng.randint(2, 7)))
        ]
        by_sentence: dict[int, list[tuple[float, float]]] = {}
        for s, b in members:
            by_sentence.setdefault(s, []).append(b)
        if len(by_sentence) < 2:
            continue
        pairwise = all(max(a[0], b[0]) <= min(a[1], b[1]) for (s, a), (t, b) in combinations(members, 2) if s != t)
        assert _rivals_compatible(by_sentence) == pairwise, members
