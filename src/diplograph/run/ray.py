"""The Ray engine: a pool of coder actors, each cleaning and coding batches, Parquet out.

The only module of the package that imports ``ray`` (``pip install diplograph[ray]``).

One stage, on Ray core (no Ray Data: its executor, its helper actors and a separate
pool of cleaning tasks cost more CPU than cleaning does, and a second stage made the
driver wait for every document to be cleaned before the first was coded):

1. the driver reads the documents (it gives them their ids) and hands batches of
   ``batch_size`` to whichever actor is free;
2. each actor (:class:`CoderActor`, its model and knowledge loaded and warmed up once,
   while the driver starts reading) cleans and codes a batch
   (:func:`diplograph.run.pipeline.clean_and_code`) and writes it as one Parquet
   partition (:func:`diplograph.run.parquet.write_partition`);
3. the driver takes the batches back in input order and links near-duplicates
   (whether an article is one depends on every article before it), as the local
   engine's parent process does: a duplicate's events are dropped, and the few
   partitions holding a duplicate are written again, linked. The output equals the
   local engine's.

``diplograph ingest --from-parquet OUT --db FILE`` then loads the partitions
and fuses incidents in DuckDB. On a multi-node cluster ``OUT`` must be a
directory every node can write (a shared filesystem).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import ray

from diplograph.records import Document, DocumentError, DocumentResult, KnownSources
from diplograph.run.local import IngestSummary
from diplograph.run.parquet import write_partition
from diplograph.run.pipeline import (
    Coded,
    DuplicateLinker,
    clean_and_code,
    linked_result,
    load_worker,
    read_documents,
)
from diplograph.settings import Settings

logger = logging.getLogger(__name__)

# A crashed actor (a C extension's fault) is restarted and its batch retried; a retried
# batch rewrites its own partition (the file name depends only on its documents).
ACTOR_RETRIES = 3


@dataclass(slots=True)
class CodedBatch:
    """What an actor sends back for a batch: one outcome per document, in order, and the
    partition it wrote (None when every document failed)."""

    outcomes: list[Coded | DocumentError]
    partition: str | None


class CoderActor:
    """A Ray actor: cleans and codes batches of documents; writes each as a partition.

    Args:
        settings: the run's settings (``n_process`` is taken as 1: Ray gives the parallelism).
        out: the output directory (shared by all nodes).
    """

    def __init__(self, settings: Settings, out: str) -> None:
        self.settings = settings
        self.coder = load_worker(settings)  # before the first batch arrives
        self.out = out

    def code(self, docs: list[Document]) -> CodedBatch:
        """Clean and code ``docs`` and write them, unlinked, as one partition."""
        outcomes = clean_and_code(self.coder, docs, self.settings)
        written = [DocumentResult(doc, coded.articles, coded.events)
                   for doc, coded in zip(docs, outcomes) if isinstance(coded, Coded)]
        return CodedBatch(outcomes, write_partition(written, self.out))


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
        Path(out).mkdir(parents=True, exist_ok=True)
        actors = _start_actors(max(1, workers), settings, str(Path(out).resolve()))
        try:
            return _code_all(actors, paths, str(Path(out).resolve()), settings, on_error, known)
        finally:  # on a cluster that outlives the run, its actors must not
            for actor in actors:
                ray.kill(actor)
    finally:
        if started:
            ray.shutdown()


def _code_all(actors: list, paths: Iterable[str], out: str, settings: Settings,
              on_error: Callable[[DocumentError], None] | None,
              known: KnownSources | None) -> IngestSummary:
    """Every document of ``paths`` through the actors, linked and counted in input order."""
    summary = IngestSummary()
    linker = DuplicateLinker()  # one for the whole input, as in the local engine
    documents = _documents(paths, settings, summary, on_error, known)
    for docs, coded in _coded_in_order(actors, _batches(documents, settings.batch_size)):
        _link_and_count(docs, coded, linker, out, summary, on_error)
    return summary


def _init(address: str | None, cpus: int) -> bool:
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, logging_level=logging.WARNING)
    else:
        ray.init(num_cpus=max(1, cpus), include_dashboard=False, logging_level=logging.WARNING)
    return True


def _start_actors(count: int, settings: Settings, out: str) -> list[ray.actor.ActorHandle]:
    """``count`` coder actors, one CPU each; they load their model while the driver reads."""
    remote = ray.remote(num_cpus=1, max_restarts=ACTOR_RETRIES,
                        max_task_retries=ACTOR_RETRIES)(CoderActor)
    one_process = settings.model_copy(update={"n_process": 1})
    return [remote.remote(one_process, out) for _ in range(count)]


def _documents(paths: Iterable[str], settings: Settings, summary: IngestSummary,
               on_error: Callable[[DocumentError], None] | None,
               known: KnownSources | None) -> Iterator[Document]:
    """The input's documents, in order; a document refused on reading is counted here."""
    for item in read_documents(paths, settings, known=known):
        if isinstance(item, DocumentError):
            summary.refused(item, on_error)
            continue
        yield item


def _batches(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(itertools.islice(documents, max(1, size))):
        yield batch


def _coded_in_order(actors: list, batches: Iterator[list[Document]]
                    ) -> Iterator[tuple[list[Document], CodedBatch]]:
    """Each batch with what its actor sent back, in input order. A batch goes to the
    first actor that is free (one batch each: none waits behind a slower one), and the
    next batches are read while the actors work."""
    free, running = list(actors), {}
    done: dict[int, tuple[list[Document], CodedBatch]] = {}
    numbered = enumerate(batches)
    next_out = 0
    while True:
        for actor, (index, docs) in zip(list(free), numbered):
            free.remove(actor)
            running[actor.code.remote(docs)] = (index, actor, docs)
        if not running:
            return
        [ready], _ = ray.wait(list(running), num_returns=1)
        index, actor, docs = running.pop(ready)
        free.append(actor)
        done[index] = (docs, ray.get(ready))
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def _link_and_count(docs: list[Document], coded: CodedBatch, linker: DuplicateLinker,
                    out: str, summary: IngestSummary,
                    on_error: Callable[[DocumentError], None] | None) -> None:
    """Link a batch's articles to earlier near-duplicates and count what is stored; a
    partition with a duplicate is written again, linked, under the same name."""
    results = []
    for doc, outcome in zip(docs, coded.outcomes):
        if isinstance(outcome, DocumentError):
            summary.refused(outcome, on_error)
            continue
        result = linked_result(doc, outcome, linker)
        summary.stored(len(result.articles), len(result.events))
        results.append(result)
    if any(a.duplicate_of for r in results for a in r.articles):
        write_partition(results, out)
