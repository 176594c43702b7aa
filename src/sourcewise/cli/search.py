"""``sourcewise search QUERY [--db URL]``: full-text search over stored documents."""

from __future__ import annotations

import argparse
import json

from sourcewise.cli.ledger_options import add_db_option, open_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="full-text search over stored documents, with highlighted snippets",
        description='Every word must occur (stemmed); "quoted words" must occur together.',
    )
    p.add_argument("query", nargs="+", metavar="QUERY")
    add_db_option(p)
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_from(args) as store:
        hits = store.search(" ".join(args.query), limit=args.limit)
    if args.format == "json":
        for h in hits:
            print(
                json.dumps(
                    {
                        "document_id": h.document_id,
                        "title": h.title,
                        "publisher": h.publisher,
                        "source": h.source,
                        "snippet": h.snippet,
                    },
                    ensure_ascii=False,
                )
            )
    else:
        from sourcewise.render.incidents import print_search

        print_search(hits)
    return 0
