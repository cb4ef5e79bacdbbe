"""Coordinated subjects are two sources; they face each other only in an act done together
(PLOVER 2.4.2; issue #15, stop 23).

"X and Y signed a treaty" is X with Y (``argument/joint-subjects-face-each-other``). But "the
Tories and the Lib Dems WELCOMED THE REPORT" is one stance of two parties on a thing, and
"Labour and the Tories are CALLING PEOPLE" two parties calling voters: neither party is the
other's counterpart. What the verb is done to says which: a joint act's object is a joint
act's noun (a treaty, a deal, talks) or none; a stance's object is the thing judged; a call's
object may be people no actor stands for. The meeting and agreement types of the SPEC
(``records.SYMMETRIC_TYPES``) are done with each other whatever their object names (the
topic: "discussed trade"), unless that object is people. A pledge is one side's word: "Spain and
Portugal PLEDGED to invest in rail" is two pledges to no one, unless given "to each other".
Words:
``data/lexicon/coordination.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import direct_objects
from diplograph.knowledge.coding_words import read_lexicon, word_lists
from diplograph.records import SYMMETRIC_TYPES

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

_LISTS = ("joint_act_nouns", "shared_owners", "people_nouns", "pledge_verbs", "reciprocal_words")


@dataclass(frozen=True, slots=True)
class CoordinationWords:
    """The lists of ``coordination.yaml``; see the comments there."""

    joint_act_nouns: frozenset[str]
    shared_owners: frozenset[str]
    people_nouns: frozenset[str]
    pledge_verbs: frozenset[str]
    reciprocal_words: frozenset[str]


@functools.cache
def coordination_words() -> CoordinationWords:
    """The packaged ``coordination.yaml``, read and checked once."""
    return CoordinationWords(**word_lists("coordination.yaml", read_lexicon("coordination.yaml"),
                                          _LISTS))


@argument_rule("stance-of-two-is-no-joint-act", plover="2.4.2")
def _stance_of_two(args: Arguments, ctx: ArticleContext) -> bool:
    """Coordinated subjects of a stance on a thing ("X and Y WELCOMED the ruling") or of a
    call to people ("X and Y are CALLING voters") are two sources, not each other's
    counterparts."""
    verb = args.frame.trigger.verb
    if not args.joint or len(args.sources) < 2 or args.targets or verb is None:
        return False
    objects = direct_objects(verb)
    if not objects or not (_people(objects) or _thing_judged(objects, args.frame.type)):
        return False
    args.joint = False
    return True


def _people(objects: list[Token]) -> bool:
    """ "calling PEOPLE", "phoning VOTERS": receivers no actor stands for."""
    return any(o.lemma_.lower() in coordination_words().people_nouns for o in objects)


def _thing_judged(objects: list[Token], kind: str) -> bool:
    """The object of an act that is joint only by its object ("signed a TREATY") when that
    object is no joint act ("backed the PLAN") nor a thing the subjects share ("upgraded
    THEIR ties": what two own together, they act on together)."""
    words = coordination_words()
    return kind not in SYMMETRIC_TYPES and not any(
        o.lemma_.lower() in words.joint_act_nouns
        or any(c.dep_ == "poss" and c.lower_ in words.shared_owners for c in o.children)
        for o in objects)


@argument_rule("pledge-of-two-is-no-joint-act", plover="3.1", types={"AGREE"})
def _pledge_of_two(args: Arguments, ctx: ArticleContext) -> bool:
    """Coordinated subjects of a pledge ("Spain and Portugal PLEDGED to invest in rail",
    "X and other Tories were COMMITTED to cutting spending") each give their word; neither
    is the other's counterpart unless they pledge "to each other"."""
    verb = _pledging_verb(args.frame.trigger.verb)
    if not args.joint or len(args.sources) < 2 or args.targets or verb is None:
        return False
    if _given_to_each_other(verb):
        return False
    args.joint = False
    return True


def _pledging_verb(verb: Token | None) -> Token | None:
    """The pledge verb that is the trigger's verb or governs it ("promised TO PROVIDE aid")."""
    pledges = coordination_words().pledge_verbs
    while verb is not None:
        if verb.lemma_.lower() in pledges:
            return verb
        verb = verb.head if verb.dep_ == "xcomp" and verb.head is not verb else None
    return None


def _given_to_each_other(verb: Token) -> bool:
    """ "vowed TO EACH OTHER", "promised one another": a pledge the subjects exchange."""
    reciprocal = coordination_words().reciprocal_words
    return any(t.lower_ in reciprocal and any(c.lower_ in {"each", "one"} for c in t.children)
               for t in verb.subtree)
