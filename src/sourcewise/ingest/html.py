"""HTML pages: article text and metadata through trafilatura.

The report's offsets refer to the extracted text, which is what ``document.text``
holds; the raw page is kept as evidence by the ledger.
"""

from __future__ import annotations

import contextlib
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
    meta = {} if result is None else result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (meta.get("text") or "").replace("\r\n", "\n")
    if not text.strip():
        raise _no_text(markup)
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


def _no_text(markup: str) -> EmptyInput | MalformedInput:
    """Why a page gave no text: none there, or elements nested deeper than libxml2 reads (256 levels).

    Past that depth the parser drops what is inside, so the text of such a page is out of reach rather
    than absent; saying so tells the user the page, not the article, is the problem. Checked only here,
    once extraction has failed, so ordinary pages are not parsed twice.
    """
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser()
    with contextlib.suppress(ValueError, lxml.etree.ParserError):
        lxml.html.document_fromstring(markup, parser=parser)
    if any("Excessive depth" in e.message for e in parser.error_log):
        return MalformedInput("HTML elements are nested more than 255 deep: the page's text cannot be read")
    return EmptyInput("no article text found in the HTML page")
