"""A verdict given by naming, told in the passive with its speaker (issue 16, stop 29).

"Israel's settlement plan WAS DESCRIBED AS reckless BY the Jordanian foreign minister", "the
Indian move WAS BRANDED a disgrace BY Pakistan" is the active "described Israel's plan as
reckless" (``structure_triggers.verdict_given_by_naming``) turned round: disapproval (PLOVER
3.9, ACCUSE disapprove) by the agent of the owner of what was named. A passive with no agent
("the law HAS BEEN DESCRIBED AS draconian") names no speaker and gives no event; a thing no
actor owns ("the defeat", "the storm") gives none either. Word lists: the naming verbs and
verdicts of ``data/lexicon/structure_triggers.yaml`` and the insults of ``coding.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from diplograph.coding.rules import argument_rule, trigger_rule
from diplograph.coding.said_clauses import affirmed_verbs
from diplograph.coding.triggers import (
    PASSIVE_SUBJECT_DEPS,
    ActorTest,
    Trigger,
    prep_objects,
    subject_owners,
)
from diplograph.knowledge.coding_words import coding_words, structure_words
from diplograph.knowledge.lexicon import Lexicon, TriggerRule

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

# The target is what the passive was done to (coding/arguments.py reads a passive's parts).
PASSIVE_NAMING_RULE = TriggerRule(type="ACCUSE", mode="disapprove", target=("obj_mod",),
                                  origin="verdict-given-by-naming-in-the-passive")
# The words of a name that say something of their own, not a verdict: "a model FOR Africa".
_OWN_CLAUSE_DEPS = frozenset({"prep", "relcl", "acl", "agent"})


@trigger_rule("verdict-given-by-naming-in-the-passive", plover="3.9")
def verdict_given_by_naming_in_the_passive(sent: Span, lexicon: Lexicon,
                                           is_actor: ActorTest) -> list[Trigger]:
    """ "X's plan was described AS RECKLESS BY Y": a naming verb in the passive, with an agent
    that is an actor, whose subject is an actor or an actor's, named with a verdict."""
    triggers = []
    for verb in affirmed_verbs(sent, structure_words().naming_verbs):
        subjects = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        names = passive_names(verb)
        if not subjects or not any(is_actor(a) for a in _agents(verb, names)):
            continue
        if verdict_named(names) and any(
                is_actor(o) for s in subjects for o in (*subject_owners(s), s)):
            triggers.append(Trigger(verb, verb, PASSIVE_NAMING_RULE))
    return triggers


def passive_names(verb: Token) -> list[Token]:
    """What the subject was called: "was branded A DISGRACE" (an object predicate, or an
    object the parser reads off the participle) or "was described AS reckless"."""
    names = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "dobj", "attr"}]
    return names + [w for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                    for w in p.children]


def verdict_named(names: list[Token]) -> bool:
    """Whether a name, one joined to it ("illegal AND RECKLESS") or a word modifying it ("a
    SHAMEFUL stunt") is a verdict or an insult."""
    verdicts = structure_words().verdict_words | coding_words().insult_words
    words = [w for n in names for j in (n, *n.conjuncts) for w in (j, *j.children)
             if w is j or w.dep_ not in _OWN_CLAUSE_DEPS]
    return any(w.lemma_.lower() in verdicts or w.lower_ in verdicts for w in words)


@argument_rule("agent-hung-from-the-verdict", plover="2.4", types={"ACCUSE"})
def _agent_hung_from_the_verdict(args: Arguments, ctx: ArticleContext) -> bool:
    """The speaker of a passive verdict the parser hangs from the name, not the verb: "was
    described as a disaster BY the minister" (the "by" phrase under "disaster")."""
    trigger = args.frame.trigger
    if args.sources or trigger.rule is not PASSIVE_NAMING_RULE or trigger.verb is None:
        return False
    agents = _agents(trigger.verb, passive_names(trigger.verb))
    args.sources, args.source_tokens = ctx.actors(agents), agents
    return bool(args.sources)


def _agents(verb: Token, names: list[Token]) -> list[Token]:
    """Who gave the verdict: the agent of the verb, or a "by" phrase the parser hung from the
    name ("described as a disaster BY the minister")."""
    return prep_objects(verb, ("by",)) or [a for n in names for a in prep_objects(n, ("by",))]
