"""A person named with the side he speaks for is the source, not that side (issue #15, K082).

"Vincent Cable, FOR THE LIBERAL DEMOCRATS, accused Mr Brown": the phrase set off between the
subject and its verb is the speaker's side (``counterparts.is_affiliation``, whose words are
``affiliation_preps`` of ``data/lexicon/counterparts.yaml``; "SPEAKING FOR the Tories, NAME
accused" by its ``affiliation_participles``), and the name is the one who acts. Where the
knowledge does not know the name, the actors' step gives it no state (then the event's
confidence falls under the floor) or no mention at all, and the subject's phrase resolves to
the party inside it. The person is then the name's own actor of the party's country and
sector: an unknown politician of that party. A name the knowledge knows keeps its own actor.
Last stop's ``counterparts`` rule keeps the same phrase from being a target.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.actors.in_article import same_actor
from diplograph.coding.counterparts import counterpart_words, is_affiliation
from diplograph.coding.rules import argument_rule
from diplograph.records import ActorRef

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

@argument_rule("named-speaker-for-a-party", plover="diplograph")
def _named_speaker_for_a_party(args: Arguments, ctx: ArticleContext) -> bool:
    """ "NAME, for PARTY, VERB ...": the named person is the source, the party his side."""
    subject = args.source_tokens[0] if len(args.source_tokens) == 1 else None
    person = _stateless_person(subject, ctx) if subject is not None else None
    side = _side_of(subject, args, ctx) if person is not None and subject is not None else []
    if person is None or not side:
        return False
    args.sources = [replace(person, country=side[0].country, sector=side[0].sector)]
    args.targets = [t for t in args.targets if not any(same_actor(t, s) for s in side)]
    return True


def _stateless_person(subject: Token, ctx: ArticleContext) -> ActorRef | None:
    """The person the subject names when the knowledge gives him no state: the actors'
    person of no country ("Bernard Quayle"), or, where the name has no mention at all (the
    parse took "Vincent Cable" for a firm), a person of the name's words."""
    mention = ctx.by_token.get(subject.i)
    if mention is not None:
        actor = mention.actor
        return actor if actor.kind == "person" and not actor.country else None
    if subject.pos_ != "PROPN" or not subject.ent_type_:
        return None
    first = min([c.i for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                + [subject.i])
    words = subject.doc[first:subject.i + 1].text
    return ActorRef(name=words, country=None, kind="person", text=words)


def _side_of(subject: Token, args: Arguments, ctx: ArticleContext) -> list[ActorRef]:
    """The actors of the set-off "for" phrase, hung from the subject or from its verb, or
    of a participle of speaking before the clause ("SPEAKING FOR the Tories, NAME ...")."""
    verb = args.frame.trigger.verb
    heads = [subject, *([verb] if verb is not None else [])]
    preps = [p for head in heads for p in head.children if is_affiliation(p)]
    if verb is not None:
        participles = counterpart_words().affiliation_participles
        preps += [p for c in verb.children if c.dep_ == "advcl" and c.i < subject.i
                  and c.lemma_.lower() in participles for p in c.children
                  if p.dep_ == "prep" and p.lower_ in counterpart_words().affiliation_preps]
    objects = [o for prep in preps for o in prep.children if o.dep_ == "pobj"]
    return [a for a in ctx.actors(objects) if a.country] if objects else []
