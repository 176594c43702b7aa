"""Every sourcewise component, registered in one place, in pipeline order.

A component is a function ``Doc -> Doc`` in its own module, registered with
``@Language.component``; importing the module registers it.
"""

from __future__ import annotations

import importlib

#: Components that run before the statistical NER (their entities are kept by it).
BEFORE_NER: tuple[str, ...] = ("sw_gazetteer_ruler",)

#: sourcewise components after the model, in the order they run.
PIPELINE: tuple[str, ...] = (
    "sw_numbers",
    "sw_figures",
    "sw_dates",
    "sw_places",
    "sw_place_names",
    "sw_acts",
    "sw_events",
    "sw_genre",
    "sw_sponsorship",
    "sw_outlet",
    "sw_attributions",
    "sw_techniques",
    "sw_checks",
)

_MODULES = (
    "sourcewise.nlp.components.numbers",
    "sourcewise.nlp.components.figures",
    "sourcewise.nlp.components.gazetteer_ruler",
    "sourcewise.nlp.components.places",
    "sourcewise.nlp.components.place_names",
    "sourcewise.nlp.components.dates",
    "sourcewise.nlp.components.acts",
    "sourcewise.nlp.components.events",
    "sourcewise.nlp.components.genre",
    "sourcewise.nlp.components.sponsorship",
    "sourcewise.nlp.components.outlet",
    "sourcewise.nlp.components.attribution",
    "sourcewise.nlp.components.techniques",
    "sourcewise.nlp.components.checks",
)


def register_all() -> None:
    for module in _MODULES:
        importlib.import_module(module)
