"""Consistency checks on figures and dates: pure functions on hand-made spans, then through the pipeline."""

import pytest

from sourcewise.nlp.components.checks import agreement_checks, duration_checks, part_checks
from sourcewise.nlp.types import DateSpan, FigureSpan


def fig(value, category="killed", subgroup=None, qualifier="exact", part_of=None, event=None, low=None, high=None):
    return FigureSpan(0, 1, category, value, low, high, qualifier, subgroup=subgroup, part_of=part_of, event=event)


def test_parts_within_their_total():
    figures = [fig(400), fig(90, subgroup="women", part_of=0), fig(120, subgroup="children", part_of=0)]
    [c] = part_checks(figures)
    assert c.kind == "subgroups_within_total" and c.ok
    assert c.figures == [0, 1, 2]
    assert "90 + 120 = 210 ≤ 400" in c.message


def test_parts_exceeding_their_total_fail():
    figures = [fig(100), fig(70, subgroup="women", part_of=0), fig(45, subgroup="children", part_of=0)]
    [c] = part_checks(figures)
    assert not c.ok and "> 100" in c.message


def test_a_part_larger_than_its_total_fails():
    figures = [fig(30, category="injured"), fig(45, category="injured", subgroup="children", part_of=0)]
    [c] = part_checks(figures)
    assert not c.ok and "more than the total" in c.message


def test_open_totals_hold_any_parts():
    figures = [fig(50, qualifier="at_least"), fig(40, subgroup="women", part_of=0), fig(30, subgroup="men", part_of=0)]
    [c] = part_checks(figures)
    assert c.ok


def test_partition_must_add_up():
    ok = part_checks([fig(45), fig(36, subgroup="civilians", part_of=0), fig(9, subgroup="combatants", part_of=0)])
    bad = part_checks([fig(45), fig(30, subgroup="civilians", part_of=0), fig(9, subgroup="combatants", part_of=0)])
    assert [c.ok for c in ok if c.kind == "sum_matches_total"] == [True]
    assert [c.ok for c in bad if c.kind == "sum_matches_total"] == [False]


def at(f, pos):
    f.start, f.end = pos, pos + 1
    return f


SENTENCES = [(0, 10), (10, 20), (20, 30), (30, 40)]


def test_two_tolls_for_one_incident():
    figures = [at(fig(28, event=0), 1), at(fig(7, event=0), 11), at(fig(28, event=0), 21), at(fig(12, event=1), 31)]
    [c] = agreement_checks(figures, SENTENCES)
    assert c.kind == "figures_agree" and not c.ok
    assert c.figures == [0, 1]


def test_compatible_tolls_agree_and_repeats_are_silent():
    assert agreement_checks([at(fig(3, event=0), 1), at(fig(3, event=0), 11)], SENTENCES) == []
    [c] = agreement_checks([at(fig(3, event=0, qualifier="at_least"), 1), at(fig(5, event=0), 11)], SENTENCES)
    assert c.ok


def test_separate_groups_in_one_sentence_are_not_rivals():
    # "14 pupils lost their mother and father, and 90 more lost one parent"
    figures = [at(fig(14, "orphaned", "children", event=0), 2), at(fig(90, "orphaned", "children", event=0), 6)]
    assert agreement_checks(figures, SENTENCES) == []


def test_figures_without_an_incident_are_not_compared():
    assert agreement_checks([at(fig(28), 1), at(fig(7), 11)], SENTENCES) == []


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("The 33-day blockade, which lasted from 2 August to 4 September 2011, ended.", True),
        ("The 46-day siege went on from May 4 to June 19, 2017.", True),
        ("The 30-day siege lasted from 3 March to 18 April 1993.", False),
        ("The five-week offensive ran from 1 June to 6 July 2014.", True),
        ("A 2-year campaign, from 5 May 2011 to 20 June 2013, ended in a truce.", True),
    ],
)
def test_duration_against_dates(text, ok):
    [c] = duration_checks(text, [(0, len(text))], None)
    assert c.kind == "duration_matches_dates" and c.ok is ok
    assert len(c.spans) == 2


def test_duration_far_from_the_dates_is_not_checked():
    text = (
        "The siege lasted from 4 May to 19 June 2017, and the valley was resettled after roughly 30 years of waiting."
    )
    assert duration_checks(text, [(0, len(text))], None) == []


def test_dates_component_intervals_are_used():
    text = "The 10-day operation ended in the spring."
    dates = [DateSpan(4, 10, "2015-03-01/2015-03-11", "interval")]
    assert duration_checks(text, [(0, len(text))], dates) == []  # the duration is inside the date span itself
    text = "The 10-day operation, in early March 2015, ended."
    dates = [DateSpan(22, 37, "2015-03-01/2015-03-11", "interval")]
    [c] = duration_checks(text, [(0, len(text))], dates)
    assert c.ok


def test_checks_reach_the_report_with_ids(analyze):
    r = analyze(
        "The shelling killed 57 people, including 12 women and 20 children. The 12-day siege lasted from 3 to 15 May 2021."
    )
    kinds = {c.kind: c for c in r.framing.checks}
    assert kinds["subgroups_within_total"].ok
    assert all(ref.startswith("f") for ref in kinds["subgroups_within_total"].refs)
    assert kinds["duration_matches_dates"].ok
    assert all(ref.startswith("@") for ref in kinds["duration_matches_dates"].refs)
    text = r.document.text
    start, end = map(int, kinds["duration_matches_dates"].refs[0][1:].split(":"))
    assert text[start:end] == "12-day"
