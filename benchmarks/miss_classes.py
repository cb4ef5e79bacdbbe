"""Why the coder misses the events of real cases: a table of misses by class.

    .venv/bin/python benchmarks/miss_classes.py [--cases FILE ...] [--split tune]
        [--show CLASS|all] [--steps]

For each expected event the coder does not produce (at the product's confidence floor,
as ``real_cases.py`` counts it), the first class that fits, in this order:

- ``below confidence``: produced exactly, but under the floor;
- ``status``: right type and actors, wrong claim status;
- ``mode``: right type, actors and status, wrong mode;
- ``actor unresolved``: right type, but an actor the case names is missing (None, or
  an actor with neither country nor name);
- ``wrong actor``: right type, an actor of the wrong state or body;
- ``wrong type``: an event with the expected actors but another type;
- ``trigger but no event``: a trigger frame in the sentence, no event of that type
  (the argument rules found no actors, or dropped it);
- ``no trigger``: no frame of the expected type in the sentence at all.

Default cases: the tune rows of every file under tests/data/real/.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "quality"))

from coding_cases import _same_actor, event_matches  # noqa: E402  (the gate's matching rules)
from real_cases import ROOT, code_case, load_coder  # noqa: E402

ORDER = ("below confidence", "status", "mode", "actor unresolved", "wrong actor",
         "wrong type", "trigger but no event", "no trigger")


def _loosened(expected: dict, **fields) -> dict:
    return {**expected, **fields}


def _actors_ok(expected: dict, event) -> bool:
    return (_same_actor(expected.get("source"), event.source)
            and _same_actor(expected.get("target"), event.target))


def _unresolved(expected: dict, event) -> bool:
    sides = ((expected.get("source"), event.source), (expected.get("target"), event.target))
    return any(want and (got is None or not (got.country or got.name)) for want, got in sides)


def frame_types(case: dict, coder, nlp) -> set[str]:
    """The types of the trigger frames of the case's sentence, before the argument rules."""
    from diplograph.coding.coder import _anchor
    from diplograph.coding.frames import sentence_frames
    from diplograph.coding.recode import recode
    from diplograph.records import Article, PublishedDate

    article = Article(doc_id="case", article_index=0, title=None, text=case["text"],
                      published=PublishedDate(value=str(case["published"]), precision="day",
                                              source="metadata"))
    doc = nlp(case["text"])
    ctx = coder.actors.read(article, doc, _anchor(article))
    types = set()
    for sent in doc.sents:
        for frame in sentence_frames(sent, coder.lexicon, ctx.names_actor):
            recode(frame, coder.lexicon)
            types.add(frame.type)
    return types


def dropping_steps(case: dict, kind: str, coder, nlp) -> list[str]:
    """For a "trigger but no event" miss: the step that drops each frame of type ``kind``,
    with the actors it had (argument rule names, as events record them)."""
    from diplograph.coding.actors.in_article import same_actor
    from diplograph.coding.arguments import ARGUMENT, Arguments, _argument_tokens
    from diplograph.coding.coder import _anchor
    from diplograph.coding.frames import sentence_frames
    from diplograph.coding.recode import recode
    from diplograph.knowledge.coding_words import coding_words
    from diplograph.records import SYMMETRIC_TYPES, Article, PublishedDate

    article = Article(doc_id="case", article_index=0, title=None, text=case["text"],
                      published=PublishedDate(value=str(case["published"]), precision="day",
                                              source="metadata"))
    doc = nlp(case["text"])
    ctx = coder.actors.read(article, doc, _anchor(article))
    steps = []
    for sent in doc.sents:
        for frame in sentence_frames(sent, coder.lexicon, ctx.names_actor):
            recode(frame, coder.lexicon)
            if frame.type != kind:
                continue
            sources, targets = _argument_tokens(frame)
            joint = kind in SYMMETRIC_TYPES | coding_words().joint_types or frame.failed
            args = Arguments(frame=frame, source_tokens=sources, sources=ctx.actors(sources),
                             targets=ctx.actors(targets), joint=joint, target_tokens=targets)
            step = "kept"
            for rule in ARGUMENT.ordered():
                if rule.applies_to(frame.type) and rule.func(args, ctx) and args.dropped:
                    step = rule.name
                    break
            else:
                if frame.type != kind:
                    step = f"recoded to {frame.type}"
                elif all(same_actor(s, t) for s in args.sources or [None]
                         for t in args.targets or [None]):
                    step = "source is target"
            names = [[a.name for a in side] for side in (args.sources, args.targets)]
            steps.append(f"{step} [{frame.trigger.token.text}: {[t.text for t in sources]}"
                         f"->{[t.text for t in targets]} = {names[0]}->{names[1]}; "
                         f"{'/'.join(frame.rules)}]")
    return steps


def miss_class(expected: dict, everything: list, kept: list, frames: set[str]) -> str | None:
    """The class of a missed event (None: not missed)."""
    if any(event_matches(expected, ev) for ev in kept):
        return None
    same_type = [ev for ev in everything if ev.type == expected["type"]]
    if any(event_matches(expected, ev) for ev in everything):
        return "below confidence"
    if any(_actors_ok(expected, ev) and ev.status != expected["status"] for ev in same_type):
        return "status"
    if any(event_matches(_loosened(expected, mode=ev.mode), ev) for ev in same_type):
        return "mode"
    if any(_unresolved(expected, ev) for ev in same_type):
        return "actor unresolved"
    if same_type:
        return "wrong actor"
    if any(_actors_ok(expected, ev) for ev in everything):
        return "wrong type"
    return "trigger but no event" if expected["type"] in frames else "no trigger"


def classify(cases: list[dict], coder, nlp, floor: float) -> list[tuple[str, dict, dict]]:
    """(class, expected event, case) for every missed expected event."""
    misses = []
    for case in cases:
        expected = case.get("expect") or []
        if not expected:
            continue
        everything = code_case(case, coder, nlp, 0.0)
        kept = [ev for ev in everything if ev.confidence >= floor]
        frames = frame_types(case, coder, nlp)
        for exp in expected:
            why = miss_class(exp, everything, kept, frames)
            if why:
                misses.append((why, exp, case))
    return misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, nargs="*",
                        default=sorted((ROOT / "tests" / "data" / "real").glob("*.yaml")))
    parser.add_argument("--split", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--show", metavar="CLASS",
                        help="print the misses of one class ('all': of every class)")
    parser.add_argument("--steps", action="store_true",
                        help="with --show: the step that drops each frame of the missed type")
    args = parser.parse_args()
    cases = [c for path in args.cases for c in yaml.safe_load(path.read_text(encoding="utf-8"))
             if c["split"] == args.split]
    coder, nlp = load_coder()
    misses = classify(cases, coder, nlp, args.min_confidence)
    counts = Counter(why for why, _, _ in misses)
    expected = sum(len(c.get("expect") or []) for c in cases)
    print(f"{args.split}: {expected} expected events, {len(misses)} missed")
    print("| class | misses | by type |\n|---|---|---|")
    for why in ORDER:
        types = Counter(exp["type"] for w, exp, _ in misses if w == why).most_common()
        print(f"| {why} | {counts[why]} | {', '.join(f'{t} {n}' for t, n in types)} |")
    for why, exp, case in misses:
        if args.show in (why, "all"):
            print(f"[{why}] {exp['type']}/{exp.get('mode')} "
                  f"{exp.get('source')}->{exp.get('target')} {exp['status']}: {case['text']}")
            if args.steps:
                for step in dropping_steps(case, exp["type"], coder, nlp):
                    print(f"    -> {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
