"""Rule `speaker-own-state` (issue #15, stop 28): a bare state body acted on by a domestic actor.

"Liberal Democrat leader Charles Kennedy accused THE GOVERNMENT of ...", "Senator Bernie
Sanders urged THE ADMINISTRATION to ...", "The ACLU sued THE CITY", "Ben Carson mocked
JOURNALISTS": the noun names no state, and in a text with no home state or setting (a lone
sentence, a short item) nothing placed it. A reader places it all the same: an opposition
leader, a legislator, a candidate, a lobby or a union acting on "the government" acts on its
own state's. So such a noun (``own_state_nouns`` in data/actors/mention_words.yaml, bare as
``bodies.home_state_nouns`` reads it) is of the state of the clause's doer, in the noun's
sector.

Never guessed: the doer must be a person, group or body the resolver placed in one state
with a domestic sector (``own_state_actor_sectors``: not a government's foreign face, its
forces, an international body or a state itself: "Condoleezza Rice urged the government",
"Britain urged the government" are another state's government); and the text up to the
noun's sentence must name no other state (a place, a demonym or an actor of it: "McCain
visited KIEV and urged the government"), and a story's home state or setting, where it has
one, must be the doer's (the setting's own rules place the nouns they list first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from diplograph.coding.actors.bodies import (
    StateRef,
    _bare_noun,
    group_noun_at,
    noun_ends,
    span_mention,
)
from diplograph.coding.actors.mention import Mention

# Grammar, not knowledge: the dependencies of a clause's doer, and the reduced relative
# ("A senator CALLING on the government": the verb hangs from its doer as `acl`).
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})
_REDUCED_RELATIVE = "acl"
# "said the way the government had handled": noun -> handled -> way -> was -> said.
_MAX_CLIMB = 5
_ACTOR_KINDS = frozenset({"person", "organisation", "group"})


@dataclass(frozen=True, slots=True)
class OwnStateWords:
    """The words of rule `speaker-own-state` (mention_words.yaml)."""

    nouns: Mapping[str, str]  # lower-case noun -> sector ("government" -> GOV)
    leave: frozenset[str]  # words that may stand before the noun ("opposition", "senior")
    actor_sectors: frozenset[str]  # the doer's sectors that act at home (OPP, LEG, PTY, ...)


def speakers_own_state_bodies(doc: Doc, mentions: list[Mention], words: OwnStateWords,
                              setting: str | None, state: StateRef,
                              named_state: Callable[[Span], str | None]) -> list[Mention]:
    """Rule `speaker-own-state`: add each bare state noun no mention covers, as its doer's state.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        words: the rule's nouns, leave words and doer sectors.
        setting: ISO3 of the story's home state or setting, None if none: a doer of another
            state places nothing.
        state: builds a state's actor in a sector.
        named_state: the state a run of place words names (a state's word, a city), or None.

    Returns:
        The mentions with these nouns added, in text order.
    """
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    for token in noun_ends(doc, words.nouns):
        noun = group_noun_at(doc, token, words.nouns)
        if noun is None or token.i in taken or not _bare_noun(token, noun[0], words.leave):
            continue
        first, sector = noun
        span = doc[min(token.left_edge.i, first):token.i + 1]
        if any(i in taken for i in range(span.start, span.end)):
            continue
        country = _doer_state(token, mentions, words.actor_sectors)
        if country is None or setting not in (None, country) \
                or _names_another_state(doc, token, mentions, country, named_state):
            continue
        found.append(span_mention(span, state(country, sector)))
        taken.update(range(span.start, span.end))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _doer_state(noun: Token, mentions: list[Mention], sectors: frozenset[str]) -> str | None:
    """The state of the doer of the clause the noun is in: the first subject, climbing from
    the noun, that is a mention; None when that mention is no domestic actor of one state,
    or when no subject is a mention."""
    head = noun
    for _ in range(_MAX_CLIMB):
        if head.dep_ == _REDUCED_RELATIVE and head.pos_ == "VERB":
            return _domestic_state(_mention_at(mentions, head.head.i), sectors)
        for subject in (c for c in head.children if c.dep_ in _SUBJECTS):
            if subject.left_edge.i <= noun.i <= subject.right_edge.i:
                continue  # the noun's own phrase ("the GOVERNMENT had handled")
            doer = _mention_at(mentions, subject.i)
            if doer is not None:
                return _domestic_state(doer, sectors)
        if head.head is head:
            break
        head = head.head
    return None


def _domestic_state(doer: Mention | None, sectors: frozenset[str]) -> str | None:
    if doer is None:
        return None
    actor = doer.actor
    if actor.kind not in _ACTOR_KINDS or actor.sector not in sectors:
        return None
    return actor.country


def _mention_at(mentions: list[Mention], i: int) -> Mention | None:
    return next((m for m in mentions if m.token_start <= i < m.token_end), None)


def _names_another_state(doc: Doc, noun: Token, mentions: list[Mention], country: str,
                         named_state: Callable[[Span], str | None]) -> bool:
    """Whether the text up to the end of the noun's sentence names a state other than
    `country`: an actor of it, or a place or demonym outside the mentions."""
    end = noun.sent.end
    if any(m.token_start < end and m.actor.country not in (None, country) for m in mentions):
        return True
    return any(ent.start < end and named_state(ent) not in (None, country) for ent in doc.ents)
