"""Labelled events from the annotation campaign's sentences, for the confidence fit.

The campaign (``training/events/``, see its README; the git-ignored pools must be present,
``make train-detector`` rebuilds them) labels real news sentences with the PLOVER types
they express. Each TRAIN or DEV sentence is coded as a one-sentence article (the pools hold
single sentences, not their documents); every event it gives, at any confidence, is
labelled right when its type is among the sentence's labelled types. The judgement is
type-level: the labels name no actors, so a right type with wrong actors counts as right.

Left out: the test split (never trained on), and any sentence whose text is in a HELDOUT
real case (tests/data/real/coding_cases_real.yaml) or in a gold file (../shared/gold).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diplograph.records import Article, PublishedDate  # noqa: E402
from training.events.dataset import make_splits  # noqa: E402
from training.events.labels import TYPES  # noqa: E402

REAL_CASES = ROOT / "tests" / "data" / "real" / "coding_cases_real.yaml"
GOLD_TEXTS = ("plover_gsr_texts.jsonl", "cameo_confli_texts.jsonl")
# The campaign's sentences carry no date: one inside the corpora's years.
PUBLISHED = "2005-01-01"


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One campaign sentence with its labelled types and where it comes from."""

    sid: str
    split: str  # train | dev
    text: str
    types: frozenset[str]

    @property
    def document(self) -> str:
        """The sentence's document (``source:doc``): the unit of cross-validation."""
        return self.sid.rsplit(":", 1)[0]


def _normal(text: str) -> str:
    return " ".join(text.split())


def forbidden_texts(shared: Path) -> list[str]:
    """Texts a fitted sentence must not be part of: HELDOUT real cases and gold texts."""
    cases = yaml.safe_load(REAL_CASES.read_text(encoding="utf-8"))
    texts = [_normal(c["text"]) for c in cases if c["split"] == "heldout"]
    for name in GOLD_TEXTS:
        path = shared / "gold" / name
        if not path.exists():
            raise SystemExit(f"{path} missing: cannot leave the gold texts out")
        texts += [_normal(json.loads(line)["text"])
                  for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _overlaps(sentence: str, texts: list[str]) -> bool:
    return any(sentence in text or text in sentence for text in texts)


def labelled_sentences(shared: Path, splits: tuple[str, ...] = ("train", "dev")
                       ) -> list[LabelledSentence]:
    """The campaign's sentences of ``splits`` (never test), less the forbidden texts."""
    if "test" in splits:
        raise ValueError("the test split is never fitted on")
    made = make_splits()
    forbidden = forbidden_texts(shared)
    out = []
    for name in splits:
        split = made[name]
        for sid, text, row in zip(split.sids, split.texts, split.y, strict=True):
            if not _overlaps(_normal(text), forbidden):
                types = frozenset(TYPES[j] for j in row.nonzero()[0])
                out.append(LabelledSentence(sid, name, text, types))
    return out


def campaign_examples(coder, nlp, sentences: list[LabelledSentence]) -> list[dict]:
    """One row per event of each sentence: its features, whether its type was labelled,
    its document (the CV group) and its split."""
    rows = []
    docs = nlp.pipe([s.text for s in sentences], batch_size=64)
    for sentence, doc in zip(sentences, docs, strict=True):
        article = Article(doc_id=sentence.sid, article_index=0, title=None, text=sentence.text,
                          published=PublishedDate(value=PUBLISHED, precision="day",
                                                  source="metadata"))
        for event in coder.code(article, doc):
            rows.append({"x": coder.feature_log[event.id], "y": int(event.type in sentence.types),
                         "group": sentence.document, "set": f"campaign-{sentence.split}",
                         "type": event.type})
    return rows
