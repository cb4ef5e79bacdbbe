"""Where the factuality model errs, by class of predicate, in CV by news source (issue #21).

Two readings of UW train + dev, neither of which fits anything on test:

- ``errors``: main's regression (the ridge correction and blended trees, without the
  ``place`` features) cross-validated by news source; for each class of predicate (verbal
  or nominal, a reporting verb, embedded under a report, a belief or an intent, quoted,
  negated, conditional, in a relative, adverbial or time clause, ...) its CV share, MAE,
  mean signed error and share of the squared error, beside the class's share of UW test's
  predicates (inputs only: the test labels are not read) to show which classes test has
  more of;
- ``misses``: the CV predicates whose gold says they did not happen (<= -1) and whose
  status says otherwise, sorted into classes of what in the sentence says so (a negation
  outside the predicate's own clause, a denial or rejection, "fail to", "without",
  "instead of", "never", a lexical negative such as "refused", "cancelled", "called off").

Usage::

    python benchmarks/factuality_classes.py --cache /tmp/sites.pkl errors [--test-cache T]
        [--candidate NAME]
    python benchmarks/factuality_classes.py --cache /tmp/sites.pkl misses [--show N]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from factuality import pearson
from factuality_cv import _FITTED, GROUPS, candidates, cross_validate, folds_of
from factuality_sites import Site, read_sites

from diplograph.coding.attribution import load_lexicon
from diplograph.coding.factuality import BAND_OF_STATUS
from diplograph.coding.factuality_features import hashed
from diplograph.coding.parse import load_nlp

BASELINE = "+gbm, blend, no embeddings, no place"
TIME_MARKS = ("after", "before", "when", "while", "since", "until", "once", "as")


def _feats(site: Site) -> set[str]:
    return {f.removeprefix("n|") for f in site.scored.reading.features}


def _is_report_verb(site: Site) -> bool:
    """The predicate is itself a speech verb (its hashed lemma is one of the lexicon's)."""
    lemmas = {f"lex#{hashed('p=' + lemma)}" for lemma in load_lexicon().verbs}
    return bool(_feats(site) & lemmas)


def _has(*names: str) -> Callable[[Site], bool]:
    return lambda site: bool(_feats(site) & set(names))


def _starts(prefix: str) -> Callable[[Site], bool]:
    return lambda site: any(f.startswith(prefix) for f in _feats(site))


CLASSES: dict[str, Callable[[Site], bool]] = {
    "verbal": lambda s: s.pos in ("VERB", "AUX"),
    "nominal": lambda s: s.pos in ("NOUN", "PROPN"),
    "adjectival": lambda s: s.pos == "ADJ",
    "a reporting verb": _is_report_verb,
    "under a report (say)": _has("above:cls1=say", "place:ccomp<say"),
    "under a belief": _has("above:cls1=belief", "place:ccomp<belief"),
    "under an intent": _starts("place:xcomp<intent"),
    "quoted": _has("place:quoted"),
    "negated (a negative cue)": lambda s: s.scored.reading.cue_score < 0,
    "conditional": _has("kind:conditional", "clause:mark=if", "clause:mark=unless"),
    "modal (possible, obligation)": _has("kind:possible", "kind:obligation"),
    "future, intent, request": _has("kind:future", "kind:intent", "kind:request",
                                    "kind:expected", "kind:would"),
    "relative clause": _has("clause:relcl"),
    "adverbial clause": _starts("place:advcl"),
    "time clause": _has(*(f"place:mark={m}" for m in TIME_MARKS)),
    "root clause": _has("place:root"),
    "no cue": _has("nocue"),
    "not corrected (denial, withheld)": lambda s: not s.scored.reading.features,
}


def errors(sites: list[Site], test: list[Site] | None, name: str = BASELINE) -> None:
    fit = candidates(np.zeros((0, 0), np.float32))[name]
    held = cross_validate(sites, folds_of(sites, 5, GROUPS["source"]), fit)[""]
    gold = np.array([s.scored.gold for s in sites])
    err = held - gold
    total = float(np.sum(err ** 2))
    print(f"{name}, CV by source: MAE {np.mean(np.abs(err)):.4f}, "
          f"r {pearson(list(gold), list(held)):.4f}\n")
    print("| class | CV n | CV share | UW test share (inputs only) | CV MAE | CV mean error | "
          "share of squared error | r within |\n|---|---|---|---|---|---|---|---|")
    for name, member in CLASSES.items():
        mask = np.array([member(s) for s in sites])
        if not mask.any():
            continue
        share_test = (f"{np.mean([member(s) for s in test]):.3f}" if test else "")
        within = pearson(list(gold[mask]), list(held[mask])) if mask.sum() > 2 else 0.0
        print(f"| {name} | {mask.sum()} | {mask.mean():.3f} | {share_test} | "
              f"{np.mean(np.abs(err[mask])):.3f} | {np.mean(err[mask]):+.3f} | "
              f"{np.sum(err[mask] ** 2) / total:.3f} | {within:.3f} |")


# ------------------------------------------------------------------ not-happened misses
def predicate_in(sentence: str, word: str, nlp):  # type: ignore[no-untyped-def]
    """The predicate's token in a fresh parse of its sentence (its first occurrence)."""
    return next((t for t in nlp(sentence) if t.text == word), None)


def miss_class(sentence: str, word: str, nlp) -> str:  # type: ignore[no-untyped-def]
    """What in the sentence says the predicate did not happen, the first class that fits."""
    token = predicate_in(sentence, word, nlp)
    if token is None:
        return "predicate not found"
    doc = token.doc
    above = list(token.ancestors)
    lemmas = {a.lemma_.lower() for a in above}
    near = [token, *above]
    if any(c.lower_ == "never" for t in near for c in t.children):
        return "never"
    if lemmas & {"deny", "reject", "dismiss", "refute", "rule", "disavow"}:
        return "a denial or rejection above"
    if lemmas & {"fail", "refuse", "decline", "cancel", "scrap", "abandon", "drop", "call",
                 "halt", "stop", "prevent", "block", "avoid", "postpone", "suspend"}:
        return "a lexical negative verb above (refuse, cancel, call off, ...)"
    if any(a.lower_ == "without" for a in above):
        return "without"
    if any(a.lower_ == "instead" or (a.lower_ == "of" and a.head.lower_ == "instead")
           for a in above):
        return "instead of"
    if any(c.dep_ == "neg" for t in above for c in t.children):
        return "a negation outside its own clause"
    if any(c.dep_ == "neg" or c.lower_ in ("no", "nothing", "none")
           for c in token.children):
        return "a negation on the predicate itself"
    if any(t.lower_ in ("no", "not", "n't", "never", "nothing", "none") for t in doc):
        return "a negation elsewhere in the sentence"
    return "no negative word in the sentence"


def misses(sites: list[Site], show: int) -> None:
    missed = [s for s in sites if s.scored.gold <= -1
              and BAND_OF_STATUS[s.scored.reading.status] != "not"]
    gold_not = sum(s.scored.gold <= -1 for s in sites)
    print(f"{len(missed)} of {gold_not} not-happened predicates (gold <= -1) missed by the "
          f"status (recall {1 - len(missed) / gold_not:.3f})")
    nlp = load_nlp()
    by_class: dict[str, list[Site]] = {}
    for site in missed:
        by_class.setdefault(miss_class(site.scored.sentence, site.scored.word, nlp),
                            []).append(site)
    for name, members in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        statuses = Counter(s.scored.reading.status for s in members)
        print(f"\n{name}: {len(members)} ({dict(statuses.most_common())})")
        for site in members[:show]:
            print(f"  [{site.scored.gold:+.1f}] {site.scored.word.upper()} | "
                  f"{site.scored.sentence[:160]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--test-cache", type=Path,
                        help="a cache of UW test's predicates (only their inputs are read)")
    parser.add_argument("--show", type=int, default=5)
    parser.add_argument("--candidate", default=BASELINE, help="a factuality_cv.py candidate")
    parser.add_argument("what", choices=("errors", "misses"))
    opts = parser.parse_args(argv)
    sites = read_sites(cache=opts.cache)
    fits = opts.cache.with_suffix(".fits.pkl")  # the fold corrections factuality_cv.py kept
    if fits.exists():
        _FITTED.update(pickle.loads(fits.read_bytes()))
    if opts.what == "misses":
        misses(sites, opts.show)
        return 0
    test = (read_sites(cache=opts.test_cache, splits=("uw/test",)) if opts.test_cache
            else None)
    errors(sites, test, opts.candidate)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
