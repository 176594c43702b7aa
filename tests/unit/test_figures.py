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
            "Eleven soldiers killed, 30 wounded in ambush",  # the bare 30 are soldiers too, as in "and 30 wounded"
            [("killed", 11, "exact", "combatants"), ("injured", 30, "exact", "combatants")],
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
    r = analyze("Gunmen seized some 260 bus passengers; the fate of 70 of them remains unknown.")
    assert ("missing", 70, "exact", None) in figs(r)


@pytest.mark.parametrize(
    "sentence",
    [
        "The 366th regiment entered the town in 1992.",
        "The 19-day war ended on 3 April.",
        "Delegations of 51 countries attended the session.",
        "A 12-year-old boy sang at the ceremony.",
        "The town had some 6,300 inhabitants before the war.",
        "Nearly 3,400 residents are said to have been killed or hurt since 2016.",
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a vague head word governs the clause: "dozens of X were killed"
        ("Dozens of villagers were killed in the night raid.", [("killed", (12, None), "vague", None)]),
        ("Hundreds of students were arrested after the march.", [("detained", (100, None), "vague", None)]),
        ("Scores of fishermen went missing after the attack on the port.", [("missing", (40, None), "vague", None)]),
        # a count carried by "a total of", "a number of"
        ("A total of nine policemen were injured in the clashes.", [("injured", 9, "exact", "combatants")]),
        ("A total of 31 pilgrims died when the bus was ambushed.", [("killed", 31, "exact", None)]),
        # the parser hangs the subject on the auxiliary when an apposition intervenes
        (
            "Another 20 civilians, 5 of them children, were badly hurt.",
            [("injured", 20, "exact", "civilians"), ("injured", 5, "exact", "children")],
        ),
        # two tolls in one sentence, each number to its own toll
        (
            "The new figures bring the deaths to 1,204 and the injuries to 3,310.",
            [("killed", 1204, "exact", None), ("injured", 3310, "exact", None)],
        ),
        (
            "It raised the injuries to 75 and the deaths to 18.",
            [("injured", 75, "exact", None), ("killed", 18, "exact", None)],
        ),
        # a unit word must be a whole word: "minors" is not "min"
        ("15 minors were wounded by the blast.", [("injured", 15, "exact", "children")]),
        # taken, alone, is a seizure; taken somewhere is not
        ("Gunmen stormed the school and more than 40 pupils were taken.", [("hostage", 40, "more_than", "children")]),
        ("Thirty herders were taken by the raiders on Sunday.", [("hostage", 30, "exact", None)]),
    ],
)
def test_parse_repairs(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Five men were taken away for questioning.",
        "Eleven soldiers were taken to a military hospital in the capital.",
        "They documented 40 abductions, of which 12 took place at night.",
        "Over 200 soldiers were killed in the war. Another 300 soldiers were deployed to the region.",
    ],
)
def test_not_figures_after_repairs(analyze, sentence):
    assert [f for f in figs(analyze(sentence)) if f[1] not in (200,)] == []


def test_including_list_broken_by_the_parser(analyze):
    r = analyze(
        "After the assault, 240 people, including 51 women, 33 children, and 12 elderly men were killed, officials said."
    )
    by_value = {f.value: f for f in r.figures}
    assert by_value[240].category == "killed"
    for part in (51, 33, 12):
        assert by_value[part].category == "killed"
        assert by_value[part].part_of == by_value[240].id


def test_including_hung_elsewhere_takes_the_nearest_count(analyze):
    r = analyze("Monitors reached a village where scores of civilians were reportedly executed, including 14 children.")
    by_value = {f.value: f for f in r.figures}
    assert by_value[14].category == "killed"
    assert by_value[14].subgroup == "children"
    assert by_value[14].part_of is not None


def test_of_which_and_of_whom(analyze):
    r = analyze("Investigators listed the killings, of which at least 80 were blamed on the army and 25 on rebels.")
    assert figs(r) == [("killed", 80, "at_least", None), ("killed", 25, "at_least", None)]
    r = analyze("The raid left 200 people dead, of whom 40 were children.")
    by_value = {f.value: f for f in r.figures}
    assert (by_value[40].category, by_value[40].subgroup) == ("killed", "children")
    assert by_value[40].part_of == by_value[200].id


def test_further_count_of_the_same_people(analyze):
    r = analyze(
        "The group has named over 200 soldiers killed in the war. Between 50 and 90 further soldiers have yet to be "
        "identified."
    )
    assert ("killed", (50, 90), "range", "combatants") in figs(r)


def test_infobox_with_reference_marks(analyze):
    r = analyze("Attack type\nshelling\nDeaths31 (Including 4 militiamen)[2]\nInjured60[3]\n")
    assert sorted(figs(r)) == [
        ("injured", 60, "exact", None),
        ("killed", 4, "exact", "combatants"),
        ("killed", 31, "exact", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a status stated of the people: feared, reported, found
        ("Some 250 migrants are feared dead after the boat sank.", [("killed", 250, "about", None)]),
        ("More than 900 people have been reported missing since the offensive.", [("missing", 900, "more_than", None)]),
        ("Two reporters were found dead in their car.", [("killed", 2, "exact", "journalists")]),
        # soldiers "lost" are dead; money lost is not people
        ("The brigade lost 40 men in the assault on the ridge.", [("killed", 40, "exact", "men")]),
        ("The firm lost 4 million in the war.", []),
        # a vague word with a harm verb of its own counts people
        (
            "The clashes left 9 dead and dozens injured.",
            [("killed", 9, "exact", None), ("injured", (12, None), "vague", None)],
        ),
        ("Hundreds were detained in the first week.", [("detained", (100, None), "vague", None)]),
        ("Dozens of buildings were destroyed.", []),
        # not people harmed
        ("The army deployed 3,000 troops to the region.", []),
        ("The city of 400,000 residents was shelled.", []),
        ("Rebels destroyed 12 tanks and captured 3 villages.", []),
        ("The hospital treated 200 patients.", []),
        ("Of the 75 people abducted, 20 have been released.", [("hostage", 75, "exact", None)]),
    ],
)
def test_status_and_precision(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Israeli strikes killed 30 Palestinians.", [("killed", 30, "exact", None)]),
        ("Palestinian rockets killed 2 Israelis.", [("killed", 2, "exact", None)]),
        ("Russian shelling killed 8 Ukrainians.", [("killed", 8, "exact", None)]),
        ("Ukrainian drones killed 3 Russians.", [("killed", 3, "exact", None)]),
        ("Armenian forces said 12 Azerbaijanis were wounded.", [("injured", 12, "exact", None)]),
        ("Azerbaijani forces said 12 Armenians were wounded.", [("injured", 12, "exact", None)]),
    ],
)
def test_rules_are_symmetric(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Among the dead were 5 children.", [("killed", 5, "exact", "children")]),
        ("Three medics are among the wounded.", [("injured", 3, "exact", "medics")]),
        ("Four of the dead were children.", [("killed", 4, "exact", "children")]),
        ("Two of the injured are in critical condition.", [("injured", 2, "exact", None)]),
        ("The bodies of 30 men were found in a ditch.", [("killed", 30, "exact", "men")]),
        ("About 100,000 people have been forced from their homes.", [("displaced", 100000, "about", None)]),
        ("The shelling forced 50,000 villagers to flee.", [("displaced", 50000, "exact", None)]),
        ("Officials asked 3,000 residents to evacuate.", []),
        ("Police forced 200 protesters to leave the square.", []),
    ],
)
def test_groups_of_the_harmed_and_control(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The dead included 4 journalists.", [("killed", 4, "exact", "journalists")]),
        (
            "The wounded include 12 children and 5 women.",
            [("injured", 12, "exact", "children"), ("injured", 5, "exact", "women")],
        ),
        ("The report included 40 interviews.", []),
        ("Militants beat two villagers to death.", [("killed", 2, "exact", None)]),
        ("An Israeli settler was stabbed to death.", [("killed", 1, "implied", None)]),
        ("A Palestinian teenager was beaten to death.", [("killed", 1, "implied", "children")]),
    ],
)
def test_lists_of_the_harmed_and_killings_to_death(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "One driver was killed and five received minor injuries in the blast.",
            [("killed", 1, "exact", None), ("injured", 5, "exact", None)],
        ),
        ("Two workers received serious wounds when the shell hit the depot.", [("injured", 2, "exact", None)]),
        ("The ambush resulted in four farmers being killed.", [("killed", 4, "exact", None)]),
    ],
)
def test_injuries_received_and_passive_gerunds(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The clash ended with five gunmen killed, one wounded and three suspects taken into custody.",
            [("killed", 5, "exact", "combatants"), ("injured", 1, "exact", None), ("detained", 3, "exact", None)],
        ),
        (
            "Two suspects taken into custody after the blast were questioned by police.",
            [("detained", 2, "exact", None)],
        ),
    ],
)
def test_a_counted_noun_with_its_own_participle(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


def test_suspects_in_custody_are_no_deed_imputed_to_them(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (May 3, 2019) - The patrol came under fire near the market, leaving one attacker "
        "wounded and two suspects taken into custody."
    )
    (e,) = r.events
    assert e.totals["detained"].value == 2
