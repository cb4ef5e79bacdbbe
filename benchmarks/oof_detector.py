"""The detector as the confidence fit must see it: no probability from a model that was
trained on the sentence it scores.

The shipped detector is fitted on the annotation campaign's TRAIN and DEV sentences, so its
probability for one of them is in-sample (too sure, and right more often than on new text).
``make train-detector`` writes each of those sentences' out-of-fold probability (from the
model fitted without its document's fold) to ``training/events/oof_probabilities.tsv``;
:class:`OutOfFoldDetector` answers with that probability for a campaign sentence, and with
the shipped model's for any other text (our coding cases, the sample, the real cases that
are not campaign sentences: the detector never saw them). A campaign sentence that spaCy
cuts in two gets, for each piece, the whole sentence's out-of-fold probability (the
campaign's labels are per sentence too).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diplograph.coding.detector import EventDetector  # noqa: E402
from training.events.dataset import make_splits  # noqa: E402
from training.events.oof import OOF_FILE, read_probabilities  # noqa: E402

# The out-of-fold probabilities of the static + n-gram model (stop 28, detector28), written by
# `python -m training.events.ngrams`; the static model's are OOF_FILE.
NGRAMS_OOF_FILE = OOF_FILE.with_name("ngrams_oof_probabilities.tsv")

# A piece shorter than this is not matched inside a campaign sentence ("He said so.").
MIN_PIECE = 30


def _normal(text: str) -> str:
    return " ".join(text.split())


def shipped_oof_file() -> Path:
    """The out-of-fold probabilities of the shipped model's kind (static, or static + n-grams):
    the confidence fit must see the probabilities of the model it will run with."""
    return NGRAMS_OOF_FILE if EventDetector.load().ngrams is not None else OOF_FILE


def campaign_probabilities(path: Path | None = None) -> dict[str, dict[str, float]]:
    """Normalised text of each TRAIN/DEV campaign sentence -> its out-of-fold probabilities."""
    path = path or shipped_oof_file()
    if not path.exists():
        raise SystemExit(f"{path} missing: run make train-detector (it writes the "
                         "out-of-fold probabilities)")
    by_sid = read_probabilities(path)
    splits = make_splits()
    texts = {sid: text for name in ("train", "dev")
             for sid, text in zip(splits[name].sids, splits[name].texts, strict=True)}
    missing = set(texts) - set(by_sid)
    if missing:
        raise SystemExit(f"{path}: {len(missing)} TRAIN/DEV sentences have no out-of-fold "
                         "probability (labels changed since the last make train-detector)")
    return {_normal(texts[sid]): by_sid[sid] for sid in texts}


class OutOfFoldDetector:
    """The shipped detector, but out-of-fold probabilities for the campaign's sentences."""

    def __init__(self, detector: EventDetector, by_text: dict[str, dict[str, float]]) -> None:
        self.detector = detector
        self.by_text = by_text
        self.answered = {"out_of_fold": 0, "out_of_fold_piece": 0, "shipped": 0}

    def __getattr__(self, name: str):
        # thresholds, table, token_ids, types, length_power: the shipped model's
        return getattr(self.detector, name)

    def predict(self, texts: list[str]) -> list[dict[str, float]]:
        """Type -> probability per text (see the module's docstring)."""
        found = [self._out_of_fold(_normal(text)) for text in texts]
        rest = [text for text, probs in zip(texts, found, strict=True) if probs is None]
        shipped = iter(self.detector.predict(rest) if rest else [])
        self.answered["shipped"] += len(rest)
        return [probs if probs is not None else next(shipped) for probs in found]

    def _out_of_fold(self, text: str) -> dict[str, float] | None:
        if text in self.by_text:
            self.answered["out_of_fold"] += 1
            return self.by_text[text]
        if len(text) >= MIN_PIECE:
            for sentence, probs in self.by_text.items():
                if text in sentence:
                    self.answered["out_of_fold_piece"] += 1
                    return probs
        return None
