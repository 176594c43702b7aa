"""Find and read stated quantities in text: digits, words, mixed forms, ranges.

Pure functions over strings (no spaCy), so that they can be tested on their
own and used by any component. A quantity is found by one regular expression
over the whole text; its words are then read into integers. Whether it counts
people harmed is decided elsewhere (``components/figures.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

_UNITS = {
    "zero": 0,
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
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: The largest count read: more than any number of people or things a report states. A longer digit string
#: is an identifier (or a hostile input: a 400-digit number once overflowed the float it was read into).
MAX_CARDINAL = 10**12
_MAX_DIGITS = 30

_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALE_ABBR = {"mln": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

_W_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_W_TENS = "|".join(_TENS)
_W_SCALE = "hundred|thousand|million|billion"
_WORD = rf"(?:{_W_TENS}|{_W_UNIT})"
# "twenty-five", "one hundred and five", "two thousand three hundred"
_WORDS = rf"{_WORD}(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}|{_W_SCALE}))*"
# 1,275 | 84 770 | 22.5 | 1275 ; not part of a longer alphanumeric code
_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:\.\d+)?"
_DIGIT_CARD = rf"(?:{_DIGITS})(?:\s*(?:{_W_SCALE})\b|\s?(?:mln|bn)\b)?"
_CARD = (
    rf"(?:{_DIGIT_CARD}"
    rf"|{_WORDS}"
    rf"|(?:a|an)\s+(?:half\s+)?(?:{_W_SCALE})\b"
    rf"|half\s+a\s+(?:million|billion)\b)"
)

QUALIFIER_WORDS: dict[str, str] = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "at a minimum": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "above": "more_than",
    "up to": "up_to",
    "as many as": "up_to",
    "as high as": "up_to",
    "at most": "up_to",
    "no more than": "up_to",
    "fewer than": "up_to",
    "less than": "up_to",
    "under": "up_to",
    "just under": "up_to",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "nearing": "about",
    "approx.": "about",
    "circa": "about",
    "c.": "about",
    "an approximate": "about",
    "perhaps": "about",
}
_QUAL = "|".join(re.escape(k) for k in sorted(QUALIFIER_WORDS, key=len, reverse=True))

VAGUE_WORDS = (
    "tens of thousands",
    "hundreds of thousands",
    "a large number of",
    "a handful of",
    "a couple of",
    "a number of",
    "a small group of",
    "a group of",
    "a large number",
    "a handful",
    "a couple",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "tens",
    "several",
    "numerous",
    "multiple",
    "a few",
)
_VAGUE = "|".join(re.escape(v) for v in VAGUE_WORDS)


NUMBER_RE = re.compile(
    rf"""
    (?<![\w#/$€£.,-])                              # not inside a code, URL, price or decimal
    (?:(?P<qual>{_QUAL})\s+)?
    (?:
        between\s+(?P<b_lo>{_CARD})\s+and\s+(?P<b_hi>{_CARD})
      | from\s+(?:between\s+)?(?P<f_lo>{_CARD})\s+(?:to|and)\s+(?P<f_hi>{_CARD})
      | (?P<r_lo>{_DIGIT_CARD})\s*[-–—]\s*(?P<r_hi>{_DIGIT_CARD})
      | (?P<t_lo>{_CARD})\s+(?:to|or)\s+(?P<t_hi>{_CARD})
      | (?P<card>{_CARD})(?P<plus>\+|\s+or\s+more\b)?
      | (?P<vague>{_VAGUE})
    )
    (?![\w%]|\.\w)
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity as written: exact value, or bounds, and how it is qualified."""

    start: int
    end: int
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    vague_word: str | None = None
    numeric_start: int = 0  # where the number itself starts (after "at least ")


def parse_cardinal(s: str) -> int | None:
    """Read a cardinal written in digits, words or both; None if it is not one.

    "1,275" -> 1275, "84 770" -> 84770, "2 million" -> 2000000, "a half million"
    -> 500000, "twenty-five" -> 25, "one hundred and five" -> 105. "200 hundred",
    a common slip for 200, reads as 200: digits of 100 or more are not multiplied
    by "hundred".
    """
    t = " ".join(s.lower().replace("\u00a0", " ").replace("\u202f", " ").split())
    m = re.fullmatch(r"([\d., ]+?)\s*(hundred|thousand|million|billion|mln|bn)?", t)
    if m and re.search(r"\d", m.group(1)):
        digits, scale = m.group(1).strip(), m.group(2)
        if re.fullmatch(r"\d{1,3}(?: \d{3})+", digits) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
            plain = digits.replace(",", "").replace(" ", "")
        else:
            plain = digits.replace(",", "")
        if len(plain) > _MAX_DIGITS or not re.fullmatch(r"\d+(?:\.\d+)?", plain):
            return None  # an identifier or a malformed number, not a count
        base = Decimal(plain)  # exact: a float loses digits past 2**53 (and overflows past 10**308)
        if scale:
            mult = _SCALES.get(scale) or _SCALE_ABBR[scale]
            if not (scale == "hundred" and base >= 100):
                base *= mult
        if base > MAX_CARDINAL or not (base == base.to_integral_value() or scale):
            return None
        return int(base.to_integral_value(rounding=ROUND_HALF_EVEN))
    m = re.fullmatch(r"(?:a|an|one) (half )?(hundred|thousand|million|billion)", t)
    if m:
        return _SCALES[m.group(2)] // (2 if m.group(1) else 1)
    m = re.fullmatch(r"half a (million|billion)", t)
    if m:
        return _SCALES[m.group(1)] // 2
    return _parse_words(t)


def _parse_words(t: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if not words:
        return None
    total, current = 0, 0
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
        else:
            return None
    return total + current


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity written in ``text``, left to right, not overlapping."""
    out: list[Quantity] = []
    for m in NUMBER_RE.finditer(text):
        q = _to_quantity(m)
        if q is not None:
            out.append(q)
        elif m.group("t_lo") and m.group("t_hi"):
            out += _apart(m, ("t_lo", "t_hi"))  # "since March 2022 to 118": not a range, two numbers
    return out


def _apart(m: re.Match[str], groups: tuple[str, ...]) -> list[Quantity]:
    """The bounds of a rejected "A to B" read as numbers of their own (a year before "to" is filtered later)."""
    out = []
    for g in groups:
        value = parse_cardinal(m.group(g))
        if value is not None:
            out.append(Quantity(m.start(g), m.end(g), value, None, None, "exact", None, m.start(g)))
    return out


def _to_quantity(m: re.Match[str]) -> Quantity | None:
    qual_word = (m.group("qual") or "").lower()
    qualifier = QUALIFIER_WORDS.get(" ".join(qual_word.split()), "exact") if qual_word else "exact"
    numeric_start = _skip_space(m.string, m.end("qual")) if m.group("qual") else m.start()
    for lo_g, hi_g in (("b_lo", "b_hi"), ("f_lo", "f_hi"), ("r_lo", "r_hi"), ("t_lo", "t_hi")):
        if m.group(lo_g):
            hi = parse_cardinal(m.group(hi_g))
            lo = _low_bound(m.group(lo_g), m.group(hi_g), hi)
            if lo is None or hi is None:
                return None
            if hi < lo and hi < 1000 and lo >= 1000 and lo_g == "r_lo":
                return None  # "2014-15": a span of years, not a range of people
            if hi < lo and lo_g == "t_lo":
                return None  # "one to two": read the numbers on their own (rare)
            if lo == hi:
                return Quantity(m.start(), m.end(), lo, None, None, qualifier, None, numeric_start)
            if hi < lo:
                return None
            return Quantity(m.start(), m.end(), None, lo, hi, "range", None, numeric_start)
    if m.group("vague"):
        if qual_word:
            return None  # "some dozens": leave to the plain reading of the vague word
        return Quantity(m.start(), m.end(), None, None, None, "vague", m.group("vague").lower(), m.start())
    value = parse_cardinal(m.group("card"))
    if value is None:
        return None
    if m.group("plus"):
        qualifier = "at_least"
    return Quantity(m.start(), m.end(), value, None, None, qualifier, None, numeric_start)


_SCALE_AT_END = re.compile(r"(hundred|thousand|million|billion|mln|bn)\s*$", re.IGNORECASE)


def _low_bound(lo_text: str, hi_text: str, hi: int | None) -> int | None:
    """The low bound of a range; a scale written once applies to both bounds.

    "two to three thousand" -> 2000, "1.5-2 million" -> 1500000, but
    "800 to 1 million" -> 800 (800 million would exceed the high bound).
    """
    hi_scale = _SCALE_AT_END.search(hi_text)
    if hi is not None and hi_scale and not _SCALE_AT_END.search(lo_text):
        scaled = parse_cardinal(f"{lo_text} {hi_scale.group(1)}")
        if scaled is not None and scaled <= hi:
            return scaled
    return parse_cardinal(lo_text)


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i].isspace():
        i += 1
    return i


_MEASURE_AFTER = re.compile(
    r"\s*-?\s*(?:years?|yrs?|days?|months?|weeks?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centur(?:y|ies)"
    r"|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m\b|kg|tons?|tonnes?|percent|per\s+cent|%"
    r"|a\.?m\b\.?|p\.?m\b\.?|o'clock|h\b|th\b|st\b|nd\b|rd\b|°)(?![a-z])",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_AFTER = re.compile(rf"\s*(?:of\s+)?{_MONTH}(?![a-z])", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"{_MONTH}\s*$", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:usd|eur|rs|afn)\.?)\s*$", re.IGNORECASE)
_MONEY_AFTER = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+)?(?:dollars?|euros?|pounds?|rupees?|afghanis?|rubles?|roubles?|hryvnias?|manats?|shekels?|yuan"
    r"|U\.?S\.?\s+dollars)",
    re.IGNORECASE,
)


# "2000 people", "1992 residents": a four-digit number followed by a plural noun counts something
_COUNTED_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:[a-z]+s|people|men|women|children)\b")


def measure_kind(text: str, q: Quantity) -> str | None:
    """Why a quantity is not a count of people, judged from the characters around it.

    Returns "measure" (44-day, 37 km, 70 percent, 366th, 5 o'clock), "date"
    (15 May, Jan. 25), "year" (a bare 1992), "money", "citation" ([1]), or None.
    """
    after = text[q.end : q.end + 24]
    before = text[max(0, q.start - 12) : q.start]
    if q.qualifier != "vague":
        if _MEASURE_AFTER.match(after):
            return "measure"
        if _MONEY_BEFORE.search(before) or _MONEY_AFTER.match(after):
            return "money"
        day = q.value if q.value is not None else q.high
        if day is not None and day <= 31 and (_MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before)):
            return "date"
        raw = text[q.numeric_start : q.end]
        if q.value is not None and re.fullmatch(r"1[89]\d\d|20\d\d", raw) and not _COUNTED_AFTER.match(after):
            return "year"
        if after.startswith(":") and re.match(r":\d\d", after):
            return "measure"  # a time, 1:45
        if after.startswith("]") and before.endswith("["):
            return "citation"  # a reference mark, "[1]"
    return None
