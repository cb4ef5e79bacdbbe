"""Never lose an article: ingest the BBC corpus and check every article is kept whole (issue #14).

    .venv/bin/python benchmarks/bbc_keep.py [--corpus FILE] [--db FILE] [--articles-only]

Runs ``diplograph ingest CORPUS --db DB`` (this checkout's code: ``src/`` goes first on
``PYTHONPATH``) and checks, against the JSONL source: the exit status is 0, every
record id is stored, and no record's stored text (its articles' titles and bodies)
has fewer than 80% of its source's words. ``--articles-only`` runs ``diplograph
articles`` instead (cleaning only, no event coding: seconds instead of minutes).
Prints one summary line and one line per record that fails; exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "articles.jsonl"
CLI = [sys.executable, "-c", "from diplograph.cli import main; main()"]
MIN_SHARE = 0.8
SHOWN = 30  # problem lines printed at most


def run_cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, check=False)


Run = subprocess.CompletedProcess[str]


def stored_by_ingest(corpus: Path, db: Path) -> tuple[dict[str, int], Run]:
    done = run_cli(["ingest", str(corpus), "--db", str(db)])
    words: dict[str, int] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT doc_id, title, text FROM articles").fetchall()
        for doc_id, title, text in rows:
            words[doc_id] = words.get(doc_id, 0) + len(f"{title or ''} {text}".split())
    return words, done


def stored_by_articles(corpus: Path) -> tuple[dict[str, int], Run]:
    done = run_cli(["articles", str(corpus), "--format", "jsonl"])
    words: dict[str, int] = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        words[record["doc_id"]] = words.get(record["doc_id"], 0) + len(
            f"{record['title'] or ''} {record['text']}".split())
    return words, done


def check(corpus: Path, stored: dict[str, int]) -> list[str]:
    problems = []
    for line in corpus.read_text("utf-8").splitlines():
        record = json.loads(line)
        source = len(record["text"].split())
        kept = stored.get(record["id"])
        if kept is None:
            problems.append(f"{record['id']}: not stored")
        elif kept < MIN_SHARE * source:
            problems.append(f"{record['id']}: {kept} of {source} words kept")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL with id and text")
    parser.add_argument("--db", type=Path, help="DuckDB file to create (default: a temporary one)")
    parser.add_argument("--articles-only", action="store_true", help="clean only, no ingest")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        if args.articles_only:
            stored, done = stored_by_articles(args.corpus)
        else:
            stored, done = stored_by_ingest(args.corpus, args.db or Path(tmp) / "bbc.duckdb")
    records = sum(1 for _ in args.corpus.open(encoding="utf-8"))
    problems = check(args.corpus, stored)
    summary = [line for line in done.stderr.splitlines() if line.startswith("ingested")]
    sys.stdout.write(
        f"{'articles' if args.articles_only else 'ingest'} exit {done.returncode}; "
        f"{len(stored)} of {records} records stored, {len(problems)} under "
        f"{MIN_SHARE:.0%} of their words; {time.perf_counter() - start:.0f} s\n")
    sys.stdout.write("".join(f"{line}\n" for line in [*summary, *problems[:SHOWN]]))
    errors = [line for line in done.stderr.splitlines() if line.startswith(("error", "WARNING"))]
    sys.stdout.write("".join(f"stderr: {line}\n" for line in errors[:20]))
    return 0 if done.returncode == 0 and not problems and len(stored) == records else 1


if __name__ == "__main__":
    sys.exit(main())
