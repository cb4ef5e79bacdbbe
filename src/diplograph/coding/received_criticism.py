"""Criticism told from the side of the one who receives it (issue 16, stop 27, drawn27).

"Kelly came under FIRE FROM TRUMP", "the government is facing OPPOSITION FROM Tory MPs",
"Israel drew CONDEMNATION FROM Turkey": the clause's subject is the criticised and the "from"
phrase the critic, the reverse of the sides a verb's subject and object give. The trigger rule
below finds the noun of criticism under a verb of receiving; the argument rule gives the frame
its sides (PLOVER 3.9, DISAPPROVE = ACCUSE disapprove). Word lists:
``data/lexicon/structure_triggers.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from diplograph.coding.rules import argument_rule, trigger_rule
from diplograph.coding.said_clauses import negated
from diplograph.coding.token_table import tokens_of_pos
from diplograph.coding.triggers import (
    ActorTest,
    Trigger,
    prep_objects,
    subject_tokens,
    verb_forms,
)
from diplograph.knowledge.coding_words import StructureWords, structure_words
from diplograph.knowledge.lexicon import Lexicon, TriggerRule

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

RECEIVED_RULE = TriggerRule(type="ACCUSE", mode="disapprove", target=(),
                            origin="criticism-received-from-an-actor")
_VERB = frozenset({"VERB"})
# The phrases a received criticism is named in: "came UNDER fire", "met WITH a backlash".
_RECEIVING_MARKS = ("under", "with")


@trigger_rule("criticism-received-from-an-actor", plover="3.9")
def criticism_received_from_an_actor(sent: Span, lexicon: Lexicon,
                                     is_actor: ActorTest) -> list[Trigger]:
    """Criticism an actor receives from another: "came under FIRE from Trump", "faced
    CRITICISM from Pakistan" (the noun is the trigger, the verb of receiving its clause)."""
    words = structure_words()
    triggers = []
    for verb in tokens_of_pos(sent, _VERB):
        if not words.receiving_verbs & set(verb_forms(verb)) or negated(verb):
            continue
        noun = _received_criticism(verb, words)
        if noun is not None and any(is_actor(s) for s in critics(noun, verb)) \
                and any(is_actor(s) for s in subject_tokens(verb)):
            triggers.append(Trigger(noun, verb, RECEIVED_RULE))
    return triggers


def _received_criticism(verb: Token, words: StructureWords) -> Token | None:
    """The noun of criticism the verb receives ("faced CRITICISM", "came under FIRE"), else
    None; fire on troops, ships or towns is shooting, not criticism."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(verb, _RECEIVING_MARKS)
    noun = next((n for n in nouns if n.lemma_.lower() in words.received_criticism_nouns), None)
    if noun is None or noun.lemma_.lower() != "fire":
        return noun
    literal = {s.lemma_.lower() for s in subject_tokens(verb)} | {
        s.lower_ for s in subject_tokens(verb)}
    return None if literal & words.literal_fire_targets else noun


def critics(noun: Token, verb: Token) -> list[Token]:
    """The "from" phrase of the criticism, on the noun or on its verb, with the words joined
    to it ("from Tory MPs AND ITS OWN BACKBENCHERS")."""
    found = prep_objects(noun, ("from",)) + prep_objects(verb, ("from",))
    return [t for f in found for t in (f, *f.conjuncts)]


@argument_rule("criticism-received-is-from-its-sender", plover="3.9", types={"ACCUSE"})
def _criticism_received_is_from_its_sender(args: Arguments, ctx: ArticleContext) -> bool:
    """The sides of a received criticism: the "from" phrase criticises the clause's subject
    ("Kelly came under fire FROM TRUMP" is Trump's criticism of Kelly)."""
    trigger = args.frame.trigger
    if trigger.rule.origin != RECEIVED_RULE.origin or trigger.verb is None:
        return False
    args.source_tokens = critics(trigger.token, trigger.verb)
    args.sources = ctx.actors(args.source_tokens)
    args.target_tokens = subject_tokens(trigger.verb)
    args.targets = ctx.actors(args.target_tokens)
    return bool(args.sources and args.targets)
