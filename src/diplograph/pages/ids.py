"""Document ids that never collide (issue #20).

A document's *natural* id is its file name without the known extension(s), the JSONL
``id`` (``<stem>-<line>`` without one) or the WARC record id. Its *source* says what it is
whatever its id: the file path as given (normalised), or ``file#id`` for a record.

The natural id is kept when it names one source. When it does not, each source gets
``<natural id>-<8 hex digits of sha256(source)>``:

- in one batch, every member of a colliding group gets the hashed id, so which file comes
  first does not matter (the batch is scanned for ids before anything is read);
- a document already stored keeps its id (looked up by source), and a new source whose
  natural id is held by a stored document of another source gets the hashed id instead
  of replacing it.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable

from diplograph.pages.inputs import SUFFIX_KIND
from diplograph.records import KnownSources

_HASH_DIGITS = 8
_LONG_HASH_DIGITS = 16  # when even the short hashed id is taken


def doc_id_for(path: str) -> str:
    """The file name without its known extension(s): ``foo.warc.gz`` -> ``foo``."""
    name = os.path.basename(path)
    lower = name.lower()
    for suffix, _kind in SUFFIX_KIND:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def record_source(path: str, record_id: str) -> str:
    """The source of a record inside a file (a JSONL line, a WARC response)."""
    return f"{path}#{record_id}"


def hashed_id(natural: str, source: str, digits: int = _HASH_DIGITS) -> str:
    """``natural`` made unique to ``source``: ``story`` -> ``story-1f3a9c0e``."""
    return f"{natural}-{hashlib.sha256(source.encode('utf-8')).hexdigest()[:digits]}"


def colliding_ids(pairs: Iterable[tuple[str, str]]) -> set[str]:
    """The natural ids that name more than one source among ``(natural id, source)`` pairs."""
    sources: dict[str, set[str]] = defaultdict(set)
    for natural, source in pairs:
        sources[natural].add(source)
    return {natural for natural, held in sources.items() if len(held) > 1}


class IdAssigner:
    """Gives each source of one batch its doc id (see the module docstring)."""

    def __init__(self, colliding: set[str], known: KnownSources | None = None) -> None:
        self.colliding = colliding
        self.known = known or KnownSources()
        self._owner: dict[str, str] = {}  # doc id -> source, in this batch
        self._read: set[str] = set()

    def assign(self, natural: str, source: str) -> str | None:
        """The doc id of ``source``, or None when this source was already read in this batch."""
        if source in self._read:
            return None
        self._read.add(source)
        if self.known.ids_as_given:
            return natural
        doc_id = self.known.ids_by_source.get(source)
        if doc_id is None:
            doc_id = hashed_id(natural, source) if self._taken(natural, source) else natural
        if self._owner.get(doc_id, source) != source:  # a hashed id equal to a natural one
            doc_id = hashed_id(natural, source, _LONG_HASH_DIGITS)
        self._owner[doc_id] = source
        return doc_id

    def _taken(self, natural: str, source: str) -> bool:
        if natural in self.colliding:
            return True
        holder = self.known.sources_by_id.get(natural, source)
        return holder is not None and holder != source
