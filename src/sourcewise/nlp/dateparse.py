"""Find time expressions in text and normalise them to ISO 8601 values.

Pure functions over strings (no spaCy), so that they can be tested on their own
and stay fast: a handful of regular expressions over the whole text, a greedy
choice of the longest non-overlapping matches, then one pass in text order that
reads each match into a value. dateparser is far slower and guesses more; the
forms news and reports use are few enough to list.

Values follow the report spec: ``1992-02-25`` (day), ``1994-02`` (month),
``2007`` (year), ``199X`` (decade) and ``A/B`` (interval). Expressions without
a year ("February 26", "on Sunday", "yesterday") are read against a
:class:`Reference`: the dateline's date, else the publication date. A resolved
date is never later than the reference unless the text says it lies ahead
("next Monday", "will ... on Friday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_SMALL = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _cased(words: list[str]) -> str:
    """Title-case and upper-case forms of each word (months are proper names in English)."""
    forms = sorted({f for w in words for f in (w.capitalize(), w.upper())}, key=len, reverse=True)
    return "|".join(forms)


MONTH_WORDS = [
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_ABBR = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
# "May" stands alone: as a month it needs a day or a year beside it (or a preposition, below).
_MONTH = rf"(?:(?:{_cased(MONTH_WORDS)})(?![A-Za-z])|(?:{_cased(MONTH_ABBR)})(?:\.|(?![A-Za-z]))|May(?![A-Za-z]))"
_WEEKDAY = rf"(?:{_cased(list(WEEKDAYS))})(?![A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
_NB = r"(?<![\w.,-])"  # not inside a longer number or word
_SP = r"[ \t\u00a0]+"
_OPT_WD = rf"(?:(?P<wd>{_WEEKDAY}),?{_SP}(?:the{_SP})?)?"
_DASH = r"\s*(?:-|–|—|to|through|and|/)\s*"

_P_DM = re.compile(  # 26 March 1998, the 7th of October, 25-26 February 1992, 25 and 26 Feb.
    rf"{_NB}{_OPT_WD}(?:the{_SP})?(?P<d1>{_DAY})(?:{_DASH}(?P<d2>{_DAY}))?(?:{_SP}of)?{_SP}(?P<m>{_MONTH})"
    rf"(?:,?{_SP}(?P<y>{_YEAR}))?"
)
_P_GLUED = re.compile(  # "Date15 January 1999": a table's label run into its value (a full date only)
    rf"(?<=[a-z])(?P<d1>{_DAY}){_SP}(?P<m>{_MONTH}),?{_SP}(?P<y>{_YEAR})"
)
_P_MD = re.compile(  # January 17, 2012; Jan. 25, 2013; Sept. 1; Feb 25-26, 1992; Nov. 1. 2011
    rf"{_NB}{_OPT_WD}(?P<m>{_MONTH}){_SP}(?P<d1>{_DAY})(?:{_DASH}(?P<d2>{_DAY}))?(?!\d|:\d)"
    rf"(?:[,.]?[ \t\u00a0]*(?P<y>{_YEAR}))?"
)
_P_MY = re.compile(  # February 1994, Feb. 2012, February of 1994, late February 1992
    rf"{_NB}(?P<pre>(?:early|late|mid)[- ]?)?(?P<m>{_MONTH}),?{_SP}(?:of{_SP})?(?P<y>{_YEAR})"
)
_P_M = re.compile(  # in February, since mid-March, last May: a month with a preposition before it
    rf"(?<![\w])(?P<ctx>in|In|since|Since|during|During|until|Until|till|by|By|from|From|through|throughout|of|"
    rf"last|Last|this|This|next|Next|before|after|between|and|to|early|Early|late|Late|mid|Mid|end of|"
    rf"beginning of|start of)[- ]+(?P<pre>(?:early|late|mid)[- ]?)?(?P<m>{_MONTH})(?![\w-]|\.\w| \d)"
)
_P_ISO = re.compile(rf"(?<![\w-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])")
_P_NUMERIC = re.compile(  # 25.02.1992, 25/02/1992 (read day first), 02/25/1992 when only that reading works
    rf"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<y>{_YEAR})(?![\w/-]|\.\d)"
)
_P_DECADE = re.compile(
    r"(?<![\w'])(?:the\s+)?(?P<pre>(?:early|late|mid)[- ])?(?:(?P<c>1[6-9]|20)(?P<d>\d)0s|['’](?P<s>\d)0s)(?![\w])"
)
_P_YEAR_RANGE = re.compile(rf"{_NB}(?P<y1>{_YEAR})\s*(?:-|–|—)\s*(?P<y2>{_YEAR}|\d\d)(?![\w-])")
_PLURAL_AFTER = r"(?![ \t]*(?:[a-z]+s|people|persons|men|women|children)\b)"
_P_YEAR = re.compile(
    rf"(?<![\w])(?:(?P<ctx>in|In|since|Since|during|During|until|Until|till|through|throughout|before|Before|"
    rf"after|After|early|Early|late|Late|mid|Mid|spring|Spring|summer|Summer|autumn|Autumn|fall|Fall|winter|"
    rf"Winter|year|end of|beginning of|start of|middle of)[ \t\u00a0-]+(?:of[ \t]+)?(?P<y>{_YEAR})"
    rf"|(?P<ctx2>of|by|By|from|From|and|to|around|between|Between|circa|c\.)[ \t\u00a0]+(?P<y2>{_YEAR}){_PLURAL_AFTER})"
    r"(?![\w%-]|,\d|\.\d)"
)
_REL_WORDS = (
    r"the day before yesterday|yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
    r"overnight|earlier today|later today|earlier this week|earlier this month|earlier this year|this week|"
    r"this month|this year|last week|last month|last year|past week"
)
_P_REL = re.compile(rf"(?<![\w])(?P<w>{_REL_WORDS})(?![\w])", re.IGNORECASE)
_OVERNIGHT_ADJ = re.compile(r"[ \t]+(?!and\b|or\b|on\b|in\b|at\b|near\b|to\b|from\b)[a-z]+(?:s|ion|ions|raid|strike)\b")
_N = r"\d{1,2}|" + "|".join(w for w, n in _SMALL.items() if n > 1)  # a count of days, two or more
_P_PAST_DAYS = re.compile(  # "the past two days"; "the last 24 hours" (a daily report's day: the day itself)
    rf"(?<![\w])(?:the|these)\s+(?:past|last)\s+(?:(?P<n>{_N})\s+days|(?P<h>24)\s+hours)(?![\w])",
    re.IGNORECASE,
)
_P_FOR_DAYS = re.compile(  # "has continued for two days": under way since the day before
    rf"\b(?:has|have)[ \t]+(?:\w+[ \t]+){{0,2}}?(?P<q>for[ \t]+(?P<n>{_N})[ \t]+days)(?![\w])",
    re.IGNORECASE,
)
_P_AGO = re.compile(
    rf"(?<![\w])(?P<n>\d{{1,2}}|{'|'.join(_SMALL)})\s+(?P<u>days?|weeks?)\s+ago"
    r"(?![\w])",
    re.IGNORECASE,
)
_P_WEEKDAY = re.compile(
    rf"(?<![\w])(?:(?P<mod>last|Last|this|This|next|Next|past|coming|on|On|early|Early|late|Late)[ \t]+)?"
    rf"(?P<wd>{_WEEKDAY})(?:['’]s)?(?:[ \t]+(?P<part>morning|afternoon|evening|night))?"
)
_EVERY = re.compile(rf"\b(?:every|each)[ \t]+(?:(?:{_WEEKDAY}),?[ \t]+(?:and[ \t]+|or[ \t]+)?)*$")
_P_ANAPHOR = re.compile(
    r"(?<![\w])(?P<w>the (?:next|following|previous|same) day|the day (?:before|after)|that (?:same )?day)(?![\w])",
    re.IGNORECASE,
)
_P_CONNECT = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$")
_P_FROM = re.compile(r"(?:from|between|From|Between)\s*$")
_FUTURE = re.compile(r"\b(?:will|shall|next|upcoming|coming|scheduled|due to|planned for|is to|are to)\b")
_RECURRING = re.compile(  # "declared 31 March as the Day of ...", "on 9 May each year": a day of every year
    r"[ \t]*(?:(?:as|is|was|becomes|became)[ \t]+)?(?:(?:a|an|the)[ \t]+)?(?:[A-Z][a-z]+[ \t]+)?Day\b"
    r"|[ \t]*,?[ \t]*(?:each|every)[ \t]+year\b|[ \t]*,?[ \t]*annually\b"
)
_YEAR_HINT = re.compile(r"(?<![\w,.])(?:1[89]\d\d|20\d\d)(?![\d,]\d|\.\d)")


@dataclass(frozen=True, slots=True)
class Reference:
    """The date relative expressions are read against, and where the text states it (if it does)."""

    day: date | None  # None when only the year is known
    year: int
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A normalised time expression; ``first``/``last`` are the days it spans (for comparison)."""

    start: int
    end: int
    value: str
    granularity: str
    first: date
    last: date
    relative: bool = False
    explicit_year: bool = True


# -- raw matches ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    kind: str  # date | decade | relative | ago | weekday | anaphor
    y1: int | None = None
    m1: int | None = None
    d1: int | None = None
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    word: str = ""
    mod: str = ""
    n: int = 0


def _day(s: str | None) -> int | None:
    return int(re.sub(r"\D", "", s)) if s else None


def _month(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def _raw_matches(text: str) -> list[_Raw]:
    raws: list[_Raw] = []
    for m in _P_DM.finditer(text):
        raws.append(_Raw(m.start(), m.end(), "date", _int(m["y"]), _month(m["m"]), _day(m["d1"]), d2=_day(m["d2"])))
    for m in _P_GLUED.finditer(text):
        raws.append(_Raw(m.start(), m.end(), "date", int(m["y"]), _month(m["m"]), _day(m["d1"])))
    for m in _P_MD.finditer(text):
        raws.append(_Raw(m.start(), m.end(), "date", _int(m["y"]), _month(m["m"]), _day(m["d1"]), d2=_day(m["d2"])))
    for m in _P_MY.finditer(text):
        raws.append(_Raw(m.start(), m.end(), "date", int(m["y"]), _month(m["m"])))
    for m in _P_M.finditer(text):
        if m["m"] == "May" and m["ctx"].lower() in ("and", "to", "of", "by"):
            continue  # "... and may", "to May" is too often the verb or a name
        start = m.start("pre") if m["pre"] else m.start("m")
        raws.append(_Raw(start, m.end("m"), "date", None, _month(m["m"])))
    for m in _P_ISO.finditer(text):
        raws.append(_Raw(m.start(), m.end(), "date", int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _P_NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        d, mo = (a, b) if (m["sep"] == "." or b <= 12) else (b, a)
        if m["sep"] == "/" and a <= 12 and b <= 12 and a != b:
            continue  # 03/04/2012: day or month first? the text does not say
        if 1 <= mo <= 12 and 1 <= d <= 31:
            raws.append(_Raw(m.start(), m.end(), "date", int(m["y"]), mo, d))
    for m in _P_DECADE.finditer(text):
        decade = int(m["c"] + m["d"]) * 10 if m["c"] else 1900 + int(m["s"]) * 10
        raws.append(_Raw(m.start(), m.end(), "decade", decade))
    for m in _P_YEAR_RANGE.finditer(text):
        y1 = int(m["y1"])
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
        if y1 < y2 <= y1 + 200:
            raws.append(_Raw(m.start(), m.end(), "date", y1, y2=y2))
    for m in _P_YEAR.finditer(text):
        g = "y" if m["y"] else "y2"
        raws.append(_Raw(m.start(g), m.end(g), "date", int(m[g])))
    for m in _P_REL.finditer(text):
        if m["w"].lower() == "overnight" and _OVERNIGHT_ADJ.match(text, m.end()):
            continue  # "overnight operations": the time of day of an operation, not which night
        raws.append(_Raw(m.start(), m.end(), "relative", word=m["w"].lower()))
    for m in _P_AGO.finditer(text):
        n = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"].lower()]
        days = n * (7 if m["u"].lower().startswith("week") else 1)
        raws.append(_Raw(m.start(), m.end(), "ago", n=days))
    for m in _P_PAST_DAYS.finditer(text):
        if m["h"]:
            raws.append(_Raw(m.start(), m.end(), "relative", word="today"))
            continue
        n = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"].lower()]
        raws.append(_Raw(m.start(), m.end(), "relative", word="past days", n=n))
    for m in _P_FOR_DAYS.finditer(text):
        n = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"].lower()]
        if n > 1:
            raws.append(_Raw(m.start("q"), m.end("q"), "relative", word="past days", n=n - 1))
    for m in _P_WEEKDAY.finditer(text):
        if _EVERY.search(text, max(0, m.start() - 60), m.start()):
            continue  # "published every Monday, Wednesday and Friday": a routine, not a day
        mod = (m["mod"] or "").lower()
        start = m.start() if mod in ("last", "this", "next", "past", "coming") else m.start("wd")
        raws.append(_Raw(start, m.end(), "weekday", d1=WEEKDAYS[m["wd"].lower()], mod=mod))
    for m in _P_ANAPHOR.finditer(text):
        raws.append(_Raw(m.start(), m.end(), "anaphor", word=m["w"].lower()))
    return _longest_first(raws)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


_KIND_RANK = {"date": 0, "decade": 1, "relative": 2, "ago": 2, "anaphor": 2, "weekday": 3}


def _longest_first(raws: list[_Raw]) -> list[_Raw]:
    """Non-overlapping matches, the longer (then the more explicit) winning."""
    raws.sort(key=lambda r: (-(r.end - r.start), _KIND_RANK[r.kind], r.start))
    taken: list[_Raw] = []
    for r in raws:
        if all(r.end <= t.start or r.start >= t.end for t in taken):
            taken.append(r)
    taken.sort(key=lambda r: r.start)
    return taken


def _merge_intervals(text: str, raws: list[_Raw]) -> list[_Raw]:
    """ "from May 4 to June 19, 2017", "between 2001 and 2003", "April-May 2009"."""
    out: list[_Raw] = []
    for r in raws:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == r.kind == "date"
            and prev.y2 is None
            and prev.d2 is None
            and r.y2 is None
            and r.d2 is None
            and _P_CONNECT.match(text[prev.end : r.start])
            and _same_shape(prev, r)
        ):
            joiner = text[prev.end : r.start].strip()
            if joiner == "and" and not _P_FROM.search(text[max(0, prev.start - 10) : prev.start]):
                out.append(r)
                continue
            out[-1] = _Raw(prev.start, r.end, "date", prev.y1, prev.m1, prev.d1, r.y1, r.m1, r.d1)
            continue
        out.append(r)
    return out


def _same_shape(a: _Raw, b: _Raw) -> bool:
    """Both days, both months or both years (a year-less day may take the other's year)."""
    return (a.d1 is None) == (b.d1 is None) and (a.m1 is None) == (b.m1 is None)


# -- reading values ---------------------------------------------------------------------------------


def find_dates(text: str, reference: Reference | None = None) -> list[TimeExpr]:
    """Every time expression of ``text`` that can be given a value, in text order."""
    raws = _merge_intervals(text, _raw_matches(text))
    hints = [(m.start(), int(m.group())) for m in _YEAR_HINT.finditer(text)]
    out: list[TimeExpr] = []
    last_day: TimeExpr | None = None
    for r in raws:
        if r.kind == "date" and r.y1 is None and r.y2 is None and r.d1 is not None and _RECURRING.match(text, r.end):
            continue
        expr = _resolve(text, r, reference, hints, out, last_day)
        if expr is None:
            continue
        out.append(expr)
        if expr.granularity == "day":
            last_day = expr
    return out


def _resolve(
    text: str,
    r: _Raw,
    ref: Reference | None,
    hints: list[tuple[int, int]],
    before: list[TimeExpr],
    last_day: TimeExpr | None,
) -> TimeExpr | None:
    if r.kind == "decade":
        y = r.y1 or 0
        return TimeExpr(r.start, r.end, f"{y // 10}X", "decade", date(y, 1, 1), date(y + 9, 12, 31))
    if r.kind == "date":
        return _absolute(text, r, ref, hints, before)
    if r.kind == "anaphor":
        if last_day is None or r.start - last_day.end > 600:
            return None
        shift = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}
        delta = next((v for k, v in shift.items() if k in r.word), 0)
        return _day_expr(r, last_day.first + timedelta(days=delta))
    if ref is None or ref.day is None:
        return None
    today = ref.day
    if r.kind == "ago":
        return _day_expr(r, today - timedelta(days=r.n))
    if r.kind == "weekday":
        return _day_expr(r, _weekday(text, r, today))
    return _relative(r, today)


def _relative(r: _Raw, today: date) -> TimeExpr | None:
    w = r.word
    if w == "the day before yesterday":
        return _day_expr(r, today - timedelta(days=2))
    if w in ("yesterday", "last night"):
        return _day_expr(r, today - timedelta(days=1))
    if w == "past days":
        first = today - timedelta(days=r.n)
        return TimeExpr(r.start, r.end, f"{first}/{today}", "interval", first, today, True)
    if w == "overnight":
        return TimeExpr(
            r.start, r.end, f"{today - timedelta(days=1)}/{today}", "interval", today - timedelta(days=1), today, True
        )
    if w.endswith("week"):
        monday = today - timedelta(days=today.weekday())
        if w in ("last week", "past week"):
            first, last = (monday - timedelta(days=7), monday - timedelta(days=1))
            if w == "past week":
                first, last = today - timedelta(days=7), today
        else:
            first, last = monday, today
        return TimeExpr(r.start, r.end, f"{first}/{last}", "interval", first, last, True)
    if w.endswith("month"):
        y, m = today.year, today.month
        if w == "last month":
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        first = date(y, m, 1)
        return TimeExpr(r.start, r.end, f"{y:04d}-{m:02d}", "month", first, _month_end(y, m), True)
    if w.endswith("year"):
        y = today.year - (1 if w == "last year" else 0)
        return TimeExpr(r.start, r.end, f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31), True)
    return _day_expr(r, today)  # today, tonight, this morning, earlier today ...


def _weekday(text: str, r: _Raw, today: date) -> date:
    back = (today.weekday() - (r.d1 or 0)) % 7
    if r.mod in ("next", "coming") or (r.mod != "last" and _says_future(text, r.start)):
        ahead = ((r.d1 or 0) - today.weekday()) % 7
        return today + timedelta(days=ahead or 7)
    if r.mod in ("last", "past") and back == 0:
        back = 7
    return today - timedelta(days=back)


def _says_future(text: str, pos: int) -> bool:
    """A future verb earlier in the same sentence: "talks will resume on Monday"."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), pos - 120)
    return bool(_FUTURE.search(text, start, pos))


def _day_expr(r: _Raw, d: date) -> TimeExpr:
    return TimeExpr(r.start, r.end, d.isoformat(), "day", d, d, True)


def _absolute(
    text: str, r: _Raw, ref: Reference | None, hints: list[tuple[int, int]], before: list[TimeExpr]
) -> TimeExpr | None:
    explicit = r.y1 is not None or r.y2 is not None
    y1, y2 = r.y1, r.y2
    m1, m2 = r.m1, r.m2 if r.m2 is not None else (r.m1 if r.d2 is not None else None)
    d1, d2 = r.d1, r.d2
    if y1 is None and y2 is not None and m1 is not None:
        y1 = y2 if (m1, d1 or 0) <= (m2 or m1, d2 or 0) else y2 - 1
    if y1 is None:
        y1 = _infer_year(text, r, m1 or 1, d1 or 1, ref, hints, before)
        if y1 is None:
            return None
    if m2 is not None and y2 is None:
        y2 = y1 if (m2, d2 or 0) >= (m1 or 1, d1 or 0) else y1 + 1
    try:
        first = date(y1, m1 or 1, d1 or 1)
        if y2 is None:
            last = date(y1, m1 or 12, d1 or (_month_end(y1, m1).day if m1 else 31))
        else:
            last = date(y2, m2 or 12, d2 or (_month_end(y2, m2).day if m2 else 31))
    except ValueError:
        return None  # 31 February: not a date
    if last < first:
        return None
    a = _iso(y1, m1, d1)
    if y2 is None:
        gran = "day" if d1 else ("month" if m1 else "year")
        return TimeExpr(r.start, r.end, a, gran, first, last, False, explicit)
    b = _iso(y2, m2, d2)
    if a == b:
        return TimeExpr(r.start, r.end, a, "day" if d1 else "month", first, last, False, explicit)
    return TimeExpr(r.start, r.end, f"{a}/{b}", "interval", first, last, False, explicit)


def _iso(y: int, m: int | None, d: int | None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month_end(y: int, m: int) -> date:
    nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
    return nxt - timedelta(days=1)


def _narrative(text: str, r: _Raw, before: list[TimeExpr]) -> TimeExpr | None:
    """The last dated moment (a day or month with its year) in the same paragraph, shortly before ``r``.

    A bare year ("ever since the fighting stopped in 2003") sets no scene: it is background.
    """
    para_start = text.rfind("\n\n", 0, r.start)
    for e in reversed(before):
        if e.end <= para_start or r.start - e.end > 400:
            return None
        if e.explicit_year and not e.relative and e.granularity in ("day", "interval", "month"):
            return e
    return None


def _infer_year(
    text: str,
    r: _Raw,
    month: int,
    day: int,
    ref: Reference | None,
    hints: list[tuple[int, int]],
    before: list[TimeExpr],
) -> int | None:
    """The year a day or month without one belongs to.

    The reference's year, one earlier when the day would lie after the reference (unless
    the text speaks of the future); but a paragraph that tells of an earlier year keeps
    it ("25-26 February 1992 ... by dawn on February 26" in an article of 2023). Without a
    reference, the year of that paragraph, else the nearest year the text mentions
    before (else after).
    """
    narrative = _narrative(text, r, before)
    if ref is not None:
        y = ref.year
        if ref.day is not None and (month, day) > (ref.day.month, ref.day.day) and not _says_future(text, r.start):
            y -= 1
        ref_day = ref.day or date(ref.year, 12, 31)
        if narrative is not None and (ref_day - narrative.last).days > 366:
            return narrative.last.year  # a story told about an earlier year
        return y
    if narrative is not None:
        return narrative.last.year
    prev = [y for pos, y in hints if pos < r.start]
    if prev:
        return prev[-1]
    nxt = [y for pos, y in hints if pos > r.end]
    return nxt[0] if nxt else None


# -- the reference date -----------------------------------------------------------------------------

_DATELINE = re.compile(
    rf"(?<![\w])(?P<city>[A-Z][A-Z'’.\-]{{2,}}(?:[ \-][A-Z][A-Z'’.\-]+)*"
    rf"|[A-Z][a-z]+(?=,[ \t]*[A-Z][a-z]+[ \t]*\())"
    rf"(?:[ \t]*,[ \t]*(?P<region>[A-Z][A-Za-z.'’\-]+(?:[ \t]+[A-Z][A-Za-z.'’\-]+){{0,3}}))?"
    rf"[ \t]*[,(][ \t]*\(?(?P<date>(?:{_WEEKDAY},?[ \t]+)?(?:{_MONTH})[ \t]+{_DAY}(?:[,.]?[ \t]*{_YEAR})?"
    rf"|{_DAY}[ \t]+(?:{_MONTH})(?:,?[ \t]*{_YEAR})?)"
)


def find_reference(text: str, published: str | None = None, head: int = 1500, head_date: int = 300) -> Reference | None:
    """The date a document speaks from: its dateline ("KABUL, Afghanistan (Jan. 25, 2013)",
    "BAKU, Azerbaijan, February 26", "GAZA, Jan. 4 (Xinhua)"), else its publication date,
    else the first day its header names (a release's title: "Operational Update, March 8, 2011",
    "Dec. 6: Operations in ...", the year then from a release number nearby).

    A dateline without a year takes the publication year, else the nearest year the header
    mentions (a release number such as 2010-09-...), and is refused if it has none.
    """
    pub = _published(published)
    m = _DATELINE.search(text, 0, head)
    if m is not None:
        dm = _dateline_parts(m["date"])
        if dm is not None:
            month, day, year = dm
            if year is None:
                if pub is not None:
                    year = pub.year
                    if pub.day is not None and (month, day) > (pub.day.month, pub.day.day):
                        year -= 1
                else:
                    year = _header_year(text, m.start("date"))
            if year is not None:
                try:
                    d = date(year, month, day)
                except ValueError:
                    d = None
                if d is not None:
                    return Reference(d, year, m.start("date"), m.start("date") + len(m["date"]))
    if pub is not None:
        return pub
    for e in find_dates(text[:head_date]):
        if e.granularity == "day" and not e.relative:
            return Reference(e.first, e.first.year, e.start, e.end)
    return None


def _dateline_parts(s: str) -> tuple[int, int, int | None] | None:
    mm = re.search(_MONTH, s)
    dd = re.search(r"(?<![\d])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)", s)
    yy = re.search(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)", s)
    if mm is None or dd is None:
        return None
    return _month(mm.group()), int(dd.group(1)), int(yy.group(1)) if yy else None


def _header_year(text: str, pos: int) -> int | None:
    prev = [int(m.group()) for m in _YEAR_HINT.finditer(text, 0, pos)]
    return prev[-1] if prev else None


def _published(published: str | None) -> Reference | None:
    if not published:
        return None
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", published.strip())
    if m is None:
        return None
    y = int(m[1])
    if m[3]:
        try:
            return Reference(date(y, int(m[2]), int(m[3])), y)
        except ValueError:
            return Reference(None, y)
    return Reference(None, y)
