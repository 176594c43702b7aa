"""Stated date intervals and durations, parsed only as far as the consistency checks need.

"The 46-day siege, which ran from May 4 to June 19, 2017" states
a duration and an interval; the checks compare them. Full date normalisation
is the dates component's job (``sw_dates``); when it has run, its intervals are
used, and this module reads the few forms a duration is checked against:
"from D1 to D2", "between D1 and D2", "D1 – D2", with the year (and month)
of the second date carried to the first when only the second states it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DATE = rf"(?:(?P<{{p}}d1>\d{{{{1,2}}}})(?:st|nd|rd|th)? (?P<{{p}}m1>{_MONTH})|(?P<{{p}}m2>{_MONTH}) (?P<{{p}}d2>\d{{{{1,2}}}})(?:st|nd|rd|th)?|(?P<{{p}}d3>\d{{{{1,2}}}}))(?:,? (?P<{{p}}y>(?:19|20)\d\d))?"
_INTERVAL = re.compile(
    rf"\b(?:from|between) (?:the )?{_DATE.format(p='a')} (?:to|until|till|through|and) (?:the )?{_DATE.format(p='b')}\b"
    rf"|\b{_DATE.format(p='c')} ?[–—-] ?{_DATE.format(p='e')}\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_DURATION = re.compile(
    r"\b(?P<n>\d{1,4}|" + "|".join(_NUMBER_WORDS) + r")[- ](?P<unit>day|week|month|year)s?(?:[- ]long)?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Interval:
    start: int  # character offsets of the quote
    end: int
    first: dt.date
    last: dt.date


@dataclass(frozen=True, slots=True)
class Duration:
    start: int
    end: int
    count: int
    unit: str  # day | week | month | year


def _date(
    m: re.Match[str], p: str, fallback: tuple[int | None, int | None]
) -> tuple[int | None, int | None, int | None]:
    day = m.group(f"{p}d1") or m.group(f"{p}d2") or m.group(f"{p}d3")
    month = m.group(f"{p}m1") or m.group(f"{p}m2")
    year = m.group(f"{p}y")
    return (
        int(year) if year else fallback[0],
        _MONTHS[month.lower().rstrip(".")] if month else fallback[1],
        int(day) if day else None,
    )


def intervals(text: str) -> list[Interval]:
    """Day-precise intervals stated in a text (both ends resolvable to a calendar day)."""
    out = []
    for m in _INTERVAL.finditer(text):
        a, b = ("a", "b") if m.group("ad1") or m.group("am2") or m.group("ad3") else ("c", "e")
        y2, mo2, d2 = _date(m, b, (None, None))
        y1, mo1, d1 = _date(m, a, (y2, mo2))
        if None in (y1, mo1, d1, y2, mo2, d2):
            continue
        try:
            first, last = dt.date(y1, mo1, d1), dt.date(y2, mo2, d2)  # type: ignore[arg-type]
        except ValueError:
            continue
        if last < first:
            continue
        out.append(Interval(m.start(), m.end(), first, last))
    return out


def durations(text: str) -> list[Duration]:
    """Stated durations: "44-day", "100 days", "a 30-year" (numbers as digits or words)."""
    out = []
    for m in _DURATION.finditer(text):
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        out.append(Duration(m.start(), m.end(), count, m.group("unit").lower()))
    return out


def parse_iso_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """``2020-09-27/2020-11-10`` -> the two days; anything coarser -> None."""
    first, sep, last = value.partition("/")
    if not sep:
        return None
    try:
        return dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    except ValueError:
        return None


def matches(duration: Duration, first: dt.date, last: dt.date) -> tuple[bool, str]:
    """Whether a stated duration fits an interval, and the measured length in the duration's unit."""
    days = (last - first).days
    if duration.unit == "day":
        # "44-day war from 27 September to 10 November": 44 days between the dates (45 counting both ends).
        return duration.count in (days, days + 1), f"{days} days ({days + 1} counting both ends)"
    if duration.unit == "week":
        weeks = days / 7
        return abs(weeks - duration.count) <= 1, f"{weeks:.1f} weeks"
    if duration.unit == "month":
        months = (last.year - first.year) * 12 + last.month - first.month + (last.day - first.day) / 30
        return abs(months - duration.count) <= 1, f"{months:.1f} months"
    years = days / 365.25
    return abs(years - duration.count) <= 1, f"{years:.1f} years"
