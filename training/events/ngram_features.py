"""Features of stop 28's detector (NGRAMS_PLAN.md): static logits + sparse word n-grams.

- static: the 16 logits of the static model. For a train/dev sentence, the logit of its
  out-of-fold probability (`oof_probabilities.tsv`: the model that scored it never saw it);
  for a test sentence, the shipped folded model's logits (what run time computes).
- n-grams: `diplograph.coding.detector_ngrams`' unigrams and bigrams, vocabulary and idf fitted
  on the fitting sentences only, each row L2-normalised (the run-time function itself).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from diplograph.coding.detector_ngrams import ngrams, weighted_counts

from .labels import TYPES
from .oof import read_probabilities

MAX_VOCAB = 50_000
PROB_CLIP = 5e-4  # the OOF file has 3 decimals: 0.000 and 1.000 would be infinite logits


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The n-grams kept (row order of the weight table) and their idf."""

    grams: list[str]
    idf: np.ndarray

    @property
    def index(self) -> dict[str, int]:
        """n-gram -> row."""
        return {g: i for i, g in enumerate(self.grams)}


def fit_vocabulary(texts: list[str], min_df: int, cap: int = MAX_VOCAB) -> Vocabulary:
    """n-grams in at least `min_df` texts, the most frequent `cap` (ties by the n-gram);
    smoothed idf = ln((1 + N) / (1 + df)) + 1."""
    df = Counter(g for text in texts for g in set(ngrams(text)))
    kept = sorted((g for g, n in df.items() if n >= min_df), key=lambda g: (-df[g], g))[:cap]
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[g])) + 1.0 for g in kept], dtype=np.float32)
    return Vocabulary(kept, idf)


def ngram_matrix(texts: list[str], vocab: Vocabulary, weighting: str) -> sparse.csr_matrix:
    """One L2-normalised n-gram row per text (the run-time weighting)."""
    index = vocab.index
    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        ids, values = weighted_counts(text, index, weighting, vocab.idf)
        rows += [i] * len(ids)
        cols += ids
        vals += values.tolist()
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab.grams)),
                             dtype=np.float64)


def oof_logits(sids: list[str]) -> np.ndarray:
    """Logits of the out-of-fold probabilities of train/dev sentences (sids x TYPES)."""
    probs = read_probabilities()
    missing = [s for s in sids if s not in probs]
    if missing:
        raise SystemExit(f"{len(missing)} train/dev sentences lack an out-of-fold probability "
                         f"(e.g. {missing[0]}): rerun `make train-detector` first")
    p = np.array([[probs[s][t] for t in TYPES] for s in sids], dtype=np.float64)
    p = np.clip(p, PROB_CLIP, 1.0 - PROB_CLIP)
    return np.log(p / (1.0 - p))


def combined(static: np.ndarray | None, alpha: float, grams: sparse.csr_matrix
             ) -> sparse.csr_matrix:
    """[alpha x static logits, n-grams] (n-grams alone where static is None)."""
    if static is None:
        return grams
    return sparse.hstack([sparse.csr_matrix(alpha * static), grams], format="csr")
