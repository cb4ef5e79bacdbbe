"""The annotation campaign's overlap of the later pools and labeller B's two label files."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the campaign scripts live in training/, outside src/

from training.events import agreement  # noqa: E402
from training.events.labels import Label, load_b  # noqa: E402
from training.events.select import sid_hash  # noqa: E402
from training.events.select_overlap_extra import overlap_of_pool  # noqa: E402

SIDS = [f"bbc:bbc-train-{doc:04d}:{i}" for doc in range(7) for i in range(10)]


def test_a_pool_overlap_is_a_tenth_with_the_lowest_overlap_hashes():
    picked = overlap_of_pool(SIDS)
    assert len(picked) == 7
    cut = max(sid_hash("overlap|" + s) for s in picked)
    rest = set(SIDS) - set(picked)
    assert all(sid_hash("overlap|" + s) > cut for s in rest)


def test_a_pool_overlap_does_not_depend_on_the_pool_order():
    assert overlap_of_pool(SIDS) == overlap_of_pool(list(reversed(SIDS)))


def test_the_whole_overlap_is_both_overlap_files_together():
    first, extra = agreement.overlap_sids("first"), agreement.overlap_sids("extra")
    assert first and extra and not set(first) & set(extra)
    assert agreement.overlap_sids("all") == sorted(first + extra)


def _write_labels(path: Path, sid: str, types: list[str]) -> None:
    rec = {"sid": sid, "types": types, "modes": {}, "status": {t: "asserted" for t in types}}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")


def test_labeller_b_is_read_from_the_first_and_the_later_overlap(tmp_path):
    (tmp_path / "labels_B").mkdir()
    _write_labels(tmp_path / "labels_B" / "overlap.jsonl", "bbc:a:1", ["ACCUSE"])
    _write_labels(tmp_path / "labels_B" / "overlap_extra.jsonl", "bbc:b:2", [])
    labels = load_b(tmp_path)
    assert labels["bbc:a:1"].types == ("ACCUSE",)
    assert labels["bbc:b:2"].types == ()


def test_status_and_mode_are_compared_only_on_types_both_labellers_found():
    a = {"s": Label(sid="s", types=("ACCUSE", "REQUEST"), modes={"ACCUSE": "disapprove"},
                    status={"ACCUSE": "asserted", "REQUEST": "asserted"})}
    b = {"s": Label(sid="s", types=("ACCUSE",), modes={"ACCUSE": "allege"},
                    status={"ACCUSE": "asserted"})}
    line = agreement.status_mode_agreement(a, b, ["s"])
    assert line == "(sentence, type) pairs both labelled: 1; same status: 1; same mode: 0"
