"""sw_figures: which stated quantities count people harmed, in which category.

For each quantity from ``sw_numbers`` the component finds the counted noun
("613 *people*", "150 *of them*"), the harm word that applies to it (a passive
or intransitive verb whose subject it is, a transitive verb whose object it is,
a participle beside it, a toll it is the value of) and the subgroup the noun
names. Figures then inherit what the sentence shares between them: the
category and the whole of an "including" list, the parent of "N of them", the
elided noun and qualifier of "at least 71 ... and 36 ...".

Everything is decided from the dependency parse, a few local word patterns and
the lexicons in ``lexicons/harm.json`` and ``lexicons/people.json``; nothing here
knows about any particular conflict, party or article.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.types import NumberMention

from .category import find_category, is_age
from .implied import implied_candidates
from .infobox import infobox_candidates
from .links import (
    link_among,
    link_backrefs,
    link_continuation,
    link_coordination,
    link_frames,
    link_including,
    link_partitives,
    link_relatives,
    link_rest,
    link_topic,
)
from .nouns import find_noun
from .output import finalise
from .state import Cand


@Language.component("sw_figures")
def sw_figures(doc: Doc) -> Doc:
    settings = doc._.sw_settings
    convention = settings.convention if settings is not None else "default"
    cands = infobox_candidates(doc)
    taken = {c.m.start for c in cands}
    cands = [c for c in cands if c.category]  # table rows that name no harm only hold their value
    for m in get_list(doc, "sw_numbers"):
        if m.start in taken or any(c.m.start <= m.start < c.m.end for c in cands if c.infobox):
            continue
        c = candidate(doc, m)
        if c is not None:
            cands.append(c)
    cands.sort(key=lambda c: c.m.start)
    link_among(doc, cands)
    link_frames(doc, cands)
    link_including(doc, cands)
    link_partitives(doc, cands)
    link_relatives(doc, cands)
    link_coordination(doc, cands)
    link_topic(doc, cands)
    link_continuation(doc, cands)
    link_backrefs(doc, cands)
    link_rest(doc, cands)
    cands += implied_candidates(doc, cands)
    cands.sort(key=lambda c: c.m.start)
    doc._.sw_figures = finalise(doc, cands, convention)
    return doc


# -- one quantity


# "Table 3", "Figure 2", "Chapter 4": a number that names a part of the document
NUMBERED_PARTS = frozenset({"table", "figure", "chart", "graph", "annex", "chapter", "section", "part", "map"})


def candidate(doc: Doc, m: NumberMention) -> Cand | None:
    if m.first > 0 and doc[m.first - 1].lower_ in NUMBERED_PARTS and doc[m.first - 1].is_title:
        return None
    c = Cand(m)
    find_noun(doc, c)
    if c.noun is not None and not c.person:
        return c  # "100 various facilities", "35 countries": not people
    if is_age(doc, c):
        return None  # "children under 14", "aged 18 to 50": who the people are, not how many
    find_category(doc, c)
    if c.category == "displaced" and c.subgroup == "combatants":
        c.category, c.harm = None, None  # troops crossing, leaving or evacuated move; they are not displaced
    return c
