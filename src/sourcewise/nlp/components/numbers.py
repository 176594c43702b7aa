"""sw_numbers: every stated quantity in the document, tied to its tokens.

Quantities that are clearly not counts of people (years, dates, durations,
distances, percentages, money) are dropped here, so later components never see
them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.numparse import find_quantities, measure_kind
from sourcewise.nlp.types import NumberMention


@Language.component("sw_numbers")
def sw_numbers(doc: Doc) -> Doc:
    mentions: list[NumberMention] = []
    text = text_of(doc)
    for q in find_quantities(text):
        if measure_kind(text, q):
            continue
        span = doc.char_span(q.numeric_start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = _quantity_root(span)
        mentions.append(
            NumberMention(
                start=q.start,
                end=q.end,
                first=span.start,
                last=span.end - 1,
                root=root,
                value=q.value,
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                vague_word=q.vague_word,
            )
        )
    doc._.sw_numbers = mentions
    return doc


def _quantity_root(span) -> int:
    """The token the rest of the sentence attaches the quantity to.

    The last number-like token whose head lies outside the span, else the
    span's syntactic root: in "500-1,000 may have died" the parser may hang
    either bound on the verb.
    """
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    numeric = [t for t in outside if t.like_num or t.pos_ == "NUM"]
    if numeric:
        return numeric[-1].i
    if outside:
        return outside[-1].i
    return span.root.i
