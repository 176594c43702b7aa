"""Casualty figures from sentences written for these tests, one pattern per test."""

import pytest


def figs(report):
    return [
        (f.category, f.value if f.value is not None else (f.low, f.high), f.qualifier, f.subgroup)
        for f in report.figures
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # passive and intransitive subjects
        ("Officials said 42 villagers were killed in the raid.", [("killed", 42, "exact", None)]),
        ("At least nine people died when the bridge was shelled.", [("killed", 9, "at_least", None)]),
        ("About 300 residents were displaced by the flooding of the camp.", [("displaced", 300, "about", None)]),
        ("Some 18 aid workers were abducted near the border.", [("hostage", 18, "about", "aid_workers")]),
        # active objects and headlines
        (
            "Gunmen killed 14 farmers and kidnapped 20 others on Monday.",
            [("killed", 14, "exact", None), ("hostage", 20, "exact", None)],
        ),
        ("Police arrested 230 protesters overnight.", [("detained", 230, "exact", None)]),
        ("Car bomb kills 12 in northern town", [("killed", 12, "exact", None)]),
        # participles beside the count
        (
            "Eleven soldiers killed, 30 wounded in ambush",
            [("killed", 11, "exact", "combatants"), ("injured", 30, "exact", None)],
        ),
        ("Hospitals received 75 wounded people by noon.", [("injured", 75, "exact", None)]),
        # tolls
        ("The death toll from the quake of shelling rose to 88 on Friday.", [("killed", 88, "exact", None)]),
        ("The ministry raised the death toll to 41.", [("killed", 41, "exact", None)]),
        ("Rescuers found 26 bodies under the rubble.", [("killed", 26, "exact", None)]),
        # ranges, words
        ("Between 120 and 150 fighters were captured.", [("hostage", (120, 150), "range", "combatants")]),
        ("Twenty-five journalists have been detained since May.", [("detained", 25, "exact", "journalists")]),
        # orphaned, missing, families
        ("In that week 14 children lost both parents.", [("orphaned", 14, "exact", "children")]),
        ("Six families were killed in their homes.", [("killed", 6, "exact", "families")]),
    ],
)
def test_single_patterns(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


def test_including_makes_parts(analyze):
    r = analyze("The strike killed 57 people, including 12 women and 20 children.")
    by_value = {f.value: f for f in r.figures}
    assert by_value[12].part_of == by_value[57].id and by_value[12].subgroup == "women"
    assert by_value[20].part_of == by_value[57].id and by_value[20].category == "killed"


def test_of_them_is_part_of_the_previous_figure(analyze):
    r = analyze("On that day 240 people were injured, and 31 of them were children.")
    by_value = {f.value: f for f in r.figures}
    assert by_value[31].category == "injured"
    assert by_value[31].subgroup == "children"
    assert by_value[31].part_of == by_value[240].id


def test_fate_unknown_is_missing(analyze):
    r = analyze("Some 400 villagers were taken hostage, and the fate of 90 of them remains unknown.")
    assert ("missing", 90, "exact", None) in figs(r)


@pytest.mark.parametrize(
    "sentence",
    [
        "The 366th regiment entered the town in 1992.",
        "The 44-day war ended on 10 November.",
        "Delegations of 51 countries attended the session.",
        "A 12-year-old boy sang at the ceremony.",
        "The town had some 6,300 inhabitants before the war.",
        "Almost 5,000 people have been reported killed or injured since 2011.",
    ],
)
def test_not_figures(analyze, sentence):
    assert figs(analyze(sentence)) == []


def test_offsets_are_exact(analyze):
    text = "Reports said 19 civilians were killed.\nLater, 44 were wounded, including 3 medics."
    r = analyze(text)
    assert r.figures
    for f in r.figures:
        assert text[f.start : f.end] == f.quote
