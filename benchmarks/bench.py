"""Performance benchmark: end-to-end ingest vs bare spaCy on the BBC News corpus.

Usage (from the repository root; ``make bench`` runs the full corpus):

    .venv/bin/python benchmarks/bench.py [--corpus ../shared/corpus/bbc-news-2225]
        [--limit N] [--processes 1 2] [--batch-size 64] [--base main]

For each number of processes it measures, in the same run and on the same
texts (the BBC CSVs' ``text`` column, written once as one JSON Lines file):

(a) **bare**: ``load_nlp(model)`` then ``list(nlp.pipe(texts, n_process=N))``,
    nothing else;
(b) **ingest**: ``diplograph.run.ingest.ingest_paths`` of that JSONL file into a
    fresh temporary DuckDB (reading, cleaning, parsing, coding, incidents,
    writes), with ``n_process=N``.

With ``--base REV`` the ingest phase also runs with the code of that commit
(its ``src`` exported with ``git archive`` and put first on ``PYTHONPATH``),
in the same run, so before and after are measured side by side under the same
load (line ``ingest@REV``; its ratio uses the same bare time).

Each phase runs in its own child process so that its peak memory is its own:
the parent samples the child and all its descendants every 0.1 s and reports two
peaks: **RSS**, the sum of their ``VmRSS`` (``/proc/<pid>/status``; a page shared by
several processes, such as the model a forked worker inherited, is counted once in
each: issue 19's figure), and **PSS**, the sum of their proportional set sizes
(``Pss`` of ``/proc/<pid>/smaps_rollup``: a page shared by k processes counts 1/k in
each, so the sum is the memory the phase really holds), and the CPU seconds
(user + system, ``/proc/<pid>/stat``) of each of those processes at its last sample,
so that the parent's work and each worker's can be told apart on a loaded machine.
Wall times include loading the model in both phases. The ratio is ingest time / bare
time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225"


def load_texts(corpus: Path, limit: int | None) -> list[str]:
    """The ``text`` column of the corpus CSVs (train, val, test), in that order."""
    csv.field_size_limit(10_000_000)
    texts: list[str] = []
    for name in ("train.csv", "val.csv", "test.csv"):
        with (corpus / "data" / name).open(encoding="utf-8", newline="") as fh:
            texts += [row["text"] for row in csv.DictReader(fh)]
    return texts[:limit] if limit else texts


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


def _memory_kb(pid: int, file: str, field: str) -> int:
    """The kB figure of line ``field`` of ``/proc/<pid>/<file>`` (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/{file}") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kb(pid: int) -> int:
    return _memory_kb(pid, "status", "VmRSS:")


def _pss_kb(pid: int) -> int:
    """Proportional set size: each resident page divided by the processes sharing it."""
    return _memory_kb(pid, "smaps_rollup", "Pss:")


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in kB."""
    return sum(_rss_kb(p) for p in tree_pids(pid))


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    todo, found = [pid], []
    while todo:
        p = todo.pop()
        found.append(p)
        todo += _children(p)
    return found


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime


def export_src(rev: str, into: Path) -> Path:
    """The ``src`` folder of commit ``rev``, unpacked into ``into`` (git archive | tar)."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", "--format=tar", rev, "src"], cwd=REPO,
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def run_phase(args: list[str], script: Path = Path(__file__),
              src: Path | None = None) -> dict:
    """Run ``script --phase ...`` in a child (with ``src`` first on ``PYTHONPATH`` when
    given); returns its JSON result plus the peak RSS and PSS of the child and its
    descendants (each the peak of the sum over the processes)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    proc = subprocess.Popen([sys.executable, str(script), *args], stdout=subprocess.PIPE,
                            text=True, env=env)
    peak, peak_pss, cpu = 0, 0, {}
    while proc.poll() is None:
        pids = tree_pids(proc.pid)
        peak = max(peak, sum(_rss_kb(p) for p in pids))
        peak_pss = max(peak_pss, sum(_pss_kb(p) for p in pids))
        cpu.update({p: seconds for p in pids if (seconds := cpu_s(p))})
        time.sleep(0.1)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"phase {args} failed with status {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(peak / 1024, 1)
    result["peak_pss_mb"] = round(peak_pss / 1024, 1)
    # CPU of the phase's own process, then of its descendants (last sample, 0.1 s apart).
    result["cpu_s"] = [round(cpu.pop(proc.pid, 0.0), 1)] + [round(s, 1) for s in cpu.values()]
    return result


def phase_bare(jsonl: Path, n_process: int) -> dict:
    from diplograph.coding.parse import load_nlp
    from diplograph.settings import Settings

    texts = [json.loads(line)["text"] for line in jsonl.open(encoding="utf-8")]
    t0 = time.perf_counter()
    nlp = load_nlp(Settings().model)
    loaded = time.perf_counter()
    n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32, n_process=n_process))
    end = time.perf_counter()
    return {"wall_s": end - t0, "load_s": loaded - t0, "tokens": n_tokens, "articles": len(texts)}


def phase_ingest(jsonl: Path, n_process: int, batch_size: int) -> dict:
    from diplograph.run.ingest import ingest_paths
    from diplograph.settings import Settings

    settings = Settings.from_env(n_process=n_process, batch_size=batch_size)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = ingest_paths([str(jsonl)], Path(tmp) / "bench.duckdb", settings=settings)
        end = time.perf_counter()
    return {"wall_s": end - t0, "articles": summary.articles, "events": summary.events,
            "failed": summary.failed}


def orchestrate(opts: argparse.Namespace) -> None:
    texts = load_texts(opts.corpus, opts.limit)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "bbc.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(texts):
                fh.write(json.dumps({"id": f"bbc-{i:04d}", "text": text}) + "\n")
        print(f"corpus: {opts.corpus} ({len(texts)} articles); cpus: {os.cpu_count()}; "
              f"ingest batch size {opts.batch_size}")
        print(f"{'proc':>4}  {'phase':<12} {'wall s':>8} {'art/s':>7} {'peak RSS MB':>11} "
              f"{'peak PSS MB':>11}  notes")
        base = export_src(opts.base, Path(tmp) / "base") if opts.base else None
        for n in opts.processes:
            bare = run_phase(["--phase", "bare", "--input", str(jsonl), "-n", str(n)])
            _line(n, "bare", bare, f"model load {bare['load_s']:.1f} s, {bare['tokens']} tokens")
            ingest = ["--phase", "ingest", "--input", str(jsonl), "-n", str(n),
                      "--batch-size", str(opts.batch_size)]
            runs = [("ingest", None)] + ([(f"ingest@{opts.base}", base)] if base else [])
            for name, src in runs:
                ours = run_phase(ingest, src=src)
                _line(n, name, ours, f"{ours['articles']} articles, {ours['events']} events, "
                                     f"{ours['failed']} failed; ratio "
                                     f"{ours['wall_s'] / bare['wall_s']:.2f} (ingest / bare)")


def _line(n: int, phase: str, r: dict, notes: str) -> None:
    rate = len_or(r) / r["wall_s"]
    cpu = r["cpu_s"]
    print(f"{n:>4}  {phase:<12} {r['wall_s']:>8.1f} {rate:>7.1f} {r['peak_rss_mb']:>11.0f} "
          f"{r['peak_pss_mb']:>11.0f}  "
          f"{notes}; CPU s {sum(cpu):.1f} (main process {cpu[0]}, others "
          f"{', '.join(map(str, cpu[1:])) or '-'})", flush=True)


def len_or(r: dict) -> int:
    return r.get("articles", 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=64,
                        help="Settings.batch_size for ingest.")
    parser.add_argument("--base", default=None,
                        help="Also run the ingest phase with the code of this commit.")
    parser.add_argument("--phase", choices=["bare", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("-n", type=int, default=1, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.phase == "bare":
        print(json.dumps(phase_bare(opts.input, opts.n)))
    elif opts.phase == "ingest":
        print(json.dumps(phase_ingest(opts.input, opts.n, opts.batch_size)))
    else:
        orchestrate(opts)


if __name__ == "__main__":
    main()
