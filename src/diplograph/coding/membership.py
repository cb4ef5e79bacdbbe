"""A party's sanction on its own member, and a member leaving its party (issue 16, stop 21).

"Labour EXPELLED Ken Livingstone", "a senator was SUSPENDED FROM the Jubilee party", "the
Conservatives WITHDREW THE WHIP from an MP": a party ending or suspending one of its members'
membership is SANCTION expel, the party the source and the member the target (the real tune
labels code "Mr Galloway was expelled from the Labour party" so). CAMEO's pattern for "expel"
reads every expulsion as a deportation (COERCE, which its two-states condition then drops for
a party and its member); our lexicon's suspension rules (``data/lexicon/events.yaml``) read
any actor suspended. Which it is depends on who does it, so the rule needs the actors and runs
with the argument rules: a party on the expelling side makes it a sanction on the member;
without one, a deportation stays what CAMEO says, and a suspension is no event ("the club
suspended its captain"). The other way round, a member quitting or leaving its party ("Mr
Kilroy-Silk QUIT UKIP", "resigned the Labour WHIP") is SANCTION withdraw, member to party, as
the real tune labels code it, where the lexicon reads a resignation from office (RETREAT
resign). A party the knowledge base lacks ("quit the Liberal PARTY") is one of the member's own
state (stop 28); and what a resignation leaves may be private life ("quit her weekend SHOW",
"quit SMOKING"): no event. The words are in ``data/lexicon/coding.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.actors.in_article import same_actor
from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import prep_objects
from diplograph.knowledge.coding_words import coding_words
from diplograph.records import ActorRef

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments
    from diplograph.coding.frames import Frame
    from diplograph.knowledge.lexicon import TriggerRule

EXPULSION_RULE = "recode/expelling-a-member-is-a-sanction"
LEAVING_RULE = "recode/leaving-a-party-is-withdrawal"
UNKNOWN_PARTY_RULE = "recode/unknown-party-left-is-the-members-own"


@argument_rule("expelling-a-member-is-a-sanction", plover="3.13",
               types={"SANCTION", "COERCE"}, step="recode")
def _expelling_a_member(args: Arguments, ctx: ArticleContext) -> bool:
    """A party expelling or suspending its member is SANCTION expel, party to member."""
    # "The SNP expelled the MP", "was expelled FROM Fidesz", "suspended BY the Labour Party",
    # "the CONSERVATIVE whip was withdrawn from 21 MPs". No party: CAMEO's deportation stands,
    # a suspension of our membership rules is dropped.
    trigger = args.frame.trigger
    verb = trigger.verb
    words = coding_words()
    if verb is None or verb.lemma_.lower() not in words.membership_verbs:
        return False
    party = _expelling_party(args, ctx, verb)
    if party is None:
        args.dropped = _membership_rule(trigger.rule)
        return args.dropped
    args.frame.type, args.frame.mode = "SANCTION", "expel"
    args.sources = [party]
    members = args.targets or _members_of_a_passive_whip(args, ctx, verb)
    args.targets = [t for t in members if not same_actor(t, party)]
    # no member named: no other phrase is the member ("expelled from Labour over his anti
    # IRAQ war stance"), so the fallback target must not find one; a member named by a common
    # noun ("the veteran MP") is argument/unnamed-member-of-the-expelling-body's
    args.dropped = not args.targets and not _member_words(args.target_tokens)
    return True


@argument_rule("unnamed-member-of-the-expelling-body", plover="3.13", types={"SANCTION"})
def _unnamed_member(args: Arguments, ctx: ArticleContext) -> bool:
    """A member expelled or suspended from a body and named only by a common noun ("the
    veteran MP was expelled from Labour", "a councillor was suspended from the party") is a
    member of that body, of its state: the target is that unnamed member."""
    if args.targets or EXPULSION_RULE not in args.rules or not args.sources:
        return False
    args.targets, args.target_tokens = _unnamed_member_of(args.sources[0], args.target_tokens)
    return bool(args.targets)


@argument_rule("unnamed-member-leaving-the-party", plover="3.13", types={"SANCTION"})
def _unnamed_member_leaving(args: Arguments, ctx: ArticleContext) -> bool:
    """A member leaving its party and named only by a common noun ("the veteran MP resigned
    from the Labour party") is a member of that party, of its state: the source is that
    unnamed member."""
    if args.sources or LEAVING_RULE not in args.rules or not args.targets:
        return False
    args.sources, args.source_tokens = _unnamed_member_of(args.targets[0], args.source_tokens)
    return bool(args.sources)


def _unnamed_member_of(body: ActorRef, tokens: list[Token]) -> tuple[list[ActorRef], list[Token]]:
    """The first member named by a common noun among ``tokens``, as a person of ``body``'s
    state and sector, and its token; none when no such noun is there."""
    members = _member_words(tokens)[:1]
    return ([ActorRef(name=None, country=body.country, sector=body.sector, text=_phrase(m),
                      kind="person") for m in members], members)


def _member_words(tokens: list[Token]) -> list[Token]:
    """The tokens that name a member by a common noun ("MP", "councillor", "peers")."""
    nouns = coding_words().member_nouns
    return [t for t in tokens if t.pos_ in {"NOUN", "PROPN"} and (t.lemma_.lower() in nouns
                                                      or t.lower_ in nouns)]


def _phrase(noun: Token) -> str:
    """The words of a noun's phrase up to the noun ("the veteran MP")."""
    return noun.doc[noun.left_edge.i:noun.i + 1].text


@argument_rule("leaving-a-party-is-withdrawal", plover="3.13",
               types={"RETREAT", "CONCEDE", "SANCTION"}, step="recode")
def _leaving_a_party(args: Arguments, ctx: ArticleContext) -> bool:
    """A member quitting or leaving its party is SANCTION withdraw, member to party."""
    # "Mr Kilroy-Silk QUIT UKIP", "resigned THE LABOUR WHIP", "defected FROM the Jubilee
    # party": not a resignation from an office (RETREAT resign), nor, in the future ("will
    # quit the party"), a concession. No party: RETREAT stays, our leaving rules are dropped.
    frame = args.frame
    verb = _leaving_verb(frame)
    if verb is None:
        return False
    party = _left_party(ctx, verb)
    if party is None:
        # a party the knowledge base lacks was already placed in the member's state
        args.dropped = UNKNOWN_PARTY_RULE not in args.rules and (
            frame.trigger.rule.type == "SANCTION" and frame.trigger.rule.mode == "withdraw")
        return args.dropped
    frame.type, frame.mode, frame.announced = "SANCTION", "withdraw", False
    args.sources = [s for s in args.sources if not same_actor(s, party)]
    args.targets = [party]
    return True


def _leaving_verb(frame: Frame) -> Token | None:
    """The frame's verb where it is one of leaving ("quit", "left", "defected")."""
    verb = frame.trigger.verb
    if verb is None or verb.lemma_.lower() not in coding_words().leaving_verbs:
        return None
    return verb


def _left_party(ctx: ArticleContext, verb: Token) -> ActorRef | None:
    """The party a member leaves: the verb's object, the body it leaves FROM, or the owner of
    the whip or membership it gives up ("the UKIP whip", "her membership OF the SNP")."""
    return _party_among(ctx, _left_bodies(verb))


def _left_bodies(verb: Token) -> list[Token]:
    """The words for what a member leaves: objects, from-phrases, a given-up whip's owner."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    given_up = [o for o in objects if o.lemma_.lower() in coding_words().membership_objects]
    owners = [c for o in given_up for c in o.children if c.dep_ in {"poss", "compound", "amod"}]
    owners += [p for o in given_up for p in prep_objects(o, ("of",))]
    return [*objects, *prep_objects(verb, ("from",)), *owners]


@argument_rule("unknown-party-left-is-the-members-own", plover="3.13",
               types={"RETREAT", "CONCEDE", "SANCTION"}, step="recode")
def _unknown_party_left(args: Arguments, ctx: ArticleContext) -> bool:
    """A member leaving a party the knowledge base lacks leaves a party of its own state."""
    # "The Australian senator quit the Liberal PARTY", "left the Conservative CAUCUS": the
    # resolver gives no actor (or one of another state's namesake parties is not read here:
    # only a phrase no actor holds counts), yet it is the member's party, of the member's state.
    frame = args.frame
    verb = _leaving_verb(frame)
    if verb is None:
        return False
    words = coding_words()
    bodies = _left_bodies(verb)
    party = next((t for t in bodies if t.lemma_.lower() in words.party_nouns
                  and not ctx.actors([t])), None)
    member = next((s for s in args.sources if s.country), None)
    if party is None or member is None or _party_among(ctx, bodies) is not None:
        return False
    frame.type, frame.mode, frame.announced = "SANCTION", "withdraw", False
    args.targets = [ActorRef(name=None, country=member.country, sector="PTY",
                             text=_phrase(party), kind="organisation")]
    args.target_tokens, args.target_settled = [party], True
    return True


@argument_rule("leaving-private-life-is-no-event", plover="SPEC §4", types={"RETREAT"})
def _leaving_private_life(args: Arguments, ctx: ArticleContext) -> bool:
    """Quitting a firm, a show, a band or a habit is no resignation from office: no event."""
    # "quit her weekend SHOW", "resigned as a partner in a law FIRM", "quit SMOKING": what is
    # left is the verb's object, its from- or as-phrase, with their own of/in/at phrases.
    verb = args.frame.trigger.verb
    if verb is None or args.frame.mode != "resign":
        return False
    left = [c for c in verb.children if c.dep_ in {"dobj", "xcomp"}]
    left += prep_objects(verb, ("from", "as"))
    args.dropped = any(_is_a_habit(t) for t in left) or any(
        _names_private_life(t, ctx) for t in left)
    return args.dropped


def _is_a_habit(token: Token) -> bool:
    """ "quit SMOKING", "quit RUNNING": a bare -ing form (no article, no owner) is a habit."""
    bare = not any(c.dep_ in {"det", "poss"} for c in token.children)
    return bare and token.lower_.endswith("ing") and (
        token.tag_ == "VBG" or token.pos_ == "NOUN")


def _names_private_life(phrase: Token, ctx: ArticleContext) -> bool:
    """Whether a phrase left names a post of private life and no public body."""
    words = list(phrase.subtree)
    # the word itself, whatever its tag: the parser reads "music SHOW CD:UK" as a verb
    posts = coding_words().private_posts
    if not any(t.lemma_.lower() in posts or t.lower_ in posts for t in words):
        return False
    # a public body in the phrase makes it a public post ("the Danish parliament's finance
    # committee"); a state's name does not ("the UK's biggest bank", "show CD:UK")
    official = coding_words().official_sectors | coding_words().membership_sectors
    return not any(a.sector in official and a.kind != "state" for a in ctx.actors(words))


def _party_among(ctx: ArticleContext, tokens: list[Token],
                 sectors: frozenset[str] | None = None) -> ActorRef | None:
    """The first actor of ``tokens`` that is a party (a sector of ``membership_sectors``, or
    of ``sectors``)."""
    sectors = sectors or coding_words().membership_sectors
    return next((a for a in ctx.actors(tokens) if a.sector in sectors), None)


def _members_of_a_passive_whip(args: Arguments, ctx: ArticleContext,
                               verb: Token) -> list[ActorRef]:
    """ "The whip was withdrawn FROM 21 MPs": the passive's subject is the membership, and
    the members are in the from-phrase."""
    objects = coding_words().membership_objects
    if not any(t.lemma_.lower() in objects for t in args.target_tokens):
        return []
    return ctx.actors(prep_objects(verb, ("from",)))


def _expelling_party(args: Arguments, ctx: ArticleContext, verb: Token) -> ActorRef | None:
    """The party or chamber on the expelling side: the subject or agent, the body a member is
    expelled FROM (or thrown OUT OF), or the owner of the whip taken away."""
    sectors = coding_words().expelling_sectors
    party = next((a for a in args.sources if a.sector in sectors), None)
    bodies = prep_objects(verb, ("from", "of"))
    whips = [t for t in (*verb.children, *bodies) if t.lemma_.lower()
             in coding_words().membership_objects]
    owners = [c for w in whips for c in w.children if c.dep_ in {"poss", "compound", "amod"}]
    return party or _party_among(ctx, [*bodies, *owners], sectors)


def _membership_rule(rule: TriggerRule) -> bool:
    """Whether the trigger's lexicon rule is one of the membership rules (a suspension of an
    actor, the whip taken away), which mean nothing without a party."""
    words = coding_words()
    return rule.type == "SANCTION" and rule.mode == "expel" and (
        rule.object_is_actor or bool(set(rule.object) & words.membership_objects))
