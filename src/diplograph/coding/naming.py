"""Verbs of naming and asking read as the act their lexicon rule names (issue 16, stop 20).

"Called him a 'giant'" is no phone call, "called Labour 'a machine FOR talking'" no call
for anything, "dismissed the Conservatives AS a fading force" no refusal, and "asked Mr
Finegold IF he is ..." no request: the words are about someone, not an act done to them.
Naming an actor with a verdict is disapproval (PLOVER 3.9, ACCUSE disapprove), as the
structure trigger ``verdict-given-by-naming`` codes the naming of an actor's act; naming
without a verdict and a question are no event (SPEC §4: plain comments are not events).

These rules need the actors (whether the named thing IS an actor), so they run with the
argument rules; the words are in ``data/lexicon/coding.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.rules import argument_rule
from diplograph.coding.structure_triggers import praise_without_verdict
from diplograph.coding.triggers import subject_owners
from diplograph.knowledge.coding_words import coding_words, structure_words

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments


@argument_rule("naming-is-no-call", plover="3.9", types={"CONSULT", "REQUEST"},
               step="recode")
def _naming_is_no_call(args: Arguments, ctx: ArticleContext) -> bool:
    """ "Called X a Y" names X: no phone call nor appeal; with a verdict, disapproval of X."""
    # "called Russia a MALIGN ACTOR" is ACCUSE disapprove; "called him a GIANT" no event.
    verb = args.frame.trigger.verb
    if verb is None or verb is not args.frame.trigger.token or not _lemma_in(
            verb, structure_words().naming_verbs):
        return False
    named = _named_objects(verb)
    names = [n for obj in named for n in _names_of(verb, obj)]
    if not names:
        return False
    return _verdict_on_named_actor(args, ctx, _named_actors(named, ctx), names)


@argument_rule("dismissing-an-actor-is-disapproval", plover="3.9", types={"REJECT"},
               step="recode")
def _dismissing_an_actor(args: Arguments, ctx: ArticleContext) -> bool:
    """ "Dismissed X AS Y", X an actor, is disapproval of X; dismissing a claim stays REJECT."""
    # "dismissed the Conservatives as a fading force"; "dismissed the British REPORT as
    # propaganda" rejects a claim (the report is no actor, only its owner is).
    verb = args.frame.trigger.verb
    if verb is None or not _lemma_in(verb, coding_words().dismissal_verbs):
        return False
    actors = [o for o in _named_objects(verb) if o.i in ctx.by_token]
    if not actors or not _names_of(verb, actors[0]):
        return False
    return _recode_as_disapproval(args, ctx, actors)


@argument_rule("dismissing-an-actors-conduct-is-disapproval", plover="3.9", types={"REJECT"},
               step="recode")
def _dismissing_an_actors_conduct(args: Arguments, ctx: ArticleContext) -> bool:
    """ "Dismissed X's PLAN AS Y" judges the plan's owner: disapproval of X (the Tories
    "dismissed Labour's maternity pay plan as desperate"). An offer, a proposal or a claim
    dismissed is refused, and stays REJECT; a thing no actor owns gives no target here."""
    verb = args.frame.trigger.verb
    if verb is None or not _lemma_in(verb, coding_words().dismissal_verbs):
        return False
    conduct = [o for o in _named_objects(verb)
               if o.lemma_.lower() in coding_words().dismissed_conduct and _names_of(verb, o)]
    owners = [o for obj in conduct for o in subject_owners(obj) if o is not obj
              and ctx.actors([o])]
    return bool(owners) and _recode_as_disapproval(args, ctx, owners)


@argument_rule("dismissing-an-actors-act-with-a-verdict-is-disapproval", plover="3.9",
               types={"REJECT"}, step="recode")
def _dismissing_an_actors_act_with_a_verdict(args: Arguments, ctx: ArticleContext) -> bool:
    """ "Dismissed X's ELECTION as A FARCE": any act an actor owns, dismissed as a verdict or
    an insult, is disapproval of the actor, as naming it so is (verdict-given-by-naming). What
    is put to the speaker or a claim (coding.yaml ``refused_things``: an offer, an appeal, a
    report) is refused whatever it is called, and stays REJECT."""
    verb = args.frame.trigger.verb
    if verb is None or not _lemma_in(verb, coding_words().dismissal_verbs):
        return False
    judged = [o for o in _named_objects(verb)
              if o.lemma_.lower() not in coding_words().refused_things
              and any(_is_verdict(n) for n in _names_of(verb, o))]
    owners = [o for obj in judged for o in subject_owners(obj) if o is not obj
              and ctx.actors([o])]
    return bool(owners) and _recode_as_disapproval(args, ctx, owners)


@argument_rule("question-is-no-request", plover="3.6", types={"REQUEST"})
def _question_is_no_request(args: Arguments, ctx: ArticleContext) -> bool:
    """ "Asked X IF / WHETHER ..." is a question, not a request: no event."""
    # "asked Uganda whether its troops had crossed the border"; "asked Turkey TO release"
    # (an infinitive) stays a request.
    verb = args.frame.trigger.verb
    if verb is None or not _lemma_in(verb, coding_words().asking_verbs):
        return False
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    args.dropped = any(m.dep_ == "mark" and m.lower_ in coding_words().question_marks
                       for c in verb.children if c.dep_ in ("ccomp", "advcl")
                       for m in c.children)
    return args.dropped


def _verdict_on_named_actor(args: Arguments, ctx: ArticleContext, actors: list[Token],
                            names: list[Token]) -> bool:
    """Naming an actor with a verdict is disapproval, with praise support ("called Chile A
    TRUE FRIEND", PLOVER 3.3, as praise-given-by-naming reads it); any other naming is no
    event."""
    if actors and any(_is_verdict(n) for n in names):
        return _recode_as_disapproval(args, ctx, actors)
    if actors and praise_without_verdict(names, structure_words()):
        args.frame.type, args.frame.mode = "SUPPORT", None
        args.targets, args.target_tokens = ctx.actors(actors), actors
        return True
    args.dropped = True
    return True


def _recode_as_disapproval(args: Arguments, ctx: ArticleContext, named: list[Token]) -> bool:
    args.frame.type, args.frame.mode = "ACCUSE", "disapprove"
    args.targets, args.target_tokens = ctx.actors(named), named
    return True


def _named_actors(objects: list[Token], ctx: ArticleContext) -> list[Token]:
    """The actors named: the object itself ("called RUSSIA a ..."), else its owner ("called
    the TURKISH strikes a violation"), as verdict-given-by-naming reads it."""
    return [o for obj in objects
            for o in ([obj] if obj.i in ctx.by_token else subject_owners(obj))
            if ctx.actors([o])]


def _named_objects(verb: Token) -> list[Token]:
    """The object named; with two object predicates and no object ("called Labour "a
    machine ..."": the parser's reading of a quoted name), the first; with one and no object,
    the name glued into it."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    if objects:
        return objects
    if len(predicates) > 1 or predicates and _name_under(predicates[0]):
        return predicates[:1]
    return [name for predicate in predicates for name in _glued_name(predicate)]


def _name_under(predicate: Token) -> list[Token]:
    """The name the parser hangs under a lone object predicate as its object ("called the
    Belarusian VOTE A SHAM": "vote" read as the predicate, "sham" as its object)."""
    return [c for c in predicate.children if c.dep_ == "dobj"] if predicate.dep_ == "oprd" else []


def _glued_name(predicate: Token) -> list[Token]:
    """The object the parser glued into a lone predicate as its compound ("calling MR BROWN
    reckless": Brown a compound of "reckless", no object): the name nearest the predicate."""
    return [c for c in predicate.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"][-1:]


def _names_of(verb: Token, obj: Token) -> list[Token]:
    """What the object is called: an object predicate ("called it A JUNTA", parsed as
    ``oprd``, ``xcomp`` or the object's apposition) or an "as" phrase ("dismissed X AS
    irrelevant")."""
    names = [c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c is not obj
             and not _purpose_infinitive(c)]
    names += [c for c in obj.children if c.dep_ == "appos"] + _name_under(obj)
    return names + [w for p in (*verb.children, *obj.children)
                    if p.dep_ == "prep" and p.lower_ == "as" for w in p.children]


def _purpose_infinitive(clause: Token) -> bool:
    """ "called Putin TO DISCUSS the war": an infinitive verb says why the call was made, it
    names nothing (the parser reads it as an ``xcomp``, as it does "called him A LIAR")."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in clause.children)


def _is_verdict(name: Token) -> bool:
    """A name that is a verdict: it, or a word modifying it, is a verdict or an insult
    ("a MALIGN actor", "a ROGUE state", "a LIAR")."""
    words = structure_words().verdict_words | coding_words().insult_words
    return any(w.lemma_.lower() in words or w.lower_ in words
               for w in (name, *name.children) if w.dep_ not in ("prep", "relcl", "acl")
               or w is name)


def _lemma_in(verb: Token, lemmas: frozenset[str]) -> bool:
    return verb.lemma_.lower() in lemmas
