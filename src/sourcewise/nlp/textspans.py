"""Character-range helpers the framing components share: quotations, lines, lookups.

Framing signals depend on *who* speaks: words inside quotation marks are the
quoted speaker's, not the writer's. ``quoted_ranges`` finds them once per
document so that every component can ask "is this offset inside a quote?"
cheaply (bisect over sorted ranges).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from sourcewise.nlp.doctext import text_of

# A quotation never runs across a blank line (an unclosed mark would otherwise swallow the rest).
_DOUBLE = re.compile(r"“[^”\n]*(?:\n(?!\s*\n)[^”\n]*)*”|\"[^\"\n]*(?:\n(?!\s*\n)[^\"\n]*)*\"|«[^»\n]*»")


class Ranges:
    """Sorted, non-overlapping character ranges with an O(log n) membership test."""

    __slots__ = ("_ends", "_starts", "items")

    def __init__(self, items: list[tuple[int, int]]) -> None:
        self.items = sorted(items)
        self._starts = [s for s, _ in self.items]
        self._ends = [e for _, e in self.items]

    def containing(self, pos: int) -> tuple[int, int] | None:
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and pos < self._ends[k]:
            return self.items[k]
        return None

    def __contains__(self, pos: int) -> bool:
        return self.containing(pos) is not None


def quoted_ranges(text: str) -> Ranges:
    """Spans of text between double quotation marks (marks included)."""
    return Ranges([(m.start(), m.end()) for m in _DOUBLE.finditer(text)])


def doc_quotes(doc: Doc) -> Ranges:
    """``quoted_ranges`` of a Doc, found once and shared by the components that ask."""
    cached = doc.user_data.get("sw_quotes")
    if not isinstance(cached, Ranges):
        cached = doc.user_data["sw_quotes"] = quoted_ranges(text_of(doc))
    return cached


def doc_segments(doc: Doc) -> Segments:
    """``Segments`` of a Doc, found once and shared by the components that ask."""
    cached = doc.user_data.get("sw_segments")
    if not isinstance(cached, Segments):
        cached = doc.user_data["sw_segments"] = Segments(text_of(doc))
    return cached


_BREAK = re.compile(r"\n\s*\n|[\u2028\u2029]|\n(?=[ \t]*[^a-z\s])")


class Segments:
    """Stretches of text between line breaks that end a sentence whatever the parser thinks.

    Titles, datelines, captions and list items carry no final full stop, and the
    parser then joins them to the next paragraph. A blank line always separates,
    a single line break too unless the next line goes on in lower case (hard-wrapped text).
    """

    __slots__ = ("_breaks",)

    def __init__(self, text: str) -> None:
        self._breaks = [m.start() for m in _BREAK.finditer(text)]

    def of(self, pos: int) -> int:
        return bisect_right(self._breaks, pos)

    def same(self, a: int, b: int) -> bool:
        return self.of(a) == self.of(b)


def strip_span(text: str, start: int, end: int, chars: str = " \t\n,;:.") -> tuple[int, int]:
    """Narrow a span so that it neither starts nor ends with whitespace or the given punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
