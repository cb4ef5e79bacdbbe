"""Load the campaign's labels: the pools, labeller A's chunks, labeller B's overlap, adjudication.

Everything here re-reads the files on each call, so the scripts follow whatever chunks the
labellers have written so far. Shared by `agreement.py` and `train.py`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The 16 PLOVER/POLECAT types in SPEC section 4 order.
TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    """One labelled sentence: its PLOVER types (empty = no event), modes and statuses."""

    sid: str
    types: tuple[str, ...]
    modes: dict[str, str | None] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    note: str | None = None

    @classmethod
    def from_json(cls, rec: dict) -> Label:
        """Build a label from one JSONL record, checking its types."""
        bad = [t for t in rec["types"] if t not in TYPES]
        if bad:
            raise ValueError(f"{rec['sid']}: unknown types {bad}")
        return cls(sid=rec["sid"], types=tuple(rec["types"]), modes=dict(rec.get("modes", {})),
                   status=dict(rec.get("status", {})), note=rec.get("note"))

    def to_json(self) -> dict:
        """The JSONL record of this label."""
        rec: dict = {"sid": self.sid, "types": list(self.types), "modes": self.modes,
                     "status": self.status}
        if self.note:
            rec["note"] = self.note
        return rec


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One pool sentence with its document and split flags."""

    sid: str
    doc: str
    source: str
    text: str
    test: bool
    overlap: bool


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON Lines file (blank lines skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


POOLS = (("pool.jsonl", "test_sids.txt"), ("pool_extra.jsonl", "test_sids_extra.txt"),
         ("pool_extra2.jsonl", "test_sids_extra2.txt"),
         ("pool_extra3.jsonl", "test_sids_extra3.txt"),
         ("pool_extra4.jsonl", "test_sids_extra4.txt"))
# Labeller files, one per chunk of each pool, in pool order.
LABEL_GLOBS = ("chunk_*.jsonl", "extra_*.jsonl", "extra2_*.jsonl", "extra3_*.jsonl",
               "extra4_*.jsonl")


def load_pool(root: Path = HERE) -> dict[str, Sentence]:
    """Pool and extra-pool sentences by sid; `test` follows the test-sid files, the authority."""
    test: set[str] = set()
    records: list[dict] = []
    for pool_name, test_name in POOLS:
        if (root / pool_name).exists():
            records += read_jsonl(root / pool_name)
            test |= read_sids(root / test_name)
    pool = {}
    for r in records:
        if r["sid"] in pool:
            raise ValueError(f"{r['sid']} is in two pools")
        pool[r["sid"]] = Sentence(sid=r["sid"], doc=f"{r['source']}:{r['doc']}", source=r["source"],
                                  text=r["text"], test=r["sid"] in test, overlap=r["overlap"])
    return pool


def read_sids(path: Path) -> set[str]:
    """A file of sids, one a line."""
    return {s.strip() for s in path.read_text(encoding="utf-8").splitlines() if s.strip()}


def _load_labels(paths: list[Path]) -> dict[str, Label]:
    out: dict[str, Label] = {}
    for path in paths:
        for rec in read_jsonl(path):
            out[rec["sid"]] = Label.from_json(rec)
    return out


def load_a(root: Path = HERE) -> dict[str, Label]:
    """Labeller A: every `labels_A/chunk_NN.jsonl` and `extra*_NN.jsonl` (LABEL_GLOBS) so far."""
    return _load_labels(label_files(root / "labels_A"))


def label_files(folder: Path) -> list[Path]:
    """A labeller's chunk files, in pool order."""
    return [path for pattern in LABEL_GLOBS for path in sorted(folder.glob(pattern))]


def load_b(root: Path = HERE) -> dict[str, Label]:
    """Labeller B: the overlap sentences (first pool's overlap, then the later pools')."""
    paths = [root / "labels_B" / name for name in ("overlap.jsonl", "overlap_extra.jsonl")]
    return _load_labels([path for path in paths if path.exists()])


def load_adjudicated(root: Path = HERE) -> dict[str, Label]:
    """The adjudicated overlap labels (absent file = none yet)."""
    path = root / "adjudicated.jsonl"
    return _load_labels([path] if path.exists() else [])


def training_labels(root: Path = HERE) -> dict[str, Label]:
    """The labels to learn from: adjudicated where present, else labeller A's."""
    labels = load_a(root)
    labels.update(load_adjudicated(root))
    return labels
