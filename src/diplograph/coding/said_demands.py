"""Demands told as what was said in words the say + modal rule does not read (issue 16,
stop 28, drawn28).

The lexicon reads "said Russia SHOULD / MUST withdraw" (events.yaml, ``ccomp_modal``). The
same demand is told with a verb of need or obligation in the content clause ("said Russia
NEEDED TO withdraw", "said Sweden HAS TO change its laws") or with a predicate of necessity
over a clause whose subject is the addressee ("said it was ESSENTIAL THAT Serbia withdraw",
"... essential FOR Ethiopia TO withdraw"). Either is a demand on that subject (PLOVER 3.8,
DEMAND = REQUEST); the report verb is the clause, so its subject is the source and its status
the event's (reported, claimed by the speaker, as "said Y should"). Word lists:
``data/lexicon/structure_triggers.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from diplograph.coding.rules import argument_rule, trigger_rule
from diplograph.coding.said_clauses import affirmed_verbs, said_contents
from diplograph.coding.triggers import ActorTest, Trigger, subject_tokens, verb_forms
from diplograph.knowledge.coding_words import StructureWords, structure_words
from diplograph.knowledge.lexicon import Lexicon, TriggerRule

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

NEED_RULE = TriggerRule(type="REQUEST", mode=None, target=("ccomp_subj",),
                        origin="demand-told-by-a-need-in-what-was-said")
NECESSITY_RULE = TriggerRule(type="REQUEST", mode=None, target=(),
                             origin="demand-told-by-a-necessity-in-what-was-said")
# "has to" / "have to" now; "had to" tells a past necessity ("said it HAD TO cut pensions").
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# The clause a predicate of necessity governs: "essential THAT Serbia withdraw" (ccomp),
# "essential FOR Ethiopia TO withdraw" (advcl with its own subject).
_NECESSARY_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "csubj"})
_COPULA_COMPLEMENTS = frozenset({"acomp", "attr"})
# The parser hangs the infinitive of "needed to" as xcomp, or as advcl ("needed TO RESUME
# talks").
_INFINITIVE_DEPS = frozenset({"xcomp", "advcl"})
_DEMAND_ORIGINS = frozenset({NEED_RULE.origin, NECESSITY_RULE.origin})


@trigger_rule("demand-told-by-a-need-in-what-was-said", plover="3.8")
def demand_told_by_a_need(sent: Span, lexicon: Lexicon, is_actor: ActorTest) -> list[Trigger]:
    """A need or obligation of an actor told as what was said: "said Russia NEEDED TO
    withdraw", "said Sweden HAS TO change its laws" is a demand on that actor."""
    words = structure_words()
    return [Trigger(verb, verb, NEED_RULE) for verb in affirmed_verbs(sent, words.report_verbs)
            if any(_obliges(c, words) and _addressee(c, is_actor) for c in said_contents(verb))]


@trigger_rule("demand-told-by-a-necessity-in-what-was-said", plover="3.8")
def demand_told_by_a_necessity(sent: Span, lexicon: Lexicon,
                               is_actor: ActorTest) -> list[Trigger]:
    """A necessity of an actor's act told as what was said: "said it was ESSENTIAL that Serbia
    withdraw", "said it is VITAL for India to resume talks" is a demand on that actor."""
    words = structure_words()
    return [Trigger(verb, verb, NECESSITY_RULE)
            for verb in affirmed_verbs(sent, words.report_verbs)
            if any(_addressee(n, is_actor) for c in said_contents(verb)
                   for n in necessary_clauses(c, words))]


@argument_rule("demand-told-by-a-necessity-is-on-the-clause-subject", plover="3.8",
               types={"REQUEST"})
def _demand_by_necessity_is_on_the_clause_subject(args: Arguments,
                                                  ctx: ArticleContext) -> bool:
    """The addressee of "said it was essential that SERBIA withdraw" is the subject of the
    clause the necessity governs, not the "it" of the copula."""
    verb = args.frame.trigger.verb
    if args.frame.trigger.rule.origin != NECESSITY_RULE.origin or verb is None:
        return False
    words = structure_words()
    clauses = [n for c in said_contents(verb) for n in necessary_clauses(c, words)]
    args.target_tokens = [s for n in clauses for s in subject_tokens(n)[:3]]
    args.targets = ctx.actors(args.target_tokens)
    return bool(args.targets)


@argument_rule("need-of-the-speakers-own-state-is-no-demand", plover="3.8",
               types={"REQUEST"})
def _need_of_the_speakers_own_state(args: Arguments, ctx: ArticleContext) -> bool:
    """ "The German chancellor said GERMANY needs to spend more": a need the speaker names for
    its own state is that state's policy, not a demand on another; no event. A body of the
    same state stays a demand ("the Lib Dems said the HOME OFFICE needed to ...")."""
    if args.frame.trigger.rule.origin not in _DEMAND_ORIGINS:
        return False
    own = {s.country for s in args.sources if s.country}
    args.dropped = bool(args.targets) and all(
        t.kind == "state" and t.country in own for t in args.targets)
    return args.dropped


def _obliges(clause: Token, words: StructureWords) -> bool:
    """ "NEEDED TO withdraw", "HAS TO change": a verb of need, or a present "have", with an
    infinitive of its own; "WOULD need to raise taxes" is a forecast, no demand."""
    forms = set(verb_forms(clause))
    if not (words.need_verbs & forms
            or words.obligation_verbs & forms and clause.tag_ in _PRESENT_TAGS):
        return False
    if any(a.dep_ == "aux" and a.tag_ == "MD" for a in clause.children):
        return False
    return any(c.dep_ in _INFINITIVE_DEPS and any(a.dep_ == "aux" and a.lower_ == "to"
                                                  for a in c.children)
               for c in clause.children)


def necessary_clauses(clause: Token, words: StructureWords) -> list[Token]:
    """The clauses a predicate of necessity in a said copula clause governs: "it was
    ESSENTIAL [that Serbia withdraw]", "it is vital [for India to resume talks]"."""
    holders = [clause, *(c for c in clause.children if c.dep_ in _COPULA_COMPLEMENTS)]
    if not any(h.lemma_.lower() in words.necessity_predicates for h in holders):
        return []
    return [c for h in holders for c in h.children
            if c.dep_ in _NECESSARY_CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"}]


def _addressee(clause: Token, is_actor: ActorTest) -> bool:
    """Whether the clause's subject is an actor named in it; a pronoun is mostly the speaker
    ("Israel said IT has to defend itself"), so none counts."""
    subjects = subject_tokens(clause)[:3]
    return bool(subjects) and all(s.pos_ != "PRON" for s in subjects) and any(
        is_actor(s) for s in subjects)
