"""spaCy's attribute ruler and rule lemmatizer, memoised: the same annotations, token for
token, for under a third of their CPU (a tenth once the memo is warm).

In en_core_web_sm these two rule components cost about a sixth of parsing (25.5 of 150.6
CPU s on the BBC corpus, issue 19's ``make bench`` texts): the attribute ruler runs a
``Matcher`` of 179 patterns over every token (~16 µs a token) and the lemmatizer runs
Python per token. Yet what they do to a token
depends on very little:

- a one-token rule of the ruler matches on the token's own attributes only (here TAG,
  DEP, IS_SPACE, LOWER), and of an open-vocabulary string such as LOWER only whether it is
  one the patterns name (or one of their regular expressions finds);
- a rule of several tokens (7 of the 179) is matched as spaCy matches it, with a
  ``Matcher`` of those rules alone, on the whole document;
- the rule lemmatizer's lemma is a function of (ORTH, POS, MORPH): that is its own cache
  key.

So the effect on a token (the final POS, MORPH, LEMMA, TAG, DEP its rules set) is
computed once per key, by spaCy itself (its ``Matcher`` on that one token and its
``set_token_attrs``, rules in the ruler's order, later rules winning), and then copied.
A pipeline whose ruler uses anything else (another attribute, a quantifier, a predicate
other than equality, IN, NOT_IN and REGEX) keeps the stock components: the memo is only
installed where it is exact. ``benchmarks/token_attributes.py`` compares the two on the
whole BBC corpus, array by array.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, MorphAnalysis
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "diplograph_token_attributes"
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"

# Attributes a one-token pattern may test for the memo to stay exact: closed sets kept
# whole in the key, open vocabularies reduced to "named by a pattern or not".
_CLOSED = ("TAG", "DEP", "IS_SPACE")
_OPEN = ("LOWER",)
_PREDICATES = {"IN", "NOT_IN", "REGEX"}
_NOT_NAMED = 0  # the key's LOWER for a word no pattern names
# The word-keyed memos grow with the vocabulary: emptied past this many entries, so that a
# worker coding millions of pages holds at most ~100 MB of them (spaCy's own lemmatizer
# cache, which the misses fill as the stock lemmatizer does, is spaCy's to bound).
MEMO_LIMIT = 500_000


def install(nlp: Language) -> bool:
    """Replace the pipeline's attribute ruler and lemmatizer by their memo (the stock
    components stay in the pipeline, disabled, as the memo's source); returns whether
    it did. Pipelines without those components, or whose patterns the memo cannot
    reproduce exactly, are left as they are."""
    if RULER not in nlp.pipe_names or LEMMATIZER not in nlp.pipe_names:
        return False
    if nlp.pipe_names.index(LEMMATIZER) != nlp.pipe_names.index(RULER) + 1:
        return False
    if not supports(nlp.get_pipe(RULER)) or nlp.get_pipe(LEMMATIZER).mode not in (
            "rule", "lookup"):
        return False
    nlp.add_pipe(FACTORY, after=LEMMATIZER)
    nlp.disable_pipe(RULER)
    nlp.disable_pipe(LEMMATIZER)
    return True


def supports(ruler: Any) -> bool:
    """Whether every one-token pattern of ``ruler`` tests only attributes and predicates
    the memo's key captures."""
    for rule in ruler.patterns:
        for pattern in rule["patterns"]:
            if len(pattern) > 1:
                continue  # matched by spaCy on the whole document
            for name, value in pattern[0].items():
                if name not in _CLOSED + _OPEN:
                    return False
                if isinstance(value, dict) and not set(value) <= _PREDICATES:
                    return False
                if isinstance(value, dict) and "REGEX" in value and name not in _OPEN:
                    return False
    return True


@Language.factory(FACTORY)
def make_token_attributes(nlp: Language, name: str) -> MemoisedTokenAttributes:
    return MemoisedTokenAttributes(nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER))


class MemoisedTokenAttributes:
    """The attribute ruler then the lemmatizer, as one component with a memo."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        self.ruler, self.lemmatizer = ruler, lemmatizer
        vocab = ruler.vocab
        self.vocab = vocab
        self.one_token, self.several = Matcher(vocab), Matcher(vocab)
        self.rule_of: dict[int, int] = {}  # match id -> the rule's position in the ruler
        named: set[str] = set()
        regexes: list[re.Pattern[str]] = []
        for position, rule in enumerate(ruler.patterns):
            match_id = vocab.strings.add(f"diplograph-rule-{position}")
            self.rule_of[match_id] = position
            for pattern in rule["patterns"]:
                matcher = self.one_token if len(pattern) == 1 else self.several
                matcher.add(match_id, [pattern])
                if len(pattern) == 1:
                    _collect_named(pattern[0], named, regexes)
        self._named, self._regexes = named, regexes
        self._lower_key: dict[int, int] = {}
        self._effects: dict[tuple, tuple] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._morphs: dict[int, MorphAnalysis] = {}
        if not lemmatizer._validated:
            lemmatizer._validate_tables()

    def __reduce__(self) -> tuple:
        # Pickled (spaCy's spawned workers) as its two sources: the memo is rebuilt there.
        return MemoisedTokenAttributes, (self.ruler, self.lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        if len(self._lower_key) > MEMO_LIMIT or len(self._lemmas) > MEMO_LIMIT:
            self._lower_key.clear()
            self._lemmas.clear()
        targets = self._several_token_rules(doc)
        effects, lemmas, lower_key = self._effects, self._lemmas, self._lower_key
        overwrite = self.lemmatizer.overwrite
        for token in doc:
            lower = token.lower
            reduced = lower_key.get(lower)
            if reduced is None:
                reduced = lower_key[lower] = self._reduce(lower)
            extra = targets.get(token.i, ())
            key = (token.tag, token.dep, token.is_space, reduced, extra)
            effect = effects.get(key)
            if effect is None:
                effect = effects[key] = self._effect(doc, token, extra)
            else:
                _apply(token, effect)
            if overwrite or token.lemma == 0:
                lemma_key = (token.orth, token.pos, token.morph.key)
                lemma = lemmas.get(lemma_key)
                if lemma is None:
                    lemma = lemmas[lemma_key] = self.vocab.strings.add(
                        self.lemmatizer.lemmatize(token)[0])
                token.lemma = lemma
        return doc

    def _several_token_rules(self, doc: Doc) -> dict[int, tuple[int, ...]]:
        """Token index -> the several-token rules that set attributes on it."""
        targets: dict[int, set[int]] = {}
        for match_id, start, end in self.several(doc, allow_missing=True, as_spans=False):
            position = self.rule_of[match_id]
            target = range(start, end)[self.ruler.indices[position]]
            targets.setdefault(target, set()).add(position)
        return {i: tuple(sorted(rules)) for i, rules in targets.items()}

    def _reduce(self, lower: int) -> int:
        text = self.vocab.strings[lower]
        if text in self._named or any(rx.search(text) for rx in self._regexes):
            return lower
        return _NOT_NAMED

    def _effect(self, doc: Doc, token: Any, extra: tuple[int, ...]) -> tuple:
        """What the ruler does to ``token`` (done to it here, by spaCy's own functions),
        as (POS, MORPH, LEMMA, TAG, DEP), None where no rule of the token sets one."""
        matches = self.one_token(doc[token.i:token.i + 1], allow_missing=True,
                                 as_spans=False)
        rules = sorted({self.rule_of[m] for m, _, _ in matches} | set(extra))
        touched: set[int] = set()  # attribute ids (spacy.attrs), as the ruler keeps them
        for position in rules:
            attrs = self.ruler.attrs[position]
            set_token_attrs(token, attrs)
            touched |= set(attrs)
        morph = self._morph(token.morph.key) if MORPH in touched else None
        return (token.pos if POS in touched else None, morph,
                token.lemma if LEMMA in touched else None,
                token.tag if TAG in touched else None,
                token.dep if DEP in touched else None)

    def _morph(self, key: int) -> MorphAnalysis:
        morph = self._morphs.get(key)
        if morph is None:
            morph = self._morphs[key] = MorphAnalysis.from_id(self.vocab, key)
        return morph


def _apply(token: Any, effect: tuple) -> None:
    pos, morph, lemma, tag, dep = effect
    if pos is not None:
        token.pos = pos
    if morph is not None:
        token.morph = morph
    if lemma is not None:
        token.lemma = lemma
    if tag is not None:
        token.tag = tag
    if dep is not None:
        token.dep = dep


def _collect_named(token_pattern: dict, named: set[str], regexes: list) -> None:
    """The LOWER strings a one-token pattern names, and its LOWER regular expressions."""
    for name in _OPEN:
        value = token_pattern.get(name)
        if isinstance(value, str):
            named.add(value)
        elif isinstance(value, dict):
            for predicate, argument in value.items():
                if predicate == "REGEX":
                    regexes.append(re.compile(argument))
                else:
                    named.update(argument)
