"""CPU time of the factuality reading per predicate, the parse excluded.

Parses the first N sentences of UW dev, finds their attributions, then times
``predicate_factuality`` (cues, score, correction, status) over every gold predicate,
best of three runs, in CPU seconds (``time.process_time``: other work on a shared
machine does not count). Run it against another checkout's code by putting that
checkout's ``src`` first on ``PYTHONPATH``::

    PYTHONPATH=src python benchmarks/factuality_timing.py [--sentences 400]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from factuality import DEFAULT_CORPUS, aligned_token, read_conll

from diplograph.coding.factuality import predicate_factuality
from diplograph.coding.parse import load_nlp
from diplograph.coding.quotes import find_attributions


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sentences", type=int, default=400)
    opts = parser.parse_args(argv)
    nlp = load_nlp()
    sentences = list(read_conll(opts.corpus / "uw" / "dev.conll"))[:opts.sentences]
    began = time.process_time()
    docs = list(nlp.pipe(s.text for s in sentences))
    parse = time.process_time() - began
    items = []
    for sent, doc in zip(sentences, docs, strict=True):
        attributions = find_attributions(doc)
        tokens = (aligned_token(doc, *sent.spans[index]) for index, _ in sent.gold)
        items += [(tok, attributions) for tok in tokens if tok is not None]
    predicate_factuality(*items[0])  # the data files load once, outside the timing
    best = float("inf")
    for _ in range(3):
        began = time.process_time()
        for tok, attributions in items:
            predicate_factuality(tok, attributions)
        best = min(best, time.process_time() - began)
    n = len(sentences)
    print(f"{n} sentences, {len(items)} predicates: parse {1000 * parse / n:.2f} ms/sentence; "
          f"reading {1000 * best / len(items):.3f} ms/predicate "
          f"({1000 * best / n:.2f} ms/sentence), best of 3")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
