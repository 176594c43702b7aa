"""``sourcewise ingest PATH... [--db URL]``: analyse documents and store them in the ledger."""

from __future__ import annotations

import argparse
import sys

from sourcewise.cli.common import add_analysis_options, report_failure, settings_from
from sourcewise.cli.ledger_options import add_db_option, open_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="analyse articles and store them in the ledger",
        description="Analyse files or folders and store documents, raw bytes and reports in the ledger. "
        "Idempotent: documents already stored with a report of this pipeline version are skipped.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (.txt, .html, .jsonl, .warc)")
    add_db_option(p)
    p.add_argument("--force", action="store_true", help="analyse again even documents already stored")
    add_analysis_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sourcewise.ledger import ingest

    settings = settings_from(args)
    with open_from(args) as store:
        summary = ingest(store, args.paths, settings, on_failure=report_failure, force=args.force)
    print(f"sourcewise: {summary.line()}", file=sys.stderr)
    return 1 if summary.failed or summary.seen == 0 else 0
