"""Factuality and claim status, read off one set of cues (SPEC §4 ``status``, ``factuality``).

For an event, or for any predicate of a parsed sentence, the status rules
(:mod:`diplograph.coding.status`) collect the cues of its clause, its frame and the
reports that carry it. Here they add up to:

- a factuality score in [-3, +3] (+3 certainly happened, 0 uncertain, -3 certainly did
  not), comparable with public factuality gold (UW, MEANTIME): the cue score, +3 times the
  product of the calibrated values of the cues (``data/lexicon/factuality.yaml``), plus a
  linear correction for how the sentence frames the predicate
  (:mod:`diplograph.coding.correction`; the cue values fitted on UW train, the correction
  on UW train + dev), refined by boosted trees
  over the words around the predicate where they are shipped
  (:mod:`diplograph.coding.factuality_trees`), and stretched away from the mean gold value
  (the regression reads the rare low end and the uncertain middle too near it); the
  learned part reads the innermost report of a nested one ("A said B told C that ..."), and
  each outer source then adds its doubt to the clipped score (:func:`doubted`);
- the claim status, read off the cue score and the kinds of the cues, in :func:`status_of`,
  the one place that maps them; where the cues fix no band (no modal, future, hedge,
  denial, negation or attempt), a band classifier
  (:mod:`diplograph.coding.factuality_band`) decides between happened and uncertain in
  place of the cue score's side of +1 (:func:`status_in_band`). The score is not moved
  into that band (clipping it cost CV MAE and r), so a hypothetical act may keep a score
  of +1 or more: the score is the expected reading, the status the decision. Where the
  classifier's band changes the status the cues alone give, the reading's ``rules`` (and
  so the event's) end with ``status/band-classifier`` (``rules.BAND_CLASSIFIER_RULE``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from diplograph.coding.attribution import Attribution, attribution_chain
from diplograph.coding.correction import (
    HAPPENED,
    NOT_HAPPENED,
    Correction,
    corrected,
    features,
    load_correction,
    within_limits,
)
from diplograph.coding.cues import Cue, load_words
from diplograph.coding.factuality_band import BANDS, Band, band_of, load_band
from diplograph.coding.factuality_features import GROUPS, group_of
from diplograph.coding.factuality_trees import (
    Trees,
    load_trees,
    reads_window,
    refined,
    words_around,
)
from diplograph.coding.parse import doc_text
from diplograph.coding.rules import BAND_CLASSIFIER_RULE
from diplograph.coding.status import (
    DENIAL_KINDS,
    FUTURE_KINDS,
    NEGATIVE_KINDS,
    POSSIBLE_KINDS,
    REPORT_KINDS,
    UNCONFIRMED_KINDS,
    StatusFacts,
    read_cues,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the cues of one event or predicate add up to."""

    score: float  # factuality in [-3, +3]
    status: str  # one of records.STATUSES
    cues: tuple[Cue, ...]
    # the status rules that fired, in run order, then the band classifier where it set the
    # status (rules.BAND_CLASSIFIER_RULE)
    rules: tuple[str, ...]
    cue_score: float = 0.0  # the score of the cues alone, before the correction
    features: tuple[str, ...] = ()  # what the correction weighed


def score_of(cues: list[Cue] | tuple[Cue, ...]) -> float:
    """The factuality of a predicate with these cues: +3 times the product of their
    calibrated values, clipped to [-3, +3] and rounded to two decimals. A cue's value is
    its word's (``possible:could``) where the calibration has one, else its kind's."""
    values = load_words().calibration
    product = math.prod(values.get(f"{c.kind}:{c.word}", values.get(c.kind, 1.0)) for c in cues)
    return round(max(-3.0, min(3.0, 3.0 * product)), 2)


def outer_doubt(cues: list[Cue] | tuple[Cue, ...]) -> float:
    """The doubt the outer sources of a nested report add ("A said B told C that ...",
    status rule nested-report): the product of the calibrated values of its ``nested`` cues
    (one a source outside the innermost; 1.0 for a report that is not nested)."""
    values = load_words().calibration
    return math.prod(values.get(f"{c.kind}:{c.word}", values.get(c.kind, 1.0))
                     for c in cues if c.kind == "nested")


def doubted(cue_score: float, score: float, cues: list[Cue] | tuple[Cue, ...]) -> float:
    """A learned score (corrected, refined, stretched and clipped) times the doubt of the
    outer sources of a nested report (:func:`outer_doubt`), within the correction's limits.

    The correction and the trees learn the score of the innermost report: their fit
    (``benchmarks/factuality_fit.py``, ``factuality_cv.py``) takes as a nested predicate's
    target its gold value divided by this doubt. Each outer source then lowers the learned
    score by its calibrated value (fitted on UW train with the cue values) after the clip,
    so that neither the refinement nor the stretch and clip to +3 can take the doubt away: a
    report with one outer source scores at most 3 x 0.88 (``nested`` in
    ``data/lexicon/factuality.yaml``), with two at most 3 x 0.88 x 0.88."""
    doubt = outer_doubt(cues)
    return score if doubt == 1.0 else within_limits(cue_score, score * doubt)


def status_of(score: float, cues: list[Cue] | tuple[Cue, ...]) -> str:
    """The claim status of a predicate with this score and these cues.

    More likely not than happened (a negative score) is ``denied`` when a party's denial
    says so, else ``negated``. Otherwise a possible or conditional cue makes it ``hypothetical``, a
    future, intent or request cue ``planned``, a withheld confirmation or hearsay
    ``unconfirmed``; an uncertain score with none of these is ``hypothetical``; a report
    makes the rest ``reported``, and the article's own voice ``asserted``.
    """
    kinds = {c.kind for c in cues}
    if score < 0:
        return "denied" if kinds & DENIAL_KINDS else "negated"
    if kinds & POSSIBLE_KINDS:
        return "hypothetical"
    if kinds & FUTURE_KINDS:
        return "planned"
    if kinds & UNCONFIRMED_KINDS:
        return "unconfirmed"
    if score < HAPPENED:
        return "hypothetical"
    return _voiced(kinds)


def _voiced(kinds: set[str]) -> str:
    """An act that happened, as told: ``reported`` when a report carries it, else the
    article's own voice, ``asserted``."""
    return "reported" if kinds & (REPORT_KINDS | {"deny"}) else "asserted"


# The 3-way band of each status: what it says of the act (unconfirmed: claimed, not confirmed).
BAND_OF_STATUS = {"asserted": "happened", "reported": "happened", "unconfirmed": "uncertain",
                  "planned": "uncertain", "hypothetical": "uncertain", "denied": "not",
                  "negated": "not"}
# The cue kinds that fix a band by what they say (a modal, a future, a hedge, a denial, a
# negation; an attempt, which PLOVER codes as the act: "TRIED to hack" is the hacking):
# the band classifier does not move a predicate that has one; nor one a factive adjective
# judges ("was RIGHT to reject": the rejection happened).
_BAND_FIXING_KINDS = (POSSIBLE_KINDS | FUTURE_KINDS | UNCONFIRMED_KINDS | NEGATIVE_KINDS
                      | {"attempt", "factive"})
_UNCERTAIN_EDGE = 0.99  # the uncertain band is (-1, +1): its scores stay within +-0.99


def status_in_band(cue_score: float, cues: list[Cue] | tuple[Cue, ...], band: str | None,
                   policy: str = "open") -> str:
    """The claim status when a band classifier has a say.

    ``status_of`` reads the cue score's band where the cues fix none (an act with no modal,
    future, hedge, denial, negation or attempt: asserted or reported from +1 up,
    hypothetical below). Under the ``open`` policy the classifier's ``band`` decides there instead,
    between happened and uncertain; a predicate whose cues fix its band keeps its status.
    Under ``free`` (measured, not used) the band overrides the cues.
    """
    status = status_of(cue_score, cues)
    if band is None or BAND_OF_STATUS[status] == band:
        return status
    if policy == "open" and (not band_is_open(cues) or band == "not"):
        return status
    kinds = {c.kind for c in cues}
    if band == "not":
        return "denied" if kinds & DENIAL_KINDS else "negated"
    if band == "uncertain":
        return "hypothetical"
    return _voiced(kinds)


def band_is_open(cues: list[Cue] | tuple[Cue, ...]) -> bool:
    """Whether no cue fixes the band (no modal, future, hedge, denial, negation or
    attempt)."""
    return not {c.kind for c in cues} & _BAND_FIXING_KINDS


def keeps_cue_band(lemma: str, failed: bool = False, pos: str = "VERB") -> bool:
    """Whether the cues alone decide a predicate's band, the band classifier having no say:
    the predicate is a negative-implicative verb (``implicative_verbs``: "Iran REFUSED to
    sign", the refusal happened), an intent word itself (a verb or adjective of the
    ``intent`` governors: "Syria says it is WILLING to withdraw", the statement of intent
    happened and is the coded AGREE), or its failure is itself the coded act
    (``StatusFacts.failed``: "failed to reach an agreement" coded as REJECT). None of them
    is ever hypothetical for want of a cue."""
    words = load_words()
    lemma = lemma.lower()
    intent = pos in _INTENT_POS and words.governors.get(lemma) == "intent"
    return failed or intent or lemma in words.lists["implicative_verbs"]


_INTENT_POS = ("VERB", "AUX", "ADJ")  # the governors table is of verbs and adjectives


def _frame_is_the_act(facts: StatusFacts) -> bool:
    """Whether the frame makes a failure, a promise or an announcement itself the coded act
    (status rules failure-is-the-act, promise-is-the-act: "failed to reach an agreement"
    as REJECT, "says it is willing to withdraw" as AGREE): the cues then keep the band."""
    return facts.failed or facts.refused or facts.type == "AGREE" or facts.announced


def clipped_into(score: float, band: str) -> float:
    """A score moved to the nearest edge of a band it lies outside."""
    if band == "happened":
        return max(score, HAPPENED)
    if band == "not":
        return min(score, NOT_HAPPENED)
    return max(-_UNCERTAIN_EDGE, min(_UNCERTAIN_EDGE, score))


def read(facts: StatusFacts, groups: Sequence[str] | None = None) -> Reading:
    """The factuality and status of an event or predicate, and the rules behind them.

    Args:
        groups: the feature groups to compute; by default those a shipped weight reads
            (:func:`shipped_groups`). A fit asks for all of them (``GROUPS``).
    """
    cues, rules = read_cues(facts)
    cue_score = score_of(cues)
    feats = features(facts.trigger, facts.path, cues, cue_score,
                     shipped_groups() if groups is None else groups)
    base = corrected(cue_score, feats)
    around = words_around(facts.trigger, cues, reads_window(load_trees())) if feats else None
    score = refined(facts.trigger, cues, cue_score, base, feats, around=around)
    # The learned score is the innermost report's: each outer source of a nested report adds
    # its doubt after the clip. Without features the score is the cue score, whose product
    # already holds the nested cues.
    if feats:
        score = doubted(cue_score, score, cues)
    # The status reads the cues, and where they fix no band, the band classifier (or,
    # when none is shipped, the cue score): the regression refines the number (how sure
    # news of this frame is), never what the cues say of the act.
    band = (None if keeps_cue_band(facts.trigger.lemma_, _frame_is_the_act(facts),
                                     facts.trigger.pos_)
            else band_of(facts.trigger, cues, cue_score, base, feats, around=around))
    status = status_in_band(cue_score, cues, band)
    if status != status_of(cue_score, cues):  # the learned part, named like any rule
        rules = (*rules, BAND_CLASSIFIER_RULE)
    return Reading(score=score, status=status,
                   cues=tuple(cues), rules=rules, cue_score=cue_score, features=feats)


_SHIPPED: list = []  # [(correction, trees, band), their groups]: the last models read


def shipped_groups() -> tuple[str, ...]:
    """The feature groups that some shipped weight reads: a feature of the correction, a
    ``f:`` column of the trees or of the band classifier. A group none of them reads (stop
    18's ``place``) costs time for nothing, so the run-time reading leaves it out."""
    models = (load_correction(), load_trees(), load_band())
    if not _SHIPPED or any(a is not b for a, b in zip(_SHIPPED[0], models, strict=True)):
        _SHIPPED[:] = [models, groups_read_by(*models)]
    return _SHIPPED[1]


def groups_read_by(correction: Correction, trees: Trees | None,
                   band: Band | None) -> tuple[str, ...]:
    """The feature groups these models read, in ``GROUPS`` order."""
    names = [*correction.weights]
    for model in (trees, band):
        if model is not None:
            names += [c.removeprefix("f:") for c in model.columns if c.startswith("f:")]
    used = {group_of(name) for name in names}
    return tuple(group for group in GROUPS if group in used)


def report_facts(doc: Doc, chain: list[Attribution]) -> dict:
    """The :class:`StatusFacts` fields that come from the reports carrying a predicate
    (outermost first): their kinds and cue lemmas, their cue tokens, and whether the
    innermost one's content is a whether-clause ("could not say WHETHER they met")."""
    if not chain:
        return {}
    cue_tokens = [_token_at(doc, a.cue_start) for a in chain]
    words = load_words()
    text = doc_text(doc)
    first = text[chain[-1].content_start:].split(maxsplit=1)
    asked = bool(first) and first[0].lower() in words.lists["question_marks"] | {"if"}
    return {
        "chain": tuple((a.kind, a.cue) for a in chain),
        "report_cues": frozenset(t.i for t in cue_tokens if t is not None),
        "whether": asked,
    }


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def predicate_factuality(token: Token, attributions: list[Attribution],
                         groups: Sequence[str] | None = None) -> Reading:
    """The factuality and status of any predicate (a verb, an event noun, an adjective),
    read with the same rules as an event's, without a frame.

    Args:
        token: the predicate, in a parsed Doc.
        attributions: the Doc's attributions (``quotes.find_attributions``).
        groups: the feature groups to compute (:func:`read`).
    """
    doc = token.doc
    chain = attribution_chain(doc, attributions, token)
    return read(StatusFacts(trigger=token, verb=None, **report_facts(doc, chain)), groups)


__all__ = ["BANDS", "BAND_OF_STATUS", "HAPPENED", "NOT_HAPPENED", "Reading", "band_is_open",
           "clipped_into", "doubted", "outer_doubt", "predicate_factuality", "read",
           "report_facts", "score_of", "groups_read_by", "keeps_cue_band", "shipped_groups",
           "status_in_band", "status_of"]
