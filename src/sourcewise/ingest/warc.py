"""WARC files (e.g. Common Crawl News): each HTML response record is a document.

The record's payload is the raw evidence (its hash is the document id); its
target URI is the source locator and the URL, and the WARC date stands in for a
publication date when the page itself gives none.

A WARC of Common Crawl News is about a gigabyte compressed: records are read
one at a time from the open file (warcio decompresses as it goes), and only
their headers are looked at here. Extracting the article from the HTML is
``load_warc_record``'s job, done where the analysis runs.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from sourcewise.errors import MalformedInput, TooLarge
from sourcewise.ingest.base import Failure, Loaded, document_id
from sourcewise.ingest.items import RawItem
from sourcewise.ingest.metadata import normalise_published
from sourcewise.records import Document


def split_warc(stream: BinaryIO, source: str, max_bytes: int, base: int = 0) -> Iterator[RawItem | Failure]:
    """The HTML responses of a WARC stream as items, ``source#N`` being the N-th record (1-based)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for n, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            loc = f"{source}#{n}"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Failure(
                    loc, TooLarge(f"record payload is over the limit of {max_bytes:,} bytes (see --max-bytes)")
                )
                continue
            if getattr(record.raw_stream, "limit", 0):  # warcio hands out a cut-short record without a word
                yield Failure(loc, MalformedInput("WARC record is cut short: the file is truncated"))
                continue
            yield RawItem(
                "warc",
                loc,
                payload,
                document_id(payload),
                url=record.rec_headers.get_header("WARC-Target-URI"),
                date=record.rec_headers.get_header("WARC-Date"),
                end=base + stream.tell(),
            )
    except ArchiveLoadFailed as exc:
        where = source if n == 0 else f"{source} after record {n}"
        yield Failure(where, MalformedInput(f"not a readable WARC file: {exc}"))
    except (EOFError, zlib.error) as exc:  # a download cut short: keep what was read
        yield Failure(f"{source} after record {n}", MalformedInput(f"WARC file is truncated or corrupt: {exc}"))


def load_warc_record(payload: bytes, loc: str, uri: str | None, warc_date: str | None, max_bytes: int) -> Loaded:
    from sourcewise.ingest.html import load_html

    page = load_html(payload, loc, max_bytes, url=uri)
    d = page.document
    doc = Document(
        id=document_id(payload),
        source=loc,
        text=d.text,
        url=d.url or uri,
        title=d.title,
        publisher=d.publisher,
        byline=d.byline,
        published=d.published or normalise_published(warc_date),
    )
    return Loaded(doc, payload)
