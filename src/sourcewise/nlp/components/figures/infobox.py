"""Infobox lines of encyclopedia articles: "Deaths: 45 (Including 9 ...)", "Fatalities 200+"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.numparse import find_quantities, measure_kind
from sourcewise.nlp.types import NumberMention

from .nouns import find_noun
from .state import Cand

INFOBOX = re.compile(
    r"^[ \t\-•*]*(?P<label>Fatalities|Deaths|Dead|Killed|Casualties|Injured|Wounded|Injuries|Missing"
    r"|Displaced|Refugees|Captured|Detained|Arrested|Hostages)[ \t]*:?[ \t]*(?=\d)",
    re.MULTILINE,
)
INFOBOX_CATEGORY = {
    "fatalities": "killed",
    "deaths": "killed",
    "dead": "killed",
    "killed": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "missing": "missing",
    "displaced": "displaced",
    "refugees": "displaced",
    "captured": "hostage",
    "hostages": "hostage",
    "detained": "detained",
    "arrested": "detained",
}


def infobox_candidates(doc: Doc) -> list[Cand]:
    out: list[Cand] = []
    text = text_of(doc)
    for m in INFOBOX.finditer(text):
        cat = INFOBOX_CATEGORY.get(m.group("label").lower())
        if cat is None:
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        values = text[m.end() : line_end]
        first: Cand | None = None
        for q in find_quantities(values):
            qs, qe = m.end() + q.start, m.end() + q.end
            if q.qualifier == "vague" or measure_kind(
                text, q.__class__(qs, qe, q.value, q.low, q.high, q.qualifier, None, qs)
            ):
                continue
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is None:
                continue
            nm = NumberMention(qs, qe, span.start, span.end - 1, span.end - 1, q.value, q.low, q.high, q.qualifier)
            c = Cand(nm, infobox=True, category=cat)
            inside = text[m.end() : qs]
            if first is not None and re.search(r"\(\s*including\s*$", inside, re.IGNORECASE):
                find_noun(doc, c)
                c.parent, c.harm = first, first.harm
            close = paren_end(text, qe, line_end)
            c.quote = (m.start("label") if first is None else qs, close)
            if first is None or c.parent is None:
                first = c
            out.append(c)
    return out


def paren_end(text: str, pos: int, line_end: int) -> int:
    """Extend a quote over a "(per Human Rights Watch)" or "(Including 9 ...)" right after it."""
    k = pos
    while k < line_end and text[k] in " \t":
        k += 1
    if k < line_end and text[k] == "(":
        close = text.find(")", k)
        if 0 < close < line_end:
            return close + 1
    return pos
