"""Ingesting into the store: the local engine's main job.

Unchanged documents (same doc_id, same content hash) are skipped, changed ones
replace their old records, and results are written in batches, each batch in
one transaction, so a killed run loses at most the batch in flight.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from diplograph.db.store import DocumentResult, Store
from diplograph.pipeline import process_paths
from diplograph.records import Document, DocumentError
from diplograph.settings import Settings

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestSummary:
    documents: int = 0
    articles: int = 0
    events: int = 0
    unchanged: int = 0
    failed: int = 0

    def line(self, db: Path | str) -> str:
        return (f"ingested {self.documents} documents ({self.articles} articles, "
                f"{self.events} events) into {db}; {self.unchanged} unchanged, "
                f"{self.failed} failed")


def ingest_paths(
    paths: Iterable[str],
    db: Path | str,
    *,
    settings: Settings | None = None,
    on_error: Callable[[DocumentError], None] | None = None,
    progress: bool = False,
) -> IngestSummary:
    """Process ``paths`` and store the results in ``db``.

    Args:
        paths: files, directories or globs.
        db: the DuckDB file (created if missing).
        settings: pipeline settings.
        on_error: called once per failed document (the CLI prints it).
        progress: show a progress counter on stderr.

    Returns:
        What was done.
    """
    settings = settings or Settings.from_env()
    summary = IngestSummary()
    with Store(db) as store:
        known = store.known_hashes()
        pending: list[DocumentResult] = []

        def unchanged(doc: Document) -> bool:
            if known.get(doc.doc_id) == doc.content_hash:
                summary.unchanged += 1
                return True
            return False

        for result in process_paths(paths, settings, skip=unchanged):
            if isinstance(result, DocumentError):
                summary.failed += 1
                if on_error:
                    on_error(result)
                continue
            known[result.document.doc_id] = result.document.content_hash
            pending.append(result)
            summary.documents += 1
            summary.articles += len(result.articles)
            summary.events += len(result.events)
            if len(pending) >= settings.batch_size:
                store.write(pending)
                pending = []
            if progress:
                _progress(summary)
        store.write(pending)
    if progress:
        _progress(summary, end=True)
    return summary


def _progress(summary: IngestSummary, end: bool = False) -> None:
    import sys

    sys.stderr.write(f"\r{summary.documents} documents, {summary.events} events"
                     f"{chr(10) if end else ''}")
    sys.stderr.flush()
