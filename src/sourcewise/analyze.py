"""The library's main job: documents in, reports out.

``Analyzer`` holds one spaCy Language (loading it takes about a second) and
turns Documents into Reports in batches through ``nlp.pipe``. A document the
pipeline fails on becomes a ``Failure`` with code SW300 and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sourcewise.errors import AnalysisError, SourcewiseError, TooLarge
from sourcewise.ingest.base import Failure
from sourcewise.ingest.base import document_id as _document_id
from sourcewise.nlp.build import shared_nlp
from sourcewise.nlp.collect import collect
from sourcewise.records import Document, Report
from sourcewise.settings import Settings

#: Text per ``nlp.pipe`` batch; see ``Analyzer.analyze_many``.
MAX_BATCH_CHARS = 40_000


class Analyzer:
    """Analyse documents with one pipeline; cheap to call repeatedly."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else shared_nlp(self.settings)

    def analyze(self, document: Document) -> Report:
        """One document's report; raises AnalysisError if the pipeline fails on it."""
        for out in self.analyze_many([document]):
            if isinstance(out, Failure):
                raise out.error
            return out
        raise AnalysisError("no report produced")  # pragma: no cover

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Report | Failure]:
        """Reports in input order; a document that breaks the pipeline yields a Failure.

        A batch holds at most ``settings.batch_size`` documents and about
        ``MAX_BATCH_CHARS`` characters: the model's working memory grows with
        the text in a batch (about 12 MB per 700-word article), while its speed
        barely does past a few thousand words.
        """
        batch: list[Document] = []
        chars = 0
        for document in documents:
            if len(document.text) > self.settings.max_chars:  # refused before the model, in input order
                if batch:
                    yield from self._run_batch(batch)
                    batch, chars = [], 0
                yield Failure(document.source, too_long(len(document.text), self.settings.max_chars))
                continue
            batch.append(document)
            chars += len(document.text)
            if len(batch) >= self.settings.batch_size or chars >= MAX_BATCH_CHARS:
                yield from self._run_batch(batch)
                batch, chars = [], 0
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> Iterator[Report | Failure]:
        try:
            docs = list(self.nlp.pipe(self._make_doc(d) for d in batch))
            results: list[Report | Failure] = [self._collect(doc, d) for doc, d in zip(docs, batch, strict=True)]
        except Exception:  # one bad document must not sink the batch: retry them one by one
            results = [self._run_one(d) for d in batch]
        yield from results

    def _run_one(self, document: Document) -> Report | Failure:
        try:
            doc = self.nlp(self._make_doc(document))
            return self._collect(doc, document)
        except SourcewiseError as exc:
            return Failure(document.source, exc)
        except Exception as exc:  # a bug in a component: report it against the input, keep going
            return Failure(document.source, AnalysisError(f"analysis failed: {type(exc).__name__}: {exc}"))

    def _collect(self, doc: Doc, document: Document) -> Report | Failure:
        try:
            return collect(doc, document)
        except SourcewiseError as exc:
            return Failure(document.source, exc)

    def _make_doc(self, document: Document) -> Doc:
        doc = self.nlp.make_doc(document.text)
        doc._.sw_document = document
        doc._.sw_settings = self.settings
        return doc


def too_long(n: int, max_chars: int) -> TooLarge:
    return TooLarge(f"text is {n:,} characters, over the analysis limit of {max_chars:,} (see --max-chars)")


def analyze_text(
    text: str,
    *,
    source: str = "<text>",
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
) -> Report:
    """Analyse a string: the quickest way in from Python (the id is the hash of its UTF-8 bytes)."""
    document = Document(
        id=_document_id(text.encode("utf-8")),
        source=source,
        text=text,
        url=url,
        title=title,
        publisher=publisher,
        published=published,
    )
    return Analyzer(settings).analyze(document)
