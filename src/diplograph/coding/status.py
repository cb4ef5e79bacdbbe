"""Claim status of an event (SPEC §4): asserted, reported, unconfirmed, planned,
hypothetical, denied or negated — read off the trigger's clause and the
attribution (if any) whose content covers it."""

from __future__ import annotations

from spacy.tokens import Token

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
# are not here: "refused to meet" is coded as the REJECT it is.
NEGATING_GOVERNORS = {"avoid", "fail"}
UNCONFIRMED_GOVERNORS = {"reportedly", "allegedly", "purportedly"}


def _clause_chain(token: Token, limit: int = 5) -> list[Token]:
    """The trigger and the verbs it hangs from through xcomp/aux-like links."""
    chain = [token]
    while len(chain) < limit and token.dep_ in {"xcomp", "aux", "auxpass"} and token.head is not token:
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


def clause_status(trigger: Token, verb: Token | None) -> str:
    """Status from the clause alone (before attribution is applied)."""
    if is_negated(trigger, verb):
        return "negated"
    if is_hypothetical(trigger, verb):
        return "hypothetical"
    if is_future(trigger, verb):
        return "planned"
    if any(c.lower_ in UNCONFIRMED_GOVERNORS for c in (verb or trigger).children):
        return "unconfirmed"
    return "asserted"


def combine(clause: str, attribution_kind: str | None) -> str:
    """Fold an attribution's kind into the clause status.

    A denial turns a happened event into ``denied``; "neither confirm nor deny"
    makes it ``unconfirmed``; a plain report makes it ``reported``. Future,
    hypothetical and negated clauses keep their status: "X said it would not
    send troops" is negated, whoever says it.
    """
    if attribution_kind is None:
        return clause
    if clause in {"planned", "hypothetical"}:
        return clause
    if attribution_kind == "deny":
        return "denied"
    if clause == "negated":
        return "negated"
    if attribution_kind == "unconfirmed":
        return "unconfirmed"
    if clause == "unconfirmed":
        return clause
    return "reported"
