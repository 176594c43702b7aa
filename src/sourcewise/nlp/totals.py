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
- vague and implied figures count with their conventional minimum (``low``).
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
    """The least number of people the figure claims ("more than 30" is at least 31)."""
    if c.value is not None and c.qualifier == "more_than":
        return c.value + 1
    if c.value is not None and c.qualifier not in ("range", "vague"):
        return c.value
    return c.low or c.value or 0


def category_total(counts: list[Count]) -> Total | None:
    """Fold the top-level figures of one category of one event into the event's total."""
    if not counts:
        return None
    groups: list[list[Count]] = []
    for c in counts:
        earlier = next((g for g in groups if any(x.index == c.restates for x in g)), None)
        if earlier is not None:
            earlier.append(c)
            continue
        vague = _vague_group(groups)
        if vague is not None and c.additive and c.qualifier != "implied":
            vague.append(c)  # "several others ... three additional suspects": the number of those others
            continue
        if not groups or _separate(c, groups) or _beside_named(c, groups):
            groups.append([c])
            continue
        _restate(groups, c)
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


def _restate(groups: list[list[Count]], c: Count) -> None:
    """Join the group the figure restates: one of equal amount, else the vague group a number
    makes precise, else all of them when a stated number covers their sum ("two insurgents ...
    and a third ... three in all"), else one of its subgroup, else the largest."""
    for g in groups:
        if any(minimum(x) == minimum(c) for x in g):
            g.append(c)
            return
    vague = _vague_group(groups) if c.qualifier not in _SOFT else None
    if vague is not None:
        vague.append(c)
        return
    if len(groups) > 1 and c.qualifier not in _SOFT and minimum(c) >= sum(minimum(_best(g)) for g in groups):
        groups[:] = [[*(x for g in groups for x in g), c]]
        return
    for g in groups:
        if c.subgroup and any(x.subgroup == c.subgroup for x in g):
            g.append(c)
            return
    max(groups, key=lambda g: minimum(_best(g))).append(c)


def _best(group: list[Count]) -> Count:
    """The count a group stands for: a stated number beats a vague word; among stated, the largest."""
    hard = [c for c in group if c.qualifier not in _SOFT]
    pool = hard or group
    return max(pool, key=minimum)
