"""Readers: turn paths (files, folders, JSONL, HTML) into Documents.

``iter_inputs`` never raises for a user's bad input: it yields a ``Failure``
with a coded error in place of the document, so that a batch goes on.
"""

from sourcewise.ingest.base import Failure, Loaded, document_id
from sourcewise.ingest.paths import iter_inputs, read_path

__all__ = ["Failure", "Loaded", "document_id", "iter_inputs", "read_path"]
