#!/usr/bin/env python3
"""Turn a labeller's hand-written decision file into labels_<X>/chunk_NN.jsonl (or extra_NN.jsonl).

The decisions are made by a human/LLM reader sentence by sentence (see GUIDELINE.md); this
script only validates and serialises them. It never looks at the sentence text to decide.

Decision file: one line per sentence of the chunk, in chunk order:
    IDX -                                   # no event
    IDX ABBR[/mode][/st] [ABBR[/mode][/st] ...] [# note]
ABBR: AGR CNS SUP CNC COP AID RET REQ ACC REJ THR PRO SAN MOB COE ASL (or the full type name)
mode: a SPEC §4 mode name or '-' / omitted for null
st:   a=asserted r=reported u=unconfirmed p=planned h=hypothetical d=denied n=negated (default a)

Usage: python3 training/events/write_labels.py NN decisions.txt [--labeller A]
       python3 training/events/write_labels.py extra_NN decisions.txt [--labeller A]
       python3 training/events/write_labels.py extra2_NN decisions.txt [--labeller A]
       (also extra3_NN, extra4_NN)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from diplograph.knowledge.lexicon import plover_modes

HERE = Path(__file__).resolve().parent
ABBR = {
    "AGR": "AGREE", "CNS": "CONSULT", "SUP": "SUPPORT", "CNC": "CONCEDE", "COP": "COOPERATE",
    "AID": "AID", "RET": "RETREAT", "REQ": "REQUEST", "ACC": "ACCUSE", "REJ": "REJECT",
    "THR": "THREATEN", "PRO": "PROTEST", "SAN": "SANCTION", "MOB": "MOBILIZE", "COE": "COERCE",
    "ASL": "ASSAULT",
}
TYPES = set(ABBR.values())
MODES = plover_modes()  # SPEC §4, data/lexicon/plover_modes.yaml
STATUS = {"a": "asserted", "r": "reported", "u": "unconfirmed", "p": "planned",
          "h": "hypothetical", "d": "denied", "n": "negated"}


def parse(line: str):
    note = None
    if "#" in line:
        line, note = line.split("#", 1)
        note = note.strip() or None
    parts = line.split()
    idx = int(parts[0])
    types, modes, status = [], {}, {}
    for tok in parts[1:]:
        if tok == "-":
            continue
        f = tok.split("/")
        t = ABBR.get(f[0].upper(), f[0].upper())
        if t not in TYPES:
            raise ValueError(f"line {idx}: unknown type {f[0]!r}")
        if t in types:
            raise ValueError(f"line {idx}: duplicate type {t}")
        mode = f[1] if len(f) > 1 and f[1] not in ("", "-") else None
        if mode is not None and mode not in MODES.get(t, set()):
            raise ValueError(f"line {idx}: bad mode {mode!r} for {t}")
        st = STATUS[f[2]] if len(f) > 2 else "asserted"
        types.append(t)
        modes[t] = mode
        status[t] = st
    return idx, types, modes, status, note


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("chunk", help="NN (chunks/chunk_NN.jsonl), extra_NN, extra2_NN, extra3_NN or "
                    "extra4_NN (chunks/extra*_NN.jsonl)")
    ap.add_argument("decisions")
    ap.add_argument("--labeller", default="A")
    a = ap.parse_args()
    m = re.fullmatch(r"(?:(chunk|extra|extra2|extra3|extra4)_)?(\d+)", a.chunk)
    if not m:
        sys.exit(f"bad chunk name {a.chunk!r}")
    name = f"{m.group(1) or 'chunk'}_{int(m.group(2)):02d}"
    chunk = HERE / "chunks" / f"{name}.jsonl"
    sents = [json.loads(line) for line in chunk.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    lines = [line for line in Path(a.decisions).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("//")]
    recs = {}
    for line in lines:
        idx, types, modes, status, note = parse(line)
        if idx in recs:
            sys.exit(f"duplicate index {idx}")
        recs[idx] = (types, modes, status, note)
    missing = [i for i in range(len(sents)) if i not in recs]
    extra = [i for i in recs if i >= len(sents)]
    if missing or extra:
        sys.exit(f"missing {missing} extra {extra}")
    out = HERE / f"labels_{a.labeller}"
    out.mkdir(exist_ok=True)
    with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
        for i, s in enumerate(sents):
            types, modes, status, note = recs[i]
            rec = {"sid": s["sid"], "types": types, "modes": modes, "status": status}
            if note:
                rec["note"] = note
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_ev = sum(1 for r in recs.values() if r[0])
    print(f"{name}: {len(sents)} sentences, {n_ev} with events, {len(sents) - n_ev} none")


if __name__ == "__main__":
    main()
