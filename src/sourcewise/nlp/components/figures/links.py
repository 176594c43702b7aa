"""Links between figures of one passage: "including", "N of them", coordination, topic.

A figure with no harm word of its own takes the category (and sometimes the
noun and qualifier) of the figure it is tied to, and parts point at wholes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .category import anchor, toll_noun
from .lexicon import PARTITIVE_PRONOUNS, lex
from .state import Cand


def link_including(doc: Doc, cands: list[Cand]) -> None:
    """ "613 killed, including 106 women": the listed figures are part of the total, in its category.

    Works both ways round ("106 women, 63 children and 70 elderly, including 613 people killed"):
    the side whose sum fits inside the other's single figure is the part.
    """
    for p in doc:
        if p.lower_ not in ("including", "include", "includes", "included") or p.dep_ == "ROOT":
            continue
        objs = [ch for ch in p.children if ch.dep_ in ("pobj", "dobj")]
        if not objs:
            continue
        obj_side = cands_in(cands, {t.i for o in objs for t in [o, *o.conjuncts]})
        head = p.head
        head_tokens = {head.i, *(t.i for t in head.conjuncts)}
        head_side = [c for c in cands_in(cands, head_tokens) if c not in obj_side]
        if not head_side:
            head_side = [c for c in cands if c.harm is not None and c.harm.i == head.i and c not in obj_side]
        if not head_side or not obj_side:
            continue
        join(cands, head_side, obj_side)


def cands_in(cands: list[Cand], token_ids: set[int]) -> list[Cand]:
    out = []
    for c in cands:
        ids = {c.m.root, c.m.last}
        if c.noun is not None:
            ids.add(c.noun.i)
        if ids & token_ids:
            out.append(c)
    return out


def join(cands: list[Cand], a: list[Cand], b: list[Cand]) -> None:
    def size(c: Cand) -> int:
        return c.m.value if c.m.value is not None else (c.m.high or c.m.low or vague_floor(c))

    for whole, parts in ((a, b), (b, a)):
        if len(whole) != 1:
            continue
        w = whole[0]
        if sum(size(p) for p in parts) <= size(w) or w.m.qualifier == "vague":
            for p in parts:
                if p.category is None or p.category == w.category:
                    p.category = p.category or w.category
                    p.harm = p.harm or w.harm
                    p.parent = w
            if w.category is None:
                cats = {p.category for p in parts if p.category}
                if len(cats) == 1:
                    w.category = cats.pop()
            return
    # several totals: give each uncategorised part the category of the nearest whole
    for p in b:
        if p.category is None:
            for w in a:
                if w.category:
                    p.category = w.category


def vague_floor(c: Cand) -> int:
    return 10**9 if c.m.qualifier == "vague" else 0


def link_partitives(doc: Doc, cands: list[Cand]) -> None:
    """ "487 were injured, and 76 of them were children": the 76 is part of the 487, injured."""
    harm, _ = lex()
    for i, c in enumerate(cands):
        if c.partitive != "pronoun":
            continue
        pron = pronoun_after(doc, c)
        if pron is not None and pron.lower_ == "which":
            antecedent = relative_antecedent(pron)
            if antecedent is not None and antecedent.lemma_ in harm["harm_event_nouns"]:
                c.category = c.category or harm["harm_event_nouns"][antecedent.lemma_]
                c.harm = c.harm or antecedent
                continue
        parent = parent_before(doc, cands, i)
        if parent is None:
            continue
        if c.category is None:
            c.category, c.harm = parent.category, parent.harm
        if c.category == parent.category and fits(c, parent):
            c.parent = parent


def pronoun_after(doc: Doc, c: Cand) -> Token | None:
    for k in range(c.m.last + 1, min(c.m.last + 4, len(doc))):
        if doc[k].lower_ in PARTITIVE_PRONOUNS:
            return doc[k]
    return None


def relative_antecedent(pron: Token) -> Token | None:
    """ "these alleged killings, of which at least 71 ...": the noun "which" stands for."""
    t = pron
    for _ in range(5):
        if t.dep_ == "relcl":
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def parent_before(doc: Doc, cands: list[Cand], i: int) -> Cand | None:
    sent = doc[cands[i].m.first].sent
    prev_sent_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.m.first < prev_sent_start:
            break
        if p.category and p.partitive != "pronoun" and not p.mixed:
            return p
    return None


def fits(part: Cand, whole: Cand) -> bool:
    pv = part.m.value if part.m.value is not None else part.m.high
    wv = whole.m.value if whole.m.value is not None else (whole.m.low or whole.m.high)
    return pv is not None and wv is not None and pv <= wv


def link_coordination(doc: Doc, cands: list[Cand]) -> None:
    """Coordinated figures share what the sentence leaves unsaid.

    "more than 32 children and over 60 adults killed": the 32 were killed too.
    "at least 71 were linked to the army and 36 to armed groups": the 36 is at least 36.
    "killed at least 92 civilians and wounded over 400": the 400 are civilians.
    """
    for i, c in enumerate(cands):
        for j in range(i - 1, -1, -1):
            p = cands[j]
            if doc[p.m.first].sent.start != doc[c.m.first].sent.start:
                break
            if not p.category or not coordinated(doc, p, c):
                continue
            if c.category is None and not c.mixed:
                c.category, c.harm = p.category, p.harm
                if c.parent is None and p.parent is not None:
                    c.parent = p.parent
            if c.noun is None and c.partitive is None:
                c.subgroup = c.subgroup or p.subgroup
                if c.m.qualifier == "exact" and p.m.qualifier in ("at_least", "more_than", "about"):
                    c.m.qualifier = p.m.qualifier
            break


def coordinated(doc: Doc, a: Cand, b: Cand) -> bool:
    ta, tb = anchor(doc, a), anchor(doc, b)
    if tb in ta.conjuncts or (tb.dep_ == "conj" and tb.head.i == ta.i):
        return True
    if a.harm is not None and b.harm is not None and b.harm in a.harm.conjuncts:
        return True
    # "at least 71 were linked to X and 36 to Y": the parser hangs the 36 off the first clause
    between = doc[a.m.last + 1 : b.m.first]
    return (
        len(between) <= 8
        and any(t.lower_ == "and" for t in between)
        and not any(t.lower_ in (".", ";", "but", "while") for t in between)
        and b.noun is None
        and b.category is None
    )


def link_topic(doc: Doc, cands: list[Cand]) -> None:
    """Last resort for a bare range or count in a sentence about a toll:
    "The number of fatalities was never determined, but estimates range from 79 to 119"."""
    for c in cands:
        if c.category is not None or c.mixed or c.noun is not None or c.partitive is not None:
            continue
        if c.m.qualifier not in ("range", "about"):
            continue
        sent = doc[c.m.first].sent
        for t in sent:
            if t.i >= c.m.first:
                break
            cat = toll_noun(t)
            if (cat and t.lemma_ != "toll") or (cat and t.lemma_ == "toll"):
                c.category, c.harm = cat, t
                break
