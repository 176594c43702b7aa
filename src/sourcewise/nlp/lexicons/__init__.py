"""Reviewed data files the components read, loaded once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """A bundled JSON lexicon by file name, without its ``_doc`` keys."""
    raw = resources.files(__name__).joinpath(name).read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return {k: v for k, v in data.items() if not k.startswith("_")}
