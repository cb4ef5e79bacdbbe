"""Near-duplicate articles: the same story from two feeds, or ingested twice.

MinHash over word shingles, indexed with LSH (datasketch). A near-duplicate is
linked to the first article seen (``Article.duplicate_of``) and not coded
again.
"""

from __future__ import annotations

import hashlib
import logging
import re

from datasketch import MinHash, MinHashLSH

from diplograph.records import Article

logger = logging.getLogger(__name__)

_SHINGLE = 3  # words per shingle: small enough for short wire stories
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str) -> set[bytes]:
    words = _WORD_RE.findall(text.lower())
    if len(words) < _SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + _SHINGLE]).encode("utf-8")
        for i in range(len(words) - _SHINGLE + 1)
    }


class NearDuplicateIndex:
    """Finds articles whose text nearly equals an earlier one's.

    Args:
        threshold: estimated Jaccard similarity of word shingles at or above
            which two articles are the same story.
        num_perm: MinHash permutations (more = more exact, slower).
    """

    def __init__(self, threshold: float = 0.85, num_perm: int = 128):
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}
        self._exact: dict[str, str] = {}
        self._order: dict[str, int] = {}
        # The permutations of MinHash's fixed seed, drawn once here: each article's MinHash
        # drew the same ones again (a random generator seeded per article).
        self._first = MinHash(num_perm=num_perm)

    def _minhash(self, text: str) -> MinHash:
        minhash = MinHash(num_perm=self.num_perm, permutations=self._first.permutations,
                          scheme=self._first.scheme)
        minhash.update_batch(list(_shingles(text)))
        return minhash

    def check_and_add(self, article: Article) -> str | None:
        """Return the key ("doc_id#index") of an earlier near-duplicate, or None; add this one."""
        key = article.key
        normalised = " ".join(_WORD_RE.findall(article.text.lower()))
        digest = hashlib.sha256(normalised.encode("utf-8")).hexdigest()
        if digest in self._exact and self._exact[digest] != key:
            return self._exact[digest]
        self._exact.setdefault(digest, key)
        minhash = self._minhash(article.text)
        best = self._best_match(minhash, key)
        if key not in self._hashes:
            self._lsh.insert(key, minhash)
            self._hashes[key] = minhash
            self._order[key] = len(self._order)
        if best:
            logger.info("%s is a near-duplicate of %s", key, best)
        return best

    def _best_match(self, minhash: MinHash, key: str) -> str | None:
        # LSH gives candidates; the MinHash estimate confirms them. The first
        # article seen is the one the others point to.
        # An article seen before only points to articles older than itself.
        limit = self._order.get(key, len(self._order))
        matches = [
            other
            for other in self._lsh.query(minhash)
            if self._order[other] < limit and self._hashes[other].jaccard(minhash) >= self.threshold
        ]
        return min(matches, key=self._order.__getitem__) if matches else None
