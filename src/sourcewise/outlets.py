"""The outlet registry: who owns and funds a publisher, as public record says.

A document's own funding disclosure is what the source says about itself; the
registry is what others (a statute, a charter, the outlet's official page) say
about it. Entries live in a data file (the bundled ``nlp/lexicons/outlets.json``
plus an optional user file of the same shape), each with the source of its
facts. Nothing here infers an affiliation from a country or a viewpoint: an
outlet that is not in the registry simply has no entry.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from sourcewise.errors import UsageError
from sourcewise.records import Outlet

#: Environment variable naming a user registry file when no --outlets option is given.
ENV_VAR = "SOURCEWISE_OUTLETS"
ERROR_CODE = "SW403"
_FIELDS = ("name", "owner", "funding", "affiliation", "source")


@dataclass(frozen=True, slots=True)
class Entry:
    outlet: Outlet
    domains: tuple[str, ...]
    names: tuple[re.Pattern[str], ...]

    def matches(self, host: str, publisher: str) -> bool:
        if host and any(host == d or host.endswith("." + d) for d in self.domains):
            return True
        return bool(publisher) and any(p.search(publisher) for p in self.names)


@dataclass(frozen=True, slots=True)
class Registry:
    entries: tuple[Entry, ...]

    def lookup(self, url: str | None = None, publisher: str | None = None) -> Outlet | None:
        """The entry for a document's URL (preferred) or publisher name, or None."""
        host = _host(url)
        if host:
            for e in self.entries:
                if e.matches(host, ""):
                    return e.outlet
        if publisher:
            for e in self.entries:
                if e.matches("", publisher):
                    return e.outlet
        return None


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _name_pattern(name: str) -> re.Pattern[str]:
    # Acronyms ("RT", "BBC") must match as written; longer names in any case.
    flags = 0 if name.isupper() and len(name) <= 6 else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flags)


def parse_entries(data: object, origin: str) -> list[Entry]:
    """Entries from a registry document; raises UsageError (SW403) on a malformed one."""
    items = data.get("outlets") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise UsageError(f"outlet registry {origin}: expected an object with an 'outlets' list", code=ERROR_CODE)
    entries = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item.get("source"):
            raise UsageError(
                f"outlet registry {origin}: entry {i + 1} needs a 'name' and a 'source' (where its facts come from)",
                code=ERROR_CODE,
            )
        domains = item.get("domains") or []
        names = item.get("names") or [item["name"]]
        if not all(isinstance(x, str) for x in [*domains, *names]):
            raise UsageError(
                f"outlet registry {origin}: entry {i + 1} has non-string domains or names", code=ERROR_CODE
            )
        values = {k: (str(item[k]) if item.get(k) is not None else None) for k in _FIELDS}
        entries.append(
            Entry(
                outlet=Outlet(
                    name=values["name"] or "",
                    owner=values["owner"],
                    funding=values["funding"],
                    affiliation=values["affiliation"],
                    source=values["source"] or "",
                ),
                domains=tuple(_host(d) or d.lower() for d in domains),
                names=tuple(_name_pattern(n) for n in names if n.strip()),
            )
        )
    return entries


@lru_cache(maxsize=1)
def _bundled() -> tuple[Entry, ...]:
    raw = resources.files("sourcewise.nlp.lexicons").joinpath("outlets.json").read_text("utf-8")
    return tuple(parse_entries(json.loads(raw), "(bundled)"))


@lru_cache(maxsize=8)
def load(user_file: str | None = None) -> Registry:
    """The bundled registry with a user file's entries first (a same-named user entry replaces the bundled one)."""
    user: list[Entry] = []
    if user_file:
        path = Path(user_file)
        try:
            data = json.loads(path.read_text("utf-8"))
        except OSError as exc:
            raise UsageError(
                f"outlet registry {path} is not readable: {exc.strerror or exc}", code=ERROR_CODE
            ) from None
        except ValueError as exc:
            raise UsageError(f"outlet registry {path} is not valid JSON: {exc}", code=ERROR_CODE) from None
        user = parse_entries(data, str(path))
    replaced = {e.outlet.name.lower() for e in user}
    return Registry(tuple(user) + tuple(e for e in _bundled() if e.outlet.name.lower() not in replaced))


def user_file_from_env(option: str | None) -> str | None:
    """The --outlets option if given, else the SOURCEWISE_OUTLETS environment variable."""
    return option or os.environ.get(ENV_VAR) or None
