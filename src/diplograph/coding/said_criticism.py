"""Criticism told as what was said, with no verdict word on an act (issue 16, stop 27).

"Said IRAN HAD a TERRIBLE rights RECORD", "said RUSSIA had SHOWN complete DISREGARD for
international law" (an actor's failing), "said POLAND's reform WOULD UNDERMINE the rule of
law" (harm done by an actor's act): the speaker disapproves of the actor (PLOVER 3.9, ACCUSE
disapprove), as ``structure_triggers.criticism_told_as_what_was_said`` reads "said X's
decision WAS A MISTAKE". The saying is the act: the trigger is the report verb. Word lists:
``data/lexicon/structure_triggers.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from diplograph.coding.rules import clause_rule, trigger_rule
from diplograph.coding.said_clauses import affirmed_verbs, said_contents
from diplograph.coding.triggers import (
    RELATIVE_PRONOUNS,
    ActorTest,
    Trigger,
    direct_objects,
    prep_objects,
    subject_owners,
    subject_tokens,
    verb_forms,
)
from diplograph.knowledge.coding_words import StructureWords, coding_words, structure_words
from diplograph.knowledge.lexicon import Lexicon, TriggerRule

_MODIFIER_DEPS = frozenset({"amod", "compound"})

CONDUCT_RULE = TriggerRule(type="ACCUSE", mode="disapprove", target=("ccomp_doer",),
                           origin="conduct-told-as-what-was-said")
HARM_RULE = TriggerRule(type="ACCUSE", mode="disapprove", target=("ccomp_subj_owner",),
                        origin="harm-told-as-what-was-said")


@trigger_rule("conduct-told-as-what-was-said", plover="3.9")
def conduct_told_as_what_was_said(sent: Span, lexicon: Lexicon,
                                  is_actor: ActorTest) -> list[Trigger]:
    """An actor's failing told as what was said: "said IRAN HAD a TERRIBLE rights RECORD",
    "said Russia had SHOWN DISREGARD for the law" is disapproval of the actor."""
    words = structure_words()
    return [Trigger(verb, verb, CONDUCT_RULE) for verb in affirmed_verbs(sent, words.report_verbs)
            if any(_failing_of_an_actor(c, words, is_actor) for c in said_contents(verb))]


@trigger_rule("harm-told-as-what-was-said", plover="3.9")
def harm_told_as_what_was_said(sent: Span, lexicon: Lexicon,
                               is_actor: ActorTest) -> list[Trigger]:
    """Harm done by an actor's act told as what was said: "said POLAND's reform WOULD
    UNDERMINE the rule of law" is disapproval of Poland."""
    words = structure_words()
    return [Trigger(verb, verb, HARM_RULE) for verb in affirmed_verbs(sent, words.report_verbs)
            if any(_harm_by_an_actors_act(c, words, is_actor) for c in said_contents(verb))]


def _failing_of_an_actor(clause: Token, words: StructureWords, is_actor: ActorTest) -> bool:
    """ "Iran HAD a terrible RECORD": a clause of having or showing, with a failing as its
    object and an actor as its subject."""
    if not words.showing_verbs & set(verb_forms(clause)):
        return False
    return (any(_is_failing(o, words) for o in direct_objects(clause))
            and any(is_actor(s) for s in subject_tokens(clause)[:3]))


def _is_failing(obj: Token, words: StructureWords) -> bool:
    """A failing by its name ("DISREGARD", "BAD FAITH"), bad conduct ("a TERRIBLE RECORD")
    or the lack of a virtue ("a LACK OF RESPECT")."""
    name = _with_modifiers(obj)
    if obj.lemma_.lower() in words.failing_traits or name in words.failing_traits:
        return True
    if obj.lemma_.lower() in words.lack_nouns:
        return any(v.lemma_.lower() in words.lacked_virtues
                   or _with_modifiers(v) in words.lacked_virtues
                   for v in prep_objects(obj, ("of",)))
    if obj.lemma_.lower() in words.conduct_nouns or name in words.conduct_nouns:
        pejorative = words.pejorative_modifiers | words.verdict_words
        return any(m.lower_ in pejorative for m in obj.children if m.dep_ == "amod")
    return False


def _with_modifiers(noun: Token) -> str:
    """The noun with the modifiers before it: "bad faith", "track record", "good faith"."""
    parts = [c.lower_ for c in noun.lefts if c.dep_ in _MODIFIER_DEPS]
    return " ".join([*parts, noun.lemma_.lower()])


def _harm_by_an_actors_act(clause: Token, words: StructureWords, is_actor: ActorTest) -> bool:
    """ "POLAND's reform WOULD UNDERMINE the rule of law": a clause of harm whose subject is
    an act or a policy with an actor as its owner."""
    if not _is_harm(clause, words):
        return False
    acts = coding_words().policy_nouns | words.harmful_act_nouns
    return any(s.lemma_.lower() in acts
               and any(is_actor(o) for o in subject_owners(s) if o is not s)
               for s in clause.children if s.dep_ == "nsubj")


def _is_harm(clause: Token, words: StructureWords) -> bool:
    """ "would UNDERMINE", "was DESTROYING", "would CAUSE INSTABILITY"."""
    forms = set(verb_forms(clause))
    if words.harm_verbs & forms:
        return True
    return bool(words.harm_causing_verbs & forms) and any(
        o.lemma_.lower() in words.harm_nouns for o in direct_objects(clause))


@clause_rule("speech-in-a-relative-clause-is-its-own-event", plover="diplograph")
def speech_in_a_relative_clause(trigger: Trigger) -> bool:
    """ "North Korea, WHICH HE SAID had a terrible record": a relative clause that tells
    what its own speaker said of the noun (the relative pronoun is the subject of what was
    said) is the speaker's act, not a background of the noun ("the deal THAT X SIGNED")."""
    verb = trigger.verb
    if verb is None or verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return any(s.dep_ == "nsubj" and s.lower_ in RELATIVE_PRONOUNS
               for c in verb.children if c.dep_ == "ccomp" for s in c.children)
