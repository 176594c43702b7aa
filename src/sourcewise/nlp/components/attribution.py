"""sw_attributions: where the text credits a claim to a source, and whom it credits.

"613 killed" and "613 killed, the ministry said" are different claims: the
second tells the reader whose count it is. This component finds the phrases
that attribute ("according to the Health Ministry", "the mayor said",
"X told reporters", "(per Human Rights Watch)", "the toll given by the
authorities", "it is widely accepted that") from the dependency parse and the
reviewed lexicon ``lexicons/attribution.json``, and then sets
``FigureSpan.attributed_to`` on each figure: the source the text credits for
it in the same sentence (reported speech around the figure's clause, an
"according to" beside it) or the speaker of the quotation it stands in.
A figure with no such source keeps ``None``: the text asserts it on its own
authority. Pronouns ("he said", "It noted") are resolved to the last named
source before them; "we" outside a quotation is the writer's own voice.

Beyond speech: findings and denials with a reported clause ("investigators
found that", "the army denies that", "officials believe"), counts ("Airwars
tracked 140 deaths", "put the toll at 31"), evidence that names its owner
("hospital figures show"), characterisations ("called the strike a war
crime", "what they called"), rebuttals ("a charge the army rejects").
What credits no claim is left out: a quoted question, a speaker's statement
of its own intent, appeal or stance ("said it would ...", "“We need to
...,” she said"), and a headline's attribution that the body repeats.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sourcewise.nlp import lexicons
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.textspans import Ranges, Segments, doc_quotes, doc_segments
from sourcewise.nlp.types import AttributionSpan, FigureSpan

#: Source of an agentless attribution ("it is widely accepted that"): no figure is credited to it.
UNNAMED = "unnamed"
_MAX_SOURCE_CHARS = 100
_MAX_SPAN_CHARS = 260
_DETERMINERS = {"the", "a", "an"}
_RELATIVE = {"who", "which", "that"}
_PER = re.compile(r"\((?:as )?per ([A-Z][^()\n]{1,80})\)")


@dataclass(frozen=True, slots=True)
class _Lex:
    speech: frozenset[str]
    complement_preps: frozenset[str]
    agent_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    source_nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    count_verbs: frozenset[str]
    pronouns: frozenset[str]
    consensus: re.Pattern[str]
    signature: re.Pattern[str]
    claim_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    evidence_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    toll_verbs: frozenset[str]
    communicative: frozenset[str]
    rebuttal: re.Pattern[str]
    characterisation: re.Pattern[str]
    intent: re.Pattern[str]
    self_stance: frozenset[str]
    intent_activities: frozenset[str]
    time_units: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    d = lexicons.load("attribution.json")
    return _Lex(
        speech=frozenset(d["speech_verbs"]),
        complement_preps=frozenset(d["complement_preps"]),
        agent_verbs=frozenset(d["agent_verbs"]),
        agent_nouns=frozenset(d["agent_nouns"]),
        source_nouns=frozenset(d["source_nouns"]),
        speaker_nouns=frozenset(d["speaker_nouns"]),
        count_verbs=frozenset(d["count_verbs"]),
        pronouns=frozenset(d["pronouns"]),
        consensus=re.compile(d["consensus"], re.IGNORECASE),
        signature=re.compile(d["signature"]),
        claim_verbs=frozenset(d["claim_verbs"]),
        opinion_verbs=frozenset(d["opinion_verbs"]),
        claim_nouns=frozenset(d["claim_nouns"]),
        evidence_verbs=frozenset(d["evidence_verbs"]),
        evidence_nouns=frozenset(d["evidence_nouns"]),
        toll_verbs=frozenset(d["toll_verbs"]),
        communicative=frozenset(d["communicative_verbs"]),
        rebuttal=re.compile(d["rebuttal"]),
        characterisation=re.compile(d["characterisation"]),
        intent=re.compile(d["intent"]),
        self_stance=frozenset(d["self_stance"]),
        intent_activities=frozenset(d["intent_activities"]),
        time_units=frozenset(d["time_units"]),
    )


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    source: str
    pronoun: bool = False  # the source is a pronoun still to be resolved
    verb: Token | None = None  # the attributing word, for deciding which figures it covers


def _end(t: Token) -> int:
    return t.idx + len(t.text)


_CLAUSAL = {"acl", "relcl", "ccomp", "advcl", "xcomp"}


def _phrase_end(t: Token) -> int:
    """End of a phrase without the clauses hanging from it ("in a statement| that the army killed ...");
    a "that" opening the clause it stops at is kept ("said in a statement that")."""
    clausal: set[int] = set()
    for x in t.subtree:
        if x is not t and x.dep_ in _CLAUSAL:
            clausal.update(y.i for y in x.subtree)
    end = _end(t)
    for x in t.subtree:
        if x.i in clausal:
            if x.i > t.i:
                if x.lower_ == "that" and x.dep_ == "mark":
                    end = _end(x)
                break
            continue
        if x.i > t.i and x.is_space:
            break
        end = max(end, _end(x))
    return end


def _subject(verb: Token, segs: Segments, climb: tuple[str, ...] = ("conj",)) -> Token | None:
    """The verb's own subject, or that of the verb it is coordinated with ("haven't disclosed ..., but say")."""
    v: Token | None = verb
    for _ in range(4):
        if v is None or not segs.same(v.idx, verb.idx):
            return None
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c if segs.same(c.idx, verb.idx) else None
        v = v.head if v.dep_ in climb and v.head is not v else None
    return None


def _source_text(doc: Doc, head: Token) -> str:
    """The source's name: its noun phrase without article, relative clause or (except for a person) apposition."""
    keep_appos = head.ent_type_ == "PERSON"
    excluded: set[int] = set()
    for x in head.subtree:
        if x is not head and (x.dep_ in _CLAUSAL or (x.dep_ == "appos" and not keep_appos)) and x.i not in excluded:
            excluded.update(y.i for y in x.subtree)
        if x.ent_type_ in ("DATE", "TIME") and x.i > head.i:
            excluded.add(x.i)
    out: list[Token] = []
    for t in head.subtree:
        if t.i in excluded or "\n" in t.text:
            if out and t.i > head.i:
                break
            out = [] if t.i < head.i else out
            continue
        out.append(t)
    while out and (out[0].lower_ in _DETERMINERS or out[0].is_punct):
        out = out[1:]
    while out and ((out[-1].is_punct and out[-1].text not in ")]") or out[-1].dep_ in ("prep", "cc")):
        out = out[:-1]
    if not out:
        return head.text
    text = " ".join(text_of(doc)[out[0].idx : _end(out[-1])].split())
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip()
    return text if len(text) <= _MAX_SOURCE_CHARS else text[: _MAX_SOURCE_CHARS - 1].rstrip() + "…"


def _right_complements(verb: Token, lex: _Lex, start_after: int) -> int:
    """End of what belongs to the attributing phrase after the verb: "told reporters Tuesday that"."""
    end = _end(verb)
    for c in verb.rights:
        if c.i <= start_after:
            continue
        if "\n" in text_of(verb.doc)[end : c.idx]:
            break
        if (
            c.dep_ in ("npadvmod", "advmod", "prt")
            or (c.dep_ == "prep" and c.lower_ in lex.complement_preps)
            or (c.dep_ in ("dobj", "dative") and verb.lemma_ == "tell")
        ):
            end = max(end, _phrase_end(c))
        elif c.dep_ == "ccomp" and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark":
            end = max(end, _end(c.left_edge))
            break
        else:
            break
    return end


def _speech(doc: Doc, quotes: Ranges, segs: Segments, lex: _Lex) -> list[_Found]:
    found: list[_Found] = []
    text = text_of(doc)
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or verb.idx in quotes:
            continue
        if lemma in lex.toll_verbs or lemma in lex.evidence_verbs or lemma == "call":
            f = (
                _toll_span(doc, verb, segs, lex)
                or _evidence_span(doc, verb, segs, lex)
                or _called_span(doc, verb, segs, lex)
            )
            if f:
                found.append(f)
            continue
        if lemma in lex.count_verbs and lemma not in lex.speech:
            counted = _count_span(doc, verb, segs, lex)
            if counted:
                found.append(counted)
                continue
            if lemma not in lex.claim_verbs:
                continue
        claim = lemma in lex.claim_verbs and lemma not in lex.speech
        if lemma not in lex.speech and lemma not in lex.agent_verbs and not claim:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        agent = next((c for c in verb.children if c.dep_ == "agent" and segs.same(c.idx, verb.idx)), None)
        agent_obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if agent_obj is not None:
            f = _agent_passive(doc, verb, agent_obj, lemma, lex)
            if f:
                found.append(f)
            continue
        if any(c.dep_ == "auxpass" for c in verb.children):
            continue
        if claim and not _claims_something(verb, segs, lex):
            continue
        if not claim and (lemma not in lex.speech or _reports_a_thing(verb, segs, lex)):
            continue
        subj = _subject(verb, segs) or _participle_subject(verb, segs, lex) or _speaker_before(verb, lex)
        if subj is None or subj.dep_ == "nsubjpass" or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if subj.pos_ == "PRON" and subj.lower_ not in lex.pronouns:
            continue
        if subj.lower_ == "it" and any(c.dep_ == "expl" for c in verb.children):
            continue
        if lemma in lex.opinion_verbs and subj.lower_ in _FIRST_PERSON:
            continue  # "I believe": the writer's own view, not a source
        if _states_own_intent(verb, subj, lex):
            continue
        f = _speech_span(doc, verb, subj, lex, from_verb=_acts(subj.head, verb, lex))
        if not _credits_a_non_claim(text, quotes, f, verb, lex):
            found.append(f)
    return found


_FIRST_PERSON = {"i", "we"}


def _claims_something(verb: Token, segs: Segments, lex: _Lex) -> bool:
    """A verb of finding or denying credits its subject only with a reported clause ("denies that ...") or an
    object that is a claim or a count ("denied the allegations", "found 45 bodies")."""
    for c in verb.children:
        if not segs.same(c.idx, verb.idx):
            continue
        if c.dep_ == "ccomp":
            return True
        if c.dep_ == "dobj" and (c.lemma_.lower() in lex.claim_nouns or _counts(c, lex)):
            return True
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in lex.claim_nouns


def _counts(obj: Token, lex: _Lex) -> bool:
    """An object with a number that counts people or things, not time ("three days of mourning")."""
    return obj.lemma_.lower() not in lex.time_units and any(t.like_num for t in obj.subtree)


def _participle_subject(verb: Token, segs: Segments, lex: _Lex) -> Token | None:
    """ "The group claimed the attack, saying ...": a participle's speaker is the subject of its clause."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if _reported(verb.head, lex):  # "X said one attack hit the bus, adding ...": X adds, not the attack
        return None
    return _subject(verb.head, segs)


def _reported(verb: Token, lex: _Lex) -> bool:
    """The verb stands in a clause that a speech verb reports: its subject is not a speaker."""
    return any(a.lemma_.lower() in lex.speech for a in verb.ancestors)


def _acts(owner: Token, verb: Token, lex: _Lex) -> bool:
    """The subject belongs to an action with its own object ("suspended the talks and declared"): the
    attribution starts at the speech verb, not at the action."""
    if owner is verb or owner.pos_ not in ("VERB", "AUX"):
        return False
    lemma = owner.lemma_.lower()
    if lemma in lex.speech or lemma in lex.agent_verbs or lemma in lex.count_verbs or lemma in lex.communicative:
        return False
    return lemma not in lex.claim_verbs and any(c.dep_ == "dobj" for c in owner.children)


def _same_party(subj: Token, pronoun: Token) -> bool:
    """A pronoun that can stand for the speaker: he/she/it for one, they/we for several."""
    if subj.pos_ == "PRON":
        return subj.lower_ == pronoun.lower_
    plural = subj.tag_ in ("NNS", "NNPS")
    return pronoun.lower_ in (("they", "we") if plural else ("he", "she", "it"))


def _states_own_intent(verb: Token, subj: Token, lex: _Lex) -> bool:
    """ "X said it would ...", "said he was making arrangements", "announced it was no longer bound": the
    speaker reports its own intent or stance, which is not a claim about events."""
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        pron = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ == "PRON"), None)
        if pron is None or not _same_party(subj, pron) or any(x.like_num for x in c.subtree):
            continue
        aux = {x.lower_ for x in c.children if x.dep_ == "aux"}
        if aux & {"will", "would", "shall", "'ll", "'d", "wo"} or (c.lemma_ == "go" and c.tag_ == "VBG"):
            return True
        progressive = c.tag_ == "VBG" and aux & {"is", "was", "are", "were", "am", "'s", "'re"}
        if progressive and c.lemma_.lower() in lex.intent_activities:
            return True
        stance = [c, *(x for x in c.children if x.dep_ in ("acomp", "attr", "xcomp"))]
        if any(x.lemma_.lower() in lex.self_stance or x.lower_ in lex.self_stance for x in stance):
            return True
    return False


def _adjacent_quote(text: str, quotes: Ranges, start: int, end: int) -> tuple[int, int] | None:
    """The quotation that a speech phrase closes or introduces: only punctuation and spaces between them."""
    i = start - 1
    while i >= 0 and text[i] in " \t,;:—–-":
        i -= 1
    before = quotes.containing(i) if i >= 0 else None
    if before is not None and before[1] == i + 1:
        return before
    j = end
    while j < len(text) and text[j] in " \t,;:—–-":
        j += 1
    after = quotes.containing(j) if j < len(text) else None
    return after if after is not None and after[0] == j else None


def _credits_a_non_claim(text: str, quotes: Ranges, f: _Found, verb: Token, lex: _Lex) -> bool:
    """The speech phrase only frames a quoted question, or a quoted statement of the speaker's own intent,
    appeal or obligation ("“We need to ...,” she said"): nothing in it is a claim to record."""
    quote = _adjacent_quote(text, quotes, f.start, f.end)
    if quote is None or any(c.dep_ == "ccomp" and not quote[0] <= c.idx < quote[1] for c in verb.children):
        return False
    inner = text[quote[0] + 1 : quote[1] - 1].strip().rstrip(",")
    if inner.endswith("?"):
        return True
    one_sentence = not re.search(r"[.!?]\s+\S", inner)
    return one_sentence and not any(ch.isdigit() for ch in inner) and bool(lex.intent.match(inner))


def _toll_span(doc: Doc, verb: Token, segs: Segments, lex: _Lex) -> _Found | None:
    """ "The health department put the death toll at 31": the subject gives the number."""
    if verb.lemma_.lower() not in lex.toll_verbs:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    at = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > verb.i), None)
    if obj is None or at is None or obj.lemma_.lower() not in _COUNT_NOUNS | {"total", "tally", "count"}:
        return None
    subj = _subject(verb, segs)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    start = _clip_start(doc, subj.left_edge.idx, subj.idx)
    pronoun = subj.pos_ == "PRON"
    return _Found(start, _end(at), subj.lower_ if pronoun else _source_text(doc, subj), pronoun=pronoun, verb=verb)


def _evidence_span(doc: Doc, verb: Token, segs: Segments, lex: _Lex) -> _Found | None:
    """ "Hospital figures show that ...", "Our interviews indicate ...": a body of evidence that says whose it is."""
    if verb.lemma_.lower() not in lex.evidence_verbs or verb.lemma_.lower() in lex.speech:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in lex.evidence_nouns:
        return None
    if not any(t is not subj and _is_agent_word(t, lex) for t in subj.subtree):
        return None  # "figures show" names no one
    if not _claims_something(verb, segs, lex):
        return None
    start = _clip_start(doc, subj.left_edge.idx, subj.idx)
    return _Found(start, _end(verb), _source_text(doc, subj), verb=verb)


def _called_span(doc: Doc, verb: Token, segs: Segments, lex: _Lex) -> _Found | None:
    """ "The minister called the strike a war crime": a characterisation credited to its author."""
    if verb.lemma_.lower() != "call" or any(c.dep_ == "neg" for c in verb.children):
        return None
    kids = {c.dep_ for c in verb.children}
    if "dobj" not in kids or "oprd" not in kids or _reported(verb, lex):
        return None
    subj = _subject(verb, segs) or _participle_subject(verb, segs, lex)
    if subj is None or subj.dep_ == "nsubjpass" or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    start = _clip_start(doc, subj.left_edge.idx if subj.i < verb.i else verb.idx, verb.idx)
    if verb.idx - start > _MAX_SPAN_CHARS:
        start = verb.idx
    pronoun = subj.pos_ == "PRON"
    return _Found(start, _end(verb), subj.lower_ if pronoun else _source_text(doc, subj), pronoun=pronoun, verb=verb)


def _count_span(doc: Doc, verb: Token, segs: Segments, lex: _Lex) -> _Found | None:
    """ "The monitors counted 92 bodies": whoever establishes a number is its source."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not _counts(obj, lex):
        return None
    if _reported(verb, lex):  # "X said the team counted 92": X is credited
        return None
    subj = _subject(verb, segs, climb=("conj", "xcomp", "acomp"))  # "has been able to identify"
    if subj is None or subj.dep_ == "nsubjpass" or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if subj.pos_ == "PRON" and subj.lower_ not in lex.pronouns - _RELATIVE:
        return None
    start = _clip_start(doc, subj.left_edge.idx, subj.idx)
    if subj.pos_ == "PRON":  # "We verified 12 videos"
        return _Found(start, _end(verb), subj.lower_, pronoun=True, verb=verb)
    return _Found(start, _end(verb), _source_text(doc, subj), verb=verb)


_COUNT_NOUNS = {"death", "casualty", "toll", "killing", "injury", "figure", "number", "loss", "victim", "fatality"}


def _reports_a_thing(verb: Token, segs: Segments, lex: _Lex) -> bool:
    """ "claimed responsibility", "declared a curfew", "reports to the commander": the verb takes a thing or a
    superior, not a reported claim. An object that counts harm ("confirmed 12 deaths") is still a claim."""
    if verb.lemma_ in ("say", "tell"):
        return False
    children = [c for c in verb.children if segs.same(c.idx, verb.idx)]
    if any(c.dep_ in ("ccomp", "xcomp") for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in children) and verb.lemma_ == "report":
        return True
    for c in children:
        if c.dep_ == "dobj" and c.lemma_.lower() in ("life", "responsibility", "credit"):
            return True  # "claimed the lives of", "claimed responsibility"
        if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN"):
            return not (_counts(c, lex) or c.lemma_.lower() in _COUNT_NOUNS)
    return False


def _speaker_before(verb: Token, lex: _Lex) -> Token | None:
    """A speech verb the parse left without subject: the nearest speaker noun before it, not across a verb."""
    if verb.dep_ not in ("ROOT", "conj"):
        return None
    for k in range(verb.i - 1, max(verb.sent.start, verb.i - 30) - 1, -1):
        t = verb.doc[k]
        if t.pos_ in ("VERB", "AUX") or "\n" in t.text:
            return None
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ in lex.speaker_nouns and t.dep_ not in ("compound", "pobj"):
            return t
    return None


def _speech_span(doc: Doc, verb: Token, subj: Token, lex: _Lex, from_verb: bool = False) -> _Found:
    pronoun = subj.pos_ == "PRON"
    if from_verb:
        end = _right_complements(verb, lex, verb.i)
        return _Found(verb.idx, end, subj.lower_ if pronoun else _source_text(doc, subj), pronoun=pronoun, verb=verb)
    if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        antecedent = verb.head
        start = _clip_start(doc, antecedent.left_edge.idx, antecedent.idx)
        return _Found(start, _right_complements(verb, lex, verb.i), _source_text(doc, antecedent), verb=verb)
    if subj.i < verb.i:
        start = subj.left_edge.idx
        end = _right_complements(verb, lex, verb.i)
    else:  # inverted: "..., said the Health Ministry on Thursday"
        start = verb.idx
        end = max(_phrase_end(subj), _right_complements(verb, lex, subj.right_edge.i))
    if end - start > _MAX_SPAN_CHARS:  # a long coordinated clause between subject and verb: quote them alone
        start, end = (subj.idx, _end(verb)) if subj.i < verb.i else (verb.idx, _end(subj))
    start = _clip_start(doc, start, verb.idx if subj.i < verb.i else start)
    return _Found(start, end, subj.lower_ if pronoun else _source_text(doc, subj), pronoun=pronoun, verb=verb)


def _clip_start(doc: Doc, start: int, limit: int) -> int:
    """Never begin an attribution before a line break or on punctuation (a closing quote mark)."""
    text = text_of(doc)
    nl = text.rfind("\n", start, limit)
    if nl >= 0:
        start = nl + 1
    while start < limit and (text[start].isspace() or text[start] in "”’\"'),;:—–-"):
        start += 1
    return start


def _agent_passive(doc: Doc, verb: Token, agent_obj: Token, lemma: str, lex: _Lex) -> _Found | None:
    """ "The toll given by the authorities", "The barrage was first reported by the governor"."""
    noun: Token | None = (
        verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    )
    if noun is None:
        return None
    if lemma not in lex.speech and noun.lower_ not in lex.agent_nouns and noun.lemma_.lower() not in lex.agent_nouns:
        return None
    start = _clip_start(doc, min(noun.left_edge.idx, verb.idx), verb.idx)
    end = _phrase_end(agent_obj)
    if agent_obj.pos_ == "PRON":
        return _Found(start, end, agent_obj.lower_, pronoun=True, verb=verb)
    return _Found(start, end, _source_text(doc, agent_obj), verb=verb)


def _prepositional(doc: Doc, quotes: Ranges, lex: _Lex) -> list[_Found]:
    found: list[_Found] = []
    for t in doc:
        low = t.lower_
        if t.idx in quotes:
            continue
        if low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None and _names_an_agent(obj, lex):
                found.append(
                    _Found(t.idx, _phrase_end(obj), _source_text(doc, obj), pronoun=obj.pos_ == "PRON", verb=t)
                )
        elif low in ("citing", "quoting"):
            obj = next((c for c in t.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None and _names_an_agent(obj, lex):
                found.append(_Found(t.idx, _phrase_end(obj), _source_text(doc, obj), verb=t))
    for m in _PER.finditer(text_of(doc)):
        found.append(_Found(m.start(), m.end(), " ".join(m.group(1).split())))
    return found


def _names_an_agent(obj: Token, lex: _Lex) -> bool:
    """ "according to the ministry" credits someone; "according to different estimates" credits no one."""
    return any(_is_agent_word(t, lex) for t in obj.subtree)


_NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC"}


def _is_agent_word(t: Token, lex: _Lex) -> bool:
    """A name, an acronym ("UNICEF"), a pronoun or a noun of a source ("committees", "the survey")."""
    if t.pos_ in ("PROPN", "PRON") or t.ent_type_ in _NAMED or (t.is_upper and len(t.text) > 1 and t.is_alpha):
        return True
    return t.lower_ in lex.source_nouns or t.lower_ in lex.speaker_nouns or t.lemma_.lower() in lex.source_nouns


def _patterns(doc: Doc, quotes: Ranges, lex: _Lex) -> list[_Found]:
    text = text_of(doc)
    found = [_Found(m.start(), m.end(), UNNAMED) for m in lex.consensus.finditer(text)]
    for regex in (lex.rebuttal, lex.characterisation):  # "a charge the army rejects", "what they called"
        for m in regex.finditer(text):
            start = m.start("span") if "span" in regex.groupindex else m.start()
            if start in quotes:
                continue
            source = " ".join(m.group("source").split())
            bare = source.removeprefix("the ").removeprefix("The ")
            pronoun = bare.lower() in lex.pronouns
            found.append(_Found(start, m.end(), bare.lower() if pronoun else bare, pronoun))
    for m in lex.signature.finditer(text):
        before = text[max(0, m.start() - 1500) : m.start()]
        if any(q in before for q in ("“", "‘‘", '"', "«")):
            found.append(_Found(m.start(), m.end(), " ".join(m.group(1).split())))
    return found


def _resolve_and_dedupe(found: list[_Found]) -> list[_Found]:
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    last_named: str | None = None
    for f in found:
        if kept and f.start < kept[-1].end:  # overlapping phrases: the first, longest one stands
            continue
        if f.pronoun and f.source not in _FIRST_PERSON:  # "we verified": the writer's own voice, not resolved
            f.source = last_named or f.source
        elif f.source != UNNAMED:
            last_named = f.source
        kept.append(f)
    return kept


def find_attributions(doc: Doc) -> list[_Found]:
    lex = _lex()
    quotes = doc_quotes(doc)
    segs = doc_segments(doc)
    return _resolve_and_dedupe(
        _speech(doc, quotes, segs, lex) + _prepositional(doc, quotes, lex) + _patterns(doc, quotes, lex)
    )


class _Named:
    """The named attributions by where they start, so that a figure looks only at those near it: scanning all
    of them for every figure made a long document quadratic in its figures."""

    def __init__(self, found: list[_Found]) -> None:
        self._named = [f for f in found if f.source != UNNAMED]
        self._order = sorted(range(len(self._named)), key=lambda k: self._named[k].start)
        self._starts = [self._named[k].start for k in self._order]
        self.longest = max((f.end - f.start for f in self._named), default=0)

    def starting(self, lo: int, hi: int) -> list[_Found]:
        """Those starting at ``lo`` to ``hi`` (both included), in the order they were found."""
        a, b = bisect_left(self._starts, lo), bisect_right(self._starts, hi)
        return [self._named[k] for k in sorted(self._order[a:b])]


def _credit(doc: Doc, fig: FigureSpan, named: _Named, quotes: Ranges, segs: Segments) -> str | None:
    """The source the text credits for a figure, or None.

    In order: an attribution inside the figure's own quote or right after it ("485 (per X)"); the speaker of
    the quotation the figure stands in; an attribution in the same sentence whose word governs the figure's
    clause ("X said that 300 were killed", "according to X, 142 were killed"); one that heads the whole
    sentence ("..., X said."). An attribution inside a subordinate clause ("although X estimate that about
    800 perished") credits only what it governs.
    """
    own = [f for f in named.starting(fig.start, fig.end + 3) if f.end <= fig.end + 3]
    if own:
        return own[0].source
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:  # pragma: no cover
        return None
    sentence: Span = span[0].sent
    anchor = span.root
    quote = quotes.containing(fig.start)
    if quote is not None:
        # A figure inside a quotation belongs to its speaker: the attribution right after it or right before it.
        after = named.starting(quote[1], quote[1] + 40)
        before = [
            f for f in named.starting(quote[0] - 60 - named.longest, quote[0]) if quote[0] - 60 <= f.end <= quote[0]
        ]
        speaker = after[:1] or before[-1:]
        if speaker:
            return speaker[0].source
    candidates = [
        f
        for f in named.starting(sentence.start_char, sentence.end_char - 1)
        if segs.same(f.start, fig.start) and not (quote is not None and quote[0] <= f.start < quote[1])
    ]
    governing = [f for f in candidates if f.verb is not None and _governs(f.verb, anchor)]
    if governing:
        return min(governing, key=lambda f: _distance(f, fig)).source
    heading = [f for f in candidates if f.verb is not None and _heads_sentence(f.verb)]
    if heading:
        return min(heading, key=lambda f: _distance(f, fig)).source
    return None


def _distance(f: _Found, fig: FigureSpan) -> int:
    return min(abs(f.start - fig.end), abs(fig.start - f.end))


def _clause_head(word: Token) -> Token:
    """The verb an attributing word belongs to: itself, what "according to" attaches to, or the verb
    of the noun it describes ("the toll given by X is 613")."""
    if word.lower_ in ("according", "citing", "quoting"):
        return word.head
    if word.dep_ == "acl":
        return word.head.head
    return word


def _governs(word: Token, token: Token) -> bool:
    """The attributing word dominates the figure's clause."""
    head = _clause_head(word)
    return head is token or head.is_ancestor(token)


def _heads_sentence(word: Token) -> bool:
    head = _clause_head(word)
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _title_lines(text: str) -> list[tuple[int, int]]:
    """The headline (a first line without a closing full stop) and its repeats as whole lines."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if not first or first.endswith(".") or len(first) > _MAX_SPAN_CHARS:
        return []
    return [m.span() for m in re.finditer(rf"(?m)^[ \t]*{re.escape(first)}[ \t]*$", text)]


def _headline_repeats(found: list[_Found], text: str) -> list[_Found]:
    """Attributions in the headline, when the body has its own: the headline condenses the lead and repeats
    its source ("Ministry says 12 killed" over "..., the ministry said"). They still credit the headline's
    figures; they are not listed twice."""
    titles = _title_lines(text)
    in_title = [f for f in found if any(s <= f.start < e for s, e in titles)]
    return in_title if len(in_title) < len(found) else []


@Language.component("sw_attributions")
def sw_attributions(doc: Doc) -> Doc:
    found = find_attributions(doc)
    out = get_list(doc, "sw_attributions")
    seen: set[tuple[str, str]] = set()
    text = text_of(doc)
    repeats = {id(f) for f in _headline_repeats(found, text)}
    for f in found:
        if id(f) in repeats:
            continue
        key = (text[max(0, f.start - 100) : f.start], text[f.start : f.end])
        if key not in seen:  # a passage repeated word for word (a caption repeating the lead) is one attribution
            seen.add(key)
            out.append(AttributionSpan(f.start, f.end, f.source))
    figures = get_list(doc, "sw_figures")
    if figures:
        quotes = doc_quotes(doc)
        segs = doc_segments(doc)
        named = _Named(found)
        for fig in figures:
            fig.attributed_to = _credit(doc, fig, named, quotes, segs)
    return doc
