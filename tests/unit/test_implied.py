"""Victims stated without a number (implied 1, bare plurals) and vague words under each convention.

Sentences written for these tests; they vary the conflict, the side and the harm.
"""

import pytest

from sourcewise.settings import Settings


def figs(report):
    return [(f.category, f.value if f.value is not None else f.low, f.qualifier, f.subgroup) for f in report.figures]


@pytest.fixture(scope="module")
def analyze_isaf():
    from sourcewise.analyze import Analyzer
    from sourcewise.ingest.base import document_id
    from sourcewise.records import Document

    analyzer = Analyzer(Settings(convention="isaf"))

    def run(text: str):
        return analyzer.analyze(Document(id=document_id(text.encode()), source="<test>", text=text))

    return run


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The drone strike killed the rebel commander near the border.", [("killed", 1, "implied", "combatants")]),
        ("A Red Cross staff member was killed when the truck was shelled.", [("killed", 1, "implied", "aid_workers")]),
        ("Border guards opened fire, killing a farmer near the fence.", [("killed", 1, "implied", None)]),
        ("A journalist was abducted outside the hotel on Tuesday.", [("hostage", 1, "implied", "journalists")]),
        ("Soldiers arrested a local imam after the protest.", [("detained", 1, "implied", None)]),
        ("Militiamen executed Omar Haddad in the square.", [("killed", 1, "implied", None)]),
        ("A girl died of her wounds in the clinic.", [("killed", 1, "implied", "children")]),
        ("Officials confirmed the capture of a militia financier.", [("hostage", 1, "implied", None)]),
        # a name and its title are one person
        ("Police shot dead the gang leader, Ivan Petrov, at a roadblock.", [("killed", 1, "implied", None)]),
        # coordinated victims are each counted
        (
            "Gunmen kidnapped a priest and his nephew.",
            [("hostage", 1, "implied", None), ("hostage", 1, "implied", None)],
        ),
        (
            "The patrol detained a bomb-maker and two suspected couriers.",
            [("detained", 1, "implied", None), ("detained", 2, "exact", None)],
        ),
        (
            "Troops killed a commander and captured another.",
            [("killed", 1, "implied", "combatants"), ("hostage", 1, "implied", None)],
        ),
    ],
)
def test_implied_single_victims(analyze, sentence, expected):
    assert figs(analyze(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The cell planned to kidnap a judge.",
        "No civilians were injured in the operation.",
        "The soldier was not hurt.",
        "He was responsible for kidnapping a contractor last year.",
        "The commander was involved in the killing of a teacher.",
        "Two insurgents were killed. The insurgents were carrying rifles.",
        "Officials said insurgents were detained.",  # a bare plural counts under ISAF only
        "Police said they would arrest any protester who blocked the road.",
    ],
)
def test_not_implied(analyze, sentence):
    assert [f for f in figs(analyze(sentence)) if f[2] in ("implied", "vague")] == []


def test_a_named_victim_mentioned_twice_is_one(analyze):
    r = analyze("The army killed Musa Dauda in a raid. Musa Dauda was killed while fleeing, the army said.")
    assert figs(r) == [("killed", 1, "implied", None)]


def test_a_definite_mention_points_back(analyze):
    r = analyze("Police arrested one suspected smuggler on Friday. The smuggler was arrested at a checkpoint.")
    assert figs(r) == [("detained", 1, "exact", None)]


def test_pronoun_victim_counts_once(analyze):
    r = analyze("A man ran at the patrol with a knife. The soldiers fired at him, killing him.")
    assert figs(r) == [("killed", 1, "implied", None)]
    r = analyze("Troops killed a militant in the village. He was killed after firing on them.")
    assert figs(r) == [("killed", 1, "implied", "combatants")]


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("A couple of medics were wounded.", 2),
        ("Several herders were abducted.", 3),
        ("A few journalists were detained.", 3),
        ("Multiple guards were injured.", 3),
        ("Numerous villagers were displaced.", 4),
        ("A handful of students were arrested.", 4),
        ("A large number of refugees were evacuated.", 5),
        ("Tens of civilians were killed.", 10),
        ("Dozens of prisoners were executed.", 12),
        ("Scores of families were displaced.", 40),
        ("Hundreds of soldiers were captured.", 100),
        ("Thousands of residents fled.", 1000),
    ],
)
def test_vague_minimums(analyze, sentence, low):
    [(_category, value, qualifier, _)] = figs(analyze(sentence))
    assert (value, qualifier) == (low, "vague")


def test_vague_part_of_an_including_list(analyze):
    r = analyze("Troops detained more than 125 suspected rebels, including numerous commanders.")
    by_q = {f.qualifier: f for f in r.figures}
    assert by_q["vague"].part_of == by_q["more_than"].id


def test_several_of_them(analyze):
    r = analyze("The patrol engaged a group of armed men, killing several of them.")
    assert figs(r) == [("killed", 3, "vague", None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Insurgents were detained during the search.", [("detained", 2, "vague", "combatants")]),
        ("The force killed insurgents who fired on the patrol.", [("killed", 2, "vague", "combatants")]),
        ("Militants were captured near the bridge.", [("hostage", 2, "vague", "combatants")]),
        # the definite plural points back; "several" is 3 under every convention
        (
            "The force detained several suspects. The suspects were detained without incident.",
            [("detained", 3, "vague", None)],
        ),
        (
            "An insurgent was killed and suspected insurgents were detained.",
            [("killed", 1, "implied", "combatants"), ("detained", 2, "vague", "combatants")],
        ),
    ],
)
def test_isaf_bare_plurals(analyze_isaf, sentence, expected):
    assert figs(analyze_isaf(sentence)) == expected


def test_bare_plural_is_not_counted_by_default(analyze):
    assert figs(analyze("Insurgents were detained during the search.")) == []


def test_attempted_flight_is_not_displacement(analyze):
    assert figs(analyze("Two men on a motorcycle attempted to flee the checkpoint.")) == []


def test_shared_subject_of_coordinated_verbs(analyze):
    r = analyze("The commander and two of his guards were located and arrested.")
    assert ("detained", 1, "implied", "combatants") in figs(r)
    r = analyze("Two civilians were shot and killed at the checkpoint.")
    assert figs(r) == [("killed", 2, "exact", "civilians")]


def test_along_with(analyze):
    r = analyze("Troops captured a militia commander along with three suspected fighters.")
    assert figs(r) == [("hostage", 1, "implied", "combatants"), ("hostage", 3, "exact", "combatants")]


def test_them_restates_harmed_people_in_a_new_category(analyze):
    r = analyze("Troops found three wounded fighters at the scene. Medics treated them before detaining them.")
    assert figs(r) == [("injured", 3, "exact", "combatants"), ("detained", 3, "exact", "combatants")]
    r = analyze("Police found 12 protesters injured. They were later arrested.")
    assert figs(r) == [("injured", 12, "exact", None), ("detained", 12, "exact", None)]


def test_them_is_left_alone_when_the_people_were_not_harmed(analyze):
    r = analyze("Rangers spotted two armed men near the road. They were killed by a drone.")
    assert [f for f in figs(r) if f[2] != "implied"] == []


def test_a_person_at_the_end_of_a_long_name(analyze):
    r = analyze("Police detained an Army of the Righteous recruiter near the market.")
    assert figs(r) == [("detained", 1, "implied", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The commander planned the assassination of a provincial governor.",
        "The cell leader orchestrated the kidnapping of a contractor.",
        "He was accused of murdering a shopkeeper.",
    ],
)
def test_a_persons_record_is_not_an_incident(analyze, sentence):
    assert figs(analyze(sentence)) == []


def test_a_definite_person_already_harmed_is_not_counted_again(analyze):
    r = analyze("The patrol detained a weapons smuggler. After questioning, the force detained the man.")
    assert figs(r) == [("detained", 1, "implied", None)]


def test_a_plural_joined_to_a_count_shares_it(analyze):
    r = analyze("The force detained more than 25 senior commanders and financiers.")
    # one count for commanders and financiers together: a mixed group, so no subgroup (as 'pupils and staff')
    assert figs(r) == [("detained", 25, "more_than", None)]


def test_a_stated_count_overrides_a_bare_plural(analyze_isaf):
    r = analyze_isaf("Militants Detained in Raid\nThe patrol detained three suspected militants on Monday.")
    assert figs(r) == [("detained", 3, "exact", "combatants")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The patrol spotted multiple armed gunmen near the road. The patrol engaged and killed the gunmen.",
            [("killed", 3, "vague", "combatants")],
        ),
        (
            "A drone crew watched one fighter planting a mine and later killed the fighter.",
            [("killed", 1, "exact", "combatants")],
        ),
        # one of a group, told apart from the group: the definite singular is the one already counted
        (
            "A group of three gunmen opened fire. Soldiers killed one and wounded two others. "
            "The gunman killed was a local commander.",
            [("killed", 1, "exact", None), ("injured", 2, "exact", None)],
        ),
    ],
)
def test_a_definite_mention_takes_the_count_of_people_not_yet_harmed(analyze_isaf, text, expected):
    assert figs(analyze_isaf(text)) == expected
