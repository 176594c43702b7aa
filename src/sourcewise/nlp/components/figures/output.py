"""Candidates to report spans: which are kept, their quotes, their vague minimums."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcewise import conventions
from sourcewise.nlp.types import FigureSpan

from .lexicon import PARTITIVE_PRONOUNS
from .state import Cand


def finalise(doc: Doc, cands: list[Cand], convention: str) -> list[FigureSpan]:
    keep: list[int] = []
    for i, c in enumerate(cands):
        if c.category is None or c.mixed:
            continue
        if c.noun is not None and not c.person:
            continue
        if c.m.qualifier == "vague" and not c.person and not said_of_people(c):
            continue
        keep.append(i)
    index = {id(cands[old]): new for new, old in enumerate(keep)}
    out: list[FigureSpan] = []
    for i in keep:
        c = cands[i]
        low = c.m.low
        if c.m.qualifier == "vague":
            low = conventions.minimum(convention, c.m.vague_word or "")
            if low is None:
                continue
        start, end = c.quote or quote(doc, c)
        out.append(
            FigureSpan(
                start=start,
                end=end,
                category=c.category or "",
                value=c.m.value,
                low=low,
                high=c.m.high,
                qualifier=c.m.qualifier,
                subgroup=c.subgroup or None,
                unit="families" if c.subgroup == "families" else "people",
                part_of=index.get(id(c.parent)) if c.parent is not None else None,
                number=c.m,
                noun=c.noun.i if c.noun is not None else None,
                harm=c.harm.i if c.harm is not None else None,
            )
        )
    return out


def said_of_people(c: Cand) -> bool:
    """ "dozens injured", "hundreds were killed": a vague word with no noun is a count of people when
    a harm verb or participle applies to it directly (a toll noun alone is not enough)."""
    return c.noun is None and c.harm is not None and c.harm.pos_ in ("VERB", "ADJ") and c.partitive is None


def quote(doc: Doc, c: Cand) -> tuple[int, int]:
    """The number with its noun and harm word when they sit close together in one sentence."""
    start, end = c.m.start, c.m.end
    sent = doc[c.m.first].sent
    for t in (c.noun, c.harm):
        if t is None or not (sent.start <= t.i < sent.end):
            continue
        if abs(t.i - c.m.first) > 12:
            continue
        start, end = min(start, t.idx), max(end, t.idx + len(t.text))
    if c.partitive:
        last = c.m.last
        for k in range(c.m.last + 1, min(c.m.last + 4, sent.end)):
            if doc[k].lower_ in PARTITIVE_PRONOUNS or doc[k].pos_ in ("NOUN", "PROPN"):
                last = k
                break
        end = max(end, doc[last].idx + len(doc[last].text))
    return start, end
