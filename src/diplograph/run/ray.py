"""The Ray engine: the per-document stages as Ray Data ``map_batches``, Parquet out.

The only module of the package that imports ``ray`` (``pip install diplograph[ray]``).

Stages, for each window of up to :data:`WINDOW` documents read on the driver:

1. **clean** — ``map_batches`` over documents with stateless tasks
   (:func:`diplograph.run.pipeline.clean_document`, per-document time limit);
2. **link near-duplicates** — on the driver, in input order, because whether
   an article is a duplicate depends on every article before it (this is
   what makes the output equal the local engine's);
3. **parse, resolve, code, write** — ``map_batches`` with a pool of stateful
   actors (:class:`CoderActor`): each loads spaCy and the knowledge base once,
   codes a batch of documents and writes it as one Parquet partition
   (:func:`diplograph.run.parquet.write_partition`).

``diplograph ingest --from-parquet OUT --db FILE`` then loads the partitions
and fuses incidents in DuckDB. On a multi-node cluster ``OUT`` must be a
directory every node can write (a shared filesystem).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import ray

from diplograph.records import (
    Article,
    DocumentError,
    KnownSources,
    article_from_dict,
    document_from_dict,
    to_dict,
)
from diplograph.run.local import IngestSummary
from diplograph.run.pipeline import (
    DuplicateLinker,
    clean_document,
    code_documents,
    read_documents,
)
from diplograph.settings import Settings

logger = logging.getLogger(__name__)

# Documents held by the driver at once (their text travels to the cleaners).
WINDOW = 20_000


def _articles_json(articles: Iterable[Article]) -> str:
    return json.dumps([to_dict(a) for a in articles], ensure_ascii=False)


def clean_batch(batch: pa.Table, settings_json: str) -> pa.Table:
    """Stage 1 (a Ray task): documents → their cleaned articles (JSON) or an error."""
    settings = Settings.model_validate_json(settings_json)
    rows = []
    for row in batch.to_pylist():
        articles = clean_document(document_from_dict(row), settings)
        if isinstance(articles, DocumentError):
            rows.append({**row, "articles": None, "error": articles.reason})
        else:
            rows.append({**row, "articles": _articles_json(articles), "error": None})
    return pa.Table.from_pylist(rows)


class CoderActor:
    """Stage 3 (a Ray actor): parse, resolve and code documents; write a Parquet partition.

    Args:
        settings_json: the run's :class:`Settings`, as JSON.
        out: the output directory (shared by all nodes).
    """

    def __init__(self, settings_json: str, out: str) -> None:
        from diplograph.coding.stage import ArticleCoder

        # One spaCy process per actor: Ray gives the parallelism.
        self.settings = Settings.model_validate_json(settings_json).model_copy(
            update={"n_process": 1})
        self.coder = ArticleCoder(self.settings)
        self.out = out

    def __call__(self, batch: pa.Table) -> pa.Table:
        from diplograph.run.parquet import write_partition

        cleaned = [(document_from_dict(row),
                    [article_from_dict(a) for a in json.loads(row["articles"])])
                   for row in batch.to_pylist()]
        results = code_documents(cleaned, self.coder, self.settings)
        good = [r for r in results if not isinstance(r, DocumentError)]
        write_partition(good, self.out)
        return pa.Table.from_pylist([
            {"doc": r.doc, "error": r.reason, "articles": 0, "events": 0}
            if isinstance(r, DocumentError) else
            {"doc": r.document.doc_id, "error": None, "articles": len(r.articles),
             "events": len(r.events)}
            for r in results
        ], schema=_REPORT_SCHEMA)


_REPORT_SCHEMA = pa.schema([("doc", pa.string()), ("error", pa.string()),
                            ("articles", pa.int64()), ("events", pa.int64())])


def run_ray(
    paths: Iterable[str],
    out: Path | str,
    *,
    settings: Settings,
    address: str | None = None,
    workers: int | None = None,
    on_error: Callable[[DocumentError], None] | None = None,
    known: KnownSources | None = None,
) -> IngestSummary:
    """Process ``paths`` on Ray and write Parquet partitions under ``out``.

    Args:
        paths: files, directories or globs (read by the driver).
        out: output directory (created; on a cluster, shared by every node).
        settings: pipeline settings; ``batch_size`` is the documents per actor batch.
        address: a running cluster (``ray://host:10001`` or ``auto``); None starts
            a local one with ``workers`` CPUs.
        workers: coder actors (default: ``settings.n_process`` locally, every CPU
            of the cluster when ``address`` is given).
        on_error: called once per failed document.
        known: the ids and sources of the database the partitions will be loaded into,
            so that documents get the ids the local engine would give them (a stored
            document keeps its id; another source's document never takes it).

    Returns:
        What was done (``documents`` counts the documents written).
    """
    started = _init(address, workers or settings.n_process)
    try:
        if workers is None:
            workers = int(ray.cluster_resources().get("CPU", 1)) if address else settings.n_process
        workers = max(1, workers)
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # duplicate linking needs input order
        ctx.enable_progress_bars = False
        Path(out).mkdir(parents=True, exist_ok=True)
        summary = IngestSummary()
        linker = DuplicateLinker()  # one for the whole input, as in the local engine
        for window in _windows(paths, settings, summary, on_error, known):
            _run_window(window, str(Path(out).resolve()), settings, workers, linker,
                        summary, on_error)
        return summary
    finally:
        if started:
            ray.shutdown()


def _init(address: str | None, cpus: int) -> bool:
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, logging_level=logging.WARNING)
    else:
        ray.init(num_cpus=max(1, cpus), include_dashboard=False, logging_level=logging.WARNING)
    return True


def _windows(paths: Iterable[str], settings: Settings, summary: IngestSummary,
             on_error: Callable[[DocumentError], None] | None,
             known: KnownSources | None) -> Iterator[list[dict]]:
    window: list[dict] = []
    for item in read_documents(paths, settings, known=known):
        if isinstance(item, DocumentError):
            summary.refused(item, on_error)
            continue
        window.append(to_dict(item))
        if len(window) >= WINDOW:
            yield window
            window = []
    if window:
        yield window


def _run_window(window: list[dict], out: str, settings: Settings, workers: int,
                linker: DuplicateLinker, summary: IngestSummary,
                on_error: Callable[[DocumentError], None] | None) -> None:
    settings_json = settings.model_dump_json()
    blocks = min(len(window), workers * 4)
    cleaned = (ray.data.from_items(window, override_num_blocks=blocks)
               .map_batches(clean_batch, batch_format="pyarrow", batch_size=16,
                            fn_kwargs={"settings_json": settings_json},
                            compute=ray.data.TaskPoolStrategy(size=workers))
               .take_all())
    to_code = []  # near-duplicates are linked on the driver, in input order
    for row in cleaned:
        if row["error"] is not None:
            summary.refused(DocumentError(doc=row["path"] or row["doc_id"],
                                          reason=row["error"]), on_error)
            continue
        articles = linker.link([article_from_dict(a) for a in json.loads(row["articles"])])
        to_code.append({**row, "articles": _articles_json(articles)})
    if not to_code:
        return
    report = (ray.data.from_items(to_code, override_num_blocks=min(len(to_code), workers * 4))
              .map_batches(CoderActor, batch_format="pyarrow", batch_size=settings.batch_size,
                           fn_constructor_kwargs={"settings_json": settings_json, "out": out},
                           compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)
              .take_all())
    for row in report:
        if row["error"] is not None:
            summary.refused(DocumentError(doc=row["doc"], reason=row["error"]), on_error)
            continue
        summary.stored(row["articles"], row["events"])
