"""Readers: turn paths (files, folders, JSONL, HTML, WARC) into Documents.

``iter_inputs`` never raises for a user's bad input: it yields a ``Failure``
with a coded error in place of the document, so that a batch goes on.
``iter_items`` stops one step earlier, at each document's raw bytes: what the
batch engines hash (to skip stored documents) and ship to their workers,
which ``load`` them.
"""

from sourcewise.ingest.base import Failure, Loaded, document_id
from sourcewise.ingest.items import RawItem, load
from sourcewise.ingest.paths import input_size, iter_inputs, iter_items, read_path

__all__ = [
    "Failure",
    "Loaded",
    "RawItem",
    "document_id",
    "input_size",
    "iter_inputs",
    "iter_items",
    "load",
    "read_path",
]
