"""sw_places: the places a document names, linked to the gazetteer (``doc._.sw_places``).

Every GPE/LOC entity (the NER's, and the gazetteer ruler's before it) is
looked up; an entity that is not a name as a whole is searched for the names
inside it ("Sangin/Helmand", "Andar district, Ghazni province"). Each name's
candidates are then weighed against the document (``geo.resolve``): the
qualifier after it ("X, Y province"), the kind word ("province", "city"),
the countries and regions mentioned, the dateline.

The dateline ("KABUL, Afghanistan (Jan. 25, 2013)") says where a story was
filed, not where it happened: it informs the choice of the other places and
becomes a place record only when the text names no place more precise than a
country.

Records come out in text order, each with coordinates and a country.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from sourcewise.geo import Entry, Gazetteer, fold, load_gazetteer
from sourcewise.geo.resolve import Mention, resolve
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.placenames import TYPE_WORDS, find_names
from sourcewise.nlp.types import PlaceSpan

PLACE_LABELS = frozenset({"GPE", "LOC"})
_EVIDENCE_LABELS = frozenset({"NORP"})

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: What follows an upper-case place name in a dateline: ", Country (date)", " (Reuters) -", " —", ", March 3".
_DATELINE_AFTER = re.compile(
    rf"^(?:\s+[A-Z]{{3,}})*(?:,\s+[A-Z][\w.'’ -]{{1,40}}?)?\s*(?:\(|[—–]|-\s|:\s|,?\s+{_MONTH}\s+\d)"
)


#: A dateline in ordinary capitals needs its parenthesised date or agency: "Kabul, Afghanistan (Dec. 9) -".
_DATELINE_PAREN = re.compile(r"^(?:,\s+[A-Z][\w.'’ -]{1,40}?)?\s*\((?:[A-Z][a-z]*\.?\s+\d|AP\)|Reuters\)|AFP\))")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """An upper-case name (or one followed by a parenthesised date) opening the story."""
    name = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 300 or len(name) < 3:
        return False
    after = text[end : end + 80]
    if name.isupper():
        return bool(_DATELINE_AFTER.match(after))
    return bool(_DATELINE_PAREN.match(after))


def _title_case(sent: Span) -> bool:
    """A headline-like sentence ("Leader Captured in Khost Overnight"), where capitals say little."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


def _glued(doc: Doc, end: int, gazetteer: Gazetteer) -> bool:
    """'Kabul Bank', 'Khas Konar': a name followed by another proper noun is part of a longer name."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return (
        nxt.tag_ in ("NNP", "NNPS")
        and nxt.text[:1].isupper()
        and nxt.is_alpha
        and nxt.lower_ not in TYPE_WORDS
        and nxt.lower_ not in gazetteer.ambiguous  # "Homs May 26": a month is not part of the name
        and not _title_case(nxt.sent)
    )


def _word_like(name: Span, key: str, gazetteer: Gazetteer) -> bool:
    """'Most', 'U.N.', 'East': a common word or an initialism that only a country may bear."""
    if key in gazetteer.ambiguous:
        return True
    if len(name) == 1 and name[0].is_stop:
        return True
    return len(key.replace(" ", "")) <= 3 and not any(c.islower() for c in name.text)


def _trim(ent: Span) -> Span:
    """Drop a leading article and a trailing possessive: 'the Gaza Strip's' -> 'Gaza Strip'."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return ent.doc[start:end]


def _names_in(doc: Doc, span: Span, gazetteer: Gazetteer) -> list[tuple[Span, str, str | None]]:
    """(name span, folded key, kind word) for each gazetteer name an entity holds."""
    out = []
    for n in find_names(doc, gazetteer, span.start, span.end):
        # The kind word may sit inside the entity ("Ghazni Province") or right after it ("Ghazni province").
        follow = doc[n.end].lower_ if n.end < len(doc) else None
        out.append((doc[n.start : n.end], n.key, follow if follow in TYPE_WORDS else None))
    return out


def _link_parents(doc: Doc, mentions: list[Mention], token_spans: list[tuple[int, int]]) -> None:
    """'X, Y' / 'X district, Y province' / 'X in Y' / 'X/Y': Y locates X."""
    for i in range(len(mentions) - 1):
        _, end = token_spans[i]
        nxt_start, _ = token_spans[i + 1]
        between = [t.lower_ for t in doc[end:nxt_start]]
        between = [w for w in between if w not in TYPE_WORDS]
        if between in ([","], ["/"], ["in"], ["in", "the"], [",", "in"], [",", "in", "the"]):
            mentions[i].parent = i + 1


def _record(doc: Doc, m: Mention, e: Entry, gazetteer: Gazetteer) -> PlaceSpan:
    if e.kind == "district":  # a district known only by its region is reported as that region
        e = gazetteer.admin1_entry(e.admin1_code) or e
    admin1 = e.name if e.kind in ("admin1", "district") else e.admin1
    return PlaceSpan(
        start=m.start,
        end=m.end,
        name=e.name,
        admin1=admin1,
        country=e.country,
        lat=round(e.lat, 5),
        lon=round(e.lon, 5),
        gazetteer_id=e.gazetteer_id,
    )


@Language.component("sw_places")
def places(doc: Doc) -> Doc:
    gazetteer = load_gazetteer()
    text = text_of(doc)
    mentions: list[Mention] = []
    token_spans: list[tuple[int, int]] = []
    hint: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in _EVIDENCE_LABELS:
            continue
        demonyms = [gazetteer.demonyms.get(fold(t.text).removesuffix("s")) for t in ent]
        if any(demonyms) and not gazetteer.has(
            fold(_trim(ent).text)
        ):  # "Saudi Arabia" is a name  # "Ukrainian", "Afghan forces": context for the other names, never a place
            hint.update(cc for cc in demonyms if cc)
            continue
        if ent.label_ not in PLACE_LABELS:
            continue
        span = _trim(ent)
        if not len(span):
            continue
        for name, key, kind in _names_in(doc, span, gazetteer):
            entries = gazetteer.lookup_key(key)
            if _word_like(name, key, gazetteer):
                entries = [e for e in entries if e.kind == "country"]
            if _glued(doc, name.end, gazetteer):  # only a country or region survives: "Azerbaijan Ilham Aliyev"
                entries = [e for e in entries if e.kind in ("country", "admin1")]
            if not entries:
                continue
            start, end = name.start_char, name.end_char
            mentions.append(Mention(start, end, key, entries, type_word=kind, dateline=_is_dateline(text, start, end)))
            token_spans.append((name.start, name.end))
    _link_parents(doc, mentions, token_spans)
    for m in mentions:  # "KABUL, Afghanistan (date)": the country of a dateline belongs to it
        if m.dateline and m.parent is not None:
            mentions[m.parent].dateline = True
    chosen = resolve(mentions, hint)
    found = [(m, e) for m, e in zip(mentions, chosen, strict=True) if e is not None]
    # The dateline stands in for the scene when the body names nothing more precise than a country.
    body = [(m, e) for m, e in found if not m.dateline]
    if not any(e.kind != "country" for _m, e in body):
        body = found
    out = get_list(doc, "sw_places")
    out.extend(_record(doc, m, e, gazetteer) for m, e in body)
    return doc
