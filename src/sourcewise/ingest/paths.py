"""Walk what the user named: files by type, folders recursively, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from sourcewise.errors import SourcewiseError, TooLarge, UnreadableInput, UnsupportedInput
from sourcewise.ingest.base import Failure, Loaded
from sourcewise.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# In a folder, only what is certainly an article or a feed (a README.md is neither).
FOLDER_SUFFIXES = {".txt", ".text"} | HTML_SUFFIXES | JSONL_SUFFIXES


def iter_inputs(paths: Iterable[str | os.PathLike[str]], settings: Settings) -> Iterator[Loaded | Failure]:
    """Every document under the given paths, or a Failure where one cannot be read."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and _suffix(f) in FOLDER_SUFFIXES | _extra())
            for f in files:
                yield from read_path(f, settings)
        else:
            yield from read_path(path, settings)


def read_path(path: Path, settings: Settings) -> Iterator[Loaded | Failure]:
    source = str(path)
    try:
        suffix = _suffix(path)
        reader = _reader(suffix)
        if reader is None:
            raise UnsupportedInput(
                f"unsupported file type {suffix or '(none)'!r}: expected .txt, .html, .jsonl or a folder"
            )
        raw = _read_bytes(path, settings.max_bytes, allow_large=suffix in JSONL_SUFFIXES | _extra())
        yield from reader(raw, source, settings)
    except SourcewiseError as exc:
        yield Failure(source, exc)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".warc.gz", ".warc")):
        return ".warc.gz" if name.endswith(".gz") else ".warc"
    return path.suffix.lower()


def _extra() -> set[str]:
    """Suffixes handled by optional readers (WARC)."""
    return {".warc", ".warc.gz"}


def _read_bytes(path: Path, max_bytes: int, allow_large: bool) -> bytes:
    """Read a file; containers of many documents (JSONL, WARC) may exceed the per-document limit."""
    try:
        if not path.exists():
            raise UnreadableInput(f"no such file or folder: {path}")
        if not path.is_file():
            raise UnreadableInput(f"not a regular file: {path}")
        size = path.stat().st_size
        if size > max_bytes and not allow_large:
            raise TooLarge(f"input is {size:,} bytes, over the limit of {max_bytes:,} (see --max-bytes)")
        return path.read_bytes()
    except PermissionError:
        raise UnreadableInput(f"permission denied: {path}") from None
    except IsADirectoryError:
        raise UnreadableInput(f"is a folder: {path}") from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from None


def _reader(suffix: str):
    if suffix in TEXT_SUFFIXES:
        from sourcewise.ingest.text import load_text

        return lambda raw, src, s: iter([load_text(raw, src, s.max_bytes)])
    if suffix in HTML_SUFFIXES:
        from sourcewise.ingest.html import load_html

        return lambda raw, src, s: iter([load_html(raw, src, s.max_bytes)])
    if suffix in JSONL_SUFFIXES:
        from sourcewise.ingest.jsonl import iter_jsonl

        return lambda raw, src, s: iter_jsonl(raw, src, s.max_bytes)
    if suffix in {".warc", ".warc.gz"}:
        try:
            from sourcewise.ingest.warc import iter_warc
        except ImportError:
            return None
        return lambda raw, src, s: iter_warc(raw, src, s.max_bytes)
    return None
