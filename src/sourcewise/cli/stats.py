"""``sourcewise stats [--db URL] [--format json|text]``: what the ledger holds."""

from __future__ import annotations

import argparse
import json

from sourcewise.cli.ledger_options import add_db_option, open_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="count documents, reports, incidents, claims and failures in the ledger")
    add_db_option(p)
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_from(args) as store:
        stats = store.stats()
    if args.format == "json":
        print(json.dumps(stats.to_dict()))
    else:
        from sourcewise.render.incidents import print_stats

        print_stats(stats)
    return 0
