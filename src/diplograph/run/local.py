"""The local engine: the pipeline on this machine, results written to DuckDB as they finish.

The engine runs :func:`diplograph.run.pipeline.iter_results` (documents
cleaned and coded in ``n_process`` persistent worker processes, each under the
per-document limits: :mod:`diplograph.run.workers`) and adds the store:

1. documents already stored with the same content hash are skipped
   (:meth:`~diplograph.store.store.Store.unchanged_articles`), but their stored
   articles still enter the near-duplicate index, at the place the document has
   in the input. So a resumed run links duplicates exactly as an uninterrupted
   one would (the index depends on everything seen before);
2. every ``settings.batch_size`` results, one transaction (``Store.write``).

A run killed at any point leaves the database as it was after the last
committed batch; running the same command again finishes the job, and the
database then equals one from an uninterrupted run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from diplograph.records import Document, DocumentError, DocumentResult, SkippedInput
from diplograph.run.pipeline import iter_results
from diplograph.settings import Settings
from diplograph.store.store import Store
from diplograph.wording import counted

logger = logging.getLogger(__name__)


@dataclass(slots=True, kw_only=True)
class IngestSummary:
    """What an ingest did (the CLI prints :meth:`line`), counted by every engine through
    :meth:`stored` and :meth:`refused`."""

    documents: int = 0  # processed and stored
    articles: int = 0
    events: int = 0
    unchanged: int = 0
    failed: int = 0  # refused: one error line each
    kept: int = 0  # stored as they are, with a warning (cleaning would have gutted them)
    skipped: int = 0  # files passed over on purpose (unsupported type, named twice)

    @property
    def seen(self) -> int:
        """Input documents dealt with so far, whatever became of them."""
        return self.documents + self.unchanged + self.failed

    def stored(self, articles: int, events: int, kept: bool = False) -> None:
        """Count a document written with its ``articles`` and ``events``; ``kept``: stored
        as it is, with a warning."""
        self.documents += 1
        self.articles += articles
        self.events += events
        self.kept += kept

    def refused(self, error: DocumentError,
                on_error: Callable[[DocumentError], None] | None = None) -> None:
        """Count a refused document and hand its error line to ``on_error``."""
        self.failed += 1
        if on_error:
            on_error(error)

    def line(self, db: Path | str) -> str:
        skipped = (f"; {counted(self.skipped, 'file')} skipped (--verbose lists them)"
                   if self.skipped else "")
        return (f"ingested {counted(self.documents, 'document')} ("
                f"{counted(self.articles, 'article')}, {counted(self.events, 'event')}) "
                f"into {db}: {self.documents - self.kept} cleaned, "
                f"{self.kept} kept as is with a warning, {self.failed} refused; "
                f"{self.unchanged} unchanged{skipped}")


class BatchedWrites:
    """Results written to the store one transaction per ``size`` documents, counted in
    ``summary``; ``flush`` writes what is left."""

    def __init__(self, store: Store, size: int, summary: IngestSummary) -> None:
        self.store, self.size, self.summary = store, size, summary
        self.pending: list[DocumentResult] = []

    def add(self, result: DocumentResult) -> None:
        self.pending.append(result)
        self.summary.stored(len(result.articles), len(result.events),
                            kept=any(a.warning for a in result.articles))
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        self.store.write(self.pending)
        self.pending = []


def ingest_local(
    paths: Iterable[str],
    db: Path | str,
    *,
    settings: Settings,
    on_error: Callable[[DocumentError], None] | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
) -> IngestSummary:
    """Process ``paths`` in this process and store the results in ``db``, batch by batch.

    Args:
        paths: files, directories or globs.
        db: the DuckDB file (created if missing).
        settings: pipeline settings.
        on_error: called once per failed document.
        on_progress: called with the summary after every input document (processed,
            unchanged or refused), e.g. to move a progress bar.
        on_skip: called once per input file skipped on purpose (counted in the summary).

    Returns:
        What was done.
    """
    summary = IngestSummary()

    def skipped(item: SkippedInput) -> None:
        summary.skipped += 1
        if on_skip:
            on_skip(item)

    with Store(db) as store:
        writes = BatchedWrites(store, settings.batch_size, summary)
        for result in iter_results(paths, settings, stored=store.unchanged_articles(),
                                   known=store.known_sources(), on_skip=skipped):
            if isinstance(result, Document):
                summary.unchanged += 1
            elif isinstance(result, DocumentError):
                summary.refused(result, on_error)
            else:
                writes.add(result)
            if on_progress:
                on_progress(summary)
        writes.flush()
    return summary
