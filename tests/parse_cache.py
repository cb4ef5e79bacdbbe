"""A committed cache of spaCy parses for texts that tests parse identically on every run
(the article prefixes of the actor tables: 409 texts, about 200,000 tokens, four fifths of
the CPU of their floors).

What is stored is the parser's and tagger's annotations, never the text: for each text,
keyed by the SHA-256 of the text, its token count and one row of ``ATTRS`` per token (as
indices into a table of the label, lemma and morphology strings). A cached parse is rebuilt
on a fresh tokenization of the text (``nlp.make_doc``) with ``Doc.from_array``. The file's
name holds the spaCy version and the model's name and version, so another spaCy or model
never reads it; any text not in the file, or whose token count differs, is parsed. What the
rebuilt Doc lacks is the model's tensor (``doc.tensor``), which the resolver does not read.

Rebuild after a change of the tables, of spaCy or of the model (tests/test_parse_cache.py
says when the committed file no longer covers the tables):

    PYTHONPATH=src /work/main/.venv/bin/python tests/parse_cache.py
"""

from __future__ import annotations

import hashlib
import json
import lzma
import sys
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

CACHE_DIR = Path(__file__).resolve().parent / "data" / "parse_cache"
# What the pipeline sets (tagger, attribute ruler, lemmatizer, parser, NER). Sentence starts
# follow from HEAD (spaCy refuses both in one from_array); POS is a fixed enum, HEAD an
# offset, ENT_IOB a small code; the rest are string hashes, stored as string-table indices.
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
STRING_ATTRS = {TAG, MORPH, LEMMA, DEP, ENT_TYPE}


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_path(nlp: Language, folder: Path = CACHE_DIR) -> Path:
    """The cache file for this spaCy and this model: another version never shares it."""
    meta = nlp.meta
    return folder / f"spacy-{spacy.__version__}_{meta['lang']}_{meta['name']}-{meta['version']}.xz"


def write_cache(nlp: Language, texts: Iterable[str], path: Path) -> list[Doc]:
    """Parse ``texts`` and store their annotations in ``path``; returns the fresh parses of
    the distinct texts, in order."""
    texts = list(dict.fromkeys(texts))
    docs = list(nlp.pipe(texts, batch_size=16))
    strings: dict[int, int] = {0: 0}  # hash -> index; the empty string (hash 0) is index 0
    names = [""]
    keys, lengths, rows = [], [], []
    for text, doc in zip(texts, docs):
        array = doc.to_array(ATTRS).astype(np.int64)
        for column, attr in enumerate(ATTRS):
            if attr in STRING_ATTRS:
                array[:, column] = [_index(int(h), strings, names, nlp) for h in
                                    doc.to_array([attr]).ravel()]
        keys.append(text_key(text))
        lengths.append(len(doc))
        rows.append(array.astype(np.int32))
    header = {"attrs": [int(a) for a in ATTRS], "keys": keys, "lengths": lengths,
              "strings": names}
    body = np.concatenate(rows) if rows else np.zeros((0, len(ATTRS)), np.int32)
    blob = json.dumps(header).encode("utf-8") + b"\n" + body.tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(lzma.compress(blob, preset=9 | lzma.PRESET_EXTREME))
    return docs


def _index(value: int, strings: dict[int, int], names: list[str], nlp: Language) -> int:
    if value not in strings:
        strings[value] = len(names)
        names.append(nlp.vocab.strings[value])
    return strings[value]


class ParseCache:
    """The stored annotations of one cache file (empty when the file is absent)."""

    def __init__(self, nlp: Language, path: Path | None = None) -> None:
        self.nlp = nlp
        self.path = path or cache_path(nlp)
        self.rows: dict[str, np.ndarray] = {}
        if self.path.exists():
            self._load()

    def _load(self) -> None:
        header_bytes, _, body = lzma.decompress(self.path.read_bytes()).partition(b"\n")
        header = json.loads(header_bytes)
        if header["attrs"] != [int(a) for a in ATTRS]:
            return  # written with other attributes: every text is a miss
        hashes = np.array([self.nlp.vocab.strings.add(s) for s in header["strings"]],
                          dtype=np.uint64)
        table = np.frombuffer(body, dtype=np.int32).reshape(-1, len(ATTRS))
        start = 0
        for key, length in zip(header["keys"], header["lengths"]):
            self.rows[key] = _as_spacy_array(table[start:start + length], hashes)
            start += length

    def parse(self, texts: list[str], batch_size: int = 16) -> list[Doc]:
        """The parse of each text: rebuilt from the cache on a hit, parsed on a miss."""
        docs: list[Doc | None] = [self._cached(text) for text in texts]
        missed = [i for i, doc in enumerate(docs) if doc is None]
        for i, doc in zip(missed, self.nlp.pipe([texts[i] for i in missed],
                                                batch_size=batch_size)):
            docs[i] = doc
        return docs  # type: ignore[return-value]

    def _cached(self, text: str) -> Doc | None:
        array = self.rows.get(text_key(text))
        if array is None:
            return None
        doc = self.nlp.make_doc(text)
        if len(doc) != len(array):
            return None  # another tokenizer: not the input the annotations belong to
        return doc.from_array(ATTRS, array)


def _as_spacy_array(rows: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """Stored rows back in ``Doc.to_array``'s form: string indices become string hashes."""
    array = rows.astype(np.uint64)
    for column, attr in enumerate(ATTRS):
        if attr in STRING_ATTRS:
            array[:, column] = hashes[rows[:, column]]
        else:  # HEAD is a signed offset, kept as to_array keeps it (two's complement)
            array[:, column] = rows[:, column].astype(np.int64).view(np.uint64)
    return array


def table_texts() -> list[str]:
    """The distinct texts the actor-table floors parse (both tables, both splits)."""
    from actor_floors import bench

    module = bench()
    texts = []
    for table in module.TABLES.values():
        texts += [module.context_of(row, True)[0] for row in module.load_rows(table)]
    return list(dict.fromkeys(texts))


def main() -> int:
    from diplograph.coding.parse import load_nlp

    nlp = load_nlp()
    path = cache_path(nlp)
    for old in CACHE_DIR.glob("*.xz"):
        old.unlink()  # one file: the parses of the versions installed now
    texts = table_texts()
    fresh = write_cache(nlp, texts, path)
    cached = ParseCache(nlp, path).parse(texts)
    differ = sum(a.to_json() != b.to_json() for a, b in zip(cached, fresh))
    print(f"{path}: {len(fresh)} texts, {path.stat().st_size:,} bytes; "  # noqa: T201
          f"{differ} cached parses differ from the fresh ones")
    if differ:
        path.unlink()
    return 1 if differ else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
