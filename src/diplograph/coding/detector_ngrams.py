"""The sparse word n-gram part of the event detector (issue #17, stop 28).

The static part of the detector mean-pools token vectors, which dilutes the one word that
carries the act ("shelled", "vetoed") among the rest of the sentence. This part keeps each
lower-cased word unigram and adjacent bigram of the sentence as its own feature: the n-gram
vector (presence, or sublinear tf x idf) is L2-normalised and each known n-gram adds its row
of an (n-grams x types) weight table to the sentence's logits. Training
(`training/events/ngrams.py`) featurises with the same functions, so the two cannot drift.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

# Words of letters and digits, with an English clitic kept on its word ("country's", "don't").
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
WEIGHTINGS = ("binary", "tfidf")


def ngrams(text: str) -> list[str]:
    """The lower-cased word unigrams and adjacent bigrams of a text, in order, with repeats."""
    words = WORD.findall(text.lower().replace("\u2019", "'"))
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def weighted_counts(text: str, index: dict[str, int], weighting: str,
                    idf: np.ndarray | None) -> tuple[list[int], np.ndarray]:
    """The known n-grams' ids and their L2-normalised values (empty when none is known)."""
    counts = Counter(g for g in ngrams(text) if g in index)
    if not counts:
        return [], np.zeros(0, dtype=np.float32)
    ids = [index[g] for g in counts]
    if weighting == "binary":
        values = np.ones(len(ids), dtype=np.float32)
    else:
        tf = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32)
        values = tf * idf[ids]
    return ids, values / np.float32(np.linalg.norm(values))


@dataclass(frozen=True, slots=True)
class NgramPart:
    """A vocabulary of n-grams with one logit contribution per type each."""

    index: dict[str, int]
    table: np.ndarray  # n-grams x types
    weighting: str
    idf: np.ndarray | None = None

    @classmethod
    def from_arrays(cls, vocab: list[str], table: np.ndarray, weighting: str,
                    idf: np.ndarray | None) -> NgramPart:
        """Build from the vocabulary (row order of the table) and the arrays."""
        if weighting not in WEIGHTINGS:
            raise ValueError(f"unknown n-gram weighting {weighting!r}")
        if weighting == "tfidf" and (idf is None or idf.shape != (len(vocab),)):
            raise ValueError("tfidf weighting needs one idf value per n-gram")
        if table.shape[0] != len(vocab):
            raise ValueError("the n-gram table does not match its vocabulary")
        return cls({g: i for i, g in enumerate(vocab)}, table, weighting, idf)

    def logits(self, text: str) -> np.ndarray:
        """The text's n-gram contribution to each type's logit."""
        ids, values = weighted_counts(text, self.index, self.weighting, self.idf)
        if not ids:
            return np.zeros(self.table.shape[1], dtype=np.float32)
        return values @ self.table[ids]
