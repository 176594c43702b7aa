"""Typed records of a report (spec: ../shared/spec/report-v1.md).

Every record that points into the text carries ``start``/``end``/``quote`` with
``text[start:end] == quote``. Records are frozen dataclasses so that a report
cannot be edited into inconsistency after it was checked; ``to_dict`` emits
exactly the keys of the spec, ``from_dict`` reads them back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "sourcewise.report/1"

CATEGORIES = ("killed", "injured", "hostage", "missing", "detained", "displaced", "orphaned")
QUALIFIERS = ("exact", "at_least", "more_than", "up_to", "about", "range", "vague", "implied")
SUBGROUPS = (
    None,
    "women",
    "children",
    "elderly",
    "men",
    "civilians",
    "combatants",
    "families",
    "journalists",
    "aid_workers",
    "medics",
)
UNITS = ("people", "families")
GENRES = ("news", "analysis_opinion", "report", "encyclopedia", "press_release")
#: What an event counts: one incident (the spec's event), a running tally over a period ("since December 1",
#: "so far"), or a summary of several incidents ("during four separate operations"). Tallies and summaries
#: include incidents a document may also tell one by one: a tally has no totals (its figures stay linked to it),
#: a summary has totals only where no incident event has any. Summed over all events, totals count everyone once.
EVENT_SCOPES = ("incident", "tally", "summary")


@dataclass(frozen=True, slots=True)
class Span:
    """A quote and where it sits in the document text."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input article: its text and what is known about where it came from."""

    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
            "byline": self.byline,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            id=d["id"],
            source=d["source"],
            text=d["text"],
            url=d.get("url"),
            title=d.get("title"),
            publisher=d.get("publisher"),
            byline=d.get("byline"),
            published=d.get("published"),
            language=d.get("language") or "en",
        )


@dataclass(frozen=True, slots=True)
class Figure:
    """A number of people harmed, as one sentence of the document states it."""

    id: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    subgroup: str | None
    unit: str
    part_of: str | None
    event: str | None
    attributed_to: str | None
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    quote: str
    value: str
    granularity: str


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    quote: str
    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    gazetteer_id: str | None


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    quote: str
    label: str


@dataclass(frozen=True, slots=True)
class Total:
    """What a document claims for a whole event in one category."""

    value: int | None
    low: int | None
    high: int | None
    figures: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    date: str | None
    place: str | None
    figures: tuple[str, ...]
    totals: dict[str, Total]
    start: int
    end: int
    quote: str
    scope: str = "incident"  # EVENT_SCOPES


@dataclass(frozen=True, slots=True)
class Act:
    kind: str
    actor: str | None
    date: str | None
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Outlet:
    """An entry of the outlet registry (what others say about a publisher)."""

    name: str
    owner: str | None
    funding: str | None
    affiliation: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Attribution:
    start: int
    end: int
    quote: str
    source: str


@dataclass(frozen=True, slots=True)
class Technique:
    label: str
    start: int
    end: int
    quote: str
    score: float
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Check:
    kind: str
    ok: bool
    message: str
    refs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Framing:
    genre: str | None = None
    genre_cues: tuple[str, ...] = ()
    sponsorship: Span | None = None
    outlet: Outlet | None = None
    attributions: tuple[Attribution, ...] = ()
    unattributed_share: float | None = None
    techniques: tuple[Technique, ...] = ()
    checks: tuple[Check, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    document: Document
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[Place, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    acts: tuple[Act, ...] = ()
    framing: Framing = field(default_factory=Framing)
    pipeline: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "pipeline": self.pipeline,
            "document": self.document.to_dict(),
            "figures": [dataclasses.asdict(f) for f in self.figures],
            "dates": [dataclasses.asdict(d) for d in self.dates],
            "places": [dataclasses.asdict(p) for p in self.places],
            "entities": [dataclasses.asdict(e) for e in self.entities],
            "events": [_event_dict(e) for e in self.events],
            "acts": [dataclasses.asdict(a) for a in self.acts],
            "framing": _framing_dict(self.framing),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        fr = d.get("framing") or {}
        return cls(
            document=Document.from_dict(d["document"]),
            figures=tuple(Figure(**f) for f in d.get("figures") or ()),
            dates=tuple(DateMention(**x) for x in d.get("dates") or ()),
            places=tuple(Place(**x) for x in d.get("places") or ()),
            entities=tuple(Entity(**x) for x in d.get("entities") or ()),
            events=tuple(_event_from(x) for x in d.get("events") or ()),
            acts=tuple(Act(**x) for x in d.get("acts") or ()),
            framing=Framing(
                genre=fr.get("genre"),
                genre_cues=tuple(fr.get("genre_cues") or ()),
                sponsorship=Span(**fr["sponsorship"]) if fr.get("sponsorship") else None,
                outlet=Outlet(**fr["outlet"]) if fr.get("outlet") else None,
                attributions=tuple(Attribution(**x) for x in fr.get("attributions") or ()),
                unattributed_share=fr.get("unattributed_share"),
                techniques=tuple(Technique(**x) for x in fr.get("techniques") or ()),
                checks=tuple(
                    Check(kind=c["kind"], ok=c["ok"], message=c["message"], refs=tuple(c.get("refs") or ()))
                    for c in fr.get("checks") or ()
                ),
            ),
            pipeline=d.get("pipeline") or "",
        )


def _event_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "date": e.date,
        "place": e.place,
        "figures": list(e.figures),
        "totals": {k: {**dataclasses.asdict(t), "figures": list(t.figures)} for k, t in e.totals.items()},
        "start": e.start,
        "end": e.end,
        "quote": e.quote,
        "scope": e.scope,
    }


def _event_from(d: dict[str, Any]) -> Event:
    return Event(
        id=d["id"],
        kind=d["kind"],
        date=d.get("date"),
        place=d.get("place"),
        figures=tuple(d.get("figures") or ()),
        totals={
            k: Total(value=t.get("value"), low=t.get("low"), high=t.get("high"), figures=tuple(t["figures"]))
            for k, t in (d.get("totals") or {}).items()
        },
        start=d["start"],
        end=d["end"],
        quote=d["quote"],
        scope=d.get("scope") or "incident",
    )


def _framing_dict(f: Framing) -> dict[str, Any]:
    return {
        "genre": f.genre,
        "genre_cues": list(f.genre_cues),
        "sponsorship": dataclasses.asdict(f.sponsorship) if f.sponsorship else None,
        "outlet": dataclasses.asdict(f.outlet) if f.outlet else None,
        "attributions": [dataclasses.asdict(a) for a in f.attributions],
        "unattributed_share": f.unattributed_share,
        "techniques": [dataclasses.asdict(t) for t in f.techniques],
        "checks": [{**dataclasses.asdict(c), "refs": list(c.refs)} for c in f.checks],
    }


def grounded_items(report: Report) -> list[Any]:
    """Every record of a report that claims a quote at offsets (for checking them)."""
    fr = report.framing
    items: list[Any] = [*report.figures, *report.dates, *report.places, *report.entities]
    items += [*report.events, *report.acts, *fr.attributions, *fr.techniques]
    if fr.sponsorship:
        items.append(fr.sponsorship)
    return items


def offset_errors(report: Report) -> list[str]:
    """Records whose quote is not at their offsets: each one is a bug."""
    text = report.document.text
    bad = []
    for it in grounded_items(report):
        if text[it.start : it.end] != it.quote:
            bad.append(f"{type(it).__name__}@{it.start}:{it.end} {it.quote!r}")
    return bad
