"""Doc extension attributes through which components hand results to each other.

Each component writes its own attribute and reads those of the components
before it; ``collect.py`` reads them all. Registered once, idempotently.
"""

from __future__ import annotations

from spacy.tokens import Doc

_DOC_ATTRS: dict[str, object] = {
    "sw_document": None,  # records.Document: metadata (published date, publisher, url)
    "sw_settings": None,  # settings.Settings
    "sw_numbers": None,  # list[types.NumberMention]
    "sw_figures": None,  # list[types.FigureSpan]
    "sw_dates": None,  # list[types.DateSpan]
    "sw_reference": None,  # dateparse.Reference | None: the date the document speaks from
    "sw_places": None,  # list[types.PlaceSpan]
    "sw_events": None,  # list[types.EventSpan]
    "sw_acts": None,  # list[types.ActSpan]
    "sw_genre": None,  # tuple[str | None, tuple[str, ...]]: genre and the cues that decided it
    "sw_sponsorship": None,  # Span | None
    "sw_outlet": None,  # records.Outlet | None
    "sw_attributions": None,  # list[types.AttributionSpan]
    "sw_techniques": None,  # list[types.TechniqueSpan]
    "sw_checks": None,  # list[records.Check]
}


def register_extensions() -> None:
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def get_list(doc: Doc, name: str) -> list:
    """The list a component stored, or a fresh empty one (extension defaults must not be shared)."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value
