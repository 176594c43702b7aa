"""Cross-source incidents: which events of different documents concern the same incident.

Pure functions over plain records, so that every backend (SQLite, PostgreSQL, a
test) groups the same way and the rules can be tested without a database.

Grouping rules (documented in the README, section "The ledger"):

* Two events *match* when their places match, their dates overlap (with a
  tolerance of ``DATE_TOLERANCE_DAYS`` on each side, so "the night of 25-26
  February" and "26 February" meet) and their kinds are compatible.
* Places match on the gazetteer id when both events have one; otherwise on the
  folded name ("Xocalı" and "XOCALI" fold alike), never across two different
  gazetteer ids or two different countries. That is the fallback for places no
  gazetteer knows (the bundled invented town of Darvel).
* *Precise* events (a locality, and a date no wider than ``PRECISE_DAYS``) are
  grouped first, transitively. A *coarse* event (a year or decade, no date, or
  a place that is only a region or a country) joins a group only when exactly
  one group is compatible with it, so "in 1992 in Azerbaijan" never chains two
  separate incidents together. An explicit period longer than a month ("from
  7 October to 15 May") is a campaign, not an incident: it joins no precise
  group. Coarse events left over group among themselves.
* An event without a place of its own takes the place its document mentions
  most (gazetteer places and GPE/LOC/FAC entities; a mention inside the event
  counts one and a half; countries only when nothing narrower is named); such
  matches count for 0.7 of a stated place's confidence and say so.
* Users' decisions (merge, split) are applied afterwards, in the order they were
  made, to whatever the rules computed: they are stored apart from the computed
  groups and so survive re-ingest and re-analysis.

Estimates (``summarize``): per category, over *headline* claims (top-level
figures: not part of another, counting people, not vague or implied, for
everyone or for civilians; figures about another subgroup only when no source
gives such a figure):

* ``low`` is the lowest explicit figure (the lower bound of a range), ``high``
  the highest (the upper bound of a range); each lists the claims behind it.
* ``best`` is the median over *independent voices* of each voice's figure. A
  voice is the source a claim is attributed to ("according to the Health
  Ministry") or, for unattributed claims, the document's copy group: copies of
  one wire story count once. A range counts as its midpoint.
* Copies: two documents are copies when their texts are near-identical
  (estimated Jaccard similarity of word 3-shingles >= ``COPY_JACCARD``, from a
  bottom-k MinHash sketch stored at ingest) or their normalised titles are
  identical (at least four words). A claim stating the same figure in the same
  words as an earlier document (identical normalised text around the figure:
  a relayed wire sentence, a quoted report) is an echo: it joins the voice of
  the first document that made it, without merging the two documents.
* An incident is flagged ``sources_differ`` in a category when the highest
  voice's figure exceeds the lowest by more than ``DISAGREEMENT_FACTOR``.

sourcewise never says which figure is true: ``best`` is a documented summary,
and every number keeps the sources behind it.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import hashlib
import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sourcewise.records import Report

DATE_TOLERANCE_DAYS = 1
PRECISE_DAYS = 10
PERIOD_DAYS = 31
COPY_JACCARD = 0.8
DISAGREEMENT_FACTOR = 1.5
SKETCH_SIZE = 32
UNCOUNTED_QUALIFIERS = ("vague", "implied")
# Figures that state an incident's toll: for everyone, or for civilians (the usual
# toll in reporting on atrocities). Other subgroups count only when nothing else does.
HEADLINE_SUBGROUPS = (None, "civilians")

# Kinds of event that may describe the same incident. Unknown kinds (and a
# missing kind) are compatible with every kind: the rules only refuse to join
# what is clearly different. Data, not verdicts: reviewed like a lexicon.
KIND_FAMILIES: dict[str, str] = {
    **dict.fromkeys(
        (
            "attack",
            "shelling",
            "bombardment",
            "airstrike",
            "air_strike",
            "strike",
            "bombing",
            "explosion",
            "shooting",
            "massacre",
            "killing",
            "execution",
            "clash",
            "battle",
            "fighting",
            "raid",
            "assault",
            "offensive",
            "siege",
            "capture",
            "seizure",
        ),
        "violence",
    ),
    **dict.fromkeys(("kidnapping", "abduction", "hostage_taking", "hostage"), "abduction"),
    **dict.fromkeys(("arrest", "detention", "crackdown"), "detention"),
    **dict.fromkeys(("displacement", "evacuation", "expulsion", "deportation"), "displacement"),
}
# Families that never describe one incident. Everything else may (an attack in
# which people are abducted, a shelling that displaces a town).
INCOMPATIBLE_FAMILIES: frozenset[frozenset[str]] = frozenset({frozenset({"detention", "displacement"})})


# --------------------------------------------------------------------------- folding and dates


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str | None) -> str:
    """A name reduced for comparison: no accents, no case, no punctuation, single spaces."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").casefold()
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
class Interval:
    """The days a date value may mean: ``1992-02`` is 1992-02-01..1992-02-29."""

    start: date
    end: date
    precision: str  # day | month | year | decade | interval

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: Interval, tolerance: int = DATE_TOLERANCE_DAYS) -> bool:
        slack = timedelta(days=tolerance)
        return self.start <= other.end + slack and other.start <= self.end + slack


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$", re.IGNORECASE)


def _bounds(value: str) -> tuple[date, date, str] | None:
    value = value.strip()
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "decade"
    except ValueError:
        return None
    return None


@functools.lru_cache(maxsize=1 << 16)
def date_interval(value: str | None) -> Interval | None:
    """Parse a report date (ISO day, month, year, decade or ``A/B``); None when absent or unreadable."""
    if not value:
        return None
    if "/" in value:
        a, _, b = value.partition("/")
        lo, hi = _bounds(a), _bounds(b)
        if lo is None or hi is None or hi[1] < lo[0]:
            return None
        return Interval(lo[0], hi[1], "interval")
    got = _bounds(value)
    return Interval(got[0], got[1], got[2]) if got else None


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class EventRef:
    """What grouping needs to know about one event of one stored report."""

    document_id: str
    event_id: str
    seq: int  # ingest order of the document: the oldest member names an incident
    kind: str | None
    date: str | None
    place: str | None
    gazetteer_id: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_source: str = "report"  # report: the event's own place; document: inferred (see infer_place)
    start: int = 0  # the event's quote in its document: re-anchors users' decisions after re-analysis
    end: int = 0
    key: str = field(init=False, repr=False, compare=False)
    interval: Interval | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # computed once: grouping reads them millions of times
        object.__setattr__(self, "key", event_key(self.document_id, self.event_id))
        object.__setattr__(self, "interval", date_interval(self.date))

    @property
    def place_level(self) -> str:
        """``locality`` (a town, a site), ``admin1`` (a region), ``country``, or ``none``."""
        if not self.place:
            return "none"
        name = fold(self.place)
        if self.admin1 and name == fold(self.admin1):
            return "admin1"
        if self.country and (name == fold(self.country) or name in country_names(self.country)):
            return "country"
        return "locality"


@functools.lru_cache(maxsize=512)
def country_names(code: str) -> frozenset[str]:
    """Folded names of a country given by its ISO code (or name), to tell "Azerbaijan" from a town in it."""
    import pycountry

    try:
        c = pycountry.countries.lookup(code)
    except LookupError:
        return frozenset()
    names = {c.name, getattr(c, "official_name", ""), getattr(c, "common_name", ""), c.alpha_2, c.alpha_3}
    return frozenset(fold(n) for n in names if n)


def event_key(document_id: str, event_id: str) -> str:
    return f"{document_id}:{event_id}"


def partition_of(ev: EventRef) -> str:
    """Events that can ever be grouped share a partition: the country, else the place name.

    The store rebuilds incidents partition by partition, so an ingest only
    regroups the countries (or unplaced names) its documents touch.
    """
    if ev.country:
        return f"country:{ev.country.upper()}"
    if ev.place:
        return f"name:{fold(ev.place)}"
    return f"doc:{ev.document_id}"


PLACE_LABELS = ("GPE", "LOC", "FAC")


def infer_place(report: Report, start: int, end: int) -> str | None:
    """For an event without a place: the place its document mentions most, preferring one inside the event.

    Places that are countries (today's or historic ones) come last: an article
    about a town names its country too. A fallback while an event has no place
    of its own (no gazetteer hit, or a report made before places were
    extracted); matches built on it carry a lower confidence and say so.
    """
    mentions = [(p.start, p.quote) for p in report.places]
    mentions += [(e.start, e.quote) for e in report.entities if e.label in PLACE_LABELS]
    score: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    forms: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for at, quote in mentions:
        key = fold(quote)
        if not key:
            continue
        score[key] += 1.0 + (0.5 if start <= at < end else 0.0)
        first[key] = min(first.get(key, at), at)
        forms[key][quote] += 1
    if not score:
        return None
    best = max(score, key=lambda k: (not is_country_name(k), score[k], -first[k]))
    # its most usual spelling, not a dateline's capitals ("DARVEL, March 15")
    return max(forms[best], key=lambda q: (not q.isupper(), forms[best][q]))


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for c in [*pycountry.countries, *pycountry.historic_countries]:
        for attr in ("name", "official_name", "common_name", "alpha_3"):
            value = getattr(c, attr, None)
            if value:
                names.add(fold(value))
                names.update(fold(part) for part in value.split(","))
    return frozenset(n for n in names if len(n) >= 3)


def is_country_name(name: str | None) -> bool:
    """A country's name, code or former name ("Azerbaijan", "USSR"): too wide to place an incident."""
    return fold(name) in _country_names()


def country_code(name: str | None) -> str | None:
    """ISO code when a place name is a country's name ("Azerbaijan" -> "AZ"), else None."""
    if not name or len(name) < 4:
        return None
    import pycountry

    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


def event_refs(report: Report, seq: int = 0) -> list[EventRef]:
    """The events of a report, each with the gazetteer record of its place when the report has one."""
    by_name: dict[str, Any] = {}
    for p in report.places:
        key = fold(p.name)
        # prefer a mention resolved in the gazetteer over an unresolved one
        if key not in by_name or (by_name[key].gazetteer_id is None and p.gazetteer_id):
            by_name[key] = p
        qkey = fold(p.quote)
        if qkey and qkey not in by_name:
            by_name[qkey] = p
    out = []
    for e in report.events:
        name, source = e.place, "report"
        if not name:
            name, source = infer_place(report, e.start, e.end), "document"
        where = by_name.get(fold(name)) if name else None
        country = where.country if where else country_code(name)
        out.append(
            EventRef(
                document_id=report.document.id,
                event_id=e.id,
                seq=seq,
                kind=e.kind,
                date=e.date,
                place=where.name if where and source == "document" else name,
                gazetteer_id=where.gazetteer_id if where else None,
                admin1=where.admin1 if where else None,
                country=country,
                lat=where.lat if where else None,
                lon=where.lon if where else None,
                place_source=source if name else "report",
                start=e.start,
                end=e.end,
            )
        )
    return out


@functools.lru_cache(maxsize=4096)
def kinds_compatible(a: str | None, b: str | None) -> bool:
    fa, fb = KIND_FAMILIES.get(fold(a).replace(" ", "_")), KIND_FAMILIES.get(fold(b).replace(" ", "_"))
    if fa is None or fb is None or fa == fb:
        return True
    return frozenset({fa, fb}) not in INCOMPATIBLE_FAMILIES


def _place_match(a: EventRef, b: EventRef) -> tuple[float, str] | None:
    """How well two events' places match (confidence, reason), or None."""
    got = _place_match_exact(a, b)
    if got is None or (a.place_source == "report" and b.place_source == "report"):
        return got
    return round(got[0] * 0.7, 2), got[1] + " (a place inferred from the document's mentions)"


def _place_match_exact(a: EventRef, b: EventRef) -> tuple[float, str] | None:
    if a.gazetteer_id and b.gazetteer_id:
        if a.gazetteer_id == b.gazetteer_id:
            return 1.0, f"same gazetteer place {a.gazetteer_id}"
        return None
    if a.country and b.country and a.country.upper() != b.country.upper():
        return None
    if a.place and fold(a.place) == fold(b.place):
        return 0.8, f"same place name {a.place!r}"
    return None


def _containment(coarse: EventRef, fine: EventRef) -> tuple[float, str] | None:
    """A region- or country-level place that contains a locality."""
    level = coarse.place_level
    if level == "admin1" and fine.admin1 and fold(fine.admin1) == fold(coarse.place):
        return 0.6, f"{fine.place} lies in {coarse.place}"
    if level == "country" and fine.country and coarse.country and fine.country.upper() == coarse.country.upper():
        return 0.5, f"{fine.place} lies in {coarse.place}"
    return None


def _date_confidence(a: Interval | None, b: Interval | None) -> tuple[float, str] | None:
    if a is None or b is None:
        return 0.4, "one date unknown"
    if not a.overlaps(b):
        return None
    widest = max(a.days, b.days)
    if widest <= PRECISE_DAYS:
        return 1.0, "dates overlap"
    if widest <= 31:
        return 0.8, "dates overlap (month)"
    return 0.5, "dates overlap (year or wider)"


def _is_precise(ev: EventRef) -> bool:
    iv = ev.interval
    return ev.place_level == "locality" and iv is not None and iv.days <= PRECISE_DAYS


# --------------------------------------------------------------------------- grouping


@dataclass(frozen=True, slots=True)
class Decision:
    """A user's merge or split, stored apart from computed groupings.

    ``events`` are event keys (``document_id:event_id``): for a merge, the
    members of all incidents merged; for a split, the members taken out.
    """

    id: int
    kind: str  # merge | split
    events: tuple[str, ...]
    note: str = ""
    anchors: tuple[tuple[str, int, int], ...] = ()  # (key, start, end) of each event when decided


def resolve_decision_keys(d: Decision, events: Sequence[EventRef]) -> list[str]:
    """The current keys of a decision's events. An event whose id changed (a newer pipeline numbered
    the events of its document differently) is found again as the event of the same document whose
    quote overlaps the one decided on the most."""
    by_key = {e.key for e in events}
    spans = {k: (a, b) for k, a, b in d.anchors}
    by_doc: dict[str, list[EventRef]] = defaultdict(list)
    for e in events:
        by_doc[e.document_id].append(e)
    out = []
    for key in d.events:
        if key in by_key:
            out.append(key)
            continue
        if key not in spans:
            continue
        a, b = spans[key]
        doc_id = key.rpartition(":")[0]
        overlaps = [(min(b, e.end) - max(a, e.start), e.key) for e in by_doc.get(doc_id, [])]
        best = max(overlaps, default=(0, ""))
        if best[0] > 0:
            out.append(best[1])
    return list(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    members: tuple[str, ...]  # event keys, oldest document first
    confidence: float
    reason: str
    place: str | None
    gazetteer_id: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None  # 1 locality, 2 region, 3 country (ACLED style); None: no gazetteer
    date: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    kinds: tuple[str, ...]
    partition: str
    documents: tuple[str, ...] = ()


class _Groups:
    """Union-find over event keys that remembers why each union happened."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}
        self.links: dict[str, list[tuple[float, str]]] = defaultdict(list)

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def union(self, a: str, b: str, confidence: float, reason: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[rb] = ra
        self.links[ra].extend(self.links.pop(rb, []))
        self.links[ra].append((confidence, reason))
        return True

    def detach(self, keys: set[str]) -> None:
        """Take keys out of their groups (all of them together form a new group)."""
        members: dict[str, list[str]] = defaultdict(list)
        for k in self.parent:
            members[self.find(k)].append(k)
        new_parent = {}
        for root, ks in members.items():
            inside = [k for k in ks if k in keys]
            outside = [k for k in ks if k not in keys]
            for group in (inside, outside):
                if group:
                    for k in group:
                        new_parent[k] = group[0]
            if inside and outside:
                links = self.links.pop(root, [])
                self.links[outside[0]] = links
        self.parent = new_parent

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for k in self.parent:
            out[self.find(k)].append(k)
        return out


def group_events(events: Sequence[EventRef], decisions: Sequence[Decision] = ()) -> list[Incident]:
    """Group events into incidents by the rules of this module, then apply users' decisions."""
    by_key = {e.key: e for e in events}
    g = _Groups(by_key)
    precise = [e for e in events if _is_precise(e)]
    coarse = [e for e in events if not _is_precise(e)]

    # 1. precise events: same place (gazetteer id, else folded name), overlapping dates, compatible kinds
    buckets: dict[str, list[EventRef]] = defaultdict(list)
    for e in precise:
        buckets["name:" + fold(e.place)].append(e)
        if e.gazetteer_id:
            buckets["gid:" + e.gazetteer_id].append(e)
    for bucket in buckets.values():
        _sweep(bucket, g)

    # 2. a coarse event joins the one precise group it is compatible with, if there is exactly one
    index = _PlaceIndex(precise if coarse else [])
    leftovers = []
    for e in coarse:
        iv = e.interval
        if iv is not None and iv.precision == "interval" and iv.days > PERIOD_DAYS:
            leftovers.append(e)  # a stated period ("from October to May") is a campaign, not one incident
            continue
        found = _unique_candidate(e, index, g)
        if found is None:
            leftovers.append(e)
            continue
        other, conf, reason = found
        g.union(other.key, e.key, conf, reason + " (the only matching incident)")

    # 3. coarse events left over: same place and overlapping dates among themselves
    cbuckets: dict[str, list[EventRef]] = defaultdict(list)
    for e in leftovers:
        if e.place:
            cbuckets[f"{e.place_level}:{e.gazetteer_id or fold(e.place)}"].append(e)
    for bucket in cbuckets.values():
        _sweep(bucket, g)

    # 4. users' decisions, oldest first
    user_reasons: dict[str, list[str]] = defaultdict(list)
    for d in sorted(decisions, key=lambda d: d.id):
        present = resolve_decision_keys(d, events)
        if not present:
            continue
        if d.kind == "merge":
            for k in present[1:]:
                g.union(present[0], k, 1.0, f"merged by a user (decision {d.id})")
            user_reasons[present[0]].append(f"merged by a user (decision {d.id})")
        elif d.kind == "split":
            g.detach(set(present))
            for k in present:
                user_reasons[k].append(f"split off by a user (decision {d.id})")

    incidents = [
        _incident([by_key[k] for k in keys], g.links.get(root, []), user_reasons) for root, keys in g.groups().items()
    ]
    incidents.sort(key=lambda i: (i.date_start or "", i.id))
    return incidents


def _sweep(bucket: list[EventRef], g: _Groups) -> None:
    """Join matching events of one place bucket, visiting them in date order (events without a date last)."""
    dated = sorted((e for e in bucket if e.interval is not None), key=lambda e: (e.interval.start, e.key))  # type: ignore[union-attr]
    active: list[tuple[EventRef, Interval]] = []
    for e in dated:
        iv = e.interval
        assert iv is not None
        active = [(a, ai) for a, ai in active if ai.end + timedelta(days=DATE_TOLERANCE_DAYS) >= iv.start]
        for a, _ in active:
            _try_link(a, e, g)
        active.append((e, iv))
    undated = [e for e in bucket if e.interval is None]
    for i, e in enumerate(undated):
        for a in undated[:i]:
            _try_link(a, e, g)


def _try_link(a: EventRef, b: EventRef, g: _Groups) -> None:
    if g.find(a.key) == g.find(b.key):
        return  # already together: the first (strongest) link found stays the reason
    place = _place_match(a, b)
    if place is None or not kinds_compatible(a.kind, b.kind):
        return
    dates = _date_confidence(a.interval, b.interval)
    if dates is None:
        return
    g.union(a.key, b.key, round(place[0] * dates[0], 2), f"{place[1]}, {dates[1]}")


class _PlaceIndex:
    """Precise events by gazetteer id, folded name, region and country, each sorted by start date."""

    def __init__(self, events: Sequence[EventRef]) -> None:
        self.lists: dict[str, list[tuple[date, str, EventRef]]] = defaultdict(list)
        for e in events:
            iv = e.interval
            assert iv is not None
            keys = ["name:" + fold(e.place)]
            if e.gazetteer_id:
                keys.append("gid:" + e.gazetteer_id)
            if e.admin1:
                keys.append("admin1:" + fold(e.admin1))
            if e.country:
                keys.append("country:" + e.country.upper())
            for k in keys:
                self.lists[k].append((iv.start, e.key, e))
        for lst in self.lists.values():
            lst.sort(key=lambda t: (t[0], t[1]))

    def near(self, key: str, iv: Interval | None) -> Iterable[EventRef]:
        lst = self.lists.get(key, [])
        if iv is None:
            return (t[2] for t in lst)
        lo = bisect.bisect_left(lst, iv.start - timedelta(days=PRECISE_DAYS + DATE_TOLERANCE_DAYS), key=lambda t: t[0])
        hi = bisect.bisect_right(lst, iv.end + timedelta(days=DATE_TOLERANCE_DAYS), key=lambda t: t[0])
        return (t[2] for t in lst[lo:hi])


def _unique_candidate(e: EventRef, index: _PlaceIndex, g: _Groups) -> tuple[EventRef, float, str] | None:
    level = e.place_level
    if level == "none":
        return None
    if level == "locality":
        keys = ["name:" + fold(e.place)] + (["gid:" + e.gazetteer_id] if e.gazetteer_id else [])
    elif level == "admin1":
        keys = ["admin1:" + fold(e.place)]
    else:
        keys = ["country:" + e.country.upper()] if e.country else []
    iv = e.interval
    best: tuple[EventRef, float, str] | None = None
    roots: set[str] = set()
    for key in keys:
        for other in index.near(key, iv):
            place = _place_match(e, other) if level == "locality" else _containment(e, other)
            if place is None or not kinds_compatible(e.kind, other.kind):
                continue
            dates = _date_confidence(iv, other.interval)
            if dates is None:
                continue
            roots.add(g.find(other.key))
            if len(roots) > 1:
                return None  # ambiguous: leave it alone rather than chain incidents
            conf = round(place[0] * dates[0], 2)
            if best is None or conf > best[1]:
                best = (other, conf, f"{place[1]}, {dates[1]}")
    return best


def incident_id(anchor: EventRef) -> str:
    """Named after its oldest member, so an incident keeps its id as documents are added."""
    return "I" + hashlib.sha256(anchor.key.encode()).hexdigest()[:10]


def _incident(members: list[EventRef], links: list[tuple[float, str]], user: dict[str, list[str]]) -> Incident:
    members.sort(key=lambda e: (e.seq, e.document_id, e.event_id))
    anchor = members[0]
    user_notes = sorted({r for m in members for r in user.get(m.key, [])})
    if len(members) == 1 and not user_notes:
        confidence, reason = 1.0, "reported by one document"
    else:
        confidence = min((c for c, _ in links), default=1.0)
        reasons = sorted({r for _, r in links if not r.startswith(("merged", "split"))})
        reason = "; ".join(reasons[:4] + user_notes) or "; ".join(user_notes)
        if any(r.startswith("merged") for r in user_notes):
            confidence = 1.0
    place_ev = _most_specific_place(members)
    start, end, precision, label = _common_date(members)
    geo = {"locality": 1, "admin1": 2, "country": 3}.get(place_ev.place_level) if place_ev.gazetteer_id else None
    return Incident(
        id=incident_id(anchor),
        members=tuple(m.key for m in members),
        confidence=round(confidence, 2),
        reason=reason,
        place=place_ev.place,
        gazetteer_id=place_ev.gazetteer_id,
        admin1=place_ev.admin1,
        country=place_ev.country,
        lat=place_ev.lat,
        lon=place_ev.lon,
        geo_precision=geo,
        date=label,
        date_start=start,
        date_end=end,
        date_precision=precision,
        kinds=tuple(sorted({m.kind for m in members if m.kind})),
        partition=min(partition_of(m) for m in members),
        documents=tuple(dict.fromkeys(m.document_id for m in members)),
    )


def _most_specific_place(members: list[EventRef]) -> EventRef:
    rank = {"locality": 0, "admin1": 1, "country": 2, "none": 3}
    counts: dict[str, int] = defaultdict(int)
    for m in members:
        counts[m.gazetteer_id or fold(m.place)] += 1
    return min(
        members,
        key=lambda m: (rank[m.place_level], m.gazetteer_id is None, -counts[m.gazetteer_id or fold(m.place)], m.seq),
    )


def _common_date(members: list[EventRef]) -> tuple[str | None, str | None, str | None, str | None]:
    """The tightest date the members agree on: their intersection; else the span of the precise ones
    (one source says the 25th, another the 26th: the incident is 25-26); else the most precise date."""
    ivs = [(m.interval, m.date) for m in members if m.interval is not None]
    if not ivs:
        return None, None, None, None
    lo = max(iv.start for iv, _ in ivs)
    hi = min(iv.end for iv, _ in ivs)
    if lo <= hi:
        if lo == hi:
            return lo.isoformat(), hi.isoformat(), "day", lo.isoformat()
        exact = [(iv, v) for iv, v in ivs if iv.start == lo and iv.end == hi]
        if exact:
            return lo.isoformat(), hi.isoformat(), exact[0][0].precision, exact[0][1]
        return lo.isoformat(), hi.isoformat(), "interval", f"{lo.isoformat()}/{hi.isoformat()}"
    precise = [iv for iv, _ in ivs if iv.days <= PRECISE_DAYS]
    if precise:
        lo, hi = min(iv.start for iv in precise), max(iv.end for iv in precise)
        if (hi - lo).days < PRECISE_DAYS:
            return lo.isoformat(), hi.isoformat(), "interval", f"{lo.isoformat()}/{hi.isoformat()}"
    iv, value = min(ivs, key=lambda t: (t[0].days, t[0].start))
    return iv.start.isoformat(), iv.end.isoformat(), iv.precision, value


# --------------------------------------------------------------------------- claims and estimates


@dataclass(frozen=True, slots=True)
class Source:
    """A stored document as the ledger shows it next to its claims."""

    id: str
    publisher: str | None = None
    title: str | None = None
    genre: str | None = None
    sponsored: bool = False
    url: str | None = None
    published: str | None = None
    source: str | None = None
    sketch: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure of a stored report, as a claim its document makes about an incident."""

    document_id: str
    event_id: str | None
    figure_id: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    subgroup: str | None
    unit: str
    part_of: str | None
    attributed_to: str | None
    start: int
    end: int
    quote: str
    context: str = ""  # hash of the normalised words around the figure (copy detection)

    @property
    def lower(self) -> int | None:
        return self.low if self.value is None else self.value

    @property
    def upper(self) -> int | None:
        if self.value is not None:
            return self.value
        return self.high if self.high is not None else self.low

    @property
    def point(self) -> float | None:
        if self.value is not None:
            return float(self.value)
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return None


def claims_of(report: Report) -> list[Claim]:
    """Every figure of a report as a claim, with the context hash used to spot copied wording."""
    text = report.document.text
    return [
        Claim(
            document_id=report.document.id,
            event_id=f.event,
            figure_id=f.id,
            category=f.category,
            value=f.value,
            low=f.low,
            high=f.high,
            qualifier=f.qualifier,
            subgroup=f.subgroup,
            unit=f.unit,
            part_of=f.part_of,
            attributed_to=f.attributed_to,
            start=f.start,
            end=f.end,
            quote=f.quote,
            context=context_hash(text, f.start, f.end),
        )
        for f in report.figures
    ]


def context_hash(text: str, start: int, end: int, width: int = 60) -> str:
    window = fold(text[max(0, start - width) : end + width])
    return hashlib.sha1(window.encode()).hexdigest()[:16]


def sketch(text: str, k: int = SKETCH_SIZE) -> str:
    """Bottom-k MinHash sketch of word 3-shingles (hex, space separated): near-identical texts share most."""
    words = fold(text).split()
    shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    hashes = sorted({int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles})
    return " ".join(f"{h:016x}" for h in hashes[:k])


def sketch_similarity(a: str, b: str, k: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of two sketches (Broder's bottom-k estimator)."""
    sa, sb = set(a.split()), set(b.split())
    if not sa or not sb:
        return 0.0
    union_bottom = sorted(sa | sb)[:k]
    both = sum(1 for h in union_bottom if h in sa and h in sb)
    return both / len(union_bottom)


def copy_groups(sources: Sequence[Source]) -> dict[str, str]:
    """Document id -> id of its copy group (the smallest member id): near-identical texts or identical titles."""
    ids = sorted({s.id for s in sources})
    g = _Groups(ids)
    by_id = {s.id: s for s in sources}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if _near_identical(by_id[a], by_id[b]):
                g.union(a, b, 1.0, "near-identical text")
    out = {}
    for members in g.groups().values():
        name = min(members)
        for m in members:
            out[m] = name
    return out


def _near_identical(a: Source, b: Source) -> bool:
    ta, tb = fold(a.title), fold(b.title)
    if ta and ta == tb and len(ta.split()) >= 4:
        return True
    return bool(a.sketch and b.sketch) and sketch_similarity(a.sketch, b.sketch) >= COPY_JACCARD


@dataclass(frozen=True, slots=True)
class Estimate:
    category: str
    low: int | None
    best: int | None
    high: int | None
    low_sources: tuple[str, ...]  # document ids
    high_sources: tuple[str, ...]
    best_voices: tuple[str, ...]  # voices whose figures the median was taken over
    documents: int  # documents with a headline claim
    independent_sources: int  # voices (copies counted once)
    subgroup_only: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "low_sources": list(self.low_sources),
            "high_sources": list(self.high_sources),
            "best_sources": list(self.best_voices),
            "rule": "low: lowest explicit figure; high: highest; best: median over independent voices",
            "documents": self.documents,
            "independent_sources": self.independent_sources,
            "subgroup_only": self.subgroup_only,
        }


@dataclass(frozen=True, slots=True)
class Flag:
    kind: str
    category: str
    message: str
    ratio: float

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "category": self.category, "message": self.message, "ratio": self.ratio}


@dataclass(frozen=True, slots=True)
class IncidentView:
    """An incident with its claims, the estimates drawn from them, and why it is flagged."""

    incident: Incident
    claims: tuple[Claim, ...]
    sources: dict[str, Source]
    estimates: dict[str, Estimate]
    flags: tuple[Flag, ...]
    copies: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inc = self.incident
        return {
            "id": inc.id,
            "place": inc.place,
            "admin1": inc.admin1,
            "country": inc.country,
            "gazetteer_id": inc.gazetteer_id,
            "lat": inc.lat,
            "lon": inc.lon,
            "geo_precision": inc.geo_precision,
            "date": inc.date,
            "date_start": inc.date_start,
            "date_end": inc.date_end,
            "date_precision": inc.date_precision,
            "kinds": list(inc.kinds),
            "confidence": inc.confidence,
            "reason": inc.reason,
            "documents": list(inc.documents),
            "claims": [self._claim_dict(c) for c in self.claims],
            "estimates": {k: e.to_dict() for k, e in self.estimates.items()},
            "flags": [f.to_dict() for f in self.flags],
            "copies": {d: g for d, g in self.copies.items() if d != g},
        }

    def _claim_dict(self, c: Claim) -> dict[str, Any]:
        s = self.sources.get(c.document_id) or Source(id=c.document_id)
        return {
            "document_id": c.document_id,
            "publisher": s.publisher,
            "title": s.title,
            "genre": s.genre,
            "sponsored": s.sponsored,
            "event": c.event_id,
            "figure": c.figure_id,
            "category": c.category,
            "value": c.value,
            "low": c.low,
            "high": c.high,
            "qualifier": c.qualifier,
            "subgroup": c.subgroup,
            "unit": c.unit,
            "part_of": c.part_of,
            "attributed_to": c.attributed_to,
            "quote": c.quote,
            "start": c.start,
            "end": c.end,
        }


#: "three of the wounded died": people counted first in another category; a count of some of them is not a
#: source's whole count of this category (the toll it belongs to is stated beside it).
_PART_OF_ANOTHER_GROUP = re.compile(
    r"^(?:[\w,.-]+\s+){1,3}of\s+(?:the|those|them|these)\s+(?:\w+\s+)?"
    r"(?:wounded|injured|hostages|captives|detainees|detained|abducted|kidnapped|missing|displaced|arrested)\b",
    re.IGNORECASE,
)


def headline_claims(claims: Sequence[Claim], category: str) -> tuple[list[Claim], bool]:
    """The claims that state a whole count in a category; subgroup figures only if nothing else exists."""
    top = [
        c
        for c in claims
        if c.category == category
        and c.part_of is None
        and c.unit == "people"
        and c.qualifier not in UNCOUNTED_QUALIFIERS
        and c.lower is not None
        and not _PART_OF_ANOTHER_GROUP.match(c.quote)
    ]
    whole = [c for c in top if c.subgroup in HEADLINE_SUBGROUPS]
    return (whole, False) if whole else (top, bool(top))


def voices_of(claims: Sequence[Claim], copies: dict[str, str]) -> dict[Claim, str]:
    """Who stands behind each claim: its attributed source; else the first document that states the
    same figure in the same words (an echo of a wire story or a quoted report); else its copy group."""
    echoes: dict[tuple[str, int | None, int | None, int | None, str], str] = {}
    out = {}
    for c in claims:
        if c.attributed_to and fold(c.attributed_to):
            out[c] = "source:" + fold(c.attributed_to)
            continue
        group = copies.get(c.document_id, c.document_id)
        key = (c.category, c.value, c.low, c.high, c.context)
        out[c] = "document:" + (echoes.setdefault(key, group) if c.context else group)
    return out


def estimate(category: str, claims: Sequence[Claim], voice: dict[Claim, str]) -> Estimate | None:
    heads, subgroup_only = headline_claims(claims, category)
    if not heads:
        return None
    low = min(c.lower for c in heads if c.lower is not None)
    high = max(c.upper for c in heads if c.upper is not None)
    voices: dict[str, list[float]] = defaultdict(list)
    for c in heads:
        p = c.point
        if p is not None:
            voices[voice[c]].append(p)
    points = [statistics.median(v) for v in voices.values()]
    best = int(statistics.median(points) + 0.5) if points else None
    return Estimate(
        category=category,
        low=low,
        best=best,
        high=high,
        low_sources=tuple(dict.fromkeys(c.document_id for c in heads if c.lower == low)),
        high_sources=tuple(dict.fromkeys(c.document_id for c in heads if c.upper == high)),
        best_voices=tuple(sorted(voices)),
        documents=len({c.document_id for c in heads}),
        independent_sources=len(voices),
        subgroup_only=subgroup_only,
    )


def disagreements(category: str, claims: Sequence[Claim], voice: dict[Claim, str]) -> Flag | None:
    heads, _ = headline_claims(claims, category)
    voices: dict[str, list[float]] = defaultdict(list)
    for c in heads:
        if c.point is not None:
            voices[voice[c]].append(c.point)
    points = sorted(statistics.median(v) for v in voices.values())
    if len(points) < 2 or points[0] <= 0:
        return None
    ratio = points[-1] / points[0]
    if ratio <= DISAGREEMENT_FACTOR:
        return None
    return Flag(
        kind="sources_differ",
        category=category,
        ratio=round(ratio, 2),
        message=f"{category}: sources range from {points[0]:g} to {points[-1]:g} (x{ratio:.1f})",
    )


def summarize(incident: Incident, claims: Sequence[Claim], sources: dict[str, Source]) -> IncidentView:
    """An incident's claims with estimates per category and disagreement flags (see module docstring)."""
    ordered = sorted(
        claims,
        key=lambda c: (
            incident.documents.index(c.document_id) if c.document_id in incident.documents else 1 << 30,
            c.start,
        ),
    )
    copies = copy_groups([sources[d] for d in incident.documents if d in sources])
    voice = voices_of(ordered, copies)
    categories = list(dict.fromkeys(c.category for c in ordered))
    estimates = {}
    flags = []
    for cat in categories:
        est = estimate(cat, ordered, voice)
        if est is not None:
            estimates[cat] = est
        flag = disagreements(cat, ordered, voice)
        if flag is not None:
            flags.append(flag)
    return IncidentView(
        incident=incident,
        claims=tuple(ordered),
        sources=sources,
        estimates=estimates,
        flags=tuple(flags),
        copies=copies,
    )
