"""Per-event confidence: a logistic model over a few transparent features.

The weights live in ``data/lexicon/confidence.yaml``; ``benchmarks/calibrate.py``
fits them on data we labelled ourselves (the hand-written coding cases and the
sample's gold) and reports how well they are calibrated on held-out gold
(docs/benchmarks.md), so a threshold means what it says.

With the learned detector on (``coding/hybrid.py``), an event has two more features
(``DETECTOR_FEATURES``) and is scored by the second model of the file, ``with_detector``,
fitted on the same features plus those two; with it off, the first model scores it.
"""

from __future__ import annotations

import functools
import math
from importlib import resources

from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml
from diplograph.records import ActorRef

FEATURES: tuple[str, ...] = (
    "source_identified",  # the source is a state, an organisation or a person of either
    "source_known_person",  # the source is a person in the knowledge base (has a QID)
    "target_present",
    "target_identified",
    "target_inferred",  # the target was not named: a domestic event's own country
    "specific_rule",  # the rule needed an object, preposition or particle, not just a verb
    "noun_trigger",  # the event was carried by a noun ("held talks")
    "long_sentence",  # tokens beyond 25, scaled to [0, 1] at 75
    "reported",
    "future",  # planned or hypothetical
    "not_happened",  # negated or denied
    "folded",  # an embedded act was folded into this one
    "untargeted_kind",  # no target, in a category that often has none (resign, mobilize)
    "place_actor",  # an actor read off a place name ("shelled JUBA"): gazetteers are of today
    "bare_name",  # an actor who is only a name: no state, office or sector (a footballer?)
    "business_actor",  # a company on either side: markets more often than politics
)
# The features of an event when the learned detector runs (its sentence's probabilities).
DETECTOR_FEATURES: tuple[str, ...] = (
    "detector_probability",  # the detector's probability for the event's type
    "detector_proposed",  # the detector proposed the event where no trigger rule fired
)
# Categories whose events often have no target: "X resigned", "troops mobilized".
UNTARGETED_KINDS = frozenset({"RETREAT", "MOBILIZE", "PROTEST", "AGREE"})


def is_identified(actor: ActorRef | None) -> bool:
    """A state, an organisation, a person of one (an organisation's officer has no state),
    or a named group of states ("Western troops", "European leaders")."""
    return actor is not None and bool(actor.country or actor.kind in {"organisation", "group"}
                                      or actor.sector == "IGO")


def features(*, kind: str, source: ActorRef | None, target: ActorRef | None, specificity: int,
             noun_trigger: bool, sentence_tokens: int, status: str, folded: bool) -> dict:
    """The feature values of one event (see ``FEATURES``)."""
    return {
        "source_identified": float(is_identified(source)),
        "source_known_person": float(bool(source and source.wikidata)),
        "target_present": float(target is not None),
        "target_identified": float(is_identified(target)),
        "target_inferred": float(target is not None and target.text is None),
        "specific_rule": float(specificity > 0),
        "noun_trigger": float(noun_trigger),
        "long_sentence": min(max(sentence_tokens - 25, 0) / 50, 1.0),
        "reported": float(status in {"reported", "unconfirmed"}),
        "future": float(status in {"planned", "hypothetical"}),
        "not_happened": float(status in {"negated", "denied"}),
        "folded": float(folded),
        "untargeted_kind": float(target is None and kind in UNTARGETED_KINDS),
        "place_actor": float(any(a is not None and a.kind == "place" for a in (source, target))),
        "bare_name": float(any(_bare_name(a) for a in (source, target))),
        "business_actor": float(any(a is not None and a.sector == "BUS" for a in (source, target))),
    }


def detector_features(probability: float, *, proposed: bool) -> dict[str, float]:
    """The values of ``DETECTOR_FEATURES`` for one event."""
    return {"detector_probability": probability, "detector_proposed": float(proposed)}


def _bare_name(actor: ActorRef | None) -> bool:
    return actor is not None and actor.kind == "person" and not (
        actor.country or actor.role or actor.sector or actor.wikidata)


@functools.lru_cache(maxsize=2)
def weights(detector: bool = False) -> tuple[float, dict[str, float]]:
    """(bias, weights) from the packaged model file: the rules-only model, or the one
    fitted with the detector's features (``with_detector``)."""
    text = (resources.files("diplograph") / "data" / "lexicon" / "confidence.yaml").read_text(
        encoding="utf-8")
    data = load_yaml(text) or {}
    known = set(FEATURES)
    if detector:
        data, known = data.get("with_detector") or {}, known | set(DETECTOR_FEATURES)
    unknown = set(data.get("weights", {})) - known
    if unknown or "bias" not in data:
        raise KnowledgeError(f"confidence.yaml: needs `bias`; unknown features {sorted(unknown)}")
    return float(data["bias"]), {k: float(v) for k, v in data.get("weights", {}).items()}


def score(values: dict[str, float]) -> float:
    """The probability that the event is right, rounded to two decimals (by the detector's
    model when ``values`` hold its features)."""
    bias, w = weights(detector=DETECTOR_FEATURES[0] in values)
    z = bias + sum(w.get(name, 0.0) * value for name, value in values.items())
    return round(1.0 / (1.0 + math.exp(-z)), 2)
