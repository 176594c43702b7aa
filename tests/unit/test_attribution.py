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
