"""Technique flags and contested terms: each explained, and blind to which party a sentence is about."""

import re

import pytest

from sourcewise.nlp.components.techniques import LABELS, find_techniques

# Parties of several conflicts, as a text names them: (country or group, demonym or adjective).
PARTIES = [
    ("Armenia", "Armenian"),
    ("Azerbaijan", "Azerbaijani"),
    ("Israel", "Israeli"),
    ("Hamas", "Palestinian"),
    ("Russia", "Russian"),
    ("Ukraine", "Ukrainian"),
    ("Serbia", "Serbian"),
    ("Kosovo", "Albanian"),
    ("Saudi Arabia", "Saudi"),
    ("the Houthis", "Houthi"),
    ("the RSF", "Sudanese"),
    ("India", "Indian"),
    ("Pakistan", "Pakistani"),
]
CONFLICTS = [(PARTIES[i], PARTIES[i + 1]) for i in range(0, len(PARTIES) - 1, 2)]

# Sentences written for this test; {A}/{a} is one party (name/adjective), {B}/{b} the other.
TEMPLATES = [
    "The barbaric {a} invaders shelled the peaceful town while {b} troops held the bridge.",
    "{A} says its forces liberated the village; {B} says the village is occupied.",
    "Our heroic {a} soldiers will never surrender to the {b} regime and its thugs.",
    "{A} calls the so-called {b} peace plan a sham, as every expert knows.",
    "{B} committed genocide against the {a} people, the bloodiest crime in the history of humanity.",
    "Historians agree that the {b} martyrs died defending the motherland from {A}.",
    "Glory to {A}! Never forget the victims of {B}'s gangs.",
    "Sooner or later justice will prevail and {B} will answer to {A} for its terrorists.",
    "{A} called the strike “self-defence”; {B} called it a massacre of innocent civilians.",
    "Only a handful of {b} civilians died, {A} said, calling the deaths collateral damage.",
    "The {a} army said 14 people were killed and 30 wounded when {b} rockets hit the market.",
    "It is internationally recognized that the {b} junta staged provocations against {A}.",
    "The {a} orcs and cowards shot the prisoners in cold blood, {B} says.",
    "{A} calls the {b} fighters rabid dogs and a gang of traitors and criminals.",
    "The {b} shelling turned the whole city into a prison, {A} said. Victory will be ours!",
    "{A} says the {b} claims are a pack of lies told by paid actors; the truth always comes out.",
    "Only a couple of {b} soldiers were hurt in what {A} called just a minor incident.",
    "Every serious analyst knows that {A} wiped the {b} villages off the map; enough is enough.",
    "Our heroes will defend every inch of our sacred land from {B}, the {a} general said.",
    "{B}'s hands are stained with the blood of {a} children, {A} says, calling {b} conscripts cannon fodder.",
]


def _normalise(text: str, a: tuple[str, str], b: tuple[str, str]) -> str:
    """Put the placeholders back where the parties' names stand (longest names first, whole words)."""
    names = {a[0]: "{A}", a[1]: "{a}", b[0]: "{B}", b[1]: "{b}"}
    pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(names, key=len, reverse=True)))
    return pattern.sub(lambda m: names[m.group(0)], text)


def _flags(template: str, a: tuple[str, str], b: tuple[str, str]) -> list[tuple[str, str, float]]:
    text = template.format(A=a[0], a=a[1], B=b[0], b=b[1])
    return sorted((t.label, _normalise(text[t.start : t.end], a, b), t.score) for t in find_techniques(text))


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize(("a", "b"), CONFLICTS, ids=[f"{a[0]}-{b[0]}" for a, b in CONFLICTS])
def test_swapping_the_parties_changes_no_flag(template, a, b):
    assert _flags(template, a, b) == _flags(template, b, a)


@pytest.mark.parametrize("template", TEMPLATES)
def test_same_flags_in_every_conflict(template):
    results = {str(_flags(template, a, b)) for a, b in CONFLICTS}
    assert len(results) == 1, results


def test_swap_through_the_whole_pipeline(analyze):
    text = "The barbaric {a} invaders shelled the peaceful town, the {b} regime said."
    for a, b in CONFLICTS[:3]:
        one = analyze(text.format(a=a[1], b=b[1]))
        two = analyze(text.format(a=b[1], b=a[1]))
        key = lambda r, x, y: sorted((t.label, _normalise(t.quote, x, y)) for t in r.framing.techniques)  # noqa: E731
        assert key(one, a, b) == key(two, b, a)
        assert {t.label for t in one.framing.techniques} >= {"loaded_language", "contested_term", "name_calling"}


def test_no_rule_names_a_party():
    from sourcewise.nlp import lexicons

    raw = str(lexicons.load("techniques.json")) + str(lexicons.load("contested.json"))
    for name, adj in PARTIES:
        for word in (name, adj):
            word = word.removeprefix("the ")
            assert not re.search(rf"\b{re.escape(word.lower())}\b", raw.lower()), word


@pytest.mark.parametrize(
    ("sentence", "label", "quote"),
    [
        ("The barbaric raid destroyed the village.", "loaded_language", "barbaric"),
        ("Witnesses spoke of a vicious assault on the camp.", "loaded_language", "vicious"),
        ("The rebels were led by the junta's henchmen.", "name_calling", "henchmen"),
        ("It was the bloodiest war in human history.", "exaggeration", "bloodiest war in human history"),
        ("The ministry said the deaths were collateral damage.", "exaggeration", "collateral damage"),
        ("Our brave troops will defend the homeland.", "flag_waving", "Our brave troops"),
        (
            "All serious historians agree that the town was destroyed.",
            "appeal_to_authority",
            "All serious historians agree",
        ),
        ("The so-called ceasefire lasted an hour.", "doubt", "so-called"),
        ("They also “skilfully” hid the evidence.", "doubt", "“skilfully”"),
        ("Never again! they chanted.", "slogan", "Never again"),
        ("History will judge them.", "thought_terminating_cliche", "History will judge"),
        ("The town was liberated on Friday.", "contested_term", "liberated"),
        ("The cowards fled before dawn.", "name_calling", "cowards"),
        ("They hunted the villagers like rats.", "name_calling", "like rats"),
        ("The checkpoint became a slaughterhouse.", "loaded_language", "slaughterhouse"),
        ("The guards shot him in cold blood.", "loaded_language", "in cold blood"),
        ("The raid was nothing but a minor incident.", "exaggeration", "nothing but a minor incident"),
        ("The shelling wiped the hamlet off the map.", "exaggeration", "wiped the hamlet off the map"),
        ("Our fallen heroes are buried on the hill.", "flag_waving", "Our fallen heroes"),
        (
            "Any reputable jurist will tell you the truce is void.",
            "appeal_to_authority",
            "Any reputable jurist will tell you",
        ),
        ("The footage is a crude fabrication.", "doubt", "crude fabrication"),
        ("The crowd answered: “We will never kneel!”", "slogan", "We will never kneel!"),
        ("Such is the price of war.", "thought_terminating_cliche", "Such is the price of war"),
        ("Families buried their martyrs at dawn.", "contested_term", "martyrs"),
    ],
)
def test_each_technique_with_its_reason(sentence, label, quote):
    flags = [t for t in find_techniques(sentence) if t.label == label]
    assert flags, find_techniques(sentence)
    t = flags[0]
    assert sentence[t.start : t.end] == quote
    assert 0 < t.score <= 1
    assert quote.strip("“”").lower() in t.reason.lower()  # every reason quotes what it flags


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven people were killed and 20 wounded when shells hit the market, officials said.",
        "The seats were taken by deputies from both factions.",
        "Groups known locally as “bandits” have attacked the road.",
        "The militants launched “pipetas,” or cylinder bombs, at the church.",
        "The strike was supposed to hit a depot, the army said.",
        "A great number of people attended the funeral.",
        "Soldiers detained the men occupying the compound.",
        "The building has not been occupied for five years.",
        "Farmers used beasts of burden to carry the wounded to the road.",
        "The cold weather slowed the convoy, and rats spread through the flooded shelters.",
        "A pack of stray dogs roamed the ruins of the market.",
        "Only a couple of shops reopened on the main street.",
        "The cost of the war to the regional budget doubled in a year.",
        "Aid workers said the road had reopened.",
    ],
)
def test_plain_reporting_is_not_flagged(sentence):
    assert [t for t in find_techniques(sentence) if t.label != "contested_term"] == []


def test_quoted_words_are_the_speakers():
    text = 'The governor said "this heinous crime will not go unpunished" on Monday.'
    [t] = [t for t in find_techniques(text) if t.label == "loaded_language"]
    assert "quotation" in t.reason


def test_labels_are_known():
    assert all(t.label in LABELS for t in find_techniques(" ".join(TEMPLATES)))


def test_every_template_names_both_parties():
    # a template that names no party would pass the swap test vacuously
    for template in TEMPLATES:
        assert "{A}" in template or "{a}" in template
        assert "{B}" in template or "{b}" in template


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Soldiers detained the men occupying the compound.", False),
        ("The building has not been occupied for five years.", False),
        ("The occupying forces closed the crossing.", True),
        ("The town was occupied in 1993.", True),
    ],
)
def test_occupation_is_contested_but_occupancy_is_not(sentence, flagged):
    assert any(t.label == "contested_term" for t in find_techniques(sentence)) is flagged
