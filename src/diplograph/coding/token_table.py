"""The token attributes the coder reads, as plain lists read once per parsed article.

``doc[i]`` builds a new spaCy ``Token`` at every call, and the coder's readers asked for
one millions of times on a batch of articles (a quarter of a worker's profile: the actor
phrase reader, the anaphor and title scans, the trigger rules' loops over each sentence),
mostly to compare one string attribute with a word list. ``token_table(doc)`` reads those
attributes once per Doc with ``Doc.to_array`` into lists indexed by token; the readers
look words up there and build a ``Token`` only where they need the parse tree.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    IS_ALPHA,
    IS_LOWER,
    IS_TITLE,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, Span, Token

_KEY = "diplograph.token_table"
_POS_KEY = "diplograph.positions_of_pos"
_WORDS_KEY = "diplograph.positions_of_words"
_SENTENCES_KEY = "diplograph.sentence_starts"
# The word lists ``positions_of_words`` has keyed a Doc's positions by (their ``id``), kept
# alive so that no other list can take the same ``id`` while a Doc holds those positions.
_WORD_LISTS: dict[int, Collection[str]] = {}
# String hash -> string, for every Doc of the process: the StringStore builds a new str at
# each look-up, and the words, tags and labels of articles repeat. Hashes are the strings'
# own (the same in every vocabulary); emptied past DECODED_LIMIT entries.
_DECODED: dict[int, str] = {}
DECODED_LIMIT = 500_000
_STRING_ATTRS = (ORTH, LOWER, TAG, POS, DEP, ENT_TYPE, LEMMA)
_FLAG_ATTRS = (IS_TITLE, IS_LOWER, IS_ALPHA, SPACY)


@dataclass(frozen=True, slots=True)
class TokenTable:
    """One list per attribute, indexed by token: ``table.lower[i] == doc[i].lower_``."""

    text: list[str]  # Token.text
    lower: list[str]  # Token.lower_
    tag: list[str]  # Token.tag_
    pos: list[str]  # Token.pos_
    dep: list[str]  # Token.dep_
    ent_type: list[str]  # Token.ent_type_
    lemma: list[str]  # Token.lemma_
    is_title: list[bool]
    is_lower: list[bool]
    is_alpha: list[bool]
    space_after: list[bool]  # Token.whitespace_ == " "

    def __len__(self) -> int:
        return len(self.text)


def token_table(doc: Doc) -> TokenTable:
    """The Doc's ``TokenTable``, read once per Doc (kept in ``doc.user_data``, as
    ``parse.doc_text`` keeps the text; the coder never changes a parsed Doc)."""
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = _read_table(doc)
    return table


def _read_table(doc: Doc) -> TokenTable:
    strings = doc.vocab.strings
    columns = doc.to_array([*_STRING_ATTRS, *_FLAG_ATTRS]).T.tolist() if len(doc) else \
        [[] for _ in (*_STRING_ATTRS, *_FLAG_ATTRS)]
    string_columns = columns[:len(_STRING_ATTRS)]
    _decode_new_keys(strings, string_columns)
    text, lower, tag, pos, dep, ent_type, lemma = (
        list(map(_DECODED.__getitem__, column)) for column in string_columns)
    is_title, is_lower, is_alpha, space_after = ([bool(flag) for flag in column]
                                                 for column in columns[len(_STRING_ATTRS):])
    return TokenTable(text=text, lower=lower, tag=tag, pos=pos, dep=dep, ent_type=ent_type,
                      lemma=lemma,
                      is_title=is_title, is_lower=is_lower, is_alpha=is_alpha,
                      space_after=space_after)


def _decode_new_keys(strings, columns: list[list[int]]) -> None:  # type: ignore[no-untyped-def]
    """Add the keys of ``columns`` not yet decoded to ``_DECODED``."""
    new = set().union(*columns).difference(_DECODED)
    if len(_DECODED) + len(new) > DECODED_LIMIT:
        _DECODED.clear()
        new = set().union(*columns)
    _DECODED.update((key, strings[key]) for key in new)


def tokens_of_pos(span: Span, parts: AbstractSet[str]) -> Iterator[Token]:
    """The tokens of ``span`` whose part of speech is one of ``parts`` ("VERB"), in text
    order: a rule that reads only verbs or nouns builds no Token for the other words."""
    doc = span.doc
    for i in positions_of_pos(span, parts):
        yield doc[i]


def positions_of_pos(span: Span, parts: AbstractSet[str]) -> list[int]:
    """The indices of the tokens of ``span`` whose part of speech is one of ``parts``, in
    text order: for a rule that tests words in the token table before it needs a Token."""
    at = _positions_of_pos(span.doc, parts)
    return at[bisect_left(at, span.start):bisect_left(at, span.end)]


def _positions_of_pos(doc: Doc, parts: AbstractSet[str]) -> list[int]:
    """The indices of the Doc's tokens whose part of speech is one of ``parts``, ascending;
    listed once per Doc and set of parts (kept in ``doc.user_data``): a dozen trigger rules
    walk every sentence for the same nouns or verbs, and the scans were most of their cost."""
    index = doc.user_data.setdefault(_POS_KEY, {})
    key = parts if isinstance(parts, frozenset) else frozenset(parts)
    found = index.get(key)
    if found is None:
        pos = token_table(doc).pos
        found = index[key] = [i for i in range(len(pos)) if pos[i] in key]
    return found


def positions_of_words(doc: Doc, words: Collection[str], *, lemmas: bool = False) -> list[int]:
    """The indices of the Doc's tokens whose lower-case word (with ``lemmas``, or whose
    lower-case lemma) is one of ``words``, ascending. Listed once per Doc and word list
    (kept in ``doc.user_data``, keyed by the list's identity; the lists are the resolver's
    word tables, never changed once loaded): each of an article's two to four actor walks
    scanned every token again for the same nouns."""
    _WORD_LISTS[id(words)] = words
    index = doc.user_data.setdefault(_WORDS_KEY, {})
    key = (id(words), lemmas)
    found = index.get(key)
    if found is None:
        found = index[key] = _scan_words(doc, words, lemmas)
    return found


def _scan_words(doc: Doc, words: Collection[str], lemmas: bool) -> list[int]:
    tokens = token_table(doc)
    if not lemmas:
        return [i for i, word in enumerate(tokens.lower) if word in words]
    return [i for i, (word, lemma) in enumerate(zip(tokens.lower, tokens.lemma, strict=True))
            if word in words or lemma.lower() in words]


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence of token i, as ``doc[i].sent`` gives them (the Doc must
    have sentence starts). The starts are listed once per Doc (kept in ``doc.user_data``):
    ``Token.sent`` walks the tokens back and forth to its sentence's edges and builds a
    Span, at every mention each actor walk remembers."""
    starts = doc.user_data.get(_SENTENCES_KEY)
    if starts is None:
        starts = doc.user_data[_SENTENCES_KEY] = [sent.start for sent in doc.sents]
    at = bisect_right(starts, i) - 1
    return starts[at], starts[at + 1] if at + 1 < len(starts) else len(doc)
