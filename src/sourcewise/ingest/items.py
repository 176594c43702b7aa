"""One document's bytes before decoding: what a batch engine hashes, skips, ships and loads.

Reading a container (a folder, a JSONL or WARC file) only splits it into
``RawItem``s, streaming, so a multi-gigabyte file is never held in memory.
Hashing the bytes is cheap, so a resumed ingest can skip documents already
stored without decoding or analysing them; ``load`` (decoding, HTML extraction
with trafilatura) is CPU work that a worker process does next to the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcewise.errors import SourcewiseError
from sourcewise.ingest.base import Failure, Loaded

#: How the bytes of an item become a Document.
KINDS = ("text", "html", "jsonl", "warc")


@dataclass(frozen=True, slots=True)
class RawItem:
    """The bytes of one document, where they came from, and how to load them.

    ``id`` is the document id the loaded Document will carry (the SHA-256 of
    ``raw``). ``end`` counts the input bytes read up to the end of this item
    over all the paths of a run, which is what a progress bar can measure.
    """

    kind: str
    source: str
    raw: bytes
    id: str
    url: str | None = None
    date: str | None = None
    end: int = 0


def load(item: RawItem, max_bytes: int) -> Loaded | Failure:
    """Decode and extract one item; a user's bad input becomes a Failure, never an exception."""
    try:
        if item.kind == "text":
            from sourcewise.ingest.text import load_text

            return load_text(item.raw, item.source, max_bytes)
        if item.kind == "html":
            from sourcewise.ingest.html import load_html

            return load_html(item.raw, item.source, max_bytes, url=item.url)
        if item.kind == "jsonl":
            from sourcewise.ingest.jsonl import load_jsonl_line

            return load_jsonl_line(item.raw, item.source, max_bytes)
        if item.kind == "warc":
            from sourcewise.ingest.warc import load_warc_record

            return load_warc_record(item.raw, item.source, item.url, item.date, max_bytes)
    except SourcewiseError as exc:
        return Failure(item.source, exc)
    raise ValueError(f"unknown item kind {item.kind!r}")
