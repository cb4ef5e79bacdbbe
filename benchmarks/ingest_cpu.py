"""CPU seconds of ingest by stage, in one process, beside bare spaCy on the same texts.

Usage (from the repository root):

    PYTHONPATH=src .venv/bin/python benchmarks/ingest_cpu.py [--limit 150] [--batch-size 64]
        [--profile FILE]

Wall time on a shared machine moves with the other jobs; the CPU time of this
process (``time.process_time``: all its threads) does much less. On the first
``--limit`` BBC articles (the CSVs' ``text`` column, as ``benchmarks/bench.py``),
one after the other in this process, with the model loaded first:

- **bare**: ``list(nlp.pipe(texts, batch_size=32))`` (what bench.py's bare phase runs),
  with a model of its own (before stop 21 it was the coder's, which then parsed texts
  already in its caches);
- **ingest**, stage by stage, as the worker and the parent run them: start (what a
  worker's setup runs, ``load_worker``: BLAS in one thread, the coder, knowledge and
  lexicon loaded, and the warm-up; the model itself is already loaded by the bare
  phase, ``bare load``), then
  read (``read_documents``), clean (``clean_document``: extraction, splitting,
  language, dates), parse (``parse_texts`` of the codable articles of a worker's
  batch), code (``EventCoder.code`` and the confidence floor), link near-duplicates,
  and the store writes (``Store.write`` per batch of ``--batch-size`` documents, into
  a fresh DuckDB), the last split into its own steps by cProfile.

The documents are worked on in the batches a busy worker gathers
(:func:`~diplograph.run.pipeline.work_on_documents`): the one it is given and those
queued behind it, at most ``queued`` more and ``QUEUED_CHARS`` characters waiting
(:mod:`diplograph.run.workers`), so parsing runs one ``nlp.pipe`` per such batch, as
in the product (before stop 20 this script parsed one document per call).

``--profile FILE`` also runs parsing and coding under cProfile (which inflates their
CPU seconds) and writes that profile to FILE.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DEFAULT_CORPUS, load_texts  # noqa: E402

# The store's steps inside Store.write, as cProfile names them (file fragment, function).
WRITE_STEPS = (("fusion.py", "touched_before_write"), ("aggregates.py", "collect_keys"),
               ("store.py", "_insert"), ("incidents.py", "refresh_incidents"),
               ("fusion.py", "refresh_incidents"), ("outlets.py", "keep_outlets"),
               ("aggregates.py", "refresh_counts"), ("store.py", "store_rows"))


class Clock:
    """CPU seconds per named stage, added up."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str):  # type: ignore[no-untyped-def]
        start = time.process_time()
        try:
            yield
        finally:
            self.seconds[name] += time.process_time() - start


def write_jsonl(texts: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"id": f"bbc-{i:04d}", "text": text}) + "\n")


def run_stages(jsonl: Path, db: Path, batch_size: int, clock: Clock,
               profiler: cProfile.Profile, coding_profiler: cProfile.Profile | None) -> int:
    """Ingest ``jsonl`` into ``db`` stage by stage; returns the number of events. The
    writes always run under ``profiler`` (few Python calls: little overhead), parsing and
    coding only under ``coding_profiler`` when given."""
    from diplograph.coding.sections import parse_texts
    from diplograph.coding.stage import is_codable
    from diplograph.records import DocumentResult
    from diplograph.run.pipeline import (
        DuplicateLinker,
        clean_document,
        load_worker,
        read_documents,
    )
    from diplograph.settings import Settings
    from diplograph.store.store import Store

    settings = Settings(doc_timeout_s=0, doc_memory_mb=0)
    with clock.stage("start"):  # what a worker loads before its first document
        # As a worker: NumPy's BLAS in one thread (without it langid's products spun a
        # thread per core: cleaning 2.07 CPU s on 150 articles against 0.72 in one
        # thread), the coder, the warm-up.
        coder = load_worker(settings)
    linker, results, events = DuplicateLinker(), [], 0
    with clock.stage("read"):
        documents = list(read_documents([str(jsonl)], settings))
    with Store(db) as store:
        for batch in worker_batches(documents):
            with clock.stage("clean"):
                cleaned = [(doc, clean_document(doc, settings)) for doc in batch]
            with clock.stage("link"):
                cleaned = [(doc, linker.link(articles)) for doc, articles in cleaned]
            codable = [a for _, articles in cleaned for a in articles if is_codable(a)]
            if coding_profiler:
                coding_profiler.enable()
            with clock.stage("parse"):
                docs = list(parse_texts(coder.nlp, [a.text for a in codable],
                                        section_chars=settings.section_chars))
            with clock.stage("code"):
                found = {id(a): coder._code(a, d) for a, d in zip(codable, docs)}
            if coding_profiler:
                coding_profiler.disable()
            for doc, articles in cleaned:
                mine = [e for a in articles for e in found.get(id(a), [])]
                events += len(mine)
                results.append(DocumentResult(doc, articles, mine))
            if len(results) >= batch_size:
                events_written(store, results, clock, profiler)
                results = []
        events_written(store, results, clock, profiler)
    return events


def worker_batches(documents: list, queued: int = 4) -> Iterator[list]:
    """The documents in the batches a busy worker works on together: one, and behind it
    up to ``queued`` more while their characters stay within ``QUEUED_CHARS``."""
    from diplograph.run.workers import QUEUED_CHARS

    batch: list = []
    for doc in documents:  # as DocumentWorkers' can_take: the first one's characters count
        waiting = sum(len(d.content) for d in batch) + len(doc.content)
        if batch and (len(batch) > queued or waiting > QUEUED_CHARS):
            yield batch
            batch = []
        batch.append(doc)
    if batch:
        yield batch


def events_written(store, results, clock: Clock, profiler: cProfile.Profile) -> None:  # type: ignore[no-untyped-def]
    profiler.enable()
    with clock.stage("write"):
        store.write(results)
    profiler.disable()


def bare(texts: list[str], clock: Clock) -> int:
    import spacy

    from diplograph.settings import Settings

    with clock.stage("bare load"):
        # A copy of its own, not ``load_nlp``'s cached one, which the coder then uses: a
        # model that has parsed the texts has their words in its tokenizer's cache and
        # vocabulary, and parsed them again 18% cheaper (benchmarks/worker_cpu.py --warm).
        nlp = spacy.load(Settings().model)
    with clock.stage("bare"):
        return sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))


def write_steps(profiler: cProfile.Profile) -> dict[str, float]:
    """Cumulative seconds of the store's steps (from the profile)."""
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    steps: dict[str, float] = {}
    for (filename, _, name), (_, _, _, cumulative, _) in stats.items():
        for fragment, function in WRITE_STEPS:
            if name == function and filename.endswith(fragment):
                steps[f"{fragment}:{function}"] = cumulative
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--profile", type=Path, default=None)
    opts = parser.parse_args()
    texts = load_texts(opts.corpus, opts.limit)
    clock, profiler = Clock(), cProfile.Profile(time.process_time)
    tokens = bare(texts, clock)
    with tempfile.TemporaryDirectory() as tmp:
        write_jsonl(texts, Path(tmp) / "bbc.jsonl")
        coding_profiler = cProfile.Profile(time.process_time) if opts.profile else None
        events = run_stages(Path(tmp) / "bbc.jsonl", Path(tmp) / "cpu.duckdb", opts.batch_size,
                            clock, profiler, coding_profiler)
    if coding_profiler:
        coding_profiler.dump_stats(str(opts.profile))
    fixed = ("bare", "bare load", "start")  # not per article
    ingest = sum(s for name, s in clock.seconds.items() if name not in fixed)
    print(f"{len(texts)} articles, {tokens} tokens (bare), {events} events")
    for name, seconds in clock.seconds.items():
        print(f"{name:<10} {seconds:8.2f} CPU s  {seconds / clock.seconds['bare']:6.2f} x bare")
    print(f"{'ingest':<10} {ingest:8.2f} CPU s  {ingest / clock.seconds['bare']:6.2f} x bare "
          "(the stages after start)")
    for step, seconds in write_steps(profiler).items():
        print(f"  write step {step:<40} {seconds:7.2f} s (CPU, under cProfile)")


if __name__ == "__main__":
    main()
