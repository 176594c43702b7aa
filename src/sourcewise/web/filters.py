"""Jinja2 filters: small formatting helpers, each safe on untrusted input."""

from __future__ import annotations

from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from sourcewise.reconcile import Claim
from sourcewise.render.incidents import claim_number
from sourcewise.store.base import HL_END, HL_START


def http_url(value: str | None) -> str | None:
    """The URL if it is plain http(s) with a host, else None: ``javascript:`` and friends never become links."""
    if not value:
        return None
    v = value.strip()
    try:
        parts = urlsplit(v)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in v for c in "\x00\r\n\t <>\"'`"):
        return None
    return v


def snippet_html(snippet: str) -> Markup:
    """A search snippet with its matched words in ``<mark>``: each piece escaped, markers become tags."""
    out = []
    rest = snippet
    while HL_START in rest:
        before, _, after = rest.partition(HL_START)
        word, _, rest = after.partition(HL_END)
        out.append(f"{escape(before)}<mark>{escape(word)}</mark>")
    out.append(str(escape(rest)))
    return Markup("".join(out))


def short_id(value: str | None, n: int = 10) -> str:
    return (value or "")[:n]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def number(value: int | float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if isinstance(value, float) else f"{value:,}"


def claim_text(c: Claim) -> str:
    return claim_number(c)


def label(value: str | None) -> str:
    """``analysis_opinion`` -> ``analysis opinion``."""
    return (value or "").replace("_", " ")


def install(env: jinja2.Environment) -> None:
    env.filters.update(
        http_url=http_url,
        snippet_html=snippet_html,
        short_id=short_id,
        percent=percent,
        number=number,
        claim_text=claim_text,
        label=label,
    )
