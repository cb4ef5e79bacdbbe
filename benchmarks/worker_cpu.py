"""CPU seconds of the real worker path: an ingest as ``bench.py`` runs it, measured inside.

Usage (from the repository root):

    PYTHONPATH=src .venv/bin/python benchmarks/worker_cpu.py [--limit 150] [-n 1]
        [--profile-worker FILE] [--profile-parent FILE]

``benchmarks/ingest_cpu.py`` times the stages one after the other in one process;
this script runs ``ingest_paths`` itself (the parent, its forked workers, the pipes,
the store), on the same first ``--limit`` BBC articles, and splits each process's CPU:

- a worker: its start (``load_worker``), the work on its batches (``work_on_documents``:
  cleaning, parsing, coding) and the rest (waiting on and reading the pipe, unpickling the
  documents, pickling and sending the outcomes, garbage collection), with the sizes of
  the batches it was given;
- the parent: all of its CPU, with ``--profile-parent`` under cProfile.

``--profile-worker FILE`` runs each worker's loop under cProfile and writes the profile
of the first worker to FILE (each worker's to FILE.PID).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DEFAULT_CORPUS, load_texts  # noqa: E402
from ingest_cpu import worker_batches, write_jsonl  # noqa: E402


def process_cpu_s() -> float:
    """User + system CPU seconds of this process so far (all its threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class WorkerMeter:
    """Wraps the worker's entry points (patched into the modules before the workers are
    forked) and writes, when a worker's loop ends, what it measured to ``out/PID.json``."""

    def __init__(self, out: Path, profile: Path | None) -> None:
        self.out, self.profile = out, profile
        self.start_s = self.batch_s = 0.0
        self.batches: Counter[int] = Counter()
        self.stages: Counter[str] = Counter()  # CPU s of cleaning and coding in the batches
        self.by_tenth: Counter[int] = Counter()  # CPU s of the batches per tenth of the input
        self.documents = 0
        self.total = 0
        self.parent_profiler: cProfile.Profile | None = None
        self.gc_s: Counter[int] = Counter()  # CPU s in the collector, by generation
        self.gc_runs: Counter[int] = Counter()
        self._gc_started = 0.0
        self.counting_gc = False  # from the first real batch on (not the model's load)

    def install(self) -> None:
        from diplograph.coding.stage import ArticleCoder
        from diplograph.run import pipeline, workers

        work_batch, serve = pipeline.work_on_documents, workers._serve
        clean, code = pipeline.clean_document, ArticleCoder._code

        def timed(stage, function):  # type: ignore[no-untyped-def]
            def run(*args):  # type: ignore[no-untyped-def]
                before = process_cpu_s()
                try:
                    return function(*args)
                finally:
                    self.stages[stage] += process_cpu_s() - before
            return run

        def timed_setup(setup):  # type: ignore[no-untyped-def]
            def run():  # type: ignore[no-untyped-def]
                before = process_cpu_s()
                state = setup()
                self.start_s += process_cpu_s() - before
                return state
            return run

        def work_on_documents(coder, docs, settings):  # type: ignore[no-untyped-def]
            self.counting_gc |= docs[0].doc_id != "warm-up"
            before = process_cpu_s()
            outcomes = work_batch(coder, docs, settings)
            if docs[0].doc_id != "warm-up":  # the warm-up is part of the start
                spent = process_cpu_s() - before
                self.batch_s += spent
                self.batches[len(docs)] += 1
                self.by_tenth[10 * self.documents // self.total] += spent
                self.documents += len(docs)
            return outcomes

        def measured_serve(conn, parents_end, setup, work, batch):  # type: ignore[no-untyped-def]
            self._serve(serve, (conn, parents_end, timed_setup(setup), work, batch))

        if hasattr(pipeline, "load_coder"):  # loaded in the parent, before the fork
            pipeline.load_coder = timed("parent load", pipeline.load_coder)
        pipeline.clean_document = timed("clean", clean)
        ArticleCoder._code = timed("code", code)
        pipeline.work_on_documents = work_on_documents
        workers._serve = measured_serve

    def _serve(self, serve, args) -> None:  # type: ignore[no-untyped-def]
        if self.parent_profiler:  # the fork copied the parent's, still enabled
            self.parent_profiler.disable()
        profiler = cProfile.Profile(time.process_time) if self.profile else None
        before = process_cpu_s()
        gc.callbacks.append(self._collecting)
        if profiler:
            profiler.enable()
        try:
            serve(*args)
        finally:
            gc.callbacks.remove(self._collecting)
            if profiler:
                profiler.disable()
                profiler.dump_stats(str(self.out / f"{os.getpid()}.prof"))
            (self.out / f"{os.getpid()}.json").write_text(json.dumps({
                "cpu_s": process_cpu_s() - before, "start_s": self.start_s,
                "batch_s": self.batch_s, "batches": dict(self.batches),
                "stages": dict(self.stages), "by_tenth": dict(self.by_tenth),
                "gc_s": dict(self.gc_s), "gc_runs": dict(self.gc_runs),
                "tracked": len(gc.get_objects()), "frozen": gc.get_freeze_count(),
                "rss_mb": rss_mb(), "caches": cache_sizes()}))

    def _collecting(self, phase: str, info: dict) -> None:
        """``gc.callbacks`` hook: the CPU each collection takes, by generation."""
        if not self.counting_gc:
            return
        if phase == "start":
            self._gc_started = time.process_time()
        elif self._gc_started:
            self.gc_s[info["generation"]] += time.process_time() - self._gc_started
            self.gc_runs[info["generation"]] += 1


def rss_mb() -> dict[str, float]:
    """This process's resident MB now (VmRSS) and at its peak (VmHWM)."""
    status = Path("/proc/self/status").read_text()
    return {key: int(re.search(rf"{key}:\s+(\d+)", status).group(1)) / 1024
            for key in ("VmRSS", "VmHWM")}


def cache_sizes() -> dict[str, int]:
    """Entries of every process-wide memo of the package: ``lru_cache``/``cache`` wrappers
    and module-level dicts, sets and lists, the largest first; and spaCy's strings."""
    sizes: dict[str, int] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("diplograph"):
            continue
        for attr, value in vars(module).items():
            if hasattr(value, "cache_info"):
                sizes[f"{name}.{attr}()"] = value.cache_info().currsize
            elif isinstance(value, (dict, set, list)) and not attr.startswith("__"):
                sizes[f"{name}.{attr}"] = len(value)
    from spacy.language import Language

    gc.unfreeze()  # the loop is over; get_objects leaves out the frozen ones (the coder's)
    for obj in gc.get_objects():  # memos kept on instances (the resolver's, the tables')
        if type(obj).__name__ in {"ActorResolver", "MemoisedTokenAttributes", "WordPieces"}:
            for attr, value in vars(obj).items() if hasattr(obj, "__dict__") else ():
                if hasattr(value, "cache_info"):
                    sizes[f"{type(obj).__name__}.{attr}"] = value.cache_info().currsize
                elif isinstance(value, (dict, set)):
                    sizes[f"{type(obj).__name__}.{attr}"] = len(value)
        if isinstance(obj, Language):
            sizes["spacy strings"] = len(obj.vocab.strings)
            sizes["spacy vocab lexemes"] = len(obj.vocab)
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1])[:25])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("-n", "--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--profile-worker", type=Path, default=None)
    parser.add_argument("--profile-parent", type=Path, default=None)
    parser.add_argument("--in-process", action="store_true",
                        help="Run the worker's setup and batches in this process, no fork "
                             "(the batches of ingest_cpu.py), and nothing else.")
    parser.add_argument("--warm", action="store_true",
                        help="With --in-process: parse the texts once with the worker's model "
                             "(as ingest_cpu.py's bare phase does) before the batches.")
    opts = parser.parse_args()
    texts = load_texts(opts.corpus, opts.limit)
    with tempfile.TemporaryDirectory() as tmp:
        report(Path(tmp), texts, opts)


def report(tmp: Path, texts: list[str], opts: argparse.Namespace) -> None:
    from diplograph.settings import Settings

    write_jsonl(texts, tmp / "bbc.jsonl")
    meter = WorkerMeter(tmp, opts.profile_worker)
    meter.total = len(texts)
    meter.install()
    settings = Settings.from_env(n_process=opts.processes, batch_size=opts.batch_size)
    if opts.in_process:
        meter._serve(in_process, (tmp / "bbc.jsonl", settings, texts if opts.warm else []))
    else:
        ingested(tmp, opts, settings, meter)
    print_workers(tmp, opts)


def in_process(jsonl: Path, settings, warm: list[str]) -> None:  # type: ignore[no-untyped-def]
    from diplograph.run import pipeline

    before = process_cpu_s()
    coder = pipeline.load_worker(settings)
    print(f"load_worker (this process): {process_cpu_s() - before:.2f} CPU s")
    before = process_cpu_s()
    for _ in coder.nlp.pipe(warm, batch_size=32):
        pass
    if warm:
        print(f"warm parse of the {len(warm)} raw texts: {process_cpu_s() - before:.2f} CPU s "
              "(in the worker's 'outside the work')")
    documents = list(pipeline.read_documents([str(jsonl)], settings))
    for batch in worker_batches(documents):
        pipeline.work_on_documents(coder, batch, settings)


def ingested(tmp: Path, opts: argparse.Namespace, settings,  # type: ignore[no-untyped-def]
             meter: WorkerMeter) -> None:
    from diplograph.run.ingest import ingest_paths

    parent = cProfile.Profile(time.process_time) if opts.profile_parent else None
    meter.parent_profiler = parent
    collector = WorkerMeter(tmp, None)  # the parent's collections, counted throughout
    collector.counting_gc = True
    before = process_cpu_s()
    gc.callbacks.append(collector._collecting)
    if parent:
        parent.enable()
    summary = ingest_paths([str(tmp / "bbc.jsonl")], tmp / "w.duckdb", settings=settings)
    if parent:
        parent.disable()
        parent.dump_stats(str(opts.profile_parent))
    gc.callbacks.remove(collector._collecting)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{summary.articles} articles, {summary.events} events, {summary.failed} failed")
    print(f"parent          {process_cpu_s() - before:8.2f} CPU s (the ingest call; "
          f"reaped children {children.ru_utime + children.ru_stime:.2f})")
    print(f"  parent's collector: CPU s by generation "
          f"{ {g: round(s, 2) for g, s in collector.gc_s.items()} }, "
          f"runs {dict(collector.gc_runs)}; "
          f"objects tracked {len(gc.get_objects())}, frozen {gc.get_freeze_count()}; "
          f"RSS MB {rss_mb()}")


def print_workers(tmp: Path, opts: argparse.Namespace) -> None:
    for i, path in enumerate(sorted(tmp.glob("*.json"))):
        w = json.loads(path.read_text())
        rest = w["cpu_s"] - w["start_s"] - w["batch_s"]
        print(f"worker {i}: {w['cpu_s']:8.2f} CPU s = start {w['start_s']:.2f} "
              f"(warm-up included) + batches {w['batch_s']:.2f} + "
              f"outside the work {rest:.2f}; batch sizes {sorted(w['batches'].items())}")
        stages = w["stages"]
        if "parent load" in stages:
            print(f"  the coder loaded in the parent before the fork: {stages['parent load']:.2f}"
                  " CPU s (the parent's, not in this worker's)")
        print(f"  in the batches: clean {stages.get('clean', 0):.2f} (warm-up included), "
              f"code {stages.get('code', 0):.2f}, the rest (parse, send back) "
              f"{w['batch_s'] - stages.get('clean', 0) - stages.get('code', 0):.2f}")
        print("  batches' CPU s by tenth of the input (when a batch started): "
              + " ".join(f"{w['by_tenth'].get(str(t), 0):.1f}" for t in range(10)))
        print(f"  collector: CPU s by generation "
              f"{ {g: round(s, 2) for g, s in w['gc_s'].items()} }, runs {w['gc_runs']}; objects "
              f"tracked {w['tracked']}, frozen {w['frozen']}; RSS MB {w['rss_mb']}")
        print("  largest memos: " + ", ".join(f"{k} {v}" for k, v in w["caches"].items()))
        prof = tmp / f"{path.stem}.prof"
        if opts.profile_worker and prof.exists():
            target = opts.profile_worker if i == 0 else Path(f"{opts.profile_worker}.{path.stem}")
            target.write_bytes(prof.read_bytes())


if __name__ == "__main__":
    main()
