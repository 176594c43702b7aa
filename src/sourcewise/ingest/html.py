"""HTML pages: article text and metadata through trafilatura.

The report's offsets refer to the extracted text, which is what ``document.text``
holds; the raw page is kept as evidence by the ledger.
"""

from __future__ import annotations

from functools import lru_cache

from sourcewise.errors import EmptyInput, MalformedInput
from sourcewise.ingest.base import Loaded, document_id
from sourcewise.ingest.decode import decode_text
from sourcewise.ingest.metadata import clean_str, normalise_published
from sourcewise.records import Document

# Deeply nested or enormous trees make lxml and trafilatura crawl; beyond this
# many elements the page is not an article anyway.
MAX_TREE_SIZE = 200_000


@lru_cache(maxsize=1)
def _config():  # -> configparser.ConfigParser
    """trafilatura settings: bounded tree size, no timeouts that use signals (workers are threads too)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def load_html(raw: bytes, source: str, max_bytes: int, url: str | None = None) -> Loaded:
    import trafilatura

    markup = decode_text(raw, max_bytes)
    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            config=_config(),
        )
    except (ValueError, RecursionError) as exc:  # lxml refuses some broken pages
        raise MalformedInput(f"HTML could not be parsed: {exc}") from None
    if result is None:
        raise EmptyInput("no article text found in the HTML page")
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (meta.get("text") or "").replace("\r\n", "\n")
    if not text.strip():
        raise EmptyInput("no article text found in the HTML page")
    doc = Document(
        id=document_id(raw),
        source=source,
        text=text,
        url=clean_str(meta.get("url")) or url,
        title=clean_str(meta.get("title")),
        publisher=clean_str(meta.get("sitename")) or clean_str(meta.get("hostname")),
        byline=clean_str(meta.get("author")),
        published=normalise_published(meta.get("date")),
    )
    return Loaded(doc, raw)
