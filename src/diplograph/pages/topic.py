"""What a stretch of text is about: content words weighted within one document.

The text-dump cleaner judges blocks, not lines: does this block of prose carry
on the story above it, is this headline the title of the body below it, is
this run of one-line summaries about something else? All three questions are
answered by how many of one text's content words the other text shares.

Words are weighted by how rare they are *in the same document* (an inverse
document frequency over its lines): menu words and function words occur on many
lines of a page and count for little, names and subject words count for much.
No word lists per language are needed: CJK runs become character pairs and
longer words are cut to a crude stem.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A capitalised word that does not open the text or a sentence.
_NAME_RE = re.compile(r"(?<!^)(?<![.!?:\"“]\s)(?<![.!?:]\s)\b[A-Z][\w'’-]+")
_SUFFIXES = ("'s", "’s", "ing", "ed", "es", "s")
_STEM_CHARS = 6
_SHORT_LATIN = 3  # letters: a Latin-script stem this short may be another language's "zur"
# Only the commonest English words; the per-document weights handle the rest.
_STOP = frozenset(
    "the a an and or but of to in on at for from by with as is are was were be been being has have "
    "had will would can could should may might must not no it its this that these those he she "
    "they "
    "we you i his her their our your him them us who whom whose which what when where why how than "
    "then there here also into onto over under about after before between during said says say new "
    "more most some any all one two just so if do does did up out off".split()
)


def stems(text: str) -> list[str]:
    """The text's content-word stems, in order (CJK as character pairs)."""
    found: list[str] = []
    cjk = _CJK_RE.search(text) is not None  # else no word needs the per-word search
    for word in _WORD_RE.findall(text.lower()):
        if cjk and _CJK_RE.search(word):
            found += [word[i : i + 2] for i in range(max(1, len(word) - 1))]
        elif word not in _STOP and not word.isdigit() and len(word) > 1:
            found.append(_stem(word))
    return found


def share_a_word(one: str, other: str) -> bool:
    """Whether two texts share a content word: a stem of four letters or more, or any word of
    a script without short function words in Latin letters (Hangul, CJK pairs). Short Latin
    stems ("zur", "les", "und") are function words of languages that :data:`_STOP` does not
    list, and say nothing about what a line is about."""
    return any(telling(s) for s in set(stems(one)) & set(stems(other)))


def telling(stem: str) -> bool:
    """Whether a shared stem says what a text is about (see :func:`share_a_word`)."""
    return len(stem) > _SHORT_LATIN or not stem.isascii()


def name_stems(text: str) -> set[str]:
    """Stems of the capitalised words inside a text's sentences (not the first word of one):
    the names of people, places and organisations, in scripts that have capitals."""
    return {_stem(word.lower()) for word in _NAME_RE.findall(text)
            if word.lower() not in _STOP and len(word) > 1}


def names_the_others(texts: list[str], context: list[str]) -> bool:
    """Whether most of ``texts`` name someone or something that the other lines of
    ``context`` (which holds them) name: a story told in one-sentence paragraphs, where a
    list of other stories' summaries brings names of its own in each line."""
    naming = 0
    for text in texts:
        others = list(context)
        others.remove(text)
        naming += bool(name_stems(text) & {s for other in others for s in stems(other)})
    return 2 * naming >= len(texts)


# Every line of a page is stemmed several times (line weights, blocks, ledes, titles), and
# a page repeats its words: cleaning spent more time in this function than anywhere else.
@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:_STEM_CHARS]


class Weights:
    """Inverse line frequency of each stem in one document."""

    def __init__(self, lines: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for line in lines:
            counts.update(set(stems(line)))
            total += 1
        self._df = counts
        self._n = max(total, 1)

    def weight(self, stem: str) -> float:
        """log(N / df): 0 for a stem on every line, high for a rare one."""
        return math.log((self._n + 1) / (self._df.get(stem, 0) + 1)) + 0.1

    def share(self, part: Iterable[str], whole: set[str]) -> float:
        """The weighted share of ``part``'s stems that also occur in ``whole`` (0 to 1)."""
        unique = set(part)
        total = sum(self.weight(s) for s in unique)
        if not total:
            return 0.0
        return sum(self.weight(s) for s in unique if s in whole) / total

    def cosine(self, a: Iterable[str], b: Iterable[str]) -> float:
        """Cosine similarity of two texts' weighted stem counts (0 to 1).

        Two stories share few weighted words (under 0.1 on real pages); a
        story and its own continuation after an advert or a box share many.
        """
        ca, cb = Counter(a), Counter(b)
        dot = sum(n * cb[s] * self.weight(s) ** 2 for s, n in ca.items() if s in cb)
        if not dot:
            return 0.0
        na = math.sqrt(sum((n * self.weight(s)) ** 2 for s, n in ca.items()))
        nb = math.sqrt(sum((n * self.weight(s)) ** 2 for s, n in cb.items()))
        return dot / (na * nb)

    def coherence(self, line_stems: list[set[str]], whole: set[str]) -> float:
        """How much of a block of lines is about ``whole`` (0 to 1).

        Only the block's words that also occur elsewhere in the document count:
        a word found nowhere else says nothing about what the block belongs to,
        and a story's continuation brings many new names and words.
        """
        inside: Counter[str] = Counter()
        for stems_of_line in line_stems:
            inside.update(stems_of_line)
        shared = total = 0.0
        for stem, count in inside.items():
            if self._df.get(stem, 0) <= count:
                continue  # only in this block
            total += self.weight(stem)
            shared += self.weight(stem) if stem in whole else 0.0
        return shared / total if total else 0.0

