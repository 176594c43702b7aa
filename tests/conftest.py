"""Shared fixtures: the analysis pipeline (loaded once) and the shared corpus (skipped if absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (CI), or further up for a worktree under wt/
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def analyzer():
    from sourcewise.analyze import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def analyze(analyzer):
    """Analyse a string and return its report."""
    from sourcewise.ingest.base import document_id
    from sourcewise.records import Document

    def run(text: str, **meta):
        doc = Document(id=document_id(text.encode()), source="<test>", text=text, **meta)
        return analyzer.analyze(doc)

    return run


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "gold").is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


def load_gold(name: str) -> dict:
    return json.loads((CORPUS / "gold" / f"{name}.json").read_text())


# ---- PostgreSQL: a real cluster for the ledger's tests (tests/pgcluster.py)


@pytest.fixture(scope="session")
def pg_server():
    """URL of a PostgreSQL server: $SOURCEWISE_TEST_PG_URL, else a cluster started for this session.

    Skips where PostgreSQL is not installed, except on CI (CI=true), where a
    missing PostgreSQL fails: .ci/run installs it, and the suite skips nothing there.
    """
    import os

    external = os.environ.get("SOURCEWISE_TEST_PG_URL")
    if external:
        yield external
        return
    import subprocess

    from tests.pgcluster import PgCluster

    try:
        cluster = PgCluster().start()
    except (FileNotFoundError, KeyError, OSError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required on CI: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty database on the session's server for one test (dropped afterwards)."""
    import uuid

    import psycopg

    name = "sw_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, _ = pg_server.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def analyze_isaf():
    """Analyse a string under the ISAF counting convention."""
    from sourcewise.analyze import Analyzer
    from sourcewise.ingest.base import document_id
    from sourcewise.records import Document
    from sourcewise.settings import Settings

    analyzer = Analyzer(Settings(convention="isaf"))

    def run(text: str, **meta):
        doc = Document(id=document_id(text.encode()), source="<test>", text=text, **meta)
        return analyzer.analyze(doc)

    return run
