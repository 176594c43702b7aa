"""Find gazetteer names in a tokenised text: the longest capitalised run that is a known name.

Shared by the pre-NER ruler (which decides which names to tag) and the places
component (which resolves names inside NER entities). Matching is a dictionary
walk over token n-grams, not a PhraseMatcher: with 500,000 names a matcher
would take many seconds and hundreds of megabytes to build in every process,
while the sorted-key gazetteer answers "is this a name / a name's prefix?" in
microseconds with nothing to build.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sourcewise.geo import Gazetteer, fold
from sourcewise.nlp.doctext import text_of

#: Lower-case words that may sit inside a place name ("Sar-e Pul", "Deir ez-Zor", "Nahr-e Saraj", "Pachir wa Agam").
CONNECTORS = frozenset(
    {
        "e",
        "i",
        "ye",
        "y",
        "al",
        "el",
        "ez",
        "as",
        "ad",
        "ar",
        "an",
        "at",
        "az",
        "wa",
        "de",
        "del",
        "la",
        "le",
        "di",
        "da",
        "do",
        "du",
        "of",
        "-",
        "'",
        "’",
    }
)

#: Words after a name that say what kind of place it is.
ADMIN_WORDS = frozenset(
    {"province", "region", "oblast", "governorate", "state", "department", "prefecture", "krai", "county", "rayon"}
)
DISTRICT_WORDS = frozenset({"district", "districts", "municipality", "raion", "cercle", "commune", "lga"})
SETTLEMENT_WORDS = frozenset(
    {"city", "town", "village", "villages", "settlement", "neighbourhood", "neighborhood", "camp", "refugee"}
)
TYPE_WORDS = ADMIN_WORDS | DISTRICT_WORDS | SETTLEMENT_WORDS | {"area", "valley", "provinces", "regions", "strip"}

_MAX_TOKENS = 8


@dataclass(slots=True)
class NameSpan:
    """Tokens ``start``..``end`` (exclusive) spell a gazetteer name with folded ``key``."""

    start: int
    end: int
    key: str

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def _starts_name(tok: Token) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _continues_name(tok: Token) -> bool:
    text = tok.text
    if text.lower() in CONNECTORS:
        return True
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def find_names(doc: Doc, gazetteer: Gazetteer, start: int = 0, end: int | None = None) -> list[NameSpan]:
    """Longest gazetteer names among tokens start..end, left to right, not overlapping."""
    end = len(doc) if end is None else end
    text = text_of(doc)
    out: list[NameSpan] = []
    i = start
    while i < end:
        tok = doc[i]
        if not _starts_name(tok):
            i += 1
            continue
        best: NameSpan | None = None
        j = i
        while j < min(end, i + _MAX_TOKENS):
            t = doc[j]
            if j > i and not _continues_name(t):
                break
            key = fold(text[tok.idx : t.idx + len(t.text)])
            if key and gazetteer.has(key) and t.text.lower() not in CONNECTORS:
                best = NameSpan(i, j + 1, key)
            if not key or not gazetteer.has_prefix(key):
                break
            j += 1
        if best is not None:
            out.append(best)
            i = best.end
        else:
            i += 1
    return out


def word_after(doc: Doc, end: int) -> str | None:
    """The lower-cased word right after token ``end - 1`` ("Ghazni *province*")."""
    return doc[end].text.lower() if end < len(doc) else None


def word_before(doc: Doc, start: int) -> str | None:
    """The lower-cased word right before token ``start`` ("the *village* of X" looks two back)."""
    return doc[start - 1].text.lower() if start > 0 else None
