"""Folding an event's figures into its totals (the counting rules on their own)."""

from sourcewise.nlp.totals import Count, category_total, family_totals


def c(i, value=None, qualifier="exact", low=None, high=None, subgroup=None, additive=False):
    return Count(i, value, low, high, qualifier, subgroup, additive)


def test_a_repeated_figure_counts_once():
    t = category_total([c(0, 28), c(1, 28), c(2, 28)])
    assert (t.value, t.low, t.figures) == (28, None, [0, 1, 2])


def test_a_later_toll_replaces_the_first():
    assert category_total([c(0, 30), c(1, 43)]).value == 43


def test_separate_groups_are_summed():
    t = category_total([c(0, 2), c(1, 1, qualifier="implied", low=1, additive=True)])
    assert (t.value, t.low) == (None, 3)  # one of them only implied: a minimum


def test_exact_groups_sum_to_an_exact_total():
    assert category_total([c(0, 5), c(1, 2, additive=True)]).value == 7


def test_a_stated_number_overrides_a_vague_word():
    t = category_total([c(0, qualifier="vague", low=3), c(1, 2)])
    assert (t.value, t.low) == (2, None)


def test_an_additional_number_replaces_the_vague_group_it_specifies():
    # "detained a facilitator and several others ... three additional suspects were detained"
    counts = [
        c(0, 1, qualifier="implied", low=1),
        c(1, qualifier="vague", low=3, additive=True),
        c(2, 3, additive=True),
    ]
    assert category_total(counts).low == 4


def test_vague_and_implied_count_as_minimums():
    t = category_total([c(0, qualifier="vague", low=12)])
    assert (t.value, t.low) == (None, 12)


def test_more_than_is_one_more():
    assert category_total([c(0, 30, qualifier="more_than")]).low == 31


def test_disjoint_subgroups_are_separate_people():
    counts = [c(0, 4, subgroup="civilians"), c(1, 9, subgroup="combatants")]
    assert category_total(counts).value == 13


def test_a_stated_total_covers_the_groups_before_it():
    counts = [c(0, 2), c(1, 1, additive=True), c(2, 3)]
    assert category_total(counts).value == 3


def test_ranges_keep_their_bounds():
    t = category_total([c(0, None, qualifier="range", low=500, high=1000)])
    assert (t.value, t.low, t.high) == (None, 500, 1000)


def test_nothing_to_total():
    assert category_total([]) is None


def test_a_count_after_named_people_counts_others():
    # "arrested a Taliban leader ... detained three suspected insurgents"
    assert category_total([c(0, 1, qualifier="implied"), c(1, 3)]).low == 4
    # "... two militants were detained, including the commander"
    counts = [
        c(0, 1, qualifier="implied"),
        c(1, 1, qualifier="implied", additive=True),
        Count(2, 2, None, None, "exact", inclusive=True),
    ]
    assert category_total(counts).value == 2


def test_a_back_reference_joins_the_count_it_restates():
    counts = [
        c(0, 4),
        Count(1, 1, None, None, "implied", restates=0),
        Count(2, 3, None, None, "exact", additive=True, restates=0),
    ]
    assert category_total(counts).value == 4


def k(i, cat, value=None, qualifier="exact", low=None, **kw):
    return Count(i, value, low, None, qualifier, category=cat, **kw)


def test_vague_counts_of_captured_and_detained_are_the_same_people():
    # "seized a commander and several of his guards ... several men were also detained"
    counts = [
        k(0, "hostage", 1, "implied", 1),
        k(1, "hostage", None, "vague", 3),
        k(2, "detained", None, "vague", 3, additive=True),
    ]
    totals = family_totals(counts)
    assert {c: (t.value, t.low) for c, t in totals.items()} == {"hostage": (None, 4)}


def test_a_detained_count_including_the_captured_person_counts_him_once():
    # "captured one courier ... several people were detained, including the courier"
    counts = [k(0, "hostage", 1, "implied", 1), k(1, "detained", None, "vague", 3, includes=True)]
    assert {c: t.low for c, t in family_totals(counts).items()} == {"detained": 3}


def test_a_count_retold_beside_a_named_person_matches_the_counted_group():
    # "captured a courier and two of his drivers ... the courier and two of his drivers were detained"
    counts = [k(0, "hostage", 1, "implied", 1), k(1, "hostage", 2), k(2, "detained", 2, retold=True)]
    assert {c: t.low for c, t in family_totals(counts).items()} == {"hostage": 3}


def test_someone_beside_a_named_person_is_not_that_person():
    # "captured a courier ... detained the courier and one additional man" / "... and a driver"
    one_more = [k(0, "hostage", 1, "implied", 1), k(1, "detained", 1, retold=True, further=True)]
    assert {c: (t.value, t.low) for c, t in family_totals(one_more).items()} == {
        "hostage": (None, 1),
        "detained": (1, None),
    }
    a_driver = [k(0, "hostage", 1, "implied", 1), k(1, "detained", 1, "implied", 1, retold=True)]
    assert sum(t.low or t.value or 0 for t in family_totals(a_driver).values()) == 2


def test_counts_of_other_categories_are_otherwise_separate():
    counts = [k(0, "hostage", 2), k(1, "detained", 2)]
    assert {c: t.value for c, t in family_totals(counts).items()} == {"hostage": 2, "detained": 2}


def test_several_more_is_another_group_but_several_additional_may_be_the_same():
    several_more = [c(0, qualifier="vague", low=3), Count(1, None, 3, None, "vague", additive=True, more=True)]
    assert category_total(several_more).low == 6
    additional = [c(0, qualifier="vague", low=3), Count(1, None, 3, None, "vague", additive=True, further=True)]
    assert category_total(additional).low == 3


def test_a_definite_count_restates_the_people_before_it():
    # "detained a courier and another man ... the two men were questioned"
    counts = [c(0, 1, qualifier="implied", low=1), c(1, 1, qualifier="implied", low=1, additive=True)]
    counts.append(Count(2, 2, None, None, "exact", definite=True))
    assert category_total(counts).value == 2


def test_the_conventions_least_is_used_for_more_than():
    assert category_total([Count(0, 30, None, None, "more_than", least=30)]).low == 30
    assert category_total([Count(0, 30, None, None, "more_than", least=31)]).low == 31


def test_further_people_beside_a_named_one_retell_the_group_that_included_him():
    # "held three, including a courier ... the courier and two additional men were held": three, not five
    again = [k(0, "detained", 3, includes=True), k(1, "detained", 2, retold=True, further=True, additive=True)]
    assert {c: (t.value, t.low) for c, t in family_totals(again).items()} == {"detained": (3, None)}
    # "held three ... the courier and four additional men were held": 1 + 4 is not the three, so more people
    more = [k(0, "detained", 3), k(1, "detained", 4, retold=True, further=True, additive=True)]
    assert {c: (t.value, t.low) for c, t in family_totals(more).items()} == {"detained": (7, None)}


def test_as_many_others_told_again_are_the_same_others():
    # "two leaders and two other men were held ... two other men were also held": four, not six
    again = [
        k(0, "detained", 2),
        k(1, "detained", 2, additive=True, others=True),
        k(2, "detained", 2, additive=True, others=True),
    ]
    assert {c: (t.value, t.low) for c, t in family_totals(again).items()} == {"detained": (4, None)}
    # "... three other men were also held": not as many, so more people
    more = [
        k(0, "detained", 2),
        k(1, "detained", 2, additive=True, others=True),
        k(2, "detained", 3, additive=True, others=True),
    ]
    assert {c: (t.value, t.low) for c, t in family_totals(more).items()} == {"detained": (7, None)}
