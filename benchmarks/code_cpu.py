"""CPU seconds of coding alone, on articles parsed once: two versions side by side.

Usage (from the repository root):

    PYTHONPATH=src .venv/bin/python benchmarks/code_cpu.py prepare DIR [--limit 300]
    PYTHONPATH=<a src> .venv/bin/python benchmarks/code_cpu.py measure DIR

``prepare`` cleans the first ``--limit`` BBC texts (``bench.py``'s) as a worker does,
links near-duplicates, and parses the codable articles once with the coder's pipeline
(``parse_texts``): the Docs go to ``DIR/docs.spacy`` (a DocBin), the articles to
``DIR/articles.pkl``. ``measure`` loads the coder as a worker does (``load_worker``),
then codes those Docs twice, each pass on Docs read afresh: a cold pass (the process's
first articles, as a worker's) and a warm pass (its caches of names full). It prints the
CPU seconds of each pass and the number of events.

Coding is a fifth of a worker's CPU and the parse the rest, and on a shared machine the
parse alone moves by more than a change to coding does: this times coding without it.
Run two versions at the same time (one core each, e.g. ``PYTHONPATH=/tmp/a/src ... &
PYTHONPATH=/tmp/b/src ... & wait``): both then see the same machine, where one run after
the other differs by up to a fifth (docs/benchmarks.md, speed29).
"""

from __future__ import annotations

import argparse
import pickle
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DEFAULT_CORPUS, load_texts  # noqa: E402
from ingest_cpu import write_jsonl  # noqa: E402

DOCS, ARTICLES = "docs.spacy", "articles.pkl"


def process_cpu_s() -> float:
    """User + system CPU seconds of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def prepare(out: Path, limit: int) -> None:
    from spacy.tokens import DocBin

    from diplograph.coding.sections import parse_texts
    from diplograph.coding.stage import is_codable
    from diplograph.records import DocumentError
    from diplograph.run.pipeline import (
        DuplicateLinker,
        clean_document,
        load_worker,
        read_documents,
    )
    from diplograph.settings import Settings

    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(load_texts(DEFAULT_CORPUS, limit), out / "input.jsonl")
    settings = Settings(doc_timeout_s=0, doc_memory_mb=0)
    coder = load_worker(settings)
    linker, articles = DuplicateLinker(), []
    for document in read_documents([str(out / "input.jsonl")], settings):
        cleaned = clean_document(document, settings)
        if not isinstance(cleaned, DocumentError):
            articles += [a for a in linker.link(cleaned) if is_codable(a)]
    docs = parse_texts(coder.nlp, [a.text for a in articles],
                       section_chars=settings.section_chars)
    DocBin(docs=list(docs), store_user_data=False).to_disk(out / DOCS)
    (out / ARTICLES).write_bytes(pickle.dumps(articles))
    print(f"{len(articles)} articles parsed into {out / DOCS}")


def measure(out: Path) -> None:
    from spacy.tokens import DocBin

    from diplograph.run.pipeline import load_worker
    from diplograph.settings import Settings

    settings = Settings(doc_timeout_s=0, doc_memory_mb=0)
    before = process_cpu_s()
    coder = load_worker(settings)
    load_s = process_cpu_s() - before
    articles = pickle.loads((out / ARTICLES).read_bytes())  # noqa: S301 - our own file
    passes, events = [], 0
    for _ in ("cold", "warm"):
        docs = list(DocBin().from_disk(out / DOCS).get_docs(coder.nlp.vocab))
        before = process_cpu_s()
        events = sum(len(coder._code(a, d)) for a, d in zip(articles, docs))
        passes.append(process_cpu_s() - before)
    print(f"load {load_s:.2f} code cold {passes[0]:.3f} warm {passes[1]:.3f} CPU s, "
          f"{len(articles)} articles, {events} events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("prepare", "measure"))
    parser.add_argument("dir", type=Path, help="where the parsed articles are kept")
    parser.add_argument("--limit", type=int, default=300, help="BBC texts to prepare")
    opts = parser.parse_args()
    if opts.step == "prepare":
        prepare(opts.dir, opts.limit)
    else:
        measure(opts.dir)


if __name__ == "__main__":
    main()
