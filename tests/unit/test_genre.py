"""Genre from cues, on short documents written for these tests (no model needed)."""

import pytest

from sourcewise.nlp.components.genre import DEFAULT_GENRE, classify


@pytest.mark.parametrize(
    ("text", "meta", "genre", "cue"),
    [
        (
            "Why the river towns still wait for justice (ANALYSIS)\n\nWe must remember the night of the floods.",
            {},
            "analysis_opinion",
            "genre label",
        ),
        (
            "Opinion: the ceasefire is a trap\n\nI believe the talks will fail, and we must say so.",
            {},
            "analysis_opinion",
            "genre label",
        ),
        (
            "Border clashes\n\nThe views expressed in this column are the author's own. The shelling went on.",
            {},
            "analysis_opinion",
            "disclaimer",
        ),
        (
            "MERIDIAN, Eastland (AP) — Four people were killed on Tuesday, police said.",
            {},
            "news",
            "dateline",
        ),
        (
            "Shelling kills four\n\nDALVO, Westmark, March 3. Four villagers were killed overnight, officials said.",
            {},
            "news",
            "dateline",
        ),
        (
            "Aug. 9 — Gunmen kidnapped 20 travellers on the northern road, witnesses said.",
            {},
            "news",
            "dateline",
        ),
        (
            "Flood Response | Flash Update #12\n\nKey Highlights\n\nAbout 4,000 people were displaced this week.",
            {},
            "report",
            "situation-report",
        ),
        (
            "Valley: Killings of Herders\n\n(Port Ardel) – Soldiers executed at least 12 herders, Amnesty International"
            " said today. The government should investigate.",
            {},
            "report",
            "said today",
        ),
        (
            "Port Ardel siege\n\n= Port Ardel siege =\n\nInfobox\n- Casualties: 40\n\n== Background ==\nThe siege began in May.",
            {},
            "encyclopedia",
            "wiki section heading",
        ),
        (
            "Operation update\nFor Immediate Release\n\nCAMP ORIN (May 3, 2012) — A patrol detained two suspects.",
            {},
            "press_release",
            "For Immediate Release",
        ),
        (
            "ANALYSIS-Why the northern front stalled\n\nThe offensive slowed in May.",
            {},
            "analysis_opinion",
            "genre label",
        ),
        (
            "The war nobody sees\n\nThe town is quiet.\n\nJane Roe is a senior fellow at the Institute for Conflict Studies.",
            {},
            "analysis_opinion",
            "biography",
        ),
        (
            "Siege of Port Ardel\n\nThe Siege of Port Ardel (Ardelian: Opsada) was a blockade of the city.\n\nSee also\nSieges",
            {},
            "encyclopedia",
            "definitional lead",
        ),
        (
            "The siege of Port Ardel\n\nThe siege lasted 40 days.",
            {"url": "https://en.wikipedia.org/wiki/Siege_of_Port_Ardel"},
            "encyclopedia",
            "encyclopedia URL",
        ),
        (
            "A long road home\n\nThe refugees returned.",
            {"url": "https://example.org/opinion/2024/05/long-road"},
            "analysis_opinion",
            "opinion URL",
        ),
    ],
)
def test_genre_and_its_cue(text, meta, genre, cue):
    got, cues = classify(text, **meta)
    assert got == genre, cues
    assert any(cue.lower() in c.lower() for c in cues), cues


def test_plain_report_without_cues_is_news():
    genre, cues = classify("Seven civilians killed in shelling\n\nSeven civilians were killed in the town on Monday.")
    assert genre == DEFAULT_GENRE
    assert cues


def test_quoted_argument_is_not_the_writers():
    text = 'Talks stall\n\n"We must never forget, we must act," the minister said. Talks resumed on Friday.'
    genre, _ = classify(text)
    assert genre == "news"
