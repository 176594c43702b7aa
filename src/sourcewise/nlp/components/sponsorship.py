"""sw_sponsorship: the document's own disclosure of who funded it.

"The article was published with the support of ..." tells a reader whose money
stands behind the text; it is what the source says about itself (the outlet
registry says what others say about it, and the two are never merged). The
patterns in ``lexicons/sponsorship.json`` require a self-reference, so a news
story that merely reports that someone funded something is not a disclosure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise.nlp import lexicons
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.textspans import doc_quotes, strip_span
from sourcewise.records import Span

_REPORTED = re.compile(r"\b(said|says|say|told|tells|according to|reported|claimed|alleged)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Pattern:
    name: str
    whole_sentence: bool
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    data = lexicons.load("sponsorship.json")
    self_ref = rf"(?:(?:this|the present|our) (?:{data['self_nouns']})|the (?:{data['own_nouns']}))"
    return tuple(
        _Pattern(
            p["name"],
            p["span"] == "sentence",
            re.compile(p["pattern"].replace("{self}", self_ref), re.IGNORECASE | re.MULTILINE),
        )
        for p in data["patterns"]
    )


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The parser's sentence around a match, clipped to the match's line (colophons are one line each)."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # pragma: no cover - expand always finds tokens inside the text
        return line_start, line_end
    s_start = span[0].sent.start_char
    s_end = span[-1].sent.end_char
    return max(s_start, line_start), min(s_end, line_end)


def find_disclosure(doc: Doc) -> Span | None:
    """The first funding or sponsorship disclosure in the text, or None."""
    text = text_of(doc)
    found: list[tuple[int, int]] = []
    for pattern in _patterns():
        for m in pattern.regex.finditer(text):
            if not m.group(0).strip():
                continue
            start, end = _sentence_bounds(doc, m.start(), m.end())
            if _REPORTED.search(text, start, end):
                continue
            if m.start() in doc_quotes(doc):
                continue
            if not pattern.whole_sentence:
                start, end = m.start(), m.end()
            found.append(strip_span(text, start, end, " \t\n"))
            break
    if not found:
        return None
    start, end = min(found)
    return Span(start, end, text[start:end])


@Language.component("sw_sponsorship")
def sw_sponsorship(doc: Doc) -> Doc:
    doc._.sw_sponsorship = find_disclosure(doc)
    return doc
