"""The coding stage as one callable: parse, resolve actors and code events, models loaded once.

:class:`ArticleCoder` is what the pipeline's coding step runs, in this process
or inside a Ray actor; it loads spaCy, the knowledge base and the lexicon in
``__init__`` and codes a batch of articles per call.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from diplograph.coding.actors import ActorResolver, load_knowledge_base
from diplograph.coding.coder import EventCoder
from diplograph.coding.parse import load_nlp
from diplograph.coding.sections import parse_texts
from diplograph.knowledge.lexicon import load_lexicon
from diplograph.records import Article, Event
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
        kb = load_knowledge_base(self.settings.actor_files,
                                 imported=self.settings.phoenix_actors)
        self.coder = EventCoder(
            resolver=ActorResolver(kb, nlp=self.nlp),
            lexicon=load_lexicon(self.settings.lexicon_files, cameo=self.settings.cameo_patterns),
            detector=self.settings.event_detector,  # loaded once per process (hybrid.py)
        )

    def __call__(self, articles: Sequence[Article]) -> list[list[Event]]:
        """Events for each article, in order (empty for articles that are not coded)."""
        # By position, not by key: two documents can share an id (and so article keys).
        codable = [i for i, a in enumerate(articles) if is_codable(a)]
        docs = parse_texts(self.nlp, (articles[i].text for i in codable),
                           section_chars=self.settings.section_chars,
                           n_process=self.settings.n_process)
        events: list[list[Event]] = [[] for _ in articles]
        for i, doc in zip(codable, docs):
            events[i] = self._code(articles[i], doc)
        return events

    def _code(self, article: Article, doc) -> list[Event]:
        events = self.coder.code(article, doc)
        floor = self.settings.min_confidence
        return [e for e in events if e.confidence >= floor]
