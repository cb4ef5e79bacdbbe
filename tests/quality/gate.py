"""The event-coding quality gate (STYLE rule 17).

Scores the coder on the PLOVER gold (``../shared/gold``) with the referee's rules
and on the hand-written coding cases, and compares with the floors pinned in
``baseline.json``. A figure may fall by at most ``EPSILON`` (noise from model or
knowledge updates); lowering a floor needs ``--allow-regression`` and a reason in
the commit message. The acceptance targets (``TARGETS``: PLOVER precision >= 0.75,
F1 >= 0.65) hold without any epsilon.

    .venv/bin/python tests/quality/gate.py            # print figures, check floors
    .venv/bin/python tests/quality/gate.py --update   # raise floors to today's figures
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline.json"
SHARED_GOLD = HERE.parent.parent.parent / "shared" / "gold"
EPSILON = 0.01
# The event-coding issue's acceptance targets on the PLOVER gold: hard floors, no epsilon.
TARGETS = {"precision": 0.75, "f1": 0.65}


def plover_figures() -> dict:
    """Referee figures and per-type figures of ``diplograph extract`` on the PLOVER gold."""
    from diplograph.evaluation.scoring import load_jsonl, score
    from diplograph.records import DocumentError, to_dict
    from diplograph.run.pipeline import process_paths

    events = []
    for result in process_paths([str(SHARED_GOLD / "plover_gsr_texts.jsonl")]):
        if not isinstance(result, DocumentError):
            events += [to_dict(e) for e in result.events]
    result = score(load_jsonl(SHARED_GOLD / "plover_gsr.jsonl"), events)
    return {"overall": result.summary(), "per_type": result.per_type()}


def case_figures() -> dict:
    from coding_cases import run_cases, summary

    from diplograph.coding.coder import EventCoder
    from diplograph.coding.parse import load_nlp

    return summary(run_cases(EventCoder(), load_nlp()))


def current() -> dict:
    figures = {"coding_cases": case_figures()}
    if SHARED_GOLD.exists():
        figures["plover_gsr"] = plover_figures()
    return figures


def regressions(figures: dict, baseline: dict) -> list[str]:
    """Every pinned figure that fell more than EPSILON below its floor."""
    failed = []
    floors = baseline.get("floors", {})
    for name, floor in floors.get("coding_cases", {}).items():
        value = figures["coding_cases"][name]
        if value < floor - EPSILON:
            failed.append(f"coding_cases.{name}: {value} < floor {floor}")
    if "plover_gsr" in figures:
        overall = figures["plover_gsr"]["overall"]
        for name, floor in floors.get("plover_gsr", {}).items():
            if overall[name] < floor - EPSILON:
                failed.append(f"plover_gsr.{name}: {overall[name]} < floor {floor}")
        for name, target in TARGETS.items():
            if overall[name] < target:
                failed.append(f"plover_gsr.{name}: {overall[name]} < target {target}")
    return failed


def update(figures: dict) -> dict:
    cases = figures["coding_cases"]
    floors = {"coding_cases": {k: cases[k] for k in ("case_accuracy", "event_recall")}}
    if "plover_gsr" in figures:
        overall = figures["plover_gsr"]["overall"]
        floors["plover_gsr"] = {k: overall[k] for k in ("precision", "recall", "f1")}
    return {"floors": floors, "epsilon": EPSILON, "figures": figures}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    figures = current()
    print(json.dumps(figures, indent=1))  # noqa: T201
    if "--update" in argv:
        BASELINE.write_text(json.dumps(update(figures), indent=1) + "\n", encoding="utf-8")
        return 0
    failed = regressions(figures, json.loads(BASELINE.read_text(encoding="utf-8")))
    for line in failed:
        print("REGRESSION", line)  # noqa: T201
    return 1 if failed and "--allow-regression" not in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
