"""Links between figures of one passage: "including", "N of them", coordination, topic.

A figure with no harm word of its own takes the category (and sometimes the
noun and qualifier) of the figure it is tied to, and parts point at wholes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .category import anchor, described_harm, first_token, toll_noun
from .lexicon import COPULAS, MORE_WORDS, PARTITIVE_PRONOUNS, harm_participles, lex, people_entry, tokens_with_lower
from .nouns import partitive_subgroup
from .state import Cand

INCLUDE_WORDS = frozenset({"including", "include", "includes", "included"})


def link_including(doc: Doc, cands: list[Cand]) -> None:
    """ "240 killed, including 38 women": the listed figures are part of the total, in its category.

    Works both ways round ("38 women, 21 children and 15 elderly, including 240 people killed"):
    the side whose sum fits inside the other's single figure is the part.
    """
    for p in tokens_with_lower(doc, INCLUDE_WORDS):
        objs = [ch for ch in p.children if ch.dep_ in ("pobj", "dobj")]
        if not objs:
            continue
        if p.dep_ == "ROOT" and not any(ch.dep_ == "nsubj" and ch.lower_ in harm_participles() for ch in p.children):
            continue
        obj_side = cands_in(cands, {t.i for o in objs for t in [o, *o.conjuncts]})
        obj_side += list_tail(doc, cands, obj_side)
        head = p.head
        head_tokens = {head.i, *(t.i for t in head.conjuncts)}
        head_side = [c for c in cands_in(cands, head_tokens) if c not in obj_side]
        if not head_side:
            head_side = [c for c in cands if c.harm is not None and c.harm.i == head.i and c not in obj_side]
        if not head_side and p.pos_ == "VERB":
            harmed = next((ch for ch in p.children if ch.dep_ == "nsubj" and ch.lower_ in harm_participles()), None)
            if harmed is not None:  # "the dead included 4 journalists": the list is of the harmed
                for c in obj_side:
                    if c.category is None:
                        c.category, c.harm = harm_participles()[harmed.lower_], harmed
                continue
        if not head_side:
            head_side = nearest_before(doc, cands, p, obj_side)
        if not head_side or not obj_side:
            continue
        join(cands, head_side, obj_side)


AMONG_PRONOUNS = frozenset({"them", "whom", "those", "these"})
AMONG_FILLER = frozenset({",", "were", "are", "was", "is", "including"})


def link_among(doc: Doc, cands: list[Cand]) -> None:
    """ "killed 40 people, among them 4 aid workers", "were arrested, among whom 3 students": the count after
    "among them/whom" is a part of the count it follows, in its category (unless it has a harm of its own)."""
    for i, c in enumerate(cands):
        if c.infobox or c.parent is not None:
            continue
        k = first_token(doc, c) - 1
        for _ in range(2):
            if k > 0 and doc[k].lower_ in AMONG_FILLER:
                k -= 1
        if k < 1 or doc[k].lower_ not in AMONG_PRONOUNS or doc[k - 1].lower_ != "among":
            continue
        whole = whole_before(doc, cands, i, doc[k - 1])
        if whole is None:
            continue
        if c.category is not None and c.category != whole.category and own_clause(c):
            continue  # "among them, 4 were later killed"
        c.category, c.harm, c.borrowed = whole.category, whole.harm, True
        if fits(c, whole):
            c.parent = whole


FRAME_STARTS = frozenset({"of", "among"})
FRAME_END = frozenset({",", ":", "were", "was", "are", "is", "included", "include", "includes"})


def link_frames(doc: Doc, cands: list[Cand]) -> None:
    """ "Of those killed, 14 were children and nine were women", "Among those detained were 6 lawyers",
    "Of the 30 people wounded, 12 were soldiers": a sentence opened by a group of the harmed gives its harm
    to the counts that only say who they were (a copula or no verb of their own); a count inside the
    opening phrase is their whole. Counts with a verb of their own ("20 have been released") keep it."""
    for sent_start in {line_start(doc, c.m.first) for c in cands}:
        first = doc[sent_start]
        if first.lower_ not in FRAME_STARTS:
            continue
        sent_end = line_end(doc, sent_start)
        end = sent_start + 1
        while end < min(sent_start + 9, sent_end) and doc[end].lower_ not in FRAME_END:
            end += 1
        if end >= sent_end or doc[end].lower_ not in FRAME_END:
            continue
        harmed = next(
            (t for t in doc[sent_start + 1 : end] if t.lower_ in harm_participles() and t.tag_ in HARMED_TAGS), None
        )
        if harmed is not None:
            category = harm_participles()[harmed.lower_]
        else:  # "Of those who died, ...": a relative clause says what happened to them
            found = next((f for t in doc[sent_start + 1 : end] if (f := described_harm(t)) is not None), None)
            if found is None:
                continue
            category, harmed = found
        inside = [c for c in cands if sent_start <= c.m.first < end]
        whole = inside[0] if len(inside) == 1 and inside[0].category == category else None
        for c in cands:
            if not (end <= c.m.first < sent_end) or c.category is not None or c.mixed:
                continue
            if (c.noun is not None and not c.person) or not only_says_who(doc, c):
                continue
            c.category, c.harm, c.borrowed = category, harmed, True
            if c.noun is None and c.subgroup is None:
                c.subgroup = partitive_subgroup(doc, c.m.last + 1, sent_end)
            if whole is not None and fits(c, whole):
                c.parent = whole


HARMED_TAGS = frozenset({"VBN", "VBD", "JJ", "NN", "NNS"})


def breaks_line(t: Token) -> bool:
    return "\n" in t.text or "\n" in t.whitespace_


def line_start(doc: Doc, i: int) -> int:
    """First token of token ``i``'s sentence, or of its line when the parser ran a table row above into it
    ("Killed since May: 410" and "Of those killed, ..." on the next line are two sentences)."""
    start = doc[i].sent.start
    k = i
    while k > start and not breaks_line(doc[k - 1]):
        k -= 1
    while k < i and doc[k].is_space:
        k += 1
    return k


def line_end(doc: Doc, start: int) -> int:
    """End of the sentence that starts at ``start``, or of its line if that comes first."""
    end = doc[start].sent.end
    for k in range(start, end):
        if doc[k].is_space and "\n" in doc[k].text:
            return k
        if "\n" in doc[k].whitespace_:
            return k + 1
    return end


def only_says_who(doc: Doc, c: Cand) -> bool:
    """The count's clause has no verb but a copula: "14 were children", "6 lawyers and 2 doctors"."""
    t = doc[c.m.root] if c.noun is None else c.noun
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    return t.lemma_.lower() in COPULAS or t.pos_ not in ("VERB", "AUX")


def own_clause(c: Cand) -> bool:
    """Is the count the subject or object of its harm verb (not merely near it)?"""
    t = c.noun if c.noun is not None else None
    h = c.harm
    return h is not None and t is not None and t.head.i == h.i and t.dep_ in ("nsubj", "nsubjpass", "dobj")


def whole_before(doc: Doc, cands: list[Cand], i: int, marker: Token) -> Cand | None:
    """The nearest earlier count of harmed people that a part marked at ``marker`` belongs to: in the same
    sentence, or in the previous one when the marker opens its sentence ("Among them, ..."). A count of
    things in between ("fought four wars, two of them ...") ends the search."""
    sent = marker.sent
    floor = sent.start
    if marker.i - sent.start <= 3 and sent.start > 0:
        floor = doc[sent.start - 1].sent.start
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.m.first < floor:
            return None
        if p.noun is not None and not p.person:
            return None
        if p.category and not p.mixed and p.parent is None and p.partitive != "pronoun":
            return p
    return None


def list_tail(doc: Doc, cands: list[Cand], listed: list[Cand]) -> list[Cand]:
    """Counts that close a list the parser broke off: in "240 people, including 38 women, 21 children,
    and 15 older people were killed" the 15 is parsed as the verb's subject, yet it is the list's last item."""
    if not listed:
        return []
    last = max(max(c.m.last, c.noun.i if c.noun is not None else 0) for c in listed)
    sent_end = doc[last].sent.end
    k = last + 1
    while k < sent_end and doc[k].is_punct and doc[k].lower_ == ",":
        k += 1
    if k >= sent_end or doc[k].lower_ not in ("and", "or"):
        return []
    return [
        c
        for c in cands
        if c not in listed
        and k < c.m.first <= k + 2
        and c.partitive is None
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[k + 1 : c.m.first])  # "..., and injured 19": a clause
    ]


def nearest_before(doc: Doc, cands: list[Cand], p: Token, listed: list[Cand]) -> list[Cand]:
    """ "scores of civilians were massacred in a town, including 32 children": when the parser hangs
    "including" elsewhere, the list belongs to the nearest count before it in the sentence that has a category."""
    sent_start = p.sent.start
    for c in sorted(cands, key=lambda c: -c.m.first):
        if c in listed or c.m.last >= p.i or c.m.first < sent_start:
            continue
        if c.category is not None and not c.mixed and c.parent is None:
            return [c]
    return []


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
    def size(c: Cand, as_part: bool) -> int:
        if c.m.qualifier == "vague":  # "more than 125 fighters, including numerous leaders": a part can be vague
            return 1 if as_part else 10**9
        return c.m.value if c.m.value is not None else (c.m.high or c.m.low or 0)

    for whole, parts in ((a, b), (b, a)):
        if len(whole) != 1:
            continue
        w = whole[0]
        if sum(size(p, True) for p in parts) <= size(w, False):
            if w.category is None:  # "240 people, including ..., and 15 others were killed": the whole's verb
                cats = {p.category for p in parts if p.category}
                if len(cats) == 1:
                    w.category = cats.pop()
                    w.harm = next(p.harm for p in parts if p.category == w.category)
            for p in parts:
                if p.category is None or p.category == w.category:
                    p.category = p.category or w.category
                    p.harm = p.harm or w.harm
                    p.parent = w
                    if p.noun is None and p.partitive is None:
                        p.subgroup = p.subgroup or w.subgroup  # "11 soldiers, including four from X": soldiers
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


def link_partitives(doc: Doc, cands: list[Cand]) -> None:
    """ "312 were hurt, and 45 of them were children": the 45 is part of the 312, injured."""
    harm, _ = lex()
    for i, c in enumerate(cands):
        if c.partitive != "pronoun":
            continue
        pron = pronoun_after(doc, c)
        if pron is not None and pron.lower_ == "which":
            antecedent = relative_antecedent(pron) or noun_before_of(doc, pron)
            if antecedent is not None and antecedent.lemma_ in harm["harm_event_nouns"]:
                c.category = c.category or harm["harm_event_nouns"][antecedent.lemma_]
                c.harm = c.harm or antecedent
                continue
        parent = whole_before(doc, cands, i, doc[first_token(doc, c)])
        if parent is None:
            continue
        if c.category is None:
            if own_verb(doc, c):
                continue  # "6 of them have since returned home": what the part did, not a harm
            c.category, c.harm = parent.category, parent.harm
        # "abducted 40 schoolgirls; 12 of them are still missing": who they are comes from the antecedent
        # unless the part says it ("20 of them were women"), whatever happened to them since
        c.subgroup = c.subgroup or parent.subgroup
        if c.category == parent.category and fits(c, parent):
            c.parent = parent


# harm nouns that count people, one each ("58 killings" are 58 dead; "40 abductions" may be more people)
ONE_VICTIM_EACH = {"killing", "murder", "execution", "death", "assassination"}


def link_relatives(doc: Doc, cands: list[Cand]) -> None:
    """ "the deaths, of which no fewer than 58 were ...", "150 residents, of whom 33 were children": the count
    before "of which/whom" is the whole (a harm noun gives the category, a counted group the parent)."""
    harm, _ = lex()
    for i, c in enumerate(cands):
        k = c.m.first - 1
        while k > 0 and doc[k].i >= c.m.first - 3 and doc[k].lower_ not in ("which", "whom"):
            k -= 1
        if k < 1 or doc[k].lower_ not in ("which", "whom") or doc[k - 1].lower_ != "of":
            continue
        antecedent = noun_before_of(doc, doc[k])
        if antecedent is None:
            continue
        if c.category is None and antecedent.lemma_ in ONE_VICTIM_EACH:
            c.category, c.harm = harm["harm_event_nouns"][antecedent.lemma_], antecedent
        if c.noun is None and c.subgroup is None:
            c.subgroup = partitive_subgroup(doc, c.m.last + 1, doc[c.m.last].sent.end)
        for p in cands[:i]:
            if p.noun is not None and p.noun.i == antecedent.i and p.category:
                if c.category is None and own_verb(doc, c):
                    break  # "80 men, of whom 12 were released": not a harm
                c.category = c.category or p.category
                c.harm = c.harm or p.harm
                if c.category == p.category and fits(c, p):
                    c.parent = p


def pronoun_after(doc: Doc, c: Cand) -> Token | None:
    for k in range(c.m.last + 1, min(c.m.last + 4, len(doc))):
        if doc[k].lower_ in PARTITIVE_PRONOUNS:
            return doc[k]
    return None


def relative_antecedent(pron: Token) -> Token | None:
    """ "the reported executions, of which some 58 ...": the noun "which" stands for."""
    t = pron
    for _ in range(5):
        if t.dep_ == "relcl":
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def noun_before_of(doc: Doc, pron: Token) -> Token | None:
    """ "those deaths, of which perhaps 58 ...": the noun just before ", of which" (any parse)."""
    k = pron.i - 1
    if k < 1 or doc[k].lower_ != "of":
        return None
    k -= 1
    stop = max(0, k - 4)
    while k > stop and doc[k].pos_ in ("PUNCT", "ADJ", "ADV", "VERB") and doc[k].pos_ != "NOUN":
        k -= 1  # "200 people dead, of whom": skip the predicate and comma back to the noun
    return doc[k] if doc[k].pos_ in ("NOUN", "PROPN") else None


def own_verb(doc: Doc, c: Cand) -> bool:
    """Is the count the subject of a verb of its own, other than a copula ("6 of them returned home")?"""
    t = anchor(doc, c)
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in COPULAS


def fits(part: Cand, whole: Cand) -> bool:
    pv = part.m.value if part.m.value is not None else part.m.high
    wv = whole.m.value if whole.m.value is not None else (whole.m.low or whole.m.high)
    return pv is not None and wv is not None and pv <= wv


def link_coordination(doc: Doc, cands: list[Cand]) -> None:
    """Coordinated figures share what the sentence leaves unsaid.

    "over 17 children and more than 45 adults killed": the 17 died too.
    "at least 29 were blamed on the police and 11 on militias": the 11 is at least 11.
    "killed at least 26 civilians and wounded over 140": the 140 are civilians, and so are the
    "9 others" of "3 civilians were killed and 9 others wounded". A count with a harm of its own
    takes the group of the whole its neighbour belongs to ("killed 8 civilians, including two women,
    and injured 19": civilians, not women), and nothing from a clause with another agent
    ("strikes killed 30 civilians and rockets killed 2").
    """
    for i, c in enumerate(cands):
        for j in range(i - 1, -1, -1):
            p = cands[j]
            if doc[p.m.first].sent.start != doc[c.m.first].sent.start:
                break
            if not p.category or not coordinated(doc, p, c):
                if p.category and j == i - 1 and c.category and elliptic_pair(doc, p, c):
                    c.subgroup = c.subgroup or p.subgroup  # "mourn 7 fallen comrades and pray for our 12 wounded"
                    break
                continue
            own_harm = c.category is not None
            if c.category is None and c.partitive == "pronoun" and own_verb(doc, c):
                break  # "seized 48 villagers and let 30 of them go": the part does something of its own
            if c.category is None and not c.mixed:
                c.category, c.harm = p.category, p.harm
                if c.parent is None and p.parent is not None:
                    c.parent = p.parent
            if own_harm and c.harm is not None and c.harm is not p.harm:
                while p.parent is not None:
                    p = p.parent
                if other_agent(c.harm, p.harm):
                    break
            if (c.noun is None or elliptic_noun(c.noun)) and c.partitive is None:
                c.subgroup = c.subgroup or p.subgroup
                if c.m.qualifier == "exact" and p.m.qualifier in ("at_least", "more_than", "about"):
                    c.m.qualifier = p.m.qualifier
            break


def elliptic_pair(doc: Doc, a: Cand, b: Cand) -> bool:
    """``b`` names no group and follows ``a`` closely in one run of clauses joined by "and"."""
    if b.partitive is not None or b.subgroup or (b.noun is not None and not elliptic_noun(b.noun)):
        return False
    if a.parent is not None or a.noun is None or not a.person:
        return False
    between = doc[max(a.m.last, a.noun.i) + 1 : b.m.first]
    return (
        len(between) <= 8
        and (any(t.lower_ == "and" for t in between) or participle_list(a, b, between))
        and not any(t.lower_ in (".", ";", "but", "while", "whereas", "although") for t in between)
        and not other_agent(a.harm, b.harm)
    )


def participle_list(a: Cand, b: Cand, between: Span) -> bool:
    """ "three civilians dead, 19 wounded": two counts each followed by its own harm word, only a comma
    between them (the headline and summary form of "and"); a longer list may name other people next."""
    if a.harm is None or b.harm is None or b.harm.i != b.m.last + 1:
        return False
    after = b.harm.nbor(1) if b.harm.i + 1 < len(b.harm.doc) else None
    return [t.lower_ for t in between] == [a.harm.lower_, ","] and (
        after is None or after.lower_ not in (",", "and", "or")
    )


def elliptic_noun(t: Token) -> bool:
    """ "12 others", "15 more", "our 12 wounded": a noun that names no group of its own."""
    return (
        t.lemma_.lower() in ("other", "more")
        or t.lower_ in MORE_WORDS
        or (t.lower_ in harm_participles() and people_entry(t) is None)
    )


def other_agent(a: Token | None, b: Token | None) -> bool:
    """Do two harm verbs have different agents ("strikes killed 30 ..., rockets killed 2")?"""
    if a is None or b is None:
        return False
    sa = [ch.lower_ for ch in a.children if ch.dep_ == "nsubj" and not ch.like_num]
    sb = [ch.lower_ for ch in b.children if ch.dep_ == "nsubj" and not ch.like_num]
    return bool(sa and sb and sa != sb)


def coordinated(doc: Doc, a: Cand, b: Cand) -> bool:
    ta, tb = anchor(doc, a), anchor(doc, b)
    if tb in ta.conjuncts or (tb.dep_ == "conj" and tb.head.i == ta.i):
        return True
    if a.harm is not None and b.harm is not None and b.harm in a.harm.conjuncts:
        return True
    if a.harm is not None and tb.dep_ == "conj" and tb.head.i == a.harm.i:
        return True  # "9 children were killed and at least 30 injured": the parser joins the 30 to "killed"
    # "at least 29 were blamed on X and 11 on Y": the parser hangs the 11 off the first clause
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


# verbs that establish who the victims are, not what happened to them: "have yet to be identified"
COUNTING_VERBS = {"identify", "confirm", "name", "count", "record", "document", "verify", "list", "register"}


def link_continuation(doc: Doc, cands: list[Cand]) -> None:
    """ "Over 320 civilians were killed. Another 170 civilians have yet to be identified": a count marked
    as more of the same ("another", "further", "additional") whose clause only counts or names them
    takes the category of the earlier count of the same people, at most two sentences back."""
    for i, c in enumerate(cands):
        if c.category is not None or c.mixed or c.noun is None or not c.person or c.partitive is not None:
            continue
        if not any(doc[k].lower_ in MORE_WORDS for k in range(max(0, c.m.first - 1), c.noun.i)):
            continue
        verb = c.noun.head
        if verb.lemma_.lower() not in COUNTING_VERBS:
            verb = next((x for x in verb.children if x.dep_ == "xcomp"), verb)
        if verb.lemma_.lower() not in COUNTING_VERBS:
            continue
        first_sent = doc[c.m.first].sent.start
        for p in reversed(cands[:i]):
            if p.category is None or p.mixed or p.noun is None:
                continue
            if (
                doc[p.m.first].sent.start < first_sent
                and sum(1 for t in doc[p.m.first : c.m.first] if t.is_sent_start) > 2
            ):
                break
            if p.noun.lemma_ == c.noun.lemma_:
                c.category, c.harm = p.category, p.harm
                break


PREVIOUS_VALUE = (("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"))
ESTIMATE_NOUNS = frozenset({"number", "total", "tally", "count", "figure", "estimate"})
STATE_VERBS = frozenset({"remain", "stay", "lie", "be", "await"})
CUSTODY_VERBS = frozenset({"hold", "keep"})


def link_backrefs(doc: Doc, cands: list[Cand]) -> None:
    """Counts that point back at a harm already stated.

    "rose to 30 on Friday, up from 18": an earlier value of the same count. "The mayor put the number at
    19", "rival estimates went as high as 520": a bare count noun restates the harm of the passage (when
    it names one harm only). "Another 900 remained in morgues", "while 40 remain in Gaza": the harmed
    noun of an earlier count (bodies, hostages) is left out. "130 remain held" after an abduction: held
    hostage, not detained.
    """
    for i, c in enumerate(cands):
        if c.infobox or c.mixed:
            continue
        if c.category == "detained" and c.harm is not None and c.harm.lemma_.lower() in CUSTODY_VERBS:
            p = recent(doc, cands, i, lambda p: p.category is not None)
            if p is not None and p.category == "hostage":
                c.category = "hostage"
            continue
        if c.category is not None or (c.noun is not None and not elliptic_noun(c.noun)) or c.partitive:
            continue
        k = first_token(doc, c)
        before = tuple(t.lower_ for t in doc[max(0, k - 2) : k])
        if before in PREVIOUS_VALUE:
            p = recent(doc, cands, i, lambda p: p.category is not None, same_sentence=True)
            if p is not None:
                c.category, c.harm, c.borrowed = p.category, p.harm, True
                c.subgroup = c.subgroup or p.subgroup
            continue
        if bare_count_value(doc, k):
            cats = {p.category for p in window(doc, cands, i) if p.category and not p.mixed}
            p = recent(doc, cands, i, lambda p: p.category is not None)
            if len(cats) == 1 and p is not None:
                c.category, c.harm, c.borrowed = p.category, p.harm, True
            elif not cats:
                found = passage_harm(doc, k)
                if found is not None:
                    c.category, c.harm, c.borrowed = found[0], found[1], True
            continue
        verb = doc[c.m.root].head if c.noun is None else c.noun.head
        more = any(doc[j].lower_ in MORE_WORDS for j in range(max(0, k - 1), c.m.last + 1))
        if verb.lemma_.lower() in STATE_VERBS or (more and verb.lemma_.lower() in COUNTING_VERBS):
            p = recent(doc, cands, i, lambda p: p.category is not None and not p.mixed)
            if p is not None and p.noun is not None and harmed_noun(p.noun):
                c.category, c.harm, c.borrowed = p.category, p.noun, True
                c.subgroup = c.subgroup or p.subgroup


# "the remaining 25", "the other 40": the count of the rest of a group already counted
REST_WORDS = frozenset({"remaining", "other"})


def link_rest(doc: Doc, cands: list[Cand]) -> None:
    """ "detained 37 men; 12 were released, and the remaining 25 are missing": the rest of a counted group
    are the same people, so they keep its subgroup whatever has happened to them since."""
    for i, c in enumerate(cands):
        if c.infobox or c.subgroup or (c.noun is not None and not elliptic_noun(c.noun)):
            continue
        k = first_token(doc, c)
        if k < 2 or doc[k - 1].lower_ not in REST_WORDS or doc[k - 2].lower_ != "the":
            continue
        p = recent(doc, cands, i, lambda p: p.category is not None and p.person and p.noun is not None)
        if p is not None and not p.mixed:
            c.subgroup = p.subgroup


def passage_harm(doc: Doc, k: int) -> tuple[str, Token] | None:
    """The one harm named in this sentence (before token ``k``) and the one before, if only one is."""
    verbs = lex()[0]["verbs"]
    sent = doc[k].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found: dict[str, Token] = {}
    for t in doc[floor:k]:
        entry = verbs.get(t.lemma_.lower()) if t.pos_ == "VERB" else None
        cats = set(entry.values()) if entry else set()
        if t.lower_ in harm_participles():
            cats.add(harm_participles()[t.lower_])
        for cat in cats:
            found.setdefault(cat, t)
    return next(iter(found.items())) if len(found) == 1 else None


def harmed_noun(t: Token) -> bool:
    """A noun that is itself the harmed ("bodies", "hostages", "refugees"), not a group of people."""
    from .lexicon import harm_noun

    return harm_noun(t) is not None and people_entry(t) is None


def bare_count_value(doc: Doc, k: int) -> bool:
    """Is the quantity starting at token ``k`` the value of a count noun with no "of" ("put the number
    at 19", "estimates went as high as 520", "the figure is 40")?"""
    if k < 1:
        return False
    prev = doc[k - 1]
    if prev.lower_ not in ("to", "at") and prev.lemma_.lower() not in VALUE_VERBS:
        return False
    sent_start = prev.sent.start
    for j in range(k - 1, max(sent_start, k - 9) - 1, -1):
        t = doc[j]
        if t.like_num or t.lower_ in (".", ";", ","):
            return False
        if t.lemma_.lower() in ESTIMATE_NOUNS and t.pos_ == "NOUN":
            return not (j + 1 < len(doc) and doc[j + 1].lower_ == "of")
    return False


VALUE_VERBS = frozenset({"reach", "pass", "exceed", "top", "hit", "surpass", "be", "near", "run", "go", "stand"})


def window(doc: Doc, cands: list[Cand], i: int) -> list[Cand]:
    """Counts before ``cands[i]`` in its sentence and the one before."""
    sent = doc[cands[i].m.first].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return [p for p in cands[:i] if p.m.first >= floor and p.parent is None]


def recent(doc: Doc, cands: list[Cand], i: int, ok, same_sentence: bool = False) -> Cand | None:
    """The nearest count before ``cands[i]`` (its sentence, or also the one before) that passes ``ok``."""
    sent_start = doc[cands[i].m.first].sent.start
    for p in reversed(window(doc, cands, i)):
        if same_sentence and p.m.first < sent_start:
            return None
        if ok(p):
            return p
    return None
