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
