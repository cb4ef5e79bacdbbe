"""Boosted trees that refine the corrected factuality score (SPEC §4 ``factuality``).

The linear correction (:mod:`diplograph.coding.correction`) weighs each feature of the cue
analysis alone. These trees, fitted on what it leaves over (UW train + dev, chosen by
cross-validation by document: ``benchmarks/factuality_cv.py``), weigh them together with
the words around the predicate: the static detector embeddings (model2vec of MiniLM, the
first principal components) of the predicate, the word governing it and its cue words,
the dependency path to its nearest cue word, and its part of speech. The trees, their
input columns and the embedding rows are data (``data/lexicon/factuality_trees.npz``,
read once); numpy alone runs them. The refined score is then stretched away from the mean
gold value of the fit by a factor shipped with them (``Trees.stretch``). The limits of the
correction hold for the refined and stretched score.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from diplograph.coding.correction import within_limits
from diplograph.coding.cues import Cue
from diplograph.coding.detector import VOCAB, default_path
from diplograph.coding.shipped_arrays import read_arrays
from diplograph.coding.wordpiece import WordPiece

TREES_PATH = Path(__file__).parent.parent / "data" / "lexicon" / "factuality_trees.npz"
MAX_CUE_DISTANCE = 6  # how far up the tree a cue word is looked for
WINDOW = 3  # the words either side of the predicate an embedding slot averages
# The embedding slots, in the order of ``input_row``: the words each averages
SLOTS = ("word", "governor", "cues", "left", "right")
NODE_FIELDS = ("feature", "threshold", "left", "right", "value", "leaf")


@dataclass(frozen=True, slots=True)
class Around:
    """The words around a predicate that the trees read."""

    word: str  # the predicate as written, lower case
    governor: str  # the first non-preposition word above it ("<root>" at the top)
    pos: str
    cue_words: tuple[str, ...]  # the words of its cues, nearest first
    cue_path: str  # the dependencies from it up to its nearest cue word ("self", "none")
    left: tuple[str, ...] = ()  # the WINDOW words before it in its sentence, no punctuation
    right: tuple[str, ...] = ()  # the WINDOW words after it

    def slot_words(self, slot: str) -> tuple[str, ...]:
        """The words an embedding slot (``SLOTS``) averages."""
        return {"word": (self.word,), "governor": (self.governor,), "cues": self.cue_words,
                "left": self.left, "right": self.right}[slot]


def window(tok: Token) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The WINDOW words (lower case, punctuation skipped) before and after ``tok`` in its
    sentence: the context a static embedding of the predicate alone does not see."""
    sent, doc, reach = tok.sent, tok.doc, 4 * WINDOW  # enough words to skip punctuation
    before = [t.lower_ for t in doc[max(sent.start, tok.i - reach):tok.i] if not t.is_punct]
    after = [t.lower_ for t in doc[tok.i + 1:min(sent.end, tok.i + 1 + reach)]
             if not t.is_punct]
    return tuple(before[-WINDOW:]), tuple(after[:WINDOW])


def words_around(tok: Token, cues: tuple[Cue, ...] | list[Cue],
                 with_window: bool = False) -> Around:
    """What the trees read around the predicate ``tok`` with these cues; ``with_window``:
    the words either side too (``window``: finding the sentence costs a scan of the Doc,
    so only where a fitted model reads them: ``reads_window``)."""
    above = [a for a in tok.ancestors if a.pos_ != "ADP"]
    cue_words = tuple(c.word.lower() for c in sorted(cues, key=lambda c: c.level))
    path: list[str] = []
    nearest = "none"
    for node in [tok, *list(tok.ancestors)[:MAX_CUE_DISTANCE]]:
        if any(w.lower_ in cue_words or w.lemma_.lower() in cue_words
               for w in [node, *node.children]):
            nearest = ">".join(path) or "self"
            break
        path.append(node.dep_)
    left, right = window(tok) if with_window else ((), ())
    return Around(word=tok.lower_, governor=above[0].lower_ if above else "<root>",
                  pos=tok.pos_, cue_words=cue_words, cue_path=nearest, left=left, right=right)


@dataclass(frozen=True, slots=True)
class Trees:
    """Fitted boosted regression trees over named input columns."""

    columns: tuple[str, ...]
    roots: np.ndarray  # the first node of each tree
    nodes: dict[str, np.ndarray]  # feature, threshold, left, right, value, leaf (by node)
    baseline: float
    embeddings: np.ndarray  # one row per WordPiece token of the detector's vocabulary
    # The refined score is moved away from ``centre`` (the mean gold value of the fit) by
    # this factor: the regression reads the rare ends and the middle too near the mean
    # (chosen by CV by source and by document, docs/benchmarks.md stop 19; 1: no stretch).
    stretch: float = 1.0
    centre: float = 0.0

    def stretched(self, cue_score: float, score: float) -> float:
        """A refined score (within the limits) moved away from the centre, within the
        limits again."""
        return within_limits(cue_score, self.centre + self.stretch * (score - self.centre))

    def predict(self, row: np.ndarray) -> float:
        """The baseline plus each tree's leaf for this input row (x <= threshold: left);
        all trees step down together, one level a step."""
        feature, threshold = self.nodes["feature"], self.nodes["threshold"]
        left, right, leaf = self.nodes["left"], self.nodes["right"], self.nodes["leaf"]
        node = self.roots.copy()
        inner = ~leaf[node]
        while inner.any():
            at = node[inner]
            node[inner] = np.where(row[feature[at]] <= threshold[at], left[at], right[at])
            inner = ~leaf[node]
        return float(self.baseline + self.nodes["value"][node].sum())


def save_trees(trees: Trees, path: Path = TREES_PATH) -> None:
    """Write fitted trees (``benchmarks/factuality_cv.py --write``)."""
    np.savez_compressed(path, columns=np.array(trees.columns, dtype=str), roots=trees.roots,
                        baseline=np.array(trees.baseline),
                        stretch=np.array(trees.stretch), centre=np.array(trees.centre),
                        embeddings=trees.embeddings.astype(np.float16),
                        **{f"node_{k}": trees.nodes[k] for k in NODE_FIELDS})
    load_trees.cache_clear()


@functools.lru_cache(maxsize=2)
def load_trees(path: Path = TREES_PATH) -> Trees | None:
    """Load (once) the fitted trees; None when none are shipped.

    Raises:
        KnowledgeError: the file is malformed.
    """
    data = read_arrays(path, "the factuality trees",
                       ("columns", "roots", "baseline", "embeddings", "stretch", "centre",
                        *(f"node_{k}" for k in NODE_FIELDS)))
    if data is None:
        return None
    return Trees(columns=tuple(data["columns"].tolist()), roots=data["roots"],
                 nodes={k: data[f"node_{k}"] for k in NODE_FIELDS},
                 baseline=float(data["baseline"]),
                 embeddings=data["embeddings"].astype(np.float32),
                 stretch=float(data["stretch"]), centre=float(data["centre"]))


@functools.lru_cache(maxsize=1)
def _wordpiece() -> WordPiece:
    return WordPiece((default_path() / VOCAB).read_text(encoding="utf-8").split("\n"))


def embedding(words: tuple[str, ...] | list[str], table: np.ndarray) -> np.ndarray:
    """The mean embedding of the known WordPiece tokens of these words (zeros for none)."""
    pieces = _wordpiece()
    ids = [i for w in words for i in pieces.encode(w)[:512] if i != pieces.unk_id]
    return table[ids].mean(0) if ids else np.zeros(table.shape[1], np.float32)


@functools.lru_cache(maxsize=8)
def _column_index(columns: tuple[str, ...]) -> dict[str, int]:
    return {column: i for i, column in enumerate(columns)}


@functools.lru_cache(maxsize=8)
def _slots_of(columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(slot for slot in SLOTS if any(c.startswith(f"emb:{slot}:") for c in columns))


def reads_window(trees: Trees | None) -> bool:
    """Whether these trees read the words either side of the predicate."""
    return trees is not None and bool(trees.embeddings.shape[1]) and any(
        slot in ("left", "right") for slot in _slots_of(trees.columns))


def input_row(columns: tuple[str, ...], table: np.ndarray, around: Around,
              scores: dict[str, float], feats: tuple[str, ...] | list[str]) -> np.ndarray:
    """The trees' input row, by column name: ``score:NAME`` (cue, corrected, delta,
    corrected_at_all), ``pos:X``, ``path:P``, ``f:FEATURE`` (a correction feature),
    ``emb:SLOT:I`` (embedding components of a slot of ``SLOTS``). Only the columns a
    predicate has are looked up (a few dozen of some hundred): the rest stay 0."""
    index = _column_index(columns)
    row = np.zeros(len(columns), np.float32)
    for name, value in scores.items():
        if (i := index.get(f"score:{name}")) is not None:
            row[i] = value
    for column in (f"pos:{around.pos}", f"path:{around.cue_path}", *(f"f:{f}" for f in feats)):
        if (i := index.get(column)) is not None:
            row[i] = 1.0
    if table.shape[1]:  # trees fitted without embeddings ship none
        for slot in _slots_of(columns):  # only the slots the trees were fitted on
            for component, value in enumerate(embedding(around.slot_words(slot), table)):
                if (i := index.get(f"emb:{slot}:{component}")) is not None:
                    row[i] = value
    return row


def input_scores(cue_score: float, corrected: float) -> dict[str, float]:
    """The ``score:`` columns of a predicate the correction weighed."""
    return {"cue": cue_score, "corrected": corrected, "delta": corrected - cue_score,
            "corrected_at_all": 1.0}


def refined(trigger: Token, cues: tuple[Cue, ...] | list[Cue], cue_score: float,
            score: float, feats: tuple[str, ...], trees: Trees | None = None,
            around: Around | None = None) -> float:
    """The corrected ``score`` refined by the shipped trees, within the correction's limits
    (unchanged when no trees are shipped or the correction left the predicate alone).
    ``around``: the words around the predicate, when already read."""
    trees = trees or load_trees()
    if trees is None or not feats:
        return score
    around = around or words_around(trigger, cues, reads_window(trees))
    row = input_row(trees.columns, trees.embeddings, around,
                    input_scores(cue_score, score), feats)
    return trees.stretched(cue_score, within_limits(cue_score, score + trees.predict(row)))


__all__ = ["NODE_FIELDS", "SLOTS", "TREES_PATH", "Around", "Trees", "embedding", "input_row",
           "input_scores", "load_trees", "reads_window", "refined", "save_trees", "window",
           "words_around"]
