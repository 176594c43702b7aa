"""The article sourcewise was conceived from: every figure, with the right parts."""

import pytest

from tests.conftest import CORPUS

SEED = "00-newsaz-khojaly-analytics"


@pytest.fixture(scope="module")
def seed_report(corpus, analyzer):
    from sourcewise.ingest import iter_inputs
    from sourcewise.settings import Settings

    [item] = list(iter_inputs([CORPUS / "articles" / f"{SEED}.txt"], Settings()))
    return analyzer.analyze(item.document)


def test_all_eleven_figures(seed_report):
    from tests.conftest import load_gold

    gold = {(f["category"], f["value"], f["subgroup"]) for f in load_gold(SEED)["figures"]}
    got = {(f.category, f.value, f.subgroup) for f in seed_report.figures}
    assert gold <= got, f"missing {gold - got}"
    assert got - gold == set(), f"spurious {got - gold}"


def test_subgroups_are_part_of_613(seed_report):
    by_key = {(f.category, f.value): f for f in seed_report.figures}
    total = by_key[("killed", 613)]
    for value in (106, 63, 70):
        assert by_key[("killed", value)].part_of == total.id


def test_offsets(seed_report):
    from sourcewise.records import offset_errors

    assert offset_errors(seed_report) == []
