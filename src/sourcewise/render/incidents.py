"""Incidents in the terminal: a one-line-per-incident list and the side-by-side comparison."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sourcewise.reconcile import Claim, IncidentView, Source
from sourcewise.render.console import stdout_console
from sourcewise.store.base import HL_END, HL_START, SearchHit, Stats

_QUALIFIER = {
    "exact": "",
    "at_least": "≥ ",
    "more_than": "> ",
    "up_to": "≤ ",
    "about": "~",
    "range": "",
    "vague": "vague ",
    "implied": "implied ",
}


def claim_number(c: Claim) -> str:
    """``≥ 161``, ``~200``, ``25–40``: the figure as its source states it."""
    if c.value is None:
        if c.low is not None and c.high is not None:
            return f"{c.low:,}–{c.high:,}"
        return f"{_QUALIFIER.get(c.qualifier, '')}{c.low:,}+" if c.low is not None else "?"
    return f"{_QUALIFIER.get(c.qualifier, '')}{c.value:,}"


def source_label(s: Source | None, doc_id: str) -> str:
    name = ((s.publisher or s.title or s.source) if s else None) or "unknown"
    if len(name) > 40:  # a headline standing in for a missing publisher
        name = name[:39].rstrip() + "…"
    return f"{name} [{doc_id[:8]}]"


def print_incident_list(views: list[IncidentView], console: Console | None = None) -> None:
    console = console or stdout_console()
    if not views:
        console.print("[dim]No incidents.[/dim]")
        return
    table = Table(expand=True)
    for col in ("id", "date", "place", "docs", "estimates (low / best / high)", "flags", "confidence"):
        table.add_column(col)
    for v in views:
        inc = v.incident
        est = "; ".join(f"{k} {e.low}/{e.best}/{e.high}" for k, e in v.estimates.items())
        flags = ", ".join(f"{f.category} x{f.ratio:g}" for f in v.flags)
        table.add_row(
            inc.id,
            inc.date or "?",
            escape(", ".join(x for x in (inc.place, inc.country) if x) or "?"),
            str(len(inc.documents)),
            escape(est or "—"),
            f"[red]{escape(flags)}[/red]" if flags else "",
            f"{inc.confidence:.2f}",
        )
    console.print(table)


def print_compare(view: IncidentView, console: Console | None = None) -> None:
    """Sources as columns, (category, subgroup) as rows, then the estimates and every quote."""
    console = console or stdout_console()
    inc = view.incident
    where = ", ".join(x for x in (inc.place, inc.admin1, inc.country) if x) or "unknown place"
    console.rule(f"[bold]Incident {inc.id}: {escape(where)}, {inc.date or 'unknown date'}")
    console.print(f"[dim]grouped with confidence {inc.confidence:.2f}: {escape(inc.reason)}[/dim]")
    docs = list(inc.documents)
    table = Table(title="Who says what", show_lines=True, expand=True)
    table.add_column("claim", no_wrap=True)
    for d in docs:
        s = view.sources.get(d)
        header = escape(source_label(s, d))
        tags = [s.genre] if s and s.genre else []
        if s and s.sponsored:
            tags.append("[bold yellow]sponsored[/bold yellow]")
        if view.copies.get(d, d) != d:
            tags.append(f"copy of {view.copies[d][:8]}")
        table.add_column(header + ("\n" + " · ".join(tags) if tags else ""), justify="right")
    rows: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for c in view.claims:
        key = (c.category, c.subgroup or ("part of " + c.part_of if c.part_of else ""))
        who = f" ({escape(c.attributed_to)})" if c.attributed_to else ""
        rows[key][c.document_id].append(claim_number(c) + who)
    for (cat, sub), cells in rows.items():
        table.add_row(
            f"{cat}{' · ' + sub if sub else ''}",
            *[escape(", ".join(dict.fromkeys(cells.get(d, [])))) or "—" for d in docs],
        )
    console.print(table)
    if view.estimates:
        est = Table(title="Estimates (low: lowest explicit figure; best: median of independent voices; high: highest)")
        for col in ("category", "low", "best", "high", "sources", "flag"):
            est.add_column(col)
        flags = {f.category: f for f in view.flags}
        for cat, e in view.estimates.items():
            f = flags.get(cat)
            est.add_row(
                cat,
                _n(e.low),
                _n(e.best),
                _n(e.high),
                f"{e.independent_sources} independent of {e.documents} document(s)",
                f"[red]sources differ x{f.ratio:g}[/red]" if f else "",
            )
        console.print(est)
    quotes = Table(title="Quotes", expand=True)
    quotes.add_column("source", ratio=1)
    quotes.add_column("figure", no_wrap=True)
    quotes.add_column("quote", ratio=3)
    for c in view.claims:
        quotes.add_row(
            escape(source_label(view.sources.get(c.document_id), c.document_id)),
            f"{c.category} {claim_number(c)}",
            escape(c.quote),
        )
    console.print(quotes)


def _n(v: int | None) -> str:
    return "—" if v is None else f"{v:,}"


def print_stats(stats: Stats, console: Console | None = None) -> None:
    console = console or stdout_console()
    table = Table(title=f"Ledger ({stats.backend}, schema {stats.schema_version})")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("documents", "reports", "events", "claims", "incidents", "failures", "decisions"):
        table.add_row(key, f"{getattr(stats, key):,}")
    for version, n in stats.pipelines.items():
        table.add_row(f"reports by pipeline {escape(version)}", f"{n:,}")
    if stats.stale_reports:
        table.add_row("[yellow]stale reports (run `sourcewise reanalyze`)[/yellow]", f"{stats.stale_reports:,}")
    console.print(table)


def print_search(hits: list[SearchHit], console: Console | None = None) -> None:
    console = console or stdout_console()
    if not hits:
        console.print("[dim]No matching documents.[/dim]")
        return
    for h in hits:
        console.print(
            f"[bold]{escape(h.title or h.source)}[/bold] [dim]{escape(h.publisher or '')} {h.document_id[:12]}[/dim]"
        )
        snippet = (
            escape(" ".join(h.snippet.split())).replace(HL_START, "[bold reverse]").replace(HL_END, "[/bold reverse]")
        )
        console.print("  " + snippet)
