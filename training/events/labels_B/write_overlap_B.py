#!/usr/bin/env python3
"""Labeller B: validate a decision file and write its JSONL.

    python3 training/events/labels_B/write_overlap_B.py          # first overlap (pool.jsonl)
    python3 training/events/labels_B/write_overlap_B.py extra    # later pools' overlap

first: decisions/overlap.txt -> overlap.jsonl, sids from overlap_sids.txt, pool.jsonl.
extra: decisions/overlap_extra.txt -> overlap_extra.jsonl, sids from overlap_sids_extra.txt,
       the later pools (pool_extra*.jsonl present on disk).
A decision file has one line per overlap sid, TAB-separated:
    sid <TAB> types <TAB> short reason
types: '-' for no event, else space-separated TYPE/mode/status tokens, where TYPE is one of the
16 PLOVER types (full name or the 3-letter abbreviation), mode a SPEC section 4 mode name or '-'
for null, status a claim status (full word or its first letter).
The labelling decisions are hand-made; this script only validates and serialises them.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EV = HERE.parent
sys.path.insert(0, str(EV))  # run as a script: labeller A's writer holds the shared vocabulary
from write_labels import ABBR, MODES, TYPES  # noqa: E402

STATUSES = ["asserted", "reported", "unconfirmed", "planned", "hypothetical", "denied", "negated"]
ST = {s[0]: s for s in STATUSES} | {s: s for s in STATUSES}


# overlap name -> (sid file, pool files, decision file, output file)
OVERLAPS = {
    "first": ("overlap_sids.txt", ["pool.jsonl"], "overlap.txt", "overlap.jsonl"),
    "extra": ("overlap_sids_extra.txt", ["pool_extra.jsonl", "pool_extra2.jsonl",
              "pool_extra3.jsonl", "pool_extra4.jsonl"], "overlap_extra.txt",
              "overlap_extra.jsonl"),
}


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "first"
    sid_file, pool_files, decision_file, out_file = OVERLAPS[which]
    sids = [s.strip() for s in (EV / sid_file).read_text().splitlines() if s.strip()]
    pool = {json.loads(row)["sid"] for name in pool_files if (EV / name).exists()
            for row in (EV / name).open(encoding="utf-8")}
    assert len(sids) == len(set(sids)) and all(s in pool for s in sids)
    recs, errs = {}, []
    decisions = (HERE / "decisions" / decision_file).read_text(encoding="utf-8")
    for n, line in enumerate(decisions.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            errs.append(f"line {n}: expected 3 tab-separated fields")
            continue
        sid, tys, reason = parts
        if sid in recs:
            errs.append(f"line {n}: duplicate sid {sid}")
            continue
        types, modes, status = [], {}, {}
        for tok in tys.split():
            if tok == "-":
                continue
            f = tok.split("/")
            if len(f) != 3:
                errs.append(f"line {n}: bad token {tok!r}")
                continue
            t = ABBR.get(f[0], f[0])
            m = None if f[1] in ("-", "") else f[1]
            if t not in TYPES:
                errs.append(f"line {n}: unknown type {f[0]!r}")
                continue
            if t in types:
                errs.append(f"line {n}: duplicate type {t}")
                continue
            if m is not None and m not in MODES.get(t, set()):
                errs.append(f"line {n}: bad mode {m!r} for {t}")
                continue
            if f[2] not in ST:
                errs.append(f"line {n}: bad status {f[2]!r}")
                continue
            types.append(t)
            modes[t] = m
            status[t] = ST[f[2]]
        if tys.strip() == "-" and types:
            errs.append(f"line {n}: '-' mixed with types")
        if not tys.strip():
            errs.append(f"line {n}: empty types field (use '-')")
        recs[sid] = (types, modes, status, reason.strip())
    missing = [s for s in sids if s not in recs]
    extra = [s for s in recs if s not in set(sids)]
    if missing or extra:
        errs.append(f"missing {len(missing)} {missing[:5]} extra {len(extra)} {extra[:5]}")
    if errs:
        sys.exit("\n".join(errs))
    with open(HERE / out_file, "w", encoding="utf-8") as f:
        for s in sids:
            types, modes, status, reason = recs[s]
            rec = {"sid": s, "types": types, "modes": modes, "status": status}
            if reason:
                rec["note"] = reason
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    c = Counter(t for r in recs.values() for t in r[0])
    none = sum(1 for r in recs.values() if not r[0])
    print(json.dumps({"sentences": len(recs), "no_event": none, "with_event": len(recs) - none,
                      "per_type": dict(sorted(c.items(), key=lambda x: -x[1])),
                      "status": dict(Counter(st for r in recs.values() for st in r[2].values()))},
                      indent=1))


if __name__ == "__main__":
    main()
