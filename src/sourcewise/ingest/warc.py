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
from sourcewise.ingest.metadata import clean_str, normalise_published
from sourcewise.records import Document

#: Longest header line (WARC or HTTP) read; real ones are a few hundred bytes. Without a bound, a line
#: that never ends (in a few megabytes of gzip) would be read into memory whole.
MAX_LINE = 1 << 20
#: Decompressed bytes allowed per compressed byte read (beyond the first ``BOMB_FLOOR``): web pages
#: compress 3 to 15 times; a decompression bomb, a thousand times.
MAX_RATIO = 100
BOMB_FLOOR = 64 << 20


class _Bomb(Exception):
    """A WARC whose decompressed size or header lines are out of all proportion: reading stops."""


def _guarded_iterator(stream: BinaryIO):  # -> warcio ArchiveIterator
    """warcio's iterator over a reader that bounds header lines and the decompression ratio."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import DecompressingBufferedReader

    class Guarded(DecompressingBufferedReader):
        def readline(self, length: int | None = None) -> bytes:
            cap = MAX_LINE if not length or length > MAX_LINE else length
            line: bytes = super().readline(cap)
            if cap == MAX_LINE and len(line) >= MAX_LINE and not line.endswith(b"\n"):
                raise _Bomb(f"a header line longer than {MAX_LINE:,} bytes")
            return line

        def _process_read(self, data: bytes) -> None:
            super()._process_read(data)
            if self.decompressor is not None and self.num_read > BOMB_FLOOR:
                packed = self.stream.tell()
                if self.num_read > MAX_RATIO * packed:
                    raise _Bomb(
                        f"{packed:,} compressed bytes decompress to over {self.num_read:,}: a decompression bomb"
                    )

    iterator = ArchiveIterator(stream)
    iterator.reader = Guarded(iterator.fh, block_size=iterator.reader.block_size)
    return iterator


def split_warc(stream: BinaryIO, source: str, max_bytes: int, base: int = 0) -> Iterator[RawItem | Failure]:
    """The HTML responses of a WARC stream as items, ``source#N`` being the N-th record (1-based).

    A decompression bomb or a header line without end stops the file with a coded failure (SW106)
    after a bounded amount of work and memory; the records read before it are kept.
    """
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for n, record in enumerate(_guarded_iterator(stream), start=1):
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
    except _Bomb as exc:
        where = source if n == 0 else f"{source} after record {n}"
        yield Failure(where, MalformedInput(f"WARC file refused: {exc}"))


def load_warc_record(payload: bytes, loc: str, uri: str | None, warc_date: str | None, max_bytes: int) -> Loaded:
    from sourcewise.ingest.html import load_html

    page = load_html(payload, loc, max_bytes, url=uri)
    d = page.document
    doc = Document(
        id=document_id(payload),
        source=loc,
        text=d.text,
        url=d.url or clean_str(uri),
        title=d.title,
        publisher=d.publisher,
        byline=d.byline,
        published=d.published or normalise_published(warc_date),
    )
    return Loaded(doc, payload)
