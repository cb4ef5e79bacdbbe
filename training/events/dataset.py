"""Train / dev / test splits of the labelled sentences.

test = the test-sid files, `test_sids.txt` and `test_sids_extra*.txt` (whole documents; never
trained or tuned on; labels.POOLS lists them).
dev = the non-test documents whose id hashes (SHA-256) into the lowest 15% of the hash range:
a deterministic ~15% of documents, decided per document, so a document's split never changes
as chunks or pools are added. train = the rest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from .labels import HERE, TYPES, Label, Sentence, load_pool, training_labels

DEV_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class Split:
    """Sentences of one split with their label matrix (rows = sentences, cols = TYPES)."""

    name: str
    sids: list[str]
    texts: list[str]
    y: np.ndarray

    def __len__(self) -> int:
        return len(self.sids)


def label_matrix(labels: list[Label]) -> np.ndarray:
    """0/1 matrix of the types of each label."""
    y = np.zeros((len(labels), len(TYPES)), dtype=np.int8)
    for i, label in enumerate(labels):
        for t in label.types:
            y[i, TYPES.index(t)] = 1
    return y


def is_dev_document(doc: str, share: float = DEV_SHARE) -> bool:
    """Whether a (non-test) document belongs to dev: its hash falls in the lowest `share`."""
    return int(hashlib.sha256(doc.encode()).hexdigest()[:12], 16) < share * 16**12


def dev_documents(pool: dict[str, Sentence], share: float = DEV_SHARE) -> set[str]:
    """The non-test documents that form the dev split."""
    test_docs = {s.doc for s in pool.values() if s.test}
    return {s.doc for s in pool.values()
            if s.doc not in test_docs and is_dev_document(s.doc, share)}


def make_splits() -> dict[str, Split]:
    """train, dev and test from the labels written so far."""
    pool = load_pool(HERE)
    labels = training_labels(HERE)
    dev_docs = dev_documents(pool)
    groups: dict[str, list[Label]] = {"train": [], "dev": [], "test": []}
    for sid in sorted(labels):
        sent = pool[sid]
        name = "test" if sent.test else "dev" if sent.doc in dev_docs else "train"
        groups[name].append(labels[sid])
    return {name: Split(name, [lb.sid for lb in group], [pool[lb.sid].text for lb in group],
                        label_matrix(group)) for name, group in groups.items()}


def describe(splits: dict[str, Split]) -> dict[str, dict[str, int]]:
    """Sentence, no-event and per-type counts of each split."""
    out = {}
    for name, sp in splits.items():
        counts = {"sentences": len(sp), "no_event": int((sp.y.sum(1) == 0).sum())}
        counts |= {t: int(sp.y[:, j].sum()) for j, t in enumerate(TYPES)}
        out[name] = counts
    return out
