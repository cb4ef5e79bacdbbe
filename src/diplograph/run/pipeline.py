"""The pipeline: the per-document stages, in order, written once.

    source files ─ read ─▶ Document ─ clean ─▶ Article(s) ─ link near-duplicates ─▶
    Article(s) ─ parse, resolve actors, code (batched) ─▶ Event(s) ─▶ DocumentResult

Each document succeeds or fails on its own: a failure becomes one
:class:`~diplograph.records.DocumentError` and the run goes on. The engines
(:mod:`diplograph.run.local`, :mod:`diplograph.run.ray`) only schedule these
functions and store what they return; :func:`read_articles` and
:func:`process_paths` are the stateless paths behind ``diplograph articles`` and
``diplograph extract``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence

from diplograph.coding.stage import ArticleCoder
from diplograph.errors import DiplographError
from diplograph.pages.articles import extract_articles
from diplograph.pages.dedup import NearDuplicateIndex
from diplograph.pages.sources import iter_documents
from diplograph.records import (
    Article,
    Document,
    DocumentError,
    DocumentResult,
    KnownSources,
    SkippedInput,
)
from diplograph.run.timeout import DocumentTimeout, time_limit
from diplograph.settings import Settings

logger = logging.getLogger(__name__)

Cleaned = tuple[Document, list[Article]]


def clean_document(doc: Document, settings: Settings) -> list[Article] | DocumentError:
    """A document's cleaned articles, or one error line (never raises for bad input).

    Args:
        doc: a document from :func:`diplograph.pages.sources.iter_documents`.
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
    known: KnownSources | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
) -> Iterator[Cleaned | DocumentError | Document]:
    """Read, clean and link near-duplicates, in input order: a document with its
    articles, an error, or (for documents ``stored`` says need no work) the document.
    ``known`` and ``on_skip`` go to :func:`~diplograph.pages.sources.iter_documents`."""
    linker = DuplicateLinker()
    for item in iter_documents(paths, max_bytes=settings.max_bytes, known=known,
                               follow_symlinks=settings.follow_symlinks, on_skip=on_skip):
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
    known: KnownSources | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
) -> Iterator[DocumentResult | DocumentError | Document]:
    """The per-document pipeline; yields, in input order, a result or error per document.

    Args:
        paths: files, directories or globs.
        settings: pipeline settings.
        coder: a loaded coder to reuse (loaded on first need otherwise).
        stored: returns the stored articles of a document that need not be
            processed again (unchanged), or None to process it. Skipped
            documents are yielded as the :class:`Document` itself.
        known: the stored documents' ids and sources (so ids never collide).
        on_skip: called once per input file skipped on purpose.
    """
    batch: list[Cleaned] = []
    for item in iter_cleaned(paths, settings, stored=stored, known=known, on_skip=on_skip):
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


def read_articles(
    paths: Iterable[str], settings: Settings
) -> Iterator[Cleaned | DocumentError]:
    """Documents and their cleaned articles, near-duplicates linked; errors inline.

    Cleaning runs under the per-document time limit, as in an ingest.
    """
    yield from iter_cleaned(paths, settings)  # type: ignore[misc]  # no `stored`: no bare Documents


def process_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    coder: ArticleCoder | None = None,
) -> Iterator[DocumentResult | DocumentError]:
    """Run the whole per-document pipeline; yields one result or error per document.

    This is :func:`iter_results` without a store: what ``diplograph extract`` prints.

    Args:
        paths: files, directories or globs.
        settings: pipeline settings (defaults + environment when None).
        coder: a loaded coder to reuse.
    """
    settings = settings or Settings.from_env()
    for item in iter_results(paths, settings, coder=coder):
        if isinstance(item, (DocumentResult, DocumentError)):
            yield item
