"""Collective action and investigations told by nouns and passives, not by an active verb
with its actor as subject (issue 16, stop 25).

"The strike BY Greek dockworkers closed the port", "three MPs were QUESTIONED BY POLICE",
"the minister is UNDER INVESTIGATION": the rules of the ``trigger`` step below find these
acts on the clause's shape, as ``structure_triggers`` does for other nominal events, and one
argument rule gives an investigation with no named investigator its source. Word lists:
``data/lexicon/structure_triggers.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from diplograph.coding.investigations import state_authorities, state_sector
from diplograph.coding.rules import argument_rule, recode_rule, trigger_rule
from diplograph.coding.token_table import tokens_of_pos
from diplograph.coding.triggers import (
    PASSIVE_SUBJECT_DEPS,
    ActorTest,
    Trigger,
    direct_objects,
    light_verb_of,
    noun_owners,
    passive_parts,
    prep_objects,
    rule_used_by,
    subject_tokens,
)
from diplograph.knowledge.coding_words import structure_words
from diplograph.knowledge.lexicon import Lexicon, TriggerRule
from diplograph.records import ActorRef

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments
    from diplograph.coding.frames import Frame

_NOUN = frozenset({"NOUN"})
_VERB = frozenset({"VERB"})
# An event noun that is what its clause is about: its verb gives the status and the date.
_CLAUSE_NOUN_DEPS = frozenset({"nsubj", "nsubjpass"})
# "hundreds OF protesters", "a group OF detectives": the people are the "of" noun.
_QUANTITY_MARKS = ("of",)


def _event_noun_rules(noun: Token, lexicon: Lexicon) -> tuple[TriggerRule, ...]:
    """The lexicon's rules for a common event noun, its compound first ("STRIKE action")."""
    if noun.pos_ != "NOUN":
        return ()
    return lexicon.noun_rules.get(_noun_name(noun)) or lexicon.noun_rules.get(
        noun.lemma_.lower(), ())


def _noun_name(noun: Token) -> str:
    """ "strike action" for a compound, else the lemma (the names of ``doer_alone_nouns``)."""
    compounds = [c.lower_ for c in noun.lefts if c.dep_ == "compound"]
    return " ".join([*compounds, noun.lemma_.lower()])


# ------------------------------------------------------------------ a collective act and its doer
@trigger_rule("collective-act-named-with-its-doer", plover="3.12")
def collective_act_named_with_its_doer(sent: Span, lexicon: Lexicon,
                                       is_actor: ActorTest) -> list[Trigger]:
    """A strike or protest named by a noun whose own phrase names who took it: "the strike
    BY GREEK DOCKWORKERS closed the port", "Canadian farmers' protest spread" is their
    PROTEST with no counterpart needed (PLOVER 3.12)."""
    words = structure_words()
    triggers = []
    for noun in tokens_of_pos(sent, _NOUN):
        if not ({_noun_name(noun), noun.lemma_.lower()} & words.doer_alone_nouns):
            continue
        rule = next((r for r in _event_noun_rules(noun, lexicon)
                     if r.type in words.doer_alone_types), None)
        if rule is not None and any(is_actor(o) for o in noun_owners(noun, is_actor)):
            verb = light_verb_of(noun) if noun.dep_ in _CLAUSE_NOUN_DEPS else None
            triggers.append(Trigger(noun, verb,
                                    rule_used_by(rule, "collective-act-named-with-its-doer")))
    return triggers


# ------------------------------------------------------------------ questioned by an investigator
QUESTIONING_RULE = TriggerRule(type="ACCUSE", mode="investigate", target=("dobj",),
                               origin="questioning-by-an-investigator")


@trigger_rule("questioning-by-an-investigator", plover="3.9")
def questioning_by_an_investigator(sent: Span, lexicon: Lexicon,
                                   is_actor: ActorTest) -> list[Trigger]:
    """A person questioned by an investigating authority is investigated by it: "three MPs
    were QUESTIONED BY POLICE", "DETECTIVES INTERVIEWED the minister" (PLOVER 3.9, ACCUSE
    investigate). Questions from reporters or critics are none."""
    words = structure_words()
    triggers = []
    for verb in tokens_of_pos(sent, _VERB):
        if verb.lemma_.lower() not in words.questioning_verbs:
            continue
        questioners, questioned = _questioning_sides(verb)
        if any(_is_investigator(q, words.investigator_words) for q in questioners) \
                and any(is_actor(q) for q in questioned):
            triggers.append(Trigger(verb, verb, QUESTIONING_RULE))
    return triggers


def _questioning_sides(verb: Token) -> tuple[list[Token], list[Token]]:
    """(who questions, who is questioned): the agent and the subject of a passive, else the
    subject and the object."""
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children) \
            or any(c.dep_ == "agent" for c in verb.children):
        agents, patients = passive_parts(verb)
        # "officials ARE TO BE questioned": the subject of the verb the passive hangs from
        return agents, patients or subject_tokens(verb)
    return subject_tokens(verb), direct_objects(verb)


def _is_investigator(word: Token, investigators: frozenset[str]) -> bool:
    """ "POLICE", "UK police", "anti-corruption INVESTIGATORS", "a group OF detectives"."""
    people = [word, *prep_objects(word, _QUANTITY_MARKS)]
    return any(p.lemma_.lower() in investigators or p.lower_ in investigators for p in people)


# ------------------------------------------------------------------ under investigation
SCRUTINY_RULE = TriggerRule(type="ACCUSE", mode="investigate", target=(),
                            origin="actor-under-investigation")


@trigger_rule("actor-under-investigation", plover="3.9")
def actor_under_investigation(sent: Span, lexicon: Lexicon,
                              is_actor: ActorTest) -> list[Trigger]:
    """An actor told to be under an investigation is investigated: "the minister is now
    UNDER INVESTIGATION", "two generals remain under investigation BY prosecutors" (ACCUSE
    investigate; the sides are argument/investigated-subject-and-its-investigator's)."""
    words = structure_words()
    triggers = []
    for noun in tokens_of_pos(sent, _NOUN):
        verb = _scrutinising_clause(noun, words.scrutiny_nouns, words.scrutiny_marks)
        if verb is not None and any(is_actor(s) for s in subject_tokens(verb)):
            triggers.append(Trigger(noun, verb, SCRUTINY_RULE))
    return triggers


def _scrutinising_clause(noun: Token, nouns: frozenset[str],
                         marks: frozenset[str]) -> Token | None:
    """The verb whose "under" phrase ``noun`` heads ("is UNDER investigation"), else None."""
    prep = noun.head
    if noun.lemma_.lower() not in nouns or noun.dep_ != "pobj" or prep.lower_ not in marks:
        return None
    return prep.head if prep.head.pos_ in {"VERB", "AUX"} else None


# The trigger rules above whose investigator may go unnamed ("questioned BY POLICE").
INVESTIGATION_ORIGINS = frozenset({QUESTIONING_RULE.origin, SCRUTINY_RULE.origin})


@argument_rule("unnamed-investigator-is-the-state", plover="3.9", types={"ACCUSE"})
def _unnamed_investigator(args: Arguments, ctx: ArticleContext) -> bool:
    """An investigation's sides: under one, the subject is the investigated and the noun's
    "by" phrase the investigator ("generals remain under investigation BY PROSECUTORS"); an
    investigator no actor names ("questioned by POLICE", "the Indian minister is under
    investigation") is the authorities of the investigated's own state."""
    trigger = args.frame.trigger
    if trigger.rule.origin not in INVESTIGATION_ORIGINS or trigger.verb is None:
        return False
    if trigger.rule.origin == SCRUTINY_RULE.origin:
        args.targets = ctx.actors(subject_tokens(trigger.verb))
        args.target_tokens = subject_tokens(trigger.verb)
        args.source_tokens = prep_objects(trigger.token, ("by",))
        args.sources = ctx.actors(args.source_tokens)
    elif not args.targets:  # "officials are to be QUESTIONED by MPs": the parse hides it
        args.target_tokens = _questioning_sides(trigger.verb)[1]
        args.targets = ctx.actors(args.target_tokens)
    if not args.sources:
        # "under POLICE investigation": the state's police (COP), not its government
        args.sources = own_authorities(args.targets, ctx, state_sector(trigger.token) or "GOV")
    return bool(args.sources and args.targets)


def own_authorities(targets: list[ActorRef], ctx: ArticleContext,
                    sector: str = "GOV") -> list[ActorRef]:
    """The authorities (of ``sector``) of the first target's state (``text`` None marks it
    inferred)."""
    return state_authorities(next((t.country for t in targets if t.country), None), sector, ctx)


# ------------------------------------------------------------------ greeted by protesters
@recode_rule("greeting-by-protesters-is-a-protest", plover="3.12", types={"CONSULT"})
def _greeting_by_protesters(frame: Frame) -> bool:
    """A visitor "greeted" or "met" by protesters is protested against: "will be GREETED BY
    as many as 6,000 PROTESTERS" is PROTEST demo by them against the visitor (PLOVER 3.12)."""
    words = structure_words()
    verb = frame.trigger.verb
    if verb is None or verb is not frame.trigger.token \
            or verb.lemma_.lower() not in words.reception_verbs:
        return False
    agents, _ = passive_parts(verb)
    people = [p for a in agents for p in (a, *prep_objects(a, _QUANTITY_MARKS))]
    if not any(p.lemma_.lower() in words.protester_words for p in people):
        return False
    frame.type, frame.mode = "PROTEST", "demo"
    return True
