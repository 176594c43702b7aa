"""WARC files (e.g. Common Crawl News): each HTML response record is a document.

The record's payload is the raw evidence (its hash is the document id); its
target URI is the source locator and the URL, and the WARC date stands in for a
publication date when the page itself gives none.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from sourcewise.errors import MalformedInput, SourcewiseError
from sourcewise.ingest.base import Failure, Loaded
from sourcewise.ingest.metadata import normalise_published
from sourcewise.records import Document


def iter_warc(raw: bytes, source: str, max_bytes: int) -> Iterator[Loaded | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(raw)), start=1):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            loc = f"{source}#{n}"
            payload = record.content_stream().read()
            try:
                yield _load(payload, loc, uri, record.rec_headers.get_header("WARC-Date"), max_bytes)
            except SourcewiseError as exc:
                yield Failure(loc, exc)
    except ArchiveLoadFailed as exc:
        yield Failure(source, MalformedInput(f"not a readable WARC file: {exc}"))


def _load(payload: bytes, loc: str, uri: str | None, warc_date: str | None, max_bytes: int) -> Loaded:
    from sourcewise.ingest.html import load_html

    page = load_html(payload, loc, max_bytes, url=uri)
    d = page.document
    doc = Document(
        id=d.id,
        source=loc,
        text=d.text,
        url=d.url or uri,
        title=d.title,
        publisher=d.publisher,
        byline=d.byline,
        published=d.published or normalise_published(warc_date),
    )
    return Loaded(doc, payload)
