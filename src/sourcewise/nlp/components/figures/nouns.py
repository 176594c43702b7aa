"""Which noun a quantity counts: "613 *people*", "150 *of them*", "45 Kosovo *Albanians*"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import (
    CONTAINER_NOUNS,
    MORE_WORDS,
    PARTITIVE_PRONOUNS,
    SKIP_BEFORE_NOUN,
    harm_noun,
    harm_participles,
    modifier_subgroup,
    people_entry,
)
from .state import Cand

NOUN_PHRASE_STARTS = frozenset({"a", "an", "the", "this", "that", "each", "every", "per"})


def find_noun(doc: Doc, c: Cand) -> None:
    """The noun the quantity counts, skipping adjectives and compounds ("45 Kosovo Albanians")."""
    m = c.m
    sent_end = doc[m.last].sent.end
    i = m.last + 1
    if i < sent_end and doc[i].lower_ == "of":
        c.partitive = "noun"
        j = i + 1
        while j < sent_end and doc[j].pos_ in ("DET", "ADJ", "PRON") and doc[j].lower_ not in PARTITIVE_PRONOUNS:
            j += 1
        if j < sent_end and doc[j].lower_ in PARTITIVE_PRONOUNS:
            c.partitive = "pronoun"
            c.subgroup = partitive_subgroup(doc, j + 1, sent_end)
            c.person = True
            return
        if m.qualifier == "vague":
            c.partitive = None  # "dozens of people" counts people, it is not part of a group
        else:
            harmed = harmed_group(doc, i + 1, min(j + 1, sent_end))
            if harmed is not None:
                # "four of the dead were children", "two of the injured": a part of the harmed, by category
                c.noun, c.person, c.harm = harmed, True, harmed
                c.category = harm_participles()[harmed.lower_]
                c.subgroup = partitive_subgroup(doc, harmed.i + 1, sent_end)
                return
        i = j
    for k in range(i, min(i + 6, sent_end)):
        t = doc[k]
        if t.pos_ in ("NOUN", "PROPN") or people_entry(t) is not None:
            if t.dep_ in ("compound", "amod") and t.head.i > t.i and t.head.i < sent_end and t.head.i - k <= 3:
                continue  # "KLA insurgents", "health workers", "elderly persons": the head noun counts
            if t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "") and people_entry(t) is None:
                return  # "100 Kalashnikovs", "3 Hellfire": a name, not people
            t = contained_harm_noun(doc, t, sent_end) or t
            c.noun = t
            entry = people_entry(t)
            is_harm_noun = harm_noun(t)
            if entry is not None:
                c.person = True
                c.subgroup = c.subgroup or entry or modifier_subgroup(t)
                if c.subgroup and c.partitive is None and mixed_group(t, c.subgroup):
                    c.subgroup = None  # "300 women, children and old people": a mixed group has no subgroup
            elif is_harm_noun:
                c.person = True
            if c.partitive == "noun" and is_harm_noun and c.category is None:
                c.category = None  # decided with the predicate (find_category)
            return
        if t.lower_ in NOUN_PHRASE_STARTS:
            return  # "18 a day earlier": a determiner opens another noun phrase
        if t.lower_ in (",", ";"):
            return  # "injured about 60, police said": the clause ends, the noun after it is someone else
        if t.pos_ in SKIP_BEFORE_NOUN or t.lower_ in MORE_WORDS or t.dep_ in ("amod", "compound", "nummod"):
            if t.lower_ in harm_participles() and t.dep_ != "amod" and t.head.i < t.i:
                return  # "327 wounded": the participle is the predicate, no noun
            continue
        return


def contained_harm_noun(doc: Doc, t: Token, sent_end: int) -> Token | None:
    """ "13 sets of remains", "9 bags of human remains": the count is of the harmed noun the container holds."""
    if t.lemma_.lower() not in CONTAINER_NOUNS or t.i + 1 >= sent_end or doc[t.i + 1].lower_ != "of":
        return None
    for k in range(t.i + 2, min(t.i + 5, sent_end)):
        x = doc[k]
        if harm_noun(x) is not None:
            return x
        if x.pos_ not in ("ADJ", "DET") and x.dep_ not in ("amod", "compound"):
            return None
    return None


def mixed_group(noun: Token, subgroup: str) -> bool:
    """Is the counted noun one of several people nouns sharing the count ("140 pupils and teachers",
    "35 men and boys"), one of another subgroup? Nouns with a count or determiner of their own ("and four
    women", "a girl and", "his wife and") are people of their own."""
    for x in noun.conjuncts:
        if any(ch.dep_ in ("nummod", "det", "poss") or ch.like_num for ch in x.children):
            continue
        entry = people_entry(x)
        if entry is not None and (entry or modifier_subgroup(x)) != subgroup:
            return True
    return False


def harmed_group(doc: Doc, start: int, end: int) -> Token | None:
    """ "the dead", "the wounded", "the missing" right after "N of": the harmed as a group."""
    for k in range(start + 1, end):
        if doc[k - 1].lower_ == "the" and doc[k].lower_ in harm_participles():
            return doc[k]
    return None


def partitive_subgroup(doc: Doc, i: int, sent_end: int) -> str | None:
    """ "76 of them were children", "3 of them women": the subgroup named after the pronoun."""
    for k in range(i, min(i + 4, sent_end)):
        t = doc[k]
        entry = people_entry(t)
        if entry is not None:
            return entry or modifier_subgroup(t)
        if t.dep_ in ("compound", "amod") and t.head.i > t.i:
            continue  # "were police officers", "were elderly men"
        if t.lower_ not in ("were", "was", "are", "is", "being", "all", "mostly", "mainly"):
            return None
    return None
