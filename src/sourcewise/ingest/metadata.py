"""Small normalisers for the metadata that arrives with a document."""

from __future__ import annotations

import re

from sourcewise.ingest.decode import valid_unicode

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_published(value: object) -> str | None:
    """``2022-04-03T10:00:00Z`` -> ``2022-04-03``; anything unparseable -> None.

    A month (``2022-04``) or a year is kept as given: it is all the source says.
    """
    if not isinstance(value, str):
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return None
    if day and not 1 <= int(day) <= 31:
        return None
    return "-".join(p for p in (year, month, day) if p)


def clean_str(value: object, limit: int = 1000) -> str | None:
    """A metadata string or None: stripped, single-line, bounded."""
    if not isinstance(value, str):
        return None
    s = " ".join(_CONTROL.sub(" ", valid_unicode(value)).split())  # PostgreSQL refuses NUL in text
    return s[:limit] or None


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def title_from_text(text: str) -> str | None:
    """A plain-text article's title: its first line when a blank line follows it."""
    head, sep, rest = text.lstrip("\n").partition("\n")
    if sep and rest.startswith("\n") and 0 < len(head.strip()) <= 300:
        return head.strip()
    return None
