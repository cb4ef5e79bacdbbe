"""The per-document stages put together: documents → articles → parsed → events.

:class:`ArticleCoder` (parse + resolve + code, models loaded once) is what the
local engine and the Ray actors run; :func:`read_articles` and
:func:`process_paths` are the stateless paths behind ``diplograph articles``
and ``diplograph extract``. Each document succeeds or fails on its own: a
failure becomes one ``DocumentError`` and the run goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence

from diplograph.actors import ActorResolver, load_knowledge_base
from diplograph.coding import EventCoder
from diplograph.db.store import DocumentResult
from diplograph.lexicon import load_lexicon
from diplograph.nlp import load_nlp
from diplograph.records import Article, Document, DocumentError, Event
from diplograph.settings import Settings

logger = logging.getLogger(__name__)

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
    paths: Iterable[str], settings: Settings
) -> Iterator[tuple[Document, list[Article]] | DocumentError]:
    """Documents and their cleaned articles, near-duplicates linked; errors inline.

    Cleaning runs under the per-document time limit, as in an ingest.
    """
    from diplograph.runners.local import iter_cleaned

    yield from iter_cleaned(paths, settings)  # type: ignore[misc]  # no `stored`: no bare Documents


def process_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    coder: ArticleCoder | None = None,
) -> Iterator[DocumentResult | DocumentError]:
    """Run the whole per-document pipeline; yields one result or error per document.

    This is the local engine (:func:`diplograph.runners.local.iter_results`)
    without a store: what ``diplograph extract`` prints.

    Args:
        paths: files, directories or globs.
        settings: pipeline settings (defaults + environment when None).
        coder: a loaded coder to reuse.
    """
    from diplograph.runners.local import iter_results

    settings = settings or Settings.from_env()
    for item in iter_results(paths, settings, coder=coder):
        if isinstance(item, (DocumentResult, DocumentError)):
            yield item
