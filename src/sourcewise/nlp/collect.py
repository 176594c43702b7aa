"""Doc -> Report: the one place component results become report records.

Ids are given here (``f1``, ``e1`` in text order), cross-references resolved,
and every quote checked against its offsets: a record whose quote is not at its
offsets is a bug, and the report is refused rather than emitted wrong.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sourcewise import PIPELINE_VERSION
from sourcewise.errors import AnalysisError
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.types import CheckSpan
from sourcewise.records import (
    Act,
    Attribution,
    Check,
    DateMention,
    Document,
    Entity,
    Event,
    Figure,
    Framing,
    Place,
    Report,
    Span,
    Technique,
    Total,
    offset_errors,
)

#: Entity labels worth reporting (who and where); numbers and dates have their own records.
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}


def collect(doc: Doc, document: Document) -> Report:
    text = text_of(doc)
    figures_raw = get_list(doc, "sw_figures")
    fig_ids = [f"f{i + 1}" for i in range(len(figures_raw))]
    events_raw = get_list(doc, "sw_events")
    ev_ids = [f"e{i + 1}" for i in range(len(events_raw))]

    figures = tuple(
        Figure(
            id=fig_ids[i],
            category=f.category,
            value=f.value,
            low=f.low,
            high=f.high,
            qualifier=f.qualifier,
            subgroup=f.subgroup,
            unit=f.unit,
            part_of=fig_ids[f.part_of] if f.part_of is not None else None,
            event=ev_ids[f.event] if f.event is not None and f.event < len(ev_ids) else None,
            attributed_to=f.attributed_to,
            start=f.start,
            end=f.end,
            quote=text[f.start : f.end],
        )
        for i, f in enumerate(figures_raw)
    )
    events = tuple(
        Event(
            id=ev_ids[i],
            kind=e.kind,
            date=e.date,
            place=e.place,
            figures=tuple(fig_ids[k] for k in e.figures),
            totals=_totals(e.totals, fig_ids),
            start=e.start,
            end=e.end,
            quote=text[e.start : e.end],
            scope=e.scope,
        )
        for i, e in enumerate(events_raw)
    )
    spons = doc._.sw_sponsorship
    genre = doc._.sw_genre or (None, ())
    framing = Framing(
        genre=genre[0],
        genre_cues=tuple(genre[1]),
        sponsorship=Span(spons.start, spons.end, text[spons.start : spons.end]) if spons else None,
        outlet=doc._.sw_outlet,
        attributions=tuple(
            Attribution(a.start, a.end, text[a.start : a.end], a.source) for a in get_list(doc, "sw_attributions")
        ),
        unattributed_share=_unattributed_share(figures),
        techniques=tuple(
            Technique(t.label, t.start, t.end, text[t.start : t.end], t.score, t.reason)
            for t in get_list(doc, "sw_techniques")
        ),
        checks=tuple(_check(c, fig_ids) for c in get_list(doc, "sw_checks")),
    )
    report = Report(
        document=document,
        figures=figures,
        dates=tuple(
            DateMention(d.start, d.end, text[d.start : d.end], d.value, d.granularity)
            for d in get_list(doc, "sw_dates")
        ),
        places=tuple(
            Place(
                p.start,
                p.end,
                text[p.start : p.end],
                p.name,
                p.admin1,
                p.country,
                p.lat,
                p.lon,
                p.gazetteer_id,
            )
            for p in get_list(doc, "sw_places")
        ),
        entities=tuple(
            Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS
        ),
        events=events,
        acts=tuple(
            Act(a.kind, a.actor, a.date, a.start, a.end, text[a.start : a.end]) for a in get_list(doc, "sw_acts")
        ),
        framing=framing,
        pipeline=PIPELINE_VERSION,
    )
    bad = offset_errors(report)
    if bad:
        raise AnalysisError(f"{len(bad)} record(s) with quotes not at their offsets, e.g. {bad[0]}")
    return report


def _totals(totals: dict, fig_ids: list[str]) -> dict[str, Total]:
    return {
        cat: Total(value=t["value"], low=t["low"], high=t["high"], figures=tuple(fig_ids[k] for k in t["figures"]))
        for cat, t in totals.items()
    }


def _check(c: Check | CheckSpan, fig_ids: list[str]) -> Check:
    """A component's check with its references as the report names them: figure ids, "@start:end" spans."""
    if isinstance(c, Check):
        return c
    refs = [fig_ids[i] for i in c.figures if i < len(fig_ids)] + [f"@{s}:{e}" for s, e in c.spans]
    return Check(kind=c.kind, ok=c.ok, message=c.message, refs=tuple(refs))


def _unattributed_share(figures: tuple[Figure, ...]) -> float | None:
    """Share of figures the text credits to no source (the seed article's is 1.0)."""
    if not figures:
        return None
    return round(sum(1 for f in figures if not f.attributed_to) / len(figures), 3)


__all__ = ["ENTITY_LABELS", "Check", "collect"]
