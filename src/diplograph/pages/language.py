"""Offline language identification with langid (its model ships in the wheel).

Non-English articles are kept and flagged with their language; the event
coder only reads English.
"""

from __future__ import annotations

import functools
import logging

import numpy as np

logger = logging.getLogger(__name__)

# Below this many letters a guess is noise; report no language instead.
_MIN_LETTERS = 20
# langid's normalised probability below which we say "unknown".
_MIN_CONFIDENCE = 0.5


@functools.lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from langid.langid import LanguageIdentifier, model

    from diplograph.pages.langid_cache import load_identifier

    identifier = load_identifier(model, LanguageIdentifier, norm_probs=True)
    # langid multiplies a document's integer feature counts by this float32 table
    # (7,480 x 97): NumPy converted the whole table to float64 for every document. Done
    # once here; the product is the same float64 one, so the guesses are unchanged.
    identifier.nb_ptc = identifier.nb_ptc.astype(np.float64)
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "fr"), or None when unsure.

    Args:
        text: the article body (a few thousand characters are enough).

    Returns:
        The language code, or None for too little text or a low-confidence guess.
    """
    sample = text[:2000]  # enough for a confident guess; langid is linear in length
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    if confidence < _MIN_CONFIDENCE:
        logger.debug("language guess %s below confidence (%.2f)", code, confidence)
        return None
    return str(code)
