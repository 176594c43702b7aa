"""Containers are streamed: JSONL lines and WARC records one at a time, with the same ids and locators."""

from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sourcewise.ingest import Failure, Loaded, RawItem, document_id, input_size, iter_inputs, iter_items, load
from sourcewise.settings import Settings

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>Fourteen people were injured when a market in the northern town was shelled on Tuesday, "
    "according to the local hospital, which said several were in a serious condition.</p>"
    "<p>A second paragraph gives the reaction of the town council and of residents.</p>"
    "</article></body></html>"
)


def write_warc(path, pages, *, gzip_records=True, extra_records=True):
    """A WARC like Common Crawl's: a warcinfo record, requests, and HTML (and non-HTML) responses."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gzip_records)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "sourcewise tests"}))
        for url, html in pages:
            if extra_records:
                w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            w.write_record(
                w.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(html.encode()),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
                )
            )
            if extra_records:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
                w.write_record(
                    w.create_warc_record(url + ".png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=img)
                )


def test_warc_records_become_documents(tmp_path):
    path = tmp_path / "news.warc.gz"
    write_warc(path, [(f"https://news.example/{i}", PAGE.format(title=f"Story {i}")) for i in range(3)])
    items = list(iter_inputs([path], Settings()))
    assert all(isinstance(i, Loaded) for i in items) and len(items) == 3
    first = items[0]
    assert first.document.url == "https://news.example/0"
    assert first.document.source == f"{path}#3"  # warcinfo, request, then the response
    assert first.document.published == "2024-03-05"  # the WARC date stands in for the page's
    assert first.document.id == document_id(first.raw)
    assert "Fourteen people were injured" in first.document.text


def test_uncompressed_warc_and_folder_walk(tmp_path):
    write_warc(tmp_path / "a.warc", [("https://news.example/a", PAGE.format(title="A"))], gzip_records=False)
    items = list(iter_items([tmp_path], Settings()))
    assert [type(i) for i in items] == [RawItem]
    assert items[0].kind == "warc" and items[0].url == "https://news.example/a"


def test_truncated_warc_keeps_what_was_read(tmp_path):
    path = tmp_path / "cut.warc.gz"
    write_warc(path, [(f"https://news.example/{i}", PAGE.format(title=f"S{i}")) for i in range(4)], extra_records=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 4])
    items = list(iter_items([path], Settings()))
    good = [i for i in items if isinstance(i, RawItem)]
    assert 1 <= len(good) < 4
    assert isinstance(items[-1], Failure) and items[-1].code == "SW106"


def test_not_a_warc(tmp_path):
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC file at all\n" * 5))
    [item] = list(iter_items([path], Settings()))
    assert isinstance(item, Failure) and item.code == "SW106"


def test_jsonl_streaming_skips_an_overlong_line_and_keeps_numbering(tmp_path):
    p = tmp_path / "feed.jsonl"
    short = json.dumps({"text": "Three were detained at the border crossing."})
    long = json.dumps({"text": "word " * 400})
    p.write_text("\r\n".join([short, long, "", short.replace("Three", "Four")]) + "\r\n")
    items = list(iter_items([p], Settings(max_bytes=500)))
    assert [type(i).__name__ for i in items] == ["RawItem", "Failure", "RawItem"]
    assert items[1].source.endswith("#2") and items[1].code == "SW105"
    assert items[2].source.endswith("#4")
    assert items[0].id == document_id(short.encode())  # the line without its "\r\n", as before streaming
    assert isinstance(load(items[2], 500), Loaded)


def test_progress_offsets_reach_the_input_size(tmp_path):
    (tmp_path / "a.txt").write_text("One article about a ceasefire.")
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps({"text": f"Line {i}."}) for i in range(5)))
    items = list(iter_items([tmp_path], Settings()))
    ends = [i.end for i in items]
    assert ends == sorted(ends) and len(set(ends)) == len(ends)
    assert ends[-1] == input_size([tmp_path])


def test_first_items_arrive_before_the_file_is_read(tmp_path):
    """Streaming, not slurping: the first document comes out after a few kilobytes of a large container."""
    from sourcewise.ingest.jsonl import split_jsonl
    from sourcewise.ingest.warc import split_warc

    feed = tmp_path / "big.jsonl"
    feed.write_text("\n".join(json.dumps({"text": f"Report number {i} about the shelling."}) for i in range(20000)))
    warc = tmp_path / "big.warc.gz"
    write_warc(warc, [(f"https://news.example/{i}", PAGE.format(title=f"S{i}")) for i in range(300)])
    for split, path in ((split_jsonl, feed), (split_warc, warc)):
        with path.open("rb") as fh:
            first = next(split(fh, str(path), 10_000))
            assert isinstance(first, RawItem)
            assert fh.tell() < 200_000 < path.stat().st_size
