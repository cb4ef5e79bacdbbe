"""The 3-way confusion of the claim status in CV by news source, and what the misses have.

Issue #21's recall bars are per class and read off the **status** (the cues, and where
they fix no band, the band classifier). Here, over UW train + dev (never test):

- the band classifier (``factuality_band.py``'s shipped point, "logistic 0.05", happened
  x3, ``open`` policy, implicative verbs keeping the cues' band) is refitted in each fold
  of the CV by source, and each predicate's held-out status is read with it;
- the confusion of the gold band (<= -1 not, (-1, +1) uncertain, >= +1 happened) against
  the status's band is printed;
- every predicate whose gold is uncertain or not and whose status says it happened is
  sorted into the first class of cue in its sentence that fits (``miss_class``): a modal,
  a conditional, a negation out of the path's scope, a question, a future or intent word
  above it, "expected to", a noun of intent, a report above it, a word of future time,
  or nothing.

Usage::

    python benchmarks/factuality_confusion.py --cache /tmp/sites.pkl [--show 3]
        [--probs /tmp/probs.pkl] [--weight 3]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from factuality_band import band_of, held_out, implicative, statuses_with
from factuality_classes import predicate_in
from factuality_cv import GROUPS, folds_of, read_embeddings, stripped
from factuality_sites import Site, read_sites

from diplograph.coding.attribution import load_lexicon
from diplograph.coding.cues import load_words
from diplograph.coding.factuality import BAND_OF_STATUS, BANDS
from diplograph.coding.parse import load_nlp

CLASSIFIER = "logistic 0.05"
ORDER = ("not", "uncertain", "happened")
FUTURE_TIME = frozenset({"next", "tomorrow", "later", "soon", "upcoming", "coming", "future",
                         "eventually"})


def cv_statuses(sites: list[Site], weight: float, probs_path: Path | None,
                table: np.ndarray = np.zeros((0, 0), np.float32)) -> list[str]:
    """Each predicate's status with the band classifier refitted without its source
    (``table``: embedding rows among its inputs, ``factuality_cv.Dense``)."""
    if probs_path is not None and probs_path.exists():
        probs = pickle.loads(probs_path.read_bytes())
    else:
        folds = folds_of(sites, 5, GROUPS["source"])
        _, by_name = held_out(sites, folds, [CLASSIFIER], table, scored=False)
        probs = by_name[CLASSIFIER]
        if probs_path is not None:
            probs_path.write_bytes(pickle.dumps(probs))
    shifted = probs * np.array([1.0, 1.0, weight])
    bands = [BANDS[int(i)] for i in shifted.argmax(1)]
    return statuses_with(sites, bands, "open", implicative(sites))


def confusion(sites: list[Site], statuses: list[str]) -> None:
    cells = Counter((band_of(s.scored.gold), BAND_OF_STATUS[st])
                    for s, st in zip(sites, statuses, strict=True))
    print("| gold \\ status | " + " | ".join(ORDER) + " | recall |\n|---|---|---|---|---|")
    for gold in ORDER:
        row = [cells[(gold, b)] for b in ORDER]
        print(f"| {gold} | " + " | ".join(map(str, row)) +
              f" | {row[ORDER.index(gold)] / max(1, sum(row)):.3f} |")


def miss_class(sentence: str, word: str, nlp) -> str:  # type: ignore[no-untyped-def]
    """The first class of cue in the sentence that could say the predicate is not sure."""
    token = predicate_in(sentence, word, nlp)
    if token is None:
        return "predicate not found"
    doc, words = token.doc, load_words()
    near = [token, *token.ancestors]
    kids = [c for t in near for c in t.children]
    lists = words.lists
    if any(c.dep_ == "mark" and c.lower_ in lists["question_marks"] for c in kids) or \
            doc[-1].text == "?":
        return "question / whether"
    if any(c.lower_ in lists["conditional_marks"] for c in kids):
        return "conditional (if / unless above)"
    if any(c.dep_ in ("neg",) or c.lower_ in ("never", "no") for c in kids):
        return "negation above, out of the path's scope"
    auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    for name, label in (("possible_aux", "modal (could, may, might, can)"),
                        ("obligation_aux", "modal (should, must)"),
                        ("future_aux", "future (will) above"),
                        ("conditional_aux", "would above")):
        if auxes & lists[name]:
            return label
    above = list(token.ancestors)
    classes = [(words.governor_class(a), a.lemma_.lower(), a.pos_) for a in above]
    for cls, lemma, pos in classes:
        if lemma == "expect":
            return '"expected to" above'
        if cls == "intent" and pos in ("NOUN", "PROPN"):
            return "noun of intent above (plan, proposal, offer ...)"
        if cls in ("intent", "expected", "request"):
            return f"{cls} word above, not on the path"
        if cls in ("possible", "prevent", "negative"):
            return f"{cls} word above, not on the path"
    if words.governor_class(token) in ("intent", "possible") and token.pos_ == "NOUN":
        return "the predicate is itself a noun of intent or possibility"
    if any(c.lower_ in lists["hedge_adverbs"] for c in doc):
        return "a hedge adverb elsewhere in the sentence"
    speech = load_lexicon().verbs
    if any(a.lemma_.lower() in speech for a in above):
        return "under a reporting verb, no hedge found"
    if any(t.lower_ in FUTURE_TIME for t in doc):
        return "a word of future time in the sentence"
    if token.pos_ in ("NOUN", "PROPN"):
        return "an event noun, no cue word"
    return "a verb, no cue word"


def misses(sites: list[Site], statuses: list[str], show: int) -> None:
    nlp = load_nlp()
    for gold in ("uncertain", "not"):
        missed = [s for s, st in zip(sites, statuses, strict=True)
                  if band_of(s.scored.gold) == gold and BAND_OF_STATUS[st] == "happened"]
        total = sum(band_of(s.scored.gold) == gold for s in sites)
        print(f"\n{gold}: {len(missed)} of {total} called happened by the status\n")
        by_class: dict[str, list[Site]] = {}
        for site in missed:
            name = miss_class(site.scored.sentence, site.scored.word, nlp)
            by_class.setdefault(name, []).append(site)
        print("| cue class | misses | examples |\n|---|---|---|")
        for name, members in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
            shown = " / ".join(f"{s.scored.word.upper()} [{s.scored.gold:+.1f}]"
                               for s in members[:show])
            print(f"| {name} | {len(members)} | {shown} |")
            for site in members[:show]:
                print(f"    {site.scored.word.upper()} | {site.scored.sentence[:150]}",
                      file=sys.stderr)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--probs", type=Path, help="keep the held-out probabilities here")
    parser.add_argument("--weight", type=float, default=3.0)
    parser.add_argument("--show", type=int, default=3)
    parser.add_argument("--embeddings", choices=("none", "detector"), default="none",
                        help="detector: the event detector's folded table among the band "
                             "classifier's inputs (every slot of factuality_trees.SLOTS)")
    opts = parser.parse_args(argv)
    sites = stripped(read_sites(cache=opts.cache), "place")
    table = (read_embeddings(Path("detector"), 0) if opts.embeddings == "detector"
             else np.zeros((0, 0), np.float32))
    statuses = cv_statuses(sites, opts.weight, opts.probs, table)
    confusion(sites, statuses)
    misses(sites, statuses, opts.show)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
