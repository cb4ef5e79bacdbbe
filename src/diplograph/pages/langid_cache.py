"""langid's model, unpacked once per machine instead of once per worker process.

langid ships its model as a bz2-compressed pickle in base64: unpacking it took 4.6 CPU
seconds, in every worker an ingest starts (10% of bare spaCy's time on 500 BBC
articles). The unpacked arrays are kept in the user's cache folder as a NumPy ``.npz``
file (no pickle: a file anyone could have written is never executed), named after a
hash of langid's model text, so a new langid version makes a new file. A cache that
cannot be read or written is passed over: the model is then unpacked as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import zipfile
from array import array
from pathlib import Path
from typing import Any

import numpy as np

logger = logging.getLogger(__name__)

_FORMAT = "1"  # bump when what is written changes


def cache_path(model: str | bytes) -> Path:
    """Where the unpacked ``model`` is kept ($XDG_CACHE_HOME, else ~/.cache)."""
    raw = model.encode() if isinstance(model, str) else model
    digest = hashlib.sha256(raw).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "diplograph" / f"langid-{_FORMAT}-{digest}.npz"


def load_identifier(model: str | bytes, identifier_class: Any, *, norm_probs: bool) -> Any:
    """langid's ``LanguageIdentifier`` for ``model``, from the cache when it holds it (and
    written there when not)."""
    path = cache_path(model)
    try:
        return _read(path, identifier_class, norm_probs)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        logger.debug("unreadable langid cache %s; unpacking the model", path, exc_info=True)
    identifier = identifier_class.from_modelstring(model, norm_probs=norm_probs)
    try:
        _write(identifier, path)
    except OSError:
        logger.debug("could not write the langid cache %s", path, exc_info=True)
    return identifier


def _write(identifier: Any, path: Path) -> None:
    outputs = identifier.tk_output
    states = sorted(outputs)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written under another name, then renamed: a reader never sees half a file.
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npz", delete=False) as fh:
        np.savez(fh, nb_ptc=identifier.nb_ptc, nb_pc=identifier.nb_pc,
                 nb_classes=np.array(identifier.nb_classes),
                 tk_nextmove=np.frombuffer(identifier.tk_nextmove.tobytes(), dtype=np.uint16),
                 out_states=np.array(states, dtype=np.int64),
                 out_lengths=np.array([len(outputs[s]) for s in states], dtype=np.int64),
                 out_values=np.array([v for s in states for v in outputs[s]], dtype=np.int64))
    os.replace(fh.name, path)


def _read(path: Path, identifier_class: Any, norm_probs: bool) -> Any:
    with np.load(path, allow_pickle=False) as data:
        nb_ptc, nb_pc = data["nb_ptc"], data["nb_pc"]
        nextmove = array("H")  # langid indexes it in a Python loop: an array is faster
        nextmove.frombytes(data["tk_nextmove"].astype(np.uint16).tobytes())
        values = data["out_values"].tolist()
        ends = np.cumsum(data["out_lengths"]).tolist()
        starts = [0, *ends[:-1]]
        outputs = {state: tuple(values[a:b])
                   for state, a, b in zip(data["out_states"].tolist(), starts, ends)}
        classes = [str(c) for c in data["nb_classes"]]
    return identifier_class(nb_ptc, nb_pc, nb_ptc.shape[0], classes, nextmove, outputs,
                            norm_probs=norm_probs)
