"""Rule `namesake-of-setting` (issue #15, surname17): never a famous foreigner for a local.

"Dr Fox accused Mr Blair ..." in a story set in Britain is Liam Fox, not Mexico's president:
a courtesy title and a surname the walk bound to a known person of another state, whose
state the article names nowhere else, is the one bearer of that surname of the story's
setting whose terms fit the story's date. With no such bearer the binding stays: a leader
abroad is known by surname alone ("Mr Bush" in a British story), and the walk's own rule
`surname-no-namesake` already keeps lesser namesakes abroad out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Hits, Mention
from diplograph.knowledge.base import UNDATED_START, Person
from diplograph.records import ActorRef

PersonRef = Callable[[Person], ActorRef]  # a known person as the story's date reads them
# How many years before the story a bearer's term may have ended and still fit it.
_FIT_YEARS = 3


def namesakes_of_setting(doc: Doc, mentions: list[Mention], hits: Hits,
                         people: Sequence[Person], honorifics: Collection[str],
                         setting: str | None, when: dt.date,
                         person_ref: PersonRef) -> list[Mention]:
    """Rule `namesake-of-setting` on the article's mentions.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        hits: the article's knowledge matches (a surname's hits hold every bearer).
        people: the knowledge base's people (a hit's key is an index in it).
        honorifics: the courtesy titles (lower case).
        setting: ISO3 of the story's home state or setting, None when it has none.
        when: the story's date.
        person_ref: a known person as read on the story's date.
    """
    if setting is None:
        return mentions
    out = []
    for m in mentions:
        actor = m.actor
        if _foreign_by_surname(doc, m, honorifics, setting) \
                and not _state_named_elsewhere(mentions, m):
            bearers = [people[int(h.key)] for h in hits.at(m.token_start + 1)
                       if h.kind == "person"]
            local = [p for p in bearers if _of_state_then(p, setting, when)]
            if len(local) == 1:
                m = replace(m, actor=replace(person_ref(local[0]), text=actor.text))
        out.append(m)
    return out


def _foreign_by_surname(doc: Doc, m: Mention, honorifics: Collection[str],
                        setting: str) -> bool:
    """A courtesy title and one name ("Dr Fox") bound to a named person of another state."""
    actor = m.actor
    return actor.kind == "person" and bool(actor.name) and actor.country not in (None, setting) \
        and m.token_end - m.token_start == 2 and doc[m.token_start].lower_ in honorifics \
        and actor.name != doc[m.token_start + 1].text


def _state_named_elsewhere(mentions: list[Mention], m: Mention) -> bool:
    """Whether another mention, not of the same person, stands for the person's state."""
    return any(o.actor.country == m.actor.country and o.actor.name != m.actor.name
               for o in mentions if o is not m)


def _of_state_then(person: Person, state: str, when: dt.date) -> bool:
    """A term of the person in `state` within _FIT_YEARS years before the story's date."""
    lo, hi = dt.date(when.year - _FIT_YEARS, 1, 1), dt.date(when.year + 1, 12, 31)
    return any(t.country == state and UNDATED_START < t.start <= hi
               and (t.end is None or t.end >= lo) for t in person.terms)
