"""Run the hand-written coding cases (tests/data/coding_cases*.yaml) and report.

    .venv/bin/python tests/quality/coding_cases.py [--show]

A case passes when every expected event is produced (type, mode, both actors,
status and, where given, date and claimed_by) and, for ``expect: []``, when no
event is produced at all. Extra events beyond the expected ones make a case fail
too: precision matters as much as recall.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from diplograph.records import SYMMETRIC_TYPES, Article, Event, PublishedDate

DATA = Path(__file__).resolve().parent.parent / "data"
# Every case file: coding_cases.yaml (2024-2025 diplomacy) and coding_cases_world.yaml
# (1975-2026, worldwide, every type and status).
CASE_FILES = tuple(sorted(DATA.glob("coding_cases*.yaml")))


def load_cases(files=CASE_FILES) -> list[dict]:
    return [case for path in files for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@dataclass
class CaseResult:
    text: str
    expected: list[dict]
    produced: list[Event]
    missing: list[dict]
    extra: list[Event]

    @property
    def passed(self) -> bool:
        return not self.missing and not self.extra


def actor_code(actor) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.name


def _same_actor(code: str | None, actor) -> bool:
    if code is None:
        return actor is None or not (actor.country or actor.name)
    if actor is None:
        return False
    return code in {actor.country, actor.name}


def event_matches(exp: dict, ev: Event) -> bool:
    if ev.type != exp["type"] or ev.mode != exp.get("mode") or ev.status != exp["status"]:
        return False
    src, tgt = exp.get("source"), exp.get("target")
    actors_ok = _same_actor(src, ev.source) and _same_actor(tgt, ev.target)
    if not actors_ok and ev.type in SYMMETRIC_TYPES:
        actors_ok = _same_actor(src, ev.target) and _same_actor(tgt, ev.source)
    if not actors_ok:
        return False
    if "date" in exp and str(exp["date"]) != (ev.date.value or ""):
        return False
    if "claimed_by" in exp and not _same_actor(exp["claimed_by"], ev.claimed_by):
        return False
    return True


def _loose(exp: dict, ev: Event) -> bool:
    """Same type and actors: the event the expectation is about (status/date aside)."""
    return event_matches({"type": exp["type"], "mode": ev.mode, "status": ev.status,
                          "source": exp.get("source"), "target": exp.get("target")}, ev)


def run_cases(coder, nlp, files=CASE_FILES) -> list[CaseResult]:
    cases = load_cases(files)
    results = []
    for i, case in enumerate(cases):
        article = Article(doc_id=f"case{i}", article_index=0, title=None, text=case["text"],
                          published=PublishedDate(value=str(case["published"]), precision="day",
                                                  source="metadata"))
        produced = coder.code(article, nlp(case["text"]))
        expected = case.get("expect") or []
        missing = [e for e in expected if not any(event_matches(e, ev) for ev in produced)]
        extra = [ev for ev in produced
                 if not any(event_matches(e, ev) or _loose(e, ev) for e in expected)]
        results.append(CaseResult(case["text"], expected, produced, missing, extra))
    return results


def summary(results: list[CaseResult]) -> dict[str, float]:
    expected = sum(len(r.expected) for r in results)
    found = expected - sum(len(r.missing) for r in results)
    produced = sum(len(r.produced) for r in results)
    extra = sum(len(r.extra) for r in results)
    return {
        "cases": len(results),
        "cases_passed": sum(r.passed for r in results),
        "case_accuracy": round(sum(r.passed for r in results) / len(results), 3),
        "event_recall": round(found / expected, 3) if expected else 0.0,
        "unexpected_event_share": round(extra / produced, 3) if produced else 0.0,
    }


def main(argv: list[str]) -> int:
    from diplograph.coding.coder import EventCoder
    from diplograph.coding.parse import load_nlp

    coder, nlp = EventCoder(), load_nlp()
    for path in CASE_FILES:
        by_file = summary(run_cases(coder, nlp, (path,)))
        print(path.name, " ".join(f"{k}={v}" for k, v in by_file.items()))  # noqa: T201
    results = run_cases(coder, nlp)
    if "--show" in argv:
        for r in results:
            if r.passed:
                continue
            print(f"FAIL {r.text}")  # noqa: T201
            for m in r.missing:
                print(f"   missing {m}")  # noqa: T201
            for ev in r.produced:
                print(f"   got {ev.type}/{ev.mode} {actor_code(ev.source)} -> "  # noqa: T201
                      f"{actor_code(ev.target)} {ev.status} {ev.date.value}")
    print(" ".join(f"{k}={v}" for k, v in summary(results).items()))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
