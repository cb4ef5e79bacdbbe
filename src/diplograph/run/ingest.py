"""Ingesting into the store: the entry point the CLI calls.

The work is done by an engine in :mod:`diplograph.run`: the local engine
(:func:`diplograph.run.local.ingest_local`) skips unchanged documents (same
doc_id, same content hash), replaces changed ones, and writes results in
batches, each batch in one transaction, so a killed run loses at most the
batch in flight and running it again completes it. Parquet partitions written
by the Ray engine are loaded with :func:`ingest_parquet`.
"""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from diplograph.errors import UsageError
from diplograph.pages.inputs import expand_inputs, input_exists
from diplograph.records import DocumentError, KnownSources, SkippedInput
from diplograph.run.local import IngestSummary, ingest_local
from diplograph.settings import Settings

logger = logging.getLogger(__name__)

__all__ = ["IngestSummary", "ingest_parquet", "ingest_paths", "ingest_with_engine"]


def ingest_paths(
    paths: Iterable[str],
    db: Path | str,
    *,
    settings: Settings | None = None,
    on_error: Callable[[DocumentError], None] | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
) -> IngestSummary:
    """Process ``paths`` and store the results in ``db`` with the local engine
    (:func:`diplograph.run.local.ingest_local`), settings from the environment by default.

    When no input path exists, each is reported and the database is not opened (so a
    typo never leaves an empty database behind)."""
    settings = settings or Settings.from_env()
    paths = [str(p) for p in paths]
    if not any(input_exists(p) for p in paths):
        return _nothing_to_read(paths, on_error)
    return ingest_local(paths, db, settings=settings, on_error=on_error, on_progress=on_progress,
                        on_skip=on_skip)


def _nothing_to_read(paths: list[str],
                     on_error: Callable[[DocumentError], None] | None) -> IngestSummary:
    errors = [e for e in expand_inputs(paths) if isinstance(e, DocumentError)]
    for error in errors:
        if on_error:
            on_error(error)
    return IngestSummary(failed=len(errors))


def ingest_parquet(directory: Path | str, db: Path | str, *,
                   settings: Settings | None = None,
                   on_error: Callable[[DocumentError], None] | None = None) -> IngestSummary:
    """Load Parquet partitions written by ``--engine ray --out DIR`` into ``db``.

    Args:
        directory: the ``--out`` directory of a Ray run.
        db: the DuckDB file (created if missing).
        settings: gives the write batch size.
        on_error: called once per document refused (its id is another source's).

    Returns:
        What was loaded.
    """
    from diplograph.run.parquet import load_parquet

    return load_parquet(directory, db, settings=settings or Settings.from_env(),
                        on_error=on_error)


def _stored_sources(db: Path | str | None) -> KnownSources | None:
    """The ids and sources stored in ``db`` (None when there is no database yet)."""
    if db is None or not Path(db).exists():
        return None
    from diplograph.store.store import Store

    with Store(db) as store:
        return store.known_sources()


def ingest_with_engine(
    paths: list[str],
    *,
    db: Path | str | None,
    engine: str = "local",
    address: str | None = None,
    out: Path | str | None = None,
    from_parquet: Path | str | None = None,
    settings: Settings | None = None,
    on_error: Callable[[DocumentError], None] | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
) -> IngestSummary:
    """``diplograph ingest``: check the option combination, then run the chosen engine.

    - ``PATHS --db FILE`` (local engine): process and store, batch by batch;
    - ``PATHS --engine ray --out DIR [--address A] [--db FILE]``: Parquet
      partitions into DIR, then loaded into FILE when given;
    - ``--from-parquet DIR --db FILE``: load partitions.

    Raises:
        UsageError: options that do not go together, or no input path exists.
    """
    settings = settings or Settings.from_env()
    if from_parquet is not None:
        if paths or db is None:
            raise UsageError("--from-parquet DIR needs --db FILE and no input paths")
        return ingest_parquet(from_parquet, db, settings=settings, on_error=on_error)
    if not paths:
        raise UsageError("give input PATHS (or --from-parquet DIR)")
    if engine == "ray":
        if out is None:
            raise UsageError("--engine ray writes Parquet partitions: give --out DIR")
        _check_some_input(paths)
        try:
            from diplograph.run.ray import run_ray
        except ImportError as exc:
            raise UsageError("the Ray engine needs the ray extra: "
                             f"pip install 'diplograph[ray]' ({exc})") from exc
        known = _stored_sources(db)
        summary = run_ray(paths, out, settings=settings, address=address, on_error=on_error,
                          known=known)
        if db is not None:
            loaded = ingest_parquet(out, db, settings=settings, on_error=on_error)
            summary.unchanged = loaded.unchanged
            summary.failed += loaded.failed
        return summary
    if address is not None or out is not None:
        raise UsageError("--address and --out go with --engine ray")
    if db is None:
        raise UsageError("give --db FILE")
    _check_some_input(paths)
    return ingest_paths(paths, db, settings=settings, on_error=on_error, on_progress=on_progress,
                        on_skip=on_skip)


def _check_some_input(paths: list[str]) -> None:
    """Refuse a run none of whose paths exists, before the database is created: a typo
    must not leave an empty database behind (a run with some good paths reports the
    others one line each, as usual).

    Raises:
        UsageError: no path is a file, a directory or a glob with a match.
    """
    if not any(os.path.exists(p) or glob.glob(p, recursive=True) for p in paths):
        raise UsageError(f"no input found: {', '.join(paths)} (no such file or directory, "
                         "and no glob match); nothing was written")
