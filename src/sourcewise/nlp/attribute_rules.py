"""The model's attribute ruler, applied in bulk: the same rules and results, a tenth of the time.

The English models map every fine-grained tag to a coarse POS and morphology
with an ``AttributeRuler``: a ``Matcher`` over ~180 token patterns whose
every match is applied by a Python call per token. On long articles that cost
about a tenth of the whole model. Most of the patterns (the leading ones)
only say "tag X gets POS Y and morphology Z"; ``BulkAttributeRuler`` applies
those to all tokens at once through the Doc's arrays, then lets the matcher
apply the remaining, word-specific patterns in their order, after them, as
the original does. ``tests/unit/test_attribute_rules.py`` checks that every
token ends up with the same annotations.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

_BULK_ATTRS = {MORPH, POS}


class BulkAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that applies its leading tag-only patterns to whole arrays."""

    _compiled: tuple[dict[int, dict[int, int]], Matcher] | None = None

    def add_patterns(self, patterns: Any) -> None:
        super().add_patterns(patterns)
        self._compiled = None

    def match(self, doc: Doc) -> list[Any]:
        table, rest = self._compile()
        if table and len(doc):
            _apply_table(doc, table)
        matches = rest(doc, allow_missing=True, as_spans=False)
        found = [(int(self.vocab.strings[m_id]), m_id, s, e) for m_id, s, e in matches]
        found.sort()
        return found

    def _compile(self) -> tuple[dict[int, dict[int, int]], Matcher]:
        if self._compiled is None:
            table: dict[int, dict[int, int]] = {}
            rest = Matcher(self.vocab, validate=False)
            bulk = True
            for i, entry in enumerate(self.patterns):
                tag = _tag_only(entry)
                if bulk and tag is not None and set(self.attrs[i]) <= _BULK_ATTRS:
                    table.setdefault(self.vocab.strings.add(tag), {}).update(self.attrs[i])
                    continue
                bulk = False  # order matters from here on: the matcher applies the rest in turn
                rest.add(self.vocab.strings.add(str(i)), entry["patterns"])  # type: ignore[arg-type]
            self._compiled = (table, rest)
        return self._compiled


def _tag_only(entry: dict[str, Any]) -> str | None:
    """The tag of a pattern that matches one token by its tag alone (and sets that token), else None."""
    patterns = entry["patterns"]
    if len(patterns) != 1 or len(patterns[0]) != 1 or entry.get("index", 0) not in (0, -1):
        return None
    spec = patterns[0][0]
    if set(spec) != {"TAG"} or not isinstance(spec["TAG"], str):
        return None
    return spec["TAG"]


def _apply_table(doc: Doc, table: dict[int, dict[int, int]]) -> None:
    arr = doc.to_array([TAG, POS, MORPH])
    tags = arr[:, 0]
    for tag, attrs in table.items():
        mask = tags == numpy.uint64(tag)
        if not mask.any():
            continue
        if POS in attrs:
            arr[mask, 1] = attrs[POS]
        if MORPH in attrs:
            arr[mask, 2] = attrs[MORPH]
    doc.from_array([POS, MORPH], numpy.ascontiguousarray(arr[:, 1:]))  # type: ignore[arg-type]


@Language.factory("sw_bulk_attribute_ruler", default_config={"validate": False, "scorer": None})
def make_bulk_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> BulkAttributeRuler:
    return BulkAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def use_bulk_attribute_ruler(nlp: Language) -> None:
    """Swap the model's attribute ruler for the bulk one, with the same patterns, under the same name."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("attribute_ruler")
    if not isinstance(old, AttributeRuler) or isinstance(old, BulkAttributeRuler):
        return
    patterns = old.patterns
    new = nlp.replace_pipe("attribute_ruler", "sw_bulk_attribute_ruler")
    assert isinstance(new, BulkAttributeRuler)
    new.add_patterns(patterns)
