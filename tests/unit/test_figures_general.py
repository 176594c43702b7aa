"""Figure mechanisms that must hold beyond the dev corpus, several sentences each.

Sentences written for these tests: they vary the conflict, the side, the voice
and the word order, so that a rule fitted to one sentence fails here.
"""

import pytest


def figs(report):
    return [
        (f.category, f.value if f.value is not None else (f.low, f.high), f.subgroup)
        for f in report.figures
        if f.qualifier not in ("vague", "implied")
    ]


def by_value(report):
    return {f.value: f for f in report.figures}


# -- A1: a count after "and" with no group of its own takes the group of the count it is paired with


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Three civilians were shot dead and 10 others wounded in the market.",
            [("killed", 3, "civilians"), ("injured", 10, "civilians")],
        ),
        (
            "Eight soldiers died and 21 were injured when the barracks were shelled.",
            [("killed", 8, "combatants"), ("injured", 21, "combatants")],
        ),
        (
            "Two journalists were arrested and four more detained the next day.",
            [("detained", 2, "journalists"), ("detained", 4, "journalists")],
        ),
        (
            "Gunmen killed 6 policemen and wounded 9 others at the checkpoint.",
            [("killed", 6, "combatants"), ("injured", 9, "combatants")],
        ),
        (
            "Nine children were killed and at least 30 injured in the strike on the school.",
            [("killed", 9, "children"), ("injured", 30, "children")],
        ),
    ],
)
def test_paired_count_takes_the_group(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


def test_a_clause_with_another_agent_keeps_its_own_group(analyze):
    r = analyze("Army shelling killed 14 civilians, and rebel mortars killed 3.")
    assert figs(r) == [("killed", 14, "civilians"), ("killed", 3, None)]


# -- A2 / A4: "among them" lists are parts, and their group does not leak into the next count


@pytest.mark.parametrize(
    ("sentence", "expected", "parts"),
    [
        (
            "The raid killed 9 farmers, among them 2 girls, and wounded 13 more.",
            [("killed", 9, None), ("killed", 2, "children"), ("injured", 13, None)],
            {2: 9},
        ),
        (
            "Thirty protesters were arrested, among them five women, and 12 were hurt.",
            [("detained", 30, None), ("detained", 5, "women"), ("injured", 12, None)],
            {5: 30},
        ),
        (
            "Militants abducted 25 workers, among whom 4 engineers, on the road to the mine.",
            [("hostage", 25, None), ("hostage", 4, None)],
            {4: 25},
        ),
        (
            "Shelling killed 11 civilians, including three women, and injured 27.",
            [("killed", 11, "civilians"), ("killed", 3, "women"), ("injured", 27, "civilians")],
            {3: 11},
        ),
        (
            "At least 50 people were killed, among them 6 medics, and 80 were wounded.",
            [("killed", 50, None), ("killed", 6, "medics"), ("injured", 80, None)],
            {6: 50},
        ),
    ],
)
def test_among_them_lists_are_parts(analyze, sentence, expected, parts):
    r = analyze(sentence)
    assert figs(r) == expected
    values = by_value(r)
    for part, whole in parts.items():
        assert values[part].part_of == values[whole].id


# -- A3: a sentence opened by a group of the harmed gives its harm to counts that only say who they were


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Of those killed, 11 were soldiers and four were police officers.",
            [("killed", 11, "combatants"), ("killed", 4, "combatants")],
        ),
        ("Of the wounded, 23 were children.", [("injured", 23, "children")]),
        ("Among those arrested were 8 students and a teacher.", [("detained", 8, None)]),
        ("Of the 60 people detained, 14 were women.", [("detained", 60, None), ("detained", 14, "women")]),
        ("Of those abducted, 12 have since escaped.", []),
        ("Of the 90 hostages taken, 30 were released on Sunday.", [("hostage", 90, None)]),
    ],
)
def test_groups_of_the_harmed_open_the_sentence(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


def test_a_count_in_the_opening_group_is_the_whole(analyze):
    r = analyze("Of the 45 people killed, 19 were women.")
    values = by_value(r)
    assert values[19].category == "killed" and values[19].subgroup == "women"
    assert values[19].part_of == values[45].id


# -- A6: "N of them" does what its own verb says; the antecedent is the nearest count, people only


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops arrested 70 men, of whom 12 were later released.", [("detained", 70, "men")]),
        ("About 40 fishermen went missing, but 15 of them have since returned home.", [("missing", 40, None)]),
        ("Gunmen kidnapped 19 passengers; 6 of them are still missing.", [("hostage", 19, None), ("missing", 6, None)]),
        ("The army fought three campaigns in the north, two of them in winter.", []),
        ("The kingdom lost five provinces. Two of them were later retaken.", []),
        ("Rebels captured 200 soldiers, 50 of whom were freed in an exchange.", [("hostage", 200, "combatants")]),
        ("Police detained 35 activists, 10 of them women.", [("detained", 35, None), ("detained", 10, "women")]),
    ],
)
def test_partitives_follow_their_own_verb(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


# -- A5: members of armed bodies, own-side words, "-men" compounds, pupils


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Six members of the security forces died in the blast.", [("killed", 6, "combatants")]),
        ("The army said it killed 20 militia members near the river.", [("killed", 20, "combatants")]),
        ("Police arrested 9 members of a rebel group at dawn.", [("detained", 9, "combatants")]),
        ("Eight members of one family were killed when the house collapsed.", [("killed", 8, None)]),
        ("Seven assailants were shot dead by the guards.", [("killed", 7, "combatants")]),
        ("Gunmen seized 40 pupils from a village school.", [("hostage", 40, "children")]),
        ("The group said it buried 5 of its fallen comrades on Friday.", [("killed", 5, "combatants")]),
        (
            "We honour 4 fallen fighters and pray for our 15 wounded.",
            [("killed", 4, "combatants"), ("injured", 15, "combatants")],
        ),
        (
            "Twelve herdsmen and three kinsmen of the chief were abducted.",
            [("hostage", 12, None), ("hostage", 3, None)],
        ),
        ("Eleven riflemen were wounded in the assault.", [("injured", 11, "combatants")]),
    ],
)
def test_armed_bodies_and_own_side_words(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


# -- B7: recovering, burying, eliminating, martyrs


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Divers recovered the remains of 14 migrants from the wreck.", [("killed", 14, None)]),
        ("Relatives buried 22 villagers on the hillside.", [("killed", 22, None)]),
        ("Neighbours helped to bury 8 children killed in the raid.", [("killed", 8, "children")]),
        ("The statement said 3 militants had been eliminated.", [("killed", 3, "combatants")]),
        ("Special forces eliminated 15 insurgents in the mountains.", [("killed", 15, "combatants")]),
        ("The number of martyrs rose to 40 overnight.", [("killed", 40, None)]),
        ("The funeral was held for 6 martyrs in the square.", [("killed", 6, None)]),
        ("The battalion buried its dead and moved on.", []),
        ("Troops neutralized 12 fighters in the operation.", []),
    ],
)
def test_killing_in_other_words(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


# -- B8: displacement in other words; troops that move are not displaced


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 40,000 people have crossed into the neighbouring state since May.", [("displaced", 40000, None)]),
        ("Some 2,500 refugees crossed the border on Monday alone.", [("displaced", 2500, None)]),
        ("Around 900 families were forced from the settlements.", [("displaced", 900, "families")]),
        ("At least 70,000 residents have left the city since the siege began.", [("displaced", 70000, None)]),
        ("Hundreds of villagers have been driven from their land.", []),
        ("Over 1,200 people were loaded onto trucks and deported.", [("displaced", 1200, None)]),
        ("Some 5,000 soldiers crossed into the region on Sunday.", []),
        ("The army evacuated 300 troops from the island.", []),
        ("Fifty workers left the factory at noon.", []),
    ],
)
def test_displacement_in_other_words(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


# -- B9: missing in other words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The whereabouts of 33 detainees are still unknown.", [("missing", 33, None)]),
        ("The whereabouts of the 12 students remain unclear, their families said.", [("missing", 12, None)]),
        ("Five fishermen were never seen again.", [("missing", 5, None)]),
        ("Nine of the villagers have not been heard from since.", [("missing", 9, None)]),
        ("Forty people are still listed as missing by the commission.", [("missing", 40, None)]),
        ("Twenty journalists remain missing after the siege.", [("missing", 20, "journalists")]),
        ("Three soldiers were seen again in a video last week.", []),
    ],
)
def test_missing_in_other_words(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


# -- C14: tolls of a counted group of people, earlier values


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("That takes the tally of aid workers killed in the war to 71.", [("killed", 71, "aid_workers")]),
        ("The number of children wounded has passed 1,300.", [("injured", 1300, "children")]),
        ("The number of residents who have fled the valley reached 48,000 on Monday.", [("displaced", 48000, None)]),
        ("The total number of detainees stood at 5,600.", [("detained", 5600, None)]),
        ("The number of displaced families has risen to 12,000.", [("displaced", 12000, "families")]),
        ("The number of schools damaged has reached 120.", []),
        (
            "The death toll climbed to 52 on Tuesday, up from 37 the day before.",
            [("killed", 52, None), ("killed", 37, None)],
        ),
        (
            "Injuries rose to 140, compared with 95 on Sunday.",
            [("injured", 140, None), ("injured", 95, None)],
        ),
    ],
)
def test_tolls_of_counted_groups(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


# -- C15: back-references to a harm already stated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A bomb tore through the bus and several passengers died. Police put the number at 11.",
            [("killed", 11, None)],
        ),
        (
            "Dozens were wounded in the clashes. Hospital officials said the figure was 64.",
            [("injured", 64, None)],
        ),
        ("The mayor spoke about the festival. He put the number at 5,000.", []),
        (
            "Rescuers pulled 120 bodies from the ruins. Another 45 remained under the rubble of the market.",
            [("killed", 120, None), ("killed", 45, None)],
        ),
        (
            "Twelve hostages were released on Friday, while 60 remain in the hands of the group.",
            [("hostage", 12, None), ("hostage", 60, None)],
        ),
        (
            "About 200 students were abducted, and 70 are still being held.",
            [("hostage", 200, None), ("hostage", 70, None)],
        ),
        ("Some 30 prisoners are in custody in the northern jail.", [("detained", 30, None)]),
        (
            "Eyewitnesses put the dead at 300, while other estimates ran as high as 450.",
            [("killed", 300, None), ("killed", 450, None)],
        ),
    ],
)
def test_back_references(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- C13: an approximate count after a second harm verb takes that verb, and the noun named before it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mortar fire killed 4 shepherds and injured nearly 60, the district chief said.",
            [("killed", 4, None), ("injured", 60, None)],
        ),
        (
            "Drones have killed 35 militiamen since May and wounded over 120.",
            [("killed", 35, "combatants"), ("injured", 120, "combatants")],
        ),
        (
            "The raid on the port wounded 8 port workers and abducted about 15.",
            [("injured", 8, None), ("hostage", 15, None)],
        ),
    ],
)
def test_approximate_count_after_a_second_verb(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- D17-D19: table rows and infobox fields: the label (or the heading of the rows) names the harm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arrested since the uprising: 7,310\nReleased on bail: 2,045\n", [("detained", 7310, None)]),
        ("Women currently in detention: 112\n", [("detained", 112, "women")]),
        ("Medics killed: 29\nAmbulances hit: 40\n", [("killed", 29, "medics")]),
        ("Killed by militias: 615\nReturned to their villages: 80\n", [("killed", 615, None)]),
        (
            "Injuries by governorate\nNorth Coast: 406\nRiver Plain: 88\n",
            [("injured", 406, None), ("injured", 88, None)],
        ),
        ("Villages surveyed: 42\nWells repaired: 9\n", []),
        ("| killed = about 2,600\n| displaced = over 40,000\n", [("killed", 2600, None), ("displaced", 40000, None)]),
        ("Dead\tc. 90\nInjured\t150-200\n", [("killed", 90, None), ("injured", (150, 200), None)]),
    ],
)
def test_table_rows_and_fields(analyze, text, expected):
    assert figs(analyze(text)) == expected


def test_a_row_that_names_no_harm_takes_none_from_the_row_above(analyze):
    r = analyze("Total kidnapped: 380\nFreed: 210\n")
    assert figs(r) == [("hostage", 380, None)]
    assert [f.quote for f in r.figures] == ["Total kidnapped: 380"]


# -- B10: acts that harm one person each are counts of people ("52 killings", "the wounding of 80")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rights groups logged 71 arrests and 18 killings during the curfew.",
            [("detained", 71, None), ("killed", 18, None)],
        ),
        ("The tribunal heard evidence of 240 summary executions.", [("killed", 240, None)]),
        ("Doctors described the maiming of 35 children by cluster munitions.", [("injured", 35, "children")]),
        ("The prosecutor filed 4 arrest warrants.", []),
    ],
)
def test_acts_counted_one_person_each(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- E23: an age describes the counted people, it is not a count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of the 85 dead, 19 were children under 10.",
            [("killed", 85, None), ("killed", 19, "children")],
        ),
        ("Police arrested 27 men aged 20 to 45 in the market.", [("detained", 27, "men")]),
        ("Among the injured were 12 girls aged 8 or younger.", [("injured", 12, "children")]),
        ("Militants abducted 60 boys below the age of 15.", [("hostage", 60, "children")]),
    ],
)
def test_ages_are_not_counts(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- A3: "among" a harmed group named by a noun, a participle or a clause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Among the martyrs were 2 paramedics.", [("killed", 2, "medics")]),
        ("Nine border guards were among those captured.", [("hostage", 9, "combatants")]),
        ("Three engineers were among the people kidnapped near the dam.", [("hostage", 3, None)]),
        ("Six students were among those who marched.", []),
        ("Of those who perished, 14 were women.", [("killed", 14, "women")]),
    ],
)
def test_among_those_harmed(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- A2: a part of an "including" list with no noun of its own is of the whole's group


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twenty miners were trapped and 15 died, including six from the night shift.",
            [("killed", 15, None), ("killed", 6, None)],
        ),
        (
            "Seventeen policemen were killed, including five from the border post.",
            [("killed", 17, "combatants"), ("killed", 5, "combatants")],
        ),
        (
            "The militia kidnapped 9 aid workers, including two from a local charity, and killed one more.",
            [("hostage", 9, "aid_workers"), ("hostage", 2, "aid_workers"), ("killed", 1, "aid_workers")],
        ),
    ],
)
def test_including_parts_keep_the_group(analyze, text, expected):
    assert figs(analyze(text)) == expected


def test_the_harm_of_a_second_event_noun_stays_its_own(analyze):
    r = analyze("Witnesses described the capture of 12 fishermen and the execution of three more.")
    assert figs(r) == [("hostage", 12, None), ("killed", 3, None)]


# -- A6: a partitive with a harm of its own still counts the antecedent's people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Militants seized 30 pupils from the dormitory; 8 of them are still unaccounted for.",
            [("hostage", 30, "children"), ("missing", 8, "children")],
        ),
        (
            "The army captured 14 rebel fighters, and 3 of them were later shot dead.",
            [("hostage", 14, "combatants"), ("killed", 3, "combatants")],
        ),
        (
            "About 50 civilians were detained, and 11 of them were women.",
            [("detained", 50, "civilians"), ("detained", 11, "women")],
        ),
    ],
)
def test_partitives_keep_the_antecedents_group(analyze, text, expected):
    assert figs(analyze(text)) == expected


def test_a_frame_can_open_the_line_after_a_table_row(analyze):
    r = analyze("Abducted since January: 260\nOf those abducted, 41 were girls and 7 were teachers.\n")
    assert figs(r) == [("hostage", 260, None), ("hostage", 41, "children"), ("hostage", 7, None)]


# -- B11: 'displaced' before the noun says what the people were; a harm verb on them says what befell them


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The airstrike killed 7 displaced farmers near the camp.", [("killed", 7, None)]),
        ("Gunmen abducted 12 displaced women from the settlement.", [("hostage", 12, "women")]),
        ("Some 3,500 displaced people reached the border town.", [("displaced", 3500, None)]),
        ("About 40 wounded soldiers were evacuated by helicopter.", [("injured", 40, "combatants")]),
    ],
)
def test_displaced_as_a_modifier(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- E20 / E21: a count for two harms at once, and releases still to come, are not figures


@pytest.mark.parametrize(
    "text",
    [
        "Since 2019 the raids have killed or wounded more than 730 herders, the council says.",
        "About 150 fishermen were killed or went missing in the storm of fire that night.",
        "Under the draft accord, 45 prisoners would be set free.",
        "Officials said 20 hostages will be released on Friday.",
        "The agreement would let 90 detainees return to their families.",
    ],
)
def test_combined_counts_and_releases_to_come(analyze, text):
    assert figs(analyze(text)) == []


def test_people_still_held_stay_figures(analyze):
    r = analyze("Some 80 hostages are still being held, and 12 detainees were moved to another prison.")
    assert figs(r) == [("hostage", 80, None), ("detained", 12, None)]


# -- A7: one count shared by people of several groups has no subgroup; listed people with their own count keep theirs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militiamen abducted 62 girls and teachers from the college.", [("hostage", 62, None)]),
        ("Around 1,400 women and elderly men were displaced by the floods of fighting.", [("displaced", 1400, None)]),
        (
            "The shell killed a farmer and three children near the well.",
            [("killed", 3, "children")],
        ),
        (
            "Soldiers detained 12 journalists and 30 students.",
            [("detained", 12, "journalists"), ("detained", 30, None)],
        ),
    ],
)
def test_mixed_groups(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- C14 / D17: a date inside a toll does not end it; a numbered table caption heads its rows


def test_a_date_inside_a_toll(analyze):
    r = analyze("A nurse was killed on Sunday, bringing the number of medics killed since June 2021 to 87.")
    assert ("killed", 87, "medics") in figs(r)


def test_a_numbered_caption_heads_its_rows(analyze):
    r = analyze("Table 3: Injuries by camp\nCamp A: 140\nCamp B: 35\n")
    assert figs(r) == [("injured", 140, None), ("injured", 35, None)]


# -- A1: headline and summary pairs joined by a comma share the group as "and" pairs do


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rocket attack on the market: four civilians dead, 27 wounded",
            [("killed", 4, "civilians"), ("injured", 27, "civilians")],
        ),
        (
            "Border clash: 3 guards killed, 8 injured",
            [("killed", 3, "combatants"), ("injured", 8, "combatants")],
        ),
    ],
)
def test_headline_pairs_after_a_comma(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- B8: moved to a shelter or camp, relocated, taken refuge


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roughly 450 tenants were moved to an emergency shelter.", [("displaced", 450, None)]),
        ("Officials relocated 75 households from the flooded valley.", [("displaced", 75, "families")]),
        ("Some 2,000 people sought refuge in the monastery.", [("displaced", 2000, None)]),
        ("About 60 troops moved to a camp near the airport.", []),
    ],
)
def test_moves_to_shelter(analyze, text, expected):
    assert figs(analyze(text)) == expected


def test_a_second_harm_with_its_own_subject_is_no_combined_count(analyze):
    r = analyze("One herder was killed and another wounded near the well.")
    assert ("killed", 1) in [(f.category, f.value) for f in r.figures]


def test_an_aim_is_no_deed(analyze_isaf):
    r = analyze_isaf("Police units have focused their efforts on arresting and killing smuggling bosses in the valley.")
    assert r.figures == ()


# -- F1: "the remaining 25", "the other 40": the rest of a counted group keep its subgroup


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen abducted 36 women from the market; nine escaped, and the remaining 27 are still held.",
            [("hostage", 36, "women"), ("hostage", 27, "women")],
        ),
        (
            "The army detained 44 men at the crossing. Fifteen were released on Friday, and the other 29 are missing.",
            [("detained", 44, "men"), ("missing", 29, "men")],
        ),
    ],
)
def test_the_rest_of_a_group_keep_its_subgroup(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- F2: a container before the harmed noun ("sets of remains", "bags of bodies")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Divers recovered 17 sets of remains from the reservoir.", [("killed", 17, None)]),
        ("Another 6 bags of human remains were exhumed near the airfield.", [("killed", 6, None)]),
        ("The convoy carried 400 bags of rice to the enclave.", []),
    ],
)
def test_containers_of_remains(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- F3: a counted group of families leaves ("all of the village's 300 families fled", "the last 9 families left")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Almost all of the town's 650 families fled to the coast.", [("displaced", 650, "families")]),
        ("All 120 households abandoned the settlement after the raids.", [("displaced", 120, "families")]),
        ("By June, the last nine families left in a matter of days.", [("displaced", 9, "families")]),
        ("In Kafr Saba, the last 14 families left in a single month.", [("displaced", 14, "families")]),
        ("Of the 60 families left in the camp, 12 are headed by women.", []),
        ("Only 30 families left in the village.", []),
        ("The 40 soldiers left on Monday.", []),
    ],
)
def test_families_leaving(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- F4, F5: a range cut from its verb by an aside; a rival estimate "put the number at N" late in a clause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Between 2,500 and 4,000 villagers, most of them herders, were killed in the spring offensive.",
            [("killed", (2500, 4000), None)],
        ),
        (
            "Militiamen seized more than 60 travellers near the ford, police said, though local chiefs put the number at 41.",
            [("hostage", 60, None), ("hostage", 41, None)],
        ),
    ],
)
def test_range_with_an_aside_and_rival_estimates(analyze, text, expected):
    assert figs(analyze(text)) == expected


# -- F6: a relative clause on the counted noun (or its bracketed restatement) says the harm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Field teams registered 540 households (about 3,100 people) who had been driven from their homes.",
            [("displaced", 540, "families"), ("displaced", 3100, None)],
        ),
        ("The clinic treated 75 children who had lost both parents.", [("orphaned", 75, "children")]),
        ("Artillery killed 7 people who had fled the town.", [("killed", 7, None)]),
    ],
)
def test_relative_clause_says_the_harm(analyze, text, expected):
    assert figs(analyze(text)) == expected


def test_a_part_with_a_verb_of_its_own_takes_no_harm_from_its_neighbour(analyze):
    r = analyze("Rebels captured 26 drivers on the highway and let 10 of them go the next day.")
    assert figs(r) == [("hostage", 26, None)]
