"""sw_techniques: persuasion techniques and contested terms, each flag with its reason.

A reader comparing sources needs to see *how* a text argues: "barbaric
invaders" and "Armed men" may describe the same people. Flags come from
reviewed data (``lexicons/techniques.json``, ``lexicons/contested.json``) and a
rule for scare quotes; each carries a score and a one-line reason. No rule
names a party: swapping the parties of a sentence never changes its flags.
Contested terms ("genocide", "liberated", "occupied", ...) are flagged with a
note on why they are contested, never judged. Words inside a quotation are
flagged too, and the reason says they are the speaker's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise.nlp import lexicons
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.extensions import get_list
from sourcewise.nlp.textspans import Ranges, doc_quotes, quoted_ranges
from sourcewise.nlp.types import TechniqueSpan

#: Every label this component emits (SemEval-2020 Task 11 names, plus contested terms).
LABELS = (
    "loaded_language",
    "name_calling",
    "exaggeration",
    "flag_waving",
    "appeal_to_authority",
    "doubt",
    "slogan",
    "thought_terminating_cliche",
    "contested_term",
)
_IN_QUOTE = " (inside a quotation: the quoted source's words)"
_SPEECH_WORDS = 5  # quoted passages this long are speech; shorter ones are names or scare quotes

# Scare quotes: one to three lower-case words alone between quotation marks.
_SCARE = re.compile(r"(?<![\w])(“|\"|‘|')([a-z][a-z\-]*(?: [a-z][a-z\-]*){0,2})(”|\"|’|')(?![\w])")
_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'"}
_NAMING_BEFORE = re.compile(
    r"(known(?: locally)? as|so-called|the (?:word|term|label|name|phrase)s?|[\w’']+(?:'s|’s)"
    r"|\b(?:call|calls|called|calling|describ\w+|term\w*|labell?\w*|brand\w*|dub\w*|nam\w+)"
    r"(?: (?:it|them|him|her|this|that|(?:the|its|their|his|her) (?:\w+ ){0,3}?\w+))?(?: as)?(?: an?)?"
    r"|\b(?:said|says|say|told|wrote|write|writes|added|warned)\b[^.\n]{0,40})\s*$",
    re.IGNORECASE,
)
_GLOSS_AFTER = re.compile(r"^\s*,?\s*(?:or|meaning|i\.e\.)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Rule:
    label: str
    score: float
    reason: str
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    data = lexicons.load("techniques.json")
    word = data["word"]
    rules = [
        _Rule(r["label"], float(r["score"]), r["reason"], re.compile(r["pattern"].replace("{W}", word), re.IGNORECASE))
        for r in data["rules"]
    ]
    contested = lexicons.load("contested.json")
    rules += [
        _Rule(
            contested["label"],
            float(contested["score"]),
            f"contested term '{{m}}': {t['note']}",
            re.compile(t["pattern"], re.IGNORECASE),
        )
        for t in contested["terms"]
    ]
    unknown = {r.label for r in rules} - set(LABELS)
    if unknown:
        raise ValueError(f"technique lexicons use unknown labels {sorted(unknown)}")
    return tuple(rules)


def _scare_quotes(text: str) -> list[TechniqueSpan]:
    out = []
    for m in _SCARE.finditer(text):
        if _PAIRS[m.group(1)] != m.group(3):
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        if _NAMING_BEFORE.search(before) or _GLOSS_AFTER.match(text, m.end()):
            continue
        if m.group(1) == "'" and m.start() > 0 and text[m.start() - 1].isalpha():
            continue  # an apostrophe, not a quotation mark
        out.append(
            TechniqueSpan(
                m.start(),
                m.end(),
                "doubt",
                0.5,
                f"quotation marks around '{m.group(2)}' distance the writer from the word (scare quotes)",
            )
        )
    return out


def find_techniques(text: str, quotes: Ranges | None = None) -> list[TechniqueSpan]:
    """Every flag in a text, in text order; overlapping flags of one label are merged into the strongest."""
    quotes = quotes if quotes is not None else quoted_ranges(text)
    found: list[TechniqueSpan] = []
    for rule in _rules():
        narrowing = [g for g in rule.regex.groupindex if g.startswith("flag")]
        for m in rule.regex.finditer(text):
            start, end = next((m.span(g) for g in narrowing if m.group(g)), m.span())
            if end == start:
                continue
            said = " ".join(text[start:end].split())
            found.append(TechniqueSpan(start, end, rule.label, rule.score, rule.reason.replace("{m}", said)))
    found += _scare_quotes(text)
    found.sort(key=lambda t: (t.label, t.start, -t.score, -(t.end - t.start)))
    kept: list[TechniqueSpan] = []
    for t in found:
        last = kept[-1] if kept else None
        if last is not None and last.label == t.label and t.start < last.end:
            continue
        kept.append(t)
    for t in kept:
        quote = quotes.containing(t.start)
        if quote is not None and len(text[quote[0] : quote[1]].split()) >= _SPEECH_WORDS:
            t.reason += _IN_QUOTE
    kept.sort(key=lambda t: (t.start, t.end, t.label))
    return kept


@Language.component("sw_techniques")
def sw_techniques(doc: Doc) -> Doc:
    get_list(doc, "sw_techniques").extend(find_techniques(text_of(doc), doc_quotes(doc)))
    return doc
