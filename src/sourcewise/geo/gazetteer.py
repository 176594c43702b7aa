"""The gazetteer: folded name -> the places it may name, loaded fast from a cached index.

Building the index from GeoNames JSON takes seconds; loading the cached
``marshal`` file takes a fraction of one, which is what a CLI call or a fresh
worker process pays. The cache lives in ``$SOURCEWISE_CACHE`` (else
``$XDG_CACHE_HOME/sourcewise``, else ``~/.cache/sourcewise``; the system temp
folder if that is not writable), keyed by a fingerprint of every source, and is
rebuilt when a source changes.
If no folder is writable the index is simply built in memory.

Entries are stored column-wise (arrays and byte strings, not one object per
place) so that 240,000 places and 600,000 names stay small in memory.
"""

from __future__ import annotations

import array
import marshal
import os
import tempfile
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sourcewise.geo.build import KIND_NAMES, build_index, source_fingerprint
from sourcewise.geo.fold import fold

_FORMAT = 2


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place, as a candidate for a name in a text."""

    index: int
    gazetteer_id: str
    name: str
    kind: str  # place | admin1 | country | region
    country: str
    admin1_code: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    curated: bool
    by_alternate: bool  # reached through an alternate name, not the primary one


class _Blob(Sequence[bytes]):
    """Newline-joined byte strings addressed by an offsets array: a list without a Python object per item."""

    def __init__(self, blob: bytes, offsets: bytes) -> None:
        self._blob = blob
        self._off = array.array("I", offsets)

    def __len__(self) -> int:
        return len(self._off) - 1

    def __getitem__(self, i):  # Sequence has overloads; only int indices are used
        return self._blob[self._off[i] : self._off[i + 1] - 1]


class Gazetteer:
    """Lookup over the compact index; cheap to query, one per process."""

    def __init__(self, index: dict[str, Any]) -> None:
        self._keys = _Blob(index["key_blob"], index["key_offsets"])
        self._codes = array.array("I", index["codes"])
        self._code_off = array.array("I", index["code_offsets"])
        self._names = _Blob(index["name_blob"], index["name_offsets"])
        self._geonameids = array.array("q", index["geonameids"])
        self._other_ids: dict[int, str] = index["other_ids"]
        self._kinds: bytes = index["kinds"]
        self._countries: bytes = index["countries"]
        self._admin1_codes: list[str] = index["admin1_codes"]
        self._admin1 = array.array("H", index["admin1"])
        self._lat = array.array("d", index["lat"])
        self._lon = array.array("d", index["lon"])
        self._population = array.array("q", index["population"])
        self._curated: bytes = index["curated"]
        self._admin1_names: dict[str, str] = index["admin1_names"]
        self.demonyms: dict[str, str] = index["demonyms"]
        self.ambiguous: frozenset[str] = frozenset(index["ambiguous"])
        self._admin1_entry: dict[str, int] = {}
        self._country_entry: dict[str, int] = {}
        for kind, table in ((1, self._admin1_entry), (2, self._country_entry)):
            i = self._kinds.find(kind)
            while i >= 0:
                table[self._admin1_codes[self._admin1[i]] if kind == 1 else self._country(i)] = i
                i = self._kinds.find(kind, i + 1)

    def __len__(self) -> int:
        return len(self._kinds)

    def _position(self, key: bytes) -> int:
        return bisect_left(self._keys, key)

    def has(self, key: str) -> bool:
        """Whether a folded name is in the gazetteer."""
        k = key.encode("utf-8")
        i = self._position(k)
        return i < len(self._keys) and self._keys[i] == k

    def has_prefix(self, key: str) -> bool:
        """Whether some name starts with this folded text and a space ("khan" for "khan yunis")."""
        k = key.encode("utf-8") + b" "
        i = self._position(k)
        return i < len(self._keys) and self._keys[i].startswith(k)

    def lookup(self, name: str) -> list[Entry]:
        """Every place a name may refer to (folded first), best-known first."""
        return self.lookup_key(fold(name))

    def lookup_key(self, key: str) -> list[Entry]:
        k = key.encode("utf-8")
        i = self._position(k)
        if i >= len(self._keys) or self._keys[i] != k:
            return []
        codes = self._codes[self._code_off[i] : self._code_off[i + 1]]
        entries = [self._entry(code >> 1, bool(code & 1)) for code in codes]
        entries.sort(key=lambda e: (e.by_alternate, -e.population))
        return entries

    def admin1_entry(self, code: str | None) -> Entry | None:
        i = self._admin1_entry.get(code or "")
        return None if i is None else self._entry(i, False)

    def country_entry(self, cc: str | None) -> Entry | None:
        i = self._country_entry.get(cc or "")
        return None if i is None else self._entry(i, False)

    def admin1_name(self, code: str | None) -> str | None:
        return self._admin1_names.get(code or "")

    def _country(self, i: int) -> str:
        return self._countries[2 * i : 2 * i + 2].decode("ascii")

    def _entry(self, i: int, by_alternate: bool) -> Entry:
        code = self._admin1_codes[self._admin1[i]] or None
        kind = KIND_NAMES[self._kinds[i]]
        gid = self._geonameids[i]
        return Entry(
            index=i,
            gazetteer_id=f"geonames:{gid}" if gid >= 0 else self._other_ids[i],
            name=self._names[i].decode("utf-8"),
            kind=kind,
            country=self._country(i),
            admin1_code=code,
            admin1=self._admin1_names.get(code) if code else None,
            lat=self._lat[i],
            lon=self._lon[i],
            population=self._population[i],
            curated=bool(self._curated[i]),
            by_alternate=by_alternate,
        )


def cache_dir() -> Path:
    explicit = os.environ.get("SOURCEWISE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sourcewise"


def _candidates(name: str) -> list[Path]:
    """The cache folder, then the system temp folder (a read-only home must not cost a rebuild per process)."""
    return [cache_dir() / name, Path(tempfile.gettempdir()) / f"sourcewise-{os.getuid()}" / name]


def _load_or_build() -> dict[str, Any]:
    name = f"gazetteer-{_FORMAT}-{source_fingerprint()}.marshal"
    for path in _candidates(name):
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            continue
    index = build_index()
    for path in _candidates(name):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(index, fh)
            os.replace(tmp, path)  # atomic: concurrent workers never read half a file
            break
        except OSError:
            continue  # not writable: try the next folder, else work from memory
    return index


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built and cached on first use)."""
    return Gazetteer(_load_or_build())
