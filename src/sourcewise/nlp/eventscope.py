"""What a figure's clause counts: one incident, a running tally, or several incidents at once.

The spec's event is one incident. Two kinds of statements count people over more
than one:

- a *tally* over a period: "have detained more than 125 insurgents since
  December 1", "killed so far", "to date", "this month alone", "carried out ten
  raids in recent weeks, arresting dozens" (the period hangs on the
  figure's verb or on a verb it depends on);
- a *summary* of several incidents: "killed several insurgents during separate
  operations", "detained more than 10 during four operations" (a plural incident
  noun with a word that makes it several).

Both include the incidents a document goes on to tell one by one, so their people
would be counted twice if they were added to them: events.py gives a tally no
totals and a summary totals only where no incident is told. Pure functions over
the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

# the periods of a tally: "(over|in|during) the past month", "in recent weeks", "this year"
_PERIOD_UNITS = {"week", "weeks", "month", "months", "year", "years"}
_PERIOD_PREPS = {"over", "in", "during", "within", "for", "throughout"}
_PERIOD_ADJ = {"past", "last", "previous", "recent"}
# several incidents: "during separate operations", "in four raids"
_SEVERAL = {"separate", "multiple", "several", "various", "numerous", "different", "successive"}
_NUMBERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens"}
_INCIDENT_PREPS = {"during", "in", "through", "throughout", "across", "over", "from"}
# how a verb may depend on the verb a period or a set of incidents hangs on
_CLAUSE_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl"}


def clause_verb(t: Token) -> Token:
    """The verb whose clause the token belongs to (the token itself when it is one)."""
    cur = t
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _governs(outer: Token, verb: Token) -> bool:
    """Is ``verb`` the ``outer`` verb, one coordinated with it, or a clause that depends on it?"""
    if outer.i == verb.i or outer in verb.conjuncts:
        return True
    cur = verb
    for _ in range(4):
        if cur.dep_ not in _CLAUSE_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == outer.i:
            return True
    return False


def _linked(phrase_verb: Token, verb: Token) -> bool:
    """Does a phrase hanging on ``phrase_verb`` speak of the figure's ``verb``: the same verb, one it
    governs, or one of a clause coordinated with or depending on it ("More than 10 were killed and
    others wounded during separate operations", where the parser hangs the phrase on "wounded")?"""
    return _governs(phrase_verb, verb) or _governs(verb, phrase_verb)


def period_marker(anchor: Token) -> Token | None:
    """The word that makes the figure a tally over a period ("since", "far" of "so far", "date" of
    "to date", the unit of "this month" or "over the past year"), if one hangs on its clause."""
    verb = clause_verb(anchor)
    for t in anchor.sent:
        if _marks_period(t) and _linked(clause_verb(t), verb):
            return t
    return None


def _marks_period(t: Token) -> bool:
    low = t.lower_
    prev = t.doc[t.i - 1].lower_ if t.i > t.sent.start else ""
    if low == "since" and t.dep_ in ("prep", "mark"):
        return True
    if low == "far" and prev in ("so", "thus"):
        return True
    if low == "date" and prev == "to":
        return True
    if low not in _PERIOD_UNITS:
        return False
    mods = {c.lower_ for c in t.children}
    if low in ("year", "month") and "this" in mods:
        return True  # "this month alone", "so far this year" ("this week" may be one incident's week)
    if mods & _PERIOD_ADJ:
        return t.dep_ == "pobj" and t.head.lower_ in _PERIOD_PREPS  # "over the past month", "in recent weeks"
    return False


def several_incidents(anchor: Token, incident_nouns: frozenset[str]) -> Token | None:
    """The plural incident noun that makes the figure's clause a summary of several incidents
    ("during separate operations", "in four raids"), if there is one."""
    verb = clause_verb(anchor)
    for t in anchor.sent:
        if t.tag_ != "NNS" or t.lemma_.lower() not in incident_nouns:
            continue
        if t.dep_ != "pobj" or t.head.lower_ not in _INCIDENT_PREPS:
            continue
        if not _linked(clause_verb(t.head), verb):
            continue
        if _made_several(t):
            return t
    return None


def _made_several(noun: Token) -> bool:
    """ "separate operations", "four raids", "a series of strikes", "operations in Khost and Paktiya"."""
    before = noun.doc[noun.left_edge.i : noun.i]
    words = {t.lower_ for t in before}
    if words & (_SEVERAL | _NUMBERS) or any(t.like_num and t.text.isdigit() and int(t.text) >= 2 for t in before):
        return True
    left = noun.doc[max(noun.sent.start, noun.i - 4) : noun.i].text.lower()
    if "a series of" in left or "a number of" in left:
        return True
    return any(t.pos_ == "PROPN" and any(c.pos_ == "PROPN" for c in t.conjuncts) for t in noun.subtree)
