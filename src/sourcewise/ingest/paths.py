"""Walk what the user named: files by type, folders recursively, in a stable order.

``iter_items`` streams raw items (one document's bytes each) and is what the
batch engines consume; ``iter_inputs`` also loads them, for callers that want
Documents directly. Containers (JSONL, WARC) are read from the open file, one
document at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from sourcewise.errors import SourcewiseError, TooLarge, UnreadableInput, UnsupportedInput
from sourcewise.ingest.base import Failure, Loaded, document_id
from sourcewise.ingest.items import RawItem, load
from sourcewise.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
# In a folder, only what is certainly an article or a feed (a README.md is neither).
FOLDER_SUFFIXES = {".txt", ".text"} | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES


def iter_inputs(paths: Iterable[str | os.PathLike[str]], settings: Settings) -> Iterator[Loaded | Failure]:
    """Every document under the given paths, or a Failure where one cannot be read."""
    for item in iter_items(paths, settings):
        yield item if isinstance(item, Failure) else load(item, settings.max_bytes)


def read_path(path: Path, settings: Settings) -> Iterator[Loaded | Failure]:
    """The documents of one file."""
    yield from iter_inputs([path], settings)


def iter_items(paths: Iterable[str | os.PathLike[str]], settings: Settings) -> Iterator[RawItem | Failure]:
    """Every document's bytes under the given paths (not yet decoded), or a Failure for what cannot be read.

    Each item's ``end`` is the number of input bytes read so far, over all the
    paths in order (see ``input_size``).
    """
    base = 0
    for path in _files(paths):
        yield from _split(path, settings, base)
        base += _size(path)


def input_size(paths: Iterable[str | os.PathLike[str]]) -> int:
    """Bytes of all the files ``iter_items`` will read: the total a progress bar counts toward."""
    return sum(_size(p) for p in _files(paths))


def _files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(f for f in path.rglob("*") if f.is_file() and _suffix(f) in FOLDER_SUFFIXES)
        else:
            yield path


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def locator(path: Path) -> str:
    """A path as a source locator that can be stored, printed and sent as UTF-8 on one line.

    File names are bytes: one that is not UTF-8 arrives with surrogate escapes, which no database
    or UTF-8 stream accepts; control and format characters (a newline, a right-to-left override)
    would break a one-line error or disguise the name. Those are written as escapes (``caf\\xe9.txt``).
    """
    name = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)


def _split(path: Path, settings: Settings, base: int) -> Iterator[RawItem | Failure]:
    source = locator(path)
    try:
        suffix = _suffix(path)
        if suffix in JSONL_SUFFIXES or suffix in WARC_SUFFIXES:
            with _open(path) as stream:
                if suffix in JSONL_SUFFIXES:
                    from sourcewise.ingest.jsonl import split_jsonl

                    yield from split_jsonl(stream, source, settings.max_bytes, base)
                else:
                    from sourcewise.ingest.warc import split_warc

                    yield from split_warc(stream, source, settings.max_bytes, base)
            return
        if suffix in TEXT_SUFFIXES:
            kind = "text"
        elif suffix in HTML_SUFFIXES:
            kind = "html"
        else:
            raise UnsupportedInput(
                f"unsupported file type {suffix or '(none)'!r}: expected .txt, .html, .jsonl, .warc or a folder"
            )
        raw = _read_bytes(path, settings.max_bytes)
        yield RawItem(kind, source, raw, document_id(raw), end=base + len(raw))
    except SourcewiseError as exc:
        yield Failure(source, exc)
    except OSError as exc:  # the disk failed mid-file
        yield Failure(source, _unreadable(path, exc))


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".warc.gz", ".warc")):
        return ".warc.gz" if name.endswith(".gz") else ".warc"
    return path.suffix.lower()


def _check_file(path: Path) -> None:
    if not path.exists():
        raise UnreadableInput(f"no such file or folder: {locator(path)}")
    if not path.is_file():
        raise UnreadableInput(f"not a regular file: {locator(path)}")


def _open(path: Path):  # -> BinaryIO
    """Open a container (JSONL, WARC) for streaming; it may be far larger than one document."""
    try:
        _check_file(path)
        return path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read one document's file, refusing it before reading when it is over the limit."""
    try:
        _check_file(path)
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"input is {size:,} bytes, over the limit of {max_bytes:,} (see --max-bytes)")
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: OSError) -> UnreadableInput:
    if isinstance(exc, PermissionError):
        return UnreadableInput(f"permission denied: {locator(path)}")
    if isinstance(exc, IsADirectoryError):
        return UnreadableInput(f"is a folder: {locator(path)}")
    return UnreadableInput(f"cannot read {locator(path)}: {exc.strerror or exc}")
