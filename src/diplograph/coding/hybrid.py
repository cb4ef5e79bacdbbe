"""Hybrid coding: the learned detector proposes event types, the parse finds their actors.

The sentence detector (:mod:`diplograph.coding.detector`) gives each sentence a probability
per PLOVER type. Two uses (issue #17):

- where the rules already made an event of a type, the detector's probability for that
  type is a feature of the confidence model (``confidence.DETECTOR_FEATURES``): rules and
  detector agreeing is more often right;
- where the rules made no event of a type the detector proposes (probability at or above
  both the type's threshold and ``data/lexicon/hybrid.yaml``'s floor), a frame is built on
  the sentence's main-clause word that adds most to that type's score, if the word itself
  adds enough (a sentence about an attack whose main verb is "said" has no word for it), and
  the coder reads its source, target, status and date like any other frame's. A word
  carries one proposed type: the one it adds most to. Such an event needs at least
  one identified actor, and its ``rules`` start with ``detector:<TYPE>``.

The detector is loaded once per process (:func:`load_detector`), so once per worker.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

from diplograph.coding.confidence import is_identified
from diplograph.coding.detector import EventDetector
from diplograph.coding.frames import Frame
from diplograph.coding.rules import detector_rule_name
from diplograph.coding.triggers import OBJECT_DEPS, Trigger, light_verb_of
from diplograph.errors import KnowledgeError
from diplograph.knowledge.lexicon import TriggerRule
from diplograph.knowledge.yamldata import load_yaml
from diplograph.records import Event

# Dependencies that keep a verb in the sentence's main line: the root, its conjuncts and
# the clauses it reports or embeds ("X said Y ATTACKED Z", "X threatened to CUT ties").
MAIN_LINE_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp"})
# Where a proposed act's target may be: the rule slots any lexicon rule may use.
TARGET_SLOTS = ("dobj", "prep:against|on|with|to|at|toward|towards|into|over|from", "dative")


@dataclass(frozen=True, slots=True)
class HybridSettings:
    """The knobs of ``data/lexicon/hybrid.yaml``."""

    floor: float  # a proposal needs at least this probability (and the type's threshold)
    word_logit: float  # ... and a main-line word adding at least this much to its logit
    types: frozenset[str]  # the types the detector may propose (others only score)


@functools.lru_cache(maxsize=1)
def hybrid_settings() -> HybridSettings:
    """The packaged ``data/lexicon/hybrid.yaml``."""
    text = (resources.files("diplograph") / "data" / "lexicon" / "hybrid.yaml").read_text(
        encoding="utf-8")
    data = load_yaml(text) or {}
    try:
        return HybridSettings(floor=float(data["floor"]), word_logit=float(data["word_logit"]),
                              types=frozenset(data["propose"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"hybrid.yaml: needs `floor`, `word_logit` and a `propose` list "
                             f"({exc})") from exc


@functools.lru_cache(maxsize=1)
def load_detector() -> EventDetector:
    """The packaged detector, loaded once per process (once per worker)."""
    return EventDetector.load()


class Hybrid:
    """The detector's side of the coder: sentence probabilities and proposed frames."""

    def __init__(self, detector: EventDetector | None = None,
                 settings: HybridSettings | None = None) -> None:
        self.detector = detector or load_detector()
        self.settings = settings or hybrid_settings()
        self._column = {kind: j for j, kind in enumerate(self.detector.types)}

    def probabilities(self, sents: list[Span]) -> list[dict[str, float]]:
        """Type -> the detector's probability, for each sentence (one batch per article)."""
        return self.detector.predict([sent.text for sent in sents]) if sents else []

    def proposed(self, probs: dict[str, float], covered: set[str]) -> list[str]:
        """The types to look for actors of: proposed, and not already made by the rules."""
        floor, allowed = self.settings.floor, self.settings.types
        return [kind for kind, p in probs.items()
                if kind in allowed and kind not in covered
                and p >= max(floor, self.detector.thresholds[kind])]

    def frames(self, sent: Span, probs: dict[str, float], covered: set[str]) -> list[Frame]:
        """One frame per proposed type, on the main-line word that adds most to its logit,
        if it adds at least ``word_logit``; a word chosen by two types keeps the one it adds
        more to."""
        kinds = self.proposed(probs, covered)
        candidates = main_line_words(sent) if kinds else []
        if not candidates:
            return []
        pieces = len(self.detector.token_ids(sent.text)) or 1
        best: dict[int, tuple[float, str]] = {}
        for kind in kinds:
            scores = self.word_logits(candidates, kind, pieces)
            at = int(np.argmax(scores))
            if scores[at] >= self.settings.word_logit and scores[at] > best.get(at, (-1.0,))[0]:
                best[at] = (float(scores[at]), kind)
        return [_frame(candidates[at], kind) for at, (_, kind) in sorted(best.items())]

    def word_logits(self, words: list[Token], kind: str, pieces: int) -> np.ndarray:
        """What each word adds to ``kind``'s logit in a sentence of ``pieces`` word pieces
        (the detector scales the mean of the rows by pieces**length_power)."""
        column, table = self._column[kind], self.detector.table
        scale = pieces ** (self.detector.length_power - 1.0)
        return np.array([float(table[ids, column].sum()) * scale if ids else 0.0
                         for ids in (self.detector.token_ids(w.text) for w in words)])


def main_line_words(sent: Span) -> list[Token]:
    """The verbs on the sentence's main line and the nouns they carry as objects ("HELD
    talks", "in an ATTACK on"): where the act a whole-sentence label speaks of is said."""
    verbs = [t for t in sent if t.pos_ == "VERB" and _on_main_line(t)]
    nouns = [t for t in sent if t.pos_ == "NOUN" and t.ent_type_ != "DATE"
             and (t.dep_ in OBJECT_DEPS or t.dep_ == "pobj")
             and light_verb_of(t) in verbs]
    return verbs + nouns


def _on_main_line(verb: Token) -> bool:
    node = verb
    for _ in range(8):
        if node.dep_ == "ROOT" or node.head is node:
            return True
        if node.dep_ not in MAIN_LINE_DEPS:
            return False
        node = node.head
    return False


def _frame(token: Token, kind: str) -> Frame:
    """A frame of type ``kind`` on ``token``, as if a bare lexicon rule had matched it."""
    verb = token if token.pos_ == "VERB" else light_verb_of(token)
    rule = TriggerRule(type=kind, mode=None, verbs=(token.lemma_.lower(),)
                       if token is verb else (), nouns=() if token is verb
                       else (token.lemma_.lower(),), target=TARGET_SLOTS)
    return Frame(Trigger(token, verb, rule), kind, None, [], rules=[detector_rule_name(kind)])


def is_proposed(rules: list[str] | tuple[str, ...]) -> bool:
    """Whether an event (by its ``rules``) was proposed by the detector, not the rules."""
    return bool(rules) and rules[0].startswith("detector:")


def keeps(event: Event) -> bool:
    """A proposed event needs at least one identified actor: a state, an organisation or a
    person of a state (a detector guess with only a bare name is too often no event)."""
    return is_identified(event.source) or is_identified(event.target)
