"""Passive and participle events whose doer is named by a phrase, not as a subject (issue 16,
stop 26).

"The oligarch was PLACED ON the EUROPEAN SANCTIONS LIST", "the bank has been UNDER AMERICAN
SANCTIONS since 2014": a sanction told by the list or the sanctions an actor is put on or kept
under, whose owner is named by a state adjective, a compound or a possessive; and "were fined
1m euros BY AMF", where the parser hangs the agent from the verb's object. The trigger rule
finds the first shape on the clause, as ``collective_acts`` does for investigations; the
argument rules give both shapes their sides. Word lists: ``data/lexicon/structure_triggers.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from diplograph.coding.actors.in_article import same_actor
from diplograph.coding.collective_acts import own_authorities
from diplograph.coding.rules import argument_rule, trigger_rule
from diplograph.coding.token_table import tokens_of_pos
from diplograph.coding.triggers import (
    PASSIVE_SUBJECT_DEPS,
    ActorTest,
    Trigger,
    direct_objects,
    passive_subjects,
    prep_objects,
    subject_tokens,
)
from diplograph.knowledge.coding_words import StructureWords, coding_words, structure_words
from diplograph.knowledge.lexicon import Lexicon, TriggerRule
from diplograph.records import ActorRef

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

_NOUN = frozenset({"NOUN", "PROPN"})
# The words of a noun's own phrase that may name who owns a list or imposes sanctions.
_OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})

LISTING_RULE = TriggerRule(type="SANCTION", mode=None, target=(),
                           origin="actor-put-on-a-sanctions-list")
CUSTODY_RULE = TriggerRule(type="COERCE", mode="arrest", target=(),
                           origin="actor-placed-in-custody")


# ------------------------------------------------------------------ on a list, under sanctions
@trigger_rule("actor-put-on-a-sanctions-list", plover="3.13")
def actor_put_on_a_sanctions_list(sent: Span, lexicon: Lexicon,
                                  is_actor: ActorTest) -> list[Trigger]:
    """An actor placed on an owner's sanctions list or blacklist, or kept under its
    sanctions, is sanctioned by that owner: "was PLACED ON the EUROPEAN SANCTIONS LIST", "has
    been UNDER AMERICAN SANCTIONS" (PLOVER 3.13); a waiting list or a shortlist is none."""
    words = structure_words()
    triggers = []
    for noun in tokens_of_pos(sent, _NOUN):
        verb = _listing_verb(noun, words)
        if verb is None or not any(is_actor(t) for t in _listed(noun, verb, words)):
            continue
        owners = _owner_words(noun, words)
        if any(is_actor(o) or o.lower_ in words.list_owner_adjectives for o in owners) \
                or any(is_actor(a) for a in _acting_side(verb)):
            triggers.append(Trigger(noun, verb, LISTING_RULE))
    return triggers


def _listing_verb(noun: Token, words: StructureWords) -> Token | None:
    """The verb that puts an actor on the list ``noun`` ("placed ON the sanctions list") or
    keeps it under the sanctions ``noun`` ("is UNDER sanctions"), else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    if prep.lower_ in words.listing_marks and _list_name(noun) & words.listing_nouns:
        return prep.head
    if prep.lower_ in words.listed_sanction_marks \
            and noun.lemma_.lower() in words.listed_sanction_nouns:
        return prep.head
    return None


def _list_name(noun: Token) -> set[str]:
    """ "sanctions list" for a compound, "blacklist", "trade blacklist": the names to match."""
    compounds = [c.lower_ for c in noun.lefts if c.dep_ == "compound"]
    lemma = noun.lemma_.lower()
    return {lemma, " ".join([*compounds, lemma]), *(f"{c} {lemma}" for c in compounds)}


def _listed(noun: Token, verb: Token, words: StructureWords) -> list[Token]:
    """Who is put on the list or kept under the sanctions: the passive's subject, an active
    verb's object, else the subject of "is under sanctions"."""
    if _is_passive(verb):
        return [p for s in passive_subjects(verb) for p in (s, *s.conjuncts)]
    if noun.head.lower_ in words.listing_marks:
        return direct_objects(verb)
    return subject_tokens(verb)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _owner_words(noun: Token, words: StructureWords) -> list[Token]:
    """The words of the list's own phrase that may name its owner ("the EUROPEAN sanctions
    list", "the UN blacklist", "Britain's sanctions"), pronouns left out ("its list": the
    verb's subject says whose)."""
    pronouns = coding_words().pronouns
    owners = [c for c in noun.children if c.dep_ in _OWNER_DEPS and c.lower_ not in pronouns]
    # "the US sanctions list": the owner is a compound of the compound
    inner = [g for c in owners for g in c.children if g.dep_ in _OWNER_DEPS]
    return [o for o in (*owners, *inner) if o.lower_ not in words.listed_sanction_nouns
            and o.lemma_.lower() not in words.listed_sanction_nouns]


def _acting_side(verb: Token) -> list[Token]:
    """Who does the listing when the list names no owner: the agent of a passive ("was added
    to a blacklist BY THE TREASURY"), the subject of an active verb ("the EU ADDED him")."""
    if _is_passive(verb):
        return prep_objects(verb, ("by",))
    return [s for s in subject_tokens(verb) if s.dep_ != "expl"]


@argument_rule("listed-actor-and-the-list-owner", plover="3.13", types={"SANCTION"})
def _listed_actor_and_the_list_owner(args: Arguments, ctx: ArticleContext) -> bool:
    """A listing's sides: the owner of the list or the sanctions is the source (its adjective
    read through ``list_owner_adjectives``: "the EUROPEAN list" is the EU's), else the one who
    does the listing; the actor put on the list or kept under sanctions is the target."""
    trigger = args.frame.trigger
    if trigger.rule.origin != LISTING_RULE.origin or trigger.verb is None:
        return False
    words = structure_words()
    owners = _owner_words(trigger.token, words)
    sources = _owner_actors(owners, ctx, words) or ctx.actors(_acting_side(trigger.verb))
    listed = _listed(trigger.token, trigger.verb, words)
    targets = [t for t in ctx.actors(listed) if not any(same_actor(t, s) for s in sources)]
    args.sources, args.source_tokens = sources, owners or _acting_side(trigger.verb)
    args.targets, args.target_tokens = targets, listed
    args.dropped = not (sources and targets)
    return True


def _owner_actors(owners: list[Token], ctx: ArticleContext,
                  words: StructureWords) -> list[ActorRef]:
    """The actors the owner words name: an actor mention, else a body's adjective."""
    found = ctx.actors(owners)
    if found:
        return found
    bodies = [(ctx.kb.organisations.get(words.list_owner_adjectives.get(o.lower_, "")), o)
              for o in owners]
    return [ActorRef(name=b.name, country=b.country, sector=b.sector, wikidata=b.wikidata,
                     text=o.text, kind="organisation") for b, o in bodies if b is not None]


# ------------------------------------------------------------------ under arrest, into custody
@trigger_rule("actor-placed-in-custody", plover="3.15")
def actor_placed_in_custody(sent: Span, lexicon: Lexicon,
                            is_actor: ActorTest) -> list[Trigger]:
    """An actor placed under arrest or taken into custody is arrested: "was PLACED UNDER
    HOUSE ARREST by the military", "police TOOK the activist INTO CUSTODY" (PLOVER 3.15,
    COERCE arrest); "remains in custody" tells no new act."""
    words = structure_words()
    triggers = []
    for noun in tokens_of_pos(sent, _NOUN):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in words.custody_marks \
                or not _list_name(noun) & words.custody_nouns:
            continue
        verb = prep.head
        if verb.lemma_.lower() in words.custody_verbs \
                and any(is_actor(t) for t in _detained(verb)):
            triggers.append(Trigger(noun, verb, CUSTODY_RULE))
    return triggers


def _detained(verb: Token) -> list[Token]:
    """Who is placed in custody: the passive's subject, else the active verb's object."""
    if _is_passive(verb):
        return [p for s in passive_subjects(verb) for p in (s, *s.conjuncts)]
    return direct_objects(verb)


@argument_rule("detained-and-the-detainer", plover="3.15", types={"COERCE"})
def _detained_and_the_detainer(args: Arguments, ctx: ArticleContext) -> bool:
    """An arrest told by custody's sides: the one placed in custody is the target; the
    passive's agent or the active verb's subject the source, else the authorities of the
    detained's own state (as for an unnamed investigator)."""
    trigger = args.frame.trigger
    if trigger.rule.origin != CUSTODY_RULE.origin or trigger.verb is None:
        return False
    detained = _detained(trigger.verb)
    args.targets, args.target_tokens = ctx.actors(detained), detained
    doers = _acting_side(trigger.verb)
    args.sources = [s for s in ctx.actors(doers) if not any(same_actor(s, t)
                                                            for t in args.targets)]
    args.source_tokens = doers
    if not args.sources:
        args.sources = own_authorities(args.targets, ctx)
    args.dropped = not (args.sources and args.targets)
    return True


# ------------------------------------------------------------------ the agent the parse misplaces
@argument_rule("agent-hung-from-the-object", plover="2.4")
def _agent_hung_from_the_object(args: Arguments, ctx: ArticleContext) -> bool:
    """A passive's agent the parser hangs from the verb's object is its source: "were each
    fined 1m euros BY AMF" (the "by" phrase under "euros"), the act's doer as for any passive."""
    trigger = args.frame.trigger
    verb = trigger.verb
    if args.sources or verb is None or verb is not trigger.token or not trigger.passive:
        return False
    agents = [a for o in direct_objects(verb) for a in prep_objects(o, ("by",))]
    sources = [s for s in ctx.actors(agents) if not any(same_actor(s, t) for t in args.targets)]
    if not sources:
        return False
    args.sources, args.source_tokens = sources, agents
    return True


# ------------------------------------------------------------------ a sentence with no court named
@argument_rule("unnamed-court-is-the-state", plover="3.13", types={"SANCTION"})
def _unnamed_court_is_the_state(args: Arguments, ctx: ArticleContext) -> bool:
    """A passive sentence or fine with no one named to impose it ("the Saudi blogger WAS
    SENTENCED to ten years", "activists were JAILED for five years") is imposed by the
    authorities of the convicted's own state, as an unnamed investigator is."""
    trigger = args.frame.trigger
    if args.sources or args.frame.mode != "convict" or not trigger.passive \
            or trigger.verb is None or prep_objects(trigger.verb, ("by",)):
        return False
    args.sources = own_authorities(args.targets, ctx)
    return bool(args.sources)
