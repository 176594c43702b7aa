"""Unlisted place names: a proper noun where harm happened becomes a GPE entity, nothing else does."""

from __future__ import annotations

import pytest


def _gpe(report) -> list[str]:
    """Names the ledger may take for a place (reconcile.PLACE_LABELS)."""
    return [e.quote for e in report.entities if e.label in ("GPE", "LOC", "FAC")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nine people died in Vostrel on Tuesday, the district governor said.", "Vostrel"),
        ("Witnesses described the shelling of Kerbany as the worst of the year.", "Kerbany"),
        ("Rebels said they ambushed a convoy near Tamsik, wounding eleven soldiers.", "Tamsik"),
        ("Eleven soldiers were killed in Upper Harvella overnight.", "Upper Harvella"),
    ],
)
def test_a_name_where_harm_happened(analyze, text, name):
    assert name in _gpe(analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "Three men were killed in an ambush, Petrenko told reporters.",  # a person, not a place
        "The Forgotten Wars of the Steppe is a new documentary.",  # a title
        "Several Kerbanians were wounded in the blast.",  # a people
        "Five soldiers died in November, the ministry said.",  # a month
    ],
)
def test_other_proper_nouns_are_left_alone(analyze, text):
    report = analyze(text)
    for quote in ("Petrenko", "Forgotten", "Kerbanians", "November"):
        assert quote not in _gpe(report)


def test_offsets_hold(analyze):
    text = "Two aid workers were killed in Lissova, and the attack on Lissova was condemned."
    report = analyze(text)
    for e in report.entities:
        assert text[e.start : e.end] == e.quote
    assert _gpe(report).count("Lissova") >= 1
