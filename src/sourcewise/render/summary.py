"""What both renderings say about a report, computed once."""

from __future__ import annotations

from sourcewise.records import Figure, Report, Technique


def number_text(f: Figure) -> str:
    """ "613", "500–1,000", "≥ 12 (dozens)" — the figure as a reader would write it."""
    if f.qualifier == "range":
        return f"{f.low:,}–{f.high:,}"
    if f.qualifier == "vague":
        return f"≥ {f.low:,}" if f.low is not None else "?"
    if f.value is None:
        return "?"
    return f"{f.value:,}"


def qualifier_text(f: Figure) -> str:
    return {
        "exact": "",
        "at_least": "at least",
        "more_than": "more than",
        "up_to": "up to",
        "about": "about",
        "range": "range",
        "vague": "vague",
        "implied": "implied",
    }.get(f.qualifier, f.qualifier)


def headline(report: Report) -> str:
    d = report.document
    return d.title or d.source


def metadata_lines(report: Report) -> list[tuple[str, str]]:
    d = report.document
    rows = [("source", d.source), ("id", d.id[:16] + "…")]
    for key in ("publisher", "published", "url", "byline"):
        value = getattr(d, key)
        if value:
            rows.append((key, value))
    fr = report.framing
    if fr.genre:
        rows.append(("genre", fr.genre + (f" ({'; '.join(fr.genre_cues)})" if fr.genre_cues else "")))
    if fr.sponsorship:
        rows.append(("sponsorship", fr.sponsorship.quote))
    if fr.outlet:
        rows.append(("outlet registry", outlet_text(report) or ""))
    if fr.unattributed_share is not None:
        rows.append(("unattributed figures", f"{fr.unattributed_share:.0%}"))
    return rows


def technique_flags(report: Report) -> list[Technique]:
    """The persuasion-technique flags, in text order (contested terms are listed apart, see ``contested_terms``)."""
    return [t for t in report.framing.techniques if t.label != "contested_term"]


def contested_terms(report: Report) -> list[tuple[str, int, str]]:
    """(term, how often, why it is contested) for each contested term, in order of first use."""
    seen: dict[str, list] = {}
    for t in report.framing.techniques:
        if t.label == "contested_term":
            key = t.quote.lower()
            if key not in seen:
                note = t.reason.split(": ", 1)[1] if ": " in t.reason else t.reason
                seen[key] = [t.quote, 0, note.split(" (inside a quotation")[0]]
            seen[key][1] += 1
    return [(term, n, note) for term, n, note in seen.values()]


def outlet_text(report: Report) -> str | None:
    o = report.framing.outlet
    if o is None:
        return None
    parts = [o.name] + [
        f"{k} {v}" for k, v in (("owner", o.owner), ("funding", o.funding), ("affiliation", o.affiliation)) if v
    ]
    return "; ".join(parts) + f" [source: {o.source}]"
