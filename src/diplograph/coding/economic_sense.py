"""An act verb in its economic sense is no event (issue #16, stop 25).

News of markets uses the verbs of force, seizure and concession for figures: "China's
attempts to cool its economy have HIT Japanese industry's SALES", "the lira HIT a record LOW",
"Japanese carmakers CAPTURED a third of the American MARKET", "to MEET the country's growing
DEMAND for cars". The lexicon matches the verb (ASSAULT "hit", COERCE "seize", CONCEDE
"meet + demand"), and the actor search then finds a state in the phrase (Japan, the United
States), so a market figure became an attack between states. The object decides the sense,
read on the dependency parse: a market figure (or a portion "of" one) as the verb's object or
passive subject, or a demand that is a market's (a growing demand, customers' demand). Words:
``data/lexicon/economic_sense.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import OBJECT_DEPS
from diplograph.knowledge.coding_words import read_lexicon, word_lists

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

_FILE = "economic_sense.yaml"
_LISTS = ("market_figures", "portion_words", "demand_nouns", "market_demand_modifiers",
          "market_demand_holders")
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass"})
# Arcs of the words that tell whose or what kind of demand it is.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True, slots=True)
class EconomicWords:
    """The lists of ``economic_sense.yaml``; see the comments there."""

    types: frozenset[str]
    market_figures: frozenset[str]
    portion_words: frozenset[str]
    demand_nouns: frozenset[str]
    market_demand_modifiers: frozenset[str]
    market_demand_holders: frozenset[str]


@functools.cache
def economic_words() -> EconomicWords:
    """The packaged ``economic_sense.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    lists = word_lists(_FILE, read_lexicon(_FILE), _LISTS, ("economic_sense_types",))
    return EconomicWords(types=lists.pop("economic_sense_types"), **lists)


def _acted_on(verb: Token) -> list[Token]:
    """The heads of what the verb acts on: its objects, or its subject when passive; a
    portion's "of" noun in the portion's place ("a third OF THE MARKET")."""
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS or c.dep_ in _PASSIVE_SUBJECT_DEPS]
    portions = economic_words().portion_words
    found = []
    for head in heads:
        of_nouns = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]
        part = head.lemma_.lower() in portions or head.lower_ in portions
        found.extend(of_nouns if part and of_nouns else [head])
    return found


def _market_demand(noun: Token) -> bool:
    """ "the GROWING demand for cars", "CUSTOMER demand", "music FANS' demand", or a bare
    singular "to meet demand": a market's demand, which no actor made."""
    words = economic_words()
    if noun.lemma_.lower() not in words.demand_nouns:
        return False
    around = list(noun.children)
    if any(c.dep_ in _MODIFIER_DEPS and c.lower_ in words.market_demand_modifiers
           for c in around):
        return True
    holders = [c for c in around if c.dep_ == "poss" or c.dep_ in _MODIFIER_DEPS]
    if any(h.lemma_.lower() in words.market_demand_holders for h in holders):
        return True
    bare = not any(c.dep_ in {"det", "poss"} for c in around)
    return bare and noun.tag_ == "NN"


@argument_rule("act-on-a-market-figure-is-no-event", plover="SPEC §4",
               types=economic_words().types)
def _act_on_a_market_figure(args: Arguments, ctx: ArticleContext) -> bool:
    """A verb of force, seizure or concession whose object is a market figure ("HIT
    SALES", "CAPTURED a third of the MARKET", "MEET the growing DEMAND for cars") is no act
    between actors: no event."""
    trigger = args.frame.trigger
    verb = trigger.token
    if trigger.verb is not verb or verb.pos_ not in {"VERB", "AUX"}:
        return False  # an event noun ("the attack on the market") is not this verb sense
    figures = economic_words().market_figures
    acted_on = _acted_on(verb)
    args.dropped = bool(acted_on) and all(
        t.lemma_.lower() in figures or _market_demand(t) for t in acted_on)
    return args.dropped
