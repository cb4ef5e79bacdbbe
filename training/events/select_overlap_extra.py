"""Overlap sids of the later pools for labeller B (issue #17, agreement on the later pools).

    python -m training.events.select_overlap_extra

Same rule as `select.py`'s first overlap: rank a pool's sentences by
`sid_hash("overlap|" + sid)` and keep the lowest 10%. Each later pool is ranked on its own, so
every pool (and the rare types its selection aimed at) gets its 10% share. Pools not on disk
are skipped and reported. Writes `overlap_sids_extra.txt` (sorted).
"""

from __future__ import annotations

from .labels import HERE, read_jsonl
from .select import sid_hash

LATER_POOLS = ("pool_extra.jsonl", "pool_extra2.jsonl", "pool_extra3.jsonl", "pool_extra4.jsonl")
OUT = HERE / "overlap_sids_extra.txt"
SHARE = 0.10


def overlap_of_pool(sids: list[str]) -> list[str]:
    """The lowest-hash 10% of one pool's sids, by `select.py`'s overlap hash."""
    ranked = sorted(sids, key=lambda s: sid_hash("overlap|" + s))
    return ranked[: round(SHARE * len(sids))]


def main() -> None:
    chosen: list[str] = []
    for name in LATER_POOLS:
        path = HERE / name
        if not path.exists():
            print(f"{name}: missing, skipped")
            continue
        sids = [r["sid"] for r in read_jsonl(path)]
        picked = overlap_of_pool(sids)
        print(f"{name}: {len(picked)} of {len(sids)}")
        chosen += picked
    OUT.write_text("".join(s + "\n" for s in sorted(chosen)), encoding="utf-8")
    print(f"wrote {len(chosen)} sids to {OUT.name}")


if __name__ == "__main__":
    main()
