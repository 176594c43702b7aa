"""The seed article's framing: its own disclosure, its genre, unattributed figures, consistent sums and dates,
and its loaded language flagged with reasons."""

import pytest

from tests.conftest import CORPUS

SEED = "00-newsaz-khojaly-analytics"


@pytest.fixture(scope="module")
def seed(corpus, analyzer):
    from sourcewise.ingest import iter_inputs
    from sourcewise.settings import Settings

    [item] = list(iter_inputs([CORPUS / "articles" / f"{SEED}.txt"], Settings()))
    return analyzer.analyze(item.document)


def test_disclosure_found(seed):
    from tests.conftest import load_gold

    assert seed.framing.sponsorship is not None
    assert seed.framing.sponsorship.quote == load_gold(SEED)["sponsorship"]


def test_genre_with_its_cues(seed):
    assert seed.framing.genre == "analysis_opinion"
    assert any("(ANALYTICS)" in c for c in seed.framing.genre_cues)


def test_every_figure_unattributed(seed):
    assert seed.figures
    assert all(f.attributed_to is None for f in seed.figures)
    assert seed.framing.unattributed_share == 1.0
    assert seed.framing.attributions == ()


def test_both_consistency_checks_pass(seed):
    by_kind = {}
    for c in seed.framing.checks:
        by_kind.setdefault(c.kind, []).append(c)
    assert by_kind["subgroups_within_total"] and all(c.ok for c in by_kind["subgroups_within_total"])
    assert any("239" in c.message and "613" in c.message for c in by_kind["subgroups_within_total"])
    [duration] = by_kind["duration_matches_dates"]
    assert duration.ok and "44" in duration.message
    assert all(c.ok for c in seed.framing.checks)


def test_loaded_language_flagged_with_reasons(seed):
    loaded = [t for t in seed.framing.techniques if t.label == "loaded_language"]
    assert len(loaded) >= 3
    assert all(t.reason and t.quote.lower() in t.reason.lower() for t in loaded)
    contested = {t.quote.lower() for t in seed.framing.techniques if t.label == "contested_term"}
    assert {"genocide", "invaders", "liberated", "occupied"} <= contested
