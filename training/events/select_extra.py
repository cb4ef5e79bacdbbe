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
    "agree": r"\b(agree(s|d|ment|ments)?|accords?|deal|pledg\w+|offer(s|ed|ing)?|ready to|willing(ness)? to)\b",
    "threaten": r"\b(threat(s|en|ens|ened|ening)?|warn(s|ed|ing)? (of|that)|vow(s|ed|ing)?|ultimatums?)\b",
    "retreat": r"\b(withdr(aw|aws|awn|ew|awal|awing)|pull(ed|s|ing)? out|releas(e|ed|es|ing)|freed|to free|resign(s|ed|ing|ation)?|cease-?fires?|truce|lift(s|ed|ing)? (the )?(sanctions|ban|embargo|curfew|restrictions|blockade|siege|state of emergency))\b",
    "mobilize": r"\b(deploy(s|ed|ment|ments|ing)?|troops|mobili[sz]\w*|reinforce(s|d|ments?)?|military (exercises?|drills?)|war ?ships?|naval|navy|aircraft carriers?|missiles?|soldiers|army|(special|armed|security|ground|military|government|coalition) forces|national guard|riot police|patrol(s|led|ling)?|arsenals?|nuclear tests?|build-?up|stationed|boots on the ground|on (high )?alert)\b",
    "aid": r"\b(aid|donat(e|ed|es|ion|ions|ing)|humanitarian|loans?|assistance|relief)\b",
    "cooperate": r"\b(co-?operat(e|ed|es|ing|ion)|joint(ly)?|partnerships?|alliances?|allies|share[sd]? intelligence|intelligence[- ]sharing|extradit\w+|collaborat\w+)\b",
}
_TARGET_RE = {k: re.compile(v, re.I) for k, v in TARGETS.items()}
# Deficit-weighted shares of the keyword part (AGREE is close to 100 already).
SHARE = {"agree": 0.10, "threaten": 0.16, "retreat": 0.17, "mobilize": 0.18, "aid": 0.19, "cooperate": 0.20}


def targets_of(s: str) -> list[str]:
    return [k for k, rx in _TARGET_RE.items() if rx.search(s)]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    ap.add_argument("--size", type=int, default=750)
    ap.add_argument("--neg-share", type=float, default=0.25, help="share of no-keyword sentences from the same documents")
    args = ap.parse_args()
    rng = random.Random(SEED)
    out = Path(args.out)

    pool = read_jsonl(HERE / "pool.jsonl")
    pool_sids = {r["sid"] for r in pool}
    test_sids = {l.strip() for l in (HERE / "test_sids.txt").read_text().splitlines() if l.strip()}
    pool_docs = {(r["source"], r["doc"]) for r in pool}
    test_docs_old = {(r["source"], r["doc"]) for r in pool if r["sid"] in test_sids}

    # 1. candidates exactly as select.py builds them (same split, filter, de-duplication order)
    seen_text: set[str] = set()
    cands = []
    for source, doc, cat, group, text in sel.load_docs():
        for i, s in enumerate(sel.split_sentences(text)):
            if not sel.looks_ok(s):
                continue
            key = re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
            if key in seen_text:
                continue
            seen_text.add(key)
            sid = f"{source}:{doc}:{i}"
            if group != "pol" or sid in pool_sids:
                continue
            cands.append({"sid": sid, "source": source, "doc": doc, "category": cat, "text": s,
                          "hits": targets_of(s)})
    freq = Counter(h for c in cands for h in c["hits"])
    for c in cands:
        c["bucket"] = min(c["hits"], key=lambda h: (freq[h], h)) if c["hits"] else "none"

    per_doc: Counter = Counter()
    chosen: list[dict] = []

    def take(cs: list[dict], n: int, cap: int) -> int:
        cs = sorted(cs, key=lambda c: c["sid"])
        rng.shuffle(cs)
        got = 0
        for c in cs:
            if got >= n:
                break
            d = (c["source"], c["doc"])
            if c.get("_taken") or per_doc[d] >= cap:
                continue
            c["_taken"] = True
            per_doc[d] += 1
            chosen.append(c)
            got += 1
        return got

    # 2. keyword sentences, deficit-weighted quotas; a short bucket's rest goes to the others
    n_neg = int(round(args.size * args.neg_share))
    n_kw = args.size - n_neg
    by_bucket = defaultdict(list)
    for c in cands:
        if c["bucket"] != "none":
            by_bucket[c["bucket"]].append(c)
    quota = {b: int(round(n_kw * SHARE[b])) for b in TARGETS}
    quota["cooperate"] += n_kw - sum(quota.values())
    got = {b: take(by_bucket[b], quota[b], MAX_NEW_PER_DOC) for b in TARGETS}
    short = n_kw - sum(got.values())
    for b in sorted(TARGETS, key=lambda b: -SHARE[b]):
        if short <= 0:
            break
        short -= take(by_bucket[b], short, MAX_NEW_PER_DOC)

    # 3. negatives: no target keyword, from the documents already picked
    kw_docs = {(c["source"], c["doc"]) for c in chosen}
    neg_per_doc: Counter = Counter()
    negs = [c for c in cands if c["bucket"] == "none" and (c["source"], c["doc"]) in kw_docs]
    negs.sort(key=lambda c: c["sid"])
    rng.shuffle(negs)
    n_got = 0
    for c in negs:
        if n_got >= n_neg:
            break
        d = (c["source"], c["doc"])
        if neg_per_doc[d] >= MAX_NEG_PER_DOC:
            continue
        neg_per_doc[d] += 1
        chosen.append(c)
        n_got += 1

    # 4. test by document: old documents keep their split, new ones by select.py's hash rule
    chosen.sort(key=lambda c: c["sid"])
    rng.shuffle(chosen)
    doc_sizes = Counter((c["source"], c["doc"]) for c in chosen)
    new_docs = [d for d in doc_sizes if d not in pool_docs]
    target = round(0.20 * sum(doc_sizes[d] for d in new_docs))
    test_docs_new, n_test = set(), 0
    for d in sorted(new_docs, key=lambda d: sel.sid_hash("test|%s:%s" % d)):
        if n_test >= target:
            break
        test_docs_new.add(d)
        n_test += doc_sizes[d]
    test_docs = test_docs_old | test_docs_new
    test = {c["sid"] for c in chosen if (c["source"], c["doc"]) in test_docs}

    out.mkdir(parents=True, exist_ok=True)
    (out / "chunks").mkdir(exist_ok=True)
    with open(out / "pool_extra.jsonl", "w", encoding="utf-8") as f:
        for c in chosen:
            rec = {k: c[k] for k in ("sid", "source", "doc", "category", "bucket", "text")}
            rec["overlap"] = False
            rec["test"] = c["sid"] in test
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for old in (out / "chunks").glob("extra_*.jsonl"):
        old.unlink()
    for k in range(0, len(chosen), CHUNK):
        with open(out / "chunks" / f"extra_{k // CHUNK:02d}.jsonl", "w", encoding="utf-8") as f:
            for c in chosen[k:k + CHUNK]:
                f.write(json.dumps({kk: c[kk] for kk in ("sid", "source", "doc", "text")}, ensure_ascii=False) + "\n")
    (out / "test_sids_extra.txt").write_text("".join(s + "\n" for s in sorted(test)))

    stats = {
        "candidates_new_political": len(cands),
        "bucket_available": dict(sorted(Counter(c["bucket"] for c in cands).items())),
        "extra": len(chosen),
        "by_bucket": dict(sorted(Counter(c["bucket"] for c in chosen).items())),
        "by_category": dict(Counter(c["category"] for c in chosen)),
        "docs": len(doc_sizes),
        "docs_already_in_pool": len(doc_sizes) - len(new_docs),
        "test": len(test),
        "test_from_old_test_docs": sum(1 for c in chosen if (c["source"], c["doc"]) in test_docs_old),
        "test_from_new_docs": sum(1 for c in chosen if (c["source"], c["doc"]) in test_docs_new),
        "chunks": (len(chosen) + CHUNK - 1) // CHUNK,
        "seed": SEED,
    }
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
