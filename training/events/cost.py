"""CPU cost of one detector candidate, measured in a fresh process.

    python -m training.events.cost KIND MODEL_DIR TEXTS_JSON

Prints one JSON object: load time (wall and CPU seconds, imports included), CPU and wall ms per
sentence for one batch prediction over the texts, peak RSS (MB) and whether torch was
imported. KIND is `minilm-lr`, `m2v-lr` (the model2vec library's StaticModel + the linear
layer), `detector` (diplograph's numpy-only EventDetector) or `textcat` (a spaCy pipeline).
`python-numpy` loads nothing: the baseline RSS of the interpreter with numpy. Every kind but
`minilm-lr` runs with torch made unimportable, as on a machine without it.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

Predict = Callable[[list[str]], object]


def _linear(folder: Path) -> Callable[[np.ndarray], np.ndarray]:
    with np.load(folder / "linear.npz") as npz:
        w, b = npz["w"], npz["b"]
    return lambda x: 1.0 / (1.0 + np.exp(-(x @ w.T + b)))


def load_minilm_lr(folder: Path) -> Predict:
    """MiniLM sentence embeddings + the linear layer."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    from .embedders import minilm_path

    model = SentenceTransformer(str(minilm_path()), device="cpu")
    lin = _linear(folder)
    return lambda texts: lin(model.encode(texts, batch_size=64, normalize_embeddings=True))


def load_m2v_lr(folder: Path) -> Predict:
    """model2vec's StaticModel (Rust tokenizer) + the linear layer, raw mean pooling."""
    from model2vec import StaticModel

    model = StaticModel.from_pretrained(str(folder / "m2v"), normalize=False)
    lin = _linear(folder)
    return lambda texts: lin(model.encode(texts))


def load_detector(folder: Path) -> Predict:
    """diplograph's folded numpy detector."""
    from diplograph.coding.detector import EventDetector

    return EventDetector.load(folder).predict


def load_textcat(folder: Path) -> Predict:
    """A spaCy textcat pipeline."""
    import spacy

    nlp = spacy.load(folder)
    return lambda texts: [doc.cats for doc in nlp.pipe(texts, batch_size=256)]


LOADERS: dict[str, Callable[[Path], Predict]] = {
    "minilm-lr": load_minilm_lr, "m2v-lr": load_m2v_lr, "detector": load_detector,
    "textcat": load_textcat, "python-numpy": lambda folder: lambda texts: None,
}


def measure(kind: str, folder: Path, texts: list[str]) -> dict:
    """Load the candidate, predict once on a warm-up text, then time one batch over `texts`."""
    w0, c0 = time.perf_counter(), time.process_time()
    predict = LOADERS[kind](folder)
    predict(texts[:1])
    load_wall, load_cpu = time.perf_counter() - w0, time.process_time() - c0
    w1, c1 = time.perf_counter(), time.process_time()
    predict(texts)
    wall, cpu = time.perf_counter() - w1, time.process_time() - c1
    return {"kind": kind, "load_s": round(load_wall, 2), "load_cpu_s": round(load_cpu, 2),
            "ms_per_sentence_cpu": round(1000 * cpu / len(texts), 3),
            "ms_per_sentence_wall": round(1000 * wall / len(texts), 3),
            "peak_rss_mb": round(_peak_rss_kb() / 1024, 1),
            "torch_imported": sys.modules.get("torch") is not None}


def _peak_rss_kb() -> int:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork + exec.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    kind, folder, texts_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if kind != "minilm-lr":
        # As on a user's machine without torch: thinc (spaCy) and others import it when they
        # find it, which would add its load time and memory to candidates that never use it.
        sys.modules["torch"] = None  # type: ignore[assignment]
    texts = json.loads(texts_path.read_text(encoding="utf-8"))
    print(json.dumps(measure(kind, folder, texts)))  # noqa: T201


if __name__ == "__main__":
    main()
