"""Fold a static-embedding + linear model into the shipped detector format, with a manifest.

The folded format (read by `diplograph.coding.detector.EventDetector`):
- `vocab.txt`: the WordPiece vocabulary, one token a line, in id order;
- `weights.npz`: `table` (vocab x types, float16): each token's contribution to the logits,
  i.e. E @ W.T for the token vectors E and the classifier weights W; `bias` (types,);
- `config.json`: format, name, types, thresholds, `length_power` and provenance;
- `MANIFEST.sha256`: the SHA-256 of those three files (sha256sum format);
- `README.md`: how it was built, from which labels, with the figures.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np

from diplograph.coding.detector import (
    CONFIG,
    FORMAT,
    FORMAT_NGRAMS,
    MANIFEST,
    NGRAMS,
    VOCAB,
    WEIGHTS,
    sha256_file,
)

from .labels import TYPES

NAME = "diplograph-event-detector-m2v-minilm-v1"
NAME_NGRAMS = "diplograph-event-detector-m2v-minilm-ngrams-v2"


def fold(vectors: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Per-token logit contributions (vocab x types)."""
    return vectors.astype(np.float32) @ w.astype(np.float32).T


def _npz_bytes(table: np.ndarray, bias: np.ndarray, **extra: np.ndarray) -> bytes:
    # np.savez writes zip entries with the current time; fix it so rebuilds are byte-identical.
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in (("table", table), ("bias", bias), *extra.items()):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            payload = io.BytesIO()
            np.save(payload, arr, allow_pickle=False)
            zf.writestr(info, payload.getvalue())
    return buf.getvalue()


def write_folded(folder: Path, *, vocab: list[str], table: np.ndarray, bias: np.ndarray,
                 thresholds: np.ndarray, length_power: float, provenance: dict) -> None:
    """Write a detector folder (without README) and its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    if any("\n" in tok for tok in vocab):
        raise ValueError("a vocabulary token contains a newline")
    (folder / VOCAB).write_text("\n".join(vocab), encoding="utf-8")
    (folder / WEIGHTS).write_bytes(_npz_bytes(table.astype(np.float16),
                                              bias.astype(np.float32)))
    config = {"format": FORMAT, "name": NAME, "types": list(TYPES),
              "thresholds": {t: round(float(x), 2) for t, x in zip(TYPES, thresholds)},
              "length_power": length_power, "provenance": provenance}
    (folder / CONFIG).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    write_manifest(folder)


def write_folded_ngrams(folder: Path, *, vocab: list[str], table: np.ndarray, bias: np.ndarray,
                        thresholds: np.ndarray, length_power: float, grams: list[str],
                        ngram_table: np.ndarray, weighting: str, idf: np.ndarray | None,
                        provenance: dict) -> None:
    """Write a format-v2 folder (token table + n-gram table, stop 28) and its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    if any("\n" in tok for tok in vocab + grams):
        raise ValueError("a vocabulary token or n-gram contains a newline")
    (folder / VOCAB).write_text("\n".join(vocab), encoding="utf-8")
    (folder / NGRAMS).write_text("\n".join(grams), encoding="utf-8")
    extra = {"ngram_table": ngram_table.astype(np.float16)}
    if idf is not None:
        extra["ngram_idf"] = idf.astype(np.float32)
    (folder / WEIGHTS).write_bytes(_npz_bytes(table.astype(np.float16),
                                              bias.astype(np.float32), **extra))
    config = {"format": FORMAT_NGRAMS, "name": NAME_NGRAMS, "types": list(TYPES),
              "thresholds": {t: round(float(x), 2) for t, x in zip(TYPES, thresholds)},
              "length_power": length_power, "ngram_weighting": weighting,
              "provenance": provenance}
    (folder / CONFIG).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    write_manifest(folder, (CONFIG, VOCAB, NGRAMS, WEIGHTS))


def write_manifest(folder: Path, names: tuple[str, ...] = (CONFIG, VOCAB, WEIGHTS)) -> None:
    """MANIFEST.sha256 over the model files (README excluded: prose may be edited)."""
    lines = [f"{sha256_file(folder / name)}  {name}" for name in names]
    (folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")


def folder_size(folder: Path) -> int:
    """Total bytes of the files in a folder (recursive)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
