"""A pure-Python BERT (uncased) WordPiece tokenizer, so the event detector needs no `tokenizers`.

It reproduces the Hugging Face pipeline that all-MiniLM-L6-v2 and the model2vec model
distilled from it use: BertNormalizer (clean text, pad CJK characters, strip accents,
lowercase), BertPreTokenizer (split on whitespace and punctuation) and greedy
longest-match-first WordPiece with the `##` continuation prefix. `make train-detector` checks
that it gives the same ids as the Rust tokenizer on every sentence of the labelled pool.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

UNK = "[UNK]"
PREFIX = "##"
MAX_WORD_CHARS = 100
# Rust's char::is_whitespace (Unicode White_Space), which BertNormalizer maps to a space.
_WHITESPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_WORDS = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")
_CJK = (
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
)


def _is_control(ch: str) -> bool:
    # Tab, newline and carriage return count as whitespace, not control.
    return ch not in "\t\n\r" and unicodedata.category(ch).startswith("C")


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK)


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def normalize(text: str) -> str:
    """BertNormalizer with lowercase=True: clean, pad CJK, strip accents, lowercase."""
    out = []
    for ch in text:
        if ch in ("\x00", "\ufffd") or _is_control(ch):
            continue
        if ch in _WHITESPACE:
            out.append(" ")
        elif _is_cjk(ch):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    decomposed = unicodedata.normalize("NFD", "".join(out))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def pre_tokenize(text: str) -> list[str]:
    """BertPreTokenizer: split on whitespace, each punctuation character its own word."""
    words: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch.isspace() or ch in _WHITESPACE:
            _flush(words, current)
        elif _is_punct(ch):
            _flush(words, current)
            words.append(ch)
        else:
            current.append(ch)
    _flush(words, current)
    return words


def words(text: str) -> list[str]:
    """Normalised, pre-tokenised words of a text; a regex fast path for ASCII text."""
    if text.isascii():
        text = _ASCII_CONTROL.sub("", text).lower()
        return _ASCII_WORDS.findall(text)
    return pre_tokenize(normalize(text))


def _flush(words: list[str], current: list[str]) -> None:
    if current:
        words.append("".join(current))
        current.clear()


class WordPiece:
    """Greedy longest-match-first WordPiece over a fixed vocabulary."""

    def __init__(self, vocab: list[str]) -> None:
        self.index = {tok: i for i, tok in enumerate(vocab)}
        self.unk_id = self.index[UNK]
        self._word_ids = lru_cache(maxsize=65536)(self._split_word)

    def _split_word(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_WORD_CHARS:
            return (self.unk_id,)
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else PREFIX + word[start:end]
                found = self.index.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk_id,)
            ids.append(found)
            start = end
        return tuple(ids)

    def encode(self, text: str) -> list[int]:
        """Token ids of a text (no special tokens)."""
        ids: list[int] = []
        for word in words(text):
            ids.extend(self._word_ids(word))
        return ids
