"""Which harm a counted group suffered: the verb, participle, noun or toll that applies to it.

Read from the dependency parse first (subject of a passive, object of a
transitive verb, value of a toll), then from short word patterns for
headlines and broken parses ("kills 28", "the toll rose to 43").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcewise.nlp.types import NumberMention

from .lexicon import (
    COPULAS,
    IRREALIS_HEADS,
    MORE_WORDS,
    PARENT_WORDS,
    TOLL_FILLER,
    TOLL_VERBS,
    TRANSPARENT_NOUNS,
    harm_noun,
    harm_participles,
    is_generic,
    lex,
    modifier_subgroup,
    people_entry,
)
from .state import Cand


def find_category(doc: Doc, c: Cand) -> None:
    fate = fate_of(doc, c)
    if fate is not None:  # "the whereabouts of 33 detainees remain unknown": missing, whoever they are
        if says_unknown(fate):
            c.category, c.harm = "missing", fate
        return
    if c.noun is not None and c.partitive is None:
        cat = harm_noun(c.noun)
        if cat:
            if hypothetical_release(c.noun):
                return  # "under the deal, 30 prisoners would be released": a release to come, not a count
            c.category, c.harm = cat, c.noun
            return
    for finder in (participle_near, predicate, count_toll, toll_left, verb_left, relative_harm):
        found = finder(doc, c)
        if found is not None:
            cat, tok = found
            if finder is participle_near and c.noun is not None and c.m.last < tok.i < c.noun.i:
                # "killed nine displaced people": the modifier says what they were, the verb what befell them
                # (a move does not outweigh it: "208 wounded people were evacuated" are injured)
                done = predicate(doc, c)
                if done is not None and done[0] not in (cat, "displaced"):
                    cat, tok = done
            if finder is count_toll and c.noun is None:
                c.subgroup = c.subgroup or group_of(tok)
            if is_mixed(tok, cat):
                c.mixed = True
                return
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in IRREALIS_HEADS:
                return  # "two men attempted to flee", "gunmen tried to kidnap 20 pupils": not done
            c.category, c.harm = cat, tok
            return
    if c.partitive == "noun" and c.noun is not None and harm_noun(c.noun):
        head = anchor(doc, c).head
        if head.lemma_ in COPULAS:
            c.category, c.harm = harm_noun(c.noun), c.noun


def verbless(t: Token) -> bool:
    """Does no verb govern the token? Then a participle hung on it is the sentence's only verb."""
    return not any(a.pos_ in ("VERB", "AUX") for a in t.ancestors)


def relative_harm(doc: Doc, c: Cand) -> tuple[str, Token] | None:
    """ "counted 860 households (about 5,000 people) who had been forced from their homes": when nothing else
    names a harm, a relative clause on the counted noun (or on its bracketed restatement) says what befell them."""
    if c.noun is None or c.partitive is not None:
        return None
    heads = [c.noun] + [ch for ch in c.noun.children if ch.dep_ == "appos"]
    for h in heads:
        for ch in h.children:
            if ch.dep_ == "relcl" and ch.pos_ == "VERB" and ch.i > c.noun.i:
                role = "passive" if any(x.dep_ == "auxpass" for x in ch.children) else "subject"
                found = verb_category(ch, role, lex()[0]["verbs"])
                if found is not None:
                    return found
    return None


RELEASE_VERBS = frozenset({"free", "release", "exchange", "swap", "return", "repatriate", "hand"})
PERMIT_VERBS = frozenset({"allow", "let", "permit"})
MODALS = frozenset({"would", "could", "will", "may", "might", "shall", "should", "'ll", "'d"})


def hypothetical_release(noun: Token) -> bool:
    """Held people a modal verb says would, could or will be freed or exchanged ("12 detainees will be
    freed", "the truce would allow 50 hostages to go home")."""
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in PERMIT_VERBS:
        head = head.head  # "would allow 50 hostages to go home", parsed with the hostages going
    lemma = head.lemma_.lower()
    if lemma in PERMIT_VERBS:
        if not any(
            x.dep_ in ("xcomp", "ccomp") and x.lemma_.lower() in RELEASE_VERBS | {"go", "leave"} for x in head.children
        ):
            return False
    elif lemma not in RELEASE_VERBS and not (lemma == "set" and any(ch.lower_ == "free" for ch in head.children)):
        return False
    return any(ch.dep_ == "aux" and ch.lower_ in MODALS for ch in head.children)


def participle_near(doc: Doc, c: Cand) -> tuple[str, Token] | None:
    """ "613 people killed", "34 civilians severely wounded", "208 wounded people", "61 wounded"."""
    m = c.m
    sent = doc[m.last].sent
    start = (c.noun.i if c.noun is not None and c.partitive is None else m.last) + 1
    for k in range(start, min(start + 3, sent.end)):
        t = doc[k]
        cat = harm_participles().get(t.lower_)
        # "6 soldiers killed, 11 injured": the parser may make the 11 an apposition of the first subject
        listed = k == m.last + 1 and doc[m.root].dep_ == "appos"
        if cat and t.tag_ in ("VBN", "JJ", "VBD", "NN", "NNS") and (listed or not has_own_subject(t, m, c.noun)):
            return cat, t
        if t.pos_ != "ADV":
            break
    end = c.noun.i if c.noun is not None else m.last + 1
    for k in range(m.last + 1, end):
        cat = harm_participles().get(doc[k].lower_)
        if cat:
            return cat, doc[k]
    return None


def predicate(doc: Doc, c: Cand) -> tuple[str, Token] | None:
    """The harm verb whose subject or object the counted people are, from the parse."""
    harm, _ = lex()
    verbs = harm["verbs"]
    t = anchor(doc, c)
    for ch in t.children:  # "two suspects taken into custody": the noun's own reduced relative says its fate
        if ch.dep_ == "acl" and ch.tag_ == "VBN":
            found = verb_category(ch, "passive", verbs)
            if found is None and verbless(t) and not any(x.lower_ in ("only", "just") for x in t.subtree if x.i < t.i):
                found = verb_category(ch, "subject", verbs)  # the only verb: "the last six families left"
            if found is not None:
                return found
    gerund = _being_done(t)
    if gerund is not None:  # "resulted in six men being killed": the parser hangs the verb elsewhere
        found = verb_category(gerund, "passive", verbs)
        if found is not None:
            return found
    seen = 0
    while t.dep_ in ("conj", "appos") and t.head.i != t.i and seen < 6:
        t = t.head
        seen += 1
    if c.m.first <= t.head.i <= c.m.last and t.head.i != t.i:
        t = t.head  # "Between 120 and 150 fighters": the parser hangs the noun off "Between"
    dep, head = t.dep_, t.head
    if (
        dep in ("nsubj", "nsubjpass")
        and head.pos_ == "AUX"
        and head.dep_ in ("aux", "auxpass")
        and head.head.i != head.i
    ):
        # "34 civilians, 16 of them women, were severely wounded": the parser hangs the subject on "were"
        dep, head = ("nsubjpass" if head.dep_ == "auxpass" else dep), head.head
    fate = fate_of(doc, c)
    if fate is not None:
        return ("missing", fate) if says_unknown(fate) else None
    if dep in ("nsubjpass", "nsubj", "attr") and head.lemma_ in COPULAS:
        among = among_harmed(head)  # "among the dead were 5 children", "3 medics are among the wounded"
        if among is not None:
            return among
    if dep == "nsubj" and head.lower_ in harm_participles() and head.tag_ in ("VBG", "VBN"):
        return harm_participles()[head.lower_], head  # "5 of them are still missing" (parsed as a verb)
    if dep in ("nsubjpass", "nsubj"):
        role = "subject" if dep == "nsubj" else "passive"
        found = verb_category(head, role, verbs)
        for other in shared_subject_verbs(head):  # "were identified and detained": the subject is shared
            found = found or verb_category(other, role, verbs)
        return found
    if dep in ("dobj", "oprd"):
        found = verb_category(head, "object", verbs)
        if found:
            return found
        return left_with(head)
    if dep == "attr" and head.lemma_ in COPULAS:
        return toll_subject(head)
    if dep == "pobj":
        prep = head
        owner = prep.head
        if prep.lower_ == "of":
            body = harm_noun(owner) if owner.lemma_.lower() in BODY_WORDS or owner.lower_ in BODY_WORDS else None
            if body:
                return body, owner  # "the bodies of 30 men were found"
            if owner.lemma_ in harm["harm_event_nouns"] and owner.lemma_ not in FATE_WORDS:
                return harm["harm_event_nouns"][owner.lemma_], owner
            if owner.lemma_ in FATE_WORDS and says_unknown(owner):
                return "missing", owner
            toll = toll_noun(owner)
            if toll:
                return toll, owner
        if prep.lower_ == "with" and prep.i > 0 and doc[prep.i - 1].lower_ in ("along", "together"):
            verb = next((a for a in prep.ancestors if a.pos_ == "VERB"), None)  # "captured X along with N Y"
            if verb is not None:
                passive = any(ch.dep_ == "auxpass" for ch in verb.children)
                return verb_category(verb, "passive" if passive else "object", verbs)
        if prep.lower_ in ("to", "at") and prep.i > 0:
            before = doc[prep.i - 1]  # "deaths to 8,215 and injuries to 19,730": the nearest toll
            toll = toll_noun(before) if before.pos_ in ("NOUN", "PROPN") else None
            if toll:
                return toll, before
        if prep.lower_ in ("to", "at", "of", "by"):
            return toll_subject(owner)
    if dep in ("prep", "npadvmod", "nmod", "dep") and head.pos_ == "VERB":
        # a parse the rules above do not name: the side of the verb tells the role
        role = "object" if t.i > head.i else "subject"
        return verb_category(head, role, verbs)
    return None


def _being_done(t: Token) -> Token | None:
    """The passive gerund right after the counted noun ("six men being killed"), if there is one."""
    doc = t.doc
    k = t.i + 1
    if k + 1 >= t.sent.end or doc[k].lower_ != "being":
        return None
    k += 1
    while k < t.sent.end - 1 and doc[k].pos_ == "ADV":
        k += 1
    verb = doc[k]
    return verb if verb.tag_ == "VBN" and doc[t.i + 1].head.i == verb.i else None


def shared_subject_verbs(v: Token) -> list[Token]:
    """Verbs coordinated with ``v`` that have no subject of their own ("were shot and killed")."""
    return [c for c in v.conjuncts if c.i > v.i and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in c.children)]


def among_harmed(copula: Token) -> tuple[str, Token] | None:
    """The copula's "among the dead / wounded / missing" phrase, if it has one; also a harm noun ("among
    the martyrs", "among the hostages") and people a participle or clause describes ("among those killed",
    "among the people abducted", "among those who died")."""
    for ch in copula.children:
        if ch.dep_ == "prep" and ch.lower_ == "among":
            for g in ch.children:
                if g.dep_ != "pobj":
                    continue
                cat = harm_participles().get(g.lower_) or harm_noun(g)
                if cat:
                    return cat, g
                found = described_harm(g)
                if found is not None:
                    return found
    return None


def described_harm(g: Token) -> tuple[str, Token] | None:
    """ "those killed", "the people abducted", "those who died": the harm a participle or relative clause
    gives the people it describes."""
    if g.lower_ not in ("those", "people", "persons") and people_entry(g) is None:
        return None
    for ch in g.children:
        if ch.dep_ in ("acl", "amod") and ch.lower_ in harm_participles():
            return harm_participles()[ch.lower_], ch
        if ch.dep_ == "relcl" and ch.pos_ == "VERB":
            role = "passive" if any(x.dep_ == "auxpass" for x in ch.children) else "subject"
            found = verb_category(ch, role, lex()[0]["verbs"])
            if found is not None:
                return found
    return None


FATE_WORDS = frozenset({"fate", "whereabouts"})


def fate_of(doc: Doc, c: Cand) -> Token | None:
    """ "the fate of 150 of them": the "fate" token the quantity depends on, if any."""
    root = doc[c.m.root]
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in FATE_WORDS:
        return root.head.head
    k = c.m.first - 1
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lemma_ in FATE_WORDS:
        return doc[k - 1]
    return None


def anchor(doc: Doc, c: Cand) -> Token:
    """The token that stands for the counted people in the parse."""
    root = doc[c.m.root]
    if c.noun is not None and c.partitive is None:
        t = c.noun
        if t.dep_ == "pobj" and t.head.lower_ == "of" and c.m.first <= t.head.head.i <= c.m.last:
            t = root  # "dozens of villagers were killed": the parser makes "dozens" the head
    elif c.partitive and root.dep_ == "pobj" and root.head.lower_ == "of":
        t = root.head.head
    else:
        t = root
        if t.dep_ == "nummod" and t.head.lower_ in MORE_WORDS:
            t = t.head  # "the killing of two more": "more" stands for the people in the parse
    for _ in range(3):  # "a total of nine residents died": the count stands in for "total"
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in TRANSPARENT_NOUNS:
            t = t.head.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in WHOLE_WORDS:
            t = t.head.head  # "all of the hamlet's 500 families fled": all of them did
        else:
            break
    return t


def verb_category(v: Token, role: str, verbs: dict) -> tuple[str, Token] | None:
    """Category of a verb for the role the counted people play; follows xcomp ("known to have been
    murdered") and reads phrasal forms ("taken hostage", "wiped out", "lost both parents")."""
    for cand, cand_role in verb_chain(v, role):
        if cand.lemma_.lower() in STATUS_VERBS and cand_role == "passive":
            for ch in cand.children:  # "are feared dead", "were reported missing", "was found dead"
                if ch.dep_ in ("acomp", "oprd", "xcomp", "attr"):
                    cat = harm_participles().get(ch.lower_)
                    if cat:
                        return cat, ch
                if ch.dep_ == "prep" and ch.lower_ == "as":  # "are listed as missing"
                    for g in ch.children:
                        cat = harm_participles().get(g.lower_)
                        if cat:
                            return cat, g
        if cand.lemma_ in COPULAS and cand_role == "subject":
            for ch in cand.children:
                if ch.dep_ in ("acomp", "attr", "oprd"):
                    cat = harm_participles().get(ch.lower_)
                    if cat:
                        return cat, ch
            for key in verb_keys(cand):  # "remain in captivity", "are in custody"
                entry = verbs.get(key) if " " in key else None
                if entry and entry.get(cand_role):
                    return entry[cand_role], cand
            continue
        for key in verb_keys(cand):
            entry = verbs.get(key)
            if entry and entry.get(cand_role):
                return entry[cand_role], cand
    return None


def verb_chain(v: Token, role: str) -> list[tuple[Token, str]]:
    """The verb and its open complements; the object of "forced 500 people to flee" is the subject
    of "flee" (object control), the subject of "are known to have been killed" that of "killed"."""
    chain = [(v, voice(v, role))]
    for ch in v.children:
        if ch.dep_ == "xcomp" and ch.pos_ in ("VERB", "AUX", "ADJ"):
            chain.append((ch, voice(ch, "subject")))
    return chain


def voice(v: Token, role: str) -> str:
    if role == "object":
        return "object"
    if role == "passive" or any(ch.dep_ == "auxpass" for ch in v.children):
        return "passive"
    return "subject"


# "taken to hospital", "taken into care", "taken for questioning": being taken somewhere is not a seizure
TAKEN_SOMEWHERE = {"to", "into", "for", "as", "off", "over", "under", "out", "away", "back", "up", "onto", "toward"}


BODY_WORDS = frozenset({"body", "corpse", "remains"})

# verbs that state a status of people: "feared dead", "reported missing", "presumed killed"
STATUS_VERBS = {"fear", "presume", "believe", "confirm", "report", "declare", "pronounce", "find", "list", "leave"}


def verb_keys(v: Token) -> list[str]:
    """ "wipe out", "take hostage", "lose parent", "sustain wound", then the plain lemma."""
    lemma = v.lemma_.lower()
    keys = []
    for ch in v.children:
        if ch.dep_ == "prt":
            keys.append(f"{lemma} {ch.lower_}")
        if ch.dep_ in ("dobj", "oprd", "acomp", "advmod", "attr", "npadvmod", "prep"):
            keys.append(f"{lemma} {ch.lemma_.lower()}")
            if ch.dep_ in ("acomp", "oprd") and ch.lower_ != ch.lemma_.lower():
                keys.append(f"{lemma} {ch.lower_}")  # "went missing" (the tagger reads "miss")
            if ch.dep_ == "prep":
                for g in ch.children:
                    if g.dep_ == "pobj":
                        keys.append(f"{lemma} {ch.lower_} {g.lemma_.lower()}")
    if lemma == "shoot" and any(ch.lower_ == "dead" for ch in v.children):
        keys.append("shoot dead")
    if (
        lemma in ("see", "hear")
        and any(ch.dep_ == "neg" for ch in v.children)
        and any(ch.lower_ in ("again", "since") for ch in v.subtree)
    ):
        keys.append(f"never {lemma} again")  # "were never seen again", "have not been heard from since"
    if lemma in ("leave", "abandon", "desert"):
        for ch in v.children:
            if ch.dep_ == "dobj" and is_place(ch):
                keys.append("leave place")  # "have left the town", "left their homes", "abandoned the village"
        if lemma == "leave" and not any(ch.dep_ == "dobj" for ch in v.children):
            subjects = [ch for ch in v.children if ch.dep_ == "nsubj"]
            if v.dep_ == "acl" and verbless(v.head):
                subjects.append(v.head)  # the parser hangs the only verb on its subject: "the last families left"
            if any(x.lemma_.lower() in HOUSEHOLD_NOUNS for x in subjects):
                keys.append("leave place")  # "the last eight families left": a household that leaves is uprooted
    if lemma == "lose":
        for ch in v.children:
            if ch.dep_ != "dobj":
                continue
            if any(g.lower_ in PARENT_WORDS for g in ch.subtree):  # "both parents", "one of their parents"
                keys.append("lose parent")
            if ch.lemma_ in ("life", "lives"):
                keys.append("lose life")
            elif ch.lemma_.lower() not in PARENT_WORDS and people_entry(ch) is not None:
                keys.append("lose person")  # "the battalion lost 40 men": soldiers lost are dead
        return keys  # "lost one of their parents": losing is not harm on its own
    if lemma == "take" and any(
        ch.dep_ in ("prt", "acomp", "oprd", "dobj", "xcomp") or (ch.dep_ == "prep" and ch.lower_ in TAKEN_SOMEWHERE)
        for ch in v.children
    ):
        return keys  # "taken to hospital", "taken away for questioning", "taken ill": not on its own a seizure
    keys.append(lemma)
    return keys


HOUSEHOLD_NOUNS = frozenset({"family", "household"})
# words that stand for every one of the counted people: "all of the 500 families", "both of the two men"
WHOLE_WORDS = frozenset({"all", "both", "each"})

PLACE_NOUNS = frozenset(
    {
        "town",
        "city",
        "village",
        "country",
        "area",
        "region",
        "home",
        "house",
        "camp",
        "district",
        "province",
        "enclave",
        "strip",
        "neighbourhood",
        "neighborhood",
        "zone",
        "territory",
        "capital",
        "valley",
        "suburb",
        "settlement",
        "island",
        "homeland",
        "state",
    }
)


def is_place(t: Token) -> bool:
    """A place one can flee: a place noun ("the town", "their homes") or a name that is not an
    organisation or a people ("left Avdiivka"; the NER often takes small towns for persons)."""
    if t.lemma_.lower() in PLACE_NOUNS:
        return True
    return t.pos_ == "PROPN" and t.ent_type_ not in ("ORG", "NORP") and people_entry(t) is None


def left_with(v: Token) -> tuple[str, Token] | None:
    """ "left over a hundred injured", "left 3 dead"."""
    if v.lemma_ != "leave":
        return None
    for ch in v.subtree:
        cat = harm_participles().get(ch.lower_)
        if cat and ch.i > v.i:
            return cat, ch
    return None


def toll_subject(v: Token) -> tuple[str, Token] | None:
    """The number is the value a toll takes: "the death toll rose to 43", "the toll is 613"."""
    if v.lemma_ not in TOLL_VERBS and v.pos_ not in ("NOUN",):
        return None
    for ch in v.children:
        if ch.dep_ in ("nsubj", "nsubjpass", "dobj"):
            cat = toll_noun(ch)
            if cat:
                return cat, ch
    return None


def toll_noun(t: Token) -> str | None:
    harm, _ = lex()
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


COUNT_NOUNS = frozenset({"number", "total", "tally", "count", "figure"})
VALUE_BEFORE = frozenset({"to", "at", "reach", "pass", "exceed", "top", "hit", "surpass", "be", "near", "approach"})


def count_toll(doc: Doc, c: Cand) -> tuple[str, Token] | None:
    """ "the number of nurses killed since spring to 44", "the number of villagers who escaped passed
    12,500", "the number of displaced people has reached 250,000": the count is the value of a number of
    harmed people (the harm read from the people's own participle or relative clause)."""
    if c.noun is not None:
        return None
    k = first_token(doc, c) - 1
    sent_start = doc[c.m.first].sent.start
    if k < sent_start or (doc[k].lower_ not in VALUE_BEFORE and doc[k].lemma_.lower() not in VALUE_BEFORE):
        return None
    for j in range(k - 1, max(sent_start, k - 16) - 1, -1):
        t = doc[j]
        if t.lower_ in (".", ";") or (t.like_num and t.ent_type_ != "DATE"):
            return None  # another count ends the search; a date does not ("killed since March 2022 to 118")
        if t.lemma_.lower() in COUNT_NOUNS and j + 1 < k and doc[j + 1].lower_ == "of":
            found = counted_harm(t)
            return (found[0], t) if found else None
    return None


def counted_harm(t: Token) -> tuple[str, Token] | None:
    """The harm of the people a count noun counts ("number of civilians killed"), as (category, people)."""
    harm, _ = lex()
    verbs = harm["verbs"]
    for of in t.children:
        if of.lower_ != "of":
            continue
        for g in of.children:
            if g.dep_ != "pobj":
                continue
            cat = harm["tolls"].get(g.lemma_.lower()) or harm_noun(g)
            if cat:
                return cat, g  # "the number of deaths", "the number of martyrs"
            if people_entry(g) is None:
                return None
            for x in [*g.children, *(x for x in t.children if x.i > g.i)]:
                if x.dep_ == "amod" and x.lower_ in harm_participles():
                    return harm_participles()[x.lower_], g  # "displaced people"
                if x.dep_ in ("acl", "relcl") and x.pos_ in ("VERB", "ADJ"):
                    role = "passive" if x.dep_ == "acl" and x.tag_ == "VBN" else "subject"
                    found = verb_category(x, role, verbs) or (
                        (harm_participles()[x.lower_], x) if x.lower_ in harm_participles() else None
                    )
                    if found:
                        return found[0], g
    return None


def group_of(count_noun: Token) -> str | None:
    """Subgroup of the people a count noun counts ("the number of health workers killed": medics)."""
    found = counted_harm(count_noun)
    if found is None or found[1].pos_ not in ("NOUN", "PROPN"):
        return None
    entry = people_entry(found[1])
    return (entry or modifier_subgroup(found[1])) if entry is not None else None


AGE_BEFORE = frozenset({"aged", "ages"})
AGE_COMPARATORS = frozenset({"under", "below", "over", "above"})
AGE_AFTER = frozenset({"younger", "older", "under", "over", "above", "below"})


def is_age(doc: Doc, c: Cand) -> bool:
    """An age that describes the counted people, not a count: "children under 14", "aged between 9 and
    13", "men aged 18 to 50", "15 or younger", "the age of 12"."""
    k = first_token(doc, c)
    before = doc[k - 1] if k > 0 else None
    if before is not None and (
        before.lower_ in AGE_BEFORE or (before.lower_ == "of" and k > 1 and doc[k - 2].lower_ == "age")
    ):
        return True
    if (
        c.noun is None
        and doc[k].lower_ in AGE_COMPARATORS
        and before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and people_entry(before) is not None
    ):
        return True  # "children under 14": the comparator belongs to the people before it
    after = c.m.last + 1
    return (
        after + 1 < len(doc)
        and doc[after].lower_ in ("or", "and")
        and doc[after + 1].lower_ in AGE_AFTER
        and c.noun is None
    )


def first_token(doc: Doc, c: Cand) -> int:
    """The first token of the quantity with its qualifier ("at least 5" starts at "at")."""
    k = c.m.first
    while k > 0 and doc[k - 1].idx >= c.m.start:
        k -= 1
    return k


def toll_left(doc: Doc, c: Cand) -> tuple[str, Token] | None:
    """Word-pattern fallback: "<toll> rose to N", "injuries to N", "the death toll was nearing N"."""
    if c.noun is not None and c.partitive is None and not is_generic(c.noun):
        return None
    k = doc[c.m.first].i - 1
    sent_start = doc[c.m.first].sent.start
    steps = 0
    while k >= sent_start and steps < 5:
        t = doc[k]
        cat = toll_noun(t)
        if cat and t.pos_ in ("NOUN", "PROPN"):
            return cat, t
        if t.lower_ not in TOLL_FILLER:
            return None
        k -= 1
        steps += 1
    return None


def verb_left(doc: Doc, c: Cand) -> tuple[str, Token] | None:
    """Headline fallback: "kills 28", "killing two", "wounded over 400", "injured nearly 200" (the verb
    stands before the qualifier, which the parser often takes for the object)."""
    harm, _ = lex()
    k = first_token(doc, c) - 1
    if k < doc[c.m.first].sent.start:
        return None
    t = doc[k]
    if t.pos_ in ("VERB", "NOUN", "PROPN") and t.tag_ in ("VBZ", "VBD", "VBG", "VBP", "NNS", "VB"):
        entry = harm["verbs"].get(t.lemma_.lower()) or harm["verbs"].get(naive_lemma(t.lower_))
        if entry and entry.get("object"):
            return entry["object"], t
    return None


def naive_lemma(word: str) -> str:
    for suffix, repl in (("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + repl
    return word


def is_mixed(tok: Token, cat: str) -> bool:
    """ "killed or injured", "dead and wounded": one count for two categories is a casualty count."""
    for other in [*tok.conjuncts]:
        other_cat = harm_participles().get(other.lower_) or harm_noun(other) or complement_harm(other)
        if other_cat and other_cat != cat and not has_own_count(other) and abs(other.i - tok.i) <= 3:
            return True
    return False


def complement_harm(v: Token) -> str | None:
    """ "went missing", "fell ill": the harm a verb's complement states."""
    for ch in v.children:
        if (ch.dep_ in ("acomp", "oprd", "xcomp") or (ch.dep_ == "advcl" and ch.pos_ == "ADJ")) and (
            ch.lower_ in harm_participles()
        ):
            return harm_participles()[ch.lower_]
    return None


_FURTHER_PEOPLE = frozenset({"another", "others", "more", "several", "many", "some", "dozens", "scores"})


def has_own_count(t: Token) -> bool:
    """Does a coordinated harm word have people of its own: a passive subject ("8 were injured"), or a count
    as subject or object ("and injured 8"), or a subject of its own ("and another wounded")? A shared agent
    ("attacks killed or injured 400") is not."""
    for ch in t.children:
        if ch.dep_ == "nsubjpass":
            return True
        if ch.dep_ in ("nsubj", "det") and ch.lower_ in _FURTHER_PEOPLE:  # "and another (was) wounded"
            return True
        if ch.dep_ in ("nsubj", "dobj", "attr", "nummod") and (ch.like_num or any(g.like_num for g in ch.children)):
            return True
    return False


def has_own_subject(t: Token, m: NumberMention | None, noun: Token | None) -> bool:
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


def says_unknown(fate: Token) -> bool:
    """ "the fate of 150 of them remains unknown"."""
    verb = fate.head
    return any(ch.lower_ in ("unknown", "unclear", "unaccounted") for ch in verb.subtree if ch.i > fate.i)
