"""The named status rules: which cues of a predicate's clause, frame and reports count
(SPEC §4 ``status``, ``factuality``).

Every rule is registered (``rules.STATUS_ORDER`` pins their order) and takes the cues
found so far and the :class:`StatusFacts` of one event or predicate; it returns the new
list of cues when it fires (its name then goes into the event's ``rules``), else None.
They read, in order: the clause path (negation, modality, future and intent, hearsay;
:mod:`diplograph.coding.cues` finds the words), the frame the coder made of the clause
(an intent to meet is a planned meeting; a promise, and a failure, is itself the act),
then the chain of reports that carries it (a denial, a withheld confirmation, a report,
a report of a report). Nothing here sets a status: the cues add up to a factuality
score, and the status is read off the score and the cues, in one place
(:func:`diplograph.coding.factuality.status_of`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from diplograph.coding.attribution import load_lexicon
from diplograph.coding.cues import (
    Cue,
    Level,
    clause_path,
    condition_cues,
    governor_cue,
    load_words,
    modal_cues,
    negation_cues,
    would_reading,
)
from diplograph.coding.rules import STATUS, status_rule
from diplograph.coding.triggers import means_gerund

# The cue kinds, by what they say of the act (the keys of the calibration).
NEGATIVE_KINDS = frozenset({"negation", "negative_governor", "deny"})
# The cue a party's report of its own act's negation adds (neutral in the score, value 1.0):
# with "deny", the kinds that make a negative reading "denied" rather than "negated".
DOER_DENIAL = "doer_denial"
DENIAL_KINDS = frozenset({"deny", DOER_DENIAL})
POSSIBLE_KINDS = frozenset({"possible", "obligation", "hedge", "conditional", "question",
                            "possible_governor", "prevent_governor", "conditional_would"})
FUTURE_KINDS = frozenset({"future", "would", "intent", "expected", "request", "planned_frame"})
# Kinds that only move the score: an infinitive under an unknown word, a purpose, an
# attempt, a bare event noun ("TRIED to hack" is coded as the hacking, as PLOVER does), a
# factive adjective ("was RIGHT to reject": the rejection happened).
SCORE_KINDS = frozenset({"infinitive", "purpose", "attempt", "noun", "adjective", "base_verb",
                         "present", "gerund", "factive"})
REPORT_KINDS = frozenset({"report", "belief", "confirm", "nested"})
UNCONFIRMED_KINDS = frozenset({"withheld", "hearsay"})
Finder = Callable[[Token, int], list[Cue]]


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusFacts:
    """What decides a predicate's status and factuality: its clause, the frame the coder
    made of it (for an event), and the chain of reports that carries it."""

    trigger: Token  # the trigger word, or the predicate
    verb: Token | None  # the verb carrying its clause
    type: str | None = None  # the frame's PLOVER type, after recoding (None: no frame)
    planned: bool = False  # an intent to meet, coded as the meeting
    announced: bool = False  # a future act coded as the announcement it is
    failed: bool = False  # "failed to agree", coded as the REJECT it is
    refused: bool = False  # "could not support X's bid", coded as the REJECT it is
    # the kinds ("say", "deny", "confirm", "unconfirmed", "according_to") and cue lemmas of
    # the reports that carry it, outermost first
    chain: tuple[tuple[str, str], ...] = ()
    whether: bool = False  # the innermost report's content is a whether-clause
    report_cues: frozenset[int] = frozenset()  # token indices of the reports' cue verbs
    # the innermost report's speaker is the act's own doer ("Iran said IT did not arrest
    # her"): set by the coder once the actors are read; never for the gold predicates
    told_by_doer: bool = False
    path: tuple[Level, ...] = ()  # the clause path (computed from the above when not given)

    def __post_init__(self) -> None:
        if not self.path:
            path = clause_path(self.verb or self.trigger, self.report_cues)
            object.__setattr__(self, "path", tuple(path))


def read_cues(facts: StatusFacts) -> tuple[list[Cue], tuple[str, ...]]:
    """Run the status rules in their pinned order.

    Returns:
        The cues that count, and the names of the rules that fired, in run order.
    """
    cues: list[Cue] = []
    fired = []
    for rule in STATUS.ordered():
        new = rule.func(cues, facts)
        if new is not None:
            cues = new
            fired.append(rule.name)
    return cues, tuple(fired)


# ------------------------------------------------------------------ the clause path
def _clause_cues(facts: StatusFacts, finder: Finder) -> list[Cue]:
    """The cues ``finder`` finds on the predicate's own clause and on the clauses above it,
    up to the first that does not lend its modality to the one below (:func:`_passes`)."""
    found: list[Cue] = []
    trigger, path = facts.trigger, facts.path
    if trigger is not path[0].node:
        found += finder(trigger, 0)
    found += finder(path[0].node, 0)
    for below, level in zip(path, path[1:], strict=False):
        if not _passes(below, finder):
            break
        found += finder(level.node, level.index)
    return _in_scope(found, path)


def _passes(below: Level, finder: Finder) -> bool:
    """Whether the clause above ``below`` lends it its cues of this kind: an infinitive,
    that-clause or event noun takes all of them; a conjunct takes all but negation; a
    prepositional object those :func:`_in_scope` keeps."""
    if below.link in ("clause", "argument", "oblique"):
        return True
    return below.link == "conj" and finder is not negation_cues


def _in_scope(cues: list[Cue], path: tuple[Level, ...]) -> list[Cue]:
    """The cues that reach the predicate: above the first prepositional object on its path
    ("could lead to WAR"), only the kinds of ``prepositional_scope`` (factuality.yaml)."""
    oblique = next((level.index for level in path if level.link == "oblique"), None)
    if oblique is None:
        return cues
    reaching = load_words().lists["prepositional_scope"]
    return [c for c in cues if c.level <= oblique or c.kind in reaching]


def _governor_cues(facts: StatusFacts, kinds: frozenset[str]) -> list[Cue]:
    found = [governor_cue(level) for level in facts.path]
    return _in_scope([c for c in found if c is not None and c.kind in kinds], facts.path)


def _added(cues: list[Cue], new: list[Cue]) -> list[Cue] | None:
    return [*cues, *new] if new else None


def is_future(trigger: Token, verb: Token | None) -> bool:
    """Whether a clause is future, planned or intended ("will meet", "plans to visit", "a
    planned summit"): the test the recoding rules use for promises."""
    facts = StatusFacts(trigger=trigger, verb=verb)
    cues = _clause_cues(facts, modal_cues) + _governor_cues(facts, FUTURE_KINDS)
    return any(c.kind in FUTURE_KINDS - {"request"} for c in cues)


@status_rule("negated-clause", plover="SPEC §4")
def _negated_clause(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "did not meet", "no talks were held", "failed to agree", "without meeting": negation."""
    return _added(cues, _clause_cues(facts, negation_cues)
                  + _governor_cues(facts, frozenset({"negative_governor"})))


@status_rule("hypothetical-clause", plover="SPEC §4")
def _hypothetical_clause(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "could meet", "if Paris sends troops", "is likely to visit": possible, conditional."""
    found = [c for c in _clause_cues(facts, modal_cues) if c.kind in POSSIBLE_KINDS]
    found += _clause_cues(facts, condition_cues)
    found += _governor_cues(facts, frozenset({"possible_governor", "prevent_governor"}))
    return _added(cues, found)


@status_rule("future-clause", plover="SPEC §4")
def _future_clause(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "will meet", "plans to visit", "was urged to leave", "a planned summit": future;
    "tried to hack", "sent troops to secure": an attempt, a purpose."""
    found = [c for c in _clause_cues(facts, modal_cues) if c.kind in FUTURE_KINDS]
    found += _governor_cues(facts, FUTURE_KINDS | {"infinitive", "purpose", "attempt"})
    return _added(cues, found)


@status_rule("habitual-would", plover="SPEC §4")
def _habitual_would(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "would OFTEN meet", "would LATER sign": a habitual or narrative past, which
    happened; its "would" is no future."""
    kept = [c for c in cues if not (c.kind == "would"
                                    and would_reading(_would_node(facts, c)) == "habitual")]
    return kept if len(kept) < len(cues) else None


@status_rule("conditional-would", plover="SPEC §4")
def _conditional_would(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "would meet Y IF ...", "UNLESS ...", "would HAVE met", and a "would" in the
    article's own voice under no report ("Britain WOULD be critical of ..."): conditional,
    hypothetical. A reported future ("said it would meet next week") stays planned, "would
    LIKE to" an intent, "would not" negated (negation-outscopes-modal)."""
    negated = {c.level for c in cues if c.kind == "negation"}
    found = []
    for cue in cues:
        if cue.kind != "would" or cue.level in negated:
            continue
        node = _would_node(facts, cue)
        if negation_cues(node):
            continue  # "NEITHER side would say ..., but he felt ...": the conjunct is no condition
        reading = would_reading(node)
        if reading in ("conditional", "counterfactual") or (
                reading is None and not facts.chain and not _framed(node)):
            # no value of its own in the calibration (1.0): the score stays the "would"'s
            found.append(Cue("conditional_would", cue.word, cue.level))
    return _added(cues, found)


def _framed(node: Token) -> bool:
    """Whether a clause is told by a verb the attributions do not list as a report: the
    that-clause of a verb ("Albright COUNTERED that NATO would ...") or a clause with a
    parenthetical speech verb ("The summit, she SAID, would produce ...")."""
    lexicon = load_lexicon()
    return node.dep_ == "ccomp" or any(c.dep_ == "parataxis" and lexicon.cue_class(c.lemma_)
                                       for c in node.children)


def _would_node(facts: StatusFacts, cue: Cue) -> Token:
    """The head of the clause whose auxiliary a "would" cue is."""
    node = facts.path[min(cue.level, len(facts.path) - 1)].node
    if cue.level == 0 and any(c.dep_ == "aux" and c.lower_ == cue.word
                              for c in facts.trigger.children):
        return facts.trigger
    return node


@status_rule("factive-adjective", plover="SPEC §4")
def _factive_adjective(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "was RIGHT to reject", "was WRONG to expel": an evaluative adjective judges an act
    that happened (the cue fixes its band: factuality.status_in_band)."""
    return _added(cues, _governor_cues(facts, frozenset({"factive"})))


@status_rule("bare-predicate", plover="diplograph")
def _bare_predicate(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """An event noun, adjective or bare verb that no verb asserts ("the TALKS on trade",
    "a SAFE return", "to MEET"): less sure than a finite verb."""
    start = facts.path[0].node
    if start.pos_ in ("NOUN", "PROPN"):
        kind = "noun"
    elif start.pos_ == "ADJ":
        kind = "adjective"
    elif start.tag_ == "VB":
        kind = "base_verb"
    elif start.tag_ in ("VBZ", "VBP"):
        kind = "present"
    elif start.tag_ == "VBG" and not any(c.dep_ == "aux" for c in start.children):
        if means_gerund(start):
            return None  # "responded BY EXPELLING": as sure as the verb it is the means of
        kind = "gerund"
    else:
        return None
    return [*cues, Cue(kind, start.lower_)]


@status_rule("unconfirmed-adverb", plover="SPEC §4")
def _unconfirmed_adverb(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "reportedly met", "allegedly attacked": hearsay."""
    return _added(cues, [c for c in _clause_cues(facts, modal_cues) if c.kind == "hearsay"])


# ------------------------------------------------------------------ the frame
@status_rule("intent-to-meet-is-planned", plover="SPEC §4")
def _intent_to_meet(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """An intent to meet, coded as the meeting ("agreed to meet"), is planned."""
    if not facts.planned:
        return None
    kept = [c for c in cues if c.kind != "intent"]  # the intent is the frame's own
    return [*kept, Cue("planned_frame", facts.trigger.lower_)]


@status_rule("promise-is-the-act", plover="SPEC §4")
def _promise_is_the_act(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """A promise (AGREE) or an announcement of a future act is itself the act, so its
    future and intent cues do not count."""
    if not (facts.type == "AGREE" or facts.announced):
        return None
    kept = [c for c in cues if c.kind not in FUTURE_KINDS]
    return kept if len(kept) < len(cues) else None


@status_rule("failure-is-the-act", plover="3.10")
def _failure_is_the_act(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """A failure to agree, coded as REJECT, is the act: the failure does not negate it."""
    if not facts.failed:
        return None
    kept = [c for c in cues if c.kind != "negative_governor"]
    return kept if len(kept) < len(cues) else None


@status_rule("refusal-is-the-act", plover="3.10")
def _refusal_is_the_act(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """Not backing an actor's plan, coded as REJECT, is the act: the negation of its own
    clause, and the modal it outscopes ("COULD NOT support"), do not negate it."""
    if not facts.refused:
        return None
    kept = [c for c in cues if not (c.level == 0 and (
        c.kind == "negation" or (c.kind in _SCOPED_MODALS and c.word not in _OPEN_MODALS)))]
    return kept if len(kept) < len(cues) else None


@status_rule("negation-outscopes-modal", plover="SPEC §4")
def _negation_outscopes_modal(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "could not meet", "would not send", "will not attend": the negation is of the
    ability, will or plan, so the act is negated, not possible ("might not" stays open)."""
    negated = {c.level for c in cues if c.kind == "negation"}
    kept = [c for c in cues if not (c.level in negated and c.kind in _SCOPED_MODALS
                                    and c.word not in _OPEN_MODALS)]
    return kept if len(kept) < len(cues) else None


_SCOPED_MODALS = frozenset({"possible", "would", "future", "obligation"})
_OPEN_MODALS = frozenset({"might", "may"})


# ------------------------------------------------------------------ the reports
@status_rule("whether-under-a-cue-is-asked", plover="SPEC §4")
def _whether_under_a_cue(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """A whether-clause under a cue verb ("declined to confirm WHETHER they met") is the
    question the report leaves open, not a condition: not hypothetical."""
    if not facts.whether:
        return None
    kept = [c for c in cues if c.kind not in ("question", "conditional")]
    return kept if len(kept) < len(cues) else None


@status_rule("attributed-denial", plover="SPEC §4")
def _attributed_denial(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """A party denying it ("X denied that", "rejected reports that"): a denial."""
    return _report_cue(cues, facts, "deny", "deny")


@status_rule("negation-told-by-its-doer-is-a-denial", plover="SPEC §4")
def _negation_told_by_its_doer(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "Iran SAID IT did NOT arrest the tourist": a party saying its act did not happen is
    a denial (SPEC §4 ``denied``), however the report is worded; "a rights group said Egypt
    had not released him" stays negated, and so does a party's "will not" / "would not" (a
    refusal of what is to come, not a denial of what happened). The cue is neutral: it names
    the status, and leaves the score to the negation."""
    if not facts.told_by_doer or not facts.chain or any(c.kind == "deny" for c in cues):
        return None
    if not any(c.kind in ("negation", "negative_governor") for c in cues):
        return None
    verb = facts.verb or facts.trigger
    if any(c.tag_ == "MD" for c in verb.children):
        return None  # "said it WILL not accept", "WOULD not meet": a refusal, not a denial
    return [*cues, Cue(DOER_DENIAL, facts.chain[-1][1])]


@status_rule("attributed-unconfirmed", plover="SPEC §4")
def _attributed_unconfirmed(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "Neither confirmed nor denied", "declined to confirm", "could not say whether":
    a confirmation withheld."""
    return _report_cue(cues, facts, "unconfirmed", "withheld")


@status_rule("claim-noun-is-told", plover="SPEC §4")
def _claim_noun_is_told(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """ "denied REPORTS that Putin met Trump", "declined to confirm CLAIMS that": what is
    denied or left unconfirmed is the claim's content (the meeting); the claim noun, the
    object of the cue verb, was made, so the denial and the withheld confirmation are not
    its cues. The noun is one of the attributions' ``claim_nouns`` (speech_verbs.yaml)."""
    if not _is_claim_object(facts):
        return None
    kept = [c for c in cues if c.kind not in ("deny", "withheld")]
    return kept if len(kept) < len(cues) else None


def _is_claim_object(facts: StatusFacts) -> bool:
    """Whether the predicate is a claim noun that is the object of a report's cue verb,
    directly ("denied REPORTS") or after a preposition ("commented on CLAIMS")."""
    trigger = facts.trigger
    if trigger.lemma_.lower() not in load_lexicon().claim_nouns:
        return False
    head = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head
    return trigger.dep_ in ("dobj", "pobj") and head.i in facts.report_cues


@status_rule("attributed-report", plover="SPEC §4")
def _attributed_report(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """Told by a source ("X said", "according to", "X confirmed", "X believes"): a report;
    asked for by one ("X urged Y to withdraw"): a request."""
    if not facts.chain or facts.chain[-1][0] not in ("say", "according_to", "confirm"):
        return None
    kind, lemma = facts.chain[-1]
    if kind == "confirm":
        return [*cues, Cue("confirm", lemma)]
    words = load_words()
    top = facts.path[-1].node
    if words.governors.get(lemma) == "request" and (
            top.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)):
        return [*cues, Cue("request", lemma)]  # "URGED Moscow TO withdraw": asked for
    return [*cues, Cue("belief" if words.has("belief_cues", lemma) else "report", lemma)]


@status_rule("nested-report", plover="SPEC §4")
def _nested_report(cues: list[Cue], facts: StatusFacts) -> list[Cue] | None:
    """A report of a report ("A said B told C that ..."): each outer source adds doubt."""
    outer = [Cue("nested", lemma, i + 1) for i, (_, lemma) in enumerate(facts.chain[:-1])]
    return _added(cues, outer)


def _report_cue(cues: list[Cue], facts: StatusFacts, kind: str, cue: str) -> list[Cue] | None:
    if not facts.chain or facts.chain[-1][0] != kind:
        return None
    return [*cues, Cue(cue, facts.chain[-1][1])]


__all__ = ["FUTURE_KINDS", "NEGATIVE_KINDS", "POSSIBLE_KINDS", "REPORT_KINDS", "SCORE_KINDS",
           "UNCONFIRMED_KINDS", "StatusFacts",
           "is_future", "read_cues"]
