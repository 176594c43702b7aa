"""Geometry of the incident page's two small charts, drawn as inline SVG by the template.

Computed here (pure functions, tested) so the template only places shapes:
no script draws anything, and no style attribute is needed (the CSP forbids
inline styles). Labels are plain strings; Jinja escapes them like any text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sourcewise.reconcile import Claim, Estimate, IncidentView, Source, date_interval, headline_claims
from sourcewise.render.incidents import claim_number

WIDTH = 720
LABEL_W = 200
RIGHT_PAD = 40
ROW_H = 24
TOP = 28
BOTTOM = 30


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    x2: float | None  # end of a range
    y: float
    text: str
    headline: bool
    href: str
    tip: str


@dataclass(frozen=True, slots=True)
class Row:
    y: float
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Band:
    x_low: float
    x_high: float
    x_best: float | None
    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class ClaimsChart:
    category: str
    width: int
    height: int
    plot_left: int
    plot_right: int
    rows: tuple[Row, ...]
    points: tuple[Point, ...]
    ticks: tuple[Tick, ...]
    band: Band | None
    axis_y: float


def nice_ticks(top: float, n: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``top`` (1, 2, 5 times a power of ten)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    count = math.ceil(top / step)
    return [i * step for i in range(count + 1)]


def document_label(view: IncidentView, doc_id: str) -> str:
    s = view.sources.get(doc_id)
    name = (s.publisher or s.title or s.source) if s else None
    return f"{name or 'unknown source'}"


def claims_charts(view: IncidentView, doc_href: str = "/documents/") -> list[ClaimsChart]:
    """One chart per category: each source's figures on a shared axis, over the low–high band."""
    charts = []
    categories = list(dict.fromkeys(c.category for c in view.claims if c.lower is not None))
    for cat in categories:
        claims = [c for c in view.claims if c.category == cat and c.lower is not None and c.unit == "people"]
        if not claims:
            continue
        heads = {id(c) for c in headline_claims(claims, cat)[0]}
        est: Estimate | None = view.estimates.get(cat)
        top = max(max(c.upper or c.lower or 0 for c in claims), (est.high or 0) if est else 0)
        ticks_v = nice_ticks(top * 1.02)
        span = ticks_v[-1] or 1.0
        plot_left, plot_right = LABEL_W, WIDTH - RIGHT_PAD

        def x(v: float, plot_left: int = plot_left, plot_right: int = plot_right, span: float = span) -> float:
            return round(plot_left + (plot_right - plot_left) * v / span, 1)

        docs = list(dict.fromkeys(c.document_id for c in claims))
        rows = []
        ys = {}
        for i, d in enumerate(docs):
            y = TOP + i * ROW_H + ROW_H / 2
            ys[d] = y
            rows.append(Row(y=y, label=_clip(document_label(view, d), 28), href=f"{doc_href}{d}"))
        points = []
        for c in claims:
            lo = c.lower if c.lower is not None else 0
            hi = c.upper if c.upper is not None else lo
            points.append(
                Point(
                    x=x(lo),
                    x2=x(hi) if hi != lo else None,
                    y=ys[c.document_id],
                    text=claim_number(c),
                    headline=id(c) in heads,
                    href=f"{doc_href}{c.document_id}#q-{c.figure_id}",
                    tip=_claim_tip(c),
                )
            )
        axis_y = TOP + len(docs) * ROW_H + 4
        band = None
        if est is not None and est.low is not None and est.high is not None:
            band = Band(
                x_low=x(est.low),
                x_high=x(est.high),
                x_best=x(est.best) if est.best is not None else None,
                low=est.low,
                best=est.best,
                high=est.high,
            )
        charts.append(
            ClaimsChart(
                category=cat,
                width=WIDTH,
                height=int(axis_y + BOTTOM),
                plot_left=plot_left,
                plot_right=plot_right,
                rows=tuple(rows),
                points=tuple(points),
                ticks=tuple(Tick(x(v), f"{v:,.0f}") for v in ticks_v),
                band=band,
                axis_y=axis_y,
            )
        )
    return charts


def _claim_tip(c: Claim) -> str:
    bits = [c.category, claim_number(c)]
    if c.subgroup:
        bits.append(c.subgroup)
    if c.part_of:
        bits.append(f"part of {c.part_of}")
    bits.append(f"attributed to {c.attributed_to}" if c.attributed_to else "unattributed")
    return " · ".join(bits) + f" — “{_clip(c.quote, 120)}”"


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A row of the incident's claims table; the first row of each document carries its source cells."""

    claim: Claim
    source: Source | None
    label: str
    span: int  # rows of this document, on its first row; 0 on the others


def claim_rows(view: IncidentView) -> list[ClaimRow]:
    """The claims in incident order, one group of rows per document (its source shown once)."""
    rows: list[ClaimRow] = []
    counts: dict[str, int] = {}
    for c in view.claims:
        counts[c.document_id] = counts.get(c.document_id, 0) + 1
    seen: set[str] = set()
    for c in view.claims:
        first = c.document_id not in seen
        seen.add(c.document_id)
        rows.append(
            ClaimRow(
                c,
                view.sources.get(c.document_id),
                document_label(view, c.document_id),
                counts[c.document_id] if first else 0,
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class TimelineItem:
    x: float
    y: float
    label: str
    date: str
    href: str


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    plot_left: int
    plot_right: int
    items: tuple[TimelineItem, ...]
    ticks: tuple[Tick, ...]
    axis_y: float
    incident_x: tuple[float, float] | None  # the incident's own dates, as a band
    undated: tuple[tuple[str, str], ...]  # (label, href)


def timeline(view: IncidentView, doc_href: str = "/documents/") -> Timeline:
    """The incident's documents by publication date, next to the incident's own dates."""
    dated: list[tuple[date, str, str]] = []
    undated = []
    for d in view.incident.documents:
        s = view.sources.get(d)
        iv = date_interval(s.published if s else None)
        label = _clip(document_label(view, d), 28)
        if iv is None:
            undated.append((label, f"{doc_href}{d}"))
        else:
            dated.append((iv.start, label, d))
    dated.sort()
    inc_iv = date_interval(view.incident.date_start) if view.incident.date_start else None
    inc_end = date_interval(view.incident.date_end) if view.incident.date_end else None
    all_days = [t for t, _, _ in dated]
    if inc_iv:
        all_days.append(inc_iv.start)
    if inc_end:
        all_days.append(inc_end.end)
    plot_left, plot_right = LABEL_W, WIDTH - RIGHT_PAD
    if not all_days:
        return Timeline(WIDTH, 0, plot_left, plot_right, (), (), 0, None, tuple(undated))
    first, last = min(all_days), max(all_days)
    if (last - first).days < 60:
        first = date.fromordinal(first.toordinal() - 30)
        last = date.fromordinal(last.toordinal() + 30)
    span = (last - first).days or 1

    def x(d: date) -> float:
        return round(plot_left + (plot_right - plot_left) * (d - first).days / span, 1)

    items = tuple(
        TimelineItem(x=x(t), y=TOP + i * ROW_H + ROW_H / 2, label=label, date=t.isoformat(), href=f"{doc_href}{d}")
        for i, (t, label, d) in enumerate(dated)
    )
    axis_y = TOP + max(1, len(items)) * ROW_H + 4
    ticks = tuple(Tick(x(t), label) for t, label in _date_ticks(first, last))
    band = None
    if inc_iv:
        end = inc_end.end if inc_end else inc_iv.end
        band = (x(inc_iv.start), max(x(end), x(inc_iv.start) + 2))
    return Timeline(WIDTH, int(axis_y + BOTTOM), plot_left, plot_right, items, ticks, axis_y, band, tuple(undated))


def _date_ticks(first: date, last: date) -> list[tuple[date, str]]:
    years = last.year - first.year
    if years >= 2:
        step = max(1, math.ceil(years / 6))
        start = first.year + (1 if (first.month, first.day) != (1, 1) else 0)
        return [(date(y, 1, 1), str(y)) for y in range(start, last.year + 1, step)]
    out = []
    y, m = first.year, first.month
    months = (last.year - first.year) * 12 + last.month - first.month
    step = max(1, math.ceil(months / 6))
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = date(y, m, 1)
        if d > last:
            break
        if (m - 1) % step == 0:
            out.append((d, d.strftime("%Y-%m")))
    return out
