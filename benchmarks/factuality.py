"""Claim factuality against public gold: UW (Lee et al. 2015) and MEANTIME (Minard et al. 2016).

Reads the unified CoNLL files of ``../shared/corpus/factuality/`` (Stanovsky et al. 2017:
``index token factuality POS head deprel lemma``, one token a line, a blank line between
sentences; ``factuality`` is ``_`` or a value in [-3, +3]), rebuilds each sentence's text
from its tokens, parses it with our spaCy pipeline, finds its attributions as the coder does,
aligns our tokens to the CoNLL tokens by character offsets and scores every gold predicate
with ``diplograph.coding.factuality.predicate_factuality``. It prints, per split:

- MAE and Pearson r of our score against the gold value (the measures of the literature);
- 3-way accuracy (happened >= 1, uncertain in (-1, 1), not happened <= -1) and each class's
  recall, the non-factual classes first; the same for the statuses (asserted and reported:
  happened; unconfirmed, planned and hypothetical: uncertain; denied and negated: not);
- the distribution of the statuses read off the scores.

Usage::

    python benchmarks/factuality.py [--corpus ../shared/corpus/factuality]
                                    [--split uw/dev uw/test meantime/test] [--show N]
    python benchmarks/factuality.py --fit     # refit the calibration on uw/train only

``--fit`` refits the cue values (``data/lexicon/factuality.yaml``, its ``calibration``
block) and then the correction (``data/lexicon/factuality_model.npz``) on UW train, never
on dev or test, and rewrites them (``factuality_fit.py``). The shipped correction and trees
are then refitted on UW train + dev by ``factuality_cv.py --write`` (``make
fit-factuality`` runs both).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factuality_fit import fit, fit_correction
from spacy.tokens import Doc, Token

from diplograph.coding.factuality import BAND_OF_STATUS, Reading, predicate_factuality
from diplograph.coding.factuality_features import GROUPS
from diplograph.coding.parse import load_nlp
from diplograph.coding.quotes import find_attributions

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / ".." / "shared" / "corpus" / "factuality"
DEFAULT_SPLITS = ("uw/dev", "uw/test", "meantime/test")
# PTB tokens written without a space before them, and those without a space after them.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "''", "'s", "'S", "n't",
                    "N'T", "'re", "'ve", "'ll", "'d", "'m", "-RRB-", "-RSB-", "'"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "-LRB-", "-LSB-"}
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
             "``": '"', "''": '"'}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One CoNLL sentence: its tokens, their offsets in the rebuilt text, the gold values."""

    text: str
    spans: tuple[tuple[int, int], ...]  # per CoNLL token, (start, end) in ``text``
    gold: tuple[tuple[int, float], ...]  # (CoNLL token index, gold factuality)


@dataclass(frozen=True, slots=True)
class Scored:
    """One gold predicate with our reading of it."""

    word: str
    gold: float
    reading: Reading | None  # None when no token of ours lines up with it
    sentence: str


def read_conll(path: Path) -> Iterator[Sentence]:
    """The sentences of one unified-factuality CoNLL file, text rebuilt from the tokens."""
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            rows.append(line.split("\t"))
            continue
        if rows:
            yield _sentence(rows)
            rows = []


def _sentence(rows: list[list[str]]) -> Sentence:
    """Detokenise PTB-style tokens ("did n't" -> "didn't") keeping each token's offsets."""
    text, spans, gold = "", [], []
    for i, row in enumerate(rows):
        word = _BRACKETS.get(row[1], row[1])
        if text and row[1] not in _NO_SPACE_BEFORE and rows[i - 1][1] not in _NO_SPACE_AFTER:
            text += " "
        spans.append((len(text), len(text) + len(word)))
        text += word
        if row[2] != "_":
            gold.append((i, float(row[2])))
    return Sentence(text=text, spans=tuple(spans), gold=tuple(gold))


def aligned_token(doc: Doc, start: int, end: int) -> Token | None:
    """Our token for the CoNLL token at [start, end): the head of the tokens it covers."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def score_split(path: Path, nlp, reader: Callable[[Token, list], Reading]) -> list[Scored]:
    """Parse every sentence of one split and read every gold predicate in it."""
    sentences = list(read_conll(path))
    out: list[Scored] = []
    for sent, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
        attributions = find_attributions(doc)
        for index, value in sent.gold:
            start, end = sent.spans[index]
            tok = aligned_token(doc, start, end)
            reading = reader(tok, attributions) if tok is not None else None
            out.append(Scored(word=sent.text[start:end], gold=value, reading=reading,
                              sentence=sent.text))
    return out


def _band(value: float) -> str:
    return "happened" if value >= 1 else "not" if value <= -1 else "uncertain"


def pearson(xs: list[float], ys: list[float]) -> float:
    """Pearson's r (0 when either side is constant)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0




def metrics(scored: list[Scored]) -> dict[str, float]:
    """MAE, Pearson r, 3-way accuracy and per-class recall (unaligned predicates score +3),
    and the 3-way accuracy and recall of the statuses (``status_`` keys)."""
    gold = [s.gold for s in scored]
    pred = [s.reading.score if s.reading else 3.0 for s in scored]
    out = {
        "n": float(len(scored)),
        "unaligned": float(sum(s.reading is None for s in scored)),
        "mae": sum(abs(g - p) for g, p in zip(gold, pred, strict=True)) / len(gold),
        "r": pearson(gold, pred),
    }
    by_score = [_band(p) for p in pred]
    by_status = [BAND_OF_STATUS[s.reading.status] if s.reading else "happened" for s in scored]
    for prefix, bands in (("", by_score), ("status_", by_status)):
        truth = [_band(g) for g in gold]
        out[f"{prefix}acc3"] = sum(t == b for t, b in zip(truth, bands, strict=True)) / len(gold)
        for band in ("not", "uncertain", "happened"):
            hits = [b == band for t, b in zip(truth, bands, strict=True) if t == band]
            out[f"n_{band}"] = float(len(hits))
            out[f"{prefix}recall_{band}"] = sum(hits) / len(hits) if hits else float("nan")
    return out


def report(name: str, scored: list[Scored], show: int) -> None:
    m = metrics(scored)
    print(f"{name}: n={int(m['n'])} unaligned={int(m['unaligned'])} "
          f"MAE={m['mae']:.3f} r={m['r']:.3f} acc3={m['acc3']:.3f} "
          f"recall not={m['recall_not']:.3f} (n={int(m['n_not'])}) "
          f"uncertain={m['recall_uncertain']:.3f} (n={int(m['n_uncertain'])}) "
          f"happened={m['recall_happened']:.3f} (n={int(m['n_happened'])})")
    print(f"  by status (asserted, reported: happened; unconfirmed, planned, hypothetical: "
          f"uncertain; denied, negated: not): acc3={m['status_acc3']:.3f} "
          f"recall not={m['status_recall_not']:.3f} uncertain={m['status_recall_uncertain']:.3f} "
          f"happened={m['status_recall_happened']:.3f}")
    statuses = Counter(s.reading.status for s in scored if s.reading)
    print("  statuses: " + ", ".join(f"{k}={v}" for k, v in statuses.most_common()))
    worst = sorted(scored, key=lambda s: -abs(s.gold - (s.reading.score if s.reading else 3)))
    for s in worst[:show]:
        r = s.reading
        print(f"  gold={s.gold:+.1f} ours={r.score if r else 3:+.2f} {s.word!r} "
              f"cues={list(r.cues) if r else None} | {s.sentence[:160]}")


def reading_every_group(token: Token, attributions: list) -> Reading:
    """A predicate read with every feature group, not only those the shipped weights read:
    what a fit may weigh."""
    return predicate_factuality(token, attributions, tuple(GROUPS))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", nargs="+", default=list(DEFAULT_SPLITS),
                        help="splits to score, as <corpus>/<split> (uw/dev, meantime/test, ...)")
    parser.add_argument("--show", type=int, default=0, help="print the N worst predicates")
    parser.add_argument("--fit", action="store_true",
                        help="refit the calibration on uw/train and rewrite the data file")
    opts = parser.parse_args(argv)
    nlp = load_nlp()
    if opts.fit:
        train = score_split(opts.corpus / "uw/train.conll", nlp, reading_every_group)
        fit(train)
        fit_correction(train)
        return 0
    for split in opts.split:
        began = time.perf_counter()
        scored = score_split(opts.corpus / f"{split}.conll", nlp, predicate_factuality)
        report(split, scored, opts.show)
        print(f"  ({time.perf_counter() - began:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
