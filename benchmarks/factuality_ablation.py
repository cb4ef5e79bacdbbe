"""Tune and ablate the learned factuality correction on UW dev (fitted on UW train only).

Parses UW train and dev once (``--cache`` keeps the readings in a pickle, so later runs
skip the parse), then fits the correction (``factuality_fit.fit_correction``) on train
for each setting asked for and prints its dev figures (the measures of
``benchmarks/factuality.py``): with every feature group, and (``--ablate``) with each
group of :mod:`diplograph.coding.factuality_features` left out in turn, and with the four
groups of the first correction alone (cues, syntax, path, frame). Never reads test.

Usage::

    python benchmarks/factuality_ablation.py --cache /tmp/fact.pkl [--ablate]
        [--ridge 10] [--lexical-ridge 10] [--min-lexical 5] [--min-feature 10]
        [--uncertain-weight 2]
        [--write]   # save the model fitted with every group to factuality_model.npz
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from dataclasses import replace
from pathlib import Path

from factuality import DEFAULT_CORPUS, Scored, metrics, reading_every_group, score_split
from factuality_fit import Settings, fit_correction

from diplograph.coding.correction import corrected
from diplograph.coding.factuality_features import GROUPS, group_of
from diplograph.coding.parse import load_nlp

FIRST_GROUPS = frozenset({"cues", "syntax", "path", "frame"})  # the correction of stop 12


def _readings(corpus: Path, cache: Path | None) -> dict[str, list[Scored]]:
    """UW train and dev, read by the status model (from the cache when there is one)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    nlp = load_nlp()
    began = time.process_time()
    splits = {name: score_split(corpus / f"uw/{name}.conll", nlp, reading_every_group)
              for name in ("train", "dev")}
    n = sum(map(len, splits.values()))
    print(f"parsed and read {n} predicates: {time.process_time() - began:.1f} s CPU")
    if cache is not None:
        cache.write_bytes(pickle.dumps(splits))
    return splits


def _rescored(scored: list[Scored], model, keep) -> list[Scored]:  # type: ignore[no-untyped-def]
    """Each predicate's score with this correction (its cue score and status stay)."""
    out = []
    for s in scored:
        if s.reading is not None and s.reading.features:
            feats = tuple(f for f in s.reading.features if keep(f))
            s = replace(s, reading=replace(s.reading,
                                           score=corrected(s.reading.cue_score, feats, model)))
        out.append(s)
    return out


def _row(name: str, scored: list[Scored]) -> str:
    m = metrics(scored)
    return (f"| {name} | {m['mae']:.3f} | {m['r']:.3f} | {m['acc3']:.3f} | "
            f"{m['recall_not']:.3f} | {m['recall_uncertain']:.3f} | {m['recall_happened']:.3f} |")


def run(splits: dict[str, list[Scored]], name: str, groups: frozenset[str],
        settings: Settings, write: bool = False) -> None:
    def keep(feature: str) -> bool:
        return group_of(feature) in groups
    model = fit_correction(splits["train"], settings, write=write, keep=keep)
    print(_row(name, _rescored(splits["dev"], model, keep)), flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cache", type=Path, help="pickle of the train/dev readings")
    parser.add_argument("--ablate", action="store_true", help="leave out each group in turn")
    parser.add_argument("--ridge", type=float, default=Settings.ridge)
    parser.add_argument("--lexical-ridge", type=float, default=Settings.lexical_ridge)
    parser.add_argument("--min-lexical", type=int, default=Settings.min_lexical)
    parser.add_argument("--min-feature", type=int, default=Settings.min_feature)
    parser.add_argument("--uncertain-weight", type=float, default=Settings.uncertain_weight)
    parser.add_argument("--write", action="store_true",
                        help="save the model with every group to factuality_model.npz")
    opts = parser.parse_args(argv)
    settings = Settings(min_feature=opts.min_feature, min_lexical=opts.min_lexical,
                        ridge=opts.ridge, lexical_ridge=opts.lexical_ridge,
                        uncertain_weight=opts.uncertain_weight)
    splits = _readings(opts.corpus, opts.cache)
    print(f"{settings}\n| UW dev, correction | MAE | r | acc3 | recall not | "
          f"recall uncertain | recall happened |\n|---|---|---|---|---|---|---|")
    print(_row("cue score alone", _rescored(splits["dev"], None, lambda f: False)))
    run(splits, "every group", frozenset(GROUPS), settings, write=opts.write)
    if opts.ablate:
        run(splits, "first correction's groups (cues, syntax, path, frame)", FIRST_GROUPS,
            settings)
        for group in GROUPS:
            run(splits, f"without {group}", frozenset(GROUPS) - {group}, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
