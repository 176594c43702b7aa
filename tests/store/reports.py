"""Hand-built reports for the ledger's tests: the text is ours, offsets are computed from it.

The ledger must not depend on how well the extractor does, so these tests
write the events, places and figures a report would carry.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sourcewise import PIPELINE_VERSION
from sourcewise.records import Document, Event, Figure, Framing, Place, Report, Span, Total


@dataclass
class Fig:
    quote: str
    category: str = "killed"
    value: int | None = None
    qualifier: str = "exact"
    subgroup: str | None = None
    low: int | None = None
    high: int | None = None
    attributed_to: str | None = None
    part_of: str | None = None


@dataclass
class Where:
    name: str
    gazetteer_id: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


def make_report(
    text: str,
    *,
    figures: list[Fig] = (),  # type: ignore[assignment]
    date: str | None = None,
    place: Where | None = None,
    kind: str = "attack",
    publisher: str | None = None,
    title: str | None = None,
    genre: str | None = "news",
    sponsorship: str | None = None,
    pipeline: str = PIPELINE_VERSION,
    source: str = "<test>",
) -> tuple[Report, bytes]:
    """A report with one event (when a date or place is given) holding every figure; returns (report, raw)."""
    raw = text.encode()
    doc = Document(id=hashlib.sha256(raw).hexdigest(), source=source, text=text, publisher=publisher, title=title)
    figs = []
    for i, f in enumerate(figures, start=1):
        start = text.index(f.quote)
        figs.append(
            Figure(
                id=f"f{i}",
                category=f.category,
                value=f.value,
                low=f.low,
                high=f.high,
                qualifier=f.qualifier,
                subgroup=f.subgroup,
                unit="people",
                part_of=f.part_of,
                event="e1" if (date or place) else None,
                attributed_to=f.attributed_to,
                start=start,
                end=start + len(f.quote),
                quote=f.quote,
            )
        )
    places = ()
    events = ()
    if place is not None:
        at = text.index(place.name)
        places = (
            Place(
                at,
                at + len(place.name),
                place.name,
                place.name,
                place.admin1,
                place.country,
                place.lat,
                place.lon,
                place.gazetteer_id,
            ),
        )
    if date or place:
        totals = {}
        for f in figs:
            if f.part_of is None and f.subgroup is None and f.category not in totals:
                totals[f.category] = Total(f.value, f.low, f.high, (f.id,))
        events = (
            Event(
                id="e1",
                kind=kind,
                date=date,
                place=place.name if place else None,
                figures=tuple(f.id for f in figs),
                totals=totals,
                start=0,
                end=len(text),
                quote=text,
            ),
        )
    framing = Framing(genre=genre)
    if sponsorship:
        at = text.index(sponsorship)
        framing = Framing(genre=genre, sponsorship=Span(at, at + len(sponsorship), sponsorship))
    return (
        Report(document=doc, figures=tuple(figs), places=places, events=events, framing=framing, pipeline=pipeline),
        raw,
    )
