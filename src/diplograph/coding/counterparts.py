"""Which phrase may give an act its counterpart: the argument rules of argument selection.

The parse hands each frame argument tokens, and the article context reads an actor off
each token's phrase, breadth first. That search may reach past the phrase's own words,
into a place, a topic or a medium the phrase only mentions: "resigned from the cabinet
OVER the Iraq war" gives Iraq, "said IN AN INTERVIEW with The Times" the paper. The rules
here keep the counterpart to the phrase that receives the act (dependency arcs, not word
windows), and take away targets the text does not give (the people of a state as the
receiver of an apology). Word lists: ``data/lexicon/counterparts.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.actors.in_article import ArticleContext, same_actor
from diplograph.coding.rules import argument_rule
from diplograph.coding.triggers import OBJECT_DEPS
from diplograph.knowledge.coding_words import read_lexicon, word_lists
from diplograph.records import ActorRef

if TYPE_CHECKING:
    from diplograph.coding.arguments import Arguments

_LISTS = ("topic_words", "criticism_topic_words", "topic_heads", "venue_nouns", "scene_words",
          "peer_nouns", "medium_nouns", "medium_sectors", "spoken_concessions",
          "sectors_without_public_power",
          "official_plurals", "affiliation_preps", "affiliation_participles", "dispute_nouns",
          "dispute_matter_words", "record_frames", "fact_claim_verbs", "fact_auxiliaries",
          "deontic_verbs", "hope_words", "rally_verbs",
          "rallied_supporters", "routed_things", "route_preps",
          "owner_pronouns")
_TYPES = ("counterpart_types", "verdict_types")
# Arcs of an owner inside a phrase: "LABOUR's spending plans", "EU asylum moves".
_OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
# Arcs of the words before a noun that name what it is about: "the BLUNKETT affair".
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})


@dataclass(frozen=True, slots=True)
class CounterpartWords:
    """The lists of ``counterparts.yaml``; see the comments there."""

    topic_words: frozenset[str]
    criticism_topic_words: frozenset[str]
    topic_heads: frozenset[str]
    venue_nouns: frozenset[str]
    peer_nouns: frozenset[str]
    scene_words: frozenset[str]
    medium_nouns: frozenset[str]
    medium_sectors: frozenset[str]
    spoken_concessions: frozenset[str]
    sectors_without_public_power: frozenset[str]
    official_plurals: frozenset[str]
    affiliation_preps: frozenset[str]
    affiliation_participles: frozenset[str]
    dispute_nouns: frozenset[str]
    dispute_matter_words: frozenset[str]
    record_frames: frozenset[str]
    fact_claim_verbs: frozenset[str]
    fact_auxiliaries: frozenset[str]
    deontic_verbs: frozenset[str]
    hope_words: frozenset[str]
    rally_verbs: frozenset[str]
    rallied_supporters: frozenset[str]
    routed_things: frozenset[str]
    route_preps: frozenset[str]
    owner_pronouns: frozenset[str]
    counterpart_types: frozenset[str]
    verdict_types: frozenset[str]


@functools.cache
def counterpart_words() -> CounterpartWords:
    """The packaged ``counterparts.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing or names a type that is not PLOVER.
    """
    data = read_lexicon("counterparts.yaml")
    return CounterpartWords(**word_lists("counterparts.yaml", data, _LISTS, _TYPES))


# ------------------------------------------------------------------ which arcs lead off
def _leads_off(word: Token, kind: str) -> bool:
    """Whether the phrase ``word`` heads (a preposition or participle inside an argument)
    is a topic, a venue or a medium of an act of type ``kind``, not its receiver."""
    words = counterpart_words()
    if word.dep_ not in {"prep", "acl"} or kind not in words.counterpart_types:
        return False
    lower, head = word.lower_, word.head.lemma_.lower()
    if lower in words.topic_words:
        return not (kind == "ACCUSE" and lower in words.criticism_topic_words)
    if lower == "on":
        return head in words.topic_heads
    if lower in words.route_preps and kind in words.verdict_types and _on_a_route(word):
        return True  # "Norway's aid TO Ethiopia": the route, not the owner
    # "their first meeting of the year AT WESTMINSTER": the venue may be further up.
    venue = any(w.lemma_.lower() in words.venue_nouns for w in word.ancestors if w.pos_ == "NOUN")
    # "met his EU COUNTERPARTS in Luxembourg": where peers met, not whose they are
    venue = venue or head in words.peer_nouns
    return head in words.medium_nouns or (lower in words.scene_words and venue)


def _on_a_route(prep: Token) -> bool:
    """Whether a route preposition opens the route of a routed thing ("aid TO Ethiopia"), or
    goes on from such a route the parse hangs from the verb ("the pipeline from Russia TO
    Germany")."""
    words = counterpart_words()
    if prep.head.lemma_.lower() in words.routed_things:
        return True
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    return before.dep_ == "pobj" and before.head.lower_ in words.route_preps and (
        before.head.head.lemma_.lower() in words.routed_things)


def is_affiliation(prep: Token) -> bool:
    """Whether ``prep`` opens the speaker's side, set off between a subject and its verb
    ("Oliver Letwin, FOR the Tories, attacked ...")."""
    if prep.dep_ != "prep" or prep.lower_ not in counterpart_words().affiliation_preps:
        return False
    head = prep.head
    if head.dep_ in {"nsubj", "nsubjpass"}:  # the parse may hang it from the subject
        return head.i < prep.i < head.head.i
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return head.pos_ in {"VERB", "AUX"} and any(s.i < prep.i < head.i for s in subjects)


def _off_heads(token: Token, kind: str) -> list[Token]:
    """The topic, scene and medium arcs inside ``token``'s phrase."""
    return [w for w in token.subtree if w is not token and _leads_off(w, kind)]


def read_off_its_phrase(actor: ActorRef, token: Token, kind: str) -> bool:
    """Whether ``actor`` was read from a topic, scene or medium inside ``token``'s phrase
    ("the cabinet OVER THE IRAQ WAR") rather than from the phrase's own words."""
    heads = _off_heads(token, kind)
    if not actor.text or not heads:
        return False
    off = {w.i for head in heads for w in head.subtree}
    own = "".join(w.text_with_ws for w in token.subtree if w.i not in off)
    off_text = " | ".join(token.doc[h.left_edge.i:h.right_edge.i + 1].text for h in heads)
    return actor.text in off_text and actor.text not in own


def is_off_phrase(token: Token, kind: str) -> bool:
    """Whether an argument token is itself the object of a topic, scene or medium arc
    ("resigned OVER the war", "said IN an INTERVIEW")."""
    words = counterpart_words()
    head = token.head
    if token.dep_ == "pobj" and is_affiliation(head):
        return True
    # "critical OF Iran's nuclear PROGRAMME": a thing of an actor, not the medium of an act
    return (token.dep_ in {"pobj", "pcomp"} and _leads_off(head, kind)) or (
        kind in words.counterpart_types and token.lemma_.lower() in words.medium_nouns
        and token.dep_ in {"pobj", "pcomp"} and head.lower_ != "of")


def counterparts(tokens: list[Token], ctx: ArticleContext, kind: str,
                 exclude: list[ActorRef]) -> tuple[list[ActorRef], list[Token]]:
    """The actors of ``tokens`` that receive an act of type ``kind``, each read off its
    phrase's own words, and the tokens they came from; none of ``exclude``."""
    found: list[ActorRef] = []
    sources: list[Token] = []
    for token in tokens:
        if is_off_phrase(token, kind):
            continue
        for actor in ctx.actors([token]):
            if read_off_its_phrase(actor, token, kind) or any(
                    same_actor(actor, other) for other in (*exclude, *found)):
                continue
            found.append(actor)
            sources.append(token)
    return found, sources


# ------------------------------------------------------------------ the rules
@argument_rule("topic-or-scene-inside-a-phrase", plover="2.4")
def _topic_or_scene_inside_a_phrase(args: Arguments, ctx: ArticleContext) -> bool:
    """A target read off a topic, place or medium inside its phrase is no counterpart
    ("criticised its record ON THE NHS", "met him during the summit IN BRAZIL")."""
    kind = args.frame.type
    off = [t for t in args.targets for token in args.target_tokens
           if (is_off_phrase(token, kind) or read_off_its_phrase(t, token, kind))
           and any(same_actor(t, a) for a in ctx.actors([token]))]
    if not off:
        return False
    args.targets = [t for t in args.targets if t not in off]
    return True


def _opens_a_matter(word: Token) -> bool:
    """Whether ``word`` opens the matter of a dispute noun ("the row OVER ...", "the affair
    INVOLVING ...", "the BLUNKETT affair", "the CHINESE spy row") or the frame of a record
    ("the longest growth IN Brazil's history")."""
    words = counterpart_words()
    if word.dep_ in _MODIFIER_DEPS:
        node = word
        while node.dep_ in _MODIFIER_DEPS and node.head is not node:
            node = node.head
        return node.lemma_.lower() in words.dispute_nouns
    if word.dep_ not in {"prep", "acl"}:
        return False
    if word.lower_ in words.dispute_matter_words:
        # "attacked the handling of the row OVER X": the parse may hang the matter from the verb
        before = word.doc[word.i - 1] if word.i > 0 else word
        return (word.head.lemma_.lower() in words.dispute_nouns
                or before.lemma_.lower() in words.dispute_nouns)
    return word.lower_ in words.scene_words and any(
        c.dep_ == "pobj" and c.lemma_.lower() in words.record_frames for c in word.children)


def read_off_a_matter(actor: ActorRef, token: Token) -> bool:
    """Whether ``actor`` was read from the matter of a dispute or the frame of a record
    inside ``token``'s phrase, not from the phrase's own words."""
    if (token.dep_ in {"pobj", "pcomp"} and _opens_a_matter(token.head)) or (
            token.dep_ in _MODIFIER_DEPS and _opens_a_matter(token)):
        return True  # the argument is itself the matter: "the row over THE AMBASSADOR"
    heads = [w for w in token.subtree if w is not token and _opens_a_matter(w)]
    if not actor.text or not heads:
        return False
    off = {w.i for head in heads for w in head.subtree}
    own = "".join(w.text_with_ws for w in token.subtree if w.i not in off)
    off_text = " | ".join(token.doc[h.left_edge.i:h.right_edge.i + 1].text for h in heads)
    # "THE Blunkett affair": the mention's article belongs to the dispute noun
    first, _, rest = actor.text.partition(" ")
    name = rest if rest and first.lower() in {"the", "a", "an"} else actor.text
    return name in off_text and name not in own


@argument_rule("matter-of-a-dispute-is-no-counterpart", plover="2.4")
def _matter_of_a_dispute(args: Arguments, ctx: ArticleContext) -> bool:
    """Who a dispute is about, or whose history frames a record, receives no act on it:
    "called for an end to the BLUNKETT affair", "urged MPs to end the CHINESE spy row",
    "attacked the handling of the row over THE FRENCH AMBASSADOR" (even criticism: the
    matter is the dispute's, not the act's), "hailed the longest growth in BRAZIL'S history".
    The owner of an act or a thing criticised stays ("criticised RUSSIA's decision")."""
    if args.frame.type not in counterpart_words().counterpart_types:
        return False
    off = [t for t in args.targets for token in args.target_tokens
           if read_off_a_matter(t, token) and any(same_actor(t, a) for a in ctx.actors([token]))]
    if not off:
        return False
    args.targets = [t for t in args.targets if t not in off]
    return True


@argument_rule("claim-of-fact-has-no-receiver", plover="2.4", types={"REQUEST"})
def _claim_of_fact(args: Arguments, ctx: ArticleContext) -> bool:
    """ "Insisted" with a clause of fact states a claim about the clause's subject, no demand
    on it: "insisted that MR PUTIN had made the remarks in jest", "insisted THE EU's rules
    still applied" are no event. A demand keeps its target: "insisted that Russia MUST
    withdraw", "insisted that Mali's junta HOLD elections"."""
    trigger = args.frame.trigger
    verb = trigger.verb
    if verb is None or verb is not trigger.token or not args.target_tokens or (
            verb.lemma_.lower() not in counterpart_words().fact_claim_verbs):
        return False
    subjects = {w.i for clause in verb.children if clause.dep_ == "ccomp" and states_a_fact(clause)
                for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"} for w in s.subtree}
    args.dropped = bool(subjects) and all(t.i in subjects for t in args.target_tokens)
    return args.dropped


def states_a_fact(clause: Token) -> bool:
    """A clause in the indicative: a past or -s present verb, or a perfect, progressive,
    passive or do-support auxiliary, and no modal or verb of need ("had made", "applied",
    "was private", "does not know"; not "must withdraw", "hold elections", "needs tax cuts",
    "had to stop")."""
    words = counterpart_words()
    lemma = clause.lemma_.lower()
    if any(c.tag_ == "MD" for c in clause.children) or lemma in words.deontic_verbs or (
            lemma == "have" and any(c.dep_ == "xcomp" for c in clause.children)):
        return False  # "must withdraw", "UK NEEDS tax cuts", "Iran HAD TO stop"
    auxiliaries = words.fact_auxiliaries
    return clause.tag_ in {"VBD", "VBZ"} or any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in auxiliaries for c in clause.children)


@argument_rule("hoped-act-is-no-act", plover="SPEC §4")
def _hoped_act_is_no_act(args: Arguments, ctx: ArticleContext) -> bool:
    """An act someone only hopes or wishes ANOTHER will do is no act of either, and its
    receiver is not in the text: "Kyiv HOPES Russia will release the prisoners", "I hope the
    government will release ME", "expressed HOPE that North Korea would return them" are no
    event. A hope of one's own act ("hopes TO meet Xi": intent) is not this rule's."""
    trigger = args.frame.trigger
    args.dropped = _hoped_clause(trigger.verb or trigger.token)
    return args.dropped


def _hoped_clause(word: Token) -> bool:
    """Whether ``word`` heads (or is joined to) a clause with its own subject that is what a
    hope word hopes: the content clause of "hope", "wish", "pray", "hopeful", or of the noun
    "hope" ("in the hope that ...")."""
    while word.dep_ == "conj" and word.head is not word:
        word = word.head  # "act upon this, scrap the law and RELEASE me"
    if word.dep_ not in {"ccomp", "acl"} or not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in word.children):
        return False
    return word.head.lower_ in counterpart_words().hope_words


@argument_rule("rallying-supporters-is-no-protest", plover="3.12", types={"PROTEST"})
def _rallying_supporters(args: Arguments, ctx: ArticleContext) -> bool:
    """To rally one's voters or supporters is to stir them, no demonstration, and no
    government receives it: "the Chancellor RALLIES LABOUR VOTERS", "rallied party supporters at
    a dinner" are no PROTEST (the state's government as its target would be made up).
    Protesters who rally ("rallied outside parliament") stay."""
    word, words = args.frame.trigger.token, counterpart_words()
    if word.lemma_.lower() not in words.rally_verbs:
        return False
    # the next nouns, up to the first verb or punctuation ("rallies LABOUR VOTERS"): the
    # parse may hang a headline's object from the next sentence's subject
    following = []
    for after in word.doc[word.i + 1:word.i + 4]:
        if after.pos_ in {"VERB", "AUX", "PUNCT", "ADP"}:
            break
        following.append(after)
    args.dropped = any(t.lemma_.lower() in words.rallied_supporters for t in following)
    return args.dropped


@argument_rule("officials-of-two-states", plover="2.4.2")
def _officials_of_two_states(args: Arguments, ctx: ArticleContext) -> bool:
    """The officials "of X and Y" doing a joint act stand for both: "the leaders OF INDIA AND
    PAKISTAN met" is India with Pakistan."""
    plurals = counterpart_words().official_plurals
    if not args.joint or len(args.sources) > 1:
        return False
    holders = [t for t in args.source_tokens
               if t.lemma_.lower() in plurals and t.tag_ in {"NNS", "NNPS"}]
    states = [s for t in holders for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" for s in (o, *o.conjuncts)]
    actors = ctx.actors(states)
    if len(actors) < 2:
        return False
    args.sources, args.source_tokens = actors, states
    return True


@argument_rule("owner-of-a-pledged-thing", plover="3.1", types={"AGREE"})
def _owner_of_a_pledged_thing(args: Arguments, ctx: ArticleContext) -> bool:
    """The owner of what a pledged act acts on, of the pledger's own state, is no counterpart:
    "the Tories pledged to cut LABOUR's spending plans" is domestic policy."""
    countries = {s.country for s in args.sources if s.country}
    if not args.targets or not countries or any(t.country not in countries for t in args.targets):
        return False
    trigger = args.frame.trigger
    own_words = {trigger.token.i} | ({trigger.verb.i} if trigger.verb is not None else set())
    # Only the pledged act's thing: "accepted Mr Blair's PROMISE" names the counterpart.
    embedded = [t for t in args.target_tokens
                if (t.head if t.dep_ in _OWNER_DEPS else t).head.i not in own_words]
    if not embedded or not all(any(_owner_of(target, token) for token in embedded)
                               for target in args.targets):
        return False
    args.targets, args.target_tokens = [], []
    return True


def _owner_of(actor: ActorRef, token: Token) -> bool:
    """Whether ``actor`` is the owner in an object phrase, not the object itself: the token
    is the owner ("LABOUR's plans") or the actor's words are in its owner ("cut Labour's
    PLANS")."""
    if token.dep_ in _OWNER_DEPS and token.head.dep_ in OBJECT_DEPS:
        return True
    if token.dep_ not in OBJECT_DEPS or not actor.text:
        return False
    owners = " ".join(token.doc[c.left_edge.i:c.i + 1].text for c in token.children
                      if c.dep_ in _OWNER_DEPS)
    return actor.text in owners and actor.text not in token.text


@argument_rule("interview-is-no-meeting", plover="3.2", types={"CONSULT"})
def _interview_is_no_meeting(args: Arguments, ctx: ArticleContext) -> bool:
    """Talking to a newspaper or a reporter ("speaking TO THE WASHINGTON POST") is an
    interview, not a meeting: no event."""
    media = counterpart_words().medium_sectors
    args.dropped = bool(args.targets) and all(t.sector in media for t in args.targets)
    return args.dropped


@argument_rule("people-are-no-party-to-words", plover="3.15")
def _people_are_no_party_to_words(args: Arguments, ctx: ArticleContext) -> bool:
    """The people of a state, inferred as the target, receive no apology to no one, no
    admission, and no arrest or easing by someone without public power (an opposition MP)."""
    if "argument/domestic-target" not in args.rules:
        return False
    words = counterpart_words()
    word = args.frame.trigger.token
    # "apologised TO THE FAMILY": an addressee the resolver does not place stays the people.
    addressed = any(c.dep_ in {"prep", "dative"} and c.lower_ == "to" for c in word.children)
    # "expressed REGRET": the concession word may be the object of the trigger's verb rule
    said = {word.lemma_.lower(), *args.frame.trigger.rule.object}
    spoken = bool(said & words.spoken_concessions) and not addressed
    powerless = args.frame.type != "PROTEST" and bool(args.sources) and all(
        s.sector in words.sectors_without_public_power for s in args.sources)
    if not (spoken or powerless):
        return False
    args.targets, args.target_tokens = [], []
    return True
