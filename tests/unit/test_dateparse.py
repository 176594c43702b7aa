"""Reading time expressions (sentences written for these tests), without spaCy."""

from datetime import date

import pytest

from sourcewise.nlp.dateparse import Reference, find_dates, find_reference

REF = Reference(date(2013, 1, 25), 2013)  # a Friday


def values(text, ref=REF):
    return [(text[e.start : e.end], e.value, e.granularity) for e in find_dates(text, ref)]


@pytest.mark.parametrize(
    ("text", "quote", "value", "granularity"),
    [
        (
            "Shells fell over the night of 3-4 March 1995 on the market.",
            "3-4 March 1995",
            "1995-03-03/1995-03-04",
            "interval",
        ),
        ("The convoy was hit on 9 June 2003.", "9 June 2003", "2003-06-09", "day"),
        ("The convoy was hit on the 9th of June, 2003.", "the 9th of June, 2003", "2003-06-09", "day"),
        ("The camp was raided on August 14, 2009.", "August 14, 2009", "2009-08-14", "day"),
        ("The camp was raided on Aug. 14, 2009.", "Aug. 14, 2009", "2009-08-14", "day"),
        ("The camp was raided on Aug 14 2009.", "Aug 14 2009", "2009-08-14", "day"),
        (
            "The siege lasted from October 2 to December 19, 2016.",
            "October 2 to December 19, 2016",
            "2016-10-02/2016-12-19",
            "interval",
        ),
        ("Fighting resumed in April 2001.", "April 2001", "2001-04", "month"),
        ("Fighting resumed in late April 2001.", "late April 2001", "2001-04", "month"),
        ("The law was passed in 1998.", "1998", "1998", "year"),
        ("Villages emptied in the late 1980s.", "the late 1980s", "198X", "decade"),
        ("Villages emptied in the '80s.", "the '80s", "198X", "decade"),
        ("The war ran from 1992 to 1995.", "1992 to 1995", "1992/1995", "interval"),
        ("The war ran 1992-95 in the valley.", "1992-95", "1992/1995", "interval"),
        ("The report is dated 2004-11-30.", "2004-11-30", "2004-11-30", "day"),
        ("The report is dated 30.11.2004.", "30.11.2004", "2004-11-30", "day"),
        ("On Monday, June 2, 2014, the ministry met.", "Monday, June 2, 2014", "2014-06-02", "day"),
        ("Date7 May 2008 (local time)", "7 May 2008", "2008-05-07", "day"),
    ],
)
def test_stated_dates(text, quote, value, granularity):
    assert (quote, value, granularity) in values(text, None)


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("Two farmers were shot yesterday.", "yesterday", "2013-01-24"),
        ("Two farmers were shot today.", "today", "2013-01-25"),
        ("Two farmers were shot this morning.", "this morning", "2013-01-25"),
        ("Two farmers were shot last night.", "last night", "2013-01-24"),
        ("Two farmers were shot overnight.", "overnight", "2013-01-24/2013-01-25"),
        ("Two farmers were shot on Tuesday.", "Tuesday", "2013-01-22"),
        ("Two farmers were shot on Friday.", "Friday", "2013-01-25"),  # the reference day itself
        ("Two farmers were shot late Sunday night.", "Sunday night", "2013-01-20"),
        ("Two farmers were shot last week.", "last week", "2013-01-14/2013-01-20"),
        ("Two farmers were shot earlier this month.", "earlier this month", "2013-01"),
        ("Two farmers were shot last month.", "last month", "2012-12"),
        ("Two farmers were shot three days ago.", "three days ago", "2013-01-22"),
        ("Ten were shot during the past two days.", "the past two days", "2013-01-23/2013-01-25"),
        ("The blockade has lasted for three days.", "for three days", "2013-01-23/2013-01-25"),
        ("Two farmers were shot on December 30.", "December 30", "2012-12-30"),  # not after the reference
        ("Two farmers were shot on January 20.", "January 20", "2013-01-20"),
    ],
)
def test_relative_dates_resolve_against_the_reference(text, quote, value):
    assert (quote, value) in [(q, v) for q, v, _ in values(text)]


def test_weekday_in_the_future_when_the_text_says_so():
    assert ("Monday", "2013-01-28") in [(q, v) for q, v, _ in values("Talks will resume on Monday.")]
    assert ("next Monday", "2013-01-28") in [(q, v) for q, v, _ in values("They meet next Monday.")]


def test_relative_dates_need_a_reference():
    assert values("Two farmers were shot yesterday and on Tuesday.", None) == []


def test_routine_days_are_not_dates():
    assert values("The bulletin appears every Monday, Wednesday and Friday.") == []
    assert values("Parliament declared 12 May as the Day of Mourning.", None) == []


def test_may_the_verb_is_not_a_month():
    assert values("Officials said more people may have died in the fire.") == []
    assert ("May 4", "2012-05-04") in [(q, v) for q, v, _ in values("It happened on May 4, in the year 2012.", None)]


def test_a_day_without_year_takes_the_year_of_its_paragraph():
    text = "The raid began on 11 July 1995. By the morning of July 12 the town had fallen."
    ref = Reference(date(2020, 7, 11), 2020)  # an anniversary article
    assert ("July 12", "1995-07-12") in [(q, v) for q, v, _ in values(text, ref)]


def test_a_bare_year_in_background_does_not_date_a_recent_day():
    text = "The truce has held since 1994. The new offensive started on Sept. 27 and continues."
    ref = Reference(date(2020, 11, 6), 2020)
    assert ("Sept. 27", "2020-09-27") in [(q, v) for q, v, _ in values(text, ref)]


def test_without_reference_a_day_takes_the_nearest_year_mentioned():
    text = "Report 2009-12-CA-080. Dec. 24: patrols detained two men."
    assert ("Dec. 24", "2009-12-24") in [(q, v) for q, v, _ in values(text, None)]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("HERAT, Afghanistan (March 3, 2012) - A patrol was attacked.", None, date(2012, 3, 3)),
        ("MOSUL, Iraq, June 10 - A patrol was attacked.", "2014-06-11", date(2014, 6, 10)),
        ("MOSUL, June 12 (Agency) -- A patrol was attacked.", "2015-01-02", date(2014, 6, 12)),
        ("Report 2011-04-S-013\nKABUL, Afghanistan (April 5) A patrol was attacked.", None, date(2011, 4, 5)),
        ("Evening Update, May 8, 2011\nA patrol was attacked on Tuesday.", None, date(2011, 5, 8)),
        ("A patrol was attacked on Tuesday.", "2016-04-19", date(2016, 4, 19)),
    ],
)
def test_reference_from_dateline_header_or_publication(text, published, day):
    ref = find_reference(text, published)
    assert ref is not None and ref.day == day


def test_dateline_without_any_year_gives_no_reference():
    assert find_reference("KABUL, Afghanistan (Jan. 27)\nA patrol was attacked today.") is None


def test_offsets_hold():
    text = "Over the night of 3-4 March 1995, and on Friday, and in the early 1990s."
    for e in find_dates(text, REF):
        assert text[e.start : e.end].strip() == text[e.start : e.end]
        assert e.first <= e.last
