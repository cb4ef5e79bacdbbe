"""An attack made in words is criticism: ACCUSE disapprove, not ASSAULT (PLOVER 3.9).

"Attack" names force and criticism alike. The words of the act say which: a reason or a
gloss ("attacked the Tories FOR wanting to cut spending", "OVER his refusal", "attacked the
budget AS a stealth tax"), a participle of saying ("attacked Britain, SAYING it ..."), an
occasion of speech ("IN A SPEECH in Ohio"), or a receiver that force does not reach, a party
as a whole. ``recode/attack-on-a-policy-is-criticism`` (recode.py) reads the object's class
(a plan, a record); the frame rule here runs after it, and the party rule with the actors.
Force keeps its type: "attacked a police post, killing four", "attacked OVER the weekend".
Words: ``data/lexicon/criticism.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.actors.in_article import same_actor
from diplograph.coding.frames import Frame
from diplograph.coding.rules import argument_rule, recode_rule
from diplograph.knowledge.coding_words import read_lexicon, word_lists

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments
    from diplograph.records import ActorRef

_LISTS = ("verbal_attack_verbs", "reason_preps", "not_reason_entities", "not_gloss_nouns",
          "saying_participles", "speech_occasions", "occasion_preps", "criticised_sectors",
          "surrender_verbs", "charge_speech_verbs", "progressive_auxiliaries",
          "attack_idiom_verbs", "forceful_doers", "forceful_sectors",
          "political_attack_verbs", "politician_sectors", "politician_kinds", "force_words")


@dataclass(frozen=True, slots=True)
class CriticismWords:
    """The lists of ``criticism.yaml``; see the comments there."""

    verbal_attack_verbs: frozenset[str]
    reason_preps: frozenset[str]
    not_reason_entities: frozenset[str]
    not_gloss_nouns: frozenset[str]
    saying_participles: frozenset[str]
    speech_occasions: frozenset[str]
    occasion_preps: frozenset[str]
    criticised_sectors: frozenset[str]
    surrender_verbs: frozenset[str]
    charge_speech_verbs: frozenset[str]
    progressive_auxiliaries: frozenset[str]
    attack_idiom_verbs: frozenset[str]
    forceful_doers: frozenset[str]
    forceful_sectors: frozenset[str]
    political_attack_verbs: frozenset[str]
    politician_sectors: frozenset[str]
    politician_kinds: frozenset[str]
    force_words: frozenset[str]


@functools.cache
def criticism_words() -> CriticismWords:
    """The packaged ``criticism.yaml``, read and checked once."""
    return CriticismWords(**word_lists("criticism.yaml", read_lexicon("criticism.yaml"), _LISTS))


def make_criticism(frame: Frame) -> None:
    frame.type, frame.mode = "ACCUSE", "disapprove"


@recode_rule("attack-framed-as-words-is-criticism", plover="3.9", types={"ASSAULT"})
def _attack_framed_as_words(frame: Frame) -> bool:
    """An attack given a reason, a gloss, a saying participle or an occasion of speech is
    criticism: ACCUSE disapprove."""
    head = _verbal_attack_head(frame)
    if head is None or not (_has_reason(head) or _glossed_by_saying(head)
                            or _made_in_speech(head)):
        return False
    make_criticism(frame)
    return True


@argument_rule("attack-on-a-party-is-criticism", plover="3.9", types={"ASSAULT"},
               step="recode")
def _attack_on_a_party(args: Arguments, ctx: ArticleContext) -> bool:
    """An attack whose every receiver is a party as a whole ("attacked the Liberal
    Democrats") is criticism: force does not reach a party."""
    sectors = criticism_words().criticised_sectors
    if _verbal_attack_head(args.frame) is None or not args.targets or not all(
            t.sector in sectors for t in args.targets):
        return False
    make_criticism(args.frame)
    return True


@argument_rule("attack-by-a-politician-on-a-person-is-criticism", plover="3.9",
               types={"ASSAULT"}, step="recode")
def _attack_by_a_politician(args: Arguments, ctx: ArticleContext) -> bool:
    """An attack by a politician, party or campaign on a person or party, with no armed doer
    and no word of force, is criticism ("Sanders's attacks on Clinton", "Republicans targeted
    Clinton over her emails"): politicians attack each other in words. Gunmen, a mob, an army
    or a state ("Russia attacked Ukraine") keep ASSAULT."""
    words = criticism_words()
    token = args.frame.trigger.token
    if token.lemma_.lower() not in words.verbal_attack_verbs | words.political_attack_verbs:
        return False
    if not args.sources or not args.targets:
        return False
    if not all(_is_politician(s) for s in args.sources) or not all(
            _is_person_or_party(t) for t in args.targets):
        return False
    sentence = {t.lemma_.lower() for t in token.sent} | {t.lower_ for t in token.sent}
    if sentence & (words.force_words | words.forceful_doers):
        return False
    make_criticism(args.frame)
    return True


def _is_politician(actor: ActorRef) -> bool:
    """A person of political life or a party: the doers and receivers of attacks in words."""
    words = criticism_words()
    if actor.sector in words.forceful_sectors or actor.sector not in words.politician_sectors:
        return False
    return actor.kind in words.politician_kinds or actor.sector == "PTY"


def _is_person_or_party(actor: ActorRef) -> bool:
    """A receiver words reach: a person of any public life ("attacks on Judge Curiel") or a
    party; not a state, a city or an armed force."""
    words = criticism_words()
    if actor.sector in words.forceful_sectors:
        return False
    return actor.kind in words.politician_kinds or actor.sector == "PTY"


@argument_rule("charge-of-surrender-is-criticism", plover="3.9", types={"RETREAT", "CONCEDE"},
               step="recode")
def _charge_of_surrender(args: Arguments, ctx: ArticleContext) -> bool:
    """Rivals at home who say a leader IS SURRENDERING something charge him with it: "the
    Tories say he is surrendering a key veto" is the Tories' criticism of him (ACCUSE
    disapprove), no concession to anyone (the receiver would be made up). A report of a
    surrender by another state's side ("Kyiv says Russian troops are surrendering") stays."""
    verb = args.frame.trigger.verb
    words = criticism_words()
    if verb is None or len(args.sources) != 1 or verb.lemma_.lower() not in words.surrender_verbs:
        return False
    if verb.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lower_ in words.progressive_auxiliaries
                                     for c in verb.children):
        return False
    speech = verb.head
    if verb.dep_ != "ccomp" or speech.lemma_.lower() not in words.charge_speech_verbs:
        return False
    speaker_tokens = [t for t in speech.children if t.dep_ == "nsubj"]
    speakers = ctx.actors(speaker_tokens)
    leader = args.sources[0]
    if not speakers or any(same_actor(s, leader) or s.country != leader.country
                           for s in speakers):
        return False
    make_criticism(args.frame)
    args.targets, args.target_tokens = [leader], args.source_tokens
    args.sources, args.source_tokens = speakers, speaker_tokens
    return True


@argument_rule("idiom-of-attack-done-by-force-is-no-criticism", plover="3.9",
               types={"ACCUSE"})
def _idiom_of_attack_done_by_force(args: Arguments, ctx: ArticleContext) -> bool:
    """An idiom of attack read as criticism ("took aim at", "tore into", "laid into") done by
    armed forces, weapons or weather ("Russian TANKS tore into Ukraine", "Israeli troops
    tore into Gaza") is movement or force, no criticism: no event."""
    words = criticism_words()
    verb = args.frame.trigger.verb
    if verb is None or args.frame.trigger.token is not verb \
            or verb.lemma_.lower() not in words.attack_idiom_verbs:
        return False
    by_force = any(t.lemma_.lower() in words.forceful_doers for t in args.source_tokens) \
        or any(s.sector in words.forceful_sectors for s in args.sources)
    args.dropped = by_force
    return by_force


def _verbal_attack_head(frame: Frame) -> Token | None:
    """The word of the attack ("ATTACKED", "an ATTACK on") if it may be said in words."""
    token = frame.trigger.token
    return token if token.lemma_.lower() in criticism_words().verbal_attack_verbs else None


def _has_reason(head: Token) -> bool:
    """A "for"/"over"/"as" phrase of a reason or gloss, not of a time, a place or a part."""
    words = criticism_words()
    for prep in head.children:
        # (before the verb it is the speaker's side: "Letwin, FOR the Tories, attacked")
        if prep.dep_ != "prep" or prep.lower_ not in words.reason_preps or prep.i < head.i:
            continue
        for obj in prep.children:
            if obj.dep_ == "pcomp":  # "FOR WANTING to raise taxes"
                return True
            if obj.dep_ == "pobj" and _is_reason_noun(obj, gloss=prep.lower_ == "as"):
                return True
    return False


def _is_reason_noun(obj: Token, *, gloss: bool) -> bool:
    words = criticism_words()
    if obj.ent_type_ in words.not_reason_entities or obj.like_num:
        return False
    if gloss:  # "AS a stealth tax", not "AS PART of an offensive"
        return obj.lemma_.lower() not in words.not_gloss_nouns and any(
            c.dep_ == "det" for c in obj.children)
    return obj.pos_ in {"NOUN", "PROPN"}


def _glossed_by_saying(head: Token) -> bool:
    """"attacked Britain, SAYING it ...": a participle of saying beside the attack."""
    words = criticism_words()
    return any(c.dep_ in {"advcl", "xcomp", "conj"} and c.tag_ == "VBG"
               and c.lemma_.lower() in words.saying_participles for c in head.children)


def _made_in_speech(head: Token) -> bool:
    """"attacked the Republicans IN A SPEECH": an occasion of speech hangs from the attack."""
    words = criticism_words()
    return any(p.dep_ == "prep" and p.lower_ in words.occasion_preps
               and o.dep_ == "pobj" and o.lemma_.lower() in words.speech_occasions
               for p in head.children for o in p.children)
