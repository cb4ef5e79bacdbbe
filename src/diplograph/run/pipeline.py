"""The pipeline: the per-document stages, in order, written once.

    source files ─ read ─▶ Document ─ clean ─▶ Article(s) ─ link near-duplicates ─▶
    Article(s) ─ parse, resolve actors, code (batched) ─▶ Event(s) ─▶ DocumentResult

Each document succeeds or fails on its own: a failure becomes one
:class:`~diplograph.records.DocumentError` and the run goes on. The engines
(:mod:`diplograph.run.local`, :mod:`diplograph.run.ray`) only schedule these
functions and store what they return; :func:`read_articles` and
:func:`process_paths` are the stateless paths behind ``diplograph articles`` and
``diplograph extract``.

Where the work runs: :func:`iter_results` hands each document to worker
processes (:func:`results_in_workers`) whenever there are several or a
per-document limit is set (the default), since only a separate process can be
stopped inside C code or bounded in memory; with a coder passed in, or no limit
and one process, it codes in this process, 64 documents per ``nlp.pipe``.
Articles over ``max_doc_chars`` are refused before parsing in both.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from diplograph.errors import DiplographError
from diplograph.pages.articles import extract_articles
from diplograph.pages.dedup import NearDuplicateIndex
from diplograph.pages.sources import iter_documents
from diplograph.records import (
    Article,
    Document,
    DocumentError,
    DocumentResult,
    Event,
    KnownSources,
    SkippedInput,
)
from diplograph.run.timeout import DocumentTimeout, time_limit
from diplograph.run.workers import DocumentWorkers, Limits, single_threaded_blas
from diplograph.settings import Settings

if TYPE_CHECKING:  # imported when a coder is made: a Ray driver never parses (spaCy and torch
    from diplograph.coding.stage import ArticleCoder  # cost it 4 s of CPU to import)

logger = logging.getLogger(__name__)

Cleaned = tuple[Document, list[Article]]


# Documents whose content is their text: one longer than ``max_doc_chars`` is refused before
# cleaning, which on such a text takes as long as parsing it (17 s per million characters).
TEXT_KINDS = ("text", "jsonl")


def _too_long(what: str, chars: int, limit: int, setting: str = "max_doc_chars") -> str:
    return (f"{what} has {chars:,} characters, over the {limit:,} limit ({setting}): "
            "split the document or raise the limit")


def too_long_to_clean(doc: Document, settings: Settings) -> DocumentError | None:
    """One error line for a text or JSONL document over ``max_doc_chars`` (its content
    is its text) or a page over ``max_markup_chars`` (markup included), else None."""
    if doc.kind in TEXT_KINDS:
        limit, setting = settings.max_doc_chars, "max_doc_chars"
    else:
        limit, setting = settings.max_markup_chars, "max_markup_chars"
    if len(doc.content) > limit > 0:
        return DocumentError(doc=doc.path or doc.doc_id, reason=_too_long(
            "the document", len(doc.content), limit, setting))
    return None


def clean_document(doc: Document, settings: Settings) -> list[Article] | DocumentError:
    """A document's cleaned articles, or one error line (never raises for bad input).

    Args:
        doc: a document from :func:`diplograph.pages.sources.iter_documents`.
        settings: gives the per-document time limit (``doc_timeout_s``).
    """
    where = doc.path or doc.doc_id
    if refused := too_long_to_clean(doc, settings):
        return refused
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


def oversized(doc: Document, articles: Sequence[Article],
              settings: Settings) -> DocumentError | None:
    """One error line when an article is longer than ``max_doc_chars`` (checked before
    parsing: the parser's time and memory grow with the text)."""
    longest = max(articles, key=lambda a: len(a.text), default=None)
    limit = settings.max_doc_chars
    if longest is None or not limit or len(longest.text) <= limit:
        return None
    return DocumentError(doc=doc.path or doc.doc_id, reason=_too_long(
        f"article {longest.article_index}", len(longest.text), limit))


def code_documents(
    batch: Sequence[Cleaned], coder: ArticleCoder, settings: Settings
) -> list[DocumentResult | DocumentError]:
    """Parse, resolve and code a batch of cleaned documents; one result or error each.

    Documents with an article over ``max_doc_chars`` are refused first. The rest
    is coded at once (fast: one ``nlp.pipe``); if that fails or takes longer than
    ``doc_timeout_s`` per document, each document is coded alone under its own limit.
    """
    refused = {i: error for i, (doc, arts) in enumerate(batch)
               if (error := oversized(doc, arts, settings))}
    coded = iter(_code_batch([c for i, c in enumerate(batch) if i not in refused],
                             coder, settings))
    return [refused[i] if i in refused else next(coded) for i in range(len(batch))]


def _code_batch(
    batch: Sequence[Cleaned], coder: ArticleCoder, settings: Settings
) -> list[DocumentResult | DocumentError]:
    articles = [a for _, arts in batch for a in arts]
    limit = settings.doc_timeout_s * max(len(batch), 1) if settings.doc_timeout_s else None
    try:
        with time_limit(limit, "coding the batch"):
            events = coder(articles)
    except Exception:
        logger.debug("batch coding failed; coding document by document", exc_info=True)
        return [_code_one(doc, arts, coder, settings) for doc, arts in batch]
    per_article = iter(events)  # in the order of ``articles``: keys can collide across documents
    return [DocumentResult(doc, arts, [e for _ in arts for e in next(per_article)])
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


def read_documents(
    paths: Iterable[str],
    settings: Settings,
    *,
    known: KnownSources | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
) -> Iterator[Document | DocumentError]:
    """The input stage, as every engine reads it: the documents of ``paths`` under the
    settings' byte limit and symlink rule (see :func:`~diplograph.pages.sources.iter_documents`)."""
    return iter_documents(paths, max_bytes=settings.max_bytes, known=known,
                          follow_symlinks=settings.follow_symlinks, on_skip=on_skip)


def iter_cleaned(
    documents: Iterable[Document | DocumentError],
    settings: Settings,
    stored: Callable[[Document], list[Article] | None] | None = None,
) -> Iterator[Cleaned | DocumentError | Document]:
    """Clean and link near-duplicates, in input order: a document with its articles, an
    error, or (for documents ``stored`` says need no work) the document."""
    linker = DuplicateLinker()
    for item in documents:
        if isinstance(item, DocumentError):
            yield item
            continue
        previous = stored(item) if stored else None
        if previous is not None:
            linker.remember(previous)
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
    documents = read_documents(paths, settings, known=known, on_skip=on_skip)
    if coder is None and uses_workers(settings):
        yield from results_in_workers(documents, settings, stored)
        return
    batch: list[Cleaned] = []
    for item in iter_cleaned(documents, settings, stored):
        if not isinstance(item, tuple):
            yield item
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            coder = coder or new_coder(settings)
            yield from code_documents(batch, coder, settings)
            batch = []
    if batch:
        yield from code_documents(batch, coder or new_coder(settings), settings)


def uses_workers(settings: Settings) -> bool:
    """Documents go to worker processes when there are several, or when a per-document
    limit is set (only a separate process can be stopped in C code or bounded in memory)."""
    return settings.n_process > 1 or settings.doc_timeout_s > 0 or settings.doc_memory_mb > 0


@dataclasses.dataclass(slots=True)
class Coded:
    """What a worker sends back for one document: its articles and their events (the
    document itself stays with the parent)."""

    articles: list[Article]
    events: list[Event]


def work_on_document(coder: ArticleCoder, doc: Document,
                     settings: Settings) -> Coded | DocumentError:
    """Clean and code one document, in a worker process: :func:`work_on_documents`."""
    return work_on_documents(coder, [doc], settings)[0]


def work_on_documents(coder: ArticleCoder, docs: list[Document],
                      settings: Settings) -> list[Coded | DocumentError]:
    """Clean and code documents in a worker process, one outcome each; their articles are
    parsed in one ``nlp.pipe`` (:func:`code_documents`). Their time and memory are watched
    by the parent (:mod:`diplograph.run.workers`), so no alarm is set here.
    Near-duplicates are linked later, by the parent, in input order."""
    return clean_and_code(coder, docs, settings.model_copy(update={"doc_timeout_s": 0}))


def clean_and_code(coder: ArticleCoder, docs: list[Document],
                   settings: Settings) -> list[Coded | DocumentError]:
    """Clean and code documents, one outcome each, under ``settings``' time limit (an alarm:
    :func:`clean_document`, :func:`code_documents`); near-duplicates are not linked (that
    needs the input order: :func:`linked_result`, in the caller)."""
    cleaned = [(doc, clean_document(doc, settings)) for doc in docs]
    coded = iter(code_documents([(doc, articles) for doc, articles in cleaned
                                 if not isinstance(articles, DocumentError)],
                                coder, settings))
    return [articles if isinstance(articles, DocumentError) else _sent_back(next(coded))
            for _, articles in cleaned]


def _sent_back(coded: DocumentResult | DocumentError) -> Coded | DocumentError:
    if isinstance(coded, DocumentError):
        return coded
    return Coded(coded.articles, coded.events)


# Cleaned and coded by each worker before its first real document: the language
# identifier and the HTML cleaner load on first use (13 s on a loaded machine), which
# must not count against a document's time limit.
WARM_UP = (
    Document(doc_id="warm-up", kind="text", content_hash="warm-up",
             content="OTTAWA — Canada and France held talks in Paris on Monday.\n"),
    Document(doc_id="warm-up", kind="html", content_hash="warm-up",
             content="<html><body><p>Canada and France held talks.</p></body></html>"),
)


def new_coder(settings: Settings) -> ArticleCoder:
    """A coder (spaCy and the knowledge base loaded), imported only where one is made."""
    from diplograph.coding.stage import ArticleCoder

    return ArticleCoder(settings)


def load_coder(settings: Settings) -> ArticleCoder:
    """The coder a worker uses (one process's: ``n_process`` 1), warmed up on
    :data:`WARM_UP`."""
    coder = new_coder(settings.model_copy(update={"n_process": 1}))
    for doc in WARM_UP:
        work_on_document(coder, doc, settings)
    return coder


def load_worker(settings: Settings) -> ArticleCoder:
    """A worker's coder loaded in this process (:func:`load_coder`), set up as a worker:
    :func:`ready_worker`. What benchmarks run to measure a worker in one process."""
    return ready_worker(load_coder(settings))


def ready_worker(coder: ArticleCoder) -> ArticleCoder:
    """A worker's setup, run in the worker process on the coder the parent loaded before
    forking it.

    A worker is one core's work: NumPy's BLAS (OpenBLAS) would otherwise start a thread
    per core for each large product (langid's, once per document) and keep them spinning
    between products, which took 6 ms of CPU per document on a loaded machine, against
    0.3 ms in one thread, and took the cores the other workers need. The objects inherited
    from the parent are frozen out of the garbage collector: its full collections would
    walk (and write to) every one of them, copying the pages the worker shares with the
    parent."""
    single_threaded_blas()
    gc.freeze()
    return coder


def results_in_workers(
    documents: Iterable[Document | DocumentError],
    settings: Settings,
    stored: Callable[[Document], list[Article] | None] | None = None,
) -> Iterator[DocumentResult | DocumentError | Document]:
    """The coding half of :func:`iter_results` in ``n_process`` worker processes: each
    document cleaned and coded under the limits ``doc_timeout_s`` and ``doc_memory_mb``.

    A worker codes each article of its document, near-duplicates included (linking
    needs the input order, which only the parent has); the parent links them and drops
    the events of the duplicates, so the results equal the in-process ones.
    """
    def previous_articles(item: Document | DocumentError) -> list[Article] | None:
        return stored(item) if stored and isinstance(item, Document) else None

    def refused_here(item: Document | DocumentError) -> Document | DocumentError:
        # No worker (and no model load) needed to refuse a text that is too long.
        too_long = isinstance(item, Document) and too_long_to_clean(item, settings)
        return too_long or item

    jobs = ((item, previous_articles(item)) for item in map(refused_here, documents))
    linker = DuplicateLinker()
    for job in jobs:  # those before the first document to work on need no coder
        if _document_to_work_on(job) is not None:
            break
        yield _result(job, None, linker)
    else:
        return  # nothing to work on: no model loaded, no worker started
    with _worker_pool(settings, load_coder(settings)) as workers:
        for job, outcome in workers.outcomes(itertools.chain([job], jobs),
                                             _document_to_work_on):
            yield _result(job, outcome, linker)


def _worker_pool(settings: Settings, coder: ArticleCoder) -> DocumentWorkers:
    """Workers forked with ``coder``, loaded once in this process (the model's arrays
    shared copy-on-write): neither the first workers nor a replacement load it again."""
    return DocumentWorkers(
        lambda: ready_worker(coder),
        lambda loaded, doc: work_on_document(loaded, doc, settings),
        processes=settings.n_process,
        limits=Limits(seconds=settings.doc_timeout_s, memory_mb=settings.doc_memory_mb),
        work_batch=lambda loaded, docs: work_on_documents(loaded, docs, settings))


def _result(job: tuple[Document | DocumentError, list[Article] | None],
            outcome: Coded | DocumentError | None,
            linker: DuplicateLinker) -> DocumentResult | DocumentError | Document:
    """What the pipeline yields for a job: its error, the unchanged document (its stored
    articles remembered by ``linker``), or its worker's outcome, linked."""
    item, previous = job
    if isinstance(item, DocumentError) or isinstance(outcome, DocumentError):
        return item if isinstance(item, DocumentError) else outcome  # type: ignore[return-value]
    if previous is not None:
        linker.remember(previous)
        return item
    return linked_result(item, outcome, linker)  # type: ignore[arg-type]


def _document_to_work_on(job: tuple[Document | DocumentError, list[Article] | None]
                         ) -> Document | None:
    item, known = job
    return item if isinstance(item, Document) and known is None else None


def linked_result(doc: Document, coded: Coded, linker: DuplicateLinker) -> DocumentResult:
    """A document's result from what a worker coded: its articles linked to earlier
    near-duplicates (call in input order) and the events of the duplicates dropped."""
    articles = linker.link(coded.articles)
    duplicates = {a.article_index for a in articles if a.duplicate_of is not None}
    return DocumentResult(doc, articles,
                          [e for e in coded.events if e.article_index not in duplicates])


def read_articles(
    paths: Iterable[str], settings: Settings
) -> Iterator[Cleaned | DocumentError]:
    """Documents and their cleaned articles, near-duplicates linked; errors inline.

    Cleaning runs under the per-document time limit, as in an ingest.
    """
    # No ``stored``: no bare Documents come back.
    yield from iter_cleaned(read_documents(paths, settings), settings)  # type: ignore[misc]


def process_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    coder: ArticleCoder | None = None,
) -> Iterator[DocumentResult | DocumentError]:
    """Run the whole per-document pipeline; yields one result or error per document.

    This is :func:`iter_results` without a store: what ``diplograph extract`` prints.
    With nothing stored to collide with, documents keep the ids they were given (two
    records sharing an id both print their own events under it).

    Args:
        paths: files, directories or globs.
        settings: pipeline settings (defaults + environment when None).
        coder: a loaded coder to reuse.
    """
    settings = settings or Settings.from_env()
    for item in iter_results(paths, settings, coder=coder,
                             known=KnownSources(ids_as_given=True)):
        if isinstance(item, (DocumentResult, DocumentError)):
            yield item
