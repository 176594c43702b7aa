"""Infobox lines and table rows: "Deaths: 45 (Including 9 ...)", "Fatalities 200+", "| deaths = c. 900",
"Wounded<TAB>about 600", "Killed by the militia: 1,204", and rows under a heading ("Deaths by district")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.numparse import Quantity, find_quantities, measure_kind
from sourcewise.nlp.types import NumberMention

from .lexicon import harm_noun, harm_participles, lex, modifier_subgroup, people_entry
from .nouns import find_noun
from .state import Cand

_LABELS = (
    "Fatalities|Deaths|Dead|Killed|Casualties|Injured|Wounded|Injuries|Missing"
    "|Displaced|Refugees|Captured|Detained|Arrested|Hostages"
)
# a value may open with its qualifier: "c. 3,400", "about 600", "over 1,000"
_VALUE_AHEAD = r"(?=(?:(?:c|ca|est|approx)\.|circa|about|around|some|over|more than|at least|up to|~)?[ \t]*\d)"
INFOBOX = re.compile(
    rf"^[ \t\-•*|]*(?:(?P<label>{_LABELS})[ \t]*:?[ \t]*"  # "Deaths: 45", "Fatalities 200+"
    rf"|(?P<field>(?i:{_LABELS}))[ \t]*(?:=|:|\t)[ \t]*)"  # "| deaths = 90", "Wounded<TAB>600", any case
    + _VALUE_AHEAD,
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

# "Label: value" on a line of its own: the label names who and what, the value is one count
ROW = re.compile(r"^[ \t\-•*]*(?P<label>[^\W\d][^:\n\d]{0,60}?)[ \t]*:[ \t]*(?P<value>[^\n]*?)[ \t.]*$", re.MULTILINE)
HEADING_MAX_CHARS = 60
CAPTION = re.compile(r"[ \t]*(?:Table|Figure|Chart|Graph)[ \t]+\d+[a-z]?[.:]?[ \t]*", re.IGNORECASE)


def infobox_candidates(doc: Doc) -> list[Cand]:
    out: list[Cand] = []
    text = text_of(doc)
    for m in INFOBOX.finditer(text):
        group = "label" if m.group("label") else "field"
        cat = INFOBOX_CATEGORY.get(m.group(group).lower())
        if cat is None:
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        values = text[m.end() : line_end]
        first: Cand | None = None
        for q in find_quantities(values):
            nm = mention(doc, text, m.end(), q)
            if nm is None:
                continue
            c = Cand(nm, infobox=True, category=cat)
            inside = text[m.end() : nm.start]
            if first is not None and re.search(r"\(\s*including\s*$", inside, re.IGNORECASE):
                find_noun(doc, c)
                c.parent, c.harm = first, first.harm
            close = paren_end(text, nm.end, line_end)
            c.quote = (m.start(group) if first is None else nm.start, close)
            if first is None or c.parent is None:
                first = c
            out.append(c)
    out += table_rows(doc, text, out)
    return out


def mention(doc: Doc, text: str, offset: int, q: Quantity) -> NumberMention | None:
    """The quantity ``q`` found at ``offset`` as a mention over the Doc, unless vague or a measure."""
    qs, qe = offset + q.start, offset + q.end
    if q.qualifier == "vague" or measure_kind(text, q.__class__(qs, qe, q.value, q.low, q.high, q.qualifier, None, qs)):
        return None
    span = doc.char_span(qs, qe, alignment_mode="expand")
    if span is None:
        return None
    return NumberMention(qs, qe, span.start, span.end - 1, span.end - 1, q.value, q.low, q.high, q.qualifier)


def table_rows(doc: Doc, text: str, taken: list[Cand]) -> list[Cand]:
    """Rows "Label: N" whose label names a harm ("Killed by the militia: 1,204", "Journalists currently in
    detention: 38"), or, when the label is only a name ("North district: 312"), whose heading does
    ("Deaths by district"). The label's person noun gives the subgroup. A row whose value is more than
    one count, or prose after a colon, is not a row. Rows that name no harm come back without a category:
    their values are not figures of the sentence around them either ("Released: 120")."""
    out: list[Cand] = []
    for m in ROW.finditer(text):
        if any(m.start() <= c.m.start < m.end() for c in taken):
            continue
        value_start = m.start("value")
        qs = find_quantities(m.group("value"))
        if not qs or qs[0].start != 0 or not only_count(m.group("value"), qs[0].end):
            continue
        nm = mention(doc, text, value_start, qs[0])
        label = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        if nm is None or label is None:
            continue
        cat = harm_category(label)
        if cat is None:
            heading = heading_above(doc, text, m.start())
            cat = harm_category(heading) if heading is not None else None
        # a row that names no harm still holds its value: no harm word on another line reaches it
        c = Cand(nm, infobox=True, category=cat, subgroup=label_subgroup(label) if cat else None)
        c.quote = (m.start("label"), paren_end(text, nm.end, m.end()))
        out.append(c)
    return out


def only_count(value: str, end: int) -> bool:
    """Nothing follows the count but a bracketed note: "1,204 (per the monitor)"."""
    rest = value[end:].strip()
    return not rest or (rest.startswith("(") and rest.endswith(")"))


def harm_category(words: Span) -> str | None:
    """The one harm a label or heading names ("Killed by ...", "in detention", "Deaths by district")."""
    harm, _ = lex()
    found = set()
    for t in words:
        lemma = t.lemma_.lower()
        cat = (
            harm_participles().get(t.lower_)
            or harm_noun(t)
            or harm["tolls"].get(lemma)
            or (harm["harm_event_nouns"].get(lemma) if t.pos_ == "NOUN" else None)
        )
        if cat:
            found.add(cat)
    return found.pop() if len(found) == 1 else None


def label_subgroup(label: Span) -> str | None:
    """The group a label counts; a person named after "by" is the agent ("Wounded by snipers")."""
    for t in label:
        if t.lower_ == "by":
            return None
        entry = people_entry(t)
        if entry:
            return entry
        if entry is not None:
            return modifier_subgroup(t)
    return None


def heading_above(doc: Doc, text: str, row_start: int) -> Span | None:
    """The short line without a count that opens the block of rows ``row_start`` belongs to."""
    end = row_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip():
            return None
        row = ROW.fullmatch(line)
        if row is None:
            caption = CAPTION.match(line)  # "Table 2. Deaths by province": the number is the table's
            body = line[caption.end() :] if caption else line
            if len(body.strip()) > HEADING_MAX_CHARS or body.rstrip().endswith(".") or re.search(r"\d", body):
                return None
            return doc.char_span(start + (caption.end() if caption else 0), end, alignment_mode="expand")
        end = start - 1
    return None


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
