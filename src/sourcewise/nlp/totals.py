"""What a document claims for a whole event, per category (spec: "Events and totals").

Pure functions over small records, so the counting rules can be tested on their
own. Within one event and category, only top-level figures count (a figure
``part_of`` another is inside it). Figures are read in text order:

- a figure the text marks as a further group (``additive``: "another", "a
  third", "also detained", a second count in the same sentence; the caller
  decides) or of a subgroup disjoint from all others (civilians beside
  combatants) is added to the running total;
- any other figure restates the count ("kills 28" in the headline, "the death
  toll rose to 28" in the body): the total is the larger of the two, except that
  a stated number overrides a vague word or a bare plural ("several insurgents
  were detained ... three were detained": 3, not max(3, 3) by accident nor 6);
- a count after only single named or implied people ("arrested a leader ...
  detained three suspected insurgents") counts others, unless it says it
  includes them ("two militants, including the commander");
- a stated number makes a vague group precise, even when marked as further
  ("detained a leader and several others ... three additional suspects were
  detained" is 1 + 3): ISAF's and ACLED's "an explicit number overrides the word";
- vague and implied figures count with their conventional minimum (``low``);
  "more than N" with the convention's ``least`` (ISAF: N + 1), which the caller
  puts on the count.

Categories of one family (``FAMILIES``: captured and detained are both taken
into custody) are folded together so that nobody is counted in both: a count of
the other category joins a group it retells ("seized a commander and some of
her guards ... some men were also held": when unsure, the
smaller number; "seized a courier ... several were held, including
the courier"; "the commander and three of his guards were held" after
"seized a commander and three of his guards"). Each group is then
reported under the category of the count it stands for. Counts of different
categories are otherwise separate people, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Subgroups that cannot contain each other: counts of both are separate people.
DISJOINT: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"civilians", "combatants"}),
        frozenset({"women", "men"}),
        frozenset({"children", "men"}),
        frozenset({"children", "combatants"}),
        frozenset({"journalists", "combatants"}),
        frozenset({"medics", "combatants"}),
        frozenset({"aid_workers", "combatants"}),
    }
)

#: Categories that can name the same people ("captured" and "detained" both take people into custody).
FAMILIES: dict[str, str] = {"hostage": "custody", "detained": "custody"}


def family(category: str) -> str:
    """The family a category is folded with (itself when it has none)."""
    return FAMILIES.get(category, category)


@dataclass(frozen=True, slots=True)
class Count:
    """One top-level figure as totals see it."""

    index: int  # the figure's index in the document's figure list
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    subgroup: str | None = None
    additive: bool = False  # the text marks it as a further group
    restates: int | None = None  # the index of an earlier figure it refers back to ("the commander")
    inclusive: bool = False  # the text says the count includes people named before ("including the leader")
    least: int | None = None  # the convention's least number for it (``conventions.least``), if the caller knows it
    category: str = ""  # its category, where counts of a family are folded together
    further: bool = False  # its own words mark people beyond those named ("additional", "another", "more")
    more: bool = False  # "several more": more of the people just counted
    definite: bool = False  # a definite count ("the two men"): it restates people counted before
    retold: bool = False  # told beside someone already counted ("she and one of her aides were held")
    includes: bool = False  # an "including ..." hangs on the count itself (not on another word of its sentence)
    others: bool = False  # its own words call the people "other" ("two other men"): others than someone named


@dataclass(slots=True)
class Total:
    value: int | None
    low: int | None
    high: int | None
    figures: list[int]
    groups: list[list[int]] = field(default_factory=list)  # figure indices of each separate count

    def as_dict(self) -> dict:
        return {"value": self.value, "low": self.low, "high": self.high, "figures": list(self.figures)}


_SOFT = ("vague", "implied")
_EXACT = ("exact", "about")


def minimum(c: Count) -> int:
    """The least number of people the figure claims: the convention's least where the caller gave it,
    else "more than 30" is at least 31."""
    if c.least is not None:
        return c.least
    if c.value is not None and c.qualifier == "more_than":
        return c.value + 1
    if c.value is not None and c.qualifier not in ("range", "vague"):
        return c.value
    return c.low or c.value or 0


def category_total(counts: list[Count]) -> Total | None:
    """Fold the top-level figures of one category of one event into the event's total."""
    if not counts:
        return None
    return _total(group_counts(counts))


def family_totals(counts: list[Count]) -> dict[str, Total]:
    """Fold the counts of one family of categories (``Count.category``), in text order, into one total
    per category: each group of people is counted once, under the category of the count it stands for."""
    by_cat: dict[str, list[list[Count]]] = {}
    for g in group_counts(counts):
        by_cat.setdefault(_best(g).category, []).append(g)
    return {cat: _total(groups) for cat, groups in by_cat.items()}


def group_counts(counts: list[Count]) -> list[list[Count]]:
    """The separate groups of people the counts state, each a list of the counts that state it."""
    groups: list[list[Count]] = []
    for c in counts:
        earlier = next((g for g in groups if any(x.index == c.restates for x in g)), None)
        if earlier is not None:
            earlier.append(c)
            continue
        other = [g for g in groups if all(x.category != c.category for x in g)]
        retold = _retold(c, other) if other else None
        if retold is not None:
            retold.append(c)
            continue
        if len(other) > 1 and c.includes and c.qualifier not in _SOFT and _covers(c, other):
            _merge(groups, other, c)  # "five were detained, including the commander" (captured with others)
            continue
        same = [g for g in groups if not any(g is o for o in other)]
        whole = _named_and_further(c, same) or _others_again(c, same)
        if whole is not None:
            whole.append(
                c
            )  # "the courier and two additional suspects were held" after "held three, including a courier"
            continue
        vague = _vague_group(same)
        if vague is not None and c.additive and c.qualifier != "implied" and not _more_of_the_same(c):
            vague.append(c)  # "several others ... three additional suspects": the number of those others
            continue
        if not same or (not c.definite and (_separate(c, same) or _beside_named(c, same))):
            groups.append([c])
            continue
        _restate(groups, same, c)
    return groups


def _named_and_further(c: Count, same: list[list[Count]]) -> list[Count] | None:
    """The counted group a stated number of further people told beside a named one retells: "held
    three, including a courier ... the courier and two additional suspects were held" is the three
    again (the two are additional to the courier, not to the three)."""
    if not (c.retold and (c.further or c.additive)) or c.qualifier not in _EXACT or c.value is None:
        return None
    return next((g for g in same if any(x.qualifier in _EXACT and minimum(x) == c.value + 1 for x in g)), None)


def _others_again(c: Count, same: list[list[Count]]) -> list[Count] | None:
    """The group of "others" a second mention of as many others retells: "two leaders and two other men
    were held ... two other men were also held" is the same two others, whatever "also" adds ("two more"
    is more)."""
    if not c.others or c.more or c.qualifier not in _EXACT or c.value is None:
        return None
    return next((g for g in same if any(x.others and x.qualifier in _EXACT and x.value == c.value for x in g)), None)


def _more_of_the_same(c: Count) -> bool:
    """ "several insurgents were killed ... several more were killed": a vague word marked as more of
    them is another group, not the number of the first ("several additional" after "a leader" may be
    the same several: it is additional to the leader)."""
    return c.qualifier == "vague" and c.more


def _retold(c: Count, other: list[list[Count]]) -> list[Count] | None:
    """The group of another category of its family that a count retells, if it says so."""
    vague = _vague_group(other)
    if c.qualifier == "vague" and vague is not None:
        return vague  # two vague words for the people taken: when unsure, the smaller number
    if c.further:
        return None  # "the planner and one additional suspect were detained": someone else
    if c.includes and len(other) == 1:  # "several were detained, including the facilitator" (captured before)
        return other[0]
    if c.retold or c.definite or c.includes:
        # a count told beside a named person matches a counted group of others, not the person's own
        for g in other:
            counted = any(x.qualifier != "implied" for x in g)
            if counted and (any(minimum(x) == minimum(c) for x in g) or (vague is g and c.qualifier not in _SOFT)):
                return g
    return None


def _total(groups: list[list[Count]]) -> Total:
    figures = sorted({c.index for g in groups for c in g})
    members = [[c.index for c in g] for g in groups]
    bests = [_best(g) for g in groups]
    if len(bests) == 1:
        b = bests[0]
        if b.qualifier == "range":
            return Total(None, b.low, b.high, figures, members)
        if b.qualifier == "up_to":
            return Total(None, None, b.value, figures, members)
        if b.qualifier in _EXACT and b.value is not None:
            return Total(b.value, None, None, figures, members)
        return Total(None, minimum(b), None, figures, members)
    if all(b.qualifier in _EXACT and b.value is not None for b in bests):
        return Total(sum(minimum(b) for b in bests), None, None, figures, members)
    return Total(None, sum(minimum(b) for b in bests), None, figures, members)


def _separate(c: Count, groups: list[list[Count]]) -> bool:
    if c.additive:
        return True
    return bool(
        c.subgroup
        and all(any(frozenset({c.subgroup, g.subgroup}) in DISJOINT for g in grp if g.subgroup) for grp in groups)
    )


def _beside_named(c: Count, groups: list[list[Count]]) -> bool:
    """A count after only single, named or implied people counts others ("arrested a leader ...
    detained three suspected insurgents" is 1 + 3), unless it says it includes them."""
    return c.qualifier != "implied" and not c.inclusive and all(x.qualifier == "implied" for g in groups for x in g)


def _vague_group(groups: list[list[Count]]) -> list[Count] | None:
    """The latest group counted only by a vague word (no number has been stated for it yet)."""
    for g in reversed(groups):
        if all(x.qualifier == "vague" for x in g):
            return g
    return None


def _restate(groups: list[list[Count]], same: list[list[Count]], c: Count) -> None:
    """Join the group (of ``same``, the groups of its category) the figure restates: one of equal
    amount, else the vague group a number makes precise, else all of them when a stated number covers
    their sum ("two insurgents ... and a third ... three in all"), else one of its subgroup, else the
    largest."""
    for g in same:
        if any(minimum(x) == minimum(c) for x in g):
            g.append(c)
            return
    vague = _vague_group(same) if c.qualifier not in _SOFT else None
    if vague is not None:
        vague.append(c)
        return
    if len(same) > 1 and c.qualifier not in _SOFT and _covers(c, same):
        _merge(groups, same, c)
        return
    for g in same:
        if c.subgroup and any(x.subgroup == c.subgroup for x in g):
            g.append(c)
            return
    max(same, key=lambda g: minimum(_best(g))).append(c)


def _covers(c: Count, groups: list[list[Count]]) -> bool:
    """Does a stated number cover the sum of these groups ("two ... and a third ... three in all")?"""
    return minimum(c) >= sum(minimum(_best(g)) for g in groups)


def _merge(groups: list[list[Count]], these: list[list[Count]], c: Count) -> None:
    """Replace ``these`` groups (of ``groups``) by one group with ``c``, where the first of them was."""
    merged = [*(x for g in these for x in g), c]
    at = next(i for i, g in enumerate(groups) if any(g is t for t in these))
    groups[:] = [g for g in groups if not any(g is t for t in these)]
    groups.insert(at, merged)


def _best(group: list[Count]) -> Count:
    """The count a group stands for: a stated number beats a vague word; among stated, the largest."""
    hard = [c for c in group if c.qualifier not in _SOFT]
    pool = hard or group
    return max(pool, key=minimum)
