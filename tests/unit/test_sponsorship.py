"""Funding disclosures: found when the document speaks about itself, never when it reports on others' money."""

import pytest

DISCLOSURES = [
    (
        "Shelling of Darvel\n\nThe town was shelled.\n\nThis article was published with the support of the "
        "Agency for Public Information of the Republic.",
        "This article was published with the support of the Agency for Public Information of the Republic.",
    ),
    (
        "Monitoring report\n\nResearch and publication funded by the Ministry of Foreign Affairs of Eastland.\n\n"
        "Explosive violence rose in 2019.",
        "Research and publication funded by the Ministry of Foreign Affairs of Eastland.",
    ),
    (
        "Naming the victims\n\nWith funding help from the Open Archive Trust, the project aims to name every "
        "person killed in the strikes.",
        "With funding help from the Open Archive Trust",
    ),
    (
        "River towns\n\nThis report was produced with the financial support of the European Union. Its contents "
        "are the sole responsibility of the authors.",
        "This report was produced with the financial support of the European Union.",
    ),
    ("Field notes\n\nSponsored content\n\nThe valley is quiet again.", "Sponsored content"),
    (
        "The long ceasefire\n\nThe front has not moved.\n\nThis commentary was produced with the support of the Civic "
        "Voices Fund.",
        "This commentary was produced with the support of the Civic Voices Fund.",
    ),
    (
        "Roads to the border\n\nThe convoy waited for a week.\n\nThis article is part of a series on displacement "
        "published with financial support from the Harbour Foundation.",
        "This article is part of a series on displacement published with financial support from the Harbour "
        "Foundation.",
    ),
    (
        "Counting the dead\n\nThe list grows each week.\n\nThis reporting was made possible by a grant from the "
        "Northern Press Trust.",
        "This reporting was made possible by a grant from the Northern Press Trust.",
    ),
]


@pytest.mark.parametrize(("text", "quote"), DISCLOSURES)
def test_disclosure_found_with_its_quote(analyze, text, quote):
    s = analyze(text).framing.sponsorship
    assert s is not None
    assert s.quote == quote


@pytest.mark.parametrize(
    "text",
    [
        "Aid convoy\n\nThe new clinic was built with funding from the World Bank, the governor said.",
        "Schools rebuilt\n\nWith funding from the European Union, the government rebuilt 40 schools.",
        "Inquiry\n\nThe report, funded by the Ministry of Justice, found that 30 detainees had died.",
        "Arms\n\nThe militia is funded by a neighbouring government, according to the UN panel.",
        "Media\n\nThe broadcaster was funded by the state until 2010, officials said.",
        "Foundation\n\nThe foundation sponsored a memorial ceremony on Monday.",
        "Clinic\n\nThe clinic, funded by the Harbour Foundation, treated 40 wounded people on Sunday.",
        "Series\n\nThis article is part of a series on the war in the north.",
        "Memorial\n\nThe memorial was made possible by the work of volunteers from three villages.",
        "Relief\n\nThe project, part of a programme funded by the European Union, rebuilt two bridges.",
    ],
)
def test_reported_funding_is_not_a_disclosure(analyze, text):
    assert analyze(text).framing.sponsorship is None
