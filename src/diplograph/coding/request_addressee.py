"""The target of a request is its addressee (issue 16, stop 27, reqtarget27).

"The senator called on FELLOW REPUBLICANS to unendorse Trump", "Pence demands AN INDEPENDENT
PROSECUTOR to investigate Clinton", "asking VOTERS to strengthen her hand in Congress": PLOVER
3.8 codes a REQUEST at the actor asked to act, the addressee named between the verb and the
requested act. An actor inside the requested act (Trump, Clinton, Congress) is what the
request is about, not whom it asks. When the addressee names no actor the resolver knows, the
request keeps no target rather than taking the topic (issue #16: no invented targets). Word
lists: ``data/lexicon/request_addressee.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.counterparts import counterparts
from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import direct_objects, fallback_target_tokens
from diplograph.knowledge.coding_words import read_lexicon, word_lists

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

_LISTS = ("addressee_preps", "requested_act_deps", "addressee_pos")
_TYPES = ("request_types",)


@dataclass(frozen=True, slots=True)
class AddresseeWords:
    """The word lists of ``request_addressee.yaml``."""

    addressee_preps: frozenset[str]
    requested_act_deps: frozenset[str]
    addressee_pos: frozenset[str]
    request_types: frozenset[str]


@functools.cache
def addressee_words() -> AddresseeWords:
    """The packaged ``request_addressee.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    data = read_lexicon("request_addressee.yaml")
    return AddresseeWords(**word_lists("request_addressee.yaml", data, _LISTS, _TYPES))


@dataclass(frozen=True, slots=True)
class RequestShape:
    """A request verb's addressee phrase and the requested act it governs."""

    addressee: list[Token]  # the addressee's head and its conjuncts
    act: Token  # the verb of the requested act


def request_shape(verb: Token | None) -> RequestShape | None:
    """The addressee and the requested act of "VERB ADDRESSEE to ACT", or None where the
    verb asks no one in particular ("called for an end to the war", "demanded to see it")."""
    if verb is None:
        return None
    words = addressee_words()
    acts = [c for c in verb.children if c.dep_ in words.requested_act_deps
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not acts:
        return None
    act = acts[0]
    if any(m.dep_ == "mark" for m in act.children):
        return None  # "called for ISRAEL to withdraw": the act names whom it asks, its subject
    named = [t for t in direct_objects(verb) + _objects_of_addressee_preps(verb)
             if t.i < act.i and t.pos_ in words.addressee_pos]
    if not named:
        return None
    head = named[0]
    return RequestShape(addressee=[head, *head.conjuncts], act=act)


def _objects_of_addressee_preps(verb: Token) -> list[Token]:
    """The objects of "on", "upon", "to" under ``verb``, read as a preposition or, as the
    parser often has "called ON", as a particle with its own object."""
    preps = addressee_words().addressee_preps
    return [o for c in verb.children if c.dep_ in {"prep", "prt", "dative"}
            and c.lemma_.lower() in preps for o in c.children if o.dep_ in {"pobj", "pcomp"}]


@argument_rule("request-goes-to-its-addressee", plover="3.8",
               types=addressee_words().request_types)
def _request_goes_to_its_addressee(args: Arguments, ctx: ArticleContext) -> bool:
    """A request's target is the addressee between the verb and the requested act; an actor
    inside the requested act is its topic ("called on X to unendorse Y": X, never Y)."""
    shape = request_shape(args.frame.trigger.verb)
    if shape is None:
        return False
    act_words = set(shape.act.subtree)
    if args.targets and not all(t in act_words for t in args.target_tokens):
        return False  # the rule's own slots found a target outside the requested act
    addressed = [t for t in shape.addressee if ctx.actors([t])]
    targets = [a for t in addressed for a in ctx.actors([t])]
    if not addressed:
        # The fallback's phrases less the requested act: "demanded parties to the conflict
        # IN IRAQ to allow ..." still reaches Iraq, "called on fellow Republicans to
        # unendorse TRUMP" reaches no one.
        outside = [t for t in fallback_target_tokens(args.frame.trigger) if t not in act_words]
        found, found_in = counterparts(outside, ctx, args.frame.type, args.sources)
        targets, addressed = found[:1], found_in[:1]
    args.targets, args.target_tokens = targets, addressed
    args.target_settled = True  # an unknown addressee is no licence to take the topic
    return True
