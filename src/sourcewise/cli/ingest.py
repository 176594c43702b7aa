"""``sourcewise ingest PATH... [--db URL] [--workers N] [--engine local|dask]``: analyse documents into the ledger."""

from __future__ import annotations

import argparse
import sys

from sourcewise.cli.common import add_analysis_options, settings_from
from sourcewise.cli.ledger_options import add_db_option, open_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    from sourcewise.engines import ENGINES, default_workers

    p = sub.add_parser(
        "ingest",
        help="analyse articles and store them in the ledger",
        description="Analyse files, folders, JSONL feeds and WARC files (e.g. Common Crawl News) and store "
        "documents, raw bytes and reports in the ledger, in several worker processes or on a Dask cluster. "
        "Idempotent and resumable: documents already stored with a report of this pipeline version are "
        "skipped before analysis, so an interrupted ingest is simply run again.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (.txt, .html, .jsonl, .warc, .warc.gz)")
    add_db_option(p)
    p.add_argument("--force", action="store_true", help="analyse again even documents already stored")
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help=f"worker processes (default: the number of cores, here {default_workers()}; 1 runs in this process)",
    )
    p.add_argument("--engine", choices=ENGINES, default="local", help="where the analysis runs (default: local)")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running scheduler (tcp://host:8786); default: a local cluster",
    )
    p.add_argument("--batch-size", type=int, default=None, metavar="N", help="documents per batch (default: 32)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no line per failure")
    add_analysis_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sourcewise.engines import make_engine
    from sourcewise.errors import UsageError
    from sourcewise.ingest import input_size
    from sourcewise.ledger import ingest
    from sourcewise.render.progress import ingest_progress

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.batch_size is not None and args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    settings = settings_from(args)
    engine = make_engine(args.engine, workers=args.workers, scheduler=args.scheduler, settings=settings)
    try:
        with (
            open_from(args) as store,
            ingest_progress(input_size(args.paths), show_bar=not args.quiet, show_failures=not args.quiet) as hooks,
        ):
            summary = ingest(
                store,
                args.paths,
                settings,
                engine=engine,
                batch_size=args.batch_size,
                on_failure=hooks.on_failure,
                on_progress=hooks.on_progress,
                force=args.force,
            )
    finally:
        engine.close()
    print(f"sourcewise: {summary.line()}", file=sys.stderr)
    if summary.analysed:
        print(f"sourcewise: {summary.rate_line()}", file=sys.stderr)
    return 1 if summary.failed or summary.seen == 0 else 0
