"""``sourcewise prepare``: build the cached data sourcewise needs (the gazetteer index) ahead of time."""

from __future__ import annotations

import argparse
import time


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "prepare",
        help="build the gazetteer index now (at install or image-build time) so that no analysis waits for it",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sourcewise.geo.gazetteer import prepare

    started = time.perf_counter()
    path = prepare()
    took = time.perf_counter() - started
    if path is None:
        print(
            f"sourcewise: no writable cache folder; the gazetteer index is built in memory by each process ({took:.1f} s)"
        )
    else:
        print(f"sourcewise: gazetteer index ready: {path} ({took:.1f} s)")
    return 0
