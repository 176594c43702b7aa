"""The text of a Doc without rebuilding it: ``doc.text`` joins every token's text on each call.

Components read the text dozens of times per document (for every candidate
quote, every pattern); rebuilt each time, that cost more than the statistical
model on long articles. ``text_of`` returns the Document's own string when the
Doc was made from one (the Analyzer sets ``doc._.sw_document``), else the
rebuilt text, kept in the Doc's user data after the first call.
"""

from __future__ import annotations

from spacy.tokens import Doc

_CACHE_KEY = "sw_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, in constant time after the first call."""
    cached = doc.user_data.get(_CACHE_KEY)
    if isinstance(cached, str) and _fits(doc, cached):
        return cached
    document = doc._.sw_document if doc.has_extension("sw_document") else None
    text = getattr(document, "text", None)
    if not isinstance(text, str) or not _fits(doc, text):
        text = doc.text
    doc.user_data[_CACHE_KEY] = text
    return text


def _fits(doc: Doc, text: str) -> bool:
    """The string is this Doc's text: the last token ends where the string does."""
    if len(doc) == 0:
        return text == ""
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)
