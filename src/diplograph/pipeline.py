"""The local runner: paths → documents → articles → parsed → events, in batches.

Each document succeeds or fails on its own: a failure becomes one
``DocumentError`` and the batch goes on. The CLI, the API and the Ray runner
all go through :class:`ArticleCoder` and :func:`process_paths`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence

from diplograph.actors import ActorResolver, load_knowledge_base
from diplograph.articles import extract_articles
from diplograph.coding import EventCoder
from diplograph.db.store import DocumentResult
from diplograph.dedup import NearDuplicateIndex
from diplograph.errors import DiplographError
from diplograph.lexicon import load_lexicon
from diplograph.nlp import load_nlp
from diplograph.records import Article, Document, DocumentError, Event
from diplograph.settings import Settings
from diplograph.sources import iter_documents

logger = logging.getLogger(__name__)

# spaCy components the coder does not use; leaving them out is faster.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def is_codable(article: Article) -> bool:
    """Non-English articles are kept and flagged, not coded; duplicates are not coded twice."""
    return article.duplicate_of is None and (article.language in (None, "en"))


class ArticleCoder:
    """Parses and codes articles. Loads the model and knowledge once (a stateful
    callable, which is also what a Ray actor runs)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = load_nlp(self.settings.model)
        kb = load_knowledge_base(self.settings.actor_files)
        self.coder = EventCoder(
            resolver=ActorResolver(kb), lexicon=load_lexicon(self.settings.lexicon_files)
        )

    def __call__(self, articles: Sequence[Article]) -> list[list[Event]]:
        """Events for each article, in order (empty for articles that are not coded)."""
        codable = [a for a in articles if is_codable(a)]
        docs = self.nlp.pipe((a.text for a in codable), batch_size=32,
                             n_process=self.settings.n_process)
        by_key = {a.key: self._code(a, doc) for a, doc in zip(codable, docs)}
        return [by_key.get(a.key, []) for a in articles]

    def _code(self, article: Article, doc) -> list[Event]:
        events = self.coder.code(article, doc)
        floor = self.settings.min_confidence
        return [e for e in events if e.confidence >= floor]


def read_articles(
    paths: Iterable[str], settings: Settings, *, skip: Callable[[Document], bool] | None = None
) -> Iterator[tuple[Document, list[Article]] | DocumentError]:
    """Documents and their cleaned articles, with near-duplicates linked; errors inline."""
    index = NearDuplicateIndex()
    for item in iter_documents(paths, max_bytes=settings.max_bytes):
        if isinstance(item, DocumentError):
            yield item
            continue
        if skip is not None and skip(item):
            continue
        try:
            articles = extract_articles(item)
        except DiplographError as exc:
            yield DocumentError(doc=item.path or item.doc_id, reason=str(exc))
            continue
        except Exception as exc:  # a cleaner bug must not stop the batch
            logger.debug("extraction failed for %s", item.doc_id, exc_info=True)
            yield DocumentError(doc=item.path or item.doc_id, reason=f"extraction failed: {exc!r}")
            continue
        yield item, [_link_duplicate(a, index) for a in articles]


def _link_duplicate(article: Article, index: NearDuplicateIndex) -> Article:
    earlier = index.check_and_add(article)
    if earlier is None or earlier == article.key:
        return article
    return dataclasses.replace(article, duplicate_of=earlier)


def process_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    coder: ArticleCoder | None = None,
    skip: Callable[[Document], bool] | None = None,
) -> Iterator[DocumentResult | DocumentError]:
    """Run the whole per-document pipeline; yields one result or error per document.

    Args:
        paths: files, directories or globs.
        settings: pipeline settings (defaults + environment when None).
        coder: a loaded coder to reuse.
        skip: documents for which this returns True are not processed (e.g. unchanged).
    """
    settings = settings or Settings.from_env()
    coder = coder or ArticleCoder(settings)
    batch: list[tuple[Document, list[Article]]] = []
    for item in read_articles(paths, settings, skip=skip):
        if isinstance(item, DocumentError):
            yield item
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield from _code_batch(batch, coder)
            batch = []
    if batch:
        yield from _code_batch(batch, coder)


def _code_batch(
    batch: list[tuple[Document, list[Article]]], coder: ArticleCoder
) -> Iterator[DocumentResult | DocumentError]:
    articles = [a for _, arts in batch for a in arts]
    try:
        events = coder(articles)
    except Exception:
        # One article broke the batch: code document by document to isolate it.
        logger.debug("batch coding failed; retrying document by document", exc_info=True)
        yield from (_code_one(doc, arts, coder) for doc, arts in batch)
        return
    by_key = dict(zip((a.key for a in articles), events))
    for doc, arts in batch:
        yield DocumentResult(doc, arts, [e for a in arts for e in by_key[a.key]])


def _code_one(doc: Document, articles: list[Article], coder: ArticleCoder):
    try:
        events = coder(articles)
    except Exception as exc:
        logger.debug("coding failed for %s", doc.doc_id, exc_info=True)
        return DocumentError(doc=doc.path or doc.doc_id, reason=f"event coding failed: {exc!r}")
    return DocumentResult(doc, articles, [e for evs in events for e in evs])
