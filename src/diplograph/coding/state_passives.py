"""State acts told in the passive with no agent (issue #16, stop 29, branch passive29).

"Mr. McGraw WAS CHARGED with assault", "thousands of Oromos HAVE BEEN JAILED without trial",
"a British aid worker WAS DETAINED IN IRAN": only a state's police, prosecutors or courts
charge, arrest, detain, jail, convict, sentence or deport, so a passive of these with no "by"
agent is that state's act (the labellers' USA->USA, ETH->ETH). The doer is the generic
authority (police COP, courts JUD, government GOV) of, in turn: the place in the act's own
phrase ("in Florida"), the state authority that reports it ("Indian police said ..."), the
article's dateline or setting, the target's own state; with none
of them it stays no event. A named agent ("detained BY rebels", "BY an Iranian court"), a
private target ("the striker was charged") or a task ("charged with overseeing") leaves the
frame alone. Word lists: ``data/lexicon/state_acts.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.actors.setting import Places, story_setting
from diplograph.coding.investigations import state_authorities
from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import (
    hidden_passive_parts,
    passive_subjects,
    prep_objects,
    subject_tokens,
)
from diplograph.knowledge.coding_words import coding_words, read_lexicon, word_lists
from diplograph.records import ActorRef

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

_FILE = "state_acts.yaml"
_PLACE_KINDS = frozenset({"state", "place"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_AGENT_MARK = "by"
_ORIGIN_MARKS = frozenset({"from"})
_LISTS = ("place_marks", "place_pointers", "charge_task_verbs", "people_nouns",
          "people_pronouns", "generic_subject_words", "reporting_sectors")
_PEOPLE_ENTITIES = frozenset({"PERSON", "NORP"})
# Types the acts above are coded as (events.yaml): an arrest or deportation, a sentence,
# a criminal charge.
_STATE_ACT_TYPES = frozenset({"COERCE", "SANCTION", "ACCUSE"})


@dataclass(frozen=True, slots=True)
class StateActWords:
    """The tables of ``state_acts.yaml``; see the comments there."""

    sectors: dict[str, str]  # act lemma -> sector of the authority that does it
    place_marks: frozenset[str]
    place_pointers: frozenset[str]
    charge_task_verbs: frozenset[str]
    people_nouns: frozenset[str]
    people_pronouns: frozenset[str]
    generic_subject_words: frozenset[str]
    reporting_sectors: frozenset[str]


@functools.cache
def state_act_words() -> StateActWords:
    """The packaged ``state_acts.yaml``, read and checked once.

    Raises:
        KnowledgeError: a table is missing.
    """
    data = read_lexicon(_FILE)
    lists = word_lists(_FILE, data, (*_LISTS, "state_act_sectors"))
    sectors = {str(k): str(v) for k, v in data["state_act_sectors"].items()}
    return StateActWords(sectors=sectors, **{key: lists[key] for key in _LISTS})


@argument_rule("state-act-without-its-doer", plover="3.15", types=_STATE_ACT_TYPES)
def _state_act_without_its_doer(args: Arguments, ctx: ArticleContext) -> bool:
    """A passive charge, arrest, detention, jailing, conviction, sentence or deportation with
    no agent is done by the state's authority: "was detained IN IRAN" (Iran's police), "a
    Kenyan opposition leader was arrested" (Kenya's), "the staffer was charged with battery
    in Florida" (the US courts), "were searched and DETAINED in Minsk" (a participle joined
    to the passive). The target, when the words name no actor, is the people of the place's
    state (as a domestic coercion's is)."""
    act = _state_act(args, ctx)
    if act is None:
        return False
    verb, subjects, targets = act
    place = _place_state(verb, subjects, ctx)
    country = place or _reporting_authority(verb, ctx) or _story_state(ctx) \
        or _target_state(targets)
    if country is None or (not targets and place is None
                           and args.frame.type not in coding_words().domestic_types):
        return False
    sector = state_act_words().sectors[verb.lemma_.lower()]
    # the state's police, courts or government, inferred (``text`` None)
    args.sources, args.source_tokens = state_authorities(country, sector, ctx), []
    args.targets, args.target_tokens = targets, (args.target_tokens if args.targets else subjects)
    if not targets and place is not None:
        # the people of the state: those acted on are named by no actor
        args.targets = state_authorities(country, "CVL", ctx)
    return True


def _state_act(args: Arguments, ctx: ArticleContext
               ) -> tuple[Token, list[Token], list[ActorRef]] | None:
    """The passive verb of a state act with no doer named, those it was done to and their
    actors, else None."""
    trigger, words = args.frame.trigger, state_act_words()
    verb = trigger.verb
    if verb is None or verb is not trigger.token or verb.lemma_.lower() not in words.sectors:
        return None
    if trigger.passive and not args.sources:
        subjects, targets = _passive_patients(verb), args.targets
    else:
        subjects = _hidden_patients(verb, args)
        if subjects is None:
            return None
        targets = ctx.actors(subjects)
    named = bool(targets) or any(_names_people(s, words) for s in subjects)
    if not named or _generic(subjects, words) or _has_agent(verb, subjects) \
            or _is_a_task(verb, words) \
            or any(_private(s) for s in (*subjects, *args.target_tokens)):
        return None
    return verb, subjects, targets


def _passive_patients(verb: Token) -> list[Token]:
    """What a passive was done to: its subject, else, for a passive joined to a clause
    before it, that clause's subject ("he was on probation ... and HAS BEEN SENTENCED")."""
    subjects = passive_subjects(verb)
    if subjects or verb.dep_ != "conj":
        return subjects
    return subject_tokens(verb)


def _hidden_patients(verb: Token, args: Arguments) -> list[Token] | None:
    """Those a participle joined to a passive was done to, where no agent is named ("were
    searched and DETAINED"); the parse may have read them as its doers. None: no such
    participle, or its doers are others."""
    parts = hidden_passive_parts(verb)
    if parts is None or parts[0]:
        return None
    patients = parts[1]
    if any(t not in patients for t in args.source_tokens):
        return None
    return patients


def _names_people(token: Token, words: StateActWords) -> bool:
    """Whether a subject no actor stands for names people ("THREE PEOPLE", "dozens OF
    STUDENTS", "HE"), not a thing ("the laptop was charged")."""
    heads = [token, *prep_objects(token, ("of",))]
    return any(t.lower_ in words.people_pronouns or t.ent_type_ in _PEOPLE_ENTITIES
               or t.lemma_.lower() in words.people_nouns or t.lower_ in words.people_nouns
               for t in heads)


def _generic(subjects: list[Token], words: StateActWords) -> bool:
    """ "ANY foreign national can be detained": a subject that names no one in particular
    tells a power of the law, not an act."""
    return any(t.lower_ in words.generic_subject_words
               for s in subjects for t in (s, *s.children) if t is s or t.dep_ == "det")


def _has_agent(verb: Token, subjects: list[Token]) -> bool:
    """A "by" phrase anywhere in the act's own words ("detained BY rebels", "sentenced to
    five years BY an Iranian court"): the agent is named, the rule does not guess one."""
    subject_words = {t.i for s in subjects for t in s.subtree}
    return any(t.lower_ == _AGENT_MARK for t in verb.subtree if t.i not in subject_words)


def _is_a_task(verb: Token, words: StateActWords) -> bool:
    """ "Charged WITH OVERSEEING the reconstruction": a duty given, not a crime alleged."""
    return any(o.lemma_.lower() in words.charge_task_verbs and o.pos_ == "VERB"
               for o in prep_objects(verb, ("with",)))


def _private(token: Token) -> bool:
    """A performer's or player's role names the target ("the STRIKER was charged"): a
    club's or a league's discipline, not a state's."""
    roles = coding_words().private_roles
    words = [*token.doc[token.left_edge.i:token.i + 1],
             *(w for w in token.children if w.dep_ == "appos")]
    return any(w.lemma_.lower() in roles for w in words)


def _place_state(verb: Token, subjects: list[Token], ctx: ArticleContext) -> str | None:
    """The state of the first place in the act's own words ("arrested IN MOSCOW", "detained
    at the airport IN LAHORE", "charged with corruption IN KENYA", "deported FROM
    PAKISTAN"), else in the phrase of those it was done to ("25 people of a network based
    IN LEICESTER were jailed"): where they are is where they were arrested."""
    subject_words = {t.i for s in subjects for t in s.subtree}
    act_words = [t for t in verb.subtree if t.i not in subject_words]
    return _first_place_state(act_words, ctx, verb) or _first_place_state(
        [t for s in subjects for t in s.subtree], ctx, None) or _place_pointed_back(act_words, ctx)


def _place_pointed_back(act_words: list[Token], ctx: ArticleContext) -> str | None:
    """ "On probation for an offense in Romania ... has been sentenced to seven years in
    prison THERE": the last place the sentence named before the act's "there"."""
    words = state_act_words()
    there = next((t for t in act_words if t.lower_ in words.place_pointers), None)
    if there is None:
        return None
    earlier = [t for t in there.sent if t.i < there.i and t.ent_type_ in _PLACE_ENTITIES]
    return next((c for c in map(lambda t: _country_named_at(t, ctx), reversed(earlier))
                 if c is not None), None)


def _first_place_state(words: list[Token], ctx: ArticleContext, verb: Token | None
                       ) -> str | None:
    """The state of the first place ``words`` give after a place preposition. An origin
    ("from") counts only on the act's verb itself ("deported FROM Pakistan"): "a man FROM
    China was detained", "detained attempting to enter Texas FROM Mexico" say where someone
    came from, not where the act was done."""
    marks = state_act_words().place_marks
    for prep in words:
        if prep.dep_ != "prep" or prep.lower_ not in marks:
            continue
        if prep.lower_ in _ORIGIN_MARKS and (verb is None or prep.head.i != verb.i):
            continue
        for token in prep.subtree:
            country = _country_named_at(token, ctx)
            if country is not None:
                return country
    return None


def _country_named_at(token: Token, ctx: ArticleContext) -> str | None:
    """The state a place word names: its actor (a state or a place), else its entity's."""
    for actor in ctx.actors([token]):
        if actor.kind in _PLACE_KINDS and actor.country:
            return actor.country
    entity = ctx.entity_at.get(token.i)
    if entity is None or entity.label_ not in _PLACE_ENTITIES:
        return None
    named = ctx.name_actor(entity.text, True)
    return named.country if named is not None else None


def _reporting_authority(verb: Token, ctx: ArticleContext) -> str | None:
    """The state whose police, prosecutors, courts or government report the act ("TAIWAN
    PROSECUTORS said a man from China was detained", "INDIAN POLICE said a Nepali trader was
    arrested"): the authority telling of its own act is the one that did it, a surer guide
    than the setting or the target's nationality. A newspaper's or a group's report is not."""
    holding = [a for a in ctx.attributions
               if a.has_source and a.content_start <= verb.idx < a.content_end]
    att = min(holding, key=lambda a: a.content_end - a.content_start, default=None)
    speaker = ctx.speaker(att) if att is not None else None
    if speaker is None or speaker.sector not in state_act_words().reporting_sectors:
        return None
    return speaker.country


def _story_state(ctx: ArticleContext) -> str | None:
    """The state of the article's dateline, else the one state its words are set in."""
    for part in (ctx.article.dateline or "").split(","):
        named = ctx.name_actor(part.strip(), True) if part.strip() else None
        if named is not None and named.country:
            return named.country

    def place_state(text: str) -> str | None:
        named = ctx.name_actor(text, True)
        return named.country if named is not None else None

    return story_setting(ctx.doc, ctx.mentions, Places(lambda _: None, place_state))


def _target_state(targets: list[ActorRef]) -> str | None:
    """The state of a target that is a state's citizen, official or body (not a world
    body, whose members' state is not its own)."""
    return next((t.country for t in targets if t.country and t.sector != "IGO"), None)


