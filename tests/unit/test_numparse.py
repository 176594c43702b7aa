"""Reading quantities written in digits, words and mixed forms (sentences written for these tests)."""

import pytest

from sourcewise.nlp.numparse import find_quantities, measure_kind, parse_cardinal


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,275", 1275),
        ("84 770", 84770),
        ("twenty-five", 25),
        ("one hundred and five", 105),
        ("2 million", 2_000_000),
        ("1.5 million", 1_500_000),
        ("a half million", 500_000),
        ("half a million", 500_000),
        ("a hundred", 100),
        ("seven", 7),
        ("200 hundred", 200),
        ("5 hundred", 500),
        ("3 thousand", 3000),
    ],
)
def test_parse_cardinal(text, value):
    assert parse_cardinal(text) == value


def quantities(text):
    return [(text[q.start : q.end], q.value, q.low, q.high, q.qualifier) for q in find_quantities(text)]


def test_ranges():
    assert quantities("between 10,000 and 15,000 fled") == [("between 10,000 and 15,000", None, 10000, 15000, "range")]
    assert quantities("some 500-1,000 people") == [("some 500-1,000", None, 500, 1000, "range")]
    assert quantities("from 800,000 to a million") == [("from 800,000 to a million", None, 800000, 1000000, "range")]
    assert quantities("two to three thousand") == [("two to three thousand", None, 2000, 3000, "range")]


def test_qualifiers():
    assert quantities("at least 14 people")[0][4] == "at_least"
    assert quantities("more than 60 people")[0][4] == "more_than"
    assert quantities("over 130,000 residents")[0][4] == "more_than"
    assert quantities("as many as 90 people")[0][4] == "up_to"
    assert quantities("nearly 40 people")[0][4] == "about"
    assert quantities("200+ dead")[0][1:] == (200, None, None, "at_least")


def test_vague_words():
    assert quantities("dozens of people") == [("dozens", None, None, None, "vague")]
    assert quantities("several soldiers")[0][4] == "vague"


def test_codes_prices_and_decimals_are_not_quantities():
    assert quantities("report 2013-01-S-025") == []
    assert quantities("$400 each") == []
    assert quantities("Update #166") == []
    assert quantities("page 3715528.html") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a 44-day war", "measure"),
        ("a 12-year-old girl", "measure"),
        ("37 km away", "measure"),
        ("70 percent of them", "measure"),
        ("at 5 o'clock", "measure"),
        ("on 26 March", "date"),
        ("on March 26", "date"),
        ("the night of 25-26 February", "date"),
        ("in 1992 the town", "year"),
        ("325 U.S. Dollars", "money"),
        ("40 people", None),
    ],
)
def test_measure_kind(text, kind):
    q = find_quantities(text)[0]
    assert measure_kind(text, q) == kind


def test_scale_written_once_applies_to_both_bounds():
    assert quantities("perhaps 1.5-2 million displaced") == [
        ("perhaps 1.5-2 million", None, 1_500_000, 2_000_000, "range")
    ]
    assert quantities("between 3 and 4 thousand") == [("between 3 and 4 thousand", None, 3000, 4000, "range")]
    assert quantities("800 to 1 million") == [("800 to 1 million", None, 800, 1_000_000, "range")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("15 minors were hurt", None),
        ("12 hostages were freed", None),
        ("30 mins later", "measure"),
        ("as reported.[3] Then", "citation"),
    ],
)
def test_unit_words_need_a_word_boundary(text, kind):
    q = find_quantities(text)[0]
    assert measure_kind(text, q) == kind


def test_a_falling_pair_is_two_numbers_not_a_range():
    assert quantities("killed since May 2023 to 240") == [
        ("2023", 2023, None, None, "exact"),
        ("240", 240, None, None, "exact"),
    ]
