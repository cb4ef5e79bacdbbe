"""Whom a "he" or "she" inside a quotation or a reported clause stands for (issues #15, #16).

The actors' step reads a subject pronoun as the one person of its gender named just before,
and the argument step reads a pronoun with no mention as the speaker of its clause. Inside
what someone says that is often wrong:

- a third-person pronoun inside a direct quotation is never the one quoted ("'HE is coming to
  Europe,' said Mr Blair" speaks of someone else): it is the nearest person named before it
  who is not the speaker, and no one when there is none;
- in a reported clause the nearest subject inside the report that fits comes first: "Mr
  Chirac said Mr Berlusconi had decided HE would resign" is Berlusconi's resignation, and
  Chirac only claims it; the reporter is the antecedent only when no one else in the report
  fits ("Mr Chirac said HE had met ...") and is no antecedent when the gender does not fit
  ("Mr Blair said SHE had resigned"); a reporter that is no person ("the Tories say HE is
  surrendering a veto") leaves the pronoun as the actors read it, and so does a reporter
  when they read it as a man named before ("his spokesman said HE would not give ..."); the
  reporter of a report inside another ("X said Y had ADMITTED that HE ...") is a subject
  inside the outer report.

A pronoun left with no antecedent leaves the act with no source, and an active act with no
source is no event (``argument/needs-a-source-unless-passive``). First-person pronouns ("I",
"we") and "it"/"they" are left as they are: in a quote they are the speaker or his side.
The pronouns and honorifics and their genders are those of ``data/actors/mention_words.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.actors.in_article import same_actor
from diplograph.coding.actors.words import mention_words
from diplograph.coding.attribution import Attribution
from diplograph.coding.counterparts import counterpart_words
from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import antecedent_subjects, direct_objects
from diplograph.knowledge.base import KnowledgeBase
from diplograph.knowledge.coding_words import coding_words
from diplograph.records import ActorRef, Mention

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

# The subject of a clause, active or passive, that a pronoun below it may stand for.
_CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How many heads a walk from the pronoun to its reporting verb may climb.
_MAX_CLIMB = 6


@argument_rule("pronoun-in-a-report-is-not-the-reporter", plover="diplograph")
def _pronoun_in_a_report(args: Arguments, ctx: ArticleContext) -> bool:
    """A "he"/"she" inside a quote is not the one quoted, and inside a reported clause it is
    the nearest fitting subject of the report before the reporter."""
    pronoun = _third_person_source(args)
    att = _report_holding(pronoun, ctx) if pronoun is not None else None
    if pronoun is None or att is None:
        return False
    gender = mention_words().pronouns[pronoun.lower_]
    speaker = ctx.speaker(att)
    if att.direct:
        found = _named_before_quote(pronoun, gender, speaker, att, ctx)
    else:
        found = _subject_inside_report(pronoun, gender, att, ctx) or _nested_reporter(
            att, gender, ctx) or _not_the_reporter(args.sources, speaker, gender, ctx.kb)
        if found is None:
            return False  # the pronoun stays as the actors read it
    sources = [actor for actor, _ in found]
    if len(sources) == len(args.sources) and all(
            same_actor(a, b) for a, b in zip(sources, args.sources, strict=True)):
        return False
    args.sources = sources
    args.source_tokens = [t for _, tokens in found for t in tokens] or args.source_tokens
    return True


def _third_person_source(args: Arguments) -> Token | None:
    """The source's one word when it is a "he" or a "she"."""
    if len(args.source_tokens) != 1:
        return None
    token = args.source_tokens[0]
    return token if token.lower_ in _THIRD_PERSON else None


_THIRD_PERSON = frozenset({"he", "she"})


def _report_holding(token: Token, ctx: ArticleContext) -> Attribution | None:
    """The innermost attribution with a speaker whose content holds ``token``."""
    holding = [a for a in ctx.attributions
               if a.has_source and a.content_start <= token.idx < a.content_end]
    return min(holding, key=lambda a: a.content_end - a.content_start, default=None)


def _named_before_quote(pronoun: Token, gender: str, speaker: ActorRef | None,
                        att: Attribution, ctx: ArticleContext,
                        ) -> list[tuple[ActorRef, list[Token]]]:
    """The nearest person of the pronoun's gender named before it, in its sentence or the one
    before, who is not the speaker ("Mr Schroeder was in Berlin. 'HE met Mr Putin,' said Mr
    Chirac" is Schroeder); none when there is no such person."""
    sent = pronoun.sent
    first = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for mention in reversed(ctx.mentions):
        if not first <= mention.token_start < pronoun.i or _in_speaker_span(mention, att):
            continue
        actor = mention.actor
        if speaker is not None and actor.name == speaker.name and actor.name:
            continue
        if _fits(actor, gender, _mention_honorific(mention, pronoun), ctx.kb):
            return [(actor, [pronoun.doc[mention.token_start]])]
    return []


def _in_speaker_span(mention: Mention, att: Attribution) -> bool:
    return att.source_start <= mention.start < att.source_end


def _subject_inside_report(pronoun: Token, gender: str, att: Attribution,
                           ctx: ArticleContext) -> list[tuple[ActorRef, list[Token]]]:
    """The nearest subject above the pronoun, inside the report, of the pronoun's gender:
    "said Mr Berlusconi had decided HE would resign" is Berlusconi."""
    node = pronoun.head
    for _ in range(_MAX_CLIMB):
        if att.cue_start <= node.idx < att.cue_end or node.head is node:
            return []
        node = node.head
        for subject in (c for c in node.children if c.dep_ in _CLAUSE_SUBJECT_DEPS):
            # a pronoun ("IT was unlikely he would ...") is no antecedent of another
            if subject.pos_ == "PRON" or not (
                    att.content_start <= subject.idx < att.content_end):
                continue
            for actor in ctx.actors([subject]):
                if _fits(actor, gender, _honorific_before(subject), ctx.kb):
                    return [(actor, [subject])]
    return []


def _fits(actor: ActorRef, gender: str, honorific: str | None, kb: KnowledgeBase) -> bool:
    """Whether a "he" or a "she" may stand for ``actor``: a person whose gender (from the
    knowledge base, else the honorific he was named with) is the pronoun's or unknown."""
    known = _genders(kb).get(actor.name or "") or mention_words().honorific_genders.get(
        (honorific or "").lower())
    return actor.kind == "person" and known in (None, gender)


def _nested_reporter(att: Attribution, gender: str, ctx: ArticleContext,
                     ) -> list[tuple[ActorRef, list[Token]]]:
    """The reporter of a report inside another one, a subject inside the outer report:
    "Mr Putin said Mr Schroeder had ADMITTED that HE ..." is Schroeder."""
    speaker = ctx.speaker(att)
    nested = any(outer.has_source and outer is not att
                 and outer.content_start <= att.cue_start < outer.content_end
                 for outer in ctx.attributions)
    if speaker is None or not nested or not _fits(speaker, gender, None, ctx.kb):
        return []
    return [(speaker, [])]


def _not_the_reporter(sources: list[ActorRef], speaker: ActorRef | None, gender: str,
                      kb: KnowledgeBase) -> list[tuple[ActorRef, list[Token]]] | None:
    """No one where the actors read the pronoun as a reporter of the other gender ("Mr Blair
    said SHE had resigned"); else None: the actors' reading stands (the reporter, or a man
    named before, as in "his spokesman said HE would not give ...")."""
    if speaker is None or not any(same_actor(s, speaker) for s in sources):
        return None
    return [] if _other_gender(speaker, gender, kb) else None


def _other_gender(speaker: ActorRef, gender: str, kb: KnowledgeBase) -> bool:
    """Whether the reporter is a person known to be of the other gender."""
    known = _genders(kb).get(speaker.name or "")
    return speaker.kind == "person" and known is not None and known != gender


def _mention_honorific(mention: Mention, pronoun: Token) -> str | None:
    return pronoun.doc[mention.token_start].lower_


def _honorific_before(subject: Token) -> str | None:
    """The first word of the subject's phrase ("MR Berlusconi")."""
    return subject.doc[subject.left_edge.i].lower_


def _genders(kb: KnowledgeBase) -> dict[str, str]:
    """The genders of the knowledge base's people, by canonical name (built once per base;
    the base holds dicts, so it is no cache key itself)."""
    cached = _GENDERS.get(id(kb))
    if cached is None or cached[0] is not kb:
        cached = _GENDERS[id(kb)] = (kb, {p.name: p.gender for p in kb.people if p.gender})
    return cached[1]


_GENDERS: dict[int, tuple[KnowledgeBase, dict[str, str]]] = {}


@argument_rule("owner-named-by-a-possessive-pronoun", plover="2.4")
def _owner_named_by_a_possessive_pronoun(args: Arguments, ctx: ArticleContext) -> bool:
    """A verdict with no target on a thing of "its"/"his"/"their" ("Iraq asked for more time,
    and Kuwait welcomed ITS request") aims at the owner the pronoun stands for: the subject of
    the clause before, never the speaker itself ("Germany defended ITS decision")."""
    trigger = args.frame.trigger
    verb = trigger.verb
    if (args.targets or verb is None or verb is not trigger.token
            or args.frame.type not in counterpart_words().verdict_types):
        return False
    things = [o for o in direct_objects(verb) if _owned_by_a_pronoun(o) is not None]
    if not things:
        return False
    pronoun = _owned_by_a_pronoun(things[0])
    owners = [a for a in ctx.actors(antecedent_subjects(verb))
              if _may_own(a, pronoun) and not any(same_actor(a, s) for s in args.sources)]
    if not owners:
        return False
    args.targets, args.target_tokens = owners[:1], things[:1]
    return True


def _owned_by_a_pronoun(thing: Token) -> str | None:
    """The possessive pronoun of a plan, decision or record ("policy_nouns": "ITS request"),
    or None where its possessor is no pronoun."""
    if thing.lemma_.lower() not in coding_words().policy_nouns:
        return None
    return next((c.lower_ for c in thing.children
                 if c.dep_ == "poss" and c.lower_ in counterpart_words().owner_pronouns), None)


def _may_own(actor: ActorRef, pronoun: str | None) -> bool:
    """Whether the pronoun may stand for ``actor``: "his"/"her" for a person, "its" for no
    person, "their" for anyone (an actor of no known kind fits any)."""
    if actor.kind is None or pronoun == "their":
        return True
    return (actor.kind == "person") == (pronoun in mention_words().possessive_genders)
