"""Exception tree with stable error codes.

Codes are part of the interface: scripts match on them, so a code never changes
meaning. SW1xx: input, SW2xx: store, SW3xx: analysis, SW4xx: usage/config,
SW5xx: web.
"""

from __future__ import annotations


class SourcewiseError(Exception):
    """Base class: every error a user can cause carries a code and one line."""

    code = "SW000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code} {self.args[0]}"


class InputError(SourcewiseError):
    code = "SW100"


class UnreadableInput(InputError):
    """The path does not exist, is not a file we can read, or permission is denied."""

    code = "SW101"


class BinaryInput(InputError):
    """The bytes are not text (NUL bytes, or an undecodable binary format)."""

    code = "SW102"


class EmptyInput(InputError):
    """Nothing but whitespace after decoding and extraction."""

    code = "SW103"


class EncodingError(InputError):
    """Neither UTF-8 nor any encoding we could detect with confidence."""

    code = "SW104"


class TooLarge(InputError):
    """Larger than the configured limit (``Settings.max_bytes``)."""

    code = "SW105"


class MalformedInput(InputError):
    """A JSONL line that is not a JSON object with a text, an HTML page with no article, ..."""

    code = "SW106"


class UnsupportedInput(InputError):
    """A file type we do not read."""

    code = "SW107"


class StoreError(SourcewiseError):
    code = "SW200"


class AnalysisError(SourcewiseError):
    """The pipeline failed on an input it accepted: a bug, reported with the input's locator."""

    code = "SW300"


class UsageError(SourcewiseError):
    code = "SW400"


class ModelMissing(UsageError):
    """The spaCy model is not installed."""

    code = "SW401"


class StoreUnavailable(StoreError):
    """The ledger cannot be opened: a bad path, a refused connection, a URL we do not understand."""

    code = "SW201"


class SchemaTooNew(StoreError):
    """The ledger was written by a newer sourcewise (its schema version is unknown here)."""

    code = "SW202"


class IntegrityError(StoreError):
    """Stored evidence does not match its hash, or a report does not belong to its bytes."""

    code = "SW203"


class NotFound(StoreError):
    """No incident, document or decision with that id (or prefix) in the ledger."""

    code = "SW204"


class EngineUnavailable(UsageError):
    """The batch engine cannot start: an unreachable Dask scheduler, an unknown engine name."""

    code = "SW410"
