"""Attributions and the source each figure is credited to, on sentences written for these tests."""

import pytest


def attributions(report):
    return [(a.quote, a.source) for a in report.framing.attributions]


def credit(report):
    return {f.value: f.attributed_to for f in report.figures}


@pytest.mark.parametrize(
    ("text", "quote", "source"),
    [
        (
            "At least 40 people were killed, according to the Health Ministry.",
            "according to the Health Ministry",
            "Health Ministry",
        ),
        ("The mayor said that 12 residents had been killed in the shelling.", "The mayor said that", "mayor"),
        ("Nine villagers were abducted, witnesses said.", "witnesses said", "witnesses"),
        (
            "Police chief Omar Dalen told reporters on Monday that 30 people were wounded.",
            "Police chief Omar Dalen told reporters on Monday that",
            "Police chief Omar Dalen",
        ),
        (
            "The toll rose to 51, said the regional health office on Sunday.",
            "said the regional health office on Sunday",
            "regional health office",
        ),
        ("Fatalities: 300 (per Amnesty International)", "(per Amnesty International)", "Amnesty International"),
        (
            "Amnesty International reported that 18 detainees had died in custody.",
            "Amnesty International reported that",
            "Amnesty International",
        ),
        (
            "The ministry said in a statement that 7 soldiers were killed.",
            "The ministry said in a statement that",
            "ministry",
        ),
        (
            "The death toll given by the provincial authorities is 85.",
            "The death toll given by the provincial authorities",
            "provincial authorities",
        ),
    ],
)
def test_attribution_span_and_source(analyze, text, quote, source):
    assert (quote, source) in attributions(analyze(text))


@pytest.mark.parametrize(
    ("text", "quote", "source"),
    [
        (
            "Artillery fire killed five people in the market, according to local committees.",
            "according to local committees",
            "local committees",
        ),
        (
            "About 300 families fled, according to the district administration.",
            "according to the district administration",
            "district administration",
        ),
        (
            "One in four children was underfed, according to a 2021 UNICEF survey.",
            "according to a 2021 UNICEF survey",
            "2021 UNICEF survey",
        ),
        (
            "The regional health department put the death toll at 31.",
            "The regional health department put the death toll at",
            "regional health department",
        ),
        ("Airwars tracked 140 civilian deaths in the city.", "Airwars tracked", "Airwars"),
        (
            "Investigators found that at least 40 detainees had been executed.",
            "Investigators found that",
            "Investigators",
        ),
        ("Hospital figures show that 60 people were treated for burns.", "Hospital figures show", "Hospital figures"),
        ("Our interviews indicate that most of the victims were women.", "Our interviews indicate", "Our interviews"),
        ("Citing hospital records, the group said 19 patients died.", "Citing hospital records", "hospital records"),
        (
            "The group claimed responsibility for the bombing, saying it had killed 20 soldiers.",
            "The group claimed responsibility for the bombing, saying",
            "group",
        ),
        ("The army denies that its troops fired on the crowd.", "The army denies that", "army"),
        ("Soldiers burned the village, a charge the army rejects.", "a charge the army rejects", "army"),
        (
            "The governor said 14 people died, a claim the ministry did not confirm.",
            "a claim the ministry did not confirm",
            "ministry",
        ),
        ("The minister called the strike a war crime.", "The minister called", "minister"),
        ("Officials believe at least 50 people are still under the rubble.", "Officials believe", "Officials"),
    ],
)
def test_attributions_beyond_speech(analyze, text, quote, source):
    assert (quote, source) in attributions(analyze(text))


def test_what_they_called_is_credited_to_the_namer(analyze):
    r = analyze("The army said it struck depots. The rebels said it shelled what they called military positions.")
    assert ("what they called", "rebels") in attributions(r)


def test_we_is_the_writer_not_the_last_source(analyze):
    r = analyze("The ministry said 4 soldiers were killed. We verified 3 videos of the strike.")
    assert ("We verified", "we") in attributions(r)


def test_headline_attribution_repeated_by_the_body_is_listed_once(analyze):
    r = analyze("Ministry says 12 killed in raid\n\nTwelve people were killed in a raid on Monday, the ministry said.")
    assert attributions(r) == [("the ministry said", "ministry")]


def test_a_headline_attribution_alone_is_kept(analyze):
    r = analyze("Ministry says 12 killed in raid\n\nTwelve people were killed in a raid on Monday.")
    assert attributions(r) == [("Ministry says", "Ministry")]


def test_an_act_coordinated_with_speech_is_not_part_of_the_attribution(analyze):
    r = analyze("President Vale suspended the talks on Friday and declared that the truce was over.")
    assert attributions(r) == [("declared that", "President Vale")]


@pytest.mark.parametrize(
    "text",
    [
        "President Vale suspended the talks on Friday and declared three days of national mourning.",
        "The coalition declared a ceasefire on Monday.",
        "“Where are our sons?” the mother said.",
        "“We need to rebuild the bridge before winter,” the mayor said.",
        "The foreign minister condemned the attack and said he would travel to the region next week.",
        "The rebel council announced it was no longer bound by the truce.",
        "Police said they were investigating the attack.",
        "I believe the talks will fail.",
        "Figures show that 60 people died.",
        "Police found the road blocked by burning tyres.",
    ],
)
def test_non_claims_and_acts_are_not_attributions(analyze, text):
    assert attributions(analyze(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The army said it would investigate the killing of 3 villagers.",
        "The rebels said they were shelling the airport.",
        "The mayor said they were shelling the town.",
        "The army said it had not targeted civilians.",
    ],
)
def test_claims_about_events_stay_attributed(analyze, text):
    assert len(attributions(analyze(text))) == 1


def test_figures_credited_to_the_source_that_governs_them(analyze):
    r = analyze(
        "Eleven people were killed in the raid, the governor said. "
        "At least 20 were wounded, although local doctors estimate that about 60 were hurt."
    )
    c = credit(r)
    assert c[11] == "governor"
    assert c[60] == "local doctors"
    assert c[20] is None  # the estimate governs only its own clause


def test_figure_in_a_quotation_belongs_to_its_speaker(analyze):
    r = analyze("“We found 14 bodies in the basement,” the rescue chief said.")
    assert credit(r)[14] == "rescue chief"


def test_pronoun_resolved_to_the_last_named_source(analyze):
    r = analyze("The Interior Ministry said 8 police officers were killed. It added that 15 were injured.")
    assert ("It added that", "Interior Ministry") in attributions(r)
    assert credit(r)[15] == "Interior Ministry"


def test_unattributed_figures_stay_unattributed(analyze):
    r = analyze("The attackers killed 613 people and took 1,200 hostage.")
    assert r.figures and all(f.attributed_to is None for f in r.figures)
    assert r.framing.unattributed_share == 1.0
    assert r.framing.attributions == ()


@pytest.mark.parametrize(
    "text",
    [
        "The rebels claimed responsibility for the attack that killed 12 people.",
        "He did not say how many people were killed.",
        "The strike claimed the lives of 9 civilians.",
        "Fighting continues to be reported in the north.",
        "The commander reports directly to the regional chief of staff.",
        "The governor declared a curfew in the city.",
    ],
)
def test_not_attributions(analyze, text):
    assert attributions(analyze(text)) == []


def test_a_counted_object_is_still_a_claim(analyze):
    r = analyze("The health office confirmed 12 deaths in the district.")
    assert [a.source for a in r.framing.attributions] == ["health office"]


def test_agentless_consensus_is_recorded_but_credits_no_figure(analyze):
    r = analyze("It is widely accepted that 200 people were killed.")
    assert [a.source for a in r.framing.attributions] == ["unnamed"]
    assert credit(r)[200] is None


def test_attribution_does_not_cross_a_title_line(analyze):
    r = analyze("Strike on the market\n\nSeven people were killed in the strike on Friday, the ministry said.")
    assert attributions(r) == [("the ministry said", "ministry")]
