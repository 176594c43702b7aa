"""``sourcewise reanalyze [--db URL] [--all]``: refresh reports made by an older pipeline version."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from sourcewise.cli.common import add_analysis_options, report_failure, settings_from
from sourcewise.cli.ledger_options import add_db_option, open_from
from sourcewise.errors import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reanalyze",
        help="refresh stored reports made by an older pipeline version",
        description="Analyse again, from the stored text, every document whose report was made by another "
        "pipeline version (or every document with --all), and regroup incidents.",
    )
    add_db_option(p)
    p.add_argument("--all", action="store_true", help="analyse every stored document again")
    p.add_argument(
        "--batch-size",
        type=int,
        default=None,
        metavar="N",
        help="documents per batch, each batch stored as it is analysed (default: 32)",
    )
    add_analysis_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sourcewise.ledger import reanalyze

    settings = settings_from(args)
    if args.batch_size is not None:
        if args.batch_size < 1:
            raise UsageError("--batch-size must be at least 1")
        settings = replace(settings, batch_size=args.batch_size)
    with open_from(args) as store:
        summary = reanalyze(store, settings, on_failure=report_failure, everything=args.all)
    print(
        f"sourcewise: {summary.stored + summary.failed} report(s) refreshed, {summary.failed} failed", file=sys.stderr
    )
    return 1 if summary.failed else 0
