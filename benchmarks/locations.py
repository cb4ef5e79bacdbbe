"""Event-location accuracy on the written case table (issue #9).

Runs :func:`diplograph.coding.places.event_location` on every case of
``tests/data/location_cases.yaml`` and prints the accuracy, overall and per
rule and per set ("dev": written while the rules were tuned; "holdout": written
after, never tuned on), and each miss. A case is right when both the expected and the found
location are None, or when name (normalised), country and precision agree.

    .venv/bin/python benchmarks/locations.py [--cases FILE] [--show]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from diplograph.coding.parse import load_nlp
from diplograph.coding.places import Gazetteer, event_location, normalize
from diplograph.records import Location

DEFAULT_CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "location_cases.yaml"


def locate(case: dict, nlp, gazetteer: Gazetteer) -> Location | None:
    """The location event_location finds for one case."""
    doc = nlp(case["text"])
    matches = [t for t in doc if t.text == case["trigger"]]
    trigger = matches[case.get("trigger_n", 0)]
    return event_location(
        trigger.sent, trigger, event_type=case["type"], mode=case.get("mode"),
        actor_countries=case["actors"], dateline=case.get("dateline"),
        dateline_applies=bool(case.get("dateline_applies")), gazetteer=gazetteer,
    )


def is_right(expected: dict | None, found: Location | None) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    return (normalize(expected["name"]) == normalize(found.name or "")
            and expected.get("country") == found.country
            and expected.get("precision") == found.precision)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--show", action="store_true", help="print every case, not only misses")
    args = parser.parse_args(argv)
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))["cases"]
    nlp = load_nlp()
    started = time.perf_counter()
    gazetteer = Gazetteer()
    built = time.perf_counter() - started
    right, total = Counter(), Counter()
    for case in cases:
        found = locate(case, nlp, gazetteer)
        ok = is_right(case["expected"], found)
        for key in (case["rule"], f"set:{case.get('set', 'dev')}"):
            right[key] += ok
            total[key] += 1
        if args.show or not ok:
            got = found and (found.name, found.country, found.precision)
            print(f"{'ok ' if ok else 'MISS'} {case['id']}: expected {case['expected']}, got {got}")
    n_right = sum(v for k, v in right.items() if k.startswith("set:"))
    n = sum(v for k, v in total.items() if k.startswith("set:"))
    print(f"gazetteer built in {built:.2f} s")
    for rule in sorted(total):
        print(f"  {rule:12s} {right[rule]:3d}/{total[rule]:<3d}")
    print(f"accuracy {n_right}/{n} = {n_right / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
