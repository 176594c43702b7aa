"""What the document page shows, computed from a report: record cards, highlight marks, the framing panel.

Every record that points into the text gets a card (its fields, in words) and
a mark (where to highlight it). Figures keep their report ids (``f4``); other
records get page-local ids by kind (``d1`` dates, ``p1`` places, ``a1``
attributions, ``t1`` techniques, ``x1`` acts, ``s1`` the funding disclosure),
so that a link such as ``/documents/ID#q-f4`` lands on the quote of figure f4.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from sourcewise.records import Outlet, Report
from sourcewise.render.summary import number_text, qualifier_text
from sourcewise.web.highlight import Mark, highlight

KIND_LABELS = {
    "figure": "figure",
    "date": "date",
    "place": "place",
    "attribution": "attribution",
    "technique": "technique",
    "sponsorship": "funding disclosure",
    "act": "official act",
}


@dataclass(frozen=True, slots=True)
class CardField:
    label: str
    value: str
    ref: str | None = None  # another card this value points to (part_of, a check's figures)


@dataclass(frozen=True, slots=True)
class Card:
    """One record as the page shows it when its highlight is clicked."""

    ref: str
    kind: str
    title: str
    fields: tuple[CardField, ...]
    quote: str
    start: int
    end: int

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True, slots=True)
class CheckRow:
    kind: str
    ok: bool
    message: str
    refs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FramingPanel:
    genre: str | None
    genre_cues: tuple[str, ...]
    sponsorship: Card | None
    outlet: Outlet | None
    publisher: str | None
    figures: int
    unattributed: int
    unattributed_share: float | None
    attribution_sources: tuple[tuple[str, int], ...]
    checks: tuple[CheckRow, ...]
    techniques: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class DocumentView:
    report: Report
    cards: tuple[Card, ...]
    article_html: Markup
    framing: FramingPanel
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def cards_by_kind(self) -> dict[str, list[Card]]:
        out: dict[str, list[Card]] = {}
        for c in self.cards:
            out.setdefault(c.kind, []).append(c)
        return out


def _figure_title(category: str, number: str, qualifier: str, subgroup: str | None) -> str:
    bits = [category, number]
    if qualifier:
        bits.append(f"({qualifier})")
    if subgroup:
        bits.append(f"· {subgroup}")
    return " ".join(bits)


def build_cards(report: Report) -> list[Card]:
    """A card for every record of the report that has a quote in the text."""
    cards: list[Card] = []
    figure_ids = {f.id for f in report.figures}
    for f in report.figures:
        number = number_text(f)
        qual = qualifier_text(f)
        fields = [
            CardField("category", f.category),
            CardField("number", number),
            CardField("qualifier", qual or "exact"),
            CardField("subgroup", f.subgroup or "people in general"),
            CardField("unit", f.unit),
        ]
        if f.part_of:
            fields.append(CardField("part of", f.part_of, f.part_of if f.part_of in figure_ids else None))
        if f.event:
            fields.append(CardField("event", f.event))
        fields.append(CardField("attributed to", f.attributed_to or "unattributed (the document's own claim)"))
        cards.append(
            Card(
                f.id,
                "figure",
                _figure_title(f.category, number, qual, f.subgroup),
                tuple(fields),
                f.quote,
                f.start,
                f.end,
            )
        )
    for i, d in enumerate(report.dates, start=1):
        cards.append(
            Card(
                f"d{i}",
                "date",
                f"date {d.value}",
                (CardField("value", d.value), CardField("granularity", d.granularity)),
                d.quote,
                d.start,
                d.end,
            )
        )
    for i, p in enumerate(report.places, start=1):
        fields = [CardField("name", p.name)]
        if p.admin1:
            fields.append(CardField("region", p.admin1))
        if p.country:
            fields.append(CardField("country", p.country))
        if p.lat is not None and p.lon is not None:
            fields.append(CardField("coordinates", f"{p.lat:.4f}, {p.lon:.4f}"))
        if p.gazetteer_id:
            fields.append(CardField("gazetteer", p.gazetteer_id))
        cards.append(Card(f"p{i}", "place", f"place {p.name}", tuple(fields), p.quote, p.start, p.end))
    for i, a in enumerate(report.acts, start=1):
        fields = [CardField("kind", a.kind)]
        if a.actor:
            fields.append(CardField("actor", a.actor))
        if a.date:
            fields.append(CardField("date", a.date))
        cards.append(
            Card(
                f"x{i}",
                "act",
                f"{a.kind}" + (f" by {a.actor}" if a.actor else ""),
                tuple(fields),
                a.quote,
                a.start,
                a.end,
            )
        )
    fr = report.framing
    for i, at in enumerate(fr.attributions, start=1):
        cards.append(
            Card(
                f"a{i}",
                "attribution",
                f"attributed to {at.source}",
                (CardField("source", at.source),),
                at.quote,
                at.start,
                at.end,
            )
        )
    for i, t in enumerate(fr.techniques, start=1):
        fields = [CardField("technique", t.label.replace("_", " ")), CardField("score", f"{t.score:.2f}")]
        fields.append(CardField("why", t.reason or "no reason given"))
        cards.append(Card(f"t{i}", "technique", t.label.replace("_", " "), tuple(fields), t.quote, t.start, t.end))
    if fr.sponsorship:
        s = fr.sponsorship
        cards.append(
            Card(
                "s1",
                "sponsorship",
                "funding disclosure",
                (CardField("says", "the text discloses its funding"),),
                s.quote,
                s.start,
                s.end,
            )
        )
    return cards


def framing_panel(report: Report, cards: list[Card]) -> FramingPanel:
    fr = report.framing
    figures = report.figures
    unattributed = sum(1 for f in figures if not f.attributed_to)
    share = fr.unattributed_share
    if share is None and figures:
        share = unattributed / len(figures)
    sources = Counter(a.source for a in fr.attributions)
    known = {c.ref for c in cards}
    checks = tuple(CheckRow(c.kind, c.ok, c.message, tuple(r for r in c.refs if r in known)) for c in fr.checks)
    return FramingPanel(
        genre=fr.genre,
        genre_cues=fr.genre_cues,
        sponsorship=next((c for c in cards if c.kind == "sponsorship"), None),
        outlet=fr.outlet,
        publisher=report.document.publisher,
        figures=len(figures),
        unattributed=unattributed,
        unattributed_share=share,
        attribution_sources=tuple(sources.most_common()),
        checks=checks,
        techniques=tuple(Counter(t.label.replace("_", " ") for t in fr.techniques).most_common()),
    )


def document_view(report: Report) -> DocumentView:
    """Everything the document page needs, with the article text escaped and highlighted."""
    cards = build_cards(report)
    marks = [Mark(c.start, c.end, c.kind, c.ref, f"{c.kind_label}: {c.title}") for c in cards]
    return DocumentView(
        report=report,
        cards=tuple(sorted(cards, key=lambda c: (c.start, -c.end))),
        article_html=highlight(report.document.text, marks),
        framing=framing_panel(report, cards),
        counts=dict(Counter(c.kind for c in cards)),
    )
