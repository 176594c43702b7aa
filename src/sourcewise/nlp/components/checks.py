"""sw_checks: does the document agree with itself?

A careful reader adds up the parts ("38 women, 21 children and 15 elderly,
including 240 killed"), counts the days of a "46-day siege from 4 May to
19 June 2017", and notices when one incident gets two different tolls.
These checks do that and say what they read: each ``CheckSpan`` lists the
figures (indices, turned into ids by ``collect``) and the text spans (dates,
durations) it compared. A failed check is a finding about the text, not a
verdict on which number is true.

Kinds:
- ``subgroups_within_total``: the parts of a figure ("including", "of them") fit in it;
- ``sum_matches_total``: parts that cover every member of the whole (civilians and
  combatants; men, women and children) add up to it;
- ``duration_matches_dates``: a stated duration fits the interval stated beside it;
- ``figures_agree``: figures of one category and group for one incident agree.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise.nlp import dateranges
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.types import CheckSpan, DateSpan, FigureSpan

#: Subgroup sets that cover everyone: parts in one of them must add up to their whole.
PARTITIONS: tuple[frozenset[str], ...] = (
    frozenset({"civilians", "combatants"}),
    frozenset({"men", "women", "children"}),
)
#: Subgroups that never share a member (so their sum cannot exceed the whole).
_DISJOINT = ({"men", "women", "children"}, {"civilians", "combatants"})
_UNSTATED = ("vague", "implied")
_REACH = 80  # characters between a duration and the interval it is checked against


def bounds(f: FigureSpan) -> tuple[float, float]:
    """The least and most a figure allows ("about" is taken as within 10%)."""
    v = f.value
    q = f.qualifier
    if q == "range":
        return float(f.low or 0), float(f.high if f.high is not None else math.inf)
    if q == "vague":
        return float(f.low or 0), math.inf
    if v is None:
        return float(f.low or 0), float(f.high if f.high is not None else math.inf)
    if q == "at_least":
        return float(v), math.inf
    if q == "more_than":
        return float(v + 1), math.inf
    if q == "up_to":
        return 0.0, float(v)
    if q == "about":
        return v * 0.9, v * 1.1
    return float(v), float(v)


def number_text(f: FigureSpan) -> str:
    if f.qualifier == "range":
        return f"{f.low:,}–{f.high:,}"
    if f.value is None:
        return f"at least {f.low:,}" if f.low is not None else "?"
    prefix = {"at_least": "at least ", "more_than": "more than ", "up_to": "up to ", "about": "about "}.get(
        f.qualifier, ""
    )
    return f"{prefix}{f.value:,}"


def _what(f: FigureSpan) -> str:
    return (
        f.category
        + (f" {f.subgroup}" if f.subgroup and f.subgroup != "families" else "")
        + (" families" if f.unit == "families" else "")
    )


def _may_overlap(subgroups: set[str | None]) -> bool:
    return not any(subgroups <= d for d in _DISJOINT) and len(subgroups) > 1


def part_checks(figures: Sequence[FigureSpan]) -> list[CheckSpan]:
    """subgroups_within_total and sum_matches_total for every figure with parts."""
    children: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        if f.part_of is not None and 0 <= f.part_of < len(figures) and f.part_of != i:
            parent = figures[f.part_of]
            if f.unit == parent.unit and f.qualifier not in _UNSTATED:
                children[f.part_of].append(i)
    out: list[CheckSpan] = []
    for p, kids in sorted(children.items()):
        parent = figures[p]
        _, p_hi = bounds(parent)
        lows = [bounds(figures[k])[0] for k in kids]
        total = sum(lows)
        shown = " + ".join(number_text(figures[k]) for k in kids)
        sums = f"{shown} = {total:,.0f}" if len(kids) > 1 else shown
        too_big = [k for k, lo in zip(kids, lows, strict=True) if lo > p_hi]
        refs = [p, *kids]
        if too_big:
            out.append(
                CheckSpan(
                    "subgroups_within_total",
                    False,
                    f"{number_text(figures[too_big[0]])} is more than the total it is part of, {number_text(parent)} ({_what(parent)})",
                    refs,
                )
            )
            continue
        fits = total <= p_hi
        note = (
            ""
            if fits
            else (" (unless these groups overlap)" if _may_overlap({figures[k].subgroup for k in kids}) else "")
        )
        out.append(
            CheckSpan(
                "subgroups_within_total",
                fits,
                f"{sums} {'≤' if fits else '>'} {number_text(parent)} ({_what(parent)}){note}",
                refs,
            )
        )
        subgroups = {figures[k].subgroup for k in kids}
        exact = parent.qualifier == "exact" and all(figures[k].qualifier == "exact" for k in kids)
        if exact and len(kids) == len(subgroups) and any(subgroups == part for part in PARTITIONS):
            adds_up = total == parent.value
            out.append(
                CheckSpan(
                    "sum_matches_total",
                    adds_up,
                    f"{' + '.join(f'{figures[k].value:,} {figures[k].subgroup}' for k in kids)} = {total:,.0f} "
                    f"{'=' if adds_up else '≠'} {number_text(parent)} ({_what(parent)})",
                    refs,
                )
            )
    return out


def agreement_checks(figures: Sequence[FigureSpan], sentences: Sequence[tuple[int, int]] = ()) -> list[CheckSpan]:
    """figures_agree: one category and group of one incident, stated with different numbers in different
    sentences. Figures of one sentence are separate groups ("25 lost both parents, 130 lost one"), or a part
    and its window ("142 killed, 60 in the last 24 hours"), not rival counts."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        if f.event is not None and f.part_of is None and f.qualifier not in _UNSTATED:
            groups[(f.event, f.category, f.subgroup, f.unit, f.group)].append(i)  # group: see FigureSpan
    out: list[CheckSpan] = []
    sentence_of = _sentence_finder(sentences)
    for idx in groups.values():
        distinct: dict[tuple, int] = {}
        for i in idx:
            f = figures[i]
            distinct.setdefault((f.value, f.low, f.high, f.qualifier), i)
        by_sentence: dict[int, list[tuple[float, float]]] = defaultdict(list)
        for i in distinct.values():
            by_sentence[sentence_of(figures[i].start)].append(bounds(figures[i]))
        if len(by_sentence) < 2:
            continue  # every rival pair spans two sentences: with two, every figure has a rival
        chosen = sorted(distinct.values())
        agree = _rivals_compatible(by_sentence)
        listed = ", ".join(
            number_text(figures[i]) + (f" ({figures[i].attributed_to})" if figures[i].attributed_to else "")
            for i in chosen
        )
        verdict = "compatible" if agree else "the numbers differ"
        out.append(
            CheckSpan(
                "figures_agree",
                agree,
                f"{_what(figures[chosen[0]])} for the same incident is given as {listed}: {verdict}",
                chosen,
            )
        )
    return out


def _rivals_compatible(by_sentence: dict[int, list[tuple[float, float]]]) -> bool:
    """Do the bounds of every two figures in different sentences overlap (the least of each at most the most of the other)?

    Without comparing every pair, which made a long document's checks quadratic in its figures: two
    bounds fail to overlap when one's least exceeds the other's most (or a figure's own bounds are
    inverted), so only the two sentences with the greatest least and the two with the smallest most
    can hold the pair that fails.
    """
    if any(lo > hi for spans in by_sentence.values() for lo, hi in spans):
        return False
    top_lo = sorted(((max(lo for lo, _ in spans), s) for s, spans in by_sentence.items()), reverse=True)[:2]
    low_hi = sorted((min(hi for _, hi in spans), s) for s, spans in by_sentence.items())[:2]
    return not any(lo > hi for lo, s in top_lo for hi, t in low_hi if s != t)


def _sentence_finder(sentences: Sequence[tuple[int, int]]) -> Callable[[int], int]:
    """The sentence (an index, -1 for none) holding an offset, by bisection: a scan of every sentence for every
    pair of figures made long documents quadratic."""
    ordered = sorted(sentences)
    starts = [s for s, _ in ordered]

    def find(pos: int) -> int:
        k = bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < ordered[k][1] else -1

    return find


def duration_checks(
    text: str, sentences: Sequence[tuple[int, int]], dates: Sequence[DateSpan] | None
) -> list[CheckSpan]:
    """duration_matches_dates: a duration and an interval stated in the same sentence."""
    found_durations = dateranges.durations(text)
    if not found_durations:
        return []
    stated: list[tuple[int, int, object, object]] = []
    for d in dates or ():
        days = dateranges.parse_iso_interval(d.value)
        if days:
            stated.append((d.start, d.end, days[0], days[1]))
    # Intervals the dates component normalised, and those read here that it did not (or it has not run).
    stated += [
        (iv.start, iv.end, iv.first, iv.last)
        for iv in dateranges.intervals(text)
        if not any(s < iv.end and iv.start < e for s, e, _, _ in stated)
    ]
    # Each stated interval is measured against the duration nearest before it in its sentence, within a
    # clause's reach ("the 44-day war, which lasted from 27 September to 10 November"), or glossing it right
    # after; a duration further on ("..., after about 30 years") is not about that interval.
    out: list[CheckSpan] = []
    for start, end, first, last in stated:
        sentence = next(((s, e) for s, e in sentences if s <= start < e), None)
        if sentence is None:
            continue
        near = [
            d
            for d in found_durations
            if sentence[0] <= d.start < sentence[1] and not (start <= d.start < end) and _gap(d, start, end) <= _REACH
        ]
        if not near:
            continue
        dur = min(near, key=lambda d: _gap(d, start, end))
        ok, measured = dateranges.matches(dur, first, last)  # type: ignore[arg-type]
        quote_dur = " ".join(text[dur.start : dur.end].split())
        quote_dates = " ".join(text[start:end].split())
        out.append(
            CheckSpan(
                "duration_matches_dates",
                ok,
                f"'{quote_dur}' {'matches' if ok else 'does not match'} '{quote_dates}': {measured}",
                spans=[(dur.start, dur.end), (start, end)],
            )
        )
    return out


def _gap(d: dateranges.Duration, start: int, end: int) -> int:
    """Characters between a duration and an interval; a duration after the dates counts only as their gloss
    ("from 3 March to 18 April (46 days)")."""
    if d.end <= start:
        return start - d.end
    return d.start - end if d.start - end <= 3 else _REACH + 1


def run_checks(
    text: str,
    figures: Sequence[FigureSpan],
    sentences: Sequence[tuple[int, int]],
    dates: Sequence[DateSpan] | None = None,
) -> list[CheckSpan]:
    """Every check for one document, in a stable order (incidents come in through ``FigureSpan.event``)."""
    return part_checks(figures) + duration_checks(text, sentences, dates) + agreement_checks(figures, sentences)


@Language.component("sw_checks")
def sw_checks(doc: Doc) -> Doc:
    sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
    checks = run_checks(text_of(doc), get_list(doc, "sw_figures"), sentences, doc._.sw_dates)
    get_list(doc, "sw_checks").extend(checks)
    return doc
