"""sw_outlet: the outlet registry's entry for the document's publisher, if any.

Matched on the document's URL first, then on its publisher name
(``outlets.Registry.lookup``); the registry file comes from the run's settings.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise import outlets


@Language.component("sw_outlet")
def sw_outlet(doc: Doc) -> Doc:
    meta = doc._.sw_document
    settings = doc._.sw_settings
    registry = outlets.load(getattr(settings, "outlets", None))
    doc._.sw_outlet = registry.lookup(getattr(meta, "url", None), getattr(meta, "publisher", None))
    return doc
