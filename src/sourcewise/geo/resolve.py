"""Choose which place a name means, from the document around it.

A name usually has several candidates (Bucha in Ukraine and two in Germany;
Ghazni the city and Ghazni the province). The choice weighs, in this order:

1. the text's own qualifier: "X, Y" / "X district, Y province" / "X in Y" /
   "X/Y" puts X inside Y;
2. the word after the name: "province", "oblast", "governorate" ask for a
   first-level region, "city", "village", "district" for a settlement;
3. the countries and regions the document mentions (places with a single
   candidate, country names, demonyms such as "Ukrainian", the dateline);
4. size: a city of 40,000 beats a hamlet of 100.

A small place is kept only when something besides its name supports it, so
that a person's name that is also a village's does not become a place.
Nothing here knows any conflict: the same weights serve every country.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sourcewise.geo.gazetteer import Entry

ADMIN_TYPES = frozenset(
    {
        "province",
        "provinces",
        "region",
        "regions",
        "oblast",
        "governorate",
        "state",
        "department",
        "prefecture",
        "krai",
        "county",
        "rayon",
    }
)
SETTLEMENT_TYPES = frozenset(
    {"city", "town", "village", "villages", "settlement", "neighbourhood", "neighborhood", "camp", "refugee"}
)
DISTRICT_TYPES = frozenset({"district", "districts", "municipality", "raion", "cercle", "commune", "lga"})

#: Population above which a place needs no support beyond the NER calling it a place.
LARGE = 15_000
#: A place in a country the text does not otherwise mention needs this many people ("Baza" in a story on Russia).
LARGE_ABROAD = 100_000
#: A first-level region of a country the text does not otherwise mention needs this many people (in its known places).
LARGE_REGION = 50_000
#: Below this a place needs its region or its qualifier in the text, not just its country.
SMALL = 5_000


@dataclass(slots=True)
class Mention:
    """A name in the text and its candidates; ``parent`` is the mention that locates it ("X, *Y*")."""

    start: int
    end: int
    key: str
    entries: list[Entry]
    type_word: str | None = None
    parent: int | None = None
    dateline: bool = False
    evidence_only: bool = False  # a country adjective etc.: context, never a place record


@dataclass(slots=True)
class Context:
    """Countries and regions the document mentions, each with the names that mention it.

    A name is never its own evidence: "Alaudin" resolved to a village does not
    make that village's province part of the document's context.
    """

    countries: dict[str, set[str]] = field(default_factory=dict)
    admin1s: dict[str, set[str]] = field(default_factory=dict)

    def add(self, table: dict[str, set[str]], code: str | None, key: str) -> None:
        if code:
            table.setdefault(code, set()).add(key)

    def has_country(self, code: str, key: str) -> bool:
        return bool(self.countries.get(code, set()) - {key})

    def any_country(self, key: str) -> bool:
        """Whether names other than this one place the document in some country."""
        return any(keys - {key} for keys in self.countries.values())

    def has_admin1(self, code: str | None, key: str) -> bool:
        return bool(code) and bool(self.admin1s.get(code or "", set()) - {key})


def _fits(entry: Entry, parents: list[Entry]) -> int:
    """How well a candidate sits inside one of its parent's candidates: 2 region match, 1 country, 0 none."""
    best = 0
    for p in parents:
        if p.kind in ("country", "region"):
            best = max(best, 2 if entry.country == p.country else 0)
        elif p.admin1_code and entry.admin1_code == p.admin1_code and entry.index != p.index:
            return 2
        elif entry.country == p.country:
            best = max(best, 1)
    return best


def _score(m: Mention, e: Entry, parents: list[Entry], ctx: Context) -> float:
    s = math.log10(e.population + 10)
    if ctx.has_country(e.country, m.key):
        s += 4
    if e.kind != "admin1" and ctx.has_admin1(e.admin1_code, m.key):
        s += 2
    if e.curated and e.kind in ("place", "region"):
        s += 1.5
    if e.by_alternate:
        s -= 1.5
    if e.kind == "country":
        s += 5
    if parents:
        s += (0, 4, 10)[_fits(e, parents)]
    t = m.type_word
    if e.kind == "district":
        s += 6 if t in DISTRICT_TYPES else -2  # "Sabari district"; a bare name prefers a real town
    if t in ADMIN_TYPES:
        s += 12 if e.kind == "admin1" else -4
    elif t in SETTLEMENT_TYPES or t in DISTRICT_TYPES:
        s += -8 if e.kind in ("admin1", "country") else 2
    elif e.kind == "admin1":
        s -= 1  # a bare "Kandahar" is the city more often than the province
    return s


def _supported(m: Mention, e: Entry, parents: list[Entry], parent_typed: bool, ctx: Context) -> bool:
    """Whether the text gives enough support for this candidate to be reported."""
    fit = _fits(e, parents) if parents else 0
    if parents and (parent_typed or m.type_word in DISTRICT_TYPES or m.type_word in SETTLEMENT_TYPES):
        return fit == 2  # "X district, Y province": an X outside Y is another X
    in_country = ctx.has_country(e.country, m.key)
    if e.kind == "district":  # known only by its region: needs its kind word or its country in the text
        return fit == 2 or m.type_word in DISTRICT_TYPES or in_country
    if e.kind == "country" or e.curated:
        return True
    typed = m.type_word in SETTLEMENT_TYPES or m.type_word in DISTRICT_TYPES
    if typed and ctx.any_country(m.key) and not in_country and fit < 2:
        return False  # "Aliabad district" in a story on Afghanistan is not the Aliabad of Iran
    if e.kind in ("admin1", "region"):
        return in_country or e.population >= LARGE_REGION or fit > 0
    if fit == 2:
        return True
    if e.population >= LARGE and (in_country or (not e.by_alternate and not ctx.any_country(m.key))):
        return True
    if e.population >= LARGE_ABROAD and not e.by_alternate:
        return True
    if e.population >= SMALL and in_country:
        return True
    if ctx.has_admin1(e.admin1_code, m.key):
        return True
    return typed and in_country and not e.by_alternate


def _sole_country(m: Mention) -> str | None:
    countries = {e.country for e in m.entries}
    return countries.pop() if len(countries) == 1 else None


def _evidence(mentions: list[Mention], chosen: list[Entry | None] | None, hint: set[str]) -> Context:
    ctx = Context()
    for cc in hint:
        ctx.add(ctx.countries, cc, "")
    for i, m in enumerate(mentions):
        if chosen is not None:
            pick = chosen[i]
            if pick is not None:
                ctx.add(ctx.countries, pick.country, m.key)
                ctx.add(ctx.admin1s, pick.admin1_code, m.key)
            elif m.evidence_only or m.dateline:
                ctx.add(ctx.countries, _sole_country(m), m.key)
            continue
        # Before any choice: names that can only mean one country, and well-known places with a single candidate.
        sole = _sole_country(m)
        only = m.entries[0] if len(m.entries) == 1 else None
        known = only is not None and (
            only.kind in ("admin1", "country", "region") or only.curated or only.population >= LARGE
        )
        if sole and (known or m.evidence_only or m.dateline or any(e.kind == "country" for e in m.entries)):
            ctx.add(ctx.countries, sole, m.key)
        if known and not m.evidence_only:
            ctx.add(ctx.admin1s, m.entries[0].admin1_code, m.key)
    return ctx


def _pick(m: Mention, parent: Mention | None, ctx: Context) -> Entry | None:
    if not m.entries:
        return None
    parents = parent.entries if parent is not None else []
    parent_typed = parent is not None and parent.type_word in ADMIN_TYPES
    ranked = sorted(m.entries, key=lambda e: _score(m, e, parents, ctx), reverse=True)
    best = ranked[0]
    return best if _supported(m, best, parents, parent_typed, ctx) else None


def resolve(mentions: list[Mention], countries_hint: set[str] | None = None) -> list[Entry | None]:
    """The chosen entry of each mention (None: unresolved or unsupported), in the mentions' order."""
    hint = countries_hint or set()
    chosen: list[Entry | None] = [None] * len(mentions)
    ctx = _evidence(mentions, None, hint)
    for _round in range(2):
        for i, m in enumerate(mentions):
            if m.evidence_only:
                continue
            chosen[i] = _pick(m, mentions[m.parent] if m.parent is not None else None, ctx)
        ctx = _evidence(mentions, chosen, hint)
    return chosen
