"""The date of an event: the time expression of its trigger's clause, resolved by tense.

:func:`event_date` finds the temporal expressions of a sentence
(:func:`~diplograph.coding.timexpr.find_dates`), keeps those attached to the
clause of the event's trigger (not to a reporting verb: "said on Tuesday"),
reads the clause's tense (:func:`sentence_tense`) and resolves the best one
against the publication date (:func:`~diplograph.coding.timexpr.resolve`).
"""

from __future__ import annotations

import datetime
import logging

from spacy.tokens import Span, Token

from diplograph.coding.time_words import Tense, lexicon
from diplograph.coding.timexpr import find_dates, resolve
from diplograph.records import EventDate

logger = logging.getLogger(__name__)

# How finely the anchor must be known for an expression to resolve.
_RANK = {"unknown": 0, "none": 0, "year": 1, "month": 2, "day": 3}


# ---------------------------------------------------------------- tense and attachment


def _is_clause_head(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def _clause_verb(token: Token) -> Token | None:
    """The verb heading the clause a token belongs to (the token itself if a verb)."""
    current = token
    while True:
        if _is_clause_head(current):
            return current
        if current.head == current:
            return None
        current = current.head


def sentence_tense(trigger: Token) -> Tense:
    """Tense of the clause of an event trigger.

    Future for will/shall/would, "going to", "is to", "is expected to", "plans
    to", "scheduled"; past for VBD, and VBN/VBG with have/had or a past
    auxiliary; present otherwise. Nominal triggers take their verb's tense.
    """
    lex = lexicon()
    modifiers = [c for c in trigger.children if c.dep_ in ("acl", "amod")]
    if any(c.lemma_ in ("schedule", "plan", "upcoming") for c in modifiers):
        return "future"
    participles = [c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    nominal = trigger.pos_ in ("NOUN", "PROPN")
    verb = participles[0] if nominal and participles else _clause_verb(trigger)
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any({a.lower_, a.lemma_} & lex.future_auxiliaries for a in auxes):
            return "future"
        infinitive = any(a.lower_ == "to" for a in auxes)
        if infinitive and verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head != verb:
            if verb.head.lemma_ in lex.future_governors or verb.head.lower_ == "going":
                return "future"
            verb = _clause_verb(verb.head)  # "tried to meet" takes "tried"'s tense
            continue
        return _finite_tense(verb, auxes)
    return "present"


def _finite_tense(verb: Token, auxes: list[Token]) -> Tense:
    if any(a.tag_ in ("VBD",) or a.lower_ in ("had", "did") for a in auxes):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"  # "the talks held in Geneva"
    return "present"


def _attachment(date_root: Token, trigger: Token) -> Token | None:
    """The trigger itself when the date hangs off it, else the date's clause verb."""
    current = date_root
    while current.head != current:
        current = current.head
        if current == trigger:
            return trigger
        if _is_clause_head(current):
            # "the summit, held in November": the participle describes the noun trigger.
            if current.dep_ in ("acl", "relcl") and current.head == trigger:
                return trigger
            return current
    return current if current == trigger else _clause_verb(current)


def _dates_a_noun(date_root: Token, clause_head: Token) -> bool:
    """The date hangs off a noun on its way up to the clause ("the invasion IN 2022")."""
    current = date_root.head
    while current != clause_head and current.head != current:
        if current.pos_ in ("NOUN", "PROPN"):
            return True
        current = current.head
    return False


def _rank(date_root: Token, trigger: Token, tense: Tense) -> tuple[int, int] | None:
    """How well a date belongs to the trigger's clause (lower is better), or None."""
    lex = lexicon()
    attach = _attachment(date_root, trigger)
    verb = _clause_verb(trigger)
    distance = abs(date_root.i - trigger.i)
    if attach is None:
        return None
    if attach == trigger or attach == verb:
        return (0, distance)
    if verb is not None and verb.dep_ == "conj" and verb.head == attach:
        # "met on Monday and signed a deal" shares the date; "backers since the invasion
        # in February 2022, and said ..." does not: that date belongs to a noun.
        # Nor does a state's first conjunct ("has BEEN a backer since 2022, and said").
        stative = attach.lemma_ in ("be", "have", "remain", "seem", "become")
        return None if stative or _dates_a_noun(date_root, attach) else (1, distance)
    ancestors = list(verb.ancestors) if verb is not None else list(trigger.ancestors)
    if attach not in ancestors:
        return None
    path = ancestors[: ancestors.index(attach) + 1]
    crossed = [a for a in path if a.lemma_ in lex.reporting_verbs]
    if not crossed:
        return (1, distance)
    # "said on Tuesday that they met": the date dates the report, not the event.
    return (2, distance) if tense == "present" else None


def event_date(sent: Span, trigger: Token, anchor: datetime.date | None, *,
               published_precision: str = "day") -> EventDate:
    """The date of the event carried by ``trigger`` in ``sent``.

    Takes the temporal expression attached to the trigger's clause (in its
    subtree, else on a governing verb), skipping dates of other clauses and of
    reporting verbs ("said on Tuesday"), and normalises it with the trigger's
    tense. Relative expressions that need a finer anchor than the publication
    date's precision are not used.

    Returns:
        The resolved date, or ``EventDate(value=anchor, precision="unknown")``:
        the publication date flagged unknown, never a false day.
    """
    tense = sentence_tense(trigger)
    doc = sent.doc
    ranked = []
    for start, end, text in find_dates(sent):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        rank = _rank(span.root, trigger, tense)
        if rank is not None:
            ranked.append((rank, text))
    for _, text in sorted(ranked):
        found = resolve(text, anchor, tense)
        if found is not None and _RANK[found.needs] <= _RANK.get(published_precision, 0):
            return EventDate(value=found.value, precision=found.precision, text=text)
    return EventDate(value=anchor.isoformat() if anchor else None, precision="unknown", text=None)


__all__ = ["event_date", "sentence_tense"]
