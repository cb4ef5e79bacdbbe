"""Criticism told as what was said by naming a failing (issue 16, stop 27, drawn27).

"Davis said THE GOVERNMENT had FAILED to remove asylum seekers", "Blair said CONSERVATIVE
policies would CAUSE economic FAILURE", "the Tories said Labour would WRECK the economy":
the speaker's verdict on an actor is not a copula and a verdict word (the rule
``criticism-told-as-what-was-said`` reads those) but the actor's own act of failing or
ruining, or a failing its act brings. Either is disapproval of that actor (PLOVER 3.9,
DISAPPROVE = ACCUSE disapprove); the report verb is the clause, so its subject is the source
and its status the event's. Word lists: ``data/lexicon/structure_triggers.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from diplograph.coding.rules import trigger_rule
from diplograph.coding.said_clauses import affirmed_verbs, said_contents
from diplograph.coding.triggers import (
    ActorTest,
    Trigger,
    prep_objects,
    subject_owners,
    subject_tokens,
    verb_forms,
)
from diplograph.knowledge.coding_words import StructureWords, structure_words
from diplograph.knowledge.lexicon import Lexicon, TriggerRule

FAILING_RULE = TriggerRule(type="ACCUSE", mode="disapprove", target=("ccomp_subj_owner",),
                           origin="failing-told-as-what-was-said")
# Where a failing brought about is named: "would CAUSE chaos", "was a recipe FOR DISASTER".
_RESULT_DEPS = frozenset({"dobj", "attr"})
_RESULT_PREPS = ("for", "to", "in", "into")


@trigger_rule("failing-told-as-what-was-said", plover="3.9")
def failing_told_as_what_was_said(sent: Span, lexicon: Lexicon,
                                  is_actor: ActorTest) -> list[Trigger]:
    """A failing of an actor told as what was said: "said the government had FAILED to act",
    "said Labour would WRECK the economy", "said Tory plans would bring CHAOS" is disapproval
    of the actor (the clause's subject, or its owner: "CONSERVATIVE policies")."""
    words = structure_words()
    return [Trigger(verb, verb, FAILING_RULE) for verb in affirmed_verbs(sent, words.report_verbs)
            if any(_failing_of_another(verb, c, words, is_actor) for c in said_contents(verb))]


def _failing_of_another(verb: Token, clause: Token, words: StructureWords,
                        is_actor: ActorTest) -> bool:
    """Whether the said ``clause`` is a claim that its actor subject (not the speaker) failed
    or ruined something, or brings a failing about (a passive failing names no doer)."""
    if _passive(clause) or not (_fails(clause, words)
                                or _brings_a_failing(clause, words.failing_nouns)):
        return False  # the word tests first: few clauses pass them, and asking whether the
        # subject is an actor reads the article's actors (most of coding, where no other
        # rule asks first)
    owners = [o for s in clause.children if s.dep_ == "nsubj" for o in subject_owners(s)]
    return any(is_actor(o) for o in owners) and not _speaker_among(verb, owners)


def _fails(clause: Token, words: StructureWords) -> bool:
    """ "had FAILED to remove", "would WRECK the economy"; not a failure to win a contest
    ("failed to WIN the seat" is the horse race, no verdict on the actor's conduct)."""
    if not words.failing_verbs & set(verb_forms(clause)):
        return False
    return not any(c.dep_ == "xcomp" and c.lemma_.lower() in words.contest_acts
                   for c in clause.children)


def _brings_a_failing(clause: Token, failings: frozenset[str]) -> bool:
    """ "would cause economic FAILURE", "were a recipe for CHAOS": a failing as the clause's
    object or predicate, or in a phrase of either."""
    results = [c for c in clause.children if c.dep_ in _RESULT_DEPS]
    results += [o for r in [clause, *results] for o in prep_objects(r, _RESULT_PREPS)]
    return any(r.lemma_.lower() in failings for r in results)


def _speaker_among(verb: Token, owners: list[Token]) -> bool:
    """ "Labour said LABOUR had failed": a speaker's own failing is no criticism of another."""
    speakers = {s.lemma_.lower() for s in subject_tokens(verb)}
    return any(o.lemma_.lower() in speakers for o in owners)


def _passive(clause: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in clause.children)
