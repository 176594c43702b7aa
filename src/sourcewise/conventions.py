"""Convention tables: the conventional minimum a vague quantity stands for.

"Dozens" is 12 under ACLED-style coding; ISAF's coders also count a bare plural
("insurgents were detained") as 2. A convention is a name from the bundled
``nlp/lexicons/conventions.json`` or the path of a JSON file of the same shape.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sourcewise.errors import UsageError


@lru_cache(maxsize=1)
def _bundled() -> dict[str, dict[str, int | None]]:
    raw = resources.files("sourcewise.nlp.lexicons").joinpath("conventions.json").read_text("utf-8")
    data = json.loads(raw)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def names() -> list[str]:
    return sorted(_bundled())


@lru_cache(maxsize=16)
def load(convention: str) -> dict[str, int | None]:
    """The table for a convention name or file; raises UsageError (SW402) if unknown."""
    tables = _bundled()
    if convention in tables:
        return dict(tables[convention])
    path = Path(convention)
    if path.suffix == ".json" and path.is_file():
        try:
            table = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"convention file {path} is not readable JSON: {exc}", code="SW402") from None
        if not isinstance(table, dict) or not all(
            isinstance(v, int) or v is None for k, v in table.items() if not k.startswith("_")
        ):
            raise UsageError(f"convention file {path} must map words to integers", code="SW402")
        return {k: v for k, v in table.items() if not k.startswith("_")}
    raise UsageError(
        f"unknown convention {convention!r}: use one of {', '.join(names())} or a .json file", code="SW402"
    )


def minimum(convention: str, word: str) -> int | None:
    """Conventional minimum for a vague word ("dozens" -> 12), or None if it has none."""
    return load(convention).get(word.lower())


def least(convention: str, value: int | None, low: int | None, qualifier: str) -> int | None:
    """The least number of people a figure claims under a convention: its value, its low bound, or
    for "more than N" N plus the convention's ``more_than_adds`` (ISAF: "more than 30" is 31)."""
    n = value if value is not None else low
    if n is not None and qualifier == "more_than":
        n += load(convention).get("more_than_adds") or 0
    return n
