"""Intermediate, mutable results of the components, still tied to spaCy Spans.

Components refine them in order (events set ``FigureSpan.event``, attribution
sets ``attributed_to``); ``collect.py`` freezes them into report records. Spans
are character offsets into ``doc.text`` (not token indices) because a quote may
start inside a token ("Deaths45").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class NumberMention:
    """A stated quantity: ``at least 35,233``, ``between 79 and 119``, ``dozens``.

    ``start``/``end`` cover the number words and their modifier; ``first``/``last``
    are the token indices they touch and ``root`` the token the parse hangs the
    quantity on.
    """

    start: int
    end: int
    first: int
    last: int
    root: int
    value: int | None
    low: int | None
    high: int | None
    qualifier: str  # records.QUALIFIERS
    vague_word: str | None = None


@dataclass(slots=True)
class FigureSpan:
    start: int  # the quote: number, counted noun and harm word where they are close
    end: int
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    subgroup: str | None = None
    unit: str = "people"
    part_of: int | None = None  # index into the figure list
    event: int | None = None  # index into the event list
    attributed_to: str | None = None
    number: NumberMention | None = None
    noun: int | None = None  # token index of the counted noun, if any
    harm: int | None = None  # token index of the harm word, if any
    # which count of its event and category the figure states (sw_events): figures of one group
    # restate one number, figures of different groups are separate people ("25 lost both parents
    # while 130 lost one") whose numbers are summed, not compared
    group: int | None = None


@dataclass(slots=True)
class DateSpan:
    start: int
    end: int
    value: str
    granularity: str
    first: date | None = None  # the first and last day the expression covers
    last: date | None = None
    relative: bool = False  # read against the dateline or publication date ("yesterday")
    dateline: bool = False  # the document's own dateline, not a date of something it reports


@dataclass(slots=True)
class PlaceSpan:
    start: int
    end: int
    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    gazetteer_id: str | None


@dataclass(slots=True)
class EventSpan:
    start: int
    end: int
    kind: str
    date: str | None = None
    place: str | None = None
    figures: list[int] = field(default_factory=list)
    # category -> {"value", "low", "high", "figures": [figure indices]}
    totals: dict[str, dict] = field(default_factory=dict)
    scope: str = "incident"  # records.EVENT_SCOPES


@dataclass(slots=True)
class ActSpan:
    start: int
    end: int
    kind: str
    actor: str | None = None
    date: str | None = None


@dataclass(slots=True)
class AttributionSpan:
    start: int
    end: int
    source: str


@dataclass(slots=True)
class TechniqueSpan:
    start: int
    end: int
    label: str
    score: float
    reason: str


@dataclass(slots=True)
class CheckSpan:
    """A consistency check before ids exist: ``collect`` turns figure indices into ids ("f3")
    and text spans into ``@start:end`` references."""

    kind: str
    ok: bool
    message: str
    figures: list[int] = field(default_factory=list)  # indices into the figure list
    spans: list[tuple[int, int]] = field(default_factory=list)  # character spans it read (dates, durations)
