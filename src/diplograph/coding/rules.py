"""The registry of named coding rules, and the order they run in.

Each step of the coder after lexicon matching is a set of small functions, each
registered with a stable name, a one-line docstring and the section of the PLOVER
manual it follows ("SPEC §4" or "diplograph" where the convention is ours):

- ``trigger``: triggers read off the shape of a clause rather than off a lexicon word and
  its light verb ("RUSSIA's attack ON Ukraine", "said X's decision WAS A MISTAKE";
  structure_triggers.py); every rule runs, on the tokens no trigger holds yet.
- ``fold``: folding a trigger into the frame whose clause embeds it (frames.py);
  first match wins.
- ``clause``: keeping a trigger of a background clause (relative, participle, adverbial)
  that is an event of its own ("AFTER MEETING Putin", "pastors WHO MET Trump";
  frames.py); first match wins, and a trigger no rule keeps is dropped.
- ``recode``: PLOVER recodings of a frame ("failed to agree" is REJECT; recode.py);
  first match wins.
- ``argument``: repairs of the source and target actors (arguments.py, and the one
  recoding that needs the actors, in recode.py); every rule runs, in order, and a
  rule may drop the event.
- ``status``: the claim status from the clause, the frame and the attribution
  (status.py); every rule runs, in order.

Every event lists, in ``rules``, its trigger's lexicon rule (``trigger/…``, see
:func:`trigger_rule_name`; a folded trigger's follows the fold rule that took it),
the name of each rule that fired for it, and ``mode/<TYPE>:<mode>`` where its mode
came from a cue of ``data/lexicon/modes.yaml``, so an analyst can see why it was
coded (SPEC §4). An event the learned detector proposed where no trigger rule fired
(``coding/hybrid.py``) names ``detector:<TYPE>`` (:func:`detector_rule_name`) in the
trigger's place; one whose status the learned band classifier set, where the cues
alone read another (``coding/factuality_band.py``), names :data:`BAND_CLASSIFIER_RULE`
after its status rules. The order of each step is pinned below, in one place; a rule module
that registers a name the order does not list (or misses one) fails loudly.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from diplograph.knowledge.lexicon import TriggerRule

F = TypeVar("F", bound=Callable[..., Any])

TRIGGER_ORDER = (
    "event-noun-with-its-own-actors",
    "event-noun-carried-by-its-participle",
    "event-noun-as-the-means",
    "collective-act-named-with-its-doer",
    "questioning-by-an-investigator",
    "actor-under-investigation",
    "investigation-named-with-its-sides",
    "actor-put-on-a-sanctions-list",
    "actor-placed-in-custody",
    "criticism-told-as-what-was-said",
    "verdict-given-by-naming",
    "praise-given-by-naming",
    "verdict-given-by-naming-in-the-passive",
    "verdict-on-an-act-named-by-a-pronoun",
    "wrongdoing-told-as-what-was-said",
    "failing-told-as-what-was-said",
    "conduct-told-as-what-was-said",
    "criticism-received-from-an-actor",
    "harm-told-as-what-was-said",
    "stance-told-by-a-predicate",
    "intent-told-by-a-predicate",
    "demand-told-by-a-need-in-what-was-said",
    "demand-told-by-a-necessity-in-what-was-said",
)
FOLD_ORDER = (
    "setting-of-the-act",
    "claim-of-fact-absorbs-no-act",
    "absorbing-frame",
    "vow-of-hostile-act-is-threat",
    "readiness-told-by-a-predicate-absorbs-the-act",
    "promise-absorbs-promised-act",
    "act-done-for-another",
    "intent-to-meet-is-planned-meeting",
)
CLAUSE_ORDER = (
    "temporal-clause-is-its-own-event",
    "means-gerund-is-its-own-event",
    "gerund-with-its-own-subject-is-its-own-event",
    "where-or-when-clause-is-its-own-event",
    "subject-relative-clause-is-its-own-event",
    "speech-in-a-relative-clause-is-its-own-event",
    "passive-relative-clause-is-its-own-event",
    "participle-beside-its-subject-is-its-own-event",
    "participle-with-its-agent-is-its-own-event",
    "noun-carried-by-its-participle-is-its-own-event",
    "participle-of-a-published-text-is-its-own-event",
)
RECODE_ORDER = (
    "failed-agreement-is-reject",
    "refused-backing-is-reject",
    "promised-cooperation-is-agree",
    "readiness-for-hostile-act-is-threat",
    "willingness-to-retreat-is-agree",
    "announced-retreat-is-concede",
    "attack-on-a-policy-is-criticism",
    "attack-framed-as-words-is-criticism",
    "trip-is-a-visit",
    "vow-not-to-act-is-reject",
    "warning-against-an-act-is-a-demand",
    "greeting-by-protesters-is-a-protest",
)
ARGUMENT_ORDER = (
    "pronoun-in-a-report-is-not-the-reporter",
    "named-speaker-for-a-party",
    "published-text-speaks-for-its-publisher",
    "nominal-event-own-actors",
    "gerund-after-its-subject",
    "agent-of-a-passive-light-verb",
    "unnamed-investigator-is-the-state",
    "investigation-sides",
    "investigation-body-named-by-its-modifier",
    "unnamed-investigating-body-is-the-state",
    "criticism-received-is-from-its-sender",
    "demand-told-by-a-necessity-is-on-the-clause-subject",
    "need-of-the-speakers-own-state-is-no-demand",
    "listed-actor-and-the-list-owner",
    "detained-and-the-detainer",
    "agent-hung-from-the-object",
    "agent-hung-from-the-verdict",
    "state-act-without-its-doer",
    "unnamed-court-is-the-state",
    "passive-the-parse-hides",
    "expelling-a-member-is-a-sanction",
    "unnamed-member-of-the-expelling-body",
    "unknown-party-left-is-the-members-own",
    "leaving-a-party-is-withdrawal",
    "unnamed-member-leaving-the-party",
    "leaving-private-life-is-no-event",
    "scene-event-takes-the-clause-actor",
    "officials-of-two-states",
    "joint-drill-is-cooperate",
    "attack-on-a-party-is-criticism",
    "attack-by-a-politician-on-a-person-is-criticism",
    "campaign-rally-is-no-protest",
    "protest-scene",
    "threat-condition-target",
    "warned-party-at-risk-is-criticism",
    "warning-of-a-danger-is-no-threat",
    "naming-is-no-call",
    "dismissing-an-actor-is-disapproval",
    "dismissing-an-actors-conduct-is-disapproval",
    "dismissing-an-actors-act-with-a-verdict-is-disapproval",
    "question-is-no-request",
    "hoped-act-is-no-act",
    "charge-of-surrender-is-criticism",
    "rallying-supporters-is-no-protest",
    "act-on-a-market-figure-is-no-event",
    "showing-is-no-demonstration",
    "opinion-sense-is-no-event",
    "force-in-a-figurative-sense-is-no-event",
    "idiom-of-attack-done-by-force-is-no-criticism",
    "committing-a-wrong-is-no-pledge",
    "duty-in-the-past-is-reproach",
    "entitlement-is-no-request",
    "goods-from-exporter",
    "owner-of-sanctioned-goods",
    "topic-or-scene-inside-a-phrase",
    "stance-of-two-is-no-joint-act",
    "pledge-of-two-is-no-joint-act",
    "owner-named-by-a-possessive-pronoun",
    "request-goes-to-its-addressee",
    "fallback-target",
    "place-where-words-were-said",
    "place-that-only-locates-the-act",
    "matter-of-a-dispute-is-no-counterpart",
    "claim-of-fact-has-no-receiver",
    "own-state-place-is-scene",
    "owner-of-a-pledged-thing",
    "unreceived-retreat-stays-retreat",
    "domestic-target",
    "people-are-no-party-to-words",
    "firms-among-themselves",
    "sale-of-a-firm-is-commerce",
    "performers-and-players-are-private",
    "investigation-by-a-private-body-is-no-event",
    "needs-an-actor",
    "joint-subjects-face-each-other",
    "needs-a-source-unless-passive",
    "imported-pattern-needs-two-sides",
    "interview-is-no-meeting",
    "meeting-needs-a-counterpart",
    "agreement-needs-a-counterpart",
    "officials-consult",
    "meeting-in-a-third-country-is-third-party",
)
STATUS_ORDER = (
    "negated-clause",
    "hypothetical-clause",
    "future-clause",
    "habitual-would",
    "conditional-would",
    "factive-adjective",
    "bare-predicate",
    "unconfirmed-adverb",
    "intent-to-meet-is-planned",
    "promise-is-the-act",
    "failure-is-the-act",
    "refusal-is-the-act",
    "negation-outscopes-modal",
    "whether-under-a-cue-is-asked",
    "attributed-denial",
    "negation-told-by-its-doer-is-a-denial",
    "attributed-unconfirmed",
    "claim-noun-is-told",
    "attributed-report",
    "nested-report",
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One registered rule: what an event's ``rules`` names, and the code behind it."""

    name: str  # "<step>/<rule>", as events record it
    plover: str  # the PLOVER manual section it follows, or "SPEC §4" / "diplograph"
    doc: str  # the one-line docstring
    func: Callable[..., Any]
    types: frozenset[str] | None = None  # the frame types it looks at (None: any)

    def applies_to(self, kind: str) -> bool:
        """Whether a frame of type ``kind`` is one this rule looks at."""
        return self.types is None or kind in self.types


class Registry:
    """The rules of one coding step, by short name, run in the pinned ``order``."""

    def __init__(self, step: str, order: tuple[str, ...]) -> None:
        self.step, self.order = step, order
        self.rules: dict[str, Rule] = {}
        # ``ordered()``'s answer, kept until a rule is registered: the steps ask for it
        # for every sentence, and checking the names against the order each time showed.
        self._ordered: tuple[Rule, ...] | None = None

    def rule(self, name: str, *, plover: str, types: Collection[str] | None = None,
             step: str | None = None) -> Callable[[F], F]:
        """Register the decorated function as the rule ``name`` of this step.

        Args:
            name: the rule's stable name, one of this step's pinned order.
            plover: the PLOVER manual section it follows, or "SPEC §4" / "diplograph".
            types: the frame types it looks at; None for any.
            step: the prefix events record, when not this step's (a recoding that needs
                the actors runs with the argument rules but is named as a recoding).

        Raises:
            ValueError: the name is taken, not in the order, or the function has no docstring.
        """
        def register(func: F) -> F:
            doc = (func.__doc__ or "").strip()
            if name in self.rules or name not in self.order or not doc:
                raise ValueError(f"{self.step} rule {name!r}: taken, not in "
                                 f"{self.step.upper()}_ORDER, or without a docstring")
            self._ordered = None
            self.rules[name] = Rule(name=f"{step or self.step}/{name}", plover=plover,
                                    doc=doc.splitlines()[0], func=func,
                                    types=frozenset(types) if types is not None else None)
            return func
        return register

    def ordered(self) -> tuple[Rule, ...]:
        """The rules in their pinned order.

        Raises:
            RuntimeError: the registered rules are not exactly those of the order.
        """
        if self._ordered is None:
            if set(self.rules) != set(self.order):
                raise RuntimeError(f"{self.step} rules {sorted(self.rules)} do not match "
                                   f"{self.step.upper()}_ORDER {sorted(self.order)}")
            self._ordered = tuple(self.rules[name] for name in self.order)
        return self._ordered


TRIGGER = Registry("trigger", TRIGGER_ORDER)
FOLD = Registry("fold", FOLD_ORDER)
CLAUSE = Registry("clause", CLAUSE_ORDER)
RECODE = Registry("recode", RECODE_ORDER)
ARGUMENT = Registry("argument", ARGUMENT_ORDER)
STATUS = Registry("status", STATUS_ORDER)
REGISTRIES = (TRIGGER, FOLD, CLAUSE, RECODE, ARGUMENT, STATUS)

trigger_rule = TRIGGER.rule
fold_rule = FOLD.rule
clause_rule = CLAUSE.rule
recode_rule = RECODE.rule
argument_rule = ARGUMENT.rule
status_rule = STATUS.rule


def all_rules() -> list[Rule]:
    """Every registered rule, step by step in run order (imports the rule modules)."""
    from diplograph.coding import (  # noqa: F401 (they register)
        antecedents,
        arguments,
        coordination,
        counterparts,
        frames,
        membership,
        naming,
        party_voice,
        published_texts,
        recode,
        status,
        structure_triggers,
        third_country,
        verb_senses,
    )

    return [rule for registry in REGISTRIES for rule in registry.ordered()]


@functools.lru_cache(maxsize=1024)
def trigger_rule_name(rule: TriggerRule) -> str:
    """The name events record for the lexicon rule their trigger matched:
    ``trigger/<TYPE>:<verb|noun>:<first lemma>`` and the rule's first object,
    preposition and particle, e.g. ``trigger/REQUEST:verb:call+prep:on``; an imported
    CAMEO pattern is ``trigger/cameo:<lemma>:<CAMEO code>``."""
    if rule.origin:
        return f"trigger/{rule.origin}"
    kind, words = ("verb", rule.verbs) if rule.verbs else ("noun", rule.nouns)
    parts = [f"trigger/{rule.type}:{kind}:{words[0]}"]
    parts += [f"{key}:{getattr(rule, key)[0]}" for key in ("object", "prep", "particle")
              if getattr(rule, key)]
    return "+".join(parts)


# The name an event records when the band classifier, not the cues, set its status.
BAND_CLASSIFIER_RULE = "status/band-classifier"


def detector_rule_name(kind: str) -> str:
    """The name events record when the learned detector, not a trigger rule, proposed
    them: ``detector:<TYPE>`` (the type the detector proposed, before any recoding)."""
    return f"detector:{kind}"
