"""UW train + dev predicates, read once, with what the cross-validated candidates need.

For ``benchmarks/factuality_cv.py``: every gold predicate of UW train and dev read by the
status model (``predicate_factuality``), the TempEval-3 document its sentence comes from
(so that folds keep a document's predicates together: UW's sentences carry no document
id, so each is found in the TimeBank / AQUAINT texts of ``../shared/corpus/tempeval3``),
and the words the richer features read: the predicate, the word governing it, its part of
speech, the cue words found above it and the dependency path to the nearest one.
"""

from __future__ import annotations

import bisect
import pickle
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from factuality import DEFAULT_CORPUS, Scored, read_conll, reading_every_group, score_split
from spacy.tokens import Token

from diplograph.coding.factuality import Reading
from diplograph.coding.factuality_trees import words_around
from diplograph.coding.parse import load_nlp

TEMPEVAL = DEFAULT_CORPUS.parent / "tempeval3" / "Training" / "TBAQ-cleaned"
KEY_CHARS = 80  # a sentence is found by its first letters and digits


@dataclass(frozen=True, slots=True)
class Site:
    """One read gold predicate, with its document and the words around it."""

    scored: Scored
    document: str
    word: str  # the predicate as written, lower case
    governor: str  # the first non-preposition word above it ("<root>" at the top)
    pos: str
    cue_words: tuple[str, ...]  # the words of its cues, nearest first
    cue_path: str  # the dependencies from the predicate up to its nearest cue word
    left: tuple[str, ...] = ()  # the words before it in its sentence (factuality_trees.window)
    right: tuple[str, ...] = ()  # the words after it


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def document_ids(texts: list[str], tempeval: Path = TEMPEVAL) -> list[str]:
    """The TempEval-3 document of each sentence (in corpus order; a sentence not found
    takes the document of the one before it)."""
    names, starts, parts, offset = [], [], [], 0
    for path in sorted(tempeval.rglob("*.tml")):
        letters = _letters(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))) + "|"
        names.append(path.stem)
        starts.append(offset)
        parts.append(letters)
        offset += len(letters)
    whole = "".join(parts)
    found, last = [], "?"
    for text in texts:
        key = _letters(text)[:KEY_CHARS]
        at = whole.find(key) if key else -1
        last = names[bisect.bisect_right(starts, at) - 1] if at >= 0 else last
        found.append(last)
    return found


def source_of(document: str) -> str:
    """The news source of a TempEval-3 document, from its name ("uw/train/APW19980807.0261"
    -> "apw", "wsj_0026" -> "wsj", "ea980120.1830.0071" -> "ea")."""
    name = document.rsplit("/", 1)[-1]
    return re.match(r"[a-z]*", name.lower()).group() or name  # type: ignore[union-attr]


TUNING = ("uw/train", "uw/dev")  # the splits cross-validated over


def read_sites(corpus: Path = DEFAULT_CORPUS, cache: Path | None = None,
               splits: tuple[str, ...] = TUNING) -> list[Site]:
    """The predicates of these splits, in order, read (from the cache when there is one).
    Sentences of UW train and dev carry their TempEval-3 document; others their split's."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    nlp = load_nlp()
    began = time.process_time()
    sites: list[Site] = []
    for split in splits:
        path = corpus / f"{split}.conll"
        around: list[dict] = []

        def reader(tok: Token, attributions: list) -> Reading:
            reading = reading_every_group(tok, attributions)
            around.append(asdict(words_around(tok, reading.cues, with_window=True)))
            return reading

        scored = score_split(path, nlp, reader)
        texts = [s.text for s in read_conll(path)]
        documents = document_ids(texts) if split in TUNING else ["*"] * len(texts)
        document_of = dict(zip(texts, documents, strict=True))
        words = iter(around)
        for s in scored:
            if s.reading is not None:
                sites.append(Site(scored=s, document=f"{split}/{document_of[s.sentence]}",
                                  **next(words)))
    print(f"read {len(sites)} predicates: {time.process_time() - began:.1f} s CPU")
    if cache is not None:
        cache.write_bytes(pickle.dumps(sites))
    return sites
