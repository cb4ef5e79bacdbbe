#!/usr/bin/env python3
"""Build the sentence pool for the PLOVER sentence-typing annotation campaign (issue #17).

Deterministic (seeded): same corpus files in, same pool, chunks, overlap and test lists out.

Sources (train-safe only):
  * bbc      /work/shared/corpus/bbc-news-2225/articles.jsonl   (politics, business;
               entertainment/tech/sport only as clear negatives)
  * polnear  /work/shared/corpus/polnear/data/train/text/*.txt
             (TRAIN split only; dev/test reserved)
  * aeb      /work/shared/corpus/article-extraction-benchmark/ground-truth.json (articleBody)

Never used: /work/shared/gold/*, plover-gsr, cameo-confliBERT (test data).

Keyword buckets are used for SELECTION (over-sampling sentences likely to hold rarer
event types) only. They are not labels.

Usage:  python3 training/events/select.py [--out training/events] [--size 4400]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

SEED = 17
CORPUS = Path("/work/shared/corpus")
BBC = CORPUS / "bbc-news-2225" / "articles.jsonl"
POLNEAR_TRAIN = CORPUS / "polnear" / "data" / "train" / "text"
AEB = CORPUS / "article-extraction-benchmark" / "ground-truth.json"

MIN_WORDS, MAX_WORDS = 6, 60
CHUNK = 250
MAX_PER_DOC = 8          # keeps single long articles from dominating the pool

# ---------------------------------------------------------------- sentence splitting
ABBREV = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr", "sr",
    "inc", "co", "corp", "ltd", "no", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
    "nov", "dec", "vs", "prof", "rev", "capt", "maj", "adm", "ft", "mt", "u.s", "u.k", "u.n",
    "e.g", "i.e", "a.m", "p.m", "d.c", "pres", "sec", "dept", "gens", "sens", "reps", "cmdr",
    "messrs", "fig", "approx", "est", "ave", "blvd", "calif", "fla", "ariz", "mass", "penn",
}
_BOUNDARY = re.compile(r"""([.!?]+)(["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")


def split_sentences(text: str) -> list[str]:
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = re.sub(r"\s+", " ", para).strip()
        if not para:
            continue
        start = 0
        for m in _BOUNDARY.finditer(para):
            end = m.end(2)
            if m.group(1) == ".":
                prev = re.search(r"([A-Za-z.]+)\.$", para[: m.start(1) + 1])
                tok = (prev.group(1) if prev else "").lower()
                if (tok in ABBREV or re.fullmatch(r"[a-z]", tok)
                        or re.fullmatch(r"(?:[a-z]\.)+[a-z]", tok)):
                    continue
            out.append(para[start:end].strip())
            start = m.end()
        tail = para[start:].strip()
        if tail:
            out.append(tail)
    return out


def n_words(s: str) -> int:
    return len(s.split())


def looks_ok(s: str) -> bool:
    if not (MIN_WORDS <= n_words(s) <= MAX_WORDS):
        return False
    if re.search(r"https?://|www\.|@\w+\.\w", s):
        return False
    letters = sum(c.isalpha() for c in s)
    if letters < 0.6 * len(s):
        return False
    if not re.search(r"[a-z]", s):
        return False
    return True


_EN_STOP = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as",
            "by", "he", "it", "said"}


def english(text: str) -> bool:
    toks = re.findall(r"[A-Za-z]+", text.lower())[:400]
    if len(toks) < 30:
        return False
    return sum(t in _EN_STOP for t in toks) / len(toks) > 0.15


# ---------------------------------------------------------------- selection keyword buckets
# Selection heuristics only (never labels).  Lower-case matching except where noted.
BUCKETS: dict[str, str] = {
    "assault": (
        r"\b(attack(s|ed|ing)?|kill(s|ed|ing)?|bomb(s|ed|ing|ings)?|shot|shoot(ing|ings)?|"
        r"air ?strikes?|massacre|assassinat\w*|explosion|shell(ing|ed)|gunm[ae]n|wounded|clash(es|"
        r"ed)?|fighting|invade[ds]?|invasion|torture[ds]?|kidnap\w*|beat(en|ing)|stabb\w*|"
        r"murder\w*)\b"
    ),
    "protest": (
        r"\b(protest(s|ed|ers?|ing)?|demonstrat(ion|ions|ors?|ed)|rall(y|ies)|march(es|ed|ers)?|"
        r"walk-?outs?|boycott\w*|riot(s|ers|ing)?|sit-ins?|hunger strike|picket\w*|on strike|"
        r"strike action|go on strike|went on strike)\b"
    ),
    "sanction": (
        r"\b(sanction(s|ed)?|tariffs?|embargo(es)?|expel(s|led)?|expulsion|cut ties|"
        r"sever(ed)? (ties|relations)|downgrad\w+|suspend(s|ed)? (aid|talks|relations|ties)|"
        r"convicted|sentenced|fined|penalt(y|ies)|blacklist\w*|barred)\b"
    ),
    "mobilize": (
        r"\b(troops|deploy(s|ed|ment|ing)?|mobili[sz]\w*|warships?|military exercises?|drills|"
        r"reinforcements?|soldiers|national guard|armed forces|tanks|missiles?|navy|fleet)\b"
    ),
    "coerce": (
        r"\b(arrest(s|ed|ing)?|detain(s|ed|ing)?|detention|custody|jailed|imprison\w*|raid(s|ed)?|"
        r"seiz(e|ed|ure)|confiscat\w*|deport\w*|censor\w*|curfew|martial law|crackdown|crack down|"
        r"ban(s|ned|ning)?|hack(s|ed|ing|ers?)?|surveillance|wiretap\w*)\b"
    ),
    "threaten": r"\b(threat(s|en|ens|ened|ening)?|warn(s|ed|ing|ings)?|ultimatum)\b",
    "aid": (
        r"\b(aid|donat\w+|humanitarian|grants?|loans?|asylum|relief|assistance|bail-?out|"
        r"debt (relief|cancellation)|rescued?)\b"
    ),
    "retreat": (
        r"\b(withdr(aw|aws|awn|ew|awal)|pull(ed|s)? out|releas(e|ed|es|ing)|freed|resign(s|ed|"
        r"ation)?|step(ped|s)? down|ceasefire|cease-fire|truce|disarm\w*|hand(ed)? over)\b"
    ),
    "reject": (
        r"\b(refus(e|ed|es|al)|reject(s|ed|ion)?|veto(es|ed)?|declin(ed|es) to|turn(ed)? down|"
        r"rebuff\w*|cancel(l?ed|s)?|dismiss(ed|es)|snub\w*|denied|blocked)\b"
    ),
    "request": (
        r"\b(ask(s|ed)?|urg(e|es|ed|ing)|call(s|ed)? (on|for|upon)|demand(s|ed|ing)?|appeal(s|"
        r"ed)?|request(s|ed)?|order(s|ed)|invit(e|ed|ation)|press(ed|es)? for|plead\w*)\b"
    ),
    "accuse": (
        r"\b(accus\w+|criticis\w+|criticiz\w+|condemn\w*|blam(e|ed|es|ing)|slam(s|med)?|"
        r"denounc\w+|investigat\w+|probe|charged|su(e|ed|ing)|lawsuit|alleg\w+|indict\w*|attacked|"
        r"lambast\w*|rebuk\w*)\b"
    ),
    "consult": (
        r"\b(meet(s|ing|ings)?|met|talks|visit(s|ed|ing)?|summit|phone call|(spoke|spoken|"
        r"talked) (with|to)|negotiat\w+|conference call|host(s|ed)|discuss(ed|ions?)?|telephoned|"
        r"called)\b"
    ),
    "concede": (
        r"\b(pardon\w*|amnesty|apologi[sz]\w*|apology|conced\w+|concession\w*|back(ed)? down|"
        r"u-turn|eas(e|ed|ing)|lift(s|ed)|acquit\w*|compromise\w*|regret\w*)\b"
    ),
    "agree": (
        r"\b(agree(s|d|ment|ments)?|deal|accord|pledg\w+|promis\w+|vow(s|ed)?|commit(s|ted|ment)?|"
        r"sign(s|ed|ing)?|treaty|willing|ready to|offer(s|ed)?)\b"
    ),
    "support": (
        r"\b(support(s|ed|ing|ers?)?|prais\w+|endors\w+|back(s|ed|ing)|welcom\w+|congratulat\w+|"
        r"applaud\w*|recogni[sz]\w+|hail(s|ed)|commend\w*)\b"
    ),
    "cooperate": (
        r"\b(co-?operat\w+|partnership|joint|collaborat\w+|alliance|intelligence sharing|"
        r"share intelligence|extradit\w+|trade deal)\b"
    ),
}
_BUCKET_RE = {k: re.compile(v, re.I) for k, v in BUCKETS.items()}
# Month "March" must not count as a protest march.
_MARCH_MONTH = re.compile(r"\bMarch\b")


def buckets_of(s: str) -> list[str]:
    hits = []
    for k, rx in _BUCKET_RE.items():
        if k == "protest":
            t = _MARCH_MONTH.sub(" ", s)
            if rx.search(t):
                hits.append(k)
        elif rx.search(s):
            hits.append(k)
    return hits


# ---------------------------------------------------------------- loading
def load_docs():
    """Yield (source, doc, group, text). group: 'pol' (political/news) or 'neg' (negatives)."""
    for line in BBC.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        cat = d["category"]
        group = "pol" if cat in ("politics", "business") else "neg"
        yield "bbc", d["id"], f"bbc-{cat}", group, d["text"]
    for p in sorted(POLNEAR_TRAIN.glob("*.txt")):
        yield "polnear", p.stem, "polnear", "pol", p.read_text(encoding="utf-8", errors="replace")
    gt = json.loads(AEB.read_text(encoding="utf-8"))
    for k in sorted(gt):
        body = gt[k].get("articleBody") or ""
        if english(body):
            yield "aeb", k[:16], "aeb", "pol", body


def sid_hash(s: str) -> int:
    return int(hashlib.sha1(s.encode()).hexdigest(), 16)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent))
    ap.add_argument("--size", type=int, default=4400)
    ap.add_argument("--neg", type=int, default=300,
                    help="clear negatives (bbc entertainment/tech/sport)")
    ap.add_argument("--none-share", type=float, default=0.35,
                    help="share of no-keyword political sentences")
    args = ap.parse_args()
    rng = random.Random(SEED)
    out = Path(args.out)

    # 1. candidates
    seen_text: set[str] = set()
    cands = []
    for source, doc, cat, group, text in load_docs():
        for i, s in enumerate(split_sentences(text)):
            if not looks_ok(s):
                continue
            key = re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
            if key in seen_text:
                continue
            seen_text.add(key)
            cands.append({"sid": f"{source}:{doc}:{i}", "source": source, "doc": doc,
                          "category": cat,
                          "group": group, "text": s, "hits": buckets_of(s)})
    freq = Counter(h for c in cands if c["group"] == "pol" for h in c["hits"])
    for c in cands:
        # primary bucket = rarest matching bucket (by frequency among political candidates)
        c["bucket"] = min(c["hits"], key=lambda h: (freq[h], h)) if c["hits"] else "none"

    per_doc: Counter = Counter()
    chosen: list[dict] = []

    def take(pool: list[dict], n: int) -> int:
        pool = sorted(pool, key=lambda c: c["sid"])
        rng.shuffle(pool)
        got = 0
        for c in pool:
            if got >= n:
                break
            if c.get("_taken") or per_doc[(c["source"], c["doc"])] >= MAX_PER_DOC:
                continue
            c["_taken"] = True
            per_doc[(c["source"], c["doc"])] += 1
            chosen.append(c)
            got += 1
        return got

    pol = [c for c in cands if c["group"] == "pol"]
    neg = [c for c in cands if c["group"] == "neg"]

    # 2. clear negatives: half with keyword hits (hard negatives: "attack", "deal", "signed" in
    # sport/tech)
    take([c for c in neg if c["hits"]], args.neg // 2)
    take([c for c in neg if not c["hits"]], args.neg - args.neg // 2)

    # 3. political sentences with no keyword hit (>= 1/3 of the pool), balanced over sources
    n_none = int(round(args.size * args.none_share))
    none_by_cat = defaultdict(list)
    for c in pol:
        if c["bucket"] == "none":
            none_by_cat[c["category"]].append(c)
    share = {"polnear": 0.42, "bbc-politics": 0.30, "bbc-business": 0.14, "aeb": 0.14}
    for cat, sh in share.items():
        take(none_by_cat[cat], int(round(n_none * sh)))

    # 4. keyword buckets: water-filling so rare buckets are taken (nearly) whole
    n_kw = args.size - len(chosen)
    by_bucket = defaultdict(list)
    for c in pol:
        if c["bucket"] != "none":
            by_bucket[c["bucket"]].append(c)
    remaining = dict.fromkeys(BUCKETS, True)
    need = n_kw
    while need > 0 and any(remaining.values()):
        open_b = [b for b in BUCKETS if remaining[b]]
        quota = max(1, need // len(open_b))
        for b in open_b:
            if need <= 0:
                break
            got = take(by_bucket[b], min(quota, need))
            need -= got
            if got < min(quota, need + got):
                remaining[b] = False

    # 5. deterministic order, overlap (10% of sentences), test (doc-level, ~20% of sentences)
    chosen.sort(key=lambda c: c["sid"])
    rng.shuffle(chosen)
    ranked = sorted(chosen, key=lambda c: sid_hash("overlap|" + c["sid"]))
    overlap = {c["sid"] for c in ranked[: round(0.10 * len(chosen))]}
    doc_sizes = Counter((c["source"], c["doc"]) for c in chosen)
    test: set[str] = set()
    target = round(0.20 * len(chosen))
    n_test = 0
    test_docs = set()
    for d in sorted(doc_sizes, key=lambda d: sid_hash("test|%s:%s" % d)):
        if n_test >= target:
            break
        test_docs.add(d)
        n_test += doc_sizes[d]
    test = {c["sid"] for c in chosen if (c["source"], c["doc"]) in test_docs}

    out.mkdir(parents=True, exist_ok=True)
    (out / "chunks").mkdir(exist_ok=True)
    fields = ("sid", "source", "doc", "category", "bucket", "text")
    with open(out / "pool.jsonl", "w", encoding="utf-8") as f:
        for c in chosen:
            rec = {k: c[k] for k in fields}
            rec["overlap"] = c["sid"] in overlap
            rec["test"] = c["sid"] in test
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for old in (out / "chunks").glob("chunk_*.jsonl"):
        old.unlink()
    for k in range(0, len(chosen), CHUNK):
        with open(out / "chunks" / f"chunk_{k // CHUNK:02d}.jsonl", "w", encoding="utf-8") as f:
            for c in chosen[k:k + CHUNK]:
                rec = {kk: c[kk] for kk in ("sid", "source", "doc", "text")}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (out / "overlap_sids.txt").write_text("".join(s + "\n" for s in sorted(overlap)))
    (out / "test_sids.txt").write_text("".join(s + "\n" for s in sorted(test)))

    # 6. statistics
    stats = {
        "candidates": len(cands),
        "candidates_by_category": dict(Counter(c["category"] for c in cands)),
        "pool": len(chosen),
        "by_source": dict(Counter(c["source"] for c in chosen)),
        "by_category": dict(Counter(c["category"] for c in chosen)),
        "by_bucket": dict(sorted(Counter(c["bucket"] for c in chosen).items())),
        "bucket_available_political": dict(sorted(Counter(c["bucket"] for c in pol).items())),
        "overlap": len(overlap),
        "test": len(test),
        "test_docs": len(test_docs),
        "chunks": (len(chosen) + CHUNK - 1) // CHUNK,
        "seed": SEED,
    }
    (out / "pool_stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
