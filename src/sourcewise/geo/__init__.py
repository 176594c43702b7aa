"""Places: a gazetteer of GeoNames and curated conflict places, and name folding.

``load_gazetteer()`` gives the process-wide ``Gazetteer``; ``fold`` turns a
name into its lookup key. The NLP components that find and resolve places in
a text live in ``sourcewise.nlp.components`` (``gazetteer_ruler``, ``places``).
"""

from sourcewise.geo.fold import fold
from sourcewise.geo.gazetteer import Entry, Gazetteer, load_gazetteer

__all__ = ["Entry", "Gazetteer", "fold", "load_gazetteer"]
