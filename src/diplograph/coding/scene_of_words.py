"""Where an act of words was done is no receiver of it (issue #15, stop 28).

A call, a criticism or a refusal is aimed at someone the text names; the city where it was
made ("the chancellor called IN MADRID for a border force") or the chamber where a bill is
debated ("opposed the bill IN THE LORDS") is its scene (PLOVER 2.4: a location is no
target). The argument search reads an actor off every phrase of the verb, so such a place
became the target; this rule takes it away. Words: ``data/lexicon/scene_of_words.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.actors.in_article import ArticleContext, same_actor
from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import OBJECT_DEPS
from diplograph.knowledge.coding_words import read_lexicon, word_lists
from diplograph.records import ActorRef

if TYPE_CHECKING:
    from diplograph.coding.arguments import Arguments

_LISTS = ("scene_preps", "place_labels", "chamber_nouns", "place_modes", "shelter_nouns")
_TYPES = ("word_act_types",)


@dataclass(frozen=True, slots=True)
class SceneWords:
    """The lists of ``scene_of_words.yaml``; see the comments there."""

    word_act_types: frozenset[str]
    scene_preps: frozenset[str]
    place_labels: frozenset[str]
    chamber_nouns: frozenset[str]
    place_modes: frozenset[str]
    shelter_nouns: frozenset[str]


@functools.cache
def scene_words() -> SceneWords:
    """The packaged ``scene_of_words.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    data = read_lexicon("scene_of_words.yaml")
    return SceneWords(**word_lists("scene_of_words.yaml", data, _LISTS, _TYPES))


def act_heads(args: Arguments) -> list[Token]:
    """The words whose phrases are the act's own: its trigger and the trigger's verb."""
    trigger = args.frame.trigger
    heads = [trigger.token]
    if trigger.verb is not None and trigger.verb is not trigger.token:
        heads.append(trigger.verb)
    return heads


def _scene_objects(head: Token) -> list[Token]:
    """The objects of the scene prepositions hanging from ``head`` ("called IN MADRID")."""
    preps = [c for c in head.children
             if c.dep_ == "prep" and c.lower_ in scene_words().scene_preps]
    return [o for p in preps for c in p.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]


def _is_chamber(token: Token) -> bool:
    return token.lemma_.lower() in scene_words().chamber_nouns or (
        token.lower_ in scene_words().chamber_nouns)


def is_place(token: Token) -> bool:
    """Whether ``token`` names a place (a city, a state named as a place, a building) or a
    chamber, not a people, a body or a person."""
    return token.ent_type_ in scene_words().place_labels or _is_chamber(token)


def scene_places(args: Arguments) -> list[Token]:
    """The places the act of ``args`` was done in: a place in a scene phrase of its verb,
    or a chamber in a scene phrase of its object ("opposed the bill IN THE SENATE")."""
    heads = act_heads(args)
    objects = [c for h in heads for c in h.children if c.dep_ in OBJECT_DEPS]
    on_verb = [t for h in heads for t in _scene_objects(h) if is_place(t)]
    on_object = [t for o in objects for t in _scene_objects(o) if _is_chamber(t)]
    return on_verb + on_object


def done_to_the_place(args: Arguments) -> bool:
    """Whether the act is aimed at the place it is in: an inspection there, or a request
    for shelter on its soil ("sought REFUGE in Pakistan", "applied FOR ASYLUM in Sweden")."""
    words = scene_words()
    if args.frame.mode in words.place_modes:
        return True
    heads = act_heads(args)
    asked = [c for h in heads for c in h.children if c.dep_ in OBJECT_DEPS]
    asked += [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "for"
              for o in p.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() in words.shelter_nouns for t in asked)


def named_elsewhere(target: ActorRef, places: list[Token], ctx: ArticleContext) -> bool:
    """Whether the sentence names ``target`` outside the scene phrases too ("urged CHINA in
    Beijing to release ..."): then it receives the act in its own words."""
    scene = {w.i for p in places for w in p.subtree}
    sent = places[0].sent
    return any(same_actor(target, m.actor) for i, m in ctx.by_token.items()
               if sent.start <= i < sent.end and i not in scene)


@argument_rule("place-where-words-were-said", plover="2.4")
def _place_where_words_were_said(args: Arguments, ctx: ArticleContext) -> bool:
    """A place or chamber where an act of words was done is no target ("called IN MADRID
    for ...", "opposed the bill IN THE LORDS")."""
    if args.frame.type not in scene_words().word_act_types or not args.targets \
            or done_to_the_place(args):
        return False
    tokens = scene_places(args)
    if not tokens:
        return False
    places = ctx.actors(tokens)
    kept = [t for t in args.targets if not any(same_actor(t, p) for p in places)
            or named_elsewhere(t, tokens, ctx)]
    if len(kept) == len(args.targets):
        return False
    args.targets = kept
    args.target_tokens = [t for t in args.target_tokens if t not in tokens]
    args.target_settled = True
    return True
