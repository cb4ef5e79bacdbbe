"""Probe: one very large document, ingested alone: does it finish or get refused, how fast,
and how much memory does it take?

Usage (from the repository root):

    .venv/bin/python benchmarks/big_document.py [--sizes 30000000 900000]
        [--kinds txt html] [--base main]

For each size and kind it writes one document of about that many characters,
made of BBC News articles (``../shared/corpus/bbc-news-2225``) joined by blank
lines and repeated until the size is reached (as ``.txt``, or as paragraphs of
an ``.html`` page), then runs ``diplograph.run.ingest.ingest_paths`` on it in a
child process with the default settings (``DIPLOGRAPH_*`` variables apply),
sampling the resident memory of the child and its workers as ``bench.py``
does. It reports the wall time, the peak RSS, and what happened (events
stored, or the error line). ``--base REV`` runs the same with that commit's code.
"""

from __future__ import annotations

import argparse
import html
import json
import tempfile
import time
from pathlib import Path

from bench import DEFAULT_CORPUS, export_src, load_texts, run_phase


def write_document(folder: Path, chars: int, kind: str, texts: list[str]) -> Path:
    """A document of about ``chars`` characters of news text, as ``.txt`` or ``.html``."""
    paragraphs, total, i = [], 0, 0
    while total < chars:
        text = texts[i % len(texts)]
        paragraphs.append(text)
        total += len(text) + 2
        i += 1
    path = folder / f"big-{chars}.{kind}"
    if kind == "txt":
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    else:
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        path.write_text(f"<html><head><title>Big page</title></head><body><article>{body}"
                        "</article></body></html>", encoding="utf-8")
    return path


def phase_ingest(path: Path) -> dict:
    from diplograph.run.ingest import ingest_paths

    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = ingest_paths([str(path)], Path(tmp) / "big.duckdb",
                               on_error=lambda e: errors.append(e.line()))
        wall = time.perf_counter() - t0
    return {"wall_s": wall, "events": summary.events, "failed": summary.failed,
            "error": errors[0] if errors else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[30_000_000, 900_000])
    parser.add_argument("--kinds", nargs="+", choices=["txt", "html"], default=["txt", "html"])
    parser.add_argument("--base", default=None, help="Also run with the code of this commit.")
    parser.add_argument("--phase", type=Path, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.phase:
        print(json.dumps(phase_ingest(opts.phase)))
        return
    texts = load_texts(opts.corpus, None)
    with tempfile.TemporaryDirectory() as tmp:
        base = export_src(opts.base, Path(tmp) / "base") if opts.base else None
        codes = [("this tree", None)] + ([(opts.base, base)] if base else [])
        for size in opts.sizes:
            for kind in opts.kinds:
                doc = write_document(Path(tmp), size, kind, texts)
                for name, src in codes:
                    r = run_phase(["--phase", str(doc)], script=Path(__file__), src=src)
                    outcome = r["error"] or f"stored, {r['events']} events"
                    print(f"{doc.stat().st_size:>11,} bytes .{kind:<4} {name:<10} "
                          f"{r['wall_s']:>7.1f} s {r['peak_rss_mb']:>7.0f} MB  {outcome}",
                          flush=True)


if __name__ == "__main__":
    main()
