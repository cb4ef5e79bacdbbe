"""Investigations told by an investigation noun (issue 16, stop 29; PLOVER 3.9, CAMEO 09x).

"A FEDERAL investigation into the governor's finances has dragged on", "the F.B.I.
investigation of Clinton", "the minister FACES a parliamentary inquiry", "has been THE SUBJECT
OF an EU investigation": the noun tells an act of investigating (ACCUSE investigate) whose
source is the investigating body and whose target is the one investigated. The trigger rule
below finds the shapes ``event-noun-with-its-own-actors`` leaves (no possessive or "by" owner,
no light verb); one argument rule gives its sides, another drops an investigation by a
newspaper or a firm, which is no state act. Word lists: ``data/lexicon/investigations.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from diplograph.coding.rules import argument_rule, trigger_rule
from diplograph.coding.token_table import tokens_of_pos
from diplograph.coding.triggers import (
    OBJECT_DEPS,
    ActorTest,
    Trigger,
    light_verb_of,
    noun_owners,
    passive_subjects,
    prep_objects,
    subject_tokens,
)
from diplograph.knowledge.coding_words import read_lexicon, word_lists
from diplograph.knowledge.lexicon import Lexicon, TriggerRule
from diplograph.records import ActorRef

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

_LISTS = ("investigation_nouns", "investigated_marks", "facing_verbs", "subject_of_nouns",
          "subject_of_marks", "finding_verbs", "finding_marks", "fall_verbs", "place_marks",
          "asking_verbs", "investigating_bodies",
          "private_investigator_sectors")
_NOUN = frozenset({"NOUN"})
# An event noun that is what its clause is about: its verb gives the status and the date.
_CLAUSE_NOUN_DEPS = frozenset({"nsubj", "nsubjpass"})
# The words before a noun that may name its investigating body ("FBI", "federal").
_MODIFIER_DEPS = frozenset({"amod", "compound"})
# Actor kinds that name a body or a state, not the one investigated ("the CLINTON probe").
_BODY_KINDS = frozenset({"state", "organisation", "group"})


@dataclass(frozen=True, slots=True)
class InvestigationWords:
    """The tables of ``investigations.yaml``; see the comments there."""

    investigation_nouns: frozenset[str]
    investigated_marks: frozenset[str]
    facing_verbs: frozenset[str]
    subject_of_nouns: frozenset[str]
    subject_of_marks: frozenset[str]
    finding_verbs: frozenset[str]
    finding_marks: frozenset[str]
    fall_verbs: frozenset[str]
    place_marks: frozenset[str]
    asking_verbs: frozenset[str]
    investigating_bodies: frozenset[str]
    private_investigator_sectors: frozenset[str]
    state_investigator_sectors: dict[str, str]  # "police" -> COP


@functools.cache
def investigation_words() -> InvestigationWords:
    """The packaged ``investigations.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing.
    """
    data = read_lexicon("investigations.yaml")
    sectors = {str(k).lower(): str(v)
               for k, v in (data.get("state_investigator_sectors") or {}).items()}
    return InvestigationWords(**word_lists("investigations.yaml", data, _LISTS),
                              state_investigator_sectors=sectors)


@dataclass(frozen=True, slots=True)
class InvestigationSides:
    """What an investigation noun's phrase and clause say of its two sides."""

    investigated: list[Token]  # the actors investigated
    investigators: list[Token]  # words that may name the investigating body
    state_sector: str | None  # a state's word for the body ("police": COP), else None
    clause: Token | None  # the verb that carries the noun (status, date), else None
    places: list[Token]  # a place whose state investigates ("IN Germany")
    told_by_clause: bool  # "X FACES an inquiry": the clause, not the noun, names X


# The target slots only tell the fold step that the noun's own phrases name a side ("resigned
# after an investigation BY PROSECUTORS found ...": no mere setting of the resignation); the
# sides themselves are argument/investigation-sides'.
INVESTIGATION_RULE = TriggerRule(type="ACCUSE", mode="investigate",
                                 target=("obj_prep:by|into|of|against",),
                                 origin="investigation-named-with-its-sides")


@trigger_rule("investigation-named-with-its-sides", plover="3.9")
def investigation_named_with_its_sides(sent: Span, lexicon: Lexicon,
                                       is_actor: ActorTest) -> list[Trigger]:
    """An investigation noun that names the one investigated and the body that investigates,
    by a state's word or a compound ("a FEDERAL investigation INTO the governor", "the FBI
    probe OF Clinton"), or whose clause makes its subject the one investigated ("the minister
    FACES an inquiry", "has been the SUBJECT OF an EU investigation"): ACCUSE investigate."""
    words = investigation_words()
    triggers = []
    for noun in tokens_of_pos(sent, _NOUN):
        if noun.lemma_.lower() not in words.investigation_nouns or _asked_for(noun, words):
            continue
        sides = investigation_sides(noun, is_actor)
        if sides is not None:
            triggers.append(Trigger(noun, sides.clause, INVESTIGATION_RULE))
    return triggers


def investigation_sides(noun: Token, is_actor: ActorTest) -> InvestigationSides | None:
    """The sides an investigation noun names, or None where it does not name both: the one
    investigated, and a body (a word for it, or a clause that leaves it to the state)."""
    words = investigation_words()
    clause, investigated = _investigated_subject(noun, words)
    told_by_clause = bool(investigated)
    if not told_by_clause:
        investigated = _investigated_phrase(noun, words)
        clause = light_verb_of(noun) if noun.dep_ in _CLAUSE_NOUN_DEPS else None
    investigated = [t for t in investigated if is_actor(t)]
    if not investigated:
        return None
    investigators = [t for t in _investigator_words(noun, is_actor) if is_actor(t)]
    sector = state_sector(noun)
    if not (investigators or sector or told_by_clause):
        return None  # "an inquiry into the minister began": no one named investigates
    places = prep_objects(noun, tuple(words.place_marks))
    if told_by_clause and clause is not None:
        places += prep_objects(clause, tuple(words.place_marks))
    return InvestigationSides(investigated, investigators, sector, clause, places,
                              told_by_clause)


def _investigated_subject(noun: Token, words: InvestigationWords) -> tuple[Token | None,
                                                                            list[Token]]:
    """(verb, its subject) where the clause makes its subject the one investigated: "the
    minister FACES an inquiry", "Hungary has been the SUBJECT OF an EU investigation", "the
    minister RESIGNED after an inquiry FOUND ..."."""
    head = noun.head
    fallen = _fallen_after_the_finding(noun, words)
    if fallen:  # the clause of the fall: "found" is no report of what was said
        return _fall_after(noun, words), fallen
    if noun.dep_ in OBJECT_DEPS and head.lemma_.lower() in words.facing_verbs:
        return head, subject_tokens(head)
    frame_noun = head.head
    if noun.dep_ == "pobj" and head.lower_ in words.subject_of_marks \
            and frame_noun.lemma_.lower() in words.subject_of_nouns and frame_noun.dep_ == "attr":
        return frame_noun.head, subject_tokens(frame_noun.head)
    return None, []


def _fallen_after_the_finding(noun: Token, words: InvestigationWords) -> list[Token]:
    """The subject of the clause an investigation's finding led to fall: "the minister
    RESIGNED after an inquiry FOUND ...", "the whip WAS EXPELLED after an investigation
    UNCOVERED ..."; none where the noun names its own investigated ("an inquiry INTO the
    collapse")."""
    fall = _fall_after(noun, words)
    if fall is None or fall.lemma_.lower() not in words.fall_verbs \
            or prep_objects(noun, tuple(words.investigated_marks)):
        return []
    return passive_subjects(fall) or subject_tokens(fall)


def _fall_after(noun: Token, words: InvestigationWords) -> Token | None:
    """The verb the noun's finding clause hangs from ("resigned AFTER an inquiry FOUND"), or
    the verb of an "after" phrase the noun heads (the parser's other reading: "was expelled
    AFTER AN INVESTIGATION by X [which] uncovered ...")."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in words.finding_verbs \
            and head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.finding_marks
                                             for c in head.children):
        return head.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in words.finding_marks:
        return head.head
    return None


def _investigated_phrase(noun: Token, words: InvestigationWords) -> list[Token]:
    """ "an investigation INTO the minister", "a probe OF ISRAEL's conduct": the object of
    the noun's phrase, and its owner."""
    objects = prep_objects(noun, tuple(words.investigated_marks))
    return objects + [o for t in objects for o in t.lefts if o.dep_ == "poss"]


def _investigator_words(noun: Token, is_actor: ActorTest) -> list[Token]:
    """The noun's owner ("the FBI's probe", "the probe BY the SEC", "a FRENCH inquiry") and
    its compounds ("the F.B.I. investigation", "a Pentagon inquiry")."""
    compounds = [c for c in noun.lefts if c.dep_ == "compound"]
    return noun_owners(noun, is_actor) + compounds


def state_sector(noun: Token) -> str | None:
    """The sector of a state's word for the investigating body before the noun ("a POLICE
    investigation": COP, "a FEDERAL probe": GOV), else None."""
    sectors = investigation_words().state_investigator_sectors
    return next((sectors[c.lower_] for c in noun.lefts
                 if c.dep_ in _MODIFIER_DEPS and c.lower_ in sectors), None)


def _asked_for(noun: Token, words: InvestigationWords) -> bool:
    """ "DEMANDED an inquiry into X", "CALLS FOR an inquiry": asked for, not told."""
    verb = light_verb_of(noun)
    return verb is not None and verb.lemma_.lower() in words.asking_verbs


def state_authorities(country: str | None, sector: str,
                      ctx: ArticleContext) -> list[ActorRef]:
    """The investigating body of ``country``'s state, of ``sector`` (``text`` None marks it
    inferred), or none without a country."""
    if country is None:
        return []
    known = ctx.kb.countries.get(country)
    return [ActorRef(name=known.name if known else country, country=country, sector=sector,
                     kind="state")]


@argument_rule("investigation-sides", plover="3.9", types={"ACCUSE"})
def _investigation_sides(args: Arguments, ctx: ArticleContext) -> bool:
    """The sides of an investigation its noun names: the target is the one investigated; the
    source the body its owner or compound names, else the state of a place phrase ("IN
    Germany"), else the investigated's own state (of the sector of a state's word: "POLICE")."""
    trigger = args.frame.trigger
    if trigger.rule.origin != INVESTIGATION_RULE.origin:
        return False
    sides = investigation_sides(trigger.token, ctx.names_actor)
    targets = ctx.actors(sides.investigated) if sides is not None else []
    if sides is None or not targets:
        args.dropped = True
        return True
    args.targets, args.target_tokens, args.target_settled = targets, sides.investigated, True
    bodies = [a for a in ctx.actors(sides.investigators) if a.kind in _BODY_KINDS]
    args.source_tokens = sides.investigators if bodies else []
    # a word no state's body resolves to ("a NEWSPAPER investigation") leaves no source; an
    # investigating body's word ("BY the ethics COMMISSIONER") or none at all leaves the state
    unnamed = sides.state_sector is not None or _names_a_state_body(sides.investigators) \
        or (sides.told_by_clause and not sides.investigators)
    args.sources = bodies or (_state_of_the_investigation(sides, targets, ctx) if unnamed
                              else [])
    args.dropped = not args.sources
    return True


def _names_a_state_body(words: list[Token]) -> bool:
    """ "by the ethics COMMISSIONER", "by the state ATTORNEY general": a word of a body that
    investigates for the state (``investigating_bodies``), or one of its compounds."""
    bodies = investigation_words().investigating_bodies
    return any(t.lemma_.lower() in bodies for w in words
               for t in (w, *(c for c in w.lefts if c.dep_ == "compound")))


def _state_of_the_investigation(sides: InvestigationSides, targets: list[ActorRef],
                                ctx: ArticleContext) -> list[ActorRef]:
    """The state that investigates where no body is named: the state of a place phrase,
    else the investigated's own."""
    sector = sides.state_sector or "GOV"
    place = next((a.country for a in ctx.actors(sides.places) if a.country), None)
    own = next((t.country for t in targets if t.country), None)
    return state_authorities(place or own, sector, ctx)


@argument_rule("investigation-body-named-by-its-modifier", plover="3.9", types={"ACCUSE"})
def _investigation_body_named_by_its_modifier(args: Arguments, ctx: ArticleContext) -> bool:
    """An investigation noun of a light verb with no doer ("a POLICE inquiry into the
    minister HAS BEEN WIDENED", "the PENTAGON inquiry into X was completed") is the body its
    compound names, else the investigated's state's body of a state's word."""
    trigger = args.frame.trigger
    noun = trigger.token
    if args.sources or not args.targets or trigger.rule.origin == INVESTIGATION_RULE.origin \
            or noun is trigger.verb or args.frame.mode != "investigate" \
            or noun.lemma_.lower() not in investigation_words().investigation_nouns:
        return False
    investigators = _investigator_words(noun, ctx.names_actor)
    bodies = [a for a in ctx.actors(investigators) if a.kind in _BODY_KINDS]
    sector = state_sector(noun)
    own = next((t.country for t in args.targets if t.country), None)
    args.sources = bodies or (state_authorities(own, sector, ctx) if sector else [])
    args.source_tokens = investigators if bodies else []
    return bool(args.sources)


@argument_rule("unnamed-investigating-body-is-the-state", plover="3.9", types={"ACCUSE"})
def _unnamed_investigating_body(args: Arguments, ctx: ArticleContext) -> bool:
    """An investigating verb whose doer is a body no state names ("Labour is to be
    investigated BY A WATCHDOG", "POLICE are investigating two Kenyan ministers") is the body
    of the investigated's own state."""
    words, trigger = investigation_words(), args.frame.trigger
    if args.frame.mode != "investigate" or args.sources \
            or trigger.rule.origin == INVESTIGATION_RULE.origin:
        return False
    body = next((t.lemma_.lower() for t in args.source_tokens
                 if t.lemma_.lower() in words.investigating_bodies), None)
    if body is None:
        return False
    if not args.targets and trigger.passive and trigger.verb is not None:
        # "Labour IS TO BE investigated by a watchdog": the subject of the verb it hangs from
        args.target_tokens = subject_tokens(trigger.verb)
        args.targets = ctx.actors(args.target_tokens)
    sector = words.state_investigator_sectors.get(body, "GOV")
    args.sources = state_authorities(next((t.country for t in args.targets if t.country), None),
                                     sector, ctx)
    return bool(args.sources)


@argument_rule("investigation-by-a-private-body-is-no-event", plover="3.9", types={"ACCUSE"})
def _investigation_by_a_private_body(args: Arguments, ctx: ArticleContext) -> bool:
    """A newspaper's, a journalist's or a firm's investigation is reporting or business, no
    state act: "The Guardian is investigating the prince's dealings" gives no event."""
    private = investigation_words().private_investigator_sectors
    if args.frame.mode != "investigate" or not args.sources \
            or not all(s.sector in private for s in args.sources):
        return False
    args.dropped = True
    return True
