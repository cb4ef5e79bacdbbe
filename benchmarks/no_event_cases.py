"""How many of the cases that expect no event give one (the non-political sentences).

    .venv/bin/python benchmarks/no_event_cases.py [--cases FILE] [--min-confidence 0.5] [--show]

Each case with ``expect: []`` (default file: tests/data/coding_cases_nonpolitical.yaml, 120
sport, culture, business and background sentences) is coded as a one-sentence article, as
``real_cases.py`` codes them; events below ``--min-confidence`` are dropped, as ``diplograph
extract`` drops them. The settings come from the environment (``DIPLOGRAPH_EVENT_DETECTOR``,
``DIPLOGRAPH_CAMEO_PATTERNS``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from real_cases import code_case, load_coder

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "coding_cases_nonpolitical.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--show", action="store_true", help="print the cases with an event")
    args = parser.parse_args()
    cases = [c for c in yaml.safe_load(args.cases.read_text(encoding="utf-8"))
             if not c.get("expect")]
    coder, nlp = load_coder()
    with_event = 0
    for case in cases:
        events = code_case(case, coder, nlp, args.min_confidence)
        with_event += bool(events)
        if args.show and events:
            print(case["text"][:120], [(e.type, e.rules[0], e.confidence) for e in events])
    print(f"{args.cases.name}: {with_event} of {len(cases)} no-event cases give an event "
          f"(min confidence {args.min_confidence})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
