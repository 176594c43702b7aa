"""sw_place_names: names of places where harm happened that no gazetteer and no NER label knows.

Villages, camps and neighbourhoods are what conflict reporting is about and what
neither GeoNames nor the statistical model covers: the model leaves "Darvel" in
"twelve died in Darvel" unlabelled. Such a name is still the best evidence of
where an incident happened, and the ledger lines up sources by place. A
capitalised proper noun that no entity covers becomes a GPE entity (never a
place record: it has no coordinates) when the grammar puts it where an incident
happened (the model's guess of an organisation is overruled only in the first
case, where no organisation can be):

- the object of a place preposition on a harm or incident word, or on the
  object of a harm verb: "died in X", "an attack near X", "ambushed a convoy
  near X";
- the object of "of" on an incident noun: "the shelling of X", "the siege of X";
- a name in front of an incident noun: "the X massacre", "the X incident".

The words come from the reviewed lexicons (harm.json, events.json); nothing here
names a place.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from sourcewise.nlp import lexicons
from sourcewise.nlp.dateparse import MONTH_ABBR, MONTH_WORDS, WEEKDAYS
from sourcewise.nlp.placenames import TYPE_WORDS

_PLACE_PREPS = frozenset({"in", "near", "outside", "around", "inside", "across", "at"})
#: Incident nouns that are not in events.json because they say nothing of the kind of violence.
_GENERIC_INCIDENT_NOUNS = frozenset({"incident", "tragedy", "events", "event", "atrocity", "violence"})
#: Month and weekday names (dateparse's tables): a date, never a place.
_CALENDAR = frozenset([*MONTH_WORDS, "may", *MONTH_ABBR, *WEEKDAYS])


@cache
def _harm_lemmas() -> tuple[frozenset[str], frozenset[str]]:
    """(verb lemmas, noun lemmas) that name harm or an incident."""
    harm, events = lexicons.load("harm.json"), lexicons.load("events.json")
    verbs = set(harm["verbs"]) | {v for v in events["verbs"] if " " not in v}
    nouns = set(harm["nouns"]) | set(harm["harm_event_nouns"]) | {n for n in events["nouns"] if " " not in n}
    return frozenset(verbs), frozenset(nouns | _GENERIC_INCIDENT_NOUNS)


def _incident_word(t: Token) -> bool:
    verbs, nouns = _harm_lemmas()
    lemma = t.lemma_.lower()
    if t.pos_ in ("VERB", "AUX"):
        return lemma in verbs
    if t.pos_ in ("NOUN", "PROPN"):
        return lemma in nouns or t.lower_ in nouns
    if t.pos_ == "ADJ":  # "were killed" parsed as an adjective, "dead"
        return lemma in verbs or t.lower_ in nouns
    return False


def _candidate(t: Token) -> bool:
    return (
        t.pos_ == "PROPN"
        and t.ent_type_ in ("", "ORG")
        and t.is_alpha
        and len(t) > 2
        and t.text[0].isupper()
        and not t.text.isupper()
        and t.tag_ != "NNPS"  # a plural is a people ("Albanians"), not a place
        and t.lower_ not in _CALENDAR
        and t.lower_ not in TYPE_WORDS  # "Province" of a name the gazetteer already holds
        and not t.is_sent_start
        and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-")  # part of a hyphenated name
    )


def _where_harm_happened(t: Token) -> bool:
    head = t.head
    if t.dep_ == "pobj" and head.lower_ in _PLACE_PREPS:
        on = head.head  # "died in X", or "ambushed a convoy near X" (the object of the harm verb)
        return _incident_word(on) or (on.dep_ in ("dobj", "nsubjpass") and _incident_word(on.head))
    if t.ent_type_:  # "the bombing of X", "the X attack": X may well be the organisation the model says it is
        return False
    if t.dep_ == "pobj" and head.lower_ == "of":
        return head.head.pos_ == "NOUN" and _incident_word(head.head)
    if t.dep_ == "compound" and head.pos_ == "NOUN" and head.text.islower():  # not a title ("Forgotten Wars")
        return _incident_word(head)
    return False


def _name_span(doc: Doc, t: Token) -> Span | None:
    """The name with the proper nouns compounded into it ("Upper Darvel").

    None when an entity other than one the model called an organisation covers part of it, or when
    the model's organisation reaches beyond the name.
    """
    start = t.i
    while (
        start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == t.i and _candidate(doc[start - 1])
    ):
        start -= 1
    labels = {doc[i].ent_type_ for i in range(start, t.i + 1)}
    if labels - {"", "ORG"}:
        return None
    if "ORG" in labels:  # one ORG entity, exactly the name: "died in X", where no organisation can be
        ents = [e for e in doc.ents if e.start <= t.i < e.end]
        if not ents or ents[0].start != start or ents[0].end != t.i + 1:
            return None
    return Span(doc, start, t.i + 1, label="GPE")


def unlisted_place_names(doc: Doc) -> list[Span]:
    """Spans of the names the rules above find, in text order."""
    out = []
    for t in doc:
        if _candidate(t) and _where_harm_happened(t):
            span = _name_span(doc, t)
            if span is not None:
                out.append(span)
    return out


@Language.component("sw_place_names")
def sw_place_names(doc: Doc) -> Doc:
    found = unlisted_place_names(doc)
    if found:
        replaced = {(s.start, s.end) for s in found}
        doc.ents = filter_spans([*(e for e in doc.ents if (e.start, e.end) not in replaced), *found])
    return doc
