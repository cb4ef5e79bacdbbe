"""Source and target of a frame: the argument tokens, their actors, and the repairs.

The parse gives a frame's argument tokens (the subject, the object or a
preposition's object; ``triggers``) and the article context turns them into
actors. Then every argument rule runs, in its pinned order: rules fill a missing
side (the scene of a protest, the subject of a threat's condition, the
country of a domestic act), split joint subjects, leave out the scene of a
domestic event, or drop a frame that cannot be an event (no actor, a meeting with
no counterpart). Each rule that fires is named in the event's ``rules``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from diplograph.coding import (  # noqa: F401 (they register)
    antecedents,
    campaign_rallies,
    coordination,
    criticism,
    membership,
    naming,
    party_voice,
    place_targets,
    published_texts,
    request_addressee,
    sanctioned_goods,
    scene_of_words,
    state_passives,
    third_country,
    verb_senses,
)
from diplograph.coding.actors.in_article import ArticleContext, same_actor
from diplograph.coding.counterparts import counterparts
from diplograph.coding.frames import Frame
from diplograph.coding.place_targets import people_of_a_place
from diplograph.coding.rules import ARGUMENT, argument_rule
from diplograph.coding.triggers import (
    Trigger,
    direct_objects,
    fallback_target_tokens,
    hidden_passive_parts,
    noun_owners,
    passive_parts,
    prep_objects,
    subject_tokens,
    target_tokens,
)
from diplograph.knowledge.base import KnowledgeBase
from diplograph.knowledge.coding_words import coding_words
from diplograph.records import SYMMETRIC_TYPES, ActorRef

# Acts done with someone, never to a place: their place phrase is the scene ("talks in Geneva").
# (Force, coercion and its easing, or inspections, are done to places: "lifted a curfew in X".)
SCENE_ONLY_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
NOUN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT"})
SCENE_PREPS = frozenset({"in", "at", "during", "near", "inside"})
# Prepositions of what a meeting or a deal is about ("talks ON trade", "agreed OVER Iran").
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})
# Sectors of armed groups and forces: a "group" of these is no firm.
ARMED_SECTORS = frozenset({"REB", "MIL", "COP"})
# Words that date an act by another one: "DURING a visit", "FOLLOWING talks".
SCENE_TIME_WORDS = frozenset({"during", "after", "before", "following", "ahead", "at", "since"})


@dataclass(slots=True)
class Arguments:
    """The actors of one frame while the argument rules work on them."""

    frame: Frame
    source_tokens: list[Token]  # the words the sources were read from
    sources: list[ActorRef]
    targets: list[ActorRef]
    joint: bool  # an act the subjects do with each other ("X and Y signed a treaty")
    target_tokens: list[Token] = field(default_factory=list)  # the words targets came from
    dropped: bool = False  # a rule found that the frame is no event
    rules: list[str] = field(default_factory=list)  # names of the rules that fired
    target_settled: bool = False  # a rule fixed the target, even as none: no fallback


def frame_arguments(frame: Frame, ctx: ArticleContext) -> Arguments | None:
    """The source and target actors of ``frame``, after the argument rules.

    Args:
        frame: the frame, after recoding (a rule may recode it again).
        ctx: the article's actor context.

    Returns:
        The arguments, or None when a rule dropped the frame.
    """
    sources, targets = _argument_tokens(frame)
    joint = frame.type in SYMMETRIC_TYPES | coding_words().joint_types or frame.failed
    args = Arguments(frame=frame, source_tokens=sources, sources=ctx.actors(sources),
                     targets=ctx.actors(targets), joint=joint, target_tokens=targets)
    for rule in ARGUMENT.ordered():
        if rule.applies_to(frame.type) and rule.func(args, ctx):
            args.rules.append(rule.name)
            if args.dropped:
                return None
    return args


def _argument_tokens(frame: Frame) -> tuple[list[Token], list[Token]]:
    """The source and target tokens of a frame, from its trigger's parse."""
    trigger = frame.trigger
    verb = trigger.verb
    if verb is None:
        sources: list[Token] = []
    elif trigger.passive and verb is trigger.token:
        agents, patients = passive_parts(verb)
        return agents, patients or target_tokens(trigger) or frame.extra_targets
    else:
        sources = subject_tokens(verb)
    targets = target_tokens(trigger) or frame.extra_targets
    if trigger.token is not verb:
        # "talks BETWEEN Russia and Ukraine": the two sides of the noun
        between = [t for t in trigger.token.children if t.lemma_ == "between"]
        pair = [p for b in between for p in b.children if p.dep_ == "pobj"]
        if pair:
            sides = [pair[0], *pair[0].conjuncts]
            if not sources:
                return sides[:1], sides[1:]
            targets = targets or sides
    return sources, targets


# ------------------------------------------------------------------ filling a side
@argument_rule("nominal-event-own-actors", plover="diplograph")
def _nominal_event_own_actors(args: Arguments, ctx: ArticleContext) -> bool:
    """An event noun heading its clause names its own actors: "RUSSIA's attack on Ukraine"."""
    # "the talks BETWEEN IRAN AND the US ended", "the bombing BY THE TALIBAN killed 30".
    trigger = args.frame.trigger
    noun = trigger.token
    if noun is trigger.verb or (trigger.verb is not None and noun.dep_ not in NOUN_SUBJECT_DEPS):
        return False
    owners = noun_owners(noun, ctx.names_actor)
    # "the talks HELD BETWEEN Chile and Peru": the phrase may hang from the noun's participle
    carrier = [trigger.verb] if trigger.verb is not None and trigger.verb.head.i == noun.i else []
    between = [t for h in (noun, *carrier) for t in prep_objects(h, ("between", "among"))]
    if not owners and len(between) >= 2:
        owners = between[:1]
        args.targets = ctx.actors(between[1:]) or args.targets
    sources = ctx.actors(owners)
    if not sources:
        return False
    args.sources, args.source_tokens = sources, owners
    args.targets = [t for t in args.targets if not any(same_actor(t, s) for s in sources)]
    return True


@argument_rule("gerund-after-its-subject", plover="2.4")
def _gerund_after_its_subject(args: Arguments, ctx: ArticleContext) -> bool:
    """A gerund right after the object of a preposition does what that object names: "pointed
    to TEXAS suing the government", "overshadowed by UKRAINE suing Russia". The parser hangs
    the gerund from the verb, so the verb's own subject would be read as the doer."""
    verb = args.frame.trigger.verb
    if verb is None or verb != args.frame.trigger.token or not _gerund_of_a_prep_object(verb):
        return False
    doer = verb.doc[verb.i - 1]
    sources = [s for s in ctx.actors([doer])
               if not any(same_actor(s, t) for t in args.targets)]
    if not sources:
        return False
    args.sources, args.source_tokens = sources, [doer]
    return True


def _gerund_of_a_prep_object(verb: Token) -> bool:
    """A gerund with no subject of its own, hung from a verb (xcomp, advcl), whose word before
    is the object of a preposition of that same verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"xcomp", "advcl"} or verb.i == 0 \
            or any(c.dep_ in {"nsubj", "nsubjpass", "aux", "mark"} for c in verb.children):
        return False
    before = verb.doc[verb.i - 1]
    return before.dep_ == "pobj" and before.head.head == verb.head


@argument_rule("agent-of-a-passive-light-verb", plover="2.4")
def _agent_of_a_passive_light_verb(args: Arguments, ctx: ArticleContext) -> bool:
    """The agent of the light verb that carries an event noun is its source: "an offer was
    MADE to Seoul BY PYONGYANG", "a loan GRANTED to Egypt BY the IMF"."""
    trigger = args.frame.trigger
    if args.sources or trigger.verb is None or trigger.token is trigger.verb \
            or not trigger.passive:
        return False
    agents = prep_objects(trigger.verb, ("by",))
    sources = [s for s in ctx.actors(agents) if not any(same_actor(s, t) for t in args.targets)]
    if not sources:
        return False
    args.sources, args.source_tokens = sources, agents
    return True


@argument_rule("passive-the-parse-hides", plover="2.4")
def _passive_the_parse_hides(args: Arguments, ctx: ArticleContext) -> bool:
    """A passive the parse hides has its agent as source and what was done to as target:
    "three sailors were arrested and later RELEASED BY RUSSIA" (two acts of Russia on the
    sailors), "the Iranians RELEASED BY THE US were ..." (parsed as a clause)."""
    trigger = args.frame.trigger
    verb = trigger.verb
    parts = hidden_passive_parts(verb) if verb is trigger.token and verb is not None else None
    if parts is None:
        return False
    agents, patients = parts
    sources, targets = ctx.actors(agents), ctx.actors(patients)
    if not sources or (sources, targets) == (args.sources, args.targets):
        return False
    args.sources, args.source_tokens = sources, agents
    args.targets, args.target_tokens = targets, patients
    return True


@argument_rule("scene-event-takes-the-clause-actor", plover="diplograph")
def _scene_event_takes_the_clause_actor(args: Arguments, ctx: ArticleContext) -> bool:
    """An act that dates a clause is the act of that clause's subject ("Mr Abbas said,
    FOLLOWING TALKS with Mr Blair", "Obama said AFTER MEETING with Putin")."""
    trigger = args.frame.trigger
    word = trigger.token
    if args.sources or not _in_scene_phrase(word):
        return False
    clause = _clause_above(word)
    if clause is None:
        return False
    subjects = subject_tokens(clause)
    sources = ctx.actors(subjects) if subjects else _speakers_of(clause, ctx)
    sources = [s for s in sources if not any(same_actor(s, t) for t in args.targets)]
    if not sources:
        return False
    args.sources, args.source_tokens = sources, subjects
    return True


def _in_scene_phrase(word: Token) -> bool:
    """ "DURING a visit", "FOLLOWING talks", "after MEETING": an act that dates another."""
    head = word.head
    if word.dep_ in ("pobj", "pcomp"):
        return head.lower_ in SCENE_TIME_WORDS
    return word.dep_ == "dobj" and head.tag_ == "VBG" and head.lower_ in SCENE_TIME_WORDS


def _clause_above(token: Token) -> Token | None:
    """The nearest verb above ``token`` whose clause it sits in, through prepositions,
    their objects and participles (never past another clause's verb)."""
    node = token
    for _ in range(6):
        if node.head is node:
            return None
        node = node.head
        participle = node.tag_ == "VBG" and node.dep_ in ("acl", "prep")
        if node.pos_ in ("VERB", "AUX") and not participle:
            return node
    return None


def _speakers_of(verb: Token, ctx: ArticleContext) -> list[ActorRef]:
    """The speaker of a reporting verb with no parsed subject ("..., President X of Y
    has SAID during a visit")."""
    for att in ctx.attributions:
        if att.has_source and att.cue_start <= verb.idx < att.cue_end:
            speaker = ctx.speaker(att)
            return [speaker] if speaker is not None else []
    return []


@argument_rule("protest-scene", plover="3.12", types={"PROTEST"})
def _protest_scene(args: Arguments, ctx: ArticleContext) -> bool:
    """Unnamed protesters are the civilians of the state where they protest."""
    # "prisoners rioted IN DILI"
    if args.sources or not args.source_tokens:
        return False
    trigger = args.frame.trigger
    verb = trigger.verb or trigger.token
    for place in prep_objects(verb, coding_words().scene_prepositions):
        found = ctx.mention_for(place)
        if found is not None and found.actor.kind in {"state", "place", "group"} \
                and found.actor.country:
            actor = found.actor
            args.sources = [ActorRef(name=actor.name, country=actor.country, sector="CVL",
                                     kind="group", text=None)]
            return True
    return False


@argument_rule("threat-condition-target", plover="3.11", types={"THREATEN"})
def _threat_condition_target(args: Arguments, ctx: ArticleContext) -> bool:
    """A threat with no object is aimed at the subject of its condition ("UNLESS Israel …")."""
    if args.targets:
        return False
    args.targets = ctx.first_actor(_condition_subjects(args.frame.trigger), exclude=args.sources)
    return bool(args.targets)


# Nouns of traded goods and of measures on them: "tariffs ON IMPORTS of steel".
_GOODS_LEMMAS = frozenset({"import", "export", "good", "product", "shipment", "tariff", "duty",
                           "quota", "levy"})
# Words that list the members of a phrase: "a dozen countries, INCLUDING Japan".
_LISTING = frozenset({"including", "like", "especially", "notably"})


@argument_rule("goods-from-exporter", plover="3.13", types={"SANCTION"})
def _goods_from_exporter(args: Arguments, ctx: ArticleContext) -> bool:
    """A measure on goods FROM a state aims at the exporter, not at the state the goods
    go INTO ("tariffs on imports of steel into the United States from a dozen countries")."""
    head = args.frame.trigger.verb or args.frame.trigger.token
    scope = [t for t in head.subtree if t.dep_ not in ("nsubj", "nsubjpass")
             or t.head is not head]
    if not any(t.lemma_.lower() in _GOODS_LEMMAS for t in scope):
        return False
    tokens: list[Token] = []
    for prep in (t for t in scope if t.lower_ == "from" and t.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            members = [obj, *obj.conjuncts]
            tokens += members + [m for o in members for p in o.children if p.lower_ in _LISTING
                                 for m0 in p.children if m0.dep_ == "pobj"
                                 for m in (m0, *m0.conjuncts)]
    exporters = [a for a in ctx.actors(tokens)
                 if not any(same_actor(a, s) for s in args.sources)]
    if not exporters:
        return False
    args.targets = exporters
    return True


@argument_rule("fallback-target", plover="diplograph")
def _fallback_target(args: Arguments, ctx: ArticleContext) -> bool:
    """With no target in the trigger's slots, the first actor of its other phrases that
    receives the act (not a topic, scene or medium: ``counterparts``)."""
    # Two subjects of a joint act are each other's targets (joint-subjects-face-each-other).
    # A place phrase ("met during the summit IN BRAZIL") is the scene of a meeting or deal,
    # a topic phrase ("agreed to spend more ON schools") what it is about.
    if args.targets or args.target_settled or (args.joint and len(args.sources) > 1):
        return False
    tokens = fallback_target_tokens(args.frame.trigger)
    if args.frame.type in SCENE_ONLY_TYPES:
        # A topic is no counterpart either: "pledged to spend more ON schools for refugees".
        tokens = [t for t in tokens if not (t.dep_ == "pobj" and t.head.lower_ in
                                            SCENE_PREPS | TOPIC_PREPS)]
    found, found_in = counterparts(tokens, ctx, args.frame.type, args.sources)
    args.targets, args.target_tokens = found[:1], found_in[:1]
    return bool(args.targets)


@argument_rule("own-state-place-is-scene", plover="diplograph")
def _own_state_place_is_scene(args: Arguments, ctx: ArticleContext) -> bool:
    """A target that is a source, or a place of a source's own state, is no target."""
    # "curfew in Cizre" by Turkish authorities: the place is the scene of a domestic event;
    # so is a city read as its people ("visited the DETROIT area": place_targets.py).
    sent = args.frame.trigger.token.sent
    kept = [t for t in args.targets if not any(
        same_actor(t, a) or ((t.kind == "place" or people_of_a_place(t, sent, ctx))
                             and t.country == a.country) for a in args.sources)]
    changed = len(kept) != len(args.targets)
    args.targets = kept
    return changed


@argument_rule("unreceived-retreat-stays-retreat", plover="3.4.2", types={"CONCEDE"})
def _unreceived_retreat_stays_retreat(args: Arguments, ctx: ArticleContext) -> bool:
    """An announced resignation that yields to no one in the sentence is a RETREAT with no
    target, not a CONCEDE to the state's own people (issue #16: no invented targets)."""
    # "The minister is to step down at the election": no one receives it.
    frame, rule = args.frame, args.frame.trigger.rule
    if args.targets or not frame.announced or rule.type != "RETREAT" or (
            rule.mode not in coding_words().unreceived_retreat_modes):
        return False
    frame.type, frame.mode = "RETREAT", rule.mode
    return True


@argument_rule("domestic-target", plover="diplograph")
def _domestic_target(args: Arguments, ctx: ArticleContext) -> bool:
    """A protest, coercion or concession (or a threat of one) with no target is domestic."""
    # "threatened to impose a curfew" threatens the people a curfew would bind.
    frame, words = args.frame, coding_words()
    kind = frame.type if frame.type in words.domestic_types else frame.threatened
    if args.targets or kind not in words.domestic_types or len(args.sources) != 1:
        return False
    args.targets = _own_country(args.sources[0], ctx.kb, kind)
    return bool(args.targets)


def _own_country(source: ActorRef, kb: KnowledgeBase, kind: str) -> list[ActorRef]:
    """The source's own country, as the target of a domestic event of type ``kind``
    (the PLOVER/ICEWS convention); ``text`` None marks it inferred."""
    if not source.country or source.kind == "organisation":
        return []
    country = kb.countries.get(source.country)
    name = country.name if country else source.country
    # Protests are aimed at the state's government, coercion at its people; a concession
    # goes from the government to the people ("lifted the state of emergency") or from
    # the people to the government ("the union called off its strike").
    official = (source.sector or "GOV") in coding_words().official_sectors
    sector = "GOV" if kind == "PROTEST" or (kind == "CONCEDE" and not official) else "CVL"
    return [ActorRef(name=name, country=source.country, sector=sector, kind="state")]


def _condition_subjects(trigger: Trigger) -> list[Token]:
    """Whom a threat is aimed at when no object says so: the subject of its condition
    ("threatened to strike UNLESS ISRAEL rescinded ...", "... IF THE UNITED STATES goes ahead")."""
    verb = trigger.verb or trigger.token
    marks = coding_words().condition_marks
    # "warned THAT bases WOULD BE TARGETED if ...": the condition may hang from the
    # threat's content clause.
    heads = [verb] + [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    return [subj for head in heads for clause in head.children
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                              for m in clause.children)
            for subj in subject_tokens(clause)]


@argument_rule("firms-among-themselves", plover="SPEC §4")
def _firms_among_themselves(args: Arguments, ctx: ArticleContext) -> bool:
    """A firm acting on a firm, or on no one, is commerce: no event."""
    # "US food GROUP Kraft launched a bid for British chocolate MAKER Cadbury": the
    # nationality words name the firms' homes. A firm suing or lobbying a state stays.
    firms = _firm_phrases(args.frame.trigger.token.sent)
    named_firms = bool(firms) and bool(args.source_tokens) and all(
        t.i in firms.indices for t in args.source_tokens)
    # A firm the knowledge knows (sector BUS) is one whatever words the sentence uses.
    known_firms = bool(args.sources) and all(a.sector == "BUS" for a in args.sources)
    if not (named_firms or known_firms):
        return False
    # A place the fallback read as the target is where the firm does business ("threatened
    # to move production to Poland"), not a counterpart.
    # ("The militant GROUP agreed to a ceasefire in Lebanon": an armed group is no firm.)
    armed = any(a.sector in ARMED_SECTORS for a in args.sources)
    args.dropped = (not armed and "argument/fallback-target" in args.rules) or all(
        t.sector == "BUS" or (t.text and t.text in firms.text) for t in args.targets)
    return args.dropped


@argument_rule("sale-of-a-firm-is-commerce", plover="SPEC §4",
               types={"AGREE", "SUPPORT", "COOPERATE"})
def _sale_of_a_firm(args: Arguments, ctx: ArticleContext) -> bool:
    """An agreement to buy or sell a firm or a firm's business is commerce: no event."""
    # "Japan's SoftBank agreed to buy British chip designer ARM": the nationality words
    # name the firms' homes; "agreed to buy gas from Russia" names no firm and stays.
    words = coding_words()
    parties = [party for deal in _deal_clauses(args.frame.trigger, words.commerce_verbs)
               for party in (*direct_objects(deal), *prep_objects(deal, ("from", "to", "with")))]
    args.dropped = any(_is_firm(party, ctx) for party in parties)
    return args.dropped


def _deal_clauses(trigger: Trigger, verbs: frozenset[str]) -> list[Token]:
    """The buying or selling verbs of an agreement's content clause ("agreed TO BUY",
    "signed an agreement TO BUY")."""
    head = trigger.verb or trigger.token
    heads = [head, *direct_objects(head), trigger.token]
    return [c for h in heads for c in h.children
            if c.dep_ in {"xcomp", "ccomp", "acl"} and c.lemma_.lower() in verbs]


def _is_firm(token: Token, ctx: ArticleContext) -> bool:
    """A phrase that names a firm or a firm's asset, by its words or its actor's sector."""
    words = coding_words()
    nouns = words.firm_nouns | words.firm_assets
    if any(w.lemma_.lower() in nouns or w.lower_.endswith("maker")
           for w in (token, *token.lefts) if w is token or w.dep_ in ("compound", "amod")):
        return True
    if token.pos_ == "PROPN" and token.lower_ in words.firm_name_words:  # "Volvo CARS"
        return True
    return any(actor.sector == "BUS" for actor in ctx.actors([token]))


@argument_rule("performers-and-players-are-private", plover="SPEC §4")
def _performers_are_private(args: Arguments, ctx: ArticleContext) -> bool:
    """An act by a singer, a footballer or another performer is private life: no event."""
    roles = coding_words().private_roles
    args.dropped = bool(args.source_tokens) and all(
        _named_by_role(t, roles) for t in args.source_tokens)
    return args.dropped


def _named_by_role(token: Token, roles: frozenset[str]) -> bool:
    """ "Colombian SINGER Shakira", "the STRIKER", "Shakira, the SINGER"."""
    # The words before the name, whatever the parse made of them ("Brazilian forward
    # Vinicius" is read with "forward" a particle of "Brazilian"), and an apposition.
    words = [*token.doc[token.left_edge.i:token.i + 1],
             *(w for w in token.children if w.dep_ == "appos")]
    return any(w.lemma_.lower() in roles and _role_noun(w) for w in words)


def _role_noun(word: Token) -> bool:
    """A role word used as a noun or as the title before a name ("FORWARD Vinicius"), not
    an adverb ("looking forward")."""
    following = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return word.pos_ in ("NOUN", "PROPN") or (following is not None and following.pos_ == "PROPN")


@dataclass(frozen=True, slots=True)
class _FirmPhrases:
    indices: frozenset[int]  # the tokens of the sentence's firm noun phrases
    text: str  # their words, " | "-joined


def _firm_phrases(sent) -> _FirmPhrases:
    """The noun phrases of a sentence that name a firm ("US food GROUP Kraft")."""
    nouns = coding_words().firm_nouns
    phrases = []
    for tok in sent:
        if tok.dep_ != "compound" and tok.pos_ in ("NOUN", "PROPN") and any(
                w.lemma_.lower() in nouns or w.lower_.endswith("maker")
                for w in (tok, *tok.lefts) if w.dep_ in ("compound", "amod") or w is tok):
            phrases.append(tok.doc[tok.left_edge.i:tok.i + 1])
    return _FirmPhrases(indices=frozenset(t.i for span in phrases for t in span),
                        text=" | ".join(span.text for span in phrases))


# ------------------------------------------------------------------ the pair
@argument_rule("needs-an-actor", plover="SPEC §4")
def _needs_an_actor(args: Arguments, ctx: ArticleContext) -> bool:
    """An act with neither source nor target is no event."""
    args.dropped = not args.sources and not args.targets
    return args.dropped


@argument_rule("joint-subjects-face-each-other", plover="2.4.2")
def _joint_subjects(args: Arguments, ctx: ArticleContext) -> bool:
    """Subjects of a joint act with no target are each other's: the first is the source."""
    # "X and Y signed a treaty": X with Y.
    if not args.joint or args.targets or len(args.sources) < 2:
        return False
    args.sources, args.targets = args.sources[:1], args.sources[1:]
    return True


@argument_rule("needs-a-source-unless-passive", plover="SPEC §4")
def _needs_a_source(args: Arguments, ctx: ArticleContext) -> bool:
    """An active clause with no source actor is no event ("was attacked" may have none)."""
    args.dropped = not args.sources and not args.frame.trigger.passive
    return args.dropped


CAMEO_ORIGIN = "cameo:"  # cameo.py's rules: trigger/cameo:<lemma>:<code>


@argument_rule("imported-pattern-needs-two-sides", plover="diplograph")
def _imported_pattern_needs_both(args: Arguments, ctx: ArticleContext) -> bool:
    """An event found only by an imported CAMEO pattern needs actors of two different states."""
    # PETRARCH codes a pattern only between two known actors (IMPORT-NOTES.md), and CAMEO's
    # patterns were written for international news: a domestic lawsuit or blockade ("filed
    # suit in federal court", "farmers would blockade Paris") is left to our own lexicon.
    # The structure triggers name their rule in ``origin`` too, but they are ours: "the
    # Tories said Labour's plan was a shambles" is domestic and an event.
    # A party's expulsion of its member (CAMEO's "expel", recoded) is domestic by nature.
    if not (args.frame.trigger.rule.origin or "").startswith(CAMEO_ORIGIN) or (
            membership.EXPULSION_RULE in args.rules):
        return False
    countries = {a.country for a in args.sources if a.country}
    args.dropped = not (args.sources and args.targets) or any(
        t.country in countries for t in args.targets) or any(
        a.sector == "BUS" for a in (*args.sources, *args.targets))
    return args.dropped



@argument_rule("meeting-needs-a-counterpart", plover="3.2", types={"CONSULT"})
def _meeting_needs_a_counterpart(args: Arguments, ctx: ArticleContext) -> bool:
    """A meeting with no one (no target) is no event."""
    args.dropped = not args.targets
    return args.dropped


@argument_rule("agreement-needs-a-counterpart", plover="3.1", types={"AGREE"})
def _agreement_needs_a_counterpart(args: Arguments, ctx: ArticleContext) -> bool:
    """A pledge to no one ("Labour promised to cut taxes") is policy, not an AGREE event."""
    args.dropped = not args.targets
    return args.dropped


@argument_rule("officials-consult", plover="3.2", types={"CONSULT"})
def _officials_consult(args: Arguments, ctx: ArticleContext) -> bool:
    """Only officials consult: citizens travelling or firms meeting are not diplomacy."""
    # Nor are troops arriving a visit.
    excluded = coding_words().private_sectors | ({"MIL"} if args.frame.mode == "visit" else set())
    kept = [a for a in args.sources if a.sector not in excluded]
    changed = len(kept) != len(args.sources)
    args.sources, args.dropped = kept, not kept
    return changed or args.dropped
