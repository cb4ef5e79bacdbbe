"""A headline glued into the first sentence of a one-line article (issues #14, #16).

Many scraped texts, and every article of the BBC corpus, are one line that starts with the
headline and runs on into the lead with no separator: "Howard dismisses Tory tax fears
Michael Howard has dismissed fears from some Conservatives ...". Left as it is, the article
has no title and its first sentence is corrupt (the headline's words are read as a verb, a
name runs into the next one).

The boundary is found from what such texts carry, never from capitalisation alone (names
are capitalised too):

- the prefix is headline-shaped: a few words without sentence punctuation, not starting
  like a sentence ("The", "He", "After"), without the auxiliaries a headline drops, not
  ending in a word that needs what follows ("of", "the", "Mr");
- the lead starts with a capitalised word (or a number, or a quote) and runs on into a
  sentence of its own;
- the lead restates the headline: most of the prefix's content words come back in the
  lead's first two sentences ("dismisses Tory tax fears" -> "has dismissed fears"), while
  the first words of the lead's subject ("Michael" of "Michael Howard") do not.

Each boundary is scored by the prefix's words the lead repeats, less those it does not,
less a point for cutting a run of capitalised words (a name) in two; the best one wins
when the lead repeats enough of the headline. The word lists are in
``data/boilerplate/headline_grammar.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

MIN_TITLE_WORDS = 2  # a one-word prefix is a name or a sentence's subject, not a headline
MAX_TITLE_WORDS = 14  # a headline is short
MIN_LEAD_WORDS = 6  # the lead's first sentence is a full sentence, not a fragment
LEAD_SENTENCES = 3  # the lead restates its headline in its first sentences ...
LEAD_WINDOW = 60  # ... within this many words
MIN_REPEATED = 2  # the lead must repeat at least this many of the headline's content words
MIN_REPEATED_SHARE = 0.4  # ... and at least this share of them
UNREPEATED_COST = 1.0  # a prefix word the lead does not repeat is likely the lead's own
CUT_NAME_COST = 1.0  # a boundary inside a run of capitalised words may cut a name in two
OPENER_BONUS = 1.0  # a lead opening like a sentence ("The ...", "Historians in ...")
MIN_TEXT_SENTENCES = 2  # a headline stands over an article; a lone sentence has none glued

_SENTENCE_END_RE = re.compile(r"[.!?][\"'’”)]*$")
_CLAUSE_END_RE = re.compile(r"[,:;][\"'’”)]*$")  # a headline's words go on after these
_OPENING_QUOTES = "\"'‘“("
_LETTER_RE = re.compile(r"[^\W\d_]")
_WORD_EDGE_RE = re.compile(r"^[^\w$£€]+|[^\w%]+$")


@dataclass(frozen=True, slots=True)
class GluedHeadline:
    """A one-line text split into its headline and the lead that follows it."""

    title: str
    lead: str  # the paragraph from the lead's first word on


@dataclass(frozen=True, slots=True)
class _Grammar:
    sentence_starts: frozenset[str]
    auxiliaries: frozenset[str]
    continuations: frozenset[str]
    function_words: frozenset[str]
    sentence_only_words: frozenset[str]
    titles_before_names: frozenset[str]


@functools.lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    text = resources.files("diplograph.data.boilerplate").joinpath(
        "headline_grammar.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    for key, words in data.items():  # YAML reads a bare on, no or off as a boolean
        if not all(isinstance(word, str) for word in words):
            raise ValueError(f"headline_grammar.yaml: {key}: quote every word")
    return _Grammar(**{key: frozenset(data[key])
                       for key in _Grammar.__dataclass_fields__})


def split_glued_headline(paragraph: str) -> GluedHeadline | None:
    """The headline glued to the front of ``paragraph`` and the lead after it, or None.

    Args:
        paragraph: the first paragraph of an article that has no title.

    Returns:
        The split, or None when the paragraph opens with a normal sentence.
    """
    spans = [m.span() for m in re.finditer(r"\S+", paragraph)]
    tokens = [paragraph[a:b] for a, b in spans]
    if sum(bool(_SENTENCE_END_RE.search(t)) for t in tokens) < MIN_TEXT_SENTENCES:
        return None  # one sentence is a sentence, not a headline over its article
    # Each word without its edges, stripped once: the boundaries compare them again and
    # again (a name that recurs after a boundary was looked for over the whole text).
    stripped = [_WORD_EDGE_RE.sub("", t) for t in tokens]
    bare = [word.lower() for word in stripped]
    lowercase = {b for word, b in zip(stripped, bare, strict=True) if word[:1].islower()}
    best: tuple[float, int, int] | None = None
    for k in _boundaries(tokens, bare):
        score, repeated = _score(tokens, k, _opener(tokens, k, lowercase))
        if score == float("-inf"):
            continue  # the lead does not restate this prefix: no headline ends here
        if best is None or (score, repeated, k) > best:
            best = (score, repeated, k)  # on a tie, the longer headline: its words are costed
    if best is None:
        return None
    k = best[2]
    return GluedHeadline(title=paragraph[:spans[k - 1][1]], lead=paragraph[spans[k][0]:])


def _boundaries(tokens: list[str], bare: list[str]) -> list[int]:
    """Where a lead may start: after a headline-shaped prefix, at a sentence-like opening
    (``bare``: each token's ``_bare``)."""
    grammar = _grammar()
    if not tokens or _bare(tokens[0]) in grammar.sentence_starts:
        return []
    found = []
    for k in range(1, min(MAX_TITLE_WORDS, len(tokens) - MIN_LEAD_WORDS) + 1):
        previous = tokens[k - 1]
        if (_SENTENCE_END_RE.search(previous) or _bare(previous) in grammar.auxiliaries
                or _bare(previous) in grammar.sentence_only_words):
            break  # the first sentence ends, or the prefix is a sentence, before any lead
        if (k >= MIN_TITLE_WORDS and _opens_sentence(tokens[k])
                and _bare(previous) not in grammar.continuations
                and _bare(previous) not in grammar.titles_before_names
                and previous not in grammar.continuations and not _both_upper(previous, tokens[k])
                and not _CLAUSE_END_RE.search(previous) and _quotes_closed(tokens[:k])
                and not _recurring_name(tokens, k, bare)
                and _lead_words(tokens, k) >= MIN_LEAD_WORDS):
            found.append(k)
    return found


def _both_upper(previous: str, token: str) -> bool:
    """Two words in capitals ("HOW CHINA'S DECLINE AFFECTS THE REST"): case says nothing."""
    return all(len(_LETTER_RE.findall(w)) > 1 and w.upper() == w for w in (previous, token))


def _quotes_closed(prefix: list[str]) -> bool:
    """A headline quotes whole phrases; an open double quote is a quotation running on."""
    text = " ".join(prefix)
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _recurring_name(tokens: list[str], k: int, bare: list[str]) -> bool:
    """The words on both sides of the boundary are a name the text uses again ("Miami
    Beach", "Associated Press"): the boundary would cut it in two."""
    if not (_capitalised(tokens[k - 1]) and _capitalised(tokens[k])):
        return False
    pair = (bare[k - 1], bare[k])
    return any((a, b) == pair for a, b in zip(bare[k + 1:], bare[k + 2:]))


def _score(tokens: list[str], k: int, opener: bool) -> tuple[float, int]:
    """How well the lead from token ``k`` restates the prefix before it (score, repeats).

    A prefix that repeats one of its own content words has swallowed the lead's start (the
    lead restates the headline; a headline does not restate itself). The lead must repeat
    enough of the headline, or a little of it when it opens like a sentence.
    """
    lead = {_stem(t) for t in _lead_window(tokens, k)}
    stems = [stem for stem in (_stem(t) for t in tokens[:k]) if stem]
    content = set(stems)
    if len(content) < len(stems):
        return float("-inf"), 0
    repeated = len(content & lead)
    enough = repeated >= MIN_REPEATED and repeated >= MIN_REPEATED_SHARE * len(content)
    if not (enough or (opener and repeated >= 1)):
        return float("-inf"), repeated
    score = repeated - UNREPEATED_COST * (len(content) - repeated) + OPENER_BONUS * opener
    if _capitalised(tokens[k - 1]) and _capitalised(tokens[k]):
        if _stem(tokens[k - 1]) not in lead:
            return float("-inf"), repeated  # a name's first words, unless the lead repeats it
        score -= CUT_NAME_COST
    return score, repeated


def _lead_window(tokens: list[str], k: int) -> list[str]:
    """The lead's first sentences, where it restates its headline."""
    window, ends = [], 0
    for token in tokens[k:k + LEAD_WINDOW]:
        window.append(token)
        if _SENTENCE_END_RE.search(token):
            ends += 1
            if ends == LEAD_SENTENCES:
                break
    return window


def _lead_words(tokens: list[str], k: int) -> int:
    """Words of the lead's first sentence (up to MIN_LEAD_WORDS: enough to be one)."""
    for n, token in enumerate(tokens[k:k + MIN_LEAD_WORDS], start=1):
        if _SENTENCE_END_RE.search(token):
            return n
    return MIN_LEAD_WORDS


def _opener(tokens: list[str], k: int, lowercase: set[str]) -> bool:
    """Does the lead open like a sentence: a capitalised determiner or pronoun ("The", "An",
    "He"), or a common word written in lower case elsewhere in the text ("Historians in
    Florida ...") that is not the first word of a name or title ("President Chavez")?"""
    word = _bare(tokens[k])
    if word == "i":
        return False  # "I" is capitalised wherever it stands
    if word in _grammar().sentence_starts:
        return True
    if word not in lowercase:
        return False
    return k + 1 >= len(tokens) or not _capitalised(tokens[k + 1])


def _opens_sentence(token: str) -> bool:
    """A capitalised word, a number or a quote's first word: what a lead may start with
    ("I" is capitalised wherever it stands)."""
    word = token.lstrip(_OPENING_QUOTES)
    return bool(word) and (word[0].isupper() or word[0].isdigit()) and _bare(word) != "i"


def _capitalised(token: str) -> bool:
    word = token.lstrip(_OPENING_QUOTES)
    return bool(word) and word[0].isupper() and not _SENTENCE_END_RE.search(token)


def _bare(token: str) -> str:
    return _WORD_EDGE_RE.sub("", token).lower()


@functools.lru_cache(maxsize=65_536)
def _stem(token: str) -> str:
    """A content word's crude stem ("dismisses", "dismissed" -> "dismi"); "" for others.
    Kept per word: each boundary stems the lead's first sixty words again."""
    word = _bare(token)
    word = re.sub(r"['’]s$", "", word)
    if not _LETTER_RE.search(word) or word in _grammar().function_words:
        return ""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        word = word[:-1]
    return word[:5]
