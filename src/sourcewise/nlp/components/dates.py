"""sw_dates: every time expression of the document, normalised (``doc._.sw_dates``).

The reading itself is ``nlp/dateparse.py`` (pure, regex and tables, fast); this
component finds the date the document speaks from (its dateline, else its
publication date) so that "yesterday" and "on Sunday" get a day, and hands the
results on as ``DateSpan`` records with character offsets.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise.nlp.dateparse import find_dates, find_reference
from sourcewise.nlp.doctext import text_of
from sourcewise.nlp.types import DateSpan


@Language.component("sw_dates")
def sw_dates(doc: Doc) -> Doc:
    document = doc._.sw_document
    published = document.published if document is not None else None
    text = text_of(doc)
    reference = find_reference(text, published)
    doc._.sw_reference = reference
    spans: list[DateSpan] = []
    for e in find_dates(text, reference):
        spans.append(
            DateSpan(
                start=e.start,
                end=e.end,
                value=e.value,
                granularity=e.granularity,
                first=e.first,
                last=e.last,
                relative=e.relative,
                dateline=reference is not None and e.start == reference.start,
            )
        )
    doc._.sw_dates = spans
    return doc
