"""Date normalisation on TempEval-3: TIMEX3 DATE values against diplograph.coding.timexpr.

Usage:
    python benchmarks/tempeval.py [--corpus ../shared/corpus/tempeval3]
                                  [--set platinum|train] [--show N]

For each TIMEX3 of type DATE (the document creation time excluded), the
expression is normalised with ``timexpr.normalize(text, dct, tense=...)``,
the tense coming from ``timexpr.sentence_tense`` on the verb that governs the
expression in a spaCy parse of the document. Gold values that the event model
cannot hold (PRESENT_REF, 2013-W11, 2013-Q1, 2013-SU, XXXX-..., times) are
counted apart, with whether our output is a correct coarser value.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from diplograph.coding.dates import sentence_tense
from diplograph.coding.parse import load_nlp
from diplograph.coding.timexpr import normalize

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_REPRESENTABLE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Timex:
    doc: str
    text: str
    value: str
    start: int
    end: int


def read_tml(path: Path) -> tuple[str, datetime.date, list[Timex]]:
    """Plain text of <TEXT>, the creation date, and the DATE timexes with offsets."""
    raw = path.read_text(encoding="utf-8")
    dct_value = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    if dct_value is None:
        dct_value = re.search(
            r'value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"', raw
        )
    dct = datetime.date.fromisoformat(dct_value.group(1))
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            if attrs.get("type") == "DATE" and attrs.get("functionInDocument") != "CREATION_TIME":
                timexes.append(Timex(path.stem, "", attrs.get("value", ""), start, length))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    return text, dct, [Timex(t.doc, text[t.start:t.end], t.value, t.start, t.end) for t in timexes]


def governing_tense(doc, start: int, end: int) -> str:
    """Tense of the verb the expression hangs off; past when there is none (news)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "past"
    token = span.root
    while token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return sentence_tense(token)
    return sentence_tense(token) if token.pos_ in ("VERB", "AUX") else "past"


def compatible(gold: str, ours: str | None) -> bool:
    """Whether our value is a correct, coarser version of a gold value we cannot hold."""
    if ours is None:
        return False
    m = re.match(r"^(\d{4})-W(\d{2})", gold)
    if m:
        monday = datetime.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        sunday = monday + datetime.timedelta(days=6)
        return monday.isoformat().startswith(ours) and sunday.isoformat().startswith(ours)
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})T", gold)
    if m:
        return gold[:10] == ours
    return bool(re.match(r"^\d{4}", gold)) and gold.startswith(ours) and len(ours) == 4


def kind(value: str) -> str:
    if _REPRESENTABLE.match(value):
        return "representable"
    if value.endswith("_REF"):
        return "REF"
    if re.match(r"^\d{4}-W", value):
        return "week"
    if re.match(r"^\d{4}-Q|^\d{4}-H", value):
        return "quarter/half"
    if re.match(r"^\d{4}-(SP|SU|FA|WI)$", value):
        return "season"
    if "T" in value[10:11]:
        return "time of day"
    return "other (XXXX, decade, ...)"


def files_for(corpus: Path, which: str) -> list[Path]:
    if which == "platinum":
        return sorted((corpus / "Evaluation" / "te3-platinum").glob("*.tml"))
    return sorted((corpus / "Training" / "TBAQ-cleaned").glob("*/*.tml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/tempeval3", type=Path)
    parser.add_argument("--set", default="platinum", choices=["platinum", "train"])
    parser.add_argument("--show", type=int, default=0, help="print this many errors")
    args = parser.parse_args(argv)
    files = files_for(args.corpus, args.set)
    if not files:
        print(f"no .tml files for {args.set} under {args.corpus}", file=sys.stderr)
        return 2
    nlp = load_nlp()
    t0 = time.perf_counter()
    total = correct = 0
    # gold kind -> [n, exact, coarser-correct, we output None]
    by_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    errors = []
    for path in files:
        text, dct, timexes = read_tml(path)
        doc = nlp(text)
        for tx in timexes:
            tense = governing_tense(doc, tx.start, tx.end)
            found = normalize(tx.text, dct, tense=tense)
            ours = found.value if found else None
            k = kind(tx.value)
            row = by_kind[k]
            row[0] += 1
            total += 1
            if ours == tx.value:
                correct += 1
                row[1] += 1
            elif k != "representable" and compatible(tx.value, ours):
                row[2] += 1
            else:
                errors.append((tx.doc, dct, tx.text, tense, tx.value, ours))
            if ours is None:
                row[3] += 1
    rep = by_kind["representable"]
    elapsed = time.perf_counter() - t0
    print(f"set={args.set} files={len(files)} DATE timexes={total} ({elapsed:.1f}s)")
    print(f"exact value accuracy, all: {correct}/{total} = {correct / total:.3f}")
    print(
        "exact value accuracy, representable (YYYY-MM-DD|YYYY-MM|YYYY): "
        f"{rep[1]}/{rep[0]} = {rep[1] / max(rep[0], 1):.3f}"
    )
    print(f"{'gold kind':28} {'n':>5} {'exact':>6} {'coarser-correct':>16} {'we output None':>15}")
    for k, (n, exact, compat, none) in sorted(by_kind.items(), key=lambda kv: -kv[1][0]):
        print(f"{k:28} {n:5d} {exact:6d} {compat:16d} {none:15d}")
    for err in errors[: args.show]:
        print("ERR", *err, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
