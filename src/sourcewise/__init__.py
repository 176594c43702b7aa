"""sourcewise: a citable ledger of claims from articles about wars and atrocities.

The public surface is small on purpose: analyse documents into reports, and the
record types those reports are made of. Everything else lives in modules whose
names say what they do (ingest, nlp, store, ...).
"""

from sourcewise.records import SCHEMA, Document, Report

__version__ = "0.1.0"

#: Bumped whenever extraction output may change for the same input, so that the
#: ledger can tell which stored reports are stale (``sourcewise reanalyze``).
PIPELINE_VERSION = f"{__version__}+p1"

__all__ = ["PIPELINE_VERSION", "SCHEMA", "Document", "Report", "__version__"]
