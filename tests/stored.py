"""Small coded documents for the store, query and export tests: one article per document,
events whose evidence is the article's whole text."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from diplograph.records import (
    ActorRef,
    Article,
    Document,
    DocumentResult,
    Event,
    EventDate,
    Evidence,
    PublishedDate,
)
from diplograph.store.store import Store


def coded(doc_id: str, text: str, events: Iterable[Event] = (), *, content_hash: str | None = None,
          published: str = "2025-12-27", **article: object) -> DocumentResult:
    """The document ``doc_id`` whose one article reads ``text``, with ``events``."""
    doc = Document(doc_id=doc_id, kind="text", content="", content_hash=content_hash or doc_id)
    art = Article(doc_id=doc_id, article_index=0, text=text,
                  published=PublishedDate(value=published, precision="day"),
                  **{"title": f"title {doc_id}", **article})  # type: ignore[arg-type]
    return DocumentResult(doc, [art], list(events))


def event(id: str, doc_id: str, text: str, source: ActorRef | None, target: ActorRef | None,
          date: EventDate, *, type: str = "CONSULT", status: str = "reported",
          **fields: object) -> Event:
    """An event of ``doc_id``'s article, the whole ``text`` its evidence."""
    return Event(id=id, doc_id=doc_id, article_index=0, type=type, source=source, target=target,
                 date=date, status=status, evidence=Evidence(text=text, start=0, end=len(text)),
                 **{"mode": None, "confidence": 0.9, **fields})  # type: ignore[arg-type]


def write_store(path: Path, results: list[DocumentResult]) -> Path:
    """A database at ``path`` holding ``results`` (incidents fused as an ingest does)."""
    with Store(path) as store:
        store.write(results)
    return path
