"""Frames: the triggers of a sentence after clause folding (SPEC §4).

A sentence's triggers (``trigger_matching.find_triggers``) are nested: "threatened TO CUT
ties" has two, but is one THREATEN. Each trigger whose clause is embedded in
another trigger's clause is offered to the fold rules, in order; the first that
fires keeps one frame of the two. Triggers in background clauses (relative
clauses, participial modifiers) are then left out: the sentence is not about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from diplograph.coding import quotes
from diplograph.coding.cameo import cameo_triggers
from diplograph.coding.counterparts import counterpart_words, states_a_fact
from diplograph.coding.rules import CLAUSE, FOLD, clause_rule, fold_rule, trigger_rule_name
from diplograph.coding.structure_triggers import (
    INTENT_RULE,
    PARTICIPLE_RULE,
    PREDICATE_ORIGINS,
    event_noun_carried_by_its_participle,
    structure_triggers,
)
from diplograph.coding.trigger_matching import find_triggers
from diplograph.coding.triggers import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    ActorTest,
    Trigger,
    agent_participle,
    means_gerund,
    target_tokens,
)
from diplograph.knowledge.coding_words import coding_words
from diplograph.knowledge.lexicon import Lexicon

# Dependencies through which a clause embeds another trigger's clause ("offer TO HOST").
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep", "acl", "acomp"})
# Prepositions whose event noun is the setting of the clause's act ("met during the summit").
SETTING_PREPS = frozenset({"during", "at", "on", "in", "ahead", "after", "before"})
# Dependencies of background clauses, which the sentence is not about.
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "amod", "csubj", "pcomp", "appos", "npadvmod"})


@dataclass(slots=True)
class Frame:
    """A trigger after folding, with the slots the event will be built from."""

    trigger: Trigger
    type: str
    mode: str | None
    extra_targets: list[Token]
    planned: bool = False
    announced: bool = False  # a future act coded as the announcement it is (asserted)
    failed: bool = False  # "failed to reach agreement": coded as the REJECT it is (asserted)
    refused: bool = False  # "could not support X's bid": coded as the REJECT it is (asserted)
    threatened: str | None = None  # the type of the act a THREATEN threatens
    rules: list[str] = field(default_factory=list)  # names of the rules that made it

    def make_threat(self, threatened: str) -> None:
        """Recode this frame as the THREATEN of an act of type ``threatened``."""
        self.type, self.threatened = "THREATEN", threatened
        self.mode = coding_words().threat_modes[threatened]


def sentence_frames(sent: Span, lexicon: Lexicon, is_actor: ActorTest) -> list[Frame]:
    """The frames of one sentence: its triggers, folded, without background clauses.

    Args:
        sent: the sentence.
        lexicon: the trigger rules.
        is_actor: whether a token's phrase names an actor (for ``object_is_actor`` rules).

    Returns:
        One frame per event the sentence may hold, in trigger order.
    """
    # the participle rule's nouns are left free by the noun step and kept for the rule
    carried = event_noun_carried_by_its_participle(sent, lexicon, is_actor)
    carried_at = {t.token.i for t in carried}
    triggers = find_triggers(sent, lexicon, is_actor, leave=lambda noun: noun.i in carried_at)
    triggers += structure_triggers(sent, lexicon, triggers, is_actor,
                                   ready={PARTICIPLE_RULE: carried})
    if lexicon.cameo is not None:
        triggers += cameo_triggers(sent, lexicon.cameo, triggers, is_actor)
    by_token = {t.verb.i: t for t in triggers if t.verb is not None}
    by_token.update({t.token.i: t for t in triggers})
    frames = {t.token.i: Frame(t, t.rule.type, t.rule.mode, [], rules=[trigger_rule_name(t.rule)])
              for t in triggers}
    for t in triggers:
        head = _governing_trigger(t, by_token)
        if head is None or head.token.i not in frames or t.token.i not in frames:
            continue
        _fold(frames, frames[head.token.i], frames[t.token.i])
    return [f for f in frames.values() if _kept(f)]


def _kept(frame: Frame) -> bool:
    """A frame outside background clauses, or one a clause rule keeps as its own event."""
    if not _subordinate(frame.trigger):
        return True
    for rule in CLAUSE.ordered():
        if rule.func(frame.trigger):
            frame.rules.append(rule.name)
            return True
    return False


@clause_rule("temporal-clause-is-its-own-event", plover="diplograph")
def _temporal_clause(trigger: Trigger) -> bool:
    """An act that dates another ("said AFTER MEETING Putin", "before he VISITED Israel")
    happened in its own right."""
    node = trigger.verb or trigger.token
    marks = coding_words().temporal_marks
    if node.lower_ in marks:
        return True  # "at a news conference FOLLOWING talks with X": the participle dates it
    if node.dep_ == "pcomp":
        return node.head.lower_ in marks
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks
                                        for c in node.children)


@clause_rule("means-gerund-is-its-own-event", plover="diplograph")
def _means_gerund(trigger: Trigger) -> bool:
    """ "Moscow responded BY EXPELLING two diplomats", "opened his tour BY MEETING Macron": a
    gerund under a preposition of means (``means_marks``) that hangs from a verb tells an act of
    that verb's subject, where that verb's own clause is not background ("the deal he won by
    expelling" is)."""
    node = trigger.verb
    return (node is not None and node is trigger.token and means_gerund(node)
            and not _background(node.head.head))


@clause_rule("gerund-with-its-own-subject-is-its-own-event", plover="diplograph")
def _gerund_with_its_own_subject(trigger: Trigger) -> bool:
    """ "Critics pointed to TEXAS SUING the government", "overshadowed by UKRAINE SUING Russia":
    a gerund with a subject of its own under a preposition of ``gerund_subject_marks`` tells
    an act of that subject, not background."""
    node = trigger.verb
    return (node is not None and node == trigger.token and node.tag_ == "VBG"
            and node.dep_ == "pcomp" and node.head.lower_ in coding_words().gerund_subject_marks
            and any(c.dep_ == "nsubj" for c in node.children))


@clause_rule("where-or-when-clause-is-its-own-event", plover="diplograph")
def _setting_relative_clause(trigger: Trigger) -> bool:
    """ "Flew to Cairo, WHERE EGYPT CONDEMNED the raid", "in March, WHEN Morocco EXPELLED two
    diplomats": a relative clause of a place or a time tells an act done there or then (the
    clause's own status rules still read "where talks WILL be held" as planned)."""
    verb = trigger.verb
    return verb is not None and verb.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ in coding_words().setting_relatives
        for c in verb.children)


@clause_rule("subject-relative-clause-is-its-own-event", plover="diplograph")
def _subject_relative_clause(trigger: Trigger) -> bool:
    """ "The pastors WHO MET Trump": a relative clause whose subject is its head noun
    tells an act of that noun (an object relative, "the deal THAT X SIGNED", is background)."""
    verb = trigger.verb
    return (verb is not None and verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in verb.children))


@clause_rule("passive-relative-clause-is-its-own-event", plover="diplograph")
def _passive_relative_clause(trigger: Trigger) -> bool:
    """ "The diplomat WHO WAS EXPELLED by Russia": an act done to the person the clause
    describes happened in its own right ("the deal WHICH WAS SIGNED" stays background,
    as "the deal that X signed" does)."""
    verb = trigger.verb
    return (verb is not None and verb.dep_ == "relcl" and any(
        c.dep_ in PASSIVE_SUBJECT_DEPS and c.lower_ == "who" for c in verb.children))


@clause_rule("participle-beside-its-subject-is-its-own-event", plover="diplograph")
def _participle_beside_subject(trigger: Trigger) -> bool:
    """ "Mr Straw, VISITING Beijing, noted ...": a present participle set off by commas
    after the clause's subject tells what that subject was doing; a participle that
    restricts its noun ("people LIVING abroad") stays background."""
    verb = trigger.verb
    return (verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBG"
            and verb.head.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
            and verb.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",")


@clause_rule("participle-with-its-agent-is-its-own-event", plover="diplograph")
def _participle_with_agent(trigger: Trigger) -> bool:
    """ "The debt freeze OFFERED BY the Paris Club": a past participle that names who did
    it tells an act of that agent, where its noun is a subject or object of the clause (in
    "demand the return of property SEIZED BY X" the seizure is a detail of the demand), or
    the root of a clause with no verb of its own (the headline "Ghana and Togo CONDEMNED BY
    the AU")."""
    verb = trigger.verb
    return (verb is not None and agent_participle(verb)
            and verb.head.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS | {"ROOT"})


@clause_rule("noun-carried-by-its-participle-is-its-own-event", plover="diplograph")
def _noun_carried_by_its_participle(trigger: Trigger) -> bool:
    """ "The talks HELD between Chile and Peru ended": an event noun that its participle
    carries (trigger/event-noun-carried-by-its-participle) is the event, where the noun is
    a subject or object of its clause, as for a participle with an agent."""
    verb, noun = trigger.verb, trigger.token
    return (verb is not None and verb.dep_ == "acl" and verb.head.i == noun.i
            and noun.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS)


def _fold(frames: dict[int, Frame], outer: Frame, inner: Frame) -> None:
    """Offer the pair to the fold rules; the first that fires says which frame stays."""
    for rule in FOLD.ordered():
        if not rule.applies_to(outer.type):
            continue
        kept = rule.func(outer, inner)
        if kept is not None:
            gone = inner if kept is outer else outer
            kept.rules += [rule.name, *gone.rules]
            del frames[gone.trigger.token.i]
            return


@fold_rule("setting-of-the-act", plover="diplograph")
def _setting_of_the_act(outer: Frame, inner: Frame) -> Frame | None:
    """An event noun that only sets the scene ("met X DURING THE SUMMIT") is not a second event."""
    # With a counterpart of its own ("criticised X during TALKS WITH Iran") it stays an event,
    # unless it is the same act ("met X during a VISIT TO Moscow": one meeting, a visit).
    noun = inner.trigger.token
    if (noun is inner.trigger.verb or noun.dep_ != "pobj"
            or noun.head.lower_ not in SETTING_PREPS):
        return None
    if outer.type == inner.type:
        outer.mode = outer.mode or inner.mode
        return outer
    return None if target_tokens(inner.trigger) else outer


@fold_rule("claim-of-fact-absorbs-no-act", plover="2.4", types={"REQUEST"})
def _claim_of_fact_absorbs_no_act(outer: Frame, inner: Frame) -> Frame | None:
    """ "Insists it DID NOT arrest him": a verb of demand that states a fact
    (argument/claim-of-fact-has-no-receiver) asks for nothing, so the act of its clause of
    fact is no content of a demand; that act stays, told as what was said."""
    verb, clause = outer.trigger.verb, inner.trigger.verb
    if verb is None or verb.i != outer.trigger.token.i or clause is None:
        return None
    if verb.lemma_.lower() not in counterpart_words().fact_claim_verbs:
        return None
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "insisted it had not detained or tortured them"
    if clause.dep_ != "ccomp" or clause.head.i != verb.i or not states_a_fact(clause):
        return None
    return inner


@fold_rule("absorbing-frame", plover="3.8.3, 3.10.3, 3.11.3")
def _absorbing_frame(outer: Frame, inner: Frame) -> Frame | None:
    """A request, refusal, threat or accusation absorbs the act it is about."""
    modes = coding_words().absorbed_act_modes
    if outer.type not in modes:
        return None
    if outer.type == "THREATEN":
        outer.threatened = inner.type
    if outer.mode is None:
        outer.mode = modes[outer.type].get(inner.type)
        if outer.type == "THREATEN" and inner.type == "SANCTION" and inner.mode == "discontinue":
            outer.mode = "relations"  # a threat to cut ties (SPEC §4 diplomacy rules)
    outer.extra_targets.extend(target_tokens(inner.trigger))
    return outer


@fold_rule("vow-of-hostile-act-is-threat", plover="3.11", types={"AGREE"})
def _vow_of_hostile_act(outer: Frame, inner: Frame) -> Frame | None:
    """A vow or readiness to attack, coerce or sanction is a threat, not a promise."""
    if not (_embedded_clause(inner.trigger) and _intent_of(outer.trigger)
            and inner.type in coding_words().threat_modes):
        return None
    outer.make_threat(inner.type)  # "vowed to fight", "is prepared to impose martial law"
    outer.extra_targets.extend(target_tokens(inner.trigger))
    return outer


@fold_rule("readiness-told-by-a-predicate-absorbs-the-act", plover="3.1", types={"AGREE"})
def _readiness_absorbs_act(outer: Frame, inner: Frame) -> Frame | None:
    """A readiness told by a predicate ("is READY TO NEGOTIATE with X",
    trigger/intent-told-by-a-predicate) is the promise, AGREE, even of a meeting: a declared
    willingness, not a meeting scheduled (SPEC 4, "ready for dialogue")."""
    if not (outer.trigger.rule.origin == INTENT_RULE.origin and _embedded_clause(inner.trigger)):
        return None
    outer.extra_targets.extend(target_tokens(inner.trigger))
    return outer


@fold_rule("promise-absorbs-promised-act", plover="3.1", types={"AGREE"})
def _promise_absorbs_act(outer: Frame, inner: Frame) -> Frame | None:
    """A promise to do an act ("agreed to send aid") is the promise, AGREE."""
    if not (_embedded_clause(inner.trigger) and _intent_of(outer.trigger)
            and inner.type != "CONSULT"):
        return None
    outer.extra_targets.extend(target_tokens(inner.trigger))
    return outer


@fold_rule("act-done-for-another", plover="diplograph")
def _act_done_for_another(outer: Frame, inner: Frame) -> Frame | None:
    """One clause, one event: an act done to achieve another is coded as the outer act."""
    # "strike TO PROTEST", "willing to send material TO HELP DEFEND"; an intent to meet is
    # left to the next rule.
    if not _embedded_clause(inner.trigger) or (
            inner.type == "CONSULT" and _intent_of(outer.trigger)):
        return None
    outer.extra_targets.extend(target_tokens(inner.trigger))
    return outer


@fold_rule("intent-to-meet-is-planned-meeting", plover="SPEC §4")
def _intent_to_meet(outer: Frame, inner: Frame) -> Frame | None:
    """An intent to meet ("agreed to meet") is the meeting, planned."""
    if not (_intent_of(outer.trigger) and inner.trigger.rule.type == "CONSULT"
            and _embedded_clause(inner.trigger)):
        return None
    inner.planned = True
    return inner


def _governing_trigger(t: Trigger, by_token: dict[int, Trigger]) -> Trigger | None:
    """The trigger whose clause embeds ``t`` ("threatened TO IMPOSE", "offer TO HOST",
    "began a hunger strike TO PROTEST"). ``by_token`` maps trigger words and the light
    verbs of noun triggers to their triggers."""
    node = t.token
    for _ in range(3):
        purpose = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in node.children)
        if node.dep_ not in EMBEDDING_DEPS and not purpose:
            return None
        node = node.head
        outer = by_token.get(node.i)
        if outer is not None and outer.token.i != t.token.i:
            return None if _predicates_of_one_copula(t, outer) else outer
        if _reports(node):
            return None  # "declined to CONFIRM whether ...": a claim's content, not an act's
    return None


def _predicates_of_one_copula(t: Trigger, outer: Trigger) -> bool:
    """ "has been SUPPORTIVE of Ukraine but CRITICAL of Kyiv's exports": two predicates of one
    copula (trigger/stance-told-by-a-predicate, trigger/intent-told-by-a-predicate) are two
    acts side by side; neither embeds the other."""
    return (t.verb is not None and outer.verb is not None and t.verb.i == outer.verb.i
            and {t.rule.origin, outer.rule.origin} <= PREDICATE_ORIGINS)


def _reports(node: Token) -> bool:
    """A report's cue verb or claim noun ("confirm", "comment", "reports that"): what it
    embeds is the content of a claim (whose status it sets), not part of another act."""
    lex = quotes.load_lexicon()
    cls = lex.cue_class(node.lemma_) if node.pos_ in ("VERB", "AUX") else None
    return cls in ("report", "deny", "confirm") or node.lemma_.lower() in lex.claim_nouns


def _subordinate(trigger: Trigger) -> bool:
    """True for triggers inside background clauses — relative clauses, participial
    modifiers ("..., KILLING one person"), adverbial clauses: the sentence is not
    about them, and coding them is the main source of noise in event data."""
    return _background(trigger.verb or trigger.token)


def _background(node: Token) -> bool:
    """Whether ``node`` sits in a background clause (see ``_subordinate``)."""
    claims = quotes.load_lexicon().claim_nouns
    for _ in range(8):
        if node.dep_ == "acl" and node.head.lemma_.lower() in claims:
            node = node.head  # "a claim THAT HE HAD SPOKEN with Putin": the claim's content
            continue
        if node.dep_ in SUBORDINATE_DEPS:
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            return True
        if node.dep_ == "ROOT" or node.head is node:
            return False
        node = node.head
    return False


def _embedded_clause(trigger: Trigger) -> bool:
    """An infinitive or participle clause under another act: "agreed TO MEET", "strike TO
    PROTEST", "opened fire, KILLING one", or the event noun of such a clause ("agreed to
    HOLD TALKS")."""
    verb = trigger.verb if trigger.verb is not None else trigger.token
    if verb.dep_ == "xcomp":
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(
            c.dep_ == "mark" for c in verb.children):
        return True  # "rioted, SETTING FIRE to mattresses": the same act, described further
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in verb.children)


def _intent_of(trigger: Trigger) -> bool:
    """A trigger of intent: a rule marked ``intent`` or a word of intent ("pledge")."""
    return trigger.rule.intent or trigger.token.lemma_.lower() in coding_words().intent_heads
