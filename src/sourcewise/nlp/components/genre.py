"""sw_genre: what kind of document this is, and the cues that say so.

A reader weighs a figure differently in a wire report, an NGO report, an
encyclopedia entry, a press release or an opinion piece. The genre is decided
by weighted cues from ``lexicons/genre.json`` (a label such as "(ANALYSIS)", a
dateline, "Flash Update", an infobox, "For Immediate Release", first-person
argument, ...) found in the text, the title, the URL and the publisher. The
cues of the winning genre are stored with it, so the decision can be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise.nlp import lexicons
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.textspans import Ranges, quoted_ranges
from sourcewise.records import GENRES

#: The genre of a document with no cue: most of what is written about a war is reporting.
DEFAULT_GENRE = "news"
_HEAD_CHARS = 2500
_TOP_CHARS = 400  # the label, title, byline and dateline lines above the body


@dataclass(frozen=True, slots=True)
class _Cue:
    genre: str
    name: str
    where: str
    weight: float
    max: int
    min: int
    outside_quotes: bool
    pattern: re.Pattern[str] | None  # None: built per document ({title} in the lexicon)
    source: str


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[_Cue, ...], float]:
    data = lexicons.load("genre.json")
    cues = []
    for c in data["cues"]:
        if c["genre"] not in GENRES:
            raise ValueError(f"genre.json: unknown genre {c['genre']!r}")
        flags = re.MULTILINE | (re.IGNORECASE if c.get("ignore_case") else 0)
        cues.append(
            _Cue(
                genre=c["genre"],
                name=c["name"],
                where=c["where"],
                weight=float(c["weight"]),
                max=int(c.get("max", 1)),
                min=int(c.get("min", 1)),
                outside_quotes=bool(c.get("outside_quotes")),
                pattern=None
                if "{title}" in c["pattern"]
                else re.compile(c["pattern"].replace("{ngo}", data["ngo"]), flags),
                source=c["pattern"],
            )
        )
    return tuple(cues), float(data["threshold"])


def _first_line(text: str) -> str:
    return text.lstrip().split("\n", 1)[0][:300]


def classify(
    text: str, title: str | None = None, url: str | None = None, publisher: str | None = None
) -> tuple[str, tuple[str, ...]]:
    """(genre, cues) for a text and what is known of where it came from."""
    _, threshold = _cues()
    scores, found = score(text, title, url, publisher)
    best = max(scores, key=lambda g: (scores[g], g != DEFAULT_GENRE), default=None)
    if best is None or scores[best] < threshold:
        why = f"no cue of another genre reached {threshold:g}" if best != DEFAULT_GENRE else ""
        evidence = [c for _, c in sorted(found.get(DEFAULT_GENRE, []), reverse=True)]
        return DEFAULT_GENRE, tuple(evidence or [why or "default"])
    return best, tuple(c for _, c in sorted(found[best], key=lambda x: -x[0]))


def score(
    text: str, title: str | None = None, url: str | None = None, publisher: str | None = None
) -> tuple[dict[str, float], dict[str, list[tuple[float, str]]]]:
    """Each genre's total and its cues (weight, description): the evidence ``classify`` weighs."""
    cues, _ = _cues()
    title_line = _first_line(text)
    titles = [t for t in dict.fromkeys([(title or "").strip(), title_line.strip()]) if t]  # each on its own line
    fields = {
        "title": "\n".join(titles),
        "head": text[:_HEAD_CHARS],
        "top": text.lstrip()[:_TOP_CHARS],
        "text": text,
        "url": url or "",
        "publisher": publisher or "",
        "lead": text.lstrip()[len(title_line) :].lstrip()[:_HEAD_CHARS],
    }
    lead_title = titles[0] if titles else ""
    quotes: Ranges | None = None
    counted_names: set[tuple[str, str]] = set()  # cues sharing a name (three dateline forms) count once
    scores: dict[str, float] = {}
    found: dict[str, list[tuple[float, str]]] = {}
    for cue in cues:
        haystack = fields[cue.where]
        if not haystack:
            continue
        if cue.pattern is None and not lead_title:
            continue
        pattern = cue.pattern or re.compile(
            cue.source.replace("{title}", f"(?i:{re.escape(lead_title)})"), re.MULTILINE
        )
        matches = pattern.finditer(haystack)
        if cue.outside_quotes:
            quotes = quotes if quotes is not None else quoted_ranges(text)
            hits = [m for m in matches if m.start() not in quotes]
        else:
            hits = list(matches)
        if len(hits) < cue.min or (cue.genre, cue.name) in counted_names:
            continue
        counted_names.add((cue.genre, cue.name))
        counted = hits[: cue.max]
        weight = cue.weight * len(counted)
        scores[cue.genre] = scores.get(cue.genre, 0.0) + weight
        shown = ", ".join(f"'{' '.join(m.group(0).split())[:40]}'" for m in counted[:3])
        found.setdefault(cue.genre, []).append((weight, f"{cue.name}: {shown}"))
    return scores, found


@Language.component("sw_genre")
def sw_genre(doc: Doc) -> Doc:
    meta = doc._.sw_document
    doc._.sw_genre = classify(
        text_of(doc),
        title=getattr(meta, "title", None),
        url=getattr(meta, "url", None),
        publisher=getattr(meta, "publisher", None),
    )
    return doc
