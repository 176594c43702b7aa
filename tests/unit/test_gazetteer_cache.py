"""The gazetteer index cache: built once per folder even by parallel workers, read-only folders, stale files.

The builder is replaced by a small counting one: these tests are about where
the index goes and who builds it, not about its content (test_gazetteer.py).
"""

from __future__ import annotations

import os
import threading
import time

import pytest

from sourcewise.geo import gazetteer


@pytest.fixture
def builds(monkeypatch, tmp_path):
    """Cache in a fresh folder, temp folder beside it; counts calls of the (slow-ish) builder."""
    calls: list[int] = []

    def build_index():
        calls.append(1)
        time.sleep(0.2)  # long enough for the other workers to arrive while it runs
        return {"built": len(calls)}

    monkeypatch.setattr(gazetteer, "build_index", build_index)
    monkeypatch.setenv("SOURCEWISE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(gazetteer.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    return calls


def test_parallel_workers_build_the_index_once(builds):
    results = []

    def worker():
        results.append(gazetteer._load_or_build())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(builds) == 1
    assert [index for index, _path in results] == [{"built": 1}] * 4
    assert len({path for _index, path in results}) == 1


def test_a_prepared_index_is_read_without_building(builds):
    path = gazetteer.prepare()
    assert path is not None and path.parent == gazetteer.cache_dir()
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)
    assert gazetteer._load_or_build() == ({"built": 1}, path)
    assert len(builds) == 1
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".gazetteer-")]  # no temporary left


def test_an_unusable_cache_folder_falls_back_to_the_temp_folder(builds, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOURCEWISE_CACHE", str(blocker / "cache"))
    index, path = gazetteer._load_or_build()
    assert index == {"built": 1}
    assert path is not None and path.is_relative_to(tmp_path / "tmp")


def test_without_any_writable_folder_the_index_is_built_in_memory(builds, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOURCEWISE_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(gazetteer.tempfile, "gettempdir", lambda: str(blocker / "tmp"))
    assert gazetteer._load_or_build() == ({"built": 1}, None)


def test_a_damaged_cache_file_is_rebuilt(builds):
    path = gazetteer.cache_dir() / gazetteer.index_name()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00half a file")
    assert gazetteer._load_or_build() == ({"built": 1}, path)


def test_stale_indexes_of_other_sources_are_pruned_recent_ones_kept(builds):
    folder = gazetteer.cache_dir()
    folder.mkdir(parents=True)
    stale, recent = (
        folder / "gazetteer-2-m4-0000000000000000.marshal",
        folder / "gazetteer-2-m4-1111111111111111.marshal",
    )
    for p in (stale, recent):
        p.write_bytes(b"x")
    old = time.time() - (gazetteer.STALE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    gazetteer.prepare()
    assert not stale.exists() and recent.exists()
