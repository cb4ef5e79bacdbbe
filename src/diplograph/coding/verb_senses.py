"""Act verbs in another sense than the act's are no event (issue #16, stop 25).

News of markets uses the verbs of force, seizure, concession and protest for figures:
"China's attempts to cool its economy have HIT Japanese industry's SALES", "CAPTURED a third of
the American MARKET", "to MEET the country's growing DEMAND for cars", "SHARES in Italian
banks RALLIED". The lexicon matches the verb (ASSAULT "hit", COERCE "seize", CONCEDE "meet +
demand", PROTEST "rally"), and the actor search then finds a state in the phrase (Japan, the
United States, Italy), so a market figure became an act between states. The figure decides
the sense, read on the dependency parse: a market figure (or a portion "of" one) as the
verb's object or passive subject, a PROTEST verb's subject, or a demand that is a market's
(a growing demand, customers' demand). "Demonstrate" with what is shown ("demonstrated THAT
it can cut the deficit", "demonstrated A PHONE") is showing, no demonstration. Words:
``data/lexicon/verb_senses.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.rules import argument_rule, recode_rule
from diplograph.coding.triggers import OBJECT_DEPS, RELATIVE_PRONOUNS
from diplograph.knowledge.coding_words import read_lexicon, word_lists

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments
    from diplograph.coding.frames import Frame

_FILE = "verb_senses.yaml"
_LISTS = ("market_figures", "market_wholes", "traded_assets", "portion_words", "demand_nouns",
          "market_demand_modifiers", "market_demand_holders", "showing_verbs", "shown_deps")
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass"})
_SUBJECT_DEPS = frozenset({"nsubj"})
# Arcs of the words that tell whose or what kind of demand it is.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True, slots=True)
class SenseWords:
    """The lists of ``verb_senses.yaml``; see the comments there."""

    types: frozenset[str]
    market_figures: frozenset[str]
    market_wholes: frozenset[str]
    traded_assets: frozenset[str]
    portion_words: frozenset[str]
    demand_nouns: frozenset[str]
    market_demand_modifiers: frozenset[str]
    market_demand_holders: frozenset[str]
    showing_verbs: frozenset[str]
    shown_deps: frozenset[str]


@functools.cache
def sense_words() -> SenseWords:
    """The packaged ``verb_senses.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    lists = word_lists(_FILE, read_lexicon(_FILE), _LISTS, ("economic_sense_types",))
    return SenseWords(types=lists.pop("economic_sense_types"), **lists)


def _subject(verb: Token) -> list[Token]:
    """The verb's subject; a relative pronoun's noun in its place ("the currency, WHICH had
    been rallying")."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    return [verb.head if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else s
            for s in subjects]


def _objects(verb: Token) -> list[Token]:
    """The heads of the verb's objects, or of its subject when passive."""
    return [c for c in verb.children if c.dep_ in OBJECT_DEPS or c.dep_ in _PASSIVE_SUBJECT_DEPS]


def _portion_whole(head: Token) -> list[Token]:
    """A portion's "of" nouns ("a third OF THE MARKET"); none for another noun."""
    words = sense_words()
    if head.lemma_.lower() not in words.portion_words and head.lower_ not in words.portion_words:
        return []
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"]


def _market_figure(noun: Token) -> bool:
    """A market figure, a portion of a market, or a market's demand, as what a verb acts on."""
    words = sense_words()
    wholes = _portion_whole(noun)
    if wholes:
        return all(w.lemma_.lower() in words.market_figures | words.market_wholes
                   for w in wholes)
    return noun.lemma_.lower() in words.market_figures or _market_demand(noun)


def _figure_acted_on(verb: Token) -> bool:
    """Whether what the verb acts on is a market figure: every object (or passive subject);
    with none, a traded asset or a market figure as its subject ("SHARES rallied")."""
    objects = _objects(verb)
    if objects:
        return all(_market_figure(o) for o in objects)
    subjects = _subject(verb)
    words = sense_words()
    return bool(subjects) and all(
        s.lemma_.lower() in words.traded_assets | words.market_figures for s in subjects)


def _market_demand(noun: Token) -> bool:
    """ "the GROWING demand for cars", "CUSTOMER demand", "music FANS' demand", or a bare
    singular "to meet demand": a market's demand, which no actor made."""
    words = sense_words()
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


def _trigger_verb(args: Arguments) -> Token | None:
    """The frame's trigger when it is a verb carrying its own clause, else None (an event
    noun, "the attack on the market", is not a verb sense)."""
    trigger = args.frame.trigger
    verb = trigger.token
    return verb if trigger.verb is verb and verb.pos_ in {"VERB", "AUX"} else None


@argument_rule("act-on-a-market-figure-is-no-event", plover="SPEC §4",
               types=sense_words().types)
def _act_on_a_market_figure(args: Arguments, ctx: ArticleContext) -> bool:
    """A verb of force, seizure, concession or protest acting on a market figure ("HIT
    SALES", "CAPTURED a third of the MARKET", "MEET the growing DEMAND for cars", "SHARES
    RALLIED") is no act between actors: no event."""
    verb = _trigger_verb(args)
    if verb is None:
        return False
    args.dropped = _figure_acted_on(verb)
    return args.dropped


@argument_rule("showing-is-no-demonstration", plover="3.12", types={"PROTEST"})
def _showing(args: Arguments, ctx: ArticleContext) -> bool:
    """ "Demonstrate" with what is shown, a clause or an object ("has demonstrated THAT it can
    cut the deficit", "demonstrated A PHONE"), is showing, no protest: no event."""
    verb, words = _trigger_verb(args), sense_words()
    if verb is None or verb.lemma_.lower() not in words.showing_verbs:
        return False
    args.dropped = any(c.dep_ in words.shown_deps for c in verb.children)
    return args.dropped


_OPINION_LISTS = ("agreeing_verbs", "opinion_prepositions", "partner_prepositions",
                  "agreed_terms_deps", "terms_prepositions", "commitment_auxiliaries",
                  "acknowledging_verbs", "acknowledged_facts", "acknowledged_clause_deps",
                  "dismissed_worries")


@dataclass(frozen=True, slots=True)
class OpinionWords:
    """The opinion-sense lists of ``verb_senses.yaml``; see the comments there."""

    types: frozenset[str]
    agreeing_verbs: frozenset[str]
    opinion_prepositions: frozenset[str]
    partner_prepositions: frozenset[str]
    agreed_terms_deps: frozenset[str]
    terms_prepositions: frozenset[str]
    commitment_auxiliaries: frozenset[str]
    acknowledging_verbs: frozenset[str]
    acknowledged_facts: frozenset[str]
    acknowledged_clause_deps: frozenset[str]
    dismissed_worries: frozenset[str]


@functools.cache
def opinion_words() -> OpinionWords:
    """The opinion-sense lists of the packaged ``verb_senses.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    lists = word_lists(_FILE, read_lexicon(_FILE), _OPINION_LISTS, ("opinion_sense_types",))
    return OpinionWords(types=lists.pop("opinion_sense_types"), **lists)


def _prepositions(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "prep"}


def _commits(clause: Token) -> bool:
    """Whether a that-clause tells something to be done ("that they WOULD cut tariffs")."""
    auxiliaries = opinion_words().commitment_auxiliaries
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in auxiliaries
               for c in clause.children)


def _agreeing_with_a_view(verb: Token) -> bool:
    """ "agreed ABOUT what happened", or "agreed WITH X" with no terms agreed: no object, no
    infinitive, no preposition of terms, and no that-clause of something to be done."""
    words = opinion_words()
    preps = _prepositions(verb)
    if preps & words.opinion_prepositions:
        return True
    if not preps & words.partner_prepositions or preps & words.terms_prepositions:
        return False
    if any(c.dep_ in words.agreed_terms_deps for c in verb.children):
        return False
    return not any(c.dep_ == "ccomp" and _commits(c) for c in verb.children)


def _acknowledging_a_fact(verb: Token) -> bool:
    """ "recognised the FAILURES of ...", "recognised THAT mistakes were made"."""
    words = opinion_words()
    if any(c.dep_ in words.acknowledged_clause_deps for c in verb.children):
        return True
    objects = _objects(verb)
    return bool(objects) and all(o.lemma_.lower() in words.acknowledged_facts for o in objects)


def _answering_a_worry(verb: Token) -> bool:
    """ "dismissed FEARS that ...", "rejected SPECULATION about a rift"."""
    objects = _objects(verb)
    worries = opinion_words().dismissed_worries
    return bool(objects) and all(o.lemma_.lower() in worries for o in objects)


def _opinion_sense(verb: Token, event_type: str) -> bool:
    words, lemma = opinion_words(), verb.lemma_.lower()
    if lemma in words.agreeing_verbs:
        return _agreeing_with_a_view(verb)
    if lemma in words.acknowledging_verbs:
        return _acknowledging_a_fact(verb)
    return event_type == "REJECT" and _answering_a_worry(verb)


@argument_rule("opinion-sense-is-no-event", plover="SPEC §4", types=opinion_words().types)
def _opinion_sense_is_no_event(args: Arguments, ctx: ArticleContext) -> bool:
    """A verb of agreeing, acknowledging or rejecting that states or answers a view ("did not
    agree WITH politicians who objected", "agreed ABOUT what happened", "recognised the
    SHORTCOMINGS of the review", "dismissed FEARS that ...") is no act between actors: no
    event."""
    verb = _trigger_verb(args)
    if verb is None:
        return False
    args.dropped = _opinion_sense(verb, args.frame.type)
    return args.dropped


_FORCE_LISTS = ("force_verbs", "figurative_objects", "figurative_singulars",
                "non_forceful_things", "goal_prepositions", "figurative_goals")


@dataclass(frozen=True, slots=True)
class ForceWords:
    """The figurative-force lists of ``verb_senses.yaml``; see the comments there."""

    types: frozenset[str]
    force_verbs: frozenset[str]
    figurative_objects: frozenset[str]
    figurative_singulars: frozenset[str]
    non_forceful_things: frozenset[str]
    goal_prepositions: frozenset[str]
    figurative_goals: frozenset[str]


@functools.cache
def force_words() -> ForceWords:
    """The figurative-force lists of the packaged ``verb_senses.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    lists = word_lists(_FILE, read_lexicon(_FILE), _FORCE_LISTS, ("figurative_force_types",))
    return ForceWords(types=lists.pop("figurative_force_types"), **lists)


def _out_of_reach(noun: Token) -> bool:
    """A hope, a standing, a score or a figure: nothing force can reach ("HOPES were hit",
    "hit their sales TARGET"; "struck TARGETS in Gaza" is force)."""
    words, lemma = force_words(), noun.lemma_.lower()
    return lemma in words.figurative_objects or (
        lemma in words.figurative_singulars and noun.tag_ in {"NN", "NNP"})


def _goals(verb: Token) -> list[Token]:
    """The nouns the verb moves toward ("marching TOWARD NOVEMBER"), read as its objects; a
    time or a prize is out of reach, a place is not."""
    words = force_words()
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ in words.goal_prepositions
            for o in p.children if o.dep_ == "pobj"]


def _goal_out_of_reach(noun: Token) -> bool:
    """A time or a prize ("toward NOVEMBER", "toward the NOMINATION"), or an object out of reach."""
    return noun.lemma_.lower() in force_words().figurative_goals or _out_of_reach(noun)


def _agents(verb: Token) -> list[Token]:
    """The "by" nouns of a passive verb ("hopes were hit BY the LOSS")."""
    return [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def _acted_by_a_thing(verb: Token) -> bool:
    """Whether the one acting is a thing that uses no force: a product, weather, a price or
    a measure ("the new CONSOLE hits the US", "a PLAN that targets smokers")."""
    doers = _subject(verb) + _agents(verb)
    things = force_words().non_forceful_things
    return bool(doers) and all(d.lemma_.lower() in things for d in doers)


@argument_rule("force-in-a-figurative-sense-is-no-event", plover="SPEC §4",
               types=force_words().types)
def _force_in_a_figurative_sense(args: Arguments, ctx: ArticleContext) -> bool:
    """A verb of force acting on what force cannot reach ("title HOPES hit by loss", "hit a
    RECORD score"), or done by a thing ("the new CONSOLE hits the US", "a STORM hit the
    coast", "a PLAN that targets smokers"), is no attack between actors: no event."""
    verb = _trigger_verb(args)
    if verb is None or verb.lemma_.lower() not in force_words().force_verbs:
        return False
    objects = _objects(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)  # "title HOPES hit by loss": the noun a participle tells of
    goals = _goals(verb)
    args.dropped = (bool(objects) and all(_out_of_reach(o) for o in objects)) or (
        not objects and bool(goals) and all(_goal_out_of_reach(g) for g in goals)) or (
        _acted_by_a_thing(verb))
    return args.dropped


_WRONG_LISTS = ("wrong_committing_verbs", "committed_wrongs")


@dataclass(frozen=True, slots=True)
class WrongWords:
    """The wrongdoing-sense lists of ``verb_senses.yaml``; see the comments there."""

    types: frozenset[str]
    wrong_committing_verbs: frozenset[str]
    committed_wrongs: frozenset[str]


@functools.cache
def wrong_words() -> WrongWords:
    """The wrongdoing-sense lists of the packaged ``verb_senses.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    lists = word_lists(_FILE, read_lexicon(_FILE), _WRONG_LISTS, ("wrong_committing_types",))
    return WrongWords(types=lists.pop("wrong_committing_types"), **lists)


@argument_rule("committing-a-wrong-is-no-pledge", plover="3.1", types=wrong_words().types)
def _committing_a_wrong(args: Arguments, ctx: ArticleContext) -> bool:
    """A pledge verb whose object is a wrong ("committed WAR CRIMES against civilians",
    "deny conspiring to commit election FRAUD") commits a wrong, not to anyone: no event."""
    verb, words = _trigger_verb(args), wrong_words()
    if verb is None or verb.lemma_.lower() not in words.wrong_committing_verbs:
        return False
    objects = _objects(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)  # "the CRIMES committed by the militia"
    args.dropped = bool(objects) and all(
        o.lemma_.lower() in words.committed_wrongs for o in objects)
    return args.dropped


_TRIP_LISTS = ("travel_verbs", "trip_nouns")


@dataclass(frozen=True, slots=True)
class TripWords:
    """The trip lists of ``verb_senses.yaml``; see the comments there."""

    types: frozenset[str]
    travel_verbs: frozenset[str]
    trip_nouns: frozenset[str]


@functools.cache
def trip_words() -> TripWords:
    """The trip lists of the packaged ``verb_senses.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    lists = word_lists(_FILE, read_lexicon(_FILE), _TRIP_LISTS, ("trip_types",))
    return TripWords(types=lists.pop("trip_types"), **lists)


def _imported_intent(frame: Frame) -> bool:
    """Whether the frame comes from an imported CAMEO pattern of intent (03: "fly to" 036)."""
    rule = frame.trigger.rule
    return rule.intent and (rule.origin or "").startswith("cameo:")


def _is_a_trip(verb: Token) -> bool:
    """ "FLEW to Basra", "made a TRIP to Iraq": the verb, or its object, is the trip."""
    words = trip_words()
    return verb.lemma_.lower() in words.travel_verbs or any(
        c.dep_ in OBJECT_DEPS and c.lemma_.lower() in words.trip_nouns for c in verb.children)


@recode_rule("trip-is-a-visit", plover="3.2", types=trip_words().types)
def _trip_is_a_visit(frame: Frame) -> bool:
    """A trip told by an imported CAMEO intent pattern ("made a surprise trip to Iraq", "flew
    to Basra") is a visit, CONSULT mode visit, with the status its own tense gives; not an
    intent to meet (AGREE)."""
    verb = frame.trigger.verb
    if verb is None or not _imported_intent(frame) or not _is_a_trip(verb):
        return False
    frame.type, frame.mode, frame.planned = "CONSULT", "visit", False
    return True


_MODAL_LISTS = ("perfect_auxiliaries", "holding_verbs", "entitlements")


@dataclass(frozen=True, slots=True)
class ModalClauseWords:
    """The modal-clause lists of ``verb_senses.yaml``; see the comments there."""

    types: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    holding_verbs: frozenset[str]
    entitlements: frozenset[str]


@functools.cache
def modal_clause_words() -> ModalClauseWords:
    """The modal-clause lists of the packaged ``verb_senses.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    lists = word_lists(_FILE, read_lexicon(_FILE), _MODAL_LISTS, ("modal_clause_types",))
    return ModalClauseWords(types=lists.pop("modal_clause_types"), **lists)


def _modal_clause(args: Arguments) -> Token | None:
    """The that-clause whose modal made a say-verb a call ("said Y SHOULD go"), else None."""
    verb, modals = _trigger_verb(args), args.frame.trigger.rule.ccomp_modal
    if verb is None or not modals:
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and any(
        a.dep_ == "aux" and a.lower_ in modals for a in c.children)), None)


def _perfect(clause: Token) -> bool:
    """ "should HAVE consulted", "should HAVE BEEN attached": a duty in the past."""
    return any(a.dep_ == "aux" and a.lemma_.lower() in modal_clause_words().perfect_auxiliaries
               for a in clause.children)


def _doer_blamed(clause: Token, args: Arguments) -> bool:
    """Whether the clause has an active subject and it is the frame's (one) target."""
    subjects = [c for c in clause.children if c.dep_ in _SUBJECT_DEPS]
    return bool(subjects) and bool(args.targets) and set(args.target_tokens) <= set(subjects)


@argument_rule("duty-in-the-past-is-reproach", plover="3.9", types=modal_clause_words().types)
def _duty_in_the_past(args: Arguments, ctx: ArticleContext) -> bool:
    """A call whose modal is perfect ("said Germany SHOULD HAVE consulted its neighbours")
    asks for what can no longer be done: a reproach, ACCUSE disapprove of the clause's doer;
    with no doer named ("the advice should have been attached") no event."""
    clause = _modal_clause(args)
    if clause is None or not _perfect(clause):
        return False
    if _doer_blamed(clause, args):
        args.frame.type, args.frame.mode = "ACCUSE", "disapprove"
    else:
        args.dropped = True
    return True


@argument_rule("entitlement-is-no-request", plover="3.6", types=modal_clause_words().types)
def _entitlement(args: Arguments, ctx: ArticleContext) -> bool:
    """A modal clause that gives its subject an entitlement ("said Greece should HAVE sole
    RIGHTS to the name", "should GET a SAY in it") asks nothing of that subject: no event."""
    clause, words = _modal_clause(args), modal_clause_words()
    if clause is None or clause.lemma_.lower() not in words.holding_verbs or _perfect(clause):
        return False
    objects = [c for c in clause.children if c.dep_ in OBJECT_DEPS]
    args.dropped = bool(objects) and all(o.lemma_.lower() in words.entitlements for o in objects)
    return args.dropped
