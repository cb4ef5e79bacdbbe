"""Rule `own-side-group` (issues #15, #16, stop 27): a group of the speaker's own side.

"The Canadian senator called on FELLOW SENATORS to reject the bill", "asked HIS OWN MPS to
vote", "urged PARTY MEMBERS to prepare": the group names no state, but the words say it is the
speaker's, so it is of the state of the clause's subject (the speaker), in the sector of its
noun. A request to it then has the speaker's state as its target instead of none (PLOVER 3.8:
the addressee). Never guessed: the speaker must be a mention the resolver placed, the marker
must stand right before the noun ("fellow EUROPEAN leaders" is several states'), and a phrase
after the noun naming another state ("fellow leaders FROM UGANDA") leaves it alone. The words
are knowledge (``own_side_*`` and ``party_side_*`` in data/actors/mention_words.yaml).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from diplograph.coding.actors.bodies import span_mention
from diplograph.coding.actors.mention import Mention
from diplograph.coding.actors.words import MentionWords
from diplograph.coding.token_table import positions_of_words
from diplograph.records import ActorRef

StateRef = Callable[[str, str], ActorRef]  # (ISO3, sector) -> the state in that sector

# Grammar, not knowledge: "own" marks the speaker's side only after a possessive ("his own").
_POSSESSIVE_TAG = "PRP$"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# "A Canadian senator called on ...", parsed as a reduced relative: the verb hangs from its
# speaker as `acl`, which is then the subject.
_REDUCED_RELATIVE = "acl"
_MAX_CLIMB = 4  # "called ON fellow senators": noun -> preposition -> verb, and a little more


@dataclass(frozen=True, slots=True)
class OwnSideGroup:
    """A group noun read as the speaker's side: its words' first token, and its sector."""

    start: int
    sector: str


def own_side_groups(doc: Doc, mentions: list[Mention], words: MentionWords,
                    state: StateRef) -> list[Mention]:
    """Rule `own-side-group`: add each own-side group no mention covers, as the speaker's state.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        words: the mention words (``own_side_*``, ``party_side_*``).
        state: builds a state's actor in a sector.

    Returns:
        The mentions with these groups added, in text order.
    """
    nouns = frozenset(words.own_side_nouns) | frozenset(words.party_side_nouns)
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    for i in positions_of_words(doc, nouns):
        group = _own_side_group(doc, i, words)
        if group is None or any(j in taken for j in range(group.start, i + 1)):
            continue
        country = _speaker_state(doc[i], mentions)
        if country is None or _names_another_state(doc[i], mentions, country):
            continue
        found.append(span_mention(doc[group.start:i + 1], state(country, group.sector)))
        taken.update(range(group.start, i + 1))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _own_side_group(doc: Doc, i: int, words: MentionWords) -> OwnSideGroup | None:
    """The group ending at noun `i` when a marker stands right before it, else None."""
    if i == 0:
        return None
    noun, before = doc[i].lower_, doc[i - 1].lower_
    if before in words.party_side_words:
        sector = words.party_side_nouns.get(noun)
        return OwnSideGroup(i - 1, sector) if sector is not None else None
    sector = words.own_side_nouns.get(noun)
    if sector is None or before not in words.own_side_markers:
        return None
    if before == "own":  # "his own MPs": the possessive is part of the words
        if i < 2 or doc[i - 2].tag_ != _POSSESSIVE_TAG:
            return None
        return OwnSideGroup(i - 2, sector)
    return OwnSideGroup(i - 1, sector)


def _speaker_state(noun: Token, mentions: list[Mention]) -> str | None:
    """The state of the subject of the clause the noun is said in, None when unplaced."""
    head = noun
    for _ in range(_MAX_CLIMB):
        if head.dep_ == _REDUCED_RELATIVE and head.pos_ == "VERB":
            return _state_at(mentions, head.head.i)
        subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
        if subjects:
            return _state_at(mentions, subjects[0].i)
        if head.head is head:
            break
        head = head.head
    return None


def _state_at(mentions: list[Mention], i: int) -> str | None:
    speaker = _mention_at(mentions, i)
    return speaker.actor.country if speaker is not None else None


def _mention_at(mentions: list[Mention], i: int) -> Mention | None:
    return next((m for m in mentions if m.token_start <= i < m.token_end), None)


def _names_another_state(noun: Token, mentions: list[Mention], country: str) -> bool:
    """Whether a phrase hanging after the noun names an actor of another state ("fellow
    leaders FROM UGANDA and Tanzania")."""
    for child in noun.rights:
        for token in child.subtree:
            other = _mention_at(mentions, token.i)
            if other is not None and other.actor.country not in (None, country):
                return True
    return False
