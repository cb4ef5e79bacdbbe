"""A place that only locates an act is no target of an act not done to a place (issue #15,
stop 29).

An apology, a word of praise or of criticism, a pledge or a request is aimed at someone the
text names. The city where it was made ("apologised IN SEOUL"), the venue ("at a rally IN
BOSTON", "on the steps of the WARSAW memorial") or the place it was sent from ("in a video
message FROM KYIV") is its scene (PLOVER 2.4: a location is no target); the argument search
read an actor off every phrase of the verb, so the place's state became the target. Acts done
to territory (force, troops moved into it, sanctions, a visit's host) keep it. The split of the
types and the words: ``data/lexicon/place_targets.yaml``; the place words are those of
``scene_of_words.yaml`` (the rule for acts of words said in a city, which this one extends to
every act not done to a place and to the places inside a venue phrase).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from diplograph.coding.actors.in_article import ArticleContext, same_actor
from diplograph.coding.counterparts import counterpart_words
from diplograph.coding.rules import argument_rule
from diplograph.coding.scene_of_words import (
    act_heads,
    done_to_the_place,
    is_place,
    named_elsewhere,
    scene_words,
)
from diplograph.coding.triggers import OBJECT_DEPS
from diplograph.errors import KnowledgeError
from diplograph.knowledge.coding_words import read_lexicon, word_lists
from diplograph.records import EVENT_TYPES, ActorRef

if TYPE_CHECKING:
    from diplograph.coding.arguments import Arguments

_LISTS = ("venue_preps", "venue_nouns", "venue_place_deps", "venue_place_preps")
_TYPES = ("place_blind_types", "territorial_types", "bare_place_types")


@dataclass(frozen=True, slots=True)
class PlaceTargetWords:
    """The lists of ``place_targets.yaml``; see the comments there."""

    place_blind_types: frozenset[str]
    territorial_types: frozenset[str]
    bare_place_types: frozenset[str]
    venue_preps: frozenset[str]
    venue_nouns: frozenset[str]
    venue_place_deps: frozenset[str]
    venue_place_preps: frozenset[str]


@functools.cache
def place_target_words() -> PlaceTargetWords:
    """The packaged ``place_targets.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing, names a type that is not PLOVER, or the two type
            lists do not split the PLOVER types between them.
    """
    lists = word_lists("place_targets.yaml", read_lexicon("place_targets.yaml"), _LISTS, _TYPES)
    words = PlaceTargetWords(**lists)
    blind, territorial = words.place_blind_types, words.territorial_types
    if blind & territorial or (blind | territorial) != set(EVENT_TYPES):
        raise KnowledgeError("place_targets.yaml: place_blind_types and territorial_types must "
                             "split the PLOVER types")
    return words


def _pobjs(prep: Token) -> list[Token]:
    return [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]


def _places_in_venue(venue: Token) -> list[Token]:
    """The place words inside a venue phrase, reached through its place arcs only ("a rally
    IN BOSTON", "the WARSAW memorial", "the steps OF the Warsaw memorial")."""
    words = place_target_words()
    found: list[Token] = []
    stack = [venue]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ not in words.venue_place_deps or (
                    child.dep_ == "prep" and child.lower_ not in words.venue_place_preps):
                continue
            if is_place(child):
                found.append(child)
            stack.append(child)
    return found


def located_places(args: Arguments) -> list[Token]:
    """The place words that only locate the act of ``args``: the object of a scene
    preposition of its verb ("apologised IN SEOUL"; acts of ``bare_place_types`` and spoken
    concessions), and the places inside a venue phrase of it ("AT A RALLY in Boston", "in a
    video MESSAGE from Kyiv")."""
    direct = scene_words().scene_preps
    heads = act_heads(args)
    # The object word of a verb-and-object trigger is the act's own ("expressed REGRET in
    # Kigali"); another object is the thing acted on ("demanded reforms IN MYANMAR").
    own_objects = [c for h in heads for c in h.children if c.dep_ in OBJECT_DEPS
                   and c.lemma_.lower() in args.frame.trigger.rule.object]
    bare = args.frame.type in place_target_words().bare_place_types or _spoken(args)
    found = [obj for head in (*heads, *own_objects) for prep in _preps(head)
             if bare and prep.lower_ in direct
             for obj in _pobjs(prep) if is_place(obj)]
    # A venue may hang from the act's object or prepositional object ("apologised for the
    # delays AT A SUMMIT in Lisbon"); a bare place there stays ("demanded reforms IN MYANMAR").
    holders = [*heads, *(c for h in heads for c in h.children if c.dep_ in OBJECT_DEPS),
               *(o for h in heads for p in _preps(h) for o in _pobjs(p))]
    return found + [place for holder in holders for venue in _venues(holder)
                    for place in _places_in_venue(venue)]


def _preps(head: Token) -> list[Token]:
    return [c for c in head.children if c.dep_ == "prep"]


def _venues(holder: Token) -> list[Token]:
    """The venue nouns of ``holder``'s venue phrases ("AT A RALLY", "on the STEPS")."""
    words = place_target_words()
    return [obj for prep in _preps(holder) if prep.lower_ in words.venue_preps
            for obj in _pobjs(prep)
            if obj.pos_ == "NOUN" and obj.lemma_.lower() in words.venue_nouns]


def _read_off_a_place(target: ActorRef, places: list[ActorRef]) -> bool:
    """Whether ``target`` is one of the located places, in any sector when it was read off
    the place's own words ("the Warsaw memorial" read as Poland's people)."""
    return any(same_actor(target, place) or (
        target.name == place.name and target.country == place.country
        and target.text is not None and target.text == place.text) for place in places)


def _not_done_to_a_place(args: Arguments) -> bool:
    """Whether the act is of a type not done to a place, or a concession made in words
    ("apologised", "expressed REGRET"), not the easing of a measure on a place."""
    return args.frame.type in place_target_words().place_blind_types or _spoken(args)


def _spoken(args: Arguments) -> bool:
    """A concession made in words: "apologised", "expressed REGRET"."""
    trigger = args.frame.trigger
    said = {trigger.token.lemma_.lower(), *trigger.rule.object}
    return args.frame.type == "CONCEDE" and bool(said & counterpart_words().spoken_concessions)


def _state_named_elsewhere(target: ActorRef, places: list[Token], args: Arguments,
                           ctx: ArticleContext) -> bool:
    """Whether the sentence names the place's state outside the scene phrases and the source's
    words, in any sector ("backed IRANIAN demands in Tehran"): then it is the receiver."""
    scene = {w.i for t in (*places, *args.source_tokens) for w in t.subtree}
    sent = places[0].sent
    return any(m.actor.country == target.country and m.actor.kind != "place"
               for i, m in ctx.by_token.items() if sent.start <= i < sent.end and i not in scene)


def people_of_a_place(actor: ActorRef, sent: Span, ctx: ArticleContext) -> bool:
    """Whether ``actor`` is the people of a city or region the sentence names as a place ("the
    DETROIT area", "a rally in HAMBURG" read as the state's civilians), not of a state named as
    one ("the cost of BRITAIN's asylum system")."""
    # a body of the place ("CALIFORNIA's Superior court", USA JUD) is an actor of its own
    if actor.kind != "group" or actor.sector != "CVL" or actor.text is None:
        return False
    places = [ent for ent in sent.ents
              if ent.text == actor.text and ent.label_ in scene_words().place_labels]
    mentions = [ctx.mention_for(ent.root) for ent in places]
    return any(m is not None and m.actor.kind == "place" for m in mentions)


@argument_rule("place-that-only-locates-the-act", plover="2.4")
def _place_that_only_locates_the_act(args: Arguments, ctx: ArticleContext) -> bool:
    """A place where an act not done to a place was done is no target ("apologised IN
    SEOUL", "criticised the rules at a rally IN BOSTON", "thanked Poland in a message FROM
    KYIV"); force, troops, sanctions or a visit keep their place ("bombed targets IN SYRIA")."""
    if not _not_done_to_a_place(args) or not args.targets or done_to_the_place(args):
        return False
    tokens = located_places(args)
    if not tokens:
        return False
    places = ctx.actors(tokens)
    kept = [t for t in args.targets if not _read_off_a_place(t, places)
            or named_elsewhere(t, tokens, ctx) or _state_named_elsewhere(t, tokens, args, ctx)]
    if len(kept) == len(args.targets):
        return False
    args.targets = kept
    located = {p.i for p in tokens}
    args.target_tokens = [t for t in args.target_tokens
                          if not any(w.i in located for w in t.subtree)]
    args.target_settled = True
    return True
