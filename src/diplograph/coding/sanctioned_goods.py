"""A measure on a state's goods is a sanction on that state (issue 16, stop 29, tariff29).

"Mexico slapped retaliatory tariffs ... on a list of products that amounted to $2 billion in
AMERICAN exports to Mexico", "France banned BRITISH beef", "the Philippines banned pork FROM
GERMANY": PLOVER 3.13 (SANCTION; CAMEO 163 embargo) codes the measure at the state whose goods
it hits, named by the goods' nationality adjective or possessor, or by where they come from.
The rule reads it only where the trigger's own slots found no target, and never takes the
measure's own owner ("CANADIAN duties") or a source. Word lists:
``data/lexicon/traded_goods.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.actors.in_article import same_actor
from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import direct_objects, prep_objects
from diplograph.knowledge.coding_words import read_lexicon, word_lists

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

_LISTS = ("goods_nouns", "owner_deps", "origin_preps", "measure_preps")
_TYPES = ("sanction_types",)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True, slots=True)
class GoodsWords:
    """The word lists of ``traded_goods.yaml``."""

    goods_nouns: frozenset[str]
    owner_deps: frozenset[str]
    origin_preps: frozenset[str]
    measure_preps: frozenset[str]
    sanction_types: frozenset[str]


@functools.cache
def goods_words() -> GoodsWords:
    """The packaged ``traded_goods.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    data = read_lexicon("traded_goods.yaml")
    return GoodsWords(**word_lists("traded_goods.yaml", data, _LISTS, _TYPES))


@argument_rule("owner-of-sanctioned-goods", plover="3.13", types=goods_words().sanction_types)
def owner_of_sanctioned_goods(args: Arguments, ctx: ArticleContext) -> bool:
    """A measure on goods with no target aims at the state the goods belong to."""
    if args.targets or args.target_settled:
        return False
    trigger = args.frame.trigger
    words = goods_words()
    owners = [o for goods in _goods_in_reach(trigger.verb or trigger.token, trigger.token)
              for o in _owner_tokens(goods, words)]
    for token in owners:
        found = [a for a in ctx.actors([token])
                 if not any(same_actor(a, s) for s in args.sources)]
        if found:
            args.targets, args.target_tokens = found[:1], [token]
            return True
    return False


def _goods_in_reach(head: Token, trigger: Token) -> list[Token]:
    """The goods nouns a measure can be on, nearest first: those in the measure's own
    phrases ("ON a list of goods", "imports OF Polish apples", its object), then the rest of
    the clause below the trigger, leaving out its subject ("CHINESE steel makers cut ...")."""
    words = goods_words()
    holders = [head, *direct_objects(head)]
    if trigger is not head:
        holders.append(trigger)
    near = [t for h in holders for p in prep_objects(h, tuple(words.measure_preps))
            for t in p.subtree]
    near += [t for o in direct_objects(head) for t in o.subtree]
    subject_words = {t.i for c in head.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
    rest = [t for t in head.subtree if t.i not in subject_words]
    seen: set[int] = set()
    goods = []
    for token in (*near, *rest):
        if token.i not in seen and token.i != trigger.i and _is_goods(token, words):
            seen.add(token.i)
            goods.append(token)
    return goods


def _is_goods(token: Token, words: GoodsWords) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in words.goods_nouns


def _owner_tokens(goods: Token, words: GoodsWords) -> list[Token]:
    """The words naming the owner of ``goods``: its adjective or possessor ("CHINESE
    exports"), then the object of its "from" phrase ("pork FROM GERMANY")."""
    owners = [c for c in goods.lefts if c.dep_ in words.owner_deps]
    return owners + prep_objects(goods, tuple(words.origin_preps))
