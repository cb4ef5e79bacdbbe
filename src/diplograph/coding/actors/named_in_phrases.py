"""A named person or body inside a descriptive phrase is that person, not the phrase's place
or body (issue #15, stop 27, appos27).

- rule `descriptor-yields-to-names`: "Two Ohio developers, Mark Hensley and Tom Bradshaw",
  "the Vermont governor, Peter Shumlin": a description with a named person in apposition
  stands for that person (the first named), who takes the description's state and sector
  where the knowledge gives none; the description's own mention (a place's civilians, an
  office with no holder) is read as the person, so the phrase's head gives the named people;
- rule `owner-possessive-name`: "NBC's Chuck Todd", "Siemens' Klaus Weber": a body's
  possessive before the name of someone we do not know gives the person the body's state and
  sector (a journalist of NBC is USA JRN); a known person keeps their own; a state's
  possessive ("Britain's Tony Blair") gives its state only;
- rule `former-post-of-body`: "a former DNC chairman", "an ex-BBC reporter": a body's name
  before a post held before (``former_post_words``) is a person who worked for it, of the
  body's state and sector, not the body itself. A current post ("the DNC chairwoman") is left
  to the posts rules.
Read from the parse, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention, mentions_by_token
from diplograph.records import ActorRef

# Grammar: the kinds of actor whose possessive gives an unknown person a state ("NBC's").
_OWNER_KINDS = frozenset({"organisation", "state"})


@dataclass(frozen=True, slots=True)
class PhraseWords:
    """The words the rules read: posts in a body and the words of a post held before."""

    job_nouns: frozenset[str]
    former_words: frozenset[str]


def named_in_phrases(doc: Doc, mentions: list[Mention], words: PhraseWords,
                     known: Callable[[str], bool]) -> list[Mention]:
    """Apply the module's three rules to the article's mentions (text order kept)."""
    found = _owner_possessive_names(doc, mentions, known)
    found = _descriptors_yield_to_names(doc, found)
    return _former_posts_of_bodies(doc, found, words)


def _completed(actor: ActorRef, source: ActorRef, with_sector: bool = True) -> ActorRef:
    """`actor` with the state (and sector) of `source` where it has none."""
    return replace(actor, country=actor.country or source.country,
                   sector=actor.sector or (source.sector if with_sector else None))


def _owner_possessive_names(doc: Doc, mentions: list[Mention],
                            known: Callable[[str], bool]) -> list[Mention]:
    """Rule `owner-possessive-name`."""
    by_token = mentions_by_token(mentions)
    out = []
    for m in mentions:
        actor = m.actor
        if actor.kind == "person" and actor.name and not known(actor.name) \
                and (actor.country is None or actor.sector is None):
            owner = _possessor(doc, m, by_token)
            if owner is not None:
                m = replace(m, actor=_completed(actor, owner, owner.kind == "organisation"))
        out.append(m)
    return out


def _possessor(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> ActorRef | None:
    """The body or state whose possessive stands right before the mention's name."""
    root = doc[m.token_start:m.token_end].root
    for child in root.children:
        owner = by_token.get(child.i)
        if child.dep_ == "poss" and child.i < m.token_start and owner is not None \
                and owner.actor.kind in _OWNER_KINDS:
            return owner.actor
    return None


def _descriptors_yield_to_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Rule `descriptor-yields-to-names`."""
    by_token = mentions_by_token(mentions)
    named: dict[int, ActorRef] = {}  # mention start token -> its person, completed
    for m in mentions:
        if _is_named_person(m.actor):
            continue
        person = _appositive_person(doc, m, by_token)
        if person is not None:
            named[person.token_start] = _completed(person.actor, m.actor)
            named[m.token_start] = replace(named[person.token_start], text=m.actor.text)
    return [replace(m, actor=named[m.token_start]) if m.token_start in named else m
            for m in mentions]


def _is_named_person(actor: ActorRef) -> bool:
    return actor.kind == "person" and bool(actor.name)


def _appositive_person(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """The first named person in apposition to the mention's head, outside the mention."""
    root = doc[m.token_start:m.token_end].root
    for child in root.children:
        person = by_token.get(child.i)
        if child.dep_ == "appos" and child.i >= m.token_end and person is not None \
                and _is_named_person(person.actor):
            return person
    return None


def _former_posts_of_bodies(doc: Doc, mentions: list[Mention],
                            words: PhraseWords) -> list[Mention]:
    """Rule `former-post-of-body`."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out = []
    for m in mentions:
        post = _former_post(doc, m, words, taken) if m.actor.kind == "organisation" else None
        out.append(m if post is None else _person_of_post(doc, m, post))
    return out


def _former_post(doc: Doc, m: Mention, words: PhraseWords, taken: set[int]) -> Token | None:
    """The post noun the body's name qualifies, when a former word stands before the name."""
    post = doc[m.token_start:m.token_end].root.head
    if post.i < m.token_end or post.i in taken or post.pos_ != "NOUN" \
            or post.lemma_.lower() not in words.job_nouns:
        return None
    if any(t.i in taken for t in doc[m.token_end:post.i]):
        return None
    before = doc[post.left_edge.i:m.token_start]
    if not any(t.lower_ in words.former_words or t.lower_.rstrip("-") in words.former_words
               for t in before):
        return None
    return post


def _person_of_post(doc: Doc, body: Mention, post: Token) -> Mention:
    """The unnamed person who held the post in the body: the body's state and sector."""
    span = doc[post.left_edge.i:post.i + 1]
    actor = ActorRef(name=None, country=body.actor.country, sector=body.actor.sector,
                     text=span.text, kind="person")
    return Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                   token_end=span.end, actor=actor)
