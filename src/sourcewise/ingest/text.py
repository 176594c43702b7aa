"""Plain-text articles: the file is the text (offsets hold against the file)."""

from __future__ import annotations

from sourcewise.ingest.base import Loaded, document_id
from sourcewise.ingest.decode import decode_text
from sourcewise.ingest.metadata import title_from_text
from sourcewise.records import Document


def load_text(raw: bytes, source: str, max_bytes: int) -> Loaded:
    text = decode_text(raw, max_bytes)
    doc = Document(id=document_id(raw), source=source, text=text, title=title_from_text(text))
    return Loaded(doc, raw)
