"""Claim status of an event (SPEC §4): asserted, reported, unconfirmed, planned,
hypothetical, denied or negated.

The status comes from one place, the status rules below, run in their pinned
order (``rules.STATUS_ORDER``) from "asserted": first the trigger's clause ("did
not meet", "could meet", "will meet", "reportedly met"), then what the coder made
of the frame (an intent to meet is a planned meeting; a promise, and a failure,
is itself the act), then the attribution whose content covers the trigger (a
denial, a report). Each rule that fires is named in the event's ``rules``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from diplograph.coding.rules import STATUS, status_rule

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
POSSIBLE_AUX = {"could", "might", "may"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Verbs whose xcomp is a future act: "is EXPECTED to meet", "PLANS to visit".
FUTURE_GOVERNORS = {
    "expect", "plan", "schedule", "intend", "hope", "aim", "prepare", "set", "due", "seek",
    "want", "wish", "propose", "arrange", "invite", "consider", "mull",
}
# Adjectives on an event noun that make it future: "a PLANNED summit".
FUTURE_ADJECTIVES = {"planned", "upcoming", "scheduled", "expected", "proposed", "possible",
                     "potential", "next", "future", "forthcoming", "prospective"}
# Verbs that negate the act below them ("advised citizens to AVOID travelling"). Refusals
# are not here: "refused to meet" is coded as the REJECT it is; "FAILED to agree" is
# negated here and made asserted again by ``failure-is-the-act`` (the failure is a REJECT).
NEGATING_GOVERNORS = {"avoid", "fail"}
UNCONFIRMED_GOVERNORS = {"reportedly", "allegedly", "purportedly"}


def _clause_chain(token: Token, limit: int = 5) -> list[Token]:
    """The trigger and the verbs it hangs from through xcomp/aux-like links."""
    chain = [token]
    while (len(chain) < limit and token.dep_ in {"xcomp", "aux", "auxpass"}
           and token.head is not token):
        token = token.head
        chain.append(token)
    return chain


def _has_child(token: Token, deps: set[str], words: set[str] | None = None) -> bool:
    return any(
        c.dep_ in deps and (words is None or c.lower_ in words) for c in token.children
    )


def is_negated(trigger: Token, verb: Token | None) -> bool:
    """"did not meet", "never met", "no talks were held", "refused to meet" (the last is
    not negated here: refusal is coded as REJECT by the coder)."""
    for tok in filter(None, {trigger, verb}):
        if _has_child(tok, {"neg"}):
            return True
        if tok is trigger and _has_child(tok, {"det"}, {"no"}):
            return True
    for tok in _clause_chain(verb or trigger)[1:]:
        if _has_child(tok, {"neg"}) and tok.lemma_ not in {"say", "tell"}:
            return True
        if tok.lemma_.lower() in NEGATING_GOVERNORS:
            return True
    return False


def is_hypothetical(trigger: Token, verb: Token | None) -> bool:
    clause = verb or trigger
    for tok in _clause_chain(clause):
        if _has_child(tok, {"aux"}, POSSIBLE_AUX):
            return True
        if _has_child(tok, {"mark"}, CONDITIONAL_MARKS):
            return True
        if tok.dep_ == "advcl" and _has_child(tok, {"mark"}, CONDITIONAL_MARKS):
            return True
    return False


def is_future(trigger: Token, verb: Token | None) -> bool:
    clause = verb or trigger
    for tok in _clause_chain(clause):
        if _has_child(tok, {"aux"}, FUTURE_AUX | {"would", "'d"}):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in FUTURE_GOVERNORS:
            return True
        if tok.lemma_.lower() == "go" and tok.tag_ == "VBG" and _has_child(tok, {"xcomp"}):
            return True
    if trigger is not verb and any(
        c.dep_ == "amod" and c.lower_ in FUTURE_ADJECTIVES for c in trigger.children
    ):
        return True
    return False



@dataclass(frozen=True, slots=True, kw_only=True)
class StatusFacts:
    """What decides an event's status: its clause, the frame the coder made of it, and
    the attribution covering it."""

    trigger: Token  # the trigger word
    verb: Token | None  # the verb carrying its clause
    type: str  # the frame's PLOVER type, after recoding
    planned: bool = False  # an intent to meet, coded as the meeting
    announced: bool = False  # a future act coded as the announcement it is
    failed: bool = False  # "failed to agree", coded as the REJECT it is
    attribution: str | None = None  # the kind of the attribution covering it, if any


def event_status(facts: StatusFacts) -> tuple[str, tuple[str, ...]]:
    """The claim status of an event, and the names of the status rules that fired.

    Args:
        facts: the clause, frame and attribution of the event.

    Returns:
        The status and the names of the rules that set it, in run order ("asserted"
        with no rule: the article's own voice, in a plain clause).
    """
    status, fired = "asserted", []
    for rule in STATUS.ordered():
        new = rule.func(status, facts)
        if new is not None:
            status = new
            fired.append(rule.name)
    return status, tuple(fired)


# ------------------------------------------------------------------ the clause
@status_rule("negated-clause", plover="SPEC §4")
def _negated_clause(status: str, facts: StatusFacts) -> str | None:
    """ "did not meet", "never met", "no talks were held", "avoided meeting": negated."""
    return "negated" if is_negated(facts.trigger, facts.verb) else None


@status_rule("hypothetical-clause", plover="SPEC §4")
def _hypothetical_clause(status: str, facts: StatusFacts) -> str | None:
    """ "could meet", "if Paris sends troops": hypothetical."""
    possible = status == "asserted" and is_hypothetical(facts.trigger, facts.verb)
    return "hypothetical" if possible else None


@status_rule("future-clause", plover="SPEC §4")
def _future_clause(status: str, facts: StatusFacts) -> str | None:
    """ "will meet", "plans to visit", "a planned summit": planned."""
    return "planned" if status == "asserted" and is_future(facts.trigger, facts.verb) else None


@status_rule("unconfirmed-adverb", plover="SPEC §4")
def _unconfirmed_adverb(status: str, facts: StatusFacts) -> str | None:
    """ "reportedly met", "allegedly attacked": unconfirmed."""
    adverbs = {c.lower_ for c in (facts.verb or facts.trigger).children}
    return "unconfirmed" if status == "asserted" and adverbs & UNCONFIRMED_GOVERNORS else None


# ------------------------------------------------------------------ the frame
@status_rule("intent-to-meet-is-planned", plover="SPEC §4")
def _intent_to_meet(status: str, facts: StatusFacts) -> str | None:
    """An intent to meet, coded as the meeting ("agreed to meet"), is planned."""
    return "planned" if facts.planned and status == "asserted" else None


@status_rule("promise-is-the-act", plover="SPEC §4")
def _promise_is_the_act(status: str, facts: StatusFacts) -> str | None:
    """A promise (AGREE) or an announcement of a future act is itself the act, asserted."""
    promised = facts.type == "AGREE" or facts.announced
    return "asserted" if promised and status == "planned" else None


@status_rule("failure-is-the-act", plover="3.10")
def _failure_is_the_act(status: str, facts: StatusFacts) -> str | None:
    """A failure to agree, coded as REJECT, is the act: asserted, not negated."""
    return "asserted" if facts.failed and status == "negated" else None


# ------------------------------------------------------------------ the attribution
# Future, hypothetical and negated clauses keep their status whoever says them: "X said
# it would not send troops" is negated.
@status_rule("attributed-denial", plover="SPEC §4")
def _attributed_denial(status: str, facts: StatusFacts) -> str | None:
    """A party denying a (past or negated) act makes it denied."""
    denied = facts.attribution == "deny" and status not in {"planned", "hypothetical"}
    return "denied" if denied else None


@status_rule("attributed-unconfirmed", plover="SPEC §4")
def _attributed_unconfirmed(status: str, facts: StatusFacts) -> str | None:
    """ "Neither confirmed nor denied" makes a past act unconfirmed."""
    past = status not in {"planned", "hypothetical", "negated"}
    return "unconfirmed" if facts.attribution == "unconfirmed" and past else None


@status_rule("attributed-report", plover="SPEC §4")
def _attributed_report(status: str, facts: StatusFacts) -> str | None:
    """An act told by a source ("X said", "according to") rather than the article is reported."""
    return "reported" if facts.attribution is not None and status == "asserted" else None
