"""The local engine: one process, batches of documents written to DuckDB as they finish.

Order of work for each input document (the order of
:func:`diplograph.sources.iter_documents`):

1. documents already stored with the same content hash are skipped, but their
   stored articles still enter the near-duplicate index, at the place the
   document has in the input. So a resumed run links duplicates exactly as an
   uninterrupted one would (the index depends on everything seen before);
2. cleaning (:func:`clean_document`) under the per-document time limit;
3. near-duplicate linking (:class:`DuplicateLinker`), sequential by nature;
4. parsing, actor resolution and coding in batches (:func:`code_documents`);
   a batch that fails or runs out of time is coded again document by
   document, so one bad document costs only itself;
5. every ``settings.batch_size`` results, one transaction (``Store.write``).

A run killed at any point leaves the database as it was after the last
committed batch; running the same command again finishes the job, and the
database then equals one from an uninterrupted run.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from diplograph.articles import extract_articles
from diplograph.db.store import DocumentResult, Store
from diplograph.dedup import NearDuplicateIndex
from diplograph.errors import DiplographError
from diplograph.pipeline import ArticleCoder
from diplograph.records import Article, Document, DocumentError, PublishedDate
from diplograph.runners.timeout import DocumentTimeout, time_limit
from diplograph.settings import Settings
from diplograph.sources import iter_documents

logger = logging.getLogger(__name__)

Cleaned = tuple[Document, list[Article]]


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did (the CLI prints :meth:`line`)."""

    documents: int = 0
    articles: int = 0
    events: int = 0
    unchanged: int = 0
    failed: int = 0

    def line(self, db: Path | str) -> str:
        return (f"ingested {self.documents} documents ({self.articles} articles, "
                f"{self.events} events) into {db}; {self.unchanged} unchanged, "
                f"{self.failed} failed")


class BatchedWrites:
    """Results written to the store one transaction per ``size`` documents, counted in
    ``summary``; ``flush`` writes what is left."""

    def __init__(self, store: Store, size: int, summary: IngestSummary) -> None:
        self.store, self.size, self.summary = store, size, summary
        self.pending: list[DocumentResult] = []

    def add(self, result: DocumentResult) -> None:
        self.pending.append(result)
        self.summary.documents += 1
        self.summary.articles += len(result.articles)
        self.summary.events += len(result.events)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        self.store.write(self.pending)
        self.pending = []


def clean_document(doc: Document, settings: Settings) -> list[Article] | DocumentError:
    """A document's cleaned articles, or one error line (never raises for bad input).

    Args:
        doc: a document from :func:`diplograph.sources.iter_documents`.
        settings: gives the per-document time limit (``doc_timeout_s``).
    """
    where = doc.path or doc.doc_id
    try:
        with time_limit(settings.doc_timeout_s, "cleaning"):
            return extract_articles(doc)
    except DiplographError as exc:
        return DocumentError(doc=where, reason=str(exc))
    except RecursionError:
        return DocumentError(doc=where, reason="extraction failed: structure nested too deeply")
    except Exception as exc:  # a cleaner bug must not stop the batch
        logger.debug("extraction failed for %s", doc.doc_id, exc_info=True)
        return DocumentError(doc=where, reason=f"extraction failed: {exc!r}")


class DuplicateLinker:
    """Links near-duplicate articles to the first one seen, in input order."""

    def __init__(self) -> None:
        self.index = NearDuplicateIndex()

    def link(self, articles: Sequence[Article]) -> list[Article]:
        """The articles, each with ``duplicate_of`` set when an earlier one is nearly the same."""
        return [self._link(a) for a in articles]

    def remember(self, articles: Iterable[Article]) -> None:
        """Add articles seen in an earlier run (stored, so not processed again)."""
        for article in articles:
            self.index.check_and_add(article)

    def _link(self, article: Article) -> Article:
        earlier = self.index.check_and_add(article)
        if earlier is None or earlier == article.key:
            return article
        return dataclasses.replace(article, duplicate_of=earlier)


def code_documents(
    batch: Sequence[Cleaned], coder: ArticleCoder, settings: Settings
) -> list[DocumentResult | DocumentError]:
    """Parse, resolve and code a batch of cleaned documents; one result or error each.

    The whole batch is coded at once (fast: one ``nlp.pipe``); if that fails or
    takes longer than ``doc_timeout_s`` per document, each document is coded
    alone under its own limit.
    """
    articles = [a for _, arts in batch for a in arts]
    limit = settings.doc_timeout_s * max(len(batch), 1) if settings.doc_timeout_s else None
    try:
        with time_limit(limit, "coding the batch"):
            events = coder(articles)
    except Exception:
        logger.debug("batch coding failed; coding document by document", exc_info=True)
        return [_code_one(doc, arts, coder, settings) for doc, arts in batch]
    by_key = dict(zip((a.key for a in articles), events))
    return [DocumentResult(doc, arts, [e for a in arts for e in by_key[a.key]])
            for doc, arts in batch]


def _code_one(doc: Document, articles: list[Article], coder: ArticleCoder,
              settings: Settings) -> DocumentResult | DocumentError:
    try:
        with time_limit(settings.doc_timeout_s, "coding"):
            events = coder(articles)
    except DocumentTimeout as exc:
        return DocumentError(doc=doc.path or doc.doc_id, reason=str(exc))
    except Exception as exc:
        logger.debug("coding failed for %s", doc.doc_id, exc_info=True)
        return DocumentError(doc=doc.path or doc.doc_id, reason=f"event coding failed: {exc!r}")
    return DocumentResult(doc, articles, [e for evs in events for e in evs])


def iter_cleaned(
    paths: Iterable[str],
    settings: Settings,
    *,
    stored: Callable[[Document], list[Article] | None] | None = None,
) -> Iterator[Cleaned | DocumentError | Document]:
    """Read, clean and link near-duplicates, in input order: a document with its
    articles, an error, or (for documents ``stored`` says need no work) the document."""
    linker = DuplicateLinker()
    for item in iter_documents(paths, max_bytes=settings.max_bytes):
        if isinstance(item, DocumentError):
            yield item
            continue
        known = stored(item) if stored else None
        if known is not None:
            linker.remember(known)
            yield item
            continue
        articles = clean_document(item, settings)
        if isinstance(articles, DocumentError):
            yield articles
            continue
        yield item, linker.link(articles)


def iter_results(
    paths: Iterable[str],
    settings: Settings,
    *,
    coder: ArticleCoder | None = None,
    stored: Callable[[Document], list[Article] | None] | None = None,
) -> Iterator[DocumentResult | DocumentError | Document]:
    """The per-document pipeline; yields, in input order, a result or error per document.

    Args:
        paths: files, directories or globs.
        settings: pipeline settings.
        coder: a loaded coder to reuse (loaded on first need otherwise).
        stored: returns the stored articles of a document that need not be
            processed again (unchanged), or None to process it. Skipped
            documents are yielded as the :class:`Document` itself.
    """
    batch: list[Cleaned] = []
    for item in iter_cleaned(paths, settings, stored=stored):
        if not isinstance(item, tuple):
            yield item
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            coder = coder or ArticleCoder(settings)
            yield from code_documents(batch, coder, settings)
            batch = []
    if batch:
        yield from code_documents(batch, coder or ArticleCoder(settings), settings)


def stored_articles(store: Store) -> Callable[[Document], list[Article] | None]:
    """A ``stored`` callback for :func:`iter_results`: unchanged documents' stored articles."""
    known = store.known_hashes()

    def lookup(doc: Document) -> list[Article] | None:
        if known.get(doc.doc_id) != doc.content_hash:
            return None
        rows = store.con.execute(
            "SELECT article_index, text FROM articles WHERE doc_id = ? ORDER BY article_index",
            [doc.doc_id]).fetchall()
        return [Article(doc_id=doc.doc_id, article_index=i, title=None, text=text,
                        published=PublishedDate(value=None)) for i, text in rows]

    return lookup


def ingest_local(
    paths: Iterable[str],
    db: Path | str,
    *,
    settings: Settings,
    on_error: Callable[[DocumentError], None] | None = None,
    progress: bool = False,
) -> IngestSummary:
    """Process ``paths`` in this process and store the results in ``db``, batch by batch.

    Args:
        paths: files, directories or globs.
        db: the DuckDB file (created if missing).
        settings: pipeline settings.
        on_error: called once per failed document.
        progress: show a progress counter on stderr.

    Returns:
        What was done.
    """
    summary = IngestSummary()
    with Store(db) as store:
        writes = BatchedWrites(store, settings.batch_size, summary)
        for result in iter_results(paths, settings, stored=stored_articles(store)):
            if isinstance(result, Document):
                summary.unchanged += 1
                continue
            if isinstance(result, DocumentError):
                summary.failed += 1
                if on_error:
                    on_error(result)
                continue
            writes.add(result)
            if progress:
                _progress(summary)
        writes.flush()
    if progress:
        _progress(summary, end=True)
    return summary


def _progress(summary: IngestSummary, end: bool = False) -> None:
    sys.stderr.write(f"\r{summary.documents} documents, {summary.events} events"
                     f"{chr(10) if end else ''}")
    sys.stderr.flush()
