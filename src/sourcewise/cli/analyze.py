"""``sourcewise analyze PATH... [--format json|text|markdown]``."""

from __future__ import annotations

import argparse
import json
import sys

from sourcewise.cli.common import add_analysis_options, report_failure, settings_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze",
        help="analyse articles and print their reports",
        description="Analyse .txt, .html, .jsonl files or folders of them; print one report per document.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (.txt, .html, .jsonl, .warc)")
    p.add_argument(
        "--format",
        choices=("json", "text", "markdown"),
        default="text",
        help="json: one report-v1 object per line; text: a terminal report; markdown: a shareable report",
    )
    add_analysis_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sourcewise.ingest import Failure, Loaded, iter_inputs

    settings = settings_from(args)
    loaded_ok = 0
    failed = 0

    def documents():
        nonlocal failed
        for item in iter_inputs(args.paths, settings):
            if isinstance(item, Failure):
                failed += 1
                report_failure(item.source, item.code, item.message)
            elif isinstance(item, Loaded):
                yield item.document

    render = _renderer(args.format)
    for out in _analyze(documents(), settings):
        if isinstance(out, Failure):
            failed += 1
            report_failure(out.source, out.code, out.message)
            continue
        loaded_ok += 1
        render(out)
    total = loaded_ok + failed
    if failed or total != 1 or args.format != "json":
        print(f"sourcewise: {loaded_ok} of {total} document(s) analysed, {failed} failed", file=sys.stderr)
    return 1 if failed or total == 0 else 0


def _analyze(documents, settings):
    """Load the pipeline only once there is a document to analyse (bad input fails fast)."""
    from sourcewise.analyze import Analyzer

    iterator = iter(documents)
    first = next(iterator, None)
    if first is None:
        return
    analyzer = Analyzer(settings)

    def chain():
        yield first
        yield from iterator

    yield from analyzer.analyze_many(chain())


def _renderer(fmt: str):
    if fmt == "json":

        def emit(report):
            # U+2028/U+2029 are line breaks to str.splitlines(): escaped, one report stays one line.
            line = json.dumps(report.to_dict(), ensure_ascii=False)
            sys.stdout.write(line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n")
            sys.stdout.flush()

        return emit
    if fmt == "markdown":
        from sourcewise.render.markdown import render_markdown

        return lambda report: sys.stdout.write(render_markdown(report) + "\n")
    from sourcewise.render.text import print_report

    return print_report
