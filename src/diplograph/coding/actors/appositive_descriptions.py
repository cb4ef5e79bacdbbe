"""Rule `description-after-name` (issue #15, stop 28, usplace28): a description set after a
person's name is that person, not the place it names.

"Norm Coleman, the former senator from Minnesota, who is supporting Mr. Rubio", "Senator Bob
Corker, a Tennessee Republican who has met Mr. Trump", "Dale Ferris, an Ohio farmer": the
description in apposition to the name (its noun's parse label is ``appos`` and it hangs from
the name, or the name hangs from it) stands for the named person; so does a description set
before the name and its verb ("A Texas voter who supports Mr. Trump, Ray Alcott said"), which
the parse reads as a second subject of the verb. Before, the description's noun had no
mention of its own, so a clause hanging from it ("WHO IS SUPPORTING Mr. Rubio") took the
nearest place in its phrase as the actor: "Minnesota" as the US legislature, "Tennessee" as
the US government. Now the description's words (its noun and what stands before it) are a
mention of the person, and the person takes from the description what the knowledge does not give:
- the state a place of the description names: a place before the noun ("a TEXAS voter",
  or before a noun of its compound: "a MISSOURI school principal", descr28) or
  the object of "from"/"of" on it ("the senator FROM MINNESOTA", "the governor OF IOWA");
  one state only, and never a place of another phrase (a topic, "an adviser on SYRIA");
- the sector of its noun (``description_sectors``, with the occupations and roles news sets
  after a name, descr28: "an Arkansas poultry MAGNATE" BUS; the knowledge base's sector nouns,
  ``callings``), or ELI where a former word stands before it ("the FORMER senator") and the
  knowledge does not know the person.
A description that names no place or body ("John Smith, a farmer") is left alone: it has
no place to displace the name. A description already read as a named person (a post's
holder) or as a body ("a Gazprom spokesman": the owners rules) is left alone; names joined by
"and", or a noun that is not in apposition ("Bob Corker met Tennessee officials"), are not
descriptions of the name.
Read from the parse, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from diplograph.coding.actors.mention import Mention
from diplograph.coding.actors.setting import Places
from diplograph.records import ActorRef

# Grammar: the prepositions that tie a post or a member to a place ("senator FROM Ohio",
# "governor OF Iowa"); "in", "on" or "about" may tell a topic or a place of an act.
_PLACE_OF_POST = frozenset({"from", "of"})
# Grammar: the parse labels of the words before a noun that may name its place.
_PREMODIFIERS = frozenset({"compound", "amod", "nmod"})
# Kinds of a mention the description's words may hold and the person absorbs (a place read
# as a state, a state's group, an unnamed person of the description).
_ABSORBED_KINDS = frozenset({"state", "place", "group"})
# Entity labels of a proper noun that may head a description ("a Tennessee REPUBLICAN"):
# a party's member (NORP) or no entity; a body's or a place's name ("Montenegro Municipality
# ASSOCIATION (AKK)") is no description of a person.
_PARTY_WORD = frozenset({"", "NORP"})


@dataclass(frozen=True, slots=True)
class AppositiveWords:
    """What the rule reads: a description's noun -> the person's sector, former words."""

    sectors: dict[str, str]
    former_words: frozenset[str]


def descriptions_after_names(doc: Doc, mentions: list[Mention], words: AppositiveWords,
                             places: Places, known: Callable[[str], bool]) -> list[Mention]:
    """Apply rule `description-after-name` to the article's mentions (text order kept)."""
    found = list(mentions)
    for person in mentions:
        if person.actor.kind != "person" or not person.actor.name:
            continue
        for noun in _descriptions(doc, person):
            found = _read_as_person(doc, found, person, noun, words, places, known)
    return sorted(found, key=lambda m: (m.start, m.end))


def _descriptions(doc: Doc, person: Mention) -> list[Token]:
    """The nouns that describe the person's name: in apposition after it, or before it
    ("A Texas voter who backs Mr. Cruz, Ray Alcott said"), where the parse may read the
    description as the verb's other subject."""
    root = doc[person.token_start:person.token_end].root
    after = [c for c in root.children if c.dep_ == "appos" and c.i >= person.token_end]
    before = [root.head] if root.dep_ == "appos" and root.head.i < person.token_start else []
    return [noun for noun in after + before + _fronted_subject(doc, person, root)
            if noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.ent_type_ in _PARTY_WORD)]


def _fronted_subject(doc: Doc, person: Mention, root: Token) -> list[Token]:
    """A subject of the name's verb whose phrase ends with the comma right before the name:
    a description set before the name, parsed as a second subject."""
    if root.dep_ != "nsubj" or person.token_start < 2 or doc[person.token_start - 1].text != ",":
        return []
    return [c for c in root.head.children if c.dep_ == "nsubj" and c.i < person.token_start
            and c.right_edge.i == person.token_start - 2]


def _read_as_person(doc: Doc, mentions: list[Mention], person: Mention, noun: Token,
                    words: AppositiveWords, places: Places,
                    known: Callable[[str], bool]) -> list[Mention]:
    """The mentions with the description of `noun` read as `person` (unchanged where a
    named person or a body already holds its words)."""
    span = doc[noun.left_edge.i:noun.i + 1]
    inside = [m for m in mentions if m.token_start < span.end and span.start < m.token_end]
    if any(m.actor.kind not in _ABSORBED_KINDS | {"person"}
           or (m.actor.kind == "person" and m.actor.name) for m in inside):
        return mentions
    states = _states_of(noun, inside, mentions, words, places)
    if not states:
        return mentions  # no place or body in the description: nothing to displace the name
    actor = _completed(person.actor, noun, states, mentions, words, known)
    updated = [replace(m, actor=actor) if _same_words(m, person) else m
               for m in mentions if m not in inside]
    covering = [m for m in inside if m.token_start <= noun.i < m.token_end]
    start = min([span.start, *(m.token_start for m in covering)])
    end = max([span.end, *(m.token_end for m in covering)])
    words_span = doc[start:end]
    updated.append(Mention(start=words_span.start_char, end=words_span.end_char,
                           token_start=start, token_end=end,
                           actor=replace(actor, text=words_span.text)))
    return updated


def _same_words(m: Mention, person: Mention) -> bool:
    return (m.token_start, m.token_end) == (person.token_start, person.token_end)


def _states_of(noun: Token, inside: list[Mention], mentions: list[Mention],
               words: AppositiveWords, places: Places) -> set[str]:
    """The states the description's places and bodies name."""
    is_post = _noun_sector(noun, words) not in {None, "CVL"}
    states = {_state_of(place, places) for place in _place_words(noun, is_post)}
    # A place the description's words hold ("a MINNESOTA Democrat" read as the state); a
    # group or an unnamed person there may have been placed by the story's home state
    # ("a spokesman" at home), which says nothing of this person.
    states |= {m.actor.country for m in inside if m.actor.kind in {"state", "place"}}
    states |= {m.actor.country for m in _bodies_of(noun, mentions)}
    states.discard(None)
    return states


def _completed(actor: ActorRef, noun: Token, states: set[str], mentions: list[Mention],
               words: AppositiveWords, known: Callable[[str], bool]) -> ActorRef:
    """The person with the state and sector of the description where the knowledge gives
    none (a former post makes an unknown person ELI)."""
    country = actor.country or (next(iter(states)) if len(states) == 1 else None)
    bodies = _bodies_of(noun, mentions)
    noun_sector = _noun_sector(noun, words)
    body_sectors = {m.actor.sector for m in bodies if _names_a_body(noun.doc, m)} - {None}
    body_sector = body_sectors.pop() if len(body_sectors) == 1 else None
    if known(actor.name or ""):
        sector = actor.sector or noun_sector
    elif _former(noun, words.former_words):
        sector = "ELI"
    else:
        sector = actor.sector or noun_sector or body_sector
    return replace(actor, country=country, sector=sector)


def _bodies_of(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """The bodies named after "of"/"from" on the noun ("a member OF THE SYRIAN PARLIAMENT"):
    the person is of their state and, where the noun names no sector, of their sector."""
    objects = {obj.i for prep in noun.rights if prep.dep_ == "prep"
               and prep.lower_ in _PLACE_OF_POST
               for obj in prep.children if obj.dep_ == "pobj"}
    return [m for m in mentions if m.actor.kind in {"organisation", "group", "state"}
            and any(
                m.token_start <= i < m.token_end for i in objects)]


def _noun_sector(noun: Token, words: AppositiveWords) -> str | None:
    return words.sectors.get(noun.lemma_.lower()) or words.sectors.get(noun.lower_)


def _names_a_body(doc: Doc, m: Mention) -> bool:
    """Whether the mention names a body: an organisation, or a state's body by a common noun
    ("the Syrian PARLIAMENT"); a state's bare name gives no sector to its people."""
    return m.actor.kind == "organisation" or doc[m.token_end - 1].pos_ == "NOUN"


def _former(noun: Token, former_words: frozenset[str]) -> bool:
    return any(t.lower_ in former_words or t.lower_.rstrip("-") in former_words
               for t in noun.lefts)


def _place_words(noun: Token, is_post: bool) -> list[Span]:
    """The proper names before the noun ("a TEXAS voter") and, after a post, the objects of
    its place prepositions ("senator from MINNESOTA"), each with its compounds ("NEW
    HAMPSHIRE"). After a calling, "from" tells a home ("a nurse from Leeds"), which the
    resolver does not read as a state (as `post-at-place`)."""
    heads = [t for t in _premodifiers(noun) if t.pos_ == "PROPN"]
    heads += [obj for prep in noun.rights if is_post and prep.dep_ == "prep"
              and prep.lower_ in _PLACE_OF_POST
              for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "PROPN"]
    return [_with_compounds(t) for t in heads]


def _premodifiers(noun: Token) -> list[Token]:
    """The words before the noun, and before each common noun of its compound ("a MISSOURI
    school principal": the place hangs from "school", not from the head noun)."""
    found = []
    for left in noun.lefts:
        if left.dep_ in _PREMODIFIERS:
            found.append(left)
            if left.pos_ == "NOUN" and left.dep_ == "compound":
                found += _premodifiers(left)
    return found


def _with_compounds(token: Token) -> Span:
    first = min([c.i for c in token.lefts if c.dep_ == "compound"] + [token.i])
    return token.doc[first:token.i + 1]


def _state_of(words: Span, places: Places) -> str | None:
    return places.of_words(words)
