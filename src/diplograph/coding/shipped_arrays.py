"""Reading the numpy arrays a learned part of the coder ships (``data/lexicon/*.npz``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from diplograph.errors import KnowledgeError


def read_arrays(path: Path, what: str, names: tuple[str, ...]) -> dict[str, np.ndarray] | None:
    """The named arrays of a shipped ``.npz`` file, read whole; None when it is not shipped.

    Raises:
        KnowledgeError: the file cannot be read or lacks one of ``names``.
    """
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            return {name: data[name] for name in names}
    except (OSError, KeyError, ValueError) as exc:
        raise KnowledgeError(f"{path}: cannot read {what} ({exc})") from exc


__all__ = ["read_arrays"]
