"""sw_events: the incidents a document reports, with their figures and totals (``doc._.sw_events``).

Sentences are read in order. A sentence opens or continues an incident when it
states figures, or names an incident ("shelling", "raid", "was attacked") with a
date of its own. It opens a new one when the text says so ("In a separate
operation", "Elsewhere"), or when its date or its place cannot be the current
incident's; otherwise it adds to the current incident (a headline's "kills 28"
and the body's "death toll rose to 28" are one incident). The incident's date is
the date the parse ties to its harm word or incident word, not the date of the
report ("Today, forces confirmed a leader was arrested ... Sunday" is Sunday);
when the text gives none and the document has a dateline, it is the dateline's
day, as in wire copy and press releases that report the day's incidents.

Not incidents: official acts (``sw_acts``), running tolls of a period ("killed
since the beginning of the year"), and deeds a text imputes to someone ("a
leader linked to an attack that killed four"); their figures belong to no event.
Totals follow ``nlp/totals.py`` with the convention's minimums that
``sw_figures`` already put on vague figures.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sourcewise.conventions import least
from sourcewise.nlp import lexicons
from sourcewise.nlp.anchors import in_sentence, nearest, span_root, token_span, tree_distance
from sourcewise.nlp.components.acts import act_tokens
from sourcewise.nlp.dateparse import Reference
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.eventscope import period_marker, several_incidents
from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.totals import Count, family, family_totals
from sourcewise.nlp.types import DateSpan, EventSpan, FigureSpan, PlaceSpan

_SEPARATE = re.compile(
    r"^\W*(?:in\s+(?:a|an)\s+(?:separate|unrelated|different)|in\s+another|separately|elsewhere|also\s+in|"
    r"in\s+other\s+(?:news|operations?|incidents?)|meanwhile|in\s+a\s+similar)\b",
    re.IGNORECASE,
)
_MORE_WORDS = {"more", "additional", "further", "another", "extra"}
_ADDITIVE_WORDS = {
    "another",
    "other",
    "others",
    "more",
    "additional",
    "further",
    "second",
    "third",
    "fourth",
    "fifth",
    "extra",
    "separate",
}
_IMPUTING = {
    "link",
    "responsible",
    "involve",
    "behind",
    "suspect",
    "accuse",
    "blame",
    "connect",
    "tie",
    "plan",
    "mastermind",
    "orchestrate",
    "coordinate",
    "direct",
    "facilitate",
    "participate",
    "accused",
}
#: Verbs that impute a deed only with the deed after "in": "assisted in the killing of", not "assist the villagers".
_IMPUTING_IN = {"assist", "help", "aid"}
_REPORTING = {"say", "report", "confirm", "announce", "state", "tell", "add", "claim", "deny", "note"}
_TOLL_LEMMAS = {"toll", "tally", "number", "count", "figure", "total", "death"}
_FINE = ("day", "interval", "month")
_MAX_TRIGGER_DATE_DISTANCE = 7


@lru_cache(maxsize=1)
def _lex() -> dict:
    return lexicons.load("events.json")


@dataclass(slots=True)
class _Incident:
    sentence: int
    scope: str = "incident"  # or "tally" / "summary" (``nlp/eventscope.py``)
    kinds: list[str] = field(default_factory=list)
    date: DateSpan | None = None
    place: PlaceSpan | None = None
    figures: list[int] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    words: set[str] = field(default_factory=set)  # lemmas of the words that named it


@Language.component("sw_events")
def sw_events(doc: Doc) -> Doc:
    figures: list[FigureSpan] = get_list(doc, "sw_figures")
    reference = doc._.sw_reference
    header_end = reference.end if reference is not None else -1
    latest = reference.day if reference is not None else None
    dateline = next((d for d in get_list(doc, "sw_dates") if d.dateline), None)
    dates = [
        d
        for d in get_list(doc, "sw_dates")
        if not d.dateline and d.start >= header_end and not (latest and d.first and d.first > latest)
    ]
    places: list[PlaceSpan] = get_list(doc, "sw_places")
    skip = act_tokens(doc)
    anchors = [_figure_anchor(doc, f) for f in figures]
    excluded = {i for i, f in enumerate(figures) if _imputed(anchors[i], f.noun) or _habitual(anchors[i], f)}
    scopes = {i: _scope(anchors[i]) for i, f in enumerate(figures) if i not in excluded and f.part_of is None}
    by_sentence: dict[int, list[int]] = {}
    stated: dict[int, list[int]] = {}  # sentence -> figures of tallies and summaries
    sents = list(doc.sents)
    sent_of = {s.start: k for k, s in enumerate(sents)}
    for i, f in enumerate(figures):
        if i in excluded or f.part_of is not None:
            continue
        k = sent_of[anchors[i].sent.start]
        (stated if scopes[i] != "incident" else by_sentence).setdefault(k, []).append(i)

    spent = {sent_of[anchors[i].sent.start] for i in excluded} - set(by_sentence)
    incidents: list[_Incident] = []
    statements: list[_Incident] = []
    current: _Incident | None = None
    scene: DateSpan | None = None  # the last date the story was set at ("In Kunduz last night, a force went ...")
    rules = [m.start() for m in _RELEASE_RULE.finditer(text_of(doc))]
    for k, sent in enumerate(sents):
        if rules and rules[0] < sent.end_char:  # the rule may open the sentence the parser runs on into
            rules = [r for r in rules if r >= sent.end_char]
            current, scene = None, None  # a rule line between joined releases: the next one tells its own story
        if k in stated:
            for scope in ("tally", "summary"):
                figs = [i for i in stated[k] if scopes[i] == scope]
                if figs:
                    statements.append(_statement(doc, sent, scope, figs, anchors, dates, places, reference))
            if any(scopes[i] == "summary" for i in stated[k]):
                current = None  # the incidents it sums up are told next, each on its own
                scene = statements[-1].date or scene
            if k not in by_sentence:
                continue
        if k in spent:
            continue  # its figures are someone's past deeds: no incident here
        figs = [i for i in by_sentence.get(k, []) if not _rejoin(i, figures, anchors, incidents, current)]
        triggers = [(t, kind) for t, kind in _triggers(sent) if t.i not in skip]
        anchor = anchors[figs[0]] if figs else None
        date = _sentence_date(doc, sent, dates, anchor, triggers)
        if not figs and date is not None and _background(date, current):
            continue  # "the leader was released in April 2009": an earlier time, no new incident
        if not figs and not _dated_incident(sent, date, triggers, skip):
            if current is not None and triggers and not current.kinds:
                current.kinds.extend(kind for _, kind in triggers)
            scene = _scene_date(doc, sent, dates, skip) or scene
            continue
        if date is None and scene is not None and not _background(scene, current):
            date = scene
        scene = None
        earlier = _named_before(sent, triggers, incidents, current) if figs and date is None else None
        if earlier is not None:  # "the drone strike was carried out, killing Omar ...": that strike
            earlier.figures.extend(figs)
            continue
        place = _sentence_place(doc, sent, places, anchor or (triggers[0][0] if triggers else sent.root))
        implicit = (
            dateline if current is not None and any(figures[i].start >= header_end for i in current.figures) else None
        )
        if current is None or _opens_new(current, sent, date, place, figs, anchors, implicit):
            if current is not None and not current.figures and not figs and _refines(current, date):
                current.date = date
                continue
            current = _Incident(k, span=_line_of(sent, anchor or (triggers[0][0] if triggers else sent.root)))
            incidents.append(current)
        elif current.date is not None and date is not None and _refines(current, date) and not current.figures:
            current.date = date
        if current.date is None and date is not None:
            current.date = date
        if current.place is None and place is not None:
            current.place = place
        current.kinds.extend(kind for _, kind in triggers)
        current.words.update(t.lemma_.lower() for t, _ in triggers)
        current.figures.extend(figs)

    doc._.sw_events = _finish(doc, incidents, statements, figures, anchors, excluded)
    return doc


def _scope(anchor: Token) -> str:
    """``tally``, ``summary`` or ``incident``: what the figure's clause counts (``nlp/eventscope.py``)."""
    if period_marker(anchor) is not None:
        return "tally"
    if several_incidents(anchor, _plural_incidents()) is not None:
        return "summary"
    return "incident"


@lru_cache(maxsize=1)
def _plural_incidents() -> frozenset[str]:
    return frozenset(_lex()["several_incidents"])


def _statement(
    doc: Doc,
    sent: Span,
    scope: str,
    figs: list[int],
    anchors: list[Token],
    dates: list[DateSpan],
    places: list[PlaceSpan],
    reference: Reference | None,
) -> _Incident:
    """A tally or a summary: its figures, the period or day it covers, and its place."""
    anchor = anchors[figs[0]]
    tally = scope == "tally"
    date = _period(doc, anchor, dates, reference) if tally else _sentence_date(doc, sent, dates, anchor, [])
    st = _Incident(-1, scope=scope, date=date, figures=list(figs), span=_line_of(sent, anchor))
    st.place = _sentence_place(doc, sent, places, anchor)
    st.kinds.extend(kind for _, kind in _triggers(sent))
    return st


def _period(doc: Doc, anchor: Token, dates: list[DateSpan], reference: Reference | None) -> DateSpan | None:
    """The period a tally covers: "since December 1" is December 1 to the day the document speaks
    from; "this month" is the month; "so far" and "over the past month" name no date of their own."""
    marker = period_marker(anchor)
    if marker is None:
        return None
    after = [dates[i] for i in in_sentence(dates, marker.sent) if dates[i].start >= marker.idx]
    if marker.lower_ == "since" and after and after[0].start - marker.idx <= 80:
        first = after[0]
        begin = first.first
        end = reference.day if reference is not None else None
        if begin is None or end is None or end < begin:
            return first
        value = f"{begin.isoformat()}/{end.isoformat()}"
        return DateSpan(first.start, first.end, value, "interval", begin, end, relative=True)
    covering = [d for d in dates if d.start <= marker.idx < d.end]
    return covering[0] if covering else None


def _background(scene: DateSpan, current: _Incident | None) -> bool:
    """Is the scene a time before the incident being told ("the leader was released in April 2009",
    "a commander who was detained Feb. 26")? A sentence of background sets no date for the counts after it."""
    if current is None or current.date is None or current.date.first is None or scene.last is None:
        return False
    return scene.last < current.date.first


def _rejoin(
    i: int, figures: list[FigureSpan], anchors: list[Token], incidents: list[_Incident], current: _Incident | None
) -> bool:
    """A toll that repeats a figure of an earlier incident belongs to it ("That takes the overall death
    toll to 9,870" after a paragraph about one day): add it there, and say so."""
    f = figures[i]
    if f.value is None or not _is_toll(anchors[i]):
        return False
    for inc in incidents:
        if inc is current:
            continue
        if any(
            figures[j].category == f.category and figures[j].value == f.value and figures[j].qualifier == f.qualifier
            for j in inc.figures
        ):
            inc.figures.append(i)
            return True
    return False


# -- what a sentence says ---------------------------------------------------------------------------


def _figure_anchor(doc: Doc, f: FigureSpan) -> Token:
    """The token standing for the figure in the parse: its harm word, else its noun, else its number."""
    for idx in (f.harm, f.noun):
        if idx is not None and f.start <= doc[idx].idx < f.end + 200:
            return doc[idx]
    root = span_root(doc, f.start, f.end)
    return root if root is not None else doc[0]


def _habitual(t: Token, f: FigureSpan) -> bool:
    """ "Civilians are killed by such bombs": people without a number harmed in the simple present
    passive is what happens as a rule, not an incident the text reports. A headline or lead ("Civilians
    are killed in shelling") tells its incident in the present: the first sentence is never habitual."""
    if f.value is not None or f.qualifier not in ("vague", "implied") or t.tag_ != "VBN" or t.sent.start == 0:
        return False
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in t.children) and not any(
        c.dep_ == "aux" for c in t.children
    )


def _imputed(t: Token, own: int | None = None) -> bool:
    """ "a commander linked to an attack that killed four soldiers", "accused of being behind the
    killing of several soldiers": the incident is a deed the sentence imputes to someone. The counted
    people's own noun imputes nothing ("two suspects taken into custody")."""
    cur = t
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == own:
            continue
        if cur.lemma_.lower() in _IMPUTING or cur.lower_ in _IMPUTING:
            return True
        if cur.lower_ == "in" and cur.dep_ == "prep" and cur.head.lemma_.lower() in _IMPUTING_IN:
            return True  # "assisted in the killing of", "helped in the attack that killed"
    return False


def _triggers(sent: Span) -> list[tuple[Token, str]]:
    """Words of the sentence that name an incident, with their kind."""
    lex = _lex()
    nouns, verbs, air = lex["nouns"], lex["verbs"], set(lex["air_words"])
    out: list[tuple[Token, str]] = []
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN"):
            kind = None
            prev = t.doc[t.i - 1] if t.i > sent.start else None
            if prev is not None:
                kind = nouns.get(f"{prev.lemma_.lower()} {lemma}") or nouns.get(f"{prev.lower_} {t.lower_}")
            if kind is None and lemma == "fire" and prev is not None and prev.lower_ == "of":
                pp = t.doc[t.i - 2] if t.i - 2 >= sent.start else None
                kind = "clashes" if pp is not None and pp.lemma_.lower() == "exchange" else None
            kind = kind or nouns.get(lemma)
            if kind is None:
                continue
            if lemma == "strike" and any(c.lower_ in air for c in t.children):
                kind = "airstrike"
            if not _imputed(t):
                out.append((t, kind))
        elif t.pos_ == "VERB":
            kind = None
            for c in t.children:
                if c.dep_ in ("prt", "dobj"):
                    kind = kind or verbs.get(f"{lemma} {c.lower_}")
            kind = kind or verbs.get(lemma)
            if kind is None:
                continue
            if lemma == "strike" and any(w.lower_ in air for w in sent):
                kind = "airstrike"
            if not _imputed(t) and t.tag_ not in ("VBZ", "VBP"):  # "conducts attacks": a habit, not an incident
                out.append((t, kind))
    return out


def _sentence_date(
    doc: Doc, sent: Span, dates: list[DateSpan], anchor: Token | None, triggers: list[tuple[Token, str]]
) -> DateSpan | None:
    """The date the parse ties to the sentence's incident (its first figure, else its incident words)."""
    cands = in_sentence(dates, sent)
    if not cands:
        return None
    cands = [i for i in cands if not _reporting_date(doc, dates[i])] or cands
    named = [i for i in cands if _names_incident_date(doc, dates[i])]
    if named:  # "the toll from Thursday's shelling rose to 34 on Sunday": the incident is Thursday's
        return dates[named[0]]
    if anchor is not None:
        best = nearest(doc, anchor, dates, cands)
        return dates[best] if best is not None else None
    best_key: tuple[int, int] | None = None
    chosen: DateSpan | None = None
    for t, _ in triggers:
        i = nearest(doc, t, dates, cands)
        if i is None:
            continue
        root = span_root(doc, dates[i].start, dates[i].end)
        dist = tree_distance(t, root) if root is not None else 10_000
        if dist <= _MAX_TRIGGER_DATE_DISTANCE and (best_key is None or (dist, i) < best_key):
            best_key, chosen = (dist, i), dates[i]
    return chosen


def _names_incident_date(doc: Doc, d: DateSpan) -> bool:
    """A date that qualifies an incident noun: "Thursday's shelling", "the 14 March attack"."""
    root = span_root(doc, d.start, d.end)
    if root is None or root.dep_ not in ("poss", "compound", "nmod", "npadvmod"):
        return False
    head = root.head
    return head.pos_ == "NOUN" and head.lemma_.lower() in _lex()["nouns"]


def _scene_date(doc: Doc, sent: Span, dates: list[DateSpan], skip: set[int]) -> DateSpan | None:
    """A date that sets the scene of what follows: a day tied to the sentence's main verb, not to
    a report, an official act or a deed imputed to someone."""
    if any(t.i in skip for t in sent):
        return None
    cands = [
        i
        for i in in_sentence(dates, sent)
        if dates[i].granularity in ("day", "interval") and not _reporting_date(doc, dates[i])
    ]
    cands = [
        i for i in cands if (root := span_root(doc, dates[i].start, dates[i].end)) is not None and not _imputed(root)
    ]
    best = nearest(doc, sent.root, dates, cands)
    return dates[best] if best is not None else None


def _reporting_date(doc: Doc, d: DateSpan) -> bool:
    """A date hung on "said"/"confirmed": when something was reported, not when it happened."""
    root = span_root(doc, d.start, d.end)
    if root is None:
        return False
    head = root.head
    if root.dep_ == "pobj":
        head = head.head
    return head.lemma_.lower() in _REPORTING


def _sentence_place(doc: Doc, sent: Span, places: list[PlaceSpan], anchor: Token) -> PlaceSpan | None:
    cands = in_sentence(places, sent)
    best = nearest(doc, anchor, places, cands)
    return places[best] if best is not None else None


def _dated_incident(sent: Span, date: DateSpan | None, triggers: list, skip: set[int]) -> bool:
    """A sentence without figures names an incident of its own: an incident word with a day, days or
    month tied to it, and no official act (a decree's date is not an incident's)."""
    if date is None or date.granularity not in _FINE or not triggers:
        return False
    return not any(t.i in skip for t in sent)


# -- grouping -------------------------------------------------------------------------------------


def _named_before(
    sent: Span, triggers: list[tuple[Token, str]], incidents: list[_Incident], current: _Incident | None
) -> _Incident | None:
    """An earlier incident the sentence points back to with a definite incident word ("the airstrike")."""
    for t, _ in triggers:
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
            continue
        for inc in reversed(incidents):
            if inc is not current and t.lemma_.lower() in inc.words:
                return inc
    return None


def _opens_new(
    cur: _Incident,
    sent: Span,
    date: DateSpan | None,
    place: PlaceSpan | None,
    figs: list[int],
    anchors: list[Token],
    implicit: DateSpan | None,
) -> bool:
    """Does the sentence start another incident? ``implicit`` is the day an undated incident of a
    datelined story is taken to have happened on (a headline's incident has none)."""
    if _SEPARATE.search(sent.text):
        return True
    cur_date = cur.date or implicit
    if date is not None and cur_date is not None and _disjoint(date, cur_date):
        return not (figs and all(_is_toll(anchors[i]) for i in figs))
    if date is not None and cur.date is not None and _other_period(date, cur.date):
        return True
    if place is not None and cur.place is not None and not _same_place(place, cur.place):
        return bool(figs) and date is not None
    return False


def _disjoint(a: DateSpan, b: DateSpan) -> bool:
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return a.value != b.value
    return a.last < b.first or b.last < a.first


def _other_period(a: DateSpan, b: DateSpan) -> bool:
    """Two stated periods ("between 13 and 15 May", "between 7 October and 15 May") frame two counts."""
    return a.granularity == b.granularity == "interval" and a.value != b.value and not (a.relative and b.relative)


def _refines(cur: _Incident, date: DateSpan | None) -> bool:
    """A finer date inside a coarse one ("the early 1990s" ... "the night of 25-26 February 1992");
    a day of a night already dated does not re-date it."""
    d = cur.date
    if date is None or d is None or d.first is None or d.last is None or date.first is None or date.last is None:
        return date is not None and d is None
    if (d.last - d.first).days < 7:
        return False
    inside = d.first <= date.first and date.last <= d.last
    return inside and (date.last - date.first) < (d.last - d.first)


def _same_place(a: PlaceSpan, b: PlaceSpan) -> bool:
    ka = {x.lower() for x in (a.name, a.admin1) if x}
    kb = {x.lower() for x in (b.name, b.admin1) if x}
    return bool(ka & kb)


def _is_toll(t: Token) -> bool:
    return t.lemma_.lower() in _TOLL_LEMMAS or any(c.lemma_.lower() == "toll" for c in t.children)


# -- output ---------------------------------------------------------------------------------------


def _finish(
    doc: Doc,
    incidents: list[_Incident],
    statements: list[_Incident],
    figures: list[FigureSpan],
    anchors: list[Token],
    excluded: set[int],
) -> list[EventSpan]:
    """Events in text order, each person counted once when totals are summed over the events
    (nlp/eventscope.py): a tally counts a period, not an incident, so its figures stay linked to it
    but it has no totals; a summary of several operations has totals only where the document tells
    none of them one by one (then it is the only account of them)."""
    dateline_day = None
    for d in get_list(doc, "sw_dates"):
        if d.dateline:
            dateline_day = d
    ordered = sorted([*incidents, *statements], key=lambda inc: inc.span[0])
    events: list[EventSpan] = []
    for n, inc in enumerate(ordered):
        members = list(inc.figures)
        for i, f in enumerate(figures):  # parts follow their whole
            if f.part_of is not None and f.part_of in inc.figures and i not in excluded:
                members.append(i)
        members.sort()
        for i in members:
            figures[i].event = n
        date = inc.date or (dateline_day if inc.scope != "tally" else None)
        events.append(
            EventSpan(
                start=inc.span[0],
                end=inc.span[1],
                kind=_kind(inc, [figures[i] for i in members]),
                date=date.value if date is not None else None,
                place=inc.place.name if inc.place is not None else None,
                figures=members,
                totals=_totals(doc, inc, figures, anchors),
                scope=inc.scope,
            )
        )
        _trim(doc, events[-1])
    told = any(e.totals for e in events if e.scope == "incident")
    for e in events:
        if e.scope == "tally" or (e.scope == "summary" and told):
            e.totals = {}
    days = [(inc.date or (dateline_day if inc.scope != "tally" else None)) for inc in ordered]
    _retold_in_later_releases(text_of(doc), events, [d.first if d is not None else None for d in days])
    return events


# a rule line between two releases joined in one document ("----")
_RELEASE_RULE = re.compile(r"(?m)^[ \t]*-{3,}[ \t]*$")


def _retold_in_later_releases(text: str, events: list[EventSpan], days: list[dt.date | None]) -> None:
    """A document that joins several releases with rule lines tells an incident again in a later one
    ("UPDATE: ... confirmed the capture of the leader"): an event of a later release dated within a day of
    one with totals in an earlier release counts only the categories that one does not (updates date the
    same operation by the day it happened or by "yesterday" of a later dateline)."""
    rules = [m.start() for m in _RELEASE_RULE.finditer(text)]
    if not rules:
        return
    release = [sum(r < e.start for r in rules) for e in events]
    for n, e in enumerate(events):
        this = days[n]
        if release[n] == 0 or this is None or not e.totals:
            continue
        for k, other in enumerate(events):
            day = days[k]
            if release[k] >= release[n] or day is None or not other.totals or abs((this - day).days) > 1:
                continue
            have = {family(cat) for cat in other.totals}
            e.totals = {cat: t for cat, t in e.totals.items() if family(cat) not in have}


def _kind(inc: _Incident, figs: list[FigureSpan]) -> str:
    priority = _lex()["priority"]
    kinds = sorted(set(inc.kinds), key=lambda k: priority.index(k) if k in priority else len(priority))
    cats = {f.category for f in figs}
    if kinds:
        kind = kinds[0]
        if kind == "operation" and cats and cats <= {"detained", "hostage"}:
            return "detention operation"
        return kind
    if cats and cats <= {"detained"}:
        return "detention operation"
    if cats and cats <= {"hostage"}:
        return "abduction"
    if cats & {"killed", "injured"}:
        return "attack"
    return "incident"


def _totals(doc: Doc, inc: _Incident, figures: list[FigureSpan], anchors: list[Token]) -> dict[str, dict]:
    """Per category, what the incident's figures claim (``nlp/totals.py``); captured and detained are
    folded together so that nobody taken into custody is counted twice."""
    settings = doc._.sw_settings
    convention = settings.convention if settings is not None else "default"
    by_family: dict[str, list[int]] = {}
    seen: dict[str, int] = {}
    nouns: dict[str, set[str]] = {}  # per category, the lemmas of the nouns counted so far
    for i in inc.figures:
        f = figures[i]
        if f.part_of is not None or f.unit != "people":
            continue
        if (
            _PARTITIVE.search(text_of(doc), f.start, f.end) or _of_a_group(doc, f, nouns.get(f.category, set()))
        ) and seen.get(f.category):
            continue  # a part of a group counted before it
        seen[f.category] = seen.get(f.category, 0) + 1
        if f.noun is not None:
            nouns.setdefault(f.category, set()).add(doc[f.noun].lemma_.lower())
        by_family.setdefault(family(f.category), []).append(i)
    out: dict[str, dict] = {}
    wholes = {f.part_of for f in figures if f.part_of is not None}
    for idx in by_family.values():
        idx.sort()
        counts = []
        back = _back_references(doc, idx, figures, anchors)
        # _separate_clause holds only within one sentence: pairing each count with the earlier ones of its own
        # sentence, not with every earlier one, keeps a long document from costing the square of its counts
        earlier_in_sentence: dict[int, list[int]] = {}
        for i in idx:
            f = figures[i]
            words = _own_words(doc, f)
            further = _further(words)
            before = earlier_in_sentence.setdefault(anchors[i].sent.start, [])
            additive = _additive(words, anchors[i]) or any(
                _separate_clause(doc, figures[j], anchors[j], f, anchors[i])
                for j in before
                if figures[j].category == f.category
            )
            before.append(i)
            counts.append(
                Count(
                    i,
                    f.value,
                    f.low,
                    f.high,
                    f.qualifier,
                    f.subgroup,
                    additive,
                    back.get(i),
                    _inclusive(anchors[i], i in wholes),
                    least=least(convention, f.value, f.low, f.qualifier) if f.qualifier == "more_than" else None,
                    category=f.category,
                    further=further,
                    more="more" in words,
                    others=f.noun is not None and any(c.lower_ == "other" for c in doc[f.noun].children),
                    definite=_definite_count(doc, f),
                    retold=_retold_beside(doc, f),
                    includes=_includes_here(doc, f, anchors[i]),
                )
            )
        for cat, total in family_totals(counts).items():
            out[cat] = total.as_dict()
            for g, members in enumerate(total.groups):
                for i in members:
                    figures[i].group = g
    return out


def _of_a_group(doc: Doc, f: FigureSpan, counted: set[str]) -> bool:
    """Is the figure's number a part of a group counted before ("one of multiple men held", "one of the
    gunmen died" after gunmen were counted), not the group's own number? "One of the targeted leaders"
    after a count of suspects picks out people not counted yet."""
    m = _OF_A_GROUP.match(text_of(doc), f.number.end) if f.number is not None else None
    if m is None:
        return False
    if m["det"].lower() not in ("the", "these"):
        return True  # "of multiple/several ...": a vague group, told before or not
    return f.noun is not None and doc[f.noun].lemma_.lower() in counted


def _back_references(doc: Doc, idx: list[int], figures: list[FigureSpan], anchors: list[Token]) -> dict[int, int]:
    """Figures that restate earlier ones of the same category: a definite or named single person
    ("detained a leader ... the leader was detained"), and the counts of one sentence that add up
    to a number stated before ("detained four ... the commander and three additional suspects")."""
    out: dict[int, int] = {}
    for n, i in enumerate(idx):
        f = figures[i]
        if f.qualifier != "implied" or f.noun is None:
            continue
        noun = doc[f.noun]
        definite = noun.pos_ == "PROPN" or any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "their") for c in noun.children
        )
        earlier = [j for j in idx[:n] if figures[j].qualifier == "implied" and anchors[j].sent != anchors[i].sent]
        if definite and earlier:
            same = [j for j in earlier if _noun_lemma(doc, figures[j]) == noun.lemma_]
            out[i] = (same or earlier)[-1]
    for n, i in enumerate(idx):  # "one additional insurgent" said twice is one insurgent
        f = figures[i]
        if i in out or f.value is None or f.noun is None:
            continue
        for j in reversed(idx[:n]):
            g = figures[j]
            if (
                g.value == f.value
                and g.qualifier == f.qualifier
                and g.noun is not None
                and doc[g.noun].lemma_ == doc[f.noun].lemma_
                and anchors[j].sent != anchors[i].sent
            ):
                out[i] = j
                break
    by_sentence: dict[int, list[int]] = {}
    for i in idx:
        by_sentence.setdefault(anchors[i].sent.start, []).append(i)
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        total = sum(minimum_of(figures[i]) for i in members)
        stated = [
            j
            for j in idx
            if j < members[0] and figures[j].qualifier == "exact" and figures[j].value == total and j not in members
        ]
        if stated:
            for i in members:
                out[i] = stated[-1]
    return out


# "several were detained, one of whom ...": a part of a group even where no whole was linked to it
_PARTITIVE = re.compile(r"\b(?:one|two|three|some|most|many|all|each)\s+of\s+(?:whom|which|them|those)\b", re.I)
# "one of the insurgents died", "one of multiple men detained": the figure's own number picks out members of a group
_OF_A_GROUP = re.compile(r"\s+of\s+(?P<det>the|these|multiple|several|numerous|many)\b", re.I)
_INCLUDING = re.compile(r"\b(?:including|among them|among whom|of whom|one of which|one of whom|to include)\b", re.I)


def _inclusive(anchor: Token, has_parts: bool) -> bool:
    """Does the count say it includes people named with it ("two militants, including the commander")?"""
    return bool(_INCLUDING.search(anchor.sent.text)) or has_parts


def _includes_here(doc: Doc, f: FigureSpan, anchor: Token) -> bool:
    """Is an "including" attached to the figure itself ("several were detained, including the facilitator"),
    not to something else in its sentence ("weapons to include firearms were seized")?"""
    own = {anchor.i, *(x for x in (f.noun, f.harm) if x is not None)}
    for t in anchor.sent:
        if t.lower_ not in ("including", "include", "among"):
            continue
        cur = t
        for _ in range(4):
            if cur.i in own:
                return True
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return False


def _noun_lemma(doc: Doc, f: FigureSpan) -> str | None:
    return doc[f.noun].lemma_ if f.noun is not None else None


def minimum_of(f: FigureSpan) -> int:
    if f.value is not None and f.qualifier not in ("range", "vague"):
        return f.value + (1 if f.qualifier == "more_than" else 0)
    return f.low or 0


def _own_words(doc: Doc, f: FigureSpan) -> set[str]:
    """The words of the figure outside its number, and those modifying its noun."""
    span = token_span(doc, f.start, f.end)
    number = (f.number.start, f.number.end) if f.number is not None else (-1, -1)
    words = {t.lower_ for t in span if not number[0] <= t.idx < number[1]} if span is not None else set()
    if f.noun is not None:
        words |= {c.lower_ for c in doc[f.noun].children}
    if f.qualifier == "vague" and f.number is not None:  # "several more insurgents": the word sits in the number
        words |= {t.lower_ for t in (token_span(doc, f.number.start, f.number.end) or ())} & {"more"}
    return words


def _further(words: set[str]) -> bool:
    """ "several more", "another", "additional": more people of the kind already counted ("others" may
    be others than those harmed otherwise: "killed several and detained several others")."""
    return bool(words & _MORE_WORDS)


def _additive(words: set[str], anchor: Token) -> bool:
    """Does the text present the figure as a further group ("another", "a third", "also detained")?"""
    if words & _ADDITIVE_WORDS:
        return True
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    return any(c.lower_ in ("also", "too") and c.dep_ == "advmod" for c in verb.children)


def _definite_count(doc: Doc, f: FigureSpan) -> bool:
    """ "the two men", "these three insurgents": a stated number of people the text has counted before."""
    if f.noun is None or f.number is None or f.value is None or f.qualifier in ("implied", "vague"):
        return False
    noun, number = doc[f.noun], doc[f.number.root]
    if number.head.i != noun.i or number.dep_ != "nummod":
        return False  # "two of the facilitator's associates": a part, not "the two"
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children)


_PRONOUNS = {"he", "him", "she", "her", "they", "them"}


def _retold_beside(doc: Doc, f: FigureSpan) -> bool:
    """Is the count told beside someone already named ("the commander and three of his guards were
    held", "she and one of her aides", "arrested him, along with one aide")?"""
    span = token_span(doc, f.start, f.end)
    if span is None:
        return False
    t = doc[f.noun] if f.noun is not None else span.root
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.i:
        t = t.head.head  # "two of his associates": the count is "two"
    partners = [p for p in t.conjuncts if p.i != t.i]
    if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.lower_ == "along":
        partners += [t.head.head.head, *(c for c in t.head.head.head.children if c.dep_ in ("dobj", "nsubjpass"))]
    for p in partners:
        if p.lower_ in _PRONOUNS and p.pos_ == "PRON":
            return True
        if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in p.children) and p.tag_ in ("NN", "NNP"):
            return True
    return False


def _separate_clause(doc: Doc, a: FigureSpan, ta: Token, b: FigureSpan, tb: Token) -> bool:
    """Two counts of one category in one sentence are two groups ("killed a leader and one
    insurgent", "14 pupils lost their mothers while 60 lost their fathers") unless one restates the
    other as a toll ("brings the total deaths to ...")."""
    if _is_toll(ta) or _is_toll(tb):
        return False
    if ta.sent.start != tb.sent.start:
        return False  # a later sentence restating the count is the usual case
    if a.value is not None and a.value == b.value and a.qualifier == b.qualifier != "implied":
        return False
    if ta.i != tb.i:
        # "14 lost their mothers while 60 lost their fathers": two clauses of one statement, each stating its
        # own exact count; "at least 161 ... although officials estimate about 800" are two estimates
        linked = tb.head.i == ta.i or ta.head.i == tb.i or tb in ta.conjuncts
        lo, hi = sorted((ta.i, tb.i))
        if any(t.lower_ in ("including", "includes", "included") for t in doc[lo:hi]):
            return False  # "212 were hurt, including ... 45 hurt since Monday": a part
        return linked and a.qualifier == b.qualifier == "exact" and not _hedged(ta) and not _hedged(tb)
    na = doc[a.noun] if a.noun is not None else None
    nb = doc[b.noun] if b.noun is not None else None
    if na is None or nb is None or not (nb in na.conjuncts or na in nb.conjuncts):
        return False
    lo, hi = sorted((na.i, nb.i))
    return not any(t.lower_ == "or" for t in doc[lo:hi])  # "a Hezb-e Islami, or HIG, facilitator": one person


def _hedged(t: Token) -> bool:
    """ "may have died", "could be killed": a possibility, not a count."""
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could", "would") for c in t.children)


def _line_of(sent: Span, anchor: Token) -> tuple[int, int]:
    """The sentence, from the line the incident is on (a release's header lines are not its quote)."""
    text = text_of(sent.doc)
    nl = text.rfind("\n", sent.start_char, max(anchor.idx, sent.start_char))
    start = nl + 1 if nl >= 0 else sent.start_char
    return start, sent.end_char


def _trim(doc: Doc, e: EventSpan) -> None:
    """Quote the sentence without its surrounding whitespace."""
    text = text_of(doc)
    while e.start < e.end and text[e.start].isspace():
        e.start += 1
    while e.end > e.start and text[e.end - 1].isspace():
        e.end -= 1
