"""Victims stated without a number: "killed the Taliban leader", "a UN staff member was killed",
"insurgents were detained".

A singular or named person who suffers a harm is a figure of 1 with qualifier
``implied``; a bare plural ("insurgents were detained", no number, no
determiner) is ``vague`` with the convention's ``bare_plural`` minimum (2 under
ISAF's coding, none by default). Definite plurals ("the insurgents") and
pronouns point back at people already counted and are left alone, and so are
harms that did not happen ("planned to kill", "no one was hurt") or that
describe a person's record rather than an incident ("responsible for
kidnapping").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from sourcewise.nlp.types import NumberMention

from .category import verb_category
from .lexicon import AIM_HEADS, IRREALIS_HEADS, lex, people_entry, tokens_with_lemma
from .state import Cand

_RECORD_HEADS = {
    "responsible",
    "involve",
    "involved",
    "link",
    "linked",
    "connect",
    "connected",
    "accuse",
    "accused",
    "suspect",
    "suspected",
    "implicate",
    "blame",
    "charge",
    "convict",
    "wanted",
    "known",
    "attack",
    "target",
    "plot",
    "plan",
    "orchestrate",
    "mastermind",
    "coordinate",
    "direct",
    "facilitate",
    "organize",
    "organise",
}
_NO_DETERMINERS = {"no", "any", "every", "each", "neither", "none", "whichever", "what", "which"}
_BACK_POINTING = {"the", "these", "those", "this", "that", "such", "both", "all", "its", "their", "his", "her"}
_PERSONAL = {"he", "him", "she", "her"}
_CUSTODY = {"detained": "custody", "hostage": "custody"}
_PRONOUN_TAGS = {"PRP", "WP", "WDT", "PRP$", "EX"}
# plural people nouns that name no group of their own: "others were detained" needs a number first
_TOO_GENERAL = {"other", "others", "people", "person", "individual", "member"}


@lru_cache(maxsize=1)
def _harm_lemmas() -> frozenset[str]:
    """First words of the harm verbs ("kill", "take" of "take hostage"): a cheap pre-filter per token."""
    return frozenset(key.split()[0] for key in lex()[0]["verbs"])


def implied_candidates(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Figures for harmed people named without a number, in text order."""
    counted = _counted_tokens(cands)
    harm = lex()[0]
    verbs, event_nouns = harm["verbs"], harm["harm_event_nouns"]
    lemmas = _harm_lemmas()
    out: list[Cand] = []
    for v in tokens_with_lemma(doc, lemmas | event_nouns.keys()):
        lemma = v.lemma_.lower()
        if v.pos_ in ("VERB", "AUX") and lemma in lemmas:
            if _irrealis(v) or _record(v):
                continue
            found_roles = []
            for patient, role in _patients(v):
                found = verb_category(v, role, verbs)
                if found is not None:
                    found_roles.append((patient, found[0]))
        elif v.pos_ == "NOUN" and lemma in event_nouns and lemma not in ("fate", "whereabouts") and not _record(v):
            found_roles = [(p, event_nouns[lemma]) for p in _noun_patients(v)]  # "the capture of a leader"
        else:
            continue
        for patient, category in found_roles:
            for person in _people(patient):
                if person.i in counted or any(ch.i in counted for ch in person.lefts):
                    continue  # "several suspected IMU insurgents", "25 leaders and facilitators": counted
                known = [*cands, *out]
                ante = _unharmed_antecedent(person, category, known)
                if ante is not None:  # "identified two armed men ... killed the men": their count, harmed now
                    back = Cand(_mention(person, ante.m.value, ante.m.qualifier, ante.m.vague_word), noun=person)
                    back.category, back.harm, back.person, back.subgroup = category, v, True, ante.subgroup
                    back.quote = _quote(doc, person, v)
                    counted.update(range(person.left_edge.i, person.i + 1))
                    out.append(back)
                    continue
                c = _implied(doc, person, category, v, known)
                if c is not None and not _repeats(c, known):
                    counted.update(range(person.left_edge.i, person.i + 1))  # not its conjuncts
                    out.append(c)
    stated = {_group(c.category) for c in cands if c.category}
    # a bare plural is a last resort: a stated count of the same harm anywhere in the text overrides it
    return [c for c in out if c.m.vague_word != "bare_plural" or _group(c.category) not in stated]


def _unharmed_antecedent(t: Token, category: str, known: list[Cand]) -> Cand | None:
    """The count a definite mention takes back ("spotted one gunman ... killing the gunman", "identified
    multiple armed men ... killed the men"): the nearest earlier count of the same noun in this or the two
    sentences before, when that count said no harm of its own (a harmed one is the same people again), agrees
    in number, and no count of the same harm stands between them ("three gunmen fired; troops killed one ...
    the gunman killed was a commander")."""
    if not any(ch.dep_ == "det" and ch.lower_ in ("the", "these", "those") for ch in t.children):
        return None
    doc = t.doc
    floor = t.sent.start
    for _ in range(2):
        if floor > 0:
            floor = doc[floor - 1].sent.start
    lemma = t.lemma_.lower()
    earlier = [c for c in known if floor <= c.m.first < t.i and c.noun is not None and c.noun.lemma_.lower() == lemma]
    if not earlier:
        return None
    ante = max(earlier, key=lambda c: c.m.first)
    if ante.category is not None or not ante.person or ante.m.high is not None:
        return None
    if (t.tag_ in ("NNS", "NNPS")) != (ante.noun is not None and ante.noun.tag_ in ("NNS", "NNPS")):
        return None  # "a group of three gunmen ... the gunman": one of them, not the three
    if any(ante.m.first < c.m.first < t.i and _group(c.category) == _group(category) for c in known):
        return None
    return ante if ante.m.value or ante.m.vague_word else None


def _noun_patients(n: Token) -> list[Token]:
    """ "the arrest of a commander", "Umar's death": who the harm noun happened to."""
    out = [ch for ch in n.children if ch.dep_ == "poss" and ch.pos_ == "PROPN"]
    for ch in n.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            out += [g for g in ch.children if g.dep_ == "pobj"]
    return out


def _record(t: Token) -> bool:
    """A harm in a person's record, not an incident: "responsible for kidnapping civilians",
    "involved in the killing of a judge", "linked to attacks that killed villagers"."""
    k = t
    for _ in range(4):
        if k.head.i == k.i:
            return False
        k = k.head
        if k.lemma_.lower() in _RECORD_HEADS:
            return True
    return False


def _counted_tokens(cands: list[Cand]) -> set[int]:
    """Tokens a stated count already covers: its number words and its noun."""
    ids: set[int] = set()
    for c in cands:
        ids.update(range(c.m.first, c.m.last + 1))
        if c.noun is not None:
            ids.add(c.noun.i)
    return ids


def _irrealis(v: Token) -> bool:
    """ "planned to kill", "could be detained", "was not injured", "responsible for kidnapping"."""
    for ch in v.children:
        if ch.dep_ == "neg" or (ch.dep_ == "aux" and (ch.tag_ == "MD" or ch.lower_ == "to")):
            return True
    while v.dep_ == "conj" and v.tag_ == "VBG" and v.head.tag_ == "VBG":
        v = v.head  # "on capturing and killing": the second gerund shares the first one's frame
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in IRREALIS_HEADS:
        return True
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ in ("for", "in", "of"):
        return True  # a record, not an incident: "known for abducting", "involved in killing", "accused of"
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ == "on" and v.head.head.lemma_.lower() in AIM_HEADS:
        return True  # an aim, not a deed: "focused their efforts on capturing and killing leaders"
    return v.dep_ in ("amod", "compound")


def _patients(v: Token) -> list[tuple[Token, str]]:
    """Who the verb happens to, with the role the lexicon keys on."""
    passive = any(ch.dep_ == "auxpass" for ch in v.children)
    out: list[tuple[Token, str]] = []
    for ch in v.children:
        if ch.dep_ == "nsubjpass" or (ch.dep_ == "nsubj" and passive):
            out.append((ch, "passive"))
        elif ch.dep_ == "dobj":
            out.append((ch, "object"))
        elif ch.dep_ == "nsubj":
            out.append((ch, "subject"))
    if v.dep_ == "conj" and not out and v.head.pos_ in ("VERB", "AUX"):
        # "the leader and two associates were identified and detained": the first verb's subject
        head_passive = any(ch.dep_ == "auxpass" for ch in v.head.children)
        for ch in v.head.children:
            if ch.dep_ in ("nsubjpass", "nsubj"):
                out.append((ch, "passive" if head_passive or ch.dep_ == "nsubjpass" else "subject"))
    if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN"):
        out.append((v.head, "passive"))  # "an insurgent killed in the strike"
    resolved = []
    for t, role in out:
        if t.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
            t = v.head  # "a guard who was wounded": the relative pronoun stands for the guard
        resolved.append((t, role))
    return resolved


def _people(t: Token) -> list[Token]:
    """The patient and the people coordinated with it ("a leader and his deputy"); a plural joined to
    a counted plural shares its number ("more than 25 leaders and facilitators")."""
    counted_plural = t.tag_ in ("NNS", "NNPS") and any(ch.dep_ == "nummod" for ch in t.children)
    return [t, *(c for c in t.conjuncts if c.i > t.i and not (counted_plural and c.tag_ in ("NNS", "NNPS")))]


def _implied(doc: Doc, t: Token, category: str, verb: Token, known: list[Cand]) -> Cand | None:
    if t.lower_ in _PERSONAL and not _earlier_in(known, verb, category):
        m = _mention(t, 1, "implied", None)  # "the force engaged him, killing him": one person, not yet counted
        c = Cand(m, noun=t, category=category, harm=verb, person=True)
        c.quote = _quote(doc, t, verb)
        return c
    if t.lower_ == "another" and t.dep_ in ("dobj", "nsubjpass"):
        m = _mention(t, 1, "implied", None)  # "killed one facilitator and captured another"
        c = Cand(m, noun=t, category=category, harm=verb, person=True)
        c.quote = _quote(doc, t, verb)
        return c
    if t.lower_ in ("them", "they") and t.tag_ == "PRP":
        return _same_people(doc, t, category, verb, known)
    if t.tag_ in _PRONOUN_TAGS or t.like_num or t.lemma_.lower() == "other":
        return None
    dets = {ch.lower_ for ch in t.children if ch.dep_ in ("det", "poss", "predet")}
    if t.pos_ == "PROPN" and t.ent_type_ != "PERSON" and people_entry(t) is None and dets & {"a", "an"}:
        inner = _person_after_of(t)  # "an Islamic Movement of Uzbekistan facilitator": the NP ends in a person
        if inner is None:
            return None
        t = inner
    if dets & _NO_DETERMINERS or any(
        ch.dep_ == "nummod" or (ch.like_num and ch.dep_ not in ("conj", "appos", "cc")) for ch in t.children
    ):
        return None
    named = t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
    entry = people_entry(t)
    if entry is None and not named:
        return None
    plural = t.tag_ in ("NNS", "NNPS") and not named
    if plural:
        if dets & _BACK_POINTING or t.lemma_.lower() in _TOO_GENERAL or t.lower_ in _TOO_GENERAL:
            return None
        m = _mention(t, None, "vague", "bare_plural")
    else:
        m = _mention(t, 1, "implied", None)
    c = Cand(m, noun=t, category=category, harm=verb, person=True, subgroup=entry or None)
    c.quote = _quote(doc, t, verb)
    return c


def _person_after_of(t: Token) -> Token | None:
    for ch in t.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for g in ch.children:
                if g.dep_ == "pobj" and g.tag_ == "NN" and people_entry(g) is not None:
                    return g
    return None


def _same_people(doc: Doc, t: Token, category: str, verb: Token, known: list[Cand]) -> Cand | None:
    """ "found three wounded insurgents ... before detaining them": "them" takes the nearest earlier
    count of harmed people in this or the previous sentence, and the figure restates it in the new
    category (people not yet said to be harmed are left alone: the pronoun may join another count)."""
    sent_start = t.sent.start
    floor = doc[sent_start - 1].sent.start if sent_start > 0 else 0
    earlier = [
        c
        for c in known
        if floor <= c.m.first < t.i
        and c.person
        and c.category is not None
        and c.noun is not None
        and c.noun.tag_ in ("NNS", "NNPS")
        and c.m.value
    ]
    if not earlier:
        return None
    ante = max(earlier, key=lambda c: c.m.first)
    if _group(ante.category) == _group(category):
        return None  # the same people, harmed the same way: already counted
    m = _mention(t, ante.m.value, ante.m.qualifier, None)
    c = Cand(m, noun=t, category=category, harm=verb, person=True, subgroup=ante.subgroup)
    c.quote = _quote(doc, t, verb)
    return c


def _mention(t: Token, value: int | None, qualifier: str, word: str | None) -> NumberMention:
    return NumberMention(
        start=t.idx,
        end=t.idx + len(t.text),
        first=t.i,
        last=t.i,
        root=t.i,
        value=value,
        low=None,
        high=None,
        qualifier=qualifier,
        vague_word=word,
    )


def _quote(doc: Doc, t: Token, verb: Token) -> tuple[int, int]:
    """The verb and the noun phrase up to its head noun: "killed the Taliban leader"."""
    left = min((ch.i for ch in t.lefts), default=t.i)
    first, last = min(left, verb.i), max(t.i, verb.i)
    if last - first > 14:  # far apart: quote the noun phrase alone
        first, last = left, t.i
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _group(category: str | None) -> str | None:
    """Capture and detention are one custody: "captured a leader ... detained the leader"."""
    return _CUSTODY.get(category or "", category)


def _earlier_in(known: list[Cand], t: Token, category: str) -> bool:
    """Is a figure of this category (or custody) already stated before ``t``? (pronoun patients)"""
    return any(c.m.first < t.i and _group(c.category) == _group(category) for c in known)


def _repeats(c: Cand, earlier: list[Cand]) -> bool:
    """ "An insurgent was killed ... the insurgent was killed", "killing Qari X ... Qari X was killed":
    a definite or named mention of people already counted points back at them."""
    if c.noun is None or c.m.qualifier != "implied":
        return False
    group = _group(c.category)
    named = c.noun.ent_type_ == "PERSON"
    if named:
        return any(e.noun is not None and e.noun.ent_type_ == "PERSON" and e.noun.text == c.noun.text for e in earlier)
    if not any(ch.lower_ in ("the", "this", "that") for ch in c.noun.children):
        return False
    # "detained a facilitator ... detained the man": a definite person already harmed the same way
    return any(e.m.first < c.noun.i and _group(e.category) == group for e in earlier)
