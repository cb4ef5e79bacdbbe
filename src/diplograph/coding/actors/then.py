"""Offices read at the time "then" points to, not on the story's day.

"Mrs. Clinton, THEN the secretary of state" and "Sullivan, THEN deputy chief of staff to the
secretary of state" (both in 2016) speak of the office as it was: the secretary of state of
that time, not today's holder. An office mention under "then" names the person the article
names who held it before the story's day: the person it stands in apposition to ("Mrs.
Clinton, then the secretary of state": Clinton, GOV, not a former official), else the last
person named before it with a past term in that office. With neither, the mention is left as
the walk read it: a past holder the article does not name is not guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention, mentions_by_token
from diplograph.knowledge.base import Person, Term
from diplograph.records import ActorRef

# Grammar: the adverb of a past time, on the office ("then the secretary") or on the phrase
# or clause that holds it ("then deputy chief of staff to the secretary of state").
_THEN = "then"
_CLAUSE_POS = frozenset({"VERB", "AUX"})

HolderThen = Callable[[Person, dt.date, str], ActorRef]


def offices_then(doc: Doc, mentions: list[Mention], people: Mapping[str, Person],
                 when: dt.date, holder_then: HolderThen) -> list[Mention]:
    """Read office mentions under "then" as the holder of that time the article names.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        people: known people by name.
        when: the story's date.
        holder_then: the actor of a person in a role on a date (``Offices.person``).

    Returns:
        The mentions, offices under "then" (and the person in apposition) rebound.
    """
    by_token = mentions_by_token(mentions)
    rebound: dict[int, ActorRef] = {}
    for m in mentions:
        role = m.actor.role
        root = doc[m.token_start:m.token_end].root
        if role is None or not _under_then(root):
            continue
        appositive = by_token.get(root.head.i) if root.dep_ == "appos" else None
        found = _past_term(appositive, role, people, when) if appositive is not None else None
        if found is not None:  # "Mrs. Clinton, then the secretary of state": both hers
            rebound[id(appositive)] = holder_then(found[0], found[1].start, role)
        else:
            found = _named_before(m, mentions, role, people, when)
        if found is not None:
            rebound[id(m)] = holder_then(found[0], found[1].start, role)
    return [replace(m, actor=replace(rebound[id(m)], text=m.actor.text))
            if id(m) in rebound else m for m in mentions]


def _under_then(token: Token) -> bool:
    """Whether "then" qualifies the office or a noun phrase holding it, below its clause: on
    a verb it tells what came next ("the president THEN met the secretary"), not a past
    time."""
    while token.pos_ not in _CLAUSE_POS:
        if any(c.lower_ == _THEN and c.dep_ in ("advmod", "amod") for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _past_term(m: Mention, role: str, people: Mapping[str, Person],
               when: dt.date) -> tuple[Person, Term] | None:
    """The person of a mention and their last term in the role that began before `when`
    and is over by then."""
    person = people.get(m.actor.name or "") if m.actor.kind == "person" else None
    if person is None:
        return None
    past = [t for t in person.terms if t.role == role and t.start <= when
            and not t.active(when)]
    return (person, max(past, key=lambda t: t.start)) if past else None


def _named_before(office: Mention, mentions: list[Mention], role: str,
                  people: Mapping[str, Person], when: dt.date) -> tuple[Person, Term] | None:
    """(person, term) of the last person named before the office who held it before the
    story's day; None when the article names no one."""
    for m in reversed([m for m in mentions if m.token_end <= office.token_start]):
        found = _past_term(m, role, people, when)
        if found is not None:
            return found
    return None
