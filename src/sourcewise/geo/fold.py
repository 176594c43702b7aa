"""Fold place names to one lookup key, whatever the transliteration.

"Račak", "Racak" and "RACAK" are one key; so are "Xocalı" and "Xocali",
"Sa'dah" and "Sadah", "Sar-e Pul" and "Sar e Pul". Folding only removes
marks and case: spellings that differ in letters ("Khojaly", "Khodjaly",
"Hocalı") meet through the alternate names of the gazetteer instead, so that
folding never merges two different places.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ə": "e",
        "ǝ": "e",
        "Ə": "e",
        "Ǝ": "e",
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "ŋ": "ng",
    }
)
# Apostrophes, ayin/hamza signs and dots vanish; dashes and slashes separate words.
_DROP = "'’‘ʼʻʿʾ`´.ʹ"
_SPACE = "-‐‑‒–—_/"
_PUNCT = str.maketrans({**{c: None for c in _DROP}, **{c: " " for c in _SPACE}})


def fold(name: str) -> str:
    """The lookup key of a name: lower case ASCII-like letters, single spaces."""
    if name.isascii():  # most names: no letters to map, no marks to strip (the index build folds a million)
        return " ".join(name.translate(_PUNCT).lower().split())
    s = name.translate(_LETTERS).translate(_PUNCT)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (the only ones an English text will use)."""
    if name.isascii():
        return True
    return all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())
