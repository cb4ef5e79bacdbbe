"""Speaker attribution benchmark on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Reads the brat ``.ann`` gold of the dev and/or test split (Source/Cue/Content spans linked
by Attribution events), runs ``diplograph.coding.quotes.find_attributions`` on each article's
``.txt`` and prints precision/recall/F1 of:

- pairs: (speaker, content) — the contents match (below) AND the speaker spans overlap
  by at least one character, or both are absent;
- content: the contents match, whatever the speaker;
- cue: the cue spans overlap by at least one character.

Content match: the word-overlap F1 of the two spans is at least 0.5, where a span's words
are the whitespace-separated words of the article whose first character lies inside the
span (discontinuous gold spans are the union of their fragments; predicted direct-quote
fragments that share one cue are likewise merged into one attribution, as PolNeAR
annotates them). Predictions and gold are
matched one to one, greedily, best overlap first. Where several annotators' ``.ann``
exist for one article, the first by file name is used.

Usage::

    python benchmarks/polnear.py [--corpus ../shared/corpus/polnear] [--split dev|test|both]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from diplograph.coding.parse import load_nlp
from diplograph.coding.quotes import Attribution, find_attributions, load_lexicon

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / ".." / "shared" / "corpus" / "polnear"
CONTENT_F1 = 0.5
_ROLE = re.compile(r"([A-Za-z-]+?)\d*:(T\d+)")


@dataclass(frozen=True)
class Gold:
    source: tuple[tuple[int, int], ...]  # char fragments; () when no source
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


def parse_ann(path: Path) -> list[Gold]:
    """The attributions of one brat file (events whose content is annotated)."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label_offsets = parts[1].split(" ", 1)
            if len(label_offsets) == 2:
                frags = []
                for frag in label_offsets[1].split(";"):
                    a, b = frag.split()
                    frags.append((int(a), int(b)))
                spans[parts[0]] = tuple(frags)
        elif line.startswith("E") and len(parts) >= 2:
            events.append({role: tid for role, tid in _ROLE.findall(parts[1])})
    gold = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        gold.append(Gold(
            source=spans.get(ev.get("Source", ""), ()),
            cue=spans.get(ev.get("Cue", ""), ()),
            content=spans[ev["Content"]],
        ))
    return gold


def articles(corpus: Path, split: str) -> list[tuple[str, str, list[Gold]]]:
    """(name, text, gold) for each article of a split; one annotator's file per article."""
    base = corpus / "data" / split
    out = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        with open(txt, encoding="utf-8", newline="") as fh:
            text = fh.read()
        out.append((txt.stem, text, parse_ann(anns[0])))
    return out


class Words:
    """Word positions of a text, to turn char spans into sets of word numbers."""

    def __init__(self, text: str) -> None:
        self.starts = [m.start() for m in re.finditer(r"\S+", text)]

    def of(self, frags: tuple[tuple[int, int], ...]) -> frozenset[int]:
        words: set[int] = set()
        for a, b in frags:
            first = bisect.bisect_left(self.starts, a)
            words.update(range(first, bisect.bisect_left(self.starts, b)))
        return frozenset(words)


def overlap_f1(a: frozenset[int], b: frozenset[int]) -> float:
    common = len(a & b)
    return 0.0 if not common else 2 * common / (len(a) + len(b))


def chars_overlap(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def pred_frags(atts: list[Attribution]) -> list[dict[str, tuple[tuple[int, int], ...]]]:
    """Predictions as fragment sets; quote fragments sharing one cue are one attribution.

    PolNeAR annotates '"A," she said. "B."' as one attribution whose content has two
    fragments, while find_attributions returns one attribution per fragment.
    """
    groups: dict[tuple[int, int, bool], list[Attribution]] = {}
    for att in atts:
        key = (att.cue_start, att.source_start, att.direct)
        groups.setdefault(key, []).append(att)
    out = []
    for group in groups.values():
        att = group[0]
        src = ((att.source_start, att.source_end),) if att.source_start >= 0 else ()
        out.append({
            "source": src,
            "cue": ((att.cue_start, att.cue_end),),
            "content": tuple((a.content_start, a.content_end) for a in group),
        })
    return out


def match(pairs: list[tuple[float, int, int]]) -> int:
    """Greedy one-to-one matching of (score, pred, gold) candidates, best first."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _score, p, g in sorted(pairs, reverse=True):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
    return len(used_p)


def speech_cue(doc, gold: Gold) -> bool:
    """Whether a gold cue holds a word of our lexicon (a speech verb or "according to")."""
    verbs = load_lexicon().verbs
    for a, b in gold.cue:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and any(
            t.lemma_.lower() in verbs or t.lower_ == "according" for t in span
        ):
            return True
    return False


def score_article(doc, gold: list[Gold], preds: list[Attribution]) -> dict[str, int]:
    text = doc.text
    words = Words(text)
    g_content = [words.of(g.content) for g in gold]
    p_frags = pred_frags(preds)
    p_content = [words.of(f["content"]) for f in p_frags]
    content_c, pair_c, cue_c, speech_c = [], [], [], []
    speech = [speech_cue(doc, g) for g in gold]
    for i, pf in enumerate(p_frags):
        for j, g in enumerate(gold):
            f1 = overlap_f1(p_content[i], g_content[j])
            if f1 >= CONTENT_F1:
                content_c.append((f1, i, j))
                both_absent = not pf["source"] and not g.source
                if both_absent or chars_overlap(pf["source"], g.source):
                    pair_c.append((f1, i, j))
                    if speech[j]:
                        speech_c.append((f1, i, j))
            if g.cue and chars_overlap(pf["cue"], g.cue):
                cue_c.append((1.0, i, j))
    n_cue_gold = sum(1 for g in gold if g.cue)
    return {
        "pred": len(p_frags), "gold": len(gold), "gold_cue": n_cue_gold,
        "pair": match(pair_c), "content": match(content_c), "cue": match(cue_c),
        "gold_speech": sum(speech), "speech": match(speech_c),
    }


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_split(
    corpus: Path, split: str, batch_size: int, limit: int | None = None
) -> dict[str, int]:
    nlp = load_nlp()
    data = articles(corpus, split)[:limit]
    totals = dict.fromkeys(
        ("pred", "gold", "gold_cue", "pair", "content", "cue", "gold_speech", "speech", "docs"), 0
    )
    docs = nlp.pipe((text for _n, text, _g in data), batch_size=batch_size, n_process=1)
    for (_name, text, gold), doc in zip(data, docs):
        counts = score_article(doc, gold, find_attributions(doc))
        for key, value in counts.items():
            totals[key] += value
        totals["docs"] += 1
    return totals


def report(split: str, t: dict[str, int], seconds: float) -> str:
    lines = [f"{split}: {t['docs']} articles, {t['gold']} gold attributions, "
             f"{t['pred']} predicted ({seconds:.0f} s)"]
    for key, gold_n in (("pair", t["gold"]), ("content", t["gold"]), ("cue", t["gold_cue"])):
        p, r, f = prf(t[key], t["pred"], gold_n)
        lines.append(f"  {key:8s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={t[key]})")
    recall = t["speech"] / t["gold_speech"] if t["gold_speech"] else 0.0
    lines.append(f"  pair recall on the {t['gold_speech']} gold attributions whose cue is in "
                 f"speech_verbs.yaml: {recall:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="PolNeAR root folder")
    parser.add_argument("--split", choices=["train", "dev", "test", "both"], default="both",
                        help="which split to score (both = dev and test)")
    parser.add_argument("--batch-size", type=int, default=16, help="spaCy nlp.pipe batch size")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    args = parser.parse_args(argv)
    if not (args.corpus / "data").is_dir():
        print(f"error: {args.corpus}: no PolNeAR data folder", file=sys.stderr)
        return 2
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    for split in splits:
        started = time.perf_counter()
        totals = run_split(args.corpus, split, args.batch_size, args.limit)
        print(report(split, totals, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
