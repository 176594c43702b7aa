"""Analysis on request: pasted text or an uploaded file becomes a report, stored only when asked.

The spaCy pipeline is loaded on the first analysis (pages of a ledger never
need it) and shared; one lock serialises analyses, since a Language is not
meant to be driven from several threads at once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sourcewise.errors import BinaryInput, EmptyInput, UnsupportedInput
from sourcewise.ingest.base import Loaded, document_id
from sourcewise.ingest.decode import check_size, decode_text, valid_unicode
from sourcewise.ingest.metadata import clean_str, normalise_published, title_from_text
from sourcewise.records import Document, Report
from sourcewise.settings import Settings

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text", ".md", "")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the user says about a pasted text; never fetched, never trusted, only stored."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None

    @classmethod
    def clean(
        cls, title: object = None, publisher: object = None, published: object = None, url: object = None
    ) -> Metadata:
        return cls(
            title=clean_str(_no_nul(title), 300),
            publisher=clean_str(_no_nul(publisher), 200),
            published=normalise_published(_no_nul(published)),
            url=clean_str(_no_nul(url), 2000),
        )


def _no_nul(value: object) -> object:
    return value.replace("\x00", "") if isinstance(value, str) else value


def load_pasted(text: str, meta: Metadata, settings: Settings, source: str = "<pasted>") -> Loaded:
    """Pasted text as a document: line endings normalised (browsers send CRLF), the id hashes its UTF-8.

    It is text already, so none of a file's checks for binary formats apply (an article may well
    begin with "GIF8" or "BZh"); only NUL characters, emptiness and size are refused.
    """
    text = valid_unicode(text.replace("\r\n", "\n").replace("\r", "\n"))  # JSON may carry lone surrogates
    raw = text.encode("utf-8")
    check_size(len(raw), settings.max_bytes)
    if "\x00" in text:
        raise BinaryInput("the text contains NUL characters")
    if not text.strip():
        raise EmptyInput("the text is empty (nothing but whitespace)")
    doc = Document(id=document_id(raw), source=source, text=text, title=title_from_text(text))
    return _with_meta(Loaded(doc, raw), meta)


def load_upload(filename: str, raw: bytes, meta: Metadata, settings: Settings) -> Loaded:
    """An uploaded .txt or .html file, read by the same readers as ``sourcewise ingest``."""
    name = (filename or "upload.txt").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    lower = name.lower()
    source = f"<upload:{clean_str(name, 200) or 'file'}>"
    if lower.endswith(HTML_SUFFIXES):
        from sourcewise.ingest.html import load_html

        return _with_meta(load_html(raw, source, settings.max_bytes), meta)
    suffix = "." + lower.rsplit(".", 1)[-1] if "." in lower else ""
    if suffix not in TEXT_SUFFIXES:
        raise UnsupportedInput(f"unsupported file type {suffix!r}: upload a .txt or .html file")
    return _with_meta(_text_document(raw, source, settings), meta)


def _text_document(raw: bytes, source: str, settings: Settings) -> Loaded:
    text = decode_text(raw, settings.max_bytes)
    return Loaded(Document(id=document_id(raw), source=source, text=text, title=title_from_text(text)), raw)


def _with_meta(loaded: Loaded, meta: Metadata) -> Loaded:
    d = loaded.document
    doc = Document(
        id=d.id,
        source=d.source,
        text=d.text,
        url=meta.url or d.url,
        title=meta.title or d.title,
        publisher=meta.publisher or d.publisher,
        byline=d.byline,
        published=meta.published or d.published,
        language=d.language,
    )
    return Loaded(doc, loaded.raw)


class AnalysisService:
    """The one Analyzer of a server, loaded lazily (or handed in by a test that already has one)."""

    def __init__(self, settings: Settings, analyzer: object | None = None) -> None:
        self.settings = settings
        self._analyzer = analyzer
        self._lock = threading.Lock()

    def analyze(self, document: Document) -> Report:
        with self._lock:
            if self._analyzer is None:
                from sourcewise.analyze import Analyzer

                self._analyzer = Analyzer(self.settings)
            return self._analyzer.analyze(document)  # type: ignore[attr-defined]
