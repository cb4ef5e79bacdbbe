#!/usr/bin/env python3
"""EXTRA selection for the PLOVER sentence-typing campaign (issue #17): ~750 new sentences
aimed at the six types still under 100 positives after the 18 chunks (AGREE, THREATEN,
RETREAT, MOBILIZE, AID, COOPERATE).

Deterministic (seeded). Uses select.py's sources, sentence splitter, candidate filters,
text de-duplication and sid scheme (imported, not copied), so every sid here indexes the same
split as the main pool. Sentences already in pool.jsonl are never picked again.

  * ~75% keyword sentences: political candidates (bbc politics/business, PolNeAR TRAIN, aeb)
    hitting one of six target keyword sets; primary bucket = rarest matching target bucket;
    per-bucket quotas weighted by how far each type is from 100 positives.
  * ~25% negatives: sentences from the same documents that hit none of the six sets.

Keyword buckets select only; they are not labels.

Test split (never train on these): a sentence is test iff its document is.  Documents already
in the pool keep their split (test iff the document has a sid in test_sids.txt); documents new
to the pool are split by select.py's rule (documents ranked by sid_hash("test|source:doc"),
taken until ~20% of the new documents' sentences are test).

Never used: /work/shared/gold/*, plover-gsr, cameo-confliBERT, PolNeAR dev/test.

Writes pool_extra.jsonl (pool.jsonl's fields), chunks/extra_NN.jsonl (250 each),
test_sids_extra.txt, and prints counts.

Usage:  python3 training/events/select_extra.py [--out training/events] [--size 750]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

# "select" is also a standard-library module: load training/events/select.py by path.
_spec = importlib.util.spec_from_file_location("events_select", HERE / "select.py")
sel = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sel)

SEED = f"extra|{sel.SEED}"
CHUNK = sel.CHUNK
MAX_NEW_PER_DOC = 3      # keyword sentences per document (spread over many documents)
MAX_NEG_PER_DOC = 2      # negatives per document

# Selection heuristics only (never labels).
TARGETS: dict[str, str] = {
    "agree": (
        r"\b(agree(s|d|ment|ments)?|accords?|deal|pledg\w+|offer(s|ed|ing)?|ready to|"
        r"willing(ness)? to)\b"
    ),
    "threaten": (
        r"\b(threat(s|en|ens|ened|ening)?|warn(s|ed|ing)? (of|that)|vow(s|ed|ing)?|ultimatums?)\b"
    ),
    "retreat": (
        r"\b(withdr(aw|aws|awn|ew|awal|awing)|pull(ed|s|ing)? out|releas(e|ed|es|ing)|freed|"
        r"to free|resign(s|ed|ing|ation)?|cease-?fires?|truce|lift(s|ed|ing)? (the )?(sanctions|"
        r"ban|embargo|curfew|restrictions|blockade|siege|state of emergency))\b"
    ),
    "mobilize": (
        r"\b(deploy(s|ed|ment|ments|ing)?|troops|mobili[sz]\w*|reinforce(s|d|ments?)?|"
        r"military (exercises?|drills?)|war ?ships?|naval|navy|aircraft carriers?|missiles?|"
        r"soldiers|army|(special|armed|security|ground|military|government|coalition) forces|"
        r"national guard|riot police|patrol(s|led|ling)?|arsenals?|nuclear tests?|build-?up|"
        r"stationed|boots on the ground|on (high )?alert)\b"
    ),
    "aid": r"\b(aid|donat(e|ed|es|ion|ions|ing)|humanitarian|loans?|assistance|relief)\b",
    "cooperate": (
        r"\b(co-?operat(e|ed|es|ing|ion)|joint(ly)?|partnerships?|alliances?|allies|"
        r"share[sd]? intelligence|intelligence[- ]sharing|extradit\w+|collaborat\w+)\b"
    ),
}
# Deficit-weighted shares of the keyword part (AGREE is close to 100 already).
SHARE = {"agree": 0.10, "threaten": 0.16, "retreat": 0.17, "mobilize": 0.18, "aid": 0.19,
         "cooperate": 0.20}


def keyword_matcher(patterns: dict[str, str], blank: re.Pattern | None = None):
    """A sentence's selection buckets: the keys of ``patterns`` whose pattern matches it
    (``blank``: words taken out of the sentence first, e.g. the month "March")."""
    compiled = {k: re.compile(v, re.I) for k, v in patterns.items()}

    def buckets(s: str) -> list[str]:
        if blank is not None:
            s = blank.sub(" ", s)
        return [k for k, rx in compiled.items() if rx.search(s)]
    return buckets


targets_of = keyword_matcher(TARGETS)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def read_sids(path: Path) -> set[str]:
    return {line.strip() for line in path.read_text().splitlines() if line.strip()}


def candidates(taken_sids: set[str], targets_of=targets_of, load_docs=sel.load_docs) -> list[dict]:
    """Political sentences not yet in a pool, built exactly as select.py builds its candidates
    (same split, filter, de-duplication order, so the sids index the same split); `bucket` =
    the rarest target keyword set the sentence hits, or "none". ``load_docs``: the documents,
    as select.py's loader yields them (another source for a new selection)."""
    seen_text: set[str] = set()
    cands = []
    for source, doc, cat, group, text in load_docs():
        for i, s in enumerate(sel.split_sentences(text)):
            if not sel.looks_ok(s):
                continue
            key = re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
            if key in seen_text:
                continue
            seen_text.add(key)
            sid = f"{source}:{doc}:{i}"
            if group != "pol" or sid in taken_sids:
                continue
            cands.append({"sid": sid, "source": source, "doc": doc, "category": cat, "text": s,
                          "hits": targets_of(s)})
    freq = Counter(h for c in cands for h in c["hits"])
    for c in cands:
        c["bucket"] = min(c["hits"], key=lambda h: (freq[h], h)) if c["hits"] else "none"
    return cands


class Picker:
    """Seeded picks with a per-document cap; `chosen` keeps the picking order."""

    def __init__(self, rng: random.Random, cap: int = MAX_NEW_PER_DOC) -> None:
        self.rng = rng
        self.cap = cap  # keyword sentences per document
        self.per_doc: Counter = Counter()
        self.chosen: list[dict] = []

    def take(self, cs: list[dict], n: int, cap: int, per_doc: Counter | None = None) -> int:
        """Up to ``n`` of ``cs`` in seeded order, at most ``cap`` per document as counted in
        ``per_doc`` (default: every keyword pick so far)."""
        per_doc = self.per_doc if per_doc is None else per_doc
        cs = sorted(cs, key=lambda c: c["sid"])
        self.rng.shuffle(cs)
        got = 0
        for c in cs:
            if got >= n:
                break
            d = (c["source"], c["doc"])
            if c.get("_taken") or per_doc[d] >= cap:
                continue
            c["_taken"] = True
            per_doc[d] += 1
            self.chosen.append(c)
            got += 1
        return got

    def take_keywords(self, cands: list[dict], n_kw: int, share: dict[str, float]) -> None:
        """Keyword sentences by share-weighted quotas; a short bucket's rest goes to the others."""
        by_bucket = defaultdict(list)
        for c in cands:
            if c["bucket"] != "none":
                by_bucket[c["bucket"]].append(c)
        order = list(share)
        quota = {b: int(round(n_kw * share[b])) for b in order}
        quota[order[-1]] += n_kw - sum(quota.values())
        got = {b: self.take(by_bucket[b], quota[b], self.cap) for b in order}
        short = n_kw - sum(got.values())
        for b in sorted(order, key=lambda b: -share[b]):
            if short <= 0:
                break
            short -= self.take(by_bucket[b], short, self.cap)

    def take_negatives(self, cands: list[dict], n_neg: int) -> None:
        """No-keyword sentences from the documents already picked."""
        kw_docs = {(c["source"], c["doc"]) for c in self.chosen}
        negs = [c for c in cands if c["bucket"] == "none" and (c["source"], c["doc"]) in kw_docs]
        self.take(negs, n_neg, MAX_NEG_PER_DOC, per_doc=Counter())  # their own cap per document


def split_test(chosen: list[dict], pool_docs: set, test_docs_old: set) -> tuple[set[str], set]:
    """Test sids by document: old documents keep their split, new ones by select.py's hash rule."""
    doc_sizes = Counter((c["source"], c["doc"]) for c in chosen)
    new_docs = [d for d in doc_sizes if d not in pool_docs]
    target = round(0.20 * sum(doc_sizes[d] for d in new_docs))
    test_docs_new, n_test = set(), 0
    for d in sorted(new_docs, key=lambda d: sel.sid_hash("test|%s:%s" % d)):
        if n_test >= target:
            break
        test_docs_new.add(d)
        n_test += doc_sizes[d]
    test = {c["sid"] for c in chosen if (c["source"], c["doc"]) in test_docs_old | test_docs_new}
    return test, test_docs_new


def write_selection(out: Path, chosen: list[dict], test: set[str], name: str) -> None:
    """pool_<name>.jsonl, chunks/<name>_NN.jsonl (CHUNK each) and test_sids_<name>.txt."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "chunks").mkdir(exist_ok=True)
    with open(out / f"pool_{name}.jsonl", "w", encoding="utf-8") as f:
        for c in chosen:
            rec = {k: c[k] for k in ("sid", "source", "doc", "category", "bucket", "text")}
            rec["overlap"] = False
            rec["test"] = c["sid"] in test
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for old in (out / "chunks").glob(f"{name}_*.jsonl"):
        old.unlink()
    for k in range(0, len(chosen), CHUNK):
        with open(out / "chunks" / f"{name}_{k // CHUNK:02d}.jsonl", "w", encoding="utf-8") as f:
            for c in chosen[k:k + CHUNK]:
                row = {kk: c[kk] for kk in ("sid", "source", "doc", "text")}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / f"test_sids_{name}.txt").write_text("".join(s + "\n" for s in sorted(test)))


def selection_stats(cands: list[dict], chosen: list[dict], test: set[str], pool_docs: set,
                    test_docs_old: set, test_docs_new: set, seed: str) -> dict:
    doc_sizes = Counter((c["source"], c["doc"]) for c in chosen)
    return {
        "candidates_new_political": len(cands),
        "bucket_available": dict(sorted(Counter(c["bucket"] for c in cands).items())),
        "extra": len(chosen),
        "by_bucket": dict(sorted(Counter(c["bucket"] for c in chosen).items())),
        "by_category": dict(Counter(c["category"] for c in chosen)),
        "docs": len(doc_sizes),
        "docs_already_in_pool": sum(1 for d in doc_sizes if d in pool_docs),
        "test": len(test),
        "test_from_old_test_docs": sum(1 for c in chosen
                                       if (c["source"], c["doc"]) in test_docs_old),
        "test_from_new_docs": sum(1 for c in chosen if (c["source"], c["doc"]) in test_docs_new),
        "chunks": (len(chosen) + CHUNK - 1) // CHUNK,
        "seed": seed,
    }


def select(pools: list[str], test_files: list[str], targets_of, share: dict[str, float],
           size: int, neg_share: float, seed: str, out: Path, name: str,
           load_docs=sel.load_docs, cap: int = MAX_NEW_PER_DOC, top_up=None) -> dict:
    """Pick `size` new sentences (keyword quotas + same-document negatives), split, write.
    ``top_up(cands, rng)``: further sentences appended after the first pick (which it leaves
    as it was); documents already picked keep their split, new ones by the hash rule."""
    rng = random.Random(seed)
    pool = [r for p in pools for r in read_jsonl(HERE / p)]
    test_sids = set().union(*(read_sids(HERE / t) for t in test_files))
    pool_docs = {(r["source"], r["doc"]) for r in pool}
    test_docs_old = {(r["source"], r["doc"]) for r in pool if r["sid"] in test_sids}
    cands = candidates({r["sid"] for r in pool}, targets_of, load_docs)
    picker = Picker(rng, cap)
    n_neg = int(round(size * neg_share))
    picker.take_keywords(cands, size - n_neg, share)
    picker.take_negatives(cands, n_neg)
    chosen = picker.chosen
    chosen.sort(key=lambda c: c["sid"])
    rng.shuffle(chosen)
    test, test_docs_new = split_test(chosen, pool_docs, test_docs_old)
    if top_up is not None:
        more = top_up(cands, rng)
        picked_docs = pool_docs | {(c["source"], c["doc"]) for c in chosen}
        more_test, more_docs_new = split_test(more, picked_docs, test_docs_old | test_docs_new)
        chosen, test, test_docs_new = chosen + more, test | more_test, test_docs_new | more_docs_new
    write_selection(out, chosen, test, name)
    return selection_stats(cands, chosen, test, pool_docs, test_docs_old, test_docs_new, seed)


def command(name: str, pools: list[str], test_files: list[str], targets_of,
            share: dict[str, float], *, size: int, neg_share: float, seed: str,
            load_docs=sel.load_docs, cap: int = MAX_NEW_PER_DOC, top_up=None) -> None:
    """A selection script's command line (--out, --size, --neg-share): select, print stats.
    ``pools`` and ``test_files``: the earlier selections, never picked again."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    ap.add_argument("--size", type=int, default=size)
    ap.add_argument("--neg-share", type=float, default=neg_share,
                    help="share of no-keyword sentences from the same documents")
    args = ap.parse_args()
    stats = select(pools, test_files, targets_of, share, args.size, args.neg_share, seed,
                   Path(args.out), name, load_docs, cap, top_up)
    print(json.dumps(stats, indent=2))


def main() -> None:
    command("extra", ["pool.jsonl"], ["test_sids.txt"], targets_of, SHARE, size=750,
            neg_share=0.25, seed=SEED)


if __name__ == "__main__":
    main()
