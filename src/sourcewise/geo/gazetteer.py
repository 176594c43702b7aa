"""The gazetteer: folded name -> the places it may name, loaded fast from a cached index.

Building the index from GeoNames JSON takes 10-30 seconds; loading the cached
``marshal`` file takes a fraction of one, which is what a CLI call or a fresh
worker process pays. The cache lives in ``$SOURCEWISE_CACHE`` (else
``$XDG_CACHE_HOME/sourcewise``, else ``~/.cache/sourcewise``; the system temp
folder if that is not writable), keyed by a fingerprint of every source, and is
rebuilt when a source changes. ``sourcewise prepare`` builds it ahead of time
(``make`` runs it after installing; a container image runs it with
``SOURCEWISE_CACHE`` set to a folder that may be read-only at run time).

Parallel workers that find no index build it once: the first takes a lock
in the cache folder, the others wait for it and then read its file, which is
written to a temporary name and renamed (never half a file). A folder that
is not writable is skipped; if none is, the process builds the index in memory.

Entries are stored column-wise (arrays and byte strings, not one object per
place) so that 240,000 places and 600,000 names stay small in memory.
"""

from __future__ import annotations

import array
import contextlib
import marshal
import os
import tempfile
import time
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sourcewise.geo.build import KIND_NAMES, build_index, source_fingerprint
from sourcewise.geo.fold import fold

_FORMAT = 2
#: Cached indexes of other sources (other checkouts, older releases) unused this long are deleted.
STALE_DAYS = 14


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
    """Where the built index is kept: ``$SOURCEWISE_CACHE``, else ``$XDG_CACHE_HOME/sourcewise``, else ``~/.cache``."""
    explicit = os.environ.get("SOURCEWISE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sourcewise"


def index_name() -> str:
    """The cache file's name: changes with the sources, the builder and the marshal format."""
    return f"gazetteer-{_FORMAT}-m{marshal.version}-{source_fingerprint()}.marshal"


def _candidates(name: str) -> list[Path]:
    """The cache folder, then the system temp folder (a read-only home must not cost a rebuild per process)."""
    return [cache_dir() / name, Path(tempfile.gettempdir()) / f"sourcewise-{os.getuid()}" / name]


def _read(path: Path) -> dict[str, Any] | None:
    try:
        index = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return index if isinstance(index, dict) else None


def _write(path: Path, index: dict[str, Any]) -> None:
    """Write through a temporary file and rename: a concurrent reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
    try:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(index, fh)
        os.chmod(tmp, 0o644)  # a shared cache folder (a container image, CI) is read by other users
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _prune(keep: Path) -> None:
    """Drop indexes of other sources that nobody has used for STALE_DAYS (other checkouts may still use recent ones)."""
    cutoff = time.time() - STALE_DAYS * 86400
    for old in keep.parent.glob("gazetteer-*.marshal"):
        with contextlib.suppress(OSError):
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()


def _touch(path: Path) -> None:
    """Mark a cache file as used (at most daily), so that pruning keeps it."""
    with contextlib.suppress(OSError):
        if path.stat().st_mtime < time.time() - 86400:
            os.utime(path)


@contextlib.contextmanager
def _build_lock(folder: Path) -> Iterator[None]:
    """One builder per cache folder: parallel workers wait for it instead of each spending the build's CPU and memory."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): concurrent builds are still safe, only wasteful
        yield
        return
    with open(folder / ".gazetteer.lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _load_or_build() -> tuple[dict[str, Any], Path | None]:
    """The index and the file it came from or went to (None: built in memory, no folder was writable)."""
    name = index_name()
    for path in _candidates(name):
        index = _read(path)
        if index is not None:
            _touch(path)
            return index, path
    index = None
    for path in _candidates(name):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _build_lock(path.parent):
                ready = _read(path)  # another process may have built it while this one waited
                if ready is not None:
                    return ready, path
                if index is None:
                    index = build_index()
                _write(path, index)
                _prune(path)
                return index, path
        except OSError:
            continue  # not writable: try the next folder
    return (index if index is not None else build_index()), None  # nowhere to keep it: work from memory


def prepare() -> Path | None:
    """Build the index now (at install or image-build time) so that no analysis pays for it; returns its file."""
    return _load_or_build()[1]


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built and cached on first use)."""
    return Gazetteer(_load_or_build()[0])
