"""The learned correction of the factuality score (SPEC §4 ``factuality``).

The cue score (+3 times the product of the calibrated cue values,
:func:`diplograph.coding.factuality.score_of`) knows which cues a predicate has, not how
its sentence frames it: an event noun after "for" or "about" ("calls FOR a withdrawal",
"talk ABOUT a return") or with "any" ("any WAR") is less sure than one after "after"; a
negated bare verb is surer not to have happened than a negated noun. A small linear model
over such features of the cue analysis (the kinds of the cues, the predicate's tag and
dependency, the preposition or determiner it carries, the depth of its clause path and
how each clause hangs from the one above), fitted on UW train by
``benchmarks/factuality.py --fit`` (``factuality_fit.py``), adds a correction to the cue
score. Its weights are data (``data/lexicon/factuality_model.yaml``).

Three limits keep the status read off the score meaning what it did: the correction never
turns the score over (a positive cue score stays >= 0, a negative one <= 0), never lifts a
negated act out of the not-happened band (a cue score <= -1 stays <= -1), and does not
touch a party's own word on the act (a denial, a withheld confirmation), whose cue values
say it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Token

from diplograph.coding.cues import Cue, Level
from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml

MODEL_PATH = Path(__file__).parent.parent / "data" / "lexicon" / "factuality_model.yaml"
# A party's own word on the act: its cue values alone say how sure the act is.
UNCORRECTED_KINDS = frozenset({"deny", "withheld"})
MAX_DEPTH = 4  # deeper clause paths share one feature
# The bands of the 3-way reading (the benchmark's classes): happened from +1 up, not
# happened from -1 down, uncertain in between.
HAPPENED, NOT_HAPPENED = 1.0, -1.0


@dataclass(frozen=True, slots=True)
class Correction:
    """The fitted linear model: an intercept and one weight per feature."""

    intercept: float
    weights: dict[str, float]


@functools.lru_cache(maxsize=2)
def load_correction(path: Path = MODEL_PATH) -> Correction:
    """Load (once) the fitted correction.

    Raises:
        KnowledgeError: the file is missing or malformed.
    """
    try:
        return _correction(load_yaml(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"{path}: cannot read the factuality correction ({exc})") from exc


def _correction(data: dict) -> Correction:
    weights = {str(k): float(v) for k, v in (data["weights"] or {}).items()}
    return Correction(intercept=float(data["intercept"]), weights=weights)


def features(trigger: Token, path: Sequence[Level], cues: Sequence[Cue],
             cue_score: float) -> tuple[str, ...]:
    """The features of one predicate the correction weighs, sorted.

    A negative cue score prefixes every feature with ``n|``: what a feature says of a
    negated act (a negated bare verb is surer) differs from what it says of another.
    Empty for a predicate with a denial or withheld confirmation (not corrected).
    """
    kinds = {c.kind for c in cues}
    if kinds & UNCORRECTED_KINDS:
        return ()
    found = {f"kind:{k}" for k in kinds} or {"nocue"}
    found |= {f"tag:{trigger.tag_}", f"dep:{trigger.dep_}",
              f"depth:{min(len(path), MAX_DEPTH)}"}
    found |= {f"link:{level.link}" for level in path}
    if trigger.dep_ == "pobj":
        found.add(f"prep:{trigger.head.lower_}")
    found |= {f"det:{c.lower_}" for c in trigger.children if c.dep_ == "det"}
    prefix = "n|" if cue_score < 0 else ""
    return tuple(sorted(prefix + f for f in found))


def corrected(cue_score: float, feats: tuple[str, ...] | list[str],
              model: Correction | None = None) -> float:
    """The cue score plus the fitted correction, on the cue score's side of zero, in
    [-3, +3], rounded to two decimals (unchanged when there are no features)."""
    if not feats:
        return cue_score
    model = model or load_correction()
    value = cue_score + model.intercept + sum(model.weights.get(f, 0.0) for f in feats)
    low, high = (0.0, 3.0) if cue_score >= 0 else (-3.0, 0.0)
    if cue_score <= NOT_HAPPENED:
        high = NOT_HAPPENED
    return round(max(low, min(high, value)), 2)


__all__ = ["HAPPENED", "MODEL_PATH", "NOT_HAPPENED", "UNCORRECTED_KINDS", "Correction",
           "corrected", "features", "load_correction"]
