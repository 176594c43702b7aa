"""Candidates to report spans: which are kept, their quotes, their vague minimums."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcewise import conventions
from sourcewise.nlp.types import FigureSpan

from .lexicon import PARTITIVE_PRONOUNS, people_entry
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


def borrowed_harm(doc: Doc, c: Cand) -> bool:
    """The harm word belongs to another count's clause (the whole's, or a phrase before a comma):
    quote "among them 2 women", not "killed 3 teachers, among them 2 women"."""
    h = c.harm
    if h is None:
        return False
    if c.borrowed or (c.parent is not None and c.parent.harm is h):
        return True
    return h.i < c.m.first and any(t.lower_ in (",", ";") for t in doc[h.i : c.m.first])


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
        if t is c.harm and t is not c.noun and borrowed_harm(doc, c):
            continue
        start, end = min(start, t.idx), max(end, t.idx + len(t.text))
    if c.noun is None and c.subgroup and not c.partitive:
        for k in range(c.m.last + 1, min(c.m.last + 4, sent.end)):  # "14 were children"
            if people_entry(doc[k]) is not None:
                end = max(end, doc[k].idx + len(doc[k].text))
                break
    if c.partitive:
        last = c.m.last
        for k in range(c.m.last + 1, min(c.m.last + 4, sent.end)):
            if doc[k].lower_ in PARTITIVE_PRONOUNS or doc[k].pos_ in ("NOUN", "PROPN"):
                last = k
                break
        if c.subgroup and doc[last].lower_ in PARTITIVE_PRONOUNS:
            for k in range(last + 1, min(last + 4, sent.end)):  # "76 of them were children"
                if people_entry(doc[k]) is not None:
                    last = k
                    break
        end = max(end, doc[last].idx + len(doc[last].text))
    return start, end
