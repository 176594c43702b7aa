"""Grouping events into incidents, copies, estimates and flags: pure functions, no database."""

from __future__ import annotations

import dataclasses
import re

from sourcewise.reconcile import (
    Claim,
    Decision,
    EventRef,
    Incident,
    Source,
    copy_groups,
    country_code,
    date_interval,
    event_refs,
    fold,
    group_events,
    is_country_name,
    kinds_compatible,
    sketch,
    sketch_similarity,
    summarize,
    voices_of,
)
from tests.store.reports import Fig, make_report


def ev(doc, date, place, *, gid=None, admin1=None, country=None, kind="attack", seq=0, eid="e1"):
    return EventRef(doc, eid, seq, kind, date, place, gazetteer_id=gid, admin1=admin1, country=country)


def groups(events, decisions=()):
    return sorted(sorted(k.split(":")[0] for k in i.members) for i in group_events(events, decisions))


def test_dates_become_intervals():
    assert str(date_interval("1992-02").end) == "1992-02-29"
    iv = date_interval("1992-02-25/1992-02-26")
    assert (iv.days, iv.precision) == (2, "interval")
    assert date_interval("199X").days == 3652  # two leap years
    assert date_interval("not a date") is None and date_interval(None) is None
    assert date_interval("1992-02-26").overlaps(date_interval("1992-02-25/1992-02-25"))
    assert not date_interval("1992-02-20").overlaps(date_interval("1992-02-25"))


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Xocalı") == fold("XOCALI") == "xocali"
    assert fold("  Saint-Denis ") == "saint denis"


def test_same_gazetteer_place_and_overlapping_dates_group():
    events = [
        ev("a", "2031-05-05/2031-05-06", "Velmora", gid="g:1"),
        ev("b", "2031-05-06", "Velmora", gid="g:1"),
        ev("c", "2031-05-07", "Velmora", gid="g:1"),  # within a day's tolerance of b
        ev("d", "2031-05-20", "Velmora", gid="g:1"),
    ]
    assert groups(events) == [["a", "b", "c"], ["d"]]
    first = group_events(events)[0]
    assert first.date == "2031-05-05/2031-05-07"  # the sources disagree by a day: the incident spans both


def test_name_fallback_without_gazetteer_but_never_across_ids_or_countries():
    assert groups([ev("a", "2031-05-06", "Darvel"), ev("b", "2031-05-06", "DARVEL")]) == [["a", "b"]]
    assert groups(
        [ev("a", "2031-05-06", "Springfield", gid="g:1"), ev("b", "2031-05-06", "Springfield", gid="g:2")]
    ) == [
        ["a"],
        ["b"],
    ]
    assert groups([ev("a", "2031-05-06", "Alma", country="AA"), ev("b", "2031-05-06", "Alma", country="BB")]) == [
        ["a"],
        ["b"],
    ]
    # one side resolved, the other not: the name still matches
    assert groups([ev("a", "2031-05-06", "Alma", gid="g:1", country="AA"), ev("b", "2031-05-06", "Alma")]) == [
        ["a", "b"]
    ]


def test_a_month_joins_the_only_incident_it_could_mean():
    events = [
        ev("a", "1992-02-25/1992-02-26", "Velmora", gid="g:1"),
        ev("b", "1992-02", "Velmora", gid="g:1"),
    ]
    got = group_events(events)
    assert len(got) == 1 and "only matching incident" in got[0].reason
    assert got[0].date == "1992-02-25/1992-02-26"


def test_a_stated_period_is_not_one_incident():
    events = [ev("a", "2023-10-07/2024-05-15", "Velmora", gid="g:1"), ev("b", "2024-01-05", "Velmora", gid="g:1")]
    assert groups(events) == [["a"], ["b"]]
    events.append(ev("c", "2023-10-07/2024-05-14", "Velmora", gid="g:1"))
    assert groups(events) == [["a", "c"], ["b"]]


def test_a_coarse_event_never_chains_two_incidents():
    events = [
        ev("a", "1992-02-03", "Velmora", gid="g:1"),
        ev("b", "1992-02-25", "Velmora", gid="g:1"),
        ev("c", "1992-02", "Velmora", gid="g:1"),
    ]
    assert groups(events) == [["a"], ["b"], ["c"]]


def test_country_level_place_joins_a_unique_locality_in_that_country():
    fine = ev("a", "2031-05-06", "Velmora", gid="g:1", admin1="North", country="Zedland")
    country = ev("b", "2031-05-06", "Zedland", gid="g:9", country="Zedland")
    assert country.place_level == "country"
    assert groups([fine, country]) == [["a", "b"]]
    other = ev("c", "2031-05-06", "Dunmere", gid="g:2", admin1="South", country="Zedland")
    assert groups([fine, country, other]) == [["a"], ["b"], ["c"]]
    region = ev("d", "2031-05", "North", gid="g:8", admin1="North", country="Zedland")
    assert region.place_level == "admin1"
    assert groups([fine, other, region]) == [["a", "d"], ["c"]]


def test_incompatible_kinds_stay_apart():
    assert kinds_compatible("shelling", "airstrike") and kinds_compatible(None, "arrest")
    assert kinds_compatible("attack", "kidnapping")
    assert not kinds_compatible("arrest", "displacement")
    events = [ev("a", "2031-05-06", "Velmora", kind="arrest"), ev("b", "2031-05-06", "Velmora", kind="displacement")]
    assert groups(events) == [["a"], ["b"]]


def test_decisions_apply_in_order():
    events = [
        ev("a", "2031-05-06", "Velmora", seq=1),
        ev("b", "2031-05-06", "Velmora", seq=2),
        ev("c", "2031-06-30", "Velmora", seq=3),
    ]
    merge = Decision(1, "merge", ("a:e1", "c:e1"))
    assert groups(events, [merge]) == [["a", "b", "c"]]
    split = Decision(2, "split", ("b:e1",))
    assert groups(events, [merge, split]) == [["a", "c"], ["b"]]
    # a decision about events that are gone is ignored
    assert groups(events, [Decision(3, "merge", ("zz:e1", "yy:e1"))]) == [["a", "b"], ["c"]]
    # an event renumbered by a newer pipeline is found again by its offsets in the same document
    renumbered = [*events[:2], EventRef("c", "e5", 3, "attack", "2031-06-30", "Velmora", start=10, end=40)]
    anchored = Decision(4, "merge", ("a:e1", "c:e1"), anchors=(("a:e1", 0, 0), ("c:e1", 12, 30)))
    assert groups(renumbered, [anchored]) == [["a", "b", "c"]]


def test_incident_id_follows_the_oldest_document():
    a = ev("a", "2031-05-06", "Velmora", seq=1)
    b = ev("b", "2031-05-06", "Velmora", seq=2)
    (only_a,) = group_events([a])
    (both,) = group_events([b, a])
    assert only_a.id == both.id


def claim(
    doc,
    value=None,
    *,
    low=None,
    high=None,
    qualifier="exact",
    subgroup=None,
    attributed=None,
    part_of=None,
    context="",
    quote=None,
    category="killed",
):
    return Claim(
        doc,
        "e1",
        f"f{value or low}",
        category,
        value,
        low,
        high,
        qualifier,
        subgroup,
        "people",
        part_of,
        attributed,
        0,
        1,
        quote or str(value),
        context,
    )


def incident(docs):
    return Incident(
        "I1",
        tuple(f"{d}:e1" for d in docs),
        1.0,
        "",
        "Velmora",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        (),
        "p",
        tuple(docs),
    )


def test_estimates_low_best_high_with_their_sources():
    claims = [
        claim("a", 613),
        claim("b", 485),
        claim("c", 161, qualifier="at_least"),
        claim("d", low=200, high=300, qualifier="range"),
        claim("a", 63, subgroup="children", part_of="f613"),
        claim("b", 12, qualifier="vague"),
    ]
    view = summarize(incident("abcd"), claims, {d: Source(d) for d in "abcd"})
    est = view.estimates["killed"]
    assert (est.low, est.high) == (161, 613)
    assert est.low_sources == ("c",) and est.high_sources == ("a",)
    assert est.best == 368  # median of 613, 485, 161, 250 -> (250 + 485) / 2 = 367.5
    assert est.independent_sources == 4
    assert view.flags[0].category == "killed" and view.flags[0].ratio > 3


def test_copies_of_one_story_count_once():
    text = "Artillery fire killed 27 people in the market of Velmora on Thursday, officials said, as families fled."
    sources = {
        "a": Source("a", title="Shelling kills 27", sketch=sketch(text)),
        "b": Source("b", title="Shelling kills 27 in Velmora", sketch=sketch(text + " Reuters.")),
        "c": Source("c", sketch=sketch("A completely different article about the same shelling, with other words.")),
    }
    assert sketch_similarity(sources["a"].sketch, sources["b"].sketch) >= 0.8
    claims = [claim("a", 27), claim("b", 27), claim("c", 60)]
    view = summarize(incident("abc"), claims, sources)
    assert view.copies["b"] == view.copies["a"] != view.copies["c"]
    est = view.estimates["killed"]
    assert est.independent_sources == 2 and est.documents == 3
    assert est.best == 44  # median of 27 (counted once) and 60


def test_same_figure_in_the_same_words_is_one_voice_but_not_a_copy():
    claims = [claim("a", 27, context="h1"), claim("b", 27, context="h1"), claim("c", 27, context="h2"), claim("b", 90)]
    voices = voices_of(claims, copy_groups([Source(d) for d in "abc"]))
    assert voices[claims[0]] == voices[claims[1]] != voices[claims[2]]
    assert voices[claims[3]] == "document:b"  # b's own claim stays b's


def test_attributed_claims_are_their_sources_voices():
    claims = [
        claim("a", 100, attributed="the Health Ministry"),
        claim("b", 100, attributed="Health Ministry"),
        claim("c", 140),
    ]
    view = summarize(incident("abc"), claims, {d: Source(d) for d in "abc"})
    assert (
        view.estimates["killed"].independent_sources == 3
    )  # "the Health Ministry" and "Health Ministry" differ by fold
    assert view.flags == ()  # 140 / 100 <= 1.5


def test_subgroup_figures_count_only_when_no_source_gives_a_toll():
    view = summarize(incident("ab"), [claim("a", 30, subgroup="children"), claim("b", 20, subgroup="children")], {})
    est = view.estimates["killed"]
    assert est.subgroup_only and (est.low, est.high) == (20, 30)
    view = summarize(
        incident("ab"),
        [claim("a", 161, subgroup="civilians"), claim("b", 613), claim("b", 5, subgroup="journalists")],
        {},
    )
    est = view.estimates["killed"]
    assert not est.subgroup_only and (est.low, est.high) == (161, 613)


def test_events_without_a_place_take_the_most_mentioned_one():
    from sourcewise.records import Entity

    text = "Velmora burned. In Velmora, Azerbaijan and Dunmere, 40 people were killed. Later, Azerbaijan, Dunmere."
    report, _ = make_report(text, figures=[Fig("40 people were killed", value=40)], date="2031-05-06")
    ents = tuple(Entity(m.start(), m.end(), m.group(), "GPE") for m in re.finditer(r"Velmora|Dunmere|Azerbaijan", text))
    report = dataclasses.replace(report, entities=ents)
    (ref,) = event_refs(report)
    assert (ref.place, ref.place_source) == ("Velmora", "document")
    other = EventRef("z", "e1", 1, "attack", "2031-05-06", "Velmora")
    (inc,) = group_events([ref, other])
    assert inc.confidence == 0.56 and "inferred" in inc.reason  # 0.8 for a name match, x0.7 inferred
    assert country_code("Azerbaijan") == "AZ" and country_code("Velmora") is None
    assert is_country_name("USSR") and is_country_name("azerbaijan") and not is_country_name("Velmora")
    # the event's own sentence breaks a tie between places mentioned as often
    inside = dataclasses.replace(report.events[0], start=text.index("Later"), end=len(text))
    (ref,) = event_refs(dataclasses.replace(report, events=(inside,)))
    assert ref.place == "Dunmere"


def test_country_level_is_told_by_the_country_name():
    assert ev("a", None, "Azerbaijan", gid="g:1", country="AZ").place_level == "country"
    assert ev("a", None, "Khojaly", gid="g:2", country="AZ").place_level == "locality"


def test_some_of_another_categorys_people_are_no_whole_count():
    claims = [
        claim("a", 52, quote="the toll reached 52"),
        claim("a", 4, quote="four of the injured later died"),
        claim("b", 49, quote="49 people were killed"),
    ]
    view = summarize(incident("ab"), claims, {d: Source(d) for d in "ab"})
    est = view.estimates["killed"]
    assert (est.low, est.high) == (49, 52)
    assert not view.flags
