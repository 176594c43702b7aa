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

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from sourcewise import conventions
from sourcewise.nlp import lexicons
from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.numparse import find_quantities, measure_kind
from sourcewise.nlp.types import FigureSpan, NumberMention

_SKIP_BEFORE_NOUN = {"ADJ", "ADV", "PUNCT", "NUM", "DET", "PART"}
_MORE_WORDS = {"more", "other", "others", "further", "additional", "another"}
_PARTITIVE_PRONOUNS = {"them", "whom", "those", "these", "which"}
_COPULAS = {"be", "remain", "become", "stay"}
_PARENT_WORDS = {"parent", "parents", "mother", "father"}
_TOLL_VERBS = {
    "rise",
    "raise",
    "climb",
    "reach",
    "bring",
    "increase",
    "jump",
    "hit",
    "stand",
    "put",
    "mount",
    "grow",
    "surge",
    "soar",
    "top",
    "near",
    "exceed",
    "pass",
    "be",
    "update",
    "revise",
    "set",
}
_TOLL_FILLER = {
    "to",
    "at",
    "of",
    "was",
    "is",
    "has",
    "had",
    "have",
    "been",
    "rose",
    "risen",
    "climbed",
    "reached",
    "stood",
    "stands",
    "now",
    "the",
    "total",
    "a",
    "rises",
    "climbs",
    "reaches",
    "jumped",
    "increased",
    "hit",
    "hits",
    "nearing",
    "approached",
    "approaching",
    "surpassed",
    "passed",
    "exceeded",
    "stand",
    ",",
    "further",
    "up",
    "officially",
    "reportedly",
    "are",
}
_INFOBOX = re.compile(
    r"^[ \t\-•*]*(?P<label>Fatalities|Deaths|Dead|Killed|Casualties|Injured|Wounded|Injuries|Missing"
    r"|Displaced|Refugees|Captured|Detained|Arrested|Hostages)[ \t]*:?[ \t]*(?=\d)",
    re.MULTILINE,
)
_INFOBOX_CATEGORY = {
    "fatalities": "killed",
    "deaths": "killed",
    "dead": "killed",
    "killed": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "missing": "missing",
    "displaced": "displaced",
    "refugees": "displaced",
    "captured": "hostage",
    "hostages": "hostage",
    "detained": "detained",
    "arrested": "detained",
}


@dataclass(slots=True)
class _Cand:
    m: NumberMention
    noun: Token | None = None  # the counted noun
    partitive: str | None = None  # "pronoun" | "noun" when "N of them" / "N of the X"
    category: str | None = None
    harm: Token | None = None
    subgroup: str | None = None
    person: bool = False  # the noun is a person noun (or a harm noun such as "bodies")
    parent: _Cand | None = None  # the figure this one is a part of
    mixed: bool = False  # "killed or injured": a count of casualties, not of one category
    infobox: bool = False
    quote: tuple[int, int] | None = None


@lru_cache(maxsize=1)
def _lex() -> tuple[dict, dict]:
    return lexicons.load("harm.json"), lexicons.load("people.json")


@Language.component("sw_figures")
def sw_figures(doc: Doc) -> Doc:
    settings = doc._.sw_settings
    convention = settings.convention if settings is not None else "default"
    cands = _infobox_candidates(doc)
    taken = {c.m.start for c in cands}
    for m in get_list(doc, "sw_numbers"):
        if m.start in taken or any(c.m.start <= m.start < c.m.end for c in cands if c.infobox):
            continue
        cands.append(_candidate(doc, m))
    cands.sort(key=lambda c: c.m.start)
    _link_including(doc, cands)
    _link_partitives(doc, cands)
    _link_coordination(doc, cands)
    _link_topic(doc, cands)
    doc._.sw_figures = _finalise(doc, cands, convention)
    return doc


# -- one quantity ---------------------------------------------------------------------------------


def _candidate(doc: Doc, m: NumberMention) -> _Cand:
    c = _Cand(m)
    _find_noun(doc, c)
    if c.noun is not None and not c.person:
        return c  # "100 various facilities", "35 countries": not people
    _find_category(doc, c)
    return c


def _find_noun(doc: Doc, c: _Cand) -> None:
    """The noun the quantity counts, skipping adjectives and compounds ("45 Kosovo Albanians")."""
    m = c.m
    sent_end = doc[m.last].sent.end
    i = m.last + 1
    if i < sent_end and doc[i].lower_ == "of":
        c.partitive = "noun"
        j = i + 1
        while j < sent_end and doc[j].pos_ in ("DET", "ADJ", "PRON") and doc[j].lower_ not in _PARTITIVE_PRONOUNS:
            j += 1
        if j < sent_end and doc[j].lower_ in _PARTITIVE_PRONOUNS:
            c.partitive = "pronoun"
            c.subgroup = _partitive_subgroup(doc, j + 1, sent_end)
            c.person = True
            return
        if m.qualifier == "vague":
            c.partitive = None  # "dozens of people" counts people, it is not part of a group
        i = j
    for k in range(i, min(i + 6, sent_end)):
        t = doc[k]
        if t.pos_ in ("NOUN", "PROPN") or _people_entry(t) is not None:
            if t.dep_ in ("compound", "amod") and t.head.i > t.i and t.head.i < sent_end and t.head.i - k <= 3:
                continue  # "KLA insurgents", "health workers", "elderly persons": the head noun counts
            if t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "") and _people_entry(t) is None:
                return  # "100 Kalashnikovs", "3 Hellfire": a name, not people
            c.noun = t
            entry = _people_entry(t)
            harm_noun = _harm_noun(t)
            if entry is not None:
                c.person = True
                c.subgroup = c.subgroup or entry or _modifier_subgroup(t)
            elif harm_noun:
                c.person = True
            if c.partitive == "noun" and harm_noun and c.category is None:
                c.category = None  # decided with the predicate (_find_category)
            return
        if t.pos_ in _SKIP_BEFORE_NOUN or t.lower_ in _MORE_WORDS or t.dep_ in ("amod", "compound", "nummod"):
            if t.lower_ in _harm_participles() and t.dep_ != "amod" and t.head.i < t.i:
                return  # "327 wounded": the participle is the predicate, no noun
            continue
        return


def _partitive_subgroup(doc: Doc, i: int, sent_end: int) -> str | None:
    """ "76 of them were children", "3 of them women": the subgroup named after the pronoun."""
    for k in range(i, min(i + 3, sent_end)):
        t = doc[k]
        entry = _people_entry(t)
        if entry is not None:
            return entry or _modifier_subgroup(t)
        if t.lower_ not in ("were", "was", "are", "is", "being", "all", "mostly", "mainly"):
            return None
    return None


def _find_category(doc: Doc, c: _Cand) -> None:
    if c.noun is not None and c.partitive is None:
        cat = _harm_noun(c.noun)
        if cat:
            c.category, c.harm = cat, c.noun
            return
    for finder in (_participle_near, _predicate, _toll_left, _verb_left):
        found = finder(doc, c)
        if found is not None:
            cat, tok = found
            if _is_mixed(tok, cat):
                c.mixed = True
                return
            c.category, c.harm = cat, tok
            return
    if c.partitive == "noun" and c.noun is not None and _harm_noun(c.noun):
        head = _anchor(doc, c).head
        if head.lemma_ in _COPULAS:
            c.category, c.harm = _harm_noun(c.noun), c.noun


def _participle_near(doc: Doc, c: _Cand) -> tuple[str, Token] | None:
    """ "613 people killed", "34 civilians severely wounded", "208 wounded people", "61 wounded"."""
    m = c.m
    sent = doc[m.last].sent
    start = (c.noun.i if c.noun is not None and c.partitive is None else m.last) + 1
    for k in range(start, min(start + 3, sent.end)):
        t = doc[k]
        cat = _harm_participles().get(t.lower_)
        if cat and t.tag_ in ("VBN", "JJ", "VBD", "NN", "NNS") and not _has_own_subject(t, m, c.noun):
            return cat, t
        if t.pos_ != "ADV":
            break
    end = c.noun.i if c.noun is not None else m.last + 1
    for k in range(m.last + 1, end):
        cat = _harm_participles().get(doc[k].lower_)
        if cat:
            return cat, doc[k]
    return None


def _predicate(doc: Doc, c: _Cand) -> tuple[str, Token] | None:
    """The harm verb whose subject or object the counted people are, from the parse."""
    harm, _ = _lex()
    verbs = harm["verbs"]
    t = _anchor(doc, c)
    seen = 0
    while t.dep_ in ("conj", "appos") and t.head.i != t.i and seen < 6:
        t = t.head
        seen += 1
    if c.m.first <= t.head.i <= c.m.last and t.head.i != t.i:
        t = t.head  # "Between 120 and 150 fighters": the parser hangs the noun off "Between"
    dep, head = t.dep_, t.head
    fate = _fate_of(doc, c)
    if fate is not None:
        return ("missing", fate) if _says_unknown(fate) else None
    if dep in ("nsubjpass", "nsubj"):
        return _verb_category(head, "subject" if dep == "nsubj" else "passive", verbs)
    if dep in ("dobj", "oprd"):
        found = _verb_category(head, "object", verbs)
        if found:
            return found
        return _left_with(head)
    if dep == "attr" and head.lemma_ in _COPULAS:
        return _toll_subject(head)
    if dep == "pobj":
        prep = head
        owner = prep.head
        if prep.lower_ == "of":
            if owner.lemma_ in harm["harm_event_nouns"] and owner.lemma_ != "fate":
                return harm["harm_event_nouns"][owner.lemma_], owner
            if owner.lemma_ == "fate" and _says_unknown(owner):
                return "missing", owner
            toll = _toll_noun(owner)
            if toll:
                return toll, owner
        if prep.lower_ in ("to", "at", "of", "by"):
            return _toll_subject(owner)
    if dep in ("prep", "npadvmod", "nmod", "dep") and head.pos_ == "VERB":
        # a parse the rules above do not name: the side of the verb tells the role
        role = "object" if t.i > head.i else "subject"
        return _verb_category(head, role, verbs)
    return None


def _fate_of(doc: Doc, c: _Cand) -> Token | None:
    """ "the fate of 150 of them": the "fate" token the quantity depends on, if any."""
    root = doc[c.m.root]
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ == "fate":
        return root.head.head
    k = c.m.first - 1
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lemma_ == "fate":
        return doc[k - 1]
    return None


def _anchor(doc: Doc, c: _Cand) -> Token:
    """The token that stands for the counted people in the parse."""
    if c.noun is not None and c.partitive is None:
        return c.noun
    root = doc[c.m.root]
    if c.partitive and root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head
    return root


def _verb_category(v: Token, role: str, verbs: dict) -> tuple[str, Token] | None:
    """Category of a verb for the role the counted people play; follows xcomp ("known to have been
    murdered") and reads phrasal forms ("taken hostage", "wiped out", "lost both parents")."""
    for cand, cand_role in _verb_chain(v, role):
        if cand.lemma_ in _COPULAS and cand_role == "subject":
            for ch in cand.children:
                if ch.dep_ in ("acomp", "attr", "oprd"):
                    cat = _harm_participles().get(ch.lower_)
                    if cat:
                        return cat, ch
            continue
        for key in _verb_keys(cand):
            entry = verbs.get(key)
            if entry and entry.get(cand_role):
                return entry[cand_role], cand
    return None


def _verb_chain(v: Token, role: str) -> list[tuple[Token, str]]:
    chain = [(v, _voice(v, role))]
    for ch in v.children:
        if ch.dep_ == "xcomp" and ch.pos_ in ("VERB", "AUX", "ADJ"):
            chain.append((ch, _voice(ch, "subject") if role != "object" else "object"))
    return chain


def _voice(v: Token, role: str) -> str:
    if role == "object":
        return "object"
    if role == "passive" or any(ch.dep_ == "auxpass" for ch in v.children):
        return "passive"
    return "subject"


def _verb_keys(v: Token) -> list[str]:
    """ "wipe out", "take hostage", "lose parent", "sustain wound", then the plain lemma."""
    lemma = v.lemma_.lower()
    keys = []
    for ch in v.children:
        if ch.dep_ == "prt":
            keys.append(f"{lemma} {ch.lower_}")
        if ch.dep_ in ("dobj", "oprd", "acomp", "advmod", "attr", "npadvmod", "prep"):
            keys.append(f"{lemma} {ch.lemma_.lower()}")
            if ch.dep_ == "prep":
                for g in ch.children:
                    if g.dep_ == "pobj":
                        keys.append(f"{lemma} {ch.lower_} {g.lemma_.lower()}")
    if lemma == "shoot" and any(ch.lower_ == "dead" for ch in v.children):
        keys.append("shoot dead")
    if lemma == "lose":
        for ch in v.children:
            if ch.dep_ != "dobj":
                continue
            if any(g.lower_ in _PARENT_WORDS for g in ch.subtree):  # "both parents", "one of their parents"
                keys.append("lose parent")
            if ch.lemma_ in ("life", "lives"):
                keys.append("lose life")
        return keys  # "lost one of their parents": losing is not harm on its own
    keys.append(lemma)
    return keys


def _left_with(v: Token) -> tuple[str, Token] | None:
    """ "left over a hundred injured", "left 3 dead"."""
    if v.lemma_ != "leave":
        return None
    for ch in v.subtree:
        cat = _harm_participles().get(ch.lower_)
        if cat and ch.i > v.i:
            return cat, ch
    return None


def _toll_subject(v: Token) -> tuple[str, Token] | None:
    """The number is the value a toll takes: "the death toll rose to 43", "the toll is 613"."""
    if v.lemma_ not in _TOLL_VERBS and v.pos_ not in ("NOUN",):
        return None
    for ch in v.children:
        if ch.dep_ in ("nsubj", "nsubjpass", "dobj"):
            cat = _toll_noun(ch)
            if cat:
                return cat, ch
    return None


def _toll_noun(t: Token) -> str | None:
    harm, _ = _lex()
    lemma = t.lemma_.lower()
    if lemma in harm["tolls"]:
        if lemma == "toll" and any(ch.lower_ in ("injury", "injuries") for ch in t.children):
            return "injured"
        return harm["tolls"][lemma]
    if lemma == "number" and any(
        g.lemma_ in harm["tolls"] for ch in t.children if ch.lower_ == "of" for g in ch.children
    ):
        return next(
            harm["tolls"][g.lemma_]
            for ch in t.children
            if ch.lower_ == "of"
            for g in ch.children
            if g.lemma_ in harm["tolls"]
        )
    return None


def _toll_left(doc: Doc, c: _Cand) -> tuple[str, Token] | None:
    """Word-pattern fallback: "<toll> rose to N", "injuries to N", "the death toll was nearing N"."""
    if c.noun is not None and c.partitive is None and not _is_generic(c.noun):
        return None
    k = doc[c.m.first].i - 1
    sent_start = doc[c.m.first].sent.start
    steps = 0
    while k >= sent_start and steps < 5:
        t = doc[k]
        cat = _toll_noun(t)
        if cat and t.pos_ in ("NOUN", "PROPN"):
            return cat, t
        if t.lower_ not in _TOLL_FILLER:
            return None
        k -= 1
        steps += 1
    return None


def _verb_left(doc: Doc, c: _Cand) -> tuple[str, Token] | None:
    """Headline fallback: "kills 28", "killing two", "wounded over 400"."""
    harm, _ = _lex()
    k = c.m.first - 1
    if k < doc[c.m.first].sent.start:
        return None
    t = doc[k]
    if t.pos_ in ("VERB", "NOUN", "PROPN") and t.tag_ in ("VBZ", "VBD", "VBG", "VBP", "NNS", "VB"):
        entry = harm["verbs"].get(t.lemma_.lower()) or harm["verbs"].get(_naive_lemma(t.lower_))
        if entry and entry.get("object"):
            return entry["object"], t
    return None


def _naive_lemma(word: str) -> str:
    for suffix, repl in (("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + repl
    return word


def _is_mixed(tok: Token, cat: str) -> bool:
    """ "killed or injured", "dead and wounded": one count for two categories is a casualty count."""
    for other in [*tok.conjuncts]:
        other_cat = _harm_participles().get(other.lower_) or _harm_noun(other)
        if other_cat and other_cat != cat and not _has_own_subject(other, None, None) and abs(other.i - tok.i) <= 3:
            return True
    return False


def _has_own_subject(t: Token, m: NumberMention | None, noun: Token | None) -> bool:
    """Does the harm word have a subject or a count of its own (other than quantity ``m`` and its noun)?"""

    def own(tok: Token) -> bool:
        if noun is not None and tok.i == noun.i:
            return False
        return m is None or not (m.first <= tok.i <= m.last)

    return any(
        (ch.dep_ in ("nsubj", "nsubjpass") and own(ch))
        or (ch.like_num and own(ch) and ch.dep_ in ("dobj", "nummod", "attr"))
        or (ch.dep_ in ("dobj", "attr") and any(g.like_num and own(g) for g in ch.children))
        for ch in t.children
    )


def _says_unknown(fate: Token) -> bool:
    """ "the fate of 150 of them remains unknown"."""
    verb = fate.head
    return any(ch.lower_ in ("unknown", "unclear", "unaccounted") for ch in verb.subtree if ch.i > fate.i)


# -- lexicon lookups ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _harm_participles() -> dict[str, str]:
    return _lex()[0]["participles"]


def _harm_noun(t: Token) -> str | None:
    nouns = _lex()[0]["nouns"]
    if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    return nouns.get(t.lemma_.lower()) or nouns.get(t.lower_)


def _people_entry(t: Token) -> str | None:
    """Subgroup of a person noun, "" for a person noun of no subgroup, None when not a person.

    Handles compounds ("health workers"),
    demonyms the NER tags NORP ("Palestinians", "Azerbaijanis") and words split
    by OCR ("civil ians").
    """
    _, people = _lex()
    nouns, compounds = people["nouns"], people["compounds"]
    if t.pos_ not in ("NOUN", "PROPN", "ADJ", "X"):
        return None
    forms = [t.lemma_.lower(), t.lower_, t.lower_.rstrip("s")]
    prev = t.nbor(-1) if t.i > 0 else None
    if prev is not None and prev.whitespace_ and prev.is_alpha and t.is_alpha and t.is_lower:
        joined = prev.lower_ + t.lower_
        forms += [joined, joined.rstrip("s")]
    for ch in t.children:
        if ch.dep_ == "compound" and ch.i < t.i:
            for f in forms[:2]:
                key = f"{ch.lemma_.lower()} {f}"
                if key in compounds:
                    return compounds[key]
    for f in forms:
        if f in nouns:
            return nouns[f] or ""
    if t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS", "NNP") and t.lower_.endswith("s"):
        return ""
    if t.pos_ == "PROPN" and re.fullmatch(r"[A-Z][a-z]+(?:ians|ans|is|ese|ers|ites|ks|ts|ds)", t.text):
        return ""  # a demonym the NER missed: "Azeris", "Tutsis"
    return None


def _modifier_subgroup(t: Token) -> str | None:
    mods = _lex()[1]["modifiers"]
    for ch in t.children:
        if ch.dep_ in ("amod", "compound") and ch.lower_ in mods:
            return mods[ch.lower_]
    return None


def _is_generic(t: Token) -> bool:
    return _people_entry(t) is not None


# -- links between figures ------------------------------------------------------------------------


def _link_including(doc: Doc, cands: list[_Cand]) -> None:
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
        obj_side = _cands_in(cands, {t.i for o in objs for t in [o, *o.conjuncts]})
        head = p.head
        head_tokens = {head.i, *(t.i for t in head.conjuncts)}
        head_side = [c for c in _cands_in(cands, head_tokens) if c not in obj_side]
        if not head_side:
            head_side = [c for c in cands if c.harm is not None and c.harm.i == head.i and c not in obj_side]
        if not head_side or not obj_side:
            continue
        _join(cands, head_side, obj_side)


def _cands_in(cands: list[_Cand], token_ids: set[int]) -> list[_Cand]:
    out = []
    for c in cands:
        ids = {c.m.root, c.m.last}
        if c.noun is not None:
            ids.add(c.noun.i)
        if ids & token_ids:
            out.append(c)
    return out


def _join(cands: list[_Cand], a: list[_Cand], b: list[_Cand]) -> None:
    def size(c: _Cand) -> int:
        return c.m.value if c.m.value is not None else (c.m.high or c.m.low or _vague_floor(c))

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


def _vague_floor(c: _Cand) -> int:
    return 10**9 if c.m.qualifier == "vague" else 0


def _link_partitives(doc: Doc, cands: list[_Cand]) -> None:
    """ "487 were injured, and 76 of them were children": the 76 is part of the 487, injured."""
    harm, _ = _lex()
    for i, c in enumerate(cands):
        if c.partitive != "pronoun":
            continue
        pron = _pronoun_after(doc, c)
        if pron is not None and pron.lower_ == "which":
            antecedent = _relative_antecedent(pron)
            if antecedent is not None and antecedent.lemma_ in harm["harm_event_nouns"]:
                c.category = c.category or harm["harm_event_nouns"][antecedent.lemma_]
                c.harm = c.harm or antecedent
                continue
        parent = _parent_before(doc, cands, i)
        if parent is None:
            continue
        if c.category is None:
            c.category, c.harm = parent.category, parent.harm
        if c.category == parent.category and _fits(c, parent):
            c.parent = parent


def _pronoun_after(doc: Doc, c: _Cand) -> Token | None:
    for k in range(c.m.last + 1, min(c.m.last + 4, len(doc))):
        if doc[k].lower_ in _PARTITIVE_PRONOUNS:
            return doc[k]
    return None


def _relative_antecedent(pron: Token) -> Token | None:
    """ "these alleged killings, of which at least 71 ...": the noun "which" stands for."""
    t = pron
    for _ in range(5):
        if t.dep_ == "relcl":
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _parent_before(doc: Doc, cands: list[_Cand], i: int) -> _Cand | None:
    sent = doc[cands[i].m.first].sent
    prev_sent_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.m.first < prev_sent_start:
            break
        if p.category and p.partitive != "pronoun" and not p.mixed:
            return p
    return None


def _fits(part: _Cand, whole: _Cand) -> bool:
    pv = part.m.value if part.m.value is not None else part.m.high
    wv = whole.m.value if whole.m.value is not None else (whole.m.low or whole.m.high)
    return pv is not None and wv is not None and pv <= wv


def _link_coordination(doc: Doc, cands: list[_Cand]) -> None:
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
            if not p.category or not _coordinated(doc, p, c):
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


def _coordinated(doc: Doc, a: _Cand, b: _Cand) -> bool:
    ta, tb = _anchor(doc, a), _anchor(doc, b)
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


def _link_topic(doc: Doc, cands: list[_Cand]) -> None:
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
            cat = _toll_noun(t)
            if (cat and t.lemma_ != "toll") or (cat and t.lemma_ == "toll"):
                c.category, c.harm = cat, t
                break


# -- output ---------------------------------------------------------------------------------------


def _finalise(doc: Doc, cands: list[_Cand], convention: str) -> list[FigureSpan]:
    keep: list[int] = []
    for i, c in enumerate(cands):
        if c.category is None or c.mixed:
            continue
        if c.noun is not None and not c.person:
            continue
        if c.m.qualifier == "vague" and (c.noun is None or not c.person):
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
        start, end = c.quote or _quote(doc, c)
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


def _quote(doc: Doc, c: _Cand) -> tuple[int, int]:
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
            if doc[k].lower_ in _PARTITIVE_PRONOUNS or doc[k].pos_ in ("NOUN", "PROPN"):
                last = k
                break
        end = max(end, doc[last].idx + len(doc[last].text))
    return start, end


# -- infobox lines ("Fatalities: 200+ (per X), 485 (per Y)") ---------------------------------------


def _infobox_candidates(doc: Doc) -> list[_Cand]:
    out: list[_Cand] = []
    text = doc.text
    for m in _INFOBOX.finditer(text):
        cat = _INFOBOX_CATEGORY.get(m.group("label").lower())
        if cat is None:
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        values = text[m.end() : line_end]
        first: _Cand | None = None
        for q in find_quantities(values):
            qs, qe = m.end() + q.start, m.end() + q.end
            if q.qualifier == "vague" or measure_kind(
                text, q.__class__(qs, qe, q.value, q.low, q.high, q.qualifier, None, qs)
            ):
                continue
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is None:
                continue
            nm = NumberMention(qs, qe, span.start, span.end - 1, span.end - 1, q.value, q.low, q.high, q.qualifier)
            c = _Cand(nm, infobox=True, category=cat)
            inside = text[m.end() : qs]
            if first is not None and re.search(r"\(\s*including\s*$", inside, re.IGNORECASE):
                _find_noun(doc, c)
                c.parent, c.harm = first, first.harm
            close = _paren_end(text, qe, line_end)
            c.quote = (m.start("label") if first is None else qs, close)
            if first is None or c.parent is None:
                first = c
            out.append(c)
    return out


def _paren_end(text: str, pos: int, line_end: int) -> int:
    """Extend a quote over a "(per Human Rights Watch)" or "(Including 9 ...)" right after it."""
    k = pos
    while k < line_end and text[k] in " \t":
        k += 1
    if k < line_end and text[k] == "(":
        close = text.find(")", k)
        if 0 < close < line_end:
            return close + 1
    return pos
