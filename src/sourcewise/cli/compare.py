"""``sourcewise compare INCIDENT [--db URL]``: one incident's claims side by side."""

from __future__ import annotations

import argparse
import json

from sourcewise.cli.ledger_options import add_db_option, open_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="show what each source says about one incident, side by side")
    p.add_argument(
        "incident",
        metavar="INCIDENT",
        nargs="?",
        help="incident id (or a unique prefix of it); default: the incident reported by the most documents",
    )
    add_db_option(p)
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_from(args) as store:
        view = store.incident(args.incident) if args.incident else store.most_reported()
    if args.format == "json":
        print(json.dumps(view.to_dict(), ensure_ascii=False))
    else:
        from sourcewise.render.incidents import print_compare

        print_compare(view)
    return 0
