"""JSON Lines: one ``{"text", "url"?, "title"?, "publisher"?, "published"?}`` per line.

Each line is its own document: its id is the hash of the line's bytes and its
source is ``path#line`` (1-based), so a report always leads back to the line.
A line may instead carry ``html`` (a crawled page) in place of ``text``.
The file is read one line at a time: a feed of millions of lines is never
held in memory, and an overlong line is skipped without being held either.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from sourcewise.errors import EmptyInput, MalformedInput, SourcewiseError
from sourcewise.ingest.base import Failure, Loaded, document_id
from sourcewise.ingest.decode import check_size, too_large, valid_unicode
from sourcewise.ingest.items import RawItem
from sourcewise.ingest.metadata import clean_str, normalise_published
from sourcewise.records import Document

_SKIP_CHUNK = 1 << 20


def split_jsonl(stream: BinaryIO, source: str, max_bytes: int, base: int = 0) -> Iterator[RawItem | Failure]:
    """The lines of a JSONL stream as items, reading one line at a time (never more than ``max_bytes`` of one)."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 2)  # room for the line's own "\r\n"
        if not line:
            return
        lineno += 1
        loc = f"{source}#{lineno}"
        if not line.endswith(b"\n") and len(line) == max_bytes + 2:
            yield Failure(loc, _too_long(stream, len(line), max_bytes))
            continue
        line = line.removesuffix(b"\n").rstrip(b"\r")
        if not line.strip():
            continue
        yield RawItem("jsonl", loc, line, document_id(line), end=base + stream.tell())


def _too_long(stream: BinaryIO, n: int, max_bytes: int) -> SourcewiseError:
    """Skip the rest of an overlong line without holding it, and say how long it was."""
    while chunk := stream.readline(_SKIP_CHUNK):
        n += len(chunk)
        if chunk.endswith(b"\n"):
            n -= 1
            break
    return too_large(n, max_bytes)


def load_jsonl_line(line: bytes, source: str, max_bytes: int) -> Loaded:
    check_size(len(line), max_bytes)
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedInput(f"line is not valid JSON: {exc}") from None
    except RecursionError:  # "[[[[...": nesting deeper than the parser's stack
        raise MalformedInput("line is not valid JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise MalformedInput('line is not a JSON object with a "text" field')
    url = clean_str(obj.get("url"))
    if isinstance(obj.get("html"), str) and not isinstance(obj.get("text"), str):
        from sourcewise.ingest.html import load_html

        page = load_html(valid_unicode(obj["html"]).encode("utf-8"), source, max_bytes, url=url)
        doc = page.document
        doc = Document(
            id=document_id(line),
            source=source,
            text=doc.text,
            url=url or doc.url,
            title=clean_str(obj.get("title")) or doc.title,
            publisher=clean_str(obj.get("publisher")) or doc.publisher,
            byline=clean_str(obj.get("byline")) or doc.byline,
            published=normalise_published(obj.get("published")) or doc.published,
        )
        return Loaded(doc, line)
    text = obj.get("text")
    if not isinstance(text, str):
        raise MalformedInput('line has no "text" string')
    text = valid_unicode(text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\x00" in text:
        raise MalformedInput('"text" contains NUL characters')
    if not text.strip():
        raise EmptyInput('"text" is empty')
    doc = Document(
        id=document_id(line),
        source=source,
        text=text,
        url=url,
        title=clean_str(obj.get("title")),
        publisher=clean_str(obj.get("publisher")),
        byline=clean_str(obj.get("byline")),
        published=normalise_published(obj.get("published")),
    )
    return Loaded(doc, line)
