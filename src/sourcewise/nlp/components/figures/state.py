"""The working record for one quantity while the figure component decides what it counts."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sourcewise.nlp.types import NumberMention


@dataclass(slots=True)
class Cand:
    m: NumberMention
    noun: Token | None = None  # the counted noun
    partitive: str | None = None  # "pronoun" | "noun" when "N of them" / "N of the X"
    category: str | None = None
    harm: Token | None = None
    subgroup: str | None = None
    person: bool = False  # the noun is a person noun (or a harm noun such as "bodies")
    parent: Cand | None = None  # the figure this one is a part of
    mixed: bool = False  # "killed or injured": a count of casualties, not of one category
    infobox: bool = False
    quote: tuple[int, int] | None = None
    borrowed: bool = False  # the harm word is another phrase's ("Of those killed, 14 were children")
