"""Cached lookups in the harm and people lexicons (data files under ``nlp/lexicons``).

Every per-token lookup goes through a dict built once per process, so the
component stays cheap on long documents.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from sourcewise.nlp import lexicons

SKIP_BEFORE_NOUN = {"ADJ", "ADV", "PUNCT", "NUM", "DET", "PART"}
MORE_WORDS = {"more", "other", "others", "further", "additional", "another"}
PARTITIVE_PRONOUNS = {"them", "whom", "those", "these", "which"}
ALPHA_HEAD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# a harm intended or attempted, not reported as done: "planned to kill", "attempted to flee"
IRREALIS_HEADS = {
    "plan",
    "attempt",
    "try",
    "threaten",
    "intend",
    "seek",
    "want",
    "aim",
    "conspire",
    "prepare",
    "vow",
    "fail",
    "refuse",
    "avoid",
    "prevent",
    "ask",
    "urge",
    "tell",
    "advise",
    "warn",
}
#: words whose "on ...ing" states an aim, not a deed: "efforts on capturing", "focus on", "intent on"
AIM_HEADS = frozenset({"effort", "focus", "concentrate", "intent", "bent", "emphasis", "aim", "insist", "mission"})
COPULAS = {"be", "remain", "become", "stay"}
# nouns that only carry a count: "a total of 7 people were killed" says the 7 were killed
TRANSPARENT_NOUNS = {"total", "number", "tally", "count", "group", "sum", "maximum", "minimum"}
# nouns that hold what they count: "13 sets of remains", "9 bags of bodies" count the remains (the dead)
CONTAINER_NOUNS = frozenset({"set", "bag", "sack", "box", "coffin"})
PARENT_WORDS = {"parent", "parents", "mother", "father"}
TOLL_VERBS = {
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
TOLL_FILLER = {
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


@lru_cache(maxsize=1)
def lex() -> tuple[dict, dict]:
    return lexicons.load("harm.json"), lexicons.load("people.json")


@lru_cache(maxsize=1)
def harm_participles() -> dict[str, str]:
    return lex()[0]["participles"]


def harm_noun(t: Token) -> str | None:
    nouns = lex()[0]["nouns"]
    if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    return nouns.get(t.lemma_.lower()) or nouns.get(t.lower_)


def people_entry(t: Token) -> str | None:
    """Subgroup of a person noun, "" for a person noun of no subgroup, None when not a person.

    Handles compounds ("health workers"),
    demonyms the NER tags NORP ("Palestinians", "Azerbaijanis") and words split
    by OCR ("civil ians").
    """
    _, people = lex()
    nouns, compounds = people["nouns"], people["compounds"]
    forms = [t.lemma_.lower(), t.lower_, t.lower_.rstrip("s")]
    head = None if t.is_alpha else ALPHA_HEAD.match(t.lower_)
    if head and head.end() < len(t.lower_):  # "insurgents)[1": a word glued to a reference mark (any tag)
        forms = [head.group().rstrip("s"), head.group(), *forms]
    elif t.pos_ not in ("NOUN", "PROPN", "ADJ", "X"):
        return None
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
            if f in MEMBER_NOUNS:
                return member_subgroup(t)
            return nouns[f] or ""
    man = MAN_COMPOUND.fullmatch(t.lower_) if t.is_alpha else None
    if man is not None and man.group(1) in people["man_compound_stems"]:
        return people["man_compound_stems"][man.group(1)] or ""  # "clansmen", "riflemen"
    if t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS", "NNP") and t.lower_.endswith("s"):
        return ""
    if t.pos_ == "PROPN" and re.fullmatch(r"[A-Z][a-z]+(?:ians|ans|is|ese|ers|ites|ks|ts|ds)", t.text):
        return ""  # a demonym the NER missed: "Azeris", "Tutsis"
    return None


MEMBER_NOUNS = frozenset({"member", "members", "personnel", "element", "elements"})
MAN_COMPOUND = re.compile(r"([a-z]{2,}?)-?m[ae]n")


def member_subgroup(t: Token) -> str:
    """ "militia members", "members of the security forces", "members of an armed group": combatants;
    members of anything else (a family, a club, a party) are people of no subgroup. A body counts by what
    it is (an army, a militia, a group called armed), never by whose it is."""
    bodies, armed = armed_words()
    related = [ch for ch in t.children if ch.dep_ in ("compound", "amod") and ch.i < t.i]
    for ch in t.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            related += [g for g in ch.children if g.dep_ == "pobj"]
    for r in related:
        if r.lemma_.lower() in bodies or r.lower_ in bodies or r.lower_ in armed:
            return "combatants"
        for g in r.children:
            if g.dep_ in ("compound", "amod") and (
                g.lower_ in armed or f"{g.lemma_.lower()} {r.lemma_.lower()}" in bodies
            ):
                return "combatants"  # "an armed group", "the security services", "special forces"
    return ""


@lru_cache(maxsize=1)
def armed_words() -> tuple[frozenset[str], frozenset[str]]:
    people = lex()[1]
    return frozenset(people["armed_bodies"]), frozenset(people["armed_group_modifiers"])


def modifier_subgroup(t: Token) -> str | None:
    mods = lex()[1]["modifiers"]
    for ch in t.children:
        if ch.dep_ in ("amod", "compound") and ch.lower_ in mods:
            return mods[ch.lower_]
    return None


def is_generic(t: Token) -> bool:
    return people_entry(t) is not None


def tokens_with_lemma(doc: Doc, lemmas: set[str] | frozenset[str], attr: int = LEMMA) -> list[Token]:
    """Tokens whose lemma (or ``attr``) is one of ``lemmas``, found on the doc's array of string ids
    rather than by building every Token: the component stays cheap on long documents."""
    wanted = _hashes(frozenset(lemmas))
    values = doc.to_array([attr]).tolist()
    return [doc[i] for i, h in enumerate(values) if h in wanted]


def tokens_with_lower(doc: Doc, words: set[str] | frozenset[str]) -> list[Token]:
    return tokens_with_lemma(doc, words, LOWER)


@lru_cache(maxsize=32)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """String ids of the words (spaCy's ids are hashes of the text, the same in every vocab)."""
    strings = StringStore()
    return frozenset(strings.add(w) for word in words for w in (word, word.capitalize(), word.upper()))
