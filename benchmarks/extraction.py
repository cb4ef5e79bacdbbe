"""Article-extraction benchmark on the Zyte article-extraction-benchmark pages.

Usage (from the repository root):

    .venv/bin/python benchmarks/extraction.py [--corpus DIR]
        # DIR defaults to ../shared/corpus/article-extraction-benchmark
    .venv/bin/python benchmarks/extraction.py --variants   # also trafilatura option variants

Scores, against each page's ground-truth ``articleBody``:

(a) trafilatura alone: ``trafilatura.extract(html)`` with its defaults;
(b) our HTML path: ``sources.iter_documents`` + ``articles.extract_articles``;
(c) our text-dump cleaner on the page's whole visible text
    (``htmlpages.visible_text``: nav, header, footer and aside included).

Metric: tokens are the whitespace-split words of the lower-cased text. For
each page, true positives are the size of the multiset intersection of
predicted and gold tokens; false positives and negatives are the rest of each
side. Sums over all pages give micro precision, recall and F1. A page that
fails gives no tokens (all its gold tokens are misses).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from diplograph.errors import ExtractionError
from diplograph.pages import htmlpages
from diplograph.pages.articles import extract_articles
from diplograph.pages.sources import iter_documents
from diplograph.records import Document

DEFAULT_CORPUS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
                  / "article-extraction-benchmark")


def tokens(text: str) -> Counter[str]:
    return Counter(text.lower().split())


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, pred: str, gold: str) -> None:
        p, g = tokens(pred), tokens(gold)
        common = sum((p & g).values())
        self.tp += common
        self.fp += sum(p.values()) - common
        self.fn += sum(g.values()) - common

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def _articles_text(doc: Document) -> str:
    try:
        return "\n\n".join(article.text for article in extract_articles(doc))
    except ExtractionError:
        return ""


def load_pages(corpus: Path) -> dict[str, tuple[str, str, str | None]]:
    """page id -> (html, gold body, url)."""
    truth = json.loads((corpus / "ground-truth.json").read_text("utf-8"))
    pages = {}
    for page_id, item in sorted(truth.items()):
        raw = gzip.open(corpus / "html" / f"{page_id}.html.gz").read()
        pages[page_id] = (raw.decode("utf-8", "replace"), item["articleBody"], item.get("url"))
    return pages


def run_system(name: str, predict: Callable[[str], str],
               gold: dict[str, str]) -> tuple[float, float, float]:
    score = Score()
    start = time.perf_counter()
    for page_id, body in gold.items():
        score.add(predict(page_id), body)
    precision, recall, f1 = score.prf()
    seconds = time.perf_counter() - start
    print(f"{name:<44} P={precision:.3f} R={recall:.3f} F1={f1:.3f}  ({seconds:.0f} s)")  # noqa: T201
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="benchmark folder (ground-truth.json, html/)")
    parser.add_argument("--variants", action="store_true",
                        help="also score trafilatura option variants")
    parser.add_argument("--only", choices=["a", "b", "c"], action="append",
                        help="run only these systems")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    pages = load_pages(args.corpus)
    gold = {page_id: body for page_id, (_html, body, _url) in pages.items()}
    print(f"{len(pages)} pages from {args.corpus}")  # noqa: T201
    only = set(args.only or "abc")

    if "a" in only:
        run_system("(a) trafilatura.extract defaults",
                   lambda pid: trafilatura.extract(pages[pid][0]) or "", gold)
    if args.variants:
        for label, options in _VARIANTS.items():
            def predict(pid: str, options: dict = options) -> str:
                page = htmlpages.extract_html(pages[pid][0], **options)
                return "\n\n".join(page.paragraphs) if page else ""
            run_system(f"    htmlpages {label}", predict, gold)
    if "b" in only:
        docs = {doc.doc_id: doc for doc in iter_documents([str(args.corpus / "html")])
                if isinstance(doc, Document)}
        run_system("(b) diplograph HTML path",
                   lambda pid: _articles_text(docs[pid]) if pid in docs else "", gold)
    if "c" in only:
        def dump(pid: str) -> str:
            text = htmlpages.visible_text(pages[pid][0])
            doc = Document(doc_id=pid, kind="text", content=text or " ", content_hash="")
            return _articles_text(doc)
        run_system("(c) diplograph text-dump cleaner", dump, gold)
        run_system("    whole visible text, uncleaned (floor)",
                   lambda pid: htmlpages.visible_text(pages[pid][0]), gold)
    return 0


_VARIANTS: dict[str, dict[str, object]] = {
    "defaults (comments off)": {"favor_recall": False, "include_comments": False},
    "favor_recall": {"favor_recall": True},
    "favor_precision": {"favor_recall": False, "favor_precision": True},
    "favor_recall, no tables": {"favor_recall": True, "include_tables": False},
    "favor_recall, comments on": {"favor_recall": True, "include_comments": True},
}

if __name__ == "__main__":
    sys.exit(main())
