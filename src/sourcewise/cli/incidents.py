"""``sourcewise incidents [list|merge|split] ...``: incidents across documents, and users' decisions on them."""

from __future__ import annotations

import argparse
import json
import sys

from sourcewise.cli.ledger_options import add_db_option, open_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "incidents",
        help="list incidents across documents; merge or split them",
        description="Without an action: list incidents (one JSON object per line with --format json). "
        "`merge A B...` joins incidents; `split INCIDENT MEMBER...` takes documents (id prefixes) or "
        "DOC:EVENT members out into a new incident. Decisions are stored and survive re-ingest.",
    )
    add_db_option(p)
    _list_options(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    ls = actions.add_parser("list", help="list incidents (the default)")
    add_db_option(ls, nested=True)
    _list_options(ls, nested=True)
    m = actions.add_parser("merge", help="merge two or more incidents into one")
    m.add_argument("ids", nargs="+", metavar="INCIDENT")
    m.add_argument("--note", default="", help="why (kept with the decision)")
    add_db_option(m, nested=True)
    s = actions.add_parser("split", help="take documents or events out of an incident")
    s.add_argument("incident", metavar="INCIDENT")
    s.add_argument("members", nargs="+", metavar="MEMBER", help="document id prefix or DOC:EVENT key")
    s.add_argument("--note", default="", help="why (kept with the decision)")
    add_db_option(s, nested=True)
    p.set_defaults(run=run)


def _list_options(p: argparse.ArgumentParser, *, nested: bool = False) -> None:
    def default(value: object) -> object:
        return argparse.SUPPRESS if nested else value

    p.add_argument("--place", metavar="NAME", default=default(None), help="place, region or country (name or code)")
    p.add_argument("--from", dest="date_from", metavar="DATE", default=default(None), help="not ending before DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE", default=default(None), help="not starting after DATE")
    p.add_argument("--format", choices=("json", "text", "csv"), default=default("text"))
    p.add_argument("--limit", type=int, default=default(None), metavar="N")


def run(args: argparse.Namespace) -> int:
    with open_from(args) as store:
        if args.action == "merge":
            if len(args.ids) < 2:
                from sourcewise.errors import UsageError

                raise UsageError("merge needs at least two incidents", code="SW403")
            new = store.merge(args.ids, note=args.note)
            print(new)
            return 0
        if args.action == "split":
            new = store.split(args.incident, args.members, note=args.note)
            print(new)
            return 0
        views = store.incidents(place=args.place, date_from=args.date_from, date_to=args.date_to, limit=args.limit)
        if args.format == "json":
            for v in views:
                sys.stdout.write(json.dumps(v.to_dict(), ensure_ascii=False) + "\n")
        elif args.format == "csv":
            from sourcewise.export import write_csv

            write_csv(views, sys.stdout)
        else:
            from sourcewise.render.incidents import print_incident_list

            print_incident_list(list(views))
    return 0
