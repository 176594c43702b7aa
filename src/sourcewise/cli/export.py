"""``sourcewise export --format csv|jsonl|geojson [--db URL] [-o FILE]``: incidents for other tools."""

from __future__ import annotations

import argparse
import contextlib
import sys

from sourcewise.cli.ledger_options import add_db_option, open_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="export incidents as CSV (ACLED/UCDP-like), JSON Lines or GeoJSON",
        description="CSV: one row per incident and category; JSONL: one incident per line; "
        "GeoJSON: a point per incident with coordinates.",
    )
    p.add_argument("--format", choices=("csv", "jsonl", "geojson"), required=True)
    add_db_option(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--place", metavar="NAME")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sourcewise import export

    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline="")) if args.output else sys.stdout
        store = stack.enter_context(open_from(args))
        views = store.incidents(place=args.place, date_from=args.date_from, date_to=args.date_to)
        if args.format == "csv":
            n = export.write_csv(views, out)
            print(f"sourcewise: {n} row(s) exported", file=sys.stderr)
        elif args.format == "jsonl":
            n = export.write_jsonl(views, out)
            print(f"sourcewise: {n} incident(s) exported", file=sys.stderr)
        else:
            n, skipped = export.write_geojson(views, out)
            print(f"sourcewise: {n} incident(s) exported, {skipped} without coordinates left out", file=sys.stderr)
    return 0
