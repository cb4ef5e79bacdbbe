"""The CAMEO verb patterns as a second trigger source, matched on the dependency parse.

Our own lexicon (``triggers``) comes first: a verb it already codes, or the light
verb of an event noun it codes, is left alone. For any other verb, the patterns of
its CAMEO blocks (``knowledge.cameo``) are tried on the parse: the verb's object head
(a passive verb's subject), its prepositions and their objects, its subject. The most
specific matching pattern wins; a matching pattern that codes no event (CAMEO's
``---`` and statements) blocks the verb; with no pattern, only the approved verbs'
bare default codes an event. Each trigger is the lexicon rule
``trigger/cameo:<lemma>:<code>``, so events name the pattern's code, and it then
goes through the same folding, actor and status rules as ours.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.tokens import Span, Token

from diplograph.coding.parse import doc_text
from diplograph.coding.token_table import tokens_of_pos
from diplograph.coding.triggers import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    ActorTest,
    Trigger,
    direct_objects,
    verb_forms,
)
from diplograph.knowledge.cameo import CameoDictionary, CameoVerb, Pattern, Phrase
from diplograph.knowledge.lexicon import TriggerRule


def cameo_triggers(sent: Span, dictionary: CameoDictionary, ours: list[Trigger],
                   is_actor: ActorTest | None = None) -> list[Trigger]:
    """Triggers from CAMEO patterns on the verbs of ``sent`` that ``ours`` leaves free.
    ``is_actor`` tells whether a token names an actor: a pattern that says nothing of the
    object needs the verb's object, if it has one, to be an actor ("returned TO Freetown"
    is a visit, "returned WEAPONS to the UN" is not)."""
    taken = {t.token.i for t in ours} | {t.verb.i for t in ours if t.verb is not None}
    found = []
    discarded: bool | None = None  # searched at the first verb the dictionary holds
    for token in tokens_of_pos(sent, VERB_POS):
        if token.i in taken or token.lemma_ in {"be", "have"}:
            continue
        verbs = next((dictionary.verbs[f] for f in verb_forms(token) if f in dictionary.verbs),
                     None)
        if verbs is None:
            continue
        if discarded is None:  # a sentence with no such verb gets no pattern anyway
            discarded = _discarded(sent, dictionary)
        if discarded:
            return []  # sport or entertainment (Phoenix's discard phrases)
        best = _best_match(token, verbs)
        if best is not None and best[1].type is not None and _object_fits(token, best[1],
                                                                          is_actor):
            verb, pattern = best
            found.append(Trigger(token, token, _rule(verb.lemma, pattern)))
    return found


def _discarded(sent: Span, dictionary: CameoDictionary) -> bool:
    """Whether the sentence holds one of Phoenix's sport or entertainment phrases."""
    # The sentence's text sliced from the article's (read once): ``Span.text`` joins its tokens.
    text = doc_text(sent.doc)[sent.start_char:sent.end_char]
    return dictionary.discards is not None and dictionary.discards.search(text.lower()) \
        is not None


def _best_match(token: Token, verbs: tuple[CameoVerb, ...]) -> tuple[CameoVerb, Pattern] | None:
    """The most specific matching pattern (first in the blocks on a tie), else the default."""
    best: tuple[CameoVerb, Pattern] | None = None
    best_specificity = 0
    parts = _VerbParts(token)
    for verb in verbs:
        if verb.rest and not _has_rest(token, verb.rest):
            continue
        # Most specific first: the first match is the verb's best, and none after a pattern
        # no more specific than the best so far can win (the scan was a tenth of coding).
        # Only the patterns whose object the verb's object words can be are tried (in the
        # same order): ``matches`` refuses the others at their object heads.
        for at in _tried(verb, parts):
            specificity, pattern = verb.ranked[at]
            if specificity <= best_specificity:
                break
            if parts.matches(pattern):
                best, best_specificity = (verb, pattern), specificity
                break
        if best is None and verb.default is not None:
            best, best_specificity = (verb, verb.default), verb.default.specificity
    return best


def _tried(verb: CameoVerb, parts: _VerbParts) -> Iterable[int]:
    """Positions in ``verb.ranked`` of the patterns worth trying on the verb, ascending."""
    if verb.by_object is None:
        return range(len(verb.ranked))
    return verb.by_object.candidates(parts.object_words)


def _object_fits(verb: Token, pattern: Pattern, is_actor: ActorTest | None) -> bool:
    if pattern.object or is_actor is None:
        return True
    objects = [o for o in direct_objects(verb) if o.pos_ in {"NOUN", "PROPN", "PRON"}]
    return not objects or any(is_actor(o) for o in objects)


def _has_rest(token: Token, rest: tuple[str, ...]) -> bool:
    """ "GUN DOWN": the words after a multi-word verb's head are its particles or objects."""
    words = {c.lower_ for c in token.children}
    return all(w in words for w in rest)


class _VerbParts:
    """The parts of one verb that patterns look at, read from the parse once."""

    def __init__(self, verb: Token) -> None:
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
        self.objects = _worded(direct_objects(verb) + [c for c in verb.children
                                                       if c.dep_ in PASSIVE_SUBJECT_DEPS])
        deps = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS if passive else SUBJECT_DEPS
        self.subjects = _worded([c for c in verb.children if c.dep_ in deps])
        self.preps: dict[str, list[_Worded]] = {}
        for c in verb.children:
            if c.dep_ in {"prep", "agent", "dative", "prt"}:
                self.preps.setdefault(c.lower_, []).extend(
                    _worded([g for g in c.children if g.dep_ == "pobj"]))
        # Sets for the quick tests: a phrase ends in one of its heads, so a pattern none of
        # whose heads is an object's (or subject's) word or lemma cannot match.
        self.prep_names = frozenset(self.preps)
        self.object_words = _words(self.objects)
        self.subject_words = _words(self.subjects)

    def matches(self, pattern: Pattern) -> bool:
        # A preposition the verb lacks is a set test: tested before any phrase.
        if not pattern.prep_names <= self.prep_names:
            return False
        if pattern.object and (pattern.object_heads.isdisjoint(self.object_words)
                               or not _any_phrase(self.objects, pattern.object,
                                                  pattern.object_heads)):
            return False
        for prep, phrases in pattern.preps:
            if phrases and not _any_phrase(self.preps[prep], phrases, None):
                return False
        return not pattern.subject or (
            not pattern.subject_heads.isdisjoint(self.subject_words)
            and _any_phrase(self.subjects, pattern.subject, pattern.subject_heads))


_Worded = tuple[Token, str, str]  # a token, its lower-case word and lower-case lemma


def _worded(tokens: list[Token]) -> list[_Worded]:
    """The tokens with their words, read once a verb rather than once a pattern."""
    return [(t, t.lower_, t.lemma_.lower()) for t in tokens]


def _words(tokens: list[_Worded]) -> frozenset[str]:
    """The lower-case words and lemmas of the tokens."""
    return frozenset(w for _, word, lemma in tokens for w in (word, lemma))


def _any_phrase(tokens: list[_Worded], phrases: tuple[Phrase, ...],
                heads: frozenset[str] | None) -> bool:
    if heads is not None:
        tokens = [w for w in tokens if w[1] in heads or w[2] in heads]
    return any(_phrase_at(w[0], p) for w in tokens for p in phrases)


def _phrase_at(head: Token, phrase: Phrase) -> bool:
    """Whether the words ending at the noun ``head`` spell ``phrase``."""
    doc = head.doc
    return _ends_at(doc, head.i, phrase, len(phrase) - 1, first=True)


def _ends_at(doc, end: int, phrase: Phrase, at: int, *, first: bool = False) -> bool:
    if at < 0:
        return True
    for words in phrase[at]:
        start = end - len(words) + 1
        if start < 0:
            continue
        span = doc[start:end + 1]
        texts = [t.lower_ for t in span]
        if first:  # the head may be inflected: "missiles" for "missile"
            texts_alt = texts[:-1] + [span[-1].lemma_.lower()]
            ok = list(words) in (texts, texts_alt)
        else:
            ok = list(words) == texts
        if ok and _ends_at(doc, start - 1, phrase, at - 1):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _rule(lemma: str, pattern: Pattern) -> TriggerRule:
    words = tuple(" ".join(" ".join(alt[0]) for alt in p) for p in pattern.object)
    return TriggerRule(
        type=pattern.type or "", mode=pattern.mode, verbs=(lemma,),
        object=words, prep=tuple(p for p, _ in pattern.preps), intent=pattern.intent,
        target=pattern.target_slots, origin=f"cameo:{lemma}:{pattern.code}",
    )
