"""Learned sentence-level event detector: PLOVER type probabilities for each sentence (issue #17).

The shipped model is a model2vec static embedding distilled from all-MiniLM-L6-v2 with a
one-vs-rest logistic regression on top, trained on the project's own sentence labels
(`training/events/`, `make train-detector`). Because the sentence vector is the mean of token
vectors and the classifier is linear, the two are folded into one table: each WordPiece token
has one logit contribution per type, and a sentence's logits are the mean of its tokens' rows
(scaled by a power of the token count, a length correction fitted in training) plus a bias.
Run time therefore needs numpy and nothing else (no torch, no tokenizers).

Format v2 (stop 28) adds a sparse part (`detector_ngrams.py`): the sentence's lower-cased word
unigrams and bigrams, L2-normalised, each known one adding its row of an n-gram weight table
to the logits; the n-grams are listed in `ngrams.txt`, their table (and idf) in `weights.npz`.
A v1 folder (token table only) still loads.

    detector = EventDetector.load()                  # once per worker
    detector.predict(["Rebels shelled the city."])  # [{"ASSAULT": 0.93, "ACCUSE": 0.02, ...}]
    detector.detect([...])                           # [["ASSAULT"]] (probability >= threshold)
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from diplograph.coding.detector_ngrams import NgramPart
from diplograph.coding.wordpiece import WordPiece
from diplograph.errors import KnowledgeError

logger = logging.getLogger(__name__)

MANIFEST = "MANIFEST.sha256"
CONFIG = "config.json"
VOCAB = "vocab.txt"
WEIGHTS = "weights.npz"
NGRAMS = "ngrams.txt"
FORMAT = "diplograph-event-detector/folded-static-linear/v1"
FORMAT_NGRAMS = "diplograph-event-detector/folded-static-linear-ngrams/v2"
FORMATS = (FORMAT, FORMAT_NGRAMS)


def default_path() -> Path:
    """The model folder shipped in the package."""
    return Path(str(resources.files("diplograph") / "data" / "models" / "event_detector"))


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(folder: Path) -> dict[str, str]:
    """File name -> expected SHA-256, from the folder's `MANIFEST.sha256` (sha256sum format)."""
    path = folder / MANIFEST
    if not path.exists():
        raise KnowledgeError(f"{path} is missing: rebuild the model with `make train-detector`")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            out[name.lstrip("*")] = digest
    return out


def verify_manifest(folder: Path) -> None:
    """Raise KnowledgeError unless every file listed in the manifest has its recorded hash."""
    for name, digest in read_manifest(folder).items():
        path = folder / name
        if not path.exists() or sha256_file(path) != digest:
            raise KnowledgeError(f"event detector file {path} is missing or altered "
                                 "(SHA-256 mismatch); reinstall diplograph or rebuild the model")


@dataclass(frozen=True, slots=True)
class EventDetector:
    """A loaded detector; `predict` and `detect` are pure and thread-safe."""

    name: str
    types: tuple[str, ...]
    thresholds: dict[str, float]
    wordpiece: WordPiece
    table: np.ndarray
    bias: np.ndarray
    length_power: float = 0.0
    ngrams: NgramPart | None = None

    @classmethod
    def load(cls, path: Path | str | None = None, *, verify: bool = True) -> EventDetector:
        """Load a detector folder (default: the one shipped in the package).

        Args:
            path: the model folder; None for the packaged model.
            verify: check the files against `MANIFEST.sha256` first.

        Raises:
            KnowledgeError: a file is missing, altered or of an unknown format.
        """
        folder = Path(path) if path is not None else default_path()
        if verify:
            verify_manifest(folder)
        config = _read_config(folder)
        vocab = (folder / VOCAB).read_text(encoding="utf-8").split("\n")
        with np.load(folder / WEIGHTS, allow_pickle=False) as npz:
            table = npz["table"].astype(np.float32)
            bias = npz["bias"].astype(np.float32)
            ngrams = _ngram_part(folder, config, npz)
        types = tuple(config["types"])
        if table.shape != (len(vocab), len(types)) or bias.shape != (len(types),):
            raise KnowledgeError(f"{folder}: weights do not match the vocabulary and types")
        if ngrams is not None and ngrams.table.shape[1] != len(types):
            raise KnowledgeError(f"{folder}: the n-gram table does not match the types")
        logger.info("loaded event detector %s (%d tokens, %d n-grams)", config["name"],
                    len(vocab), len(ngrams.index) if ngrams else 0)
        return cls(name=config["name"], types=types, thresholds=dict(config["thresholds"]),
                   wordpiece=WordPiece(vocab), table=table, bias=bias,
                   length_power=float(config.get("length_power", 0.0)), ngrams=ngrams)

    def token_ids(self, text: str) -> list[int]:
        """The ids pooled for a text: known WordPiece tokens, at most 512."""
        unk = self.wordpiece.unk_id
        return [i for i in self.wordpiece.encode(text)[:512] if i != unk]

    def logits(self, texts: list[str]) -> np.ndarray:
        """Per-type logits (texts x types): bias + n**length_power * mean of the n token rows
        (+ the n-gram part's contribution, format v2)."""
        out = np.tile(self.bias, (len(texts), 1))
        for i, text in enumerate(texts):
            ids = self.token_ids(text)
            if ids:
                out[i] += self.table[ids].mean(0) * len(ids) ** self.length_power
            if self.ngrams is not None:
                out[i] += self.ngrams.logits(text)
        return out

    def predict(self, texts: list[str]) -> list[dict[str, float]]:
        """Type -> probability for each text (every type, in SPEC order)."""
        probs = 1.0 / (1.0 + np.exp(-self.logits(texts)))
        return [{t: float(p) for t, p in zip(self.types, row)} for row in probs]

    def detect(self, texts: list[str]) -> list[list[str]]:
        """The types whose probability reaches their threshold, for each text."""
        return [[t for t, p in probs.items() if p >= self.thresholds[t]]
                for probs in self.predict(texts)]


def _read_config(folder: Path) -> dict:
    path = folder / CONFIG
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"cannot read {path}: {exc}") from exc
    if config.get("format") not in FORMATS:
        raise KnowledgeError(f"{path}: unknown detector format {config.get('format')!r}")
    return config


def _ngram_part(folder: Path, config: dict, npz: np.lib.npyio.NpzFile) -> NgramPart | None:
    """The v2 n-gram part (None for a v1 folder)."""
    if config["format"] != FORMAT_NGRAMS:
        return None
    vocab = (folder / NGRAMS).read_text(encoding="utf-8").split("\n")
    idf = npz["ngram_idf"].astype(np.float32) if "ngram_idf" in npz.files else None
    try:
        return NgramPart.from_arrays(vocab, npz["ngram_table"].astype(np.float32),
                                     config["ngram_weighting"], idf)
    except (KeyError, ValueError) as exc:
        raise KnowledgeError(f"{folder}: bad n-gram part: {exc}") from exc
