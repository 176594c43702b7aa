"""What a reader yields: a loaded document with its raw bytes, or a failure."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sourcewise.errors import SourcewiseError
from sourcewise.records import Document


def document_id(raw: bytes) -> str:
    """Content address of an input: the same bytes are the same document everywhere."""
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True, slots=True)
class Loaded:
    """A document ready for analysis, with the exact bytes it was read from (evidence)."""

    document: Document
    raw: bytes


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read, with the coded error that says why."""

    source: str
    error: SourcewiseError

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def message(self) -> str:
        return str(self.error.args[0])
