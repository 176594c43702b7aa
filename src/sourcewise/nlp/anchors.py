"""Tying character spans to the parse: which date or place belongs to which word.

Components keep their results as character spans; to decide that "yesterday"
dates the arrest and not the confirmation ("Today ... confirmed a leader was
arrested ... Sunday"), we compare distances in the dependency tree of the
sentence. Shared by the acts and events components.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc, Span, Token


class CharSpan(Protocol):
    start: int
    end: int


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters ``start:end`` (expanded to whole tokens)."""
    return doc.char_span(start, end, alignment_mode="expand")


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = token_span(doc, start, end)
    if span is None or len(span) == 0:
        return None
    return span.root


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence (a large number across sentences)."""
    if a.sent.start != b.sent.start:
        return 10_000
    path_a = {a.i: 0}
    k, t = 0, a
    while t.head.i != t.i:
        k += 1
        t = t.head
        path_a[t.i] = k
    k, t = 0, b
    while True:
        if t.i in path_a:
            return k + path_a[t.i]
        if t.head.i == t.i:
            return 10_000
        k += 1
        t = t.head


def in_sentence(items: Sequence[CharSpan], sent: Span) -> list[int]:
    """Indices of the items whose span starts inside the sentence."""
    lo, hi = sent.start_char, sent.end_char
    return [i for i, it in enumerate(items) if lo <= it.start < hi]


_ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd"}


def nearest(doc: Doc, anchor: Token, items: Sequence[CharSpan], candidates: list[int]) -> int | None:
    """The candidate item closest to ``anchor`` in the parse.

    Ties go to a span that modifies rather than fills a verb ("on 26 March" over the
    object of "declare 31 March as ..."), then to a stated date over a relative one,
    then to the closer in the text.
    """
    best: tuple[int, bool, bool, int, int] | None = None
    for i in candidates:
        root = span_root(doc, items[i].start, items[i].end)
        if root is None:
            continue
        relative = bool(getattr(items[i], "relative", False))
        key = (tree_distance(anchor, root), root.dep_ in _ARGUMENT_DEPS, relative, abs(root.i - anchor.i), i)
        if best is None or key < best:
            best = key
    return best[4] if best is not None else None
