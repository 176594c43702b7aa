"""sw_acts: official acts the document reports (``doc._.sw_acts``).

A decree signed, a resolution adopted, a genocide recognised, a statement issued:
acts of authorities about events, not incidents themselves, so the events
component leaves their sentences' dates alone. An act is found from its noun
("decree", "resolution", "assessment") when a verb enacts it ("signed a decree",
"resolutions ... were adopted", "said in a statement"), or from a finite
"recognise" ("recognized the massacre as genocide"); the mere mention of a law
or of recognition as a goal is not an act. Its actor is the subject (or the
"by"/"in" body of a passive) and its date the nearest date in the sentence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from sourcewise.nlp import lexicons
from sourcewise.nlp.anchors import in_sentence, nearest
from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.types import ActSpan, DateSpan

_FINITE = {"VBD", "VBZ", "VBP", "VBN"}
_SAY = {"say", "announce", "state", "declare", "add", "confirm", "report", "tell", "write", "note"}
_ACTOR_CUT = {"relcl", "acl", "advcl", "punct", "appos"}
_MAX_ACTOR_TOKENS = 14


@lru_cache(maxsize=1)
def _lex() -> dict:
    return lexicons.load("acts.json")


@Language.component("sw_acts")
def sw_acts(doc: Doc) -> Doc:
    dates = [d for d in get_list(doc, "sw_dates") if not d.dateline]
    acts: list[ActSpan] = []
    seen: set[tuple[int, int]] = set()
    for tok in doc:
        found = _act_at(tok)
        if found is None:
            continue
        kind, verb = found
        lo, hi = min(tok.i, verb.i), max(tok.i, verb.i)
        if kind == "recognition":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                hi = max(hi, max(t.i for t in obj.subtree))
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        acts.append(ActSpan(start=start, end=end, kind=kind, actor=_actor(verb), date=_date(doc, verb, dates)))
    doc._.sw_acts = acts
    return doc


def act_tokens(doc: Doc) -> set[int]:
    """Token indices of the act nouns and verbs (the events component ignores them)."""
    out: set[int] = set()
    for tok in doc:
        found = _act_at(tok)
        if found is not None:
            out.update((tok.i, found[1].i))
    return out


def _act_at(tok: Token) -> tuple[str, Token] | None:
    """(kind, enacting verb) when ``tok`` names an act that the sentence says was done."""
    lex = _lex()
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in lex["recognition_verbs"]:
        finite = tok.tag_ in _FINITE and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        done = any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) or tok.dep_ == "relcl"
        return ("recognition", tok) if finite and done else None
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    kind = lex["nouns"].get(lemma) or lex["nouns"].get(tok.lower_)
    if lemma == "order" and any(c.lower_ == "executive" for c in tok.children):
        kind = "decree"
    if kind is None:
        return None
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head  # "resolutions and statements ... were adopted"
    head = t.head
    if t.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex["enacting_verbs"] and head.tag_ in _FINITE:
        return kind, head
    if kind == "statement" and t.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in _SAY:
        return kind, head.head
    return None


def _actor(verb: Token) -> str | None:
    """Who enacted: the subject of the verb (or of the verb it is coordinated with), else the
    "by"/"in" body of a passive ("were adopted in the Organization of ...")."""
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.dep_ == "nsubj":
            return _phrase(subj)
        if subj is not None:  # passive: the agent or the body it was done in
            for c in v.children:
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "at", "by")):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None and (c.dep_ == "agent" or obj.ent_type_ in ("ORG", "GPE", "NORP")):
                        return _phrase(obj)
            return None
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
            continue
        return None
    return None


def _phrase(head: Token) -> str:
    """The noun phrase of ``head`` with its coordinated heads, without relative clauses."""
    cut: set[int] = set()
    for t in head.subtree:
        if t.i != head.i and t.dep_ in _ACTOR_CUT:
            cut.update(x.i for x in t.subtree)
    toks = sorted((t for t in head.subtree if t.i not in cut), key=lambda t: t.i)
    lo = toks[0].i
    hi = lo
    for t in toks:  # stay contiguous
        if t.i > hi + 1:
            break
        hi = t.i
    hi = min(hi, lo + _MAX_ACTOR_TOKENS - 1)
    span = head.doc[lo : hi + 1]
    while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    return span.text


def _date(doc: Doc, verb: Token, dates: list[DateSpan]) -> str | None:
    cands = in_sentence(dates, verb.sent)
    best = nearest(doc, verb, dates, cands)
    return dates[best].value if best is not None else None
