"""sw_gazetteer_ruler: tag known place names before the statistical NER sees them.

The small English model tags villages it has never seen as PERSON or ORG
("Khojaly", "Malibeyli", "Račak"). Entities set before the NER are kept by it,
so this ruler tags the names it is confident of and leaves the rest to the
model:

* curated conflict places, countries and first-level regions;
* cities of some size (``LARGE`` people) whose name has several words or
  follows a locative preposition ("in Jackson", not "Jackson said"), unless
  the name is also a common word or given name (``data/ambiguous.txt``);
* smaller places only when the text says what they are ("Andar *district*",
  "the *village* of X") or where they are ("X*, Ghazni*").

A name glued to other capitalised words ("Kabul Bank", "Camp Bastion", "Mr
Khan") is left to the NER: it is probably part of another name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sourcewise.geo import Entry, load_gazetteer
from sourcewise.geo.resolve import LARGE
from sourcewise.nlp.placenames import TYPE_WORDS, NameSpan, find_names, word_after, word_before

_PROPER = frozenset({"NNP", "NNPS"})
_LOCATIVE = frozenset(
    {"in", "near", "from", "to", "at", "outside", "around", "into", "across", "towards", "toward", "between", "of"}
)
_PLACE_BEFORE = frozenset({"village", "town", "city", "district", "province", "region", "of", "in", "near", "outside"})


def _glued(doc: Doc, n: NameSpan) -> bool:
    """Whether the name sits inside a longer capitalised name."""
    for i in (n.end, n.start - 1):
        if 0 <= i < len(doc):
            tok = doc[i]
            if tok.tag_ in _PROPER and tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in TYPE_WORDS:
                return True
    return False


def _located(doc: Doc, n: NameSpan, names_after: dict[int, NameSpan]) -> bool:
    """'X, Y', 'X district', 'village of X', 'X, a town': the text itself says X is a place."""
    after = word_after(doc, n.end)
    if after in TYPE_WORDS:
        return True
    if after == "," and (n.end + 1) in names_after:
        return True
    before = word_before(doc, n.start)
    if before == "of" and word_before(doc, n.start - 1) in _PLACE_BEFORE:
        return True
    return _described_as_place(doc, n.end)


def _described_as_place(doc: Doc, end: int) -> bool:
    """'X is a small village', 'X, a town near Y': an apposition or copula naming a kind of place."""
    words = [t.lower_ for t in doc[end : end + 6]]
    if words[:1] not in ([","], ["is"], ["was"]):
        return False
    words = words[1:]
    if words[:1] not in (["a"], ["an"], ["the"]):
        return False
    return any(w in TYPE_WORDS for w in words[1:4])


def _confident(doc: Doc, n: NameSpan, entries: list[Entry]) -> bool:
    """Sure enough on the name and its preposition alone.

    Curated places, countries and regions are; a city is when its name has
    several words ("Khan Younis") or follows a locative preposition ("in
    Jackson", not "Jackson said": one-word city names are often surnames).
    Districts never are ("Tani", "Chora"): they need "district" after them.
    """
    if any(e.kind != "district" and (e.curated or e.kind != "place") for e in entries):
        return True
    if not any(e.kind == "place" and e.population >= LARGE for e in entries):
        return False
    return n.end - n.start > 1 or word_before(doc, n.start) in _LOCATIVE


@Language.component("sw_gazetteer_ruler")
def gazetteer_ruler(doc: Doc) -> Doc:
    gazetteer = load_gazetteer()
    names = find_names(doc, gazetteer)
    starts = {n.start: n for n in names}
    spans: list[Span] = []
    for n in names:
        if n.key in gazetteer.ambiguous or _glued(doc, n):
            continue
        tokens = doc[n.start : n.end]
        text = tokens.text
        if text.isupper() and len(text) <= 3:
            continue  # "US", "UN", "MSF": acronyms are the NER's call
        entries = gazetteer.lookup_key(n.key)
        curated = any(e.curated and e.kind != "district" for e in entries)
        if not curated and len(tokens) == 1 and tokens[0].is_sent_start and tokens[0].tag_ not in _PROPER:
            continue  # "Many", "Police": a capital that only the sentence start explains
        if _confident(doc, n, entries) or _located(doc, n, starts):
            label = "LOC" if all(e.kind == "region" for e in entries) else "GPE"
            spans.append(Span(doc, n.start, n.end, label=label))
    if spans:
        doc.set_ents(filter_spans([*doc.ents, *spans]), default="unmodified")
    return doc
