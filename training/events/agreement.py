"""Inter-annotator agreement (labeller A vs B) on the overlap, and the adjudicated labels.

    python -m training.events.agreement            # kappa tables + adjudication counts
    python -m training.events.agreement --show     # the disagreements, for the adjudicator
    python -m training.events.agreement --write    # (re)write adjudicated.jsonl
    python -m training.events.agreement --overlap first   # only the first pool's overlap

There are two overlap files: `overlap_sids.txt` (10% of `pool.jsonl`, the first campaign) and
`overlap_sids_extra.txt` (10% of each later pool, `select_overlap_extra.py`). The table is
printed for each and for both together; `--overlap` restricts every output to one of them
(`first` reproduces the first campaign's table). Agreement is measured on the overlap sids
that both labellers have labelled so far. Cohen's
kappa is computed per type (presence of the type in the sentence's set) and on the binary
any-event decision. A disagreement is a sentence whose type sets differ; the adjudicator
(a third annotator reading each sentence against GUIDELINE.md) writes a decision line for it
in `adjudication.txt`:

    sid <TAB> TYPE/mode/status ... (or '-') <TAB> short reason

`--write` then writes `adjudicated.jsonl` for every overlap sid both labelled: agreed sentences
keep A's record (types, modes, statuses), disagreements take the adjudicator's decision.
Disagreements with no decision yet are reported as pending and left out (training then uses
A's label for them).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from .labels import HERE, TYPES, Label, load_a, load_b, read_jsonl, read_sids
from .select_overlap_extra import LATER_POOLS

DECISIONS = HERE / "adjudication.txt"
OUT = HERE / "adjudicated.jsonl"
# overlap name -> its sid files; "all" is every overlap together
OVERLAPS = {"first": ("overlap_sids.txt",), "extra": ("overlap_sids_extra.txt",),
            "all": ("overlap_sids.txt", "overlap_sids_extra.txt")}
STATUSES = ("asserted", "reported", "unconfirmed", "planned", "hypothetical", "denied", "negated")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the agreement table."""

    name: str
    n_a: int
    n_b: int
    both: int
    kappa: float | None


def cohen_kappa(a: list[bool], b: list[bool]) -> float | None:
    """Cohen's kappa of two binary codings (None when chance agreement is 1)."""
    n = len(a)
    if n == 0:
        return None
    p_o = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    p_e = pa * pb + (1 - pa) * (1 - pb)
    return None if p_e >= 1 else (p_o - p_e) / (1 - p_e)


def _row(name: str, a: list[bool], b: list[bool]) -> Row:
    both = sum(x and y for x, y in zip(a, b))
    return Row(name, sum(a), sum(b), both, cohen_kappa(a, b))


def agreement_rows(la: dict[str, Label], lb: dict[str, Label], sids: list[str]) -> list[Row]:
    """Per-type rows, then the any-event row."""
    rows = []
    for t in TYPES:
        rows.append(_row(t, [t in la[s].types for s in sids], [t in lb[s].types for s in sids]))
    rows.append(_row("any event", [bool(la[s].types) for s in sids],
                     [bool(lb[s].types) for s in sids]))
    return rows


def format_table(rows: list[Row], n: int) -> str:
    """A Markdown table of the rows."""
    out = [f"Overlap sentences labelled by both: {n}", "",
           "| type | A | B | both | Cohen's kappa |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        k = "n/a" if r.kappa is None else f"{r.kappa:.2f}"
        out.append(f"| {r.name} | {r.n_a} | {r.n_b} | {r.both} | {k} |")
    return "\n".join(out)


def overlap_sids(overlap: str = "all") -> list[str]:
    """The sids of one overlap (see OVERLAPS), sorted; a sid file not written yet is skipped."""
    files = [HERE / name for name in OVERLAPS[overlap] if (HERE / name).exists()]
    return sorted(set().union(*map(read_sids, files)))


def status_mode_agreement(la: dict[str, Label], lb: dict[str, Label], sids: list[str]) -> str:
    """How often A and B give a type both found the same status and the same mode."""
    pairs = [(s, t) for s in sids for t in la[s].types if t in lb[s].types]
    status = sum(la[s].status.get(t) == lb[s].status.get(t) for s, t in pairs)
    mode = sum(la[s].modes.get(t) == lb[s].modes.get(t) for s, t in pairs)
    return (f"(sentence, type) pairs both labelled: {len(pairs)}; same status: {status}; "
            f"same mode: {mode}")


def pool_lines(la: dict[str, Label], lb: dict[str, Label]) -> list[str]:
    """Per later pool: overlap size, labelled by both, same type set, any-event kappa."""
    both = set(shared_sids(la, lb, "extra"))
    out = ["| pool | overlap | both labelled | same type set | any-event kappa |",
           "|---|---:|---:|---:|---:|"]
    for name in LATER_POOLS:
        path = HERE / name
        pool = {r["sid"] for r in read_jsonl(path)} if path.exists() else set()
        sids = [s for s in overlap_sids("extra") if s in pool]
        some = [s for s in sids if s in both]
        same = sum(set(la[s].types) == set(lb[s].types) for s in some)
        k = agreement_rows(la, lb, some)[-1].kappa if some else None
        out.append(f"| {name} | {len(sids)} | {len(some)} | {same} | "
                   f"{'n/a' if k is None else f'{k:.2f}'} |")
    return out


def shared_sids(la: dict[str, Label], lb: dict[str, Label], overlap: str = "all") -> list[str]:
    """Overlap sids labelled by both, in sorted sid order."""
    return [s for s in overlap_sids(overlap) if s in la and s in lb]


def disagreements(la: dict[str, Label], lb: dict[str, Label], sids: list[str]) -> list[str]:
    """Sids whose type sets differ."""
    return [s for s in sids if set(la[s].types) != set(lb[s].types)]


def parse_token(tok: str) -> tuple[str, str | None, str]:
    """`TYPE/mode/status` (mode '-' = null, status by full word or first letter)."""
    t, mode, st = tok.split("/")
    if t not in TYPES:
        raise ValueError(f"unknown type {t!r}")
    status = next((s for s in STATUSES if st in (s, s[0])), None)
    if status is None:
        raise ValueError(f"unknown status {st!r}")
    return t, (None if mode in ("-", "") else mode), status


def parse_decision(line: str) -> Label:
    """One adjudication line into a label."""
    sid, tokens, note = line.split("\t")
    types, modes, status = [], {}, {}
    for tok in tokens.split():
        if tok == "-":
            continue
        t, mode, st = parse_token(tok)
        types.append(t)
        modes[t], status[t] = mode, st
    return Label(sid=sid, types=tuple(types), modes=modes, status=status,
                 note=f"adjudicated: {note.strip()}")


def load_decisions(path: Path = DECISIONS) -> dict[str, Label]:
    """The adjudicator's decisions by sid (absent file = none)."""
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    out = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            label = parse_decision(line)
        except ValueError as exc:
            raise SystemExit(f"{path.name} line {n}: {exc}") from exc
        out[label.sid] = label
    return out


def outcome_counts(la: dict[str, Label], lb: dict[str, Label], dec: dict[str, Label],
                   dis: list[str]) -> dict[str, int]:
    """How the adjudicated disagreements were resolved."""
    counts = {"disagreements": len(dis), "adjudicated": 0, "as A": 0, "as B": 0, "other": 0}
    for s in dis:
        if s not in dec:
            continue
        counts["adjudicated"] += 1
        got = set(dec[s].types)
        key = "as A" if got == set(la[s].types) else "as B" if got == set(lb[s].types) else "other"
        counts[key] += 1
    counts["pending"] = counts["disagreements"] - counts["adjudicated"]
    return counts


def adjudicated(la: dict[str, Label], dec: dict[str, Label], sids: list[str],
                dis: set[str]) -> list[Label]:
    """The adjudicated records: A's where A and B agree, the decision where they did not."""
    out = []
    for s in sids:
        if s in dis:
            if s in dec:
                out.append(dec[s])
            continue
        a = la[s]
        note = "A and B agree" + (f"; A: {a.note}" if a.note else "")
        out.append(Label(sid=s, types=a.types, modes=a.modes, status=a.status, note=note))
    return out


def show(la: dict[str, Label], lb: dict[str, Label], dis: list[str], with_text: bool) -> None:
    """Print each disagreement with both labels, and its sentence unless `with_text` is off
    (the pool is publisher text: a list meant for git must leave it out)."""
    text = sentence_texts() if with_text else {}
    for s in dis:
        sentence = f"\n  {text[s]}" if with_text else ""
        print(f"{s}{sentence}\n  A: {_fmt(la[s])}\n  B: {_fmt(lb[s])}\n")


def sentence_texts() -> dict[str, str]:
    """Sentence text by sid from every pool on disk (the overlap spans pools `labels.POOLS`
    may not list yet, such as one still being labelled)."""
    names = ("pool.jsonl", *LATER_POOLS)
    return {r["sid"]: r["text"] for name in names if (HERE / name).exists()
            for r in read_jsonl(HERE / name)}


def _fmt(label: Label) -> str:
    toks = [f"{t}/{label.modes.get(t) or '-'}/{label.status.get(t, '?')}" for t in label.types]
    return (" ".join(toks) or "-") + (f"  # {label.note}" if label.note else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print the disagreements")
    ap.add_argument("--by-pool", action="store_true", help="also a line per later pool")
    ap.add_argument("--no-text", action="store_true",
                    help="--show without the sentences (for a committed list)")
    ap.add_argument("--write", action="store_true", help="write adjudicated.jsonl")
    ap.add_argument("--overlap", choices=tuple(OVERLAPS), help="only this overlap "
                    "(default: a table for each and for all; --show and --write use all)")
    args = ap.parse_args()
    la, lb = load_a(), load_b()
    sids = shared_sids(la, lb, args.overlap or "all")
    dis = disagreements(la, lb, sids)
    if args.show:
        show(la, lb, dis, with_text=not args.no_text)
        return
    for name in [args.overlap] if args.overlap else list(OVERLAPS):
        some = shared_sids(la, lb, name)
        table = format_table(agreement_rows(la, lb, some), len(some))
        print(f"## overlap: {name}\n\n{table}\n\n{status_mode_agreement(la, lb, some)}\n")
    if args.by_pool:
        print("## later pools\n\n" + "\n".join(pool_lines(la, lb)) + "\n")
    dec = load_decisions()
    print("\nAdjudication:", json.dumps(outcome_counts(la, lb, dec, dis)))
    if args.write:
        recs = adjudicated(la, dec, sids, set(dis))
        OUT.write_text("".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in recs),
                       encoding="utf-8")
        print(f"wrote {len(recs)} records to {OUT.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
