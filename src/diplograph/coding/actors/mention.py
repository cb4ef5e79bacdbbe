"""The typed records of actor resolution, in the order they are made.

A ``Hit`` is one knowledge-base match over tokens; ``Hits`` holds an article's matches by
start token; a ``MentionPhrase`` is what the grammar read from one noun phrase; a
``Mention`` (the pipeline record, from ``diplograph.records``) is the resolved result.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Span

from diplograph.knowledge.base import Person
from diplograph.records import ActorRef, Mention

__all__ = ["HEAD_KINDS", "MODIFIER_KINDS", "Hit", "HitKind", "Hits", "Mention", "MentionPhrase",
           "mentions_by_token", "overlaps", "read_as"]

# What a match names; `key` and `extra` of a Hit mean different things for each kind.
HitKind = Literal[
    "country",  # a state's name; key = ISO3
    "adj",  # a demonym adjective ("Russian"); key = ISO3
    "people",  # a people's name ("the Russians"); key = ISO3
    "metonym",  # "the Kremlin"; key = ISO3, extra = sector
    "org",  # an organisation's name; key = its name
    "orgmetonym",  # "Brussels" for the EU; key = the organisation's name
    "orgadj",  # "Republican" before a body noun; key = the organisation's name
    "person",  # a known person; key = index in kb.people, extra = "derived" for a bare surname
    "title",  # "prime minister"; key = role, extra = the title's text
    "sector",  # "troops"; key = sector code
    "group",  # "European leaders", "the West"; key = the head noun or "allies"
    "counterpart",  # "counterpart"
    "leader",  # "leader"
]
# Words that qualify a following head with a state or organisation ("Russian troops").
MODIFIER_KINDS = ("adj", "country", "org", "metonym")
# Words that can head an actor phrase.
HEAD_KINDS = ("title", "counterpart", "leader", "sector")


@dataclass(frozen=True, slots=True)
class Hit:
    """A knowledge-base match over tokens [start, end)."""

    start: int
    end: int
    kind: HitKind
    key: str  # country code, org name, person index, role, sector code...
    extra: str = ""  # metonym sector; title text; "derived" surname


class Hits:
    """An article's knowledge matches by start token, longest first."""

    __slots__ = ("_by_start",)

    def __init__(self, by_start: dict[int, list[Hit]]) -> None:
        self._by_start = by_start

    def at(self, i: int) -> Sequence[Hit]:
        """The matches starting at token i, longest first (empty when none)."""
        return self._by_start.get(i, ())

    def first(self, i: int, kinds: Collection[str]) -> Hit | None:
        """The longest match of one of `kinds` starting at token i."""
        return next((hit for hit in self.at(i) if hit.kind in kinds), None)

    def start_between(self, start: int, end: int) -> bool:
        """Whether a match starts at any token of [start, end)."""
        return any(i in self._by_start for i in range(start, end))

    def __bool__(self) -> bool:
        return bool(self._by_start)


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionPhrase:
    """What the grammar ``[det] [former] [modifier]* [head] [name]`` read from one phrase."""

    start: int  # token span [start, end) of the whole phrase
    end: int
    country: str | None = None  # ISO3 of the state modifier ("Russian", "Russia's")
    org: str | None = None  # name of the organisation modifier ("NATO")
    party: str | None = None  # the party a politician is named with ("Tory Dominic Grieve")
    former: bool = False  # "former", "ex-": someone no longer in office
    shadow: bool = False  # "shadow": the opposition's spokesperson for the office
    possessor: bool = False  # "his/her/their" before the head
    head: Hit | None = None  # the title, sector noun, "counterpart" or "leader"
    plural: bool = False  # the head is plural ("ministers")
    person_text: str | None = None  # the name's words, known person or not
    candidates: tuple[Person, ...] = ()  # known people sharing the matched name
    gender: str | None = None  # the gender an honorific gives ("Mrs." -> "f")
    honorific: bool = False  # a courtesy title before the name ("Mr Smith", "Dr Singh")
    portfolio: bool = False  # a subject between the party and its voice ("Tory HEALTH spokesman")

    @property
    def person(self) -> Person | None:
        """The first known person the name matched, None for an unknown name."""
        return self.candidates[0] if self.candidates else None


def mentions_by_token(mentions: Sequence[Mention]) -> dict[int, Mention]:
    """Each token index covered by a mention -> that mention (a later one wins an overlap)."""
    return {i: m for m in mentions for i in range(m.token_start, m.token_end)}


def overlaps(mention: Mention, start: int, end: int) -> bool:
    """Whether ``mention`` shares a token with the tokens ``start`` to ``end`` (exclusive)."""
    return mention.token_start < end and start < mention.token_end


def read_as(mentions: list[Mention], span: Span, actor: ActorRef) -> list[Mention]:
    """``mentions`` less those sharing a token with ``span``, then ``span`` read as ``actor``
    (its ``text`` the span's words), last: the post-passes' way to put a reading in place of
    the ones it overrides. The caller sorts the list when its pass is done."""
    kept = [m for m in mentions if not overlaps(m, span.start, span.end)]
    return [*kept, Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                           token_end=span.end, actor=replace(actor, text=span.text))]
