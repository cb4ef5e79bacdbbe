"""Check that a change of structure left the pipeline's output unchanged.

    .venv/bin/python scripts/check_events_identical.py [--base e5d8191] [--bbc 200] [--show]

Runs ``diplograph articles`` and ``diplograph extract --min-confidence 0`` on
three inputs (the bundled sample, the PLOVER gold texts and the first ``--bbc``
BBC politics/world/business articles) twice: with the code of ``--base``
(exported with ``git archive`` to a temporary folder and put first on
``PYTHONPATH``) and with the working tree. Every article and every event,
whatever its confidence, must be the same JSON (ids, types, modes, actors,
dates, statuses, offsets, confidence), except for fields that ``--base`` did
not have (new fields are allowed; changed or removed ones are not).

Exit status 0 when identical, 1 with a diff summary otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def inputs(work: Path, bbc: int) -> dict[str, list[str]]:
    """The named inputs: paths handed to the CLI."""
    articles = SHARED / "corpus" / "bbc-news-2225" / "articles.jsonl"
    picked = [line for line in articles.read_text(encoding="utf-8").splitlines()
              if json.loads(line)["category"] in ("politics", "business")][:bbc]
    bbc_file = work / "bbc.jsonl"
    bbc_file.write_text("\n".join(picked) + "\n", encoding="utf-8")
    return {
        "sample": [str(ROOT / "src" / "diplograph" / "sample")],
        "plover": [str(SHARED / "gold" / "plover_gsr_texts.jsonl")],
        "bbc": [str(bbc_file)],
    }


def export_base(rev: str, into: Path) -> Path:
    """The ``src`` folder of ``rev``, unpacked into ``into``."""
    archive = subprocess.run(["git", "archive", rev, "src"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run_cli(args: list[str], pythonpath: Path | None) -> list[dict]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    code = "from diplograph.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"diplograph {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def outputs(paths: list[str], pythonpath: Path | None) -> dict[str, list[dict]]:
    return {
        "articles": run_cli(["articles", *paths, "--format", "jsonl"], pythonpath),
        "events": run_cli(["extract", *paths, "--min-confidence", "0"], pythonpath),
    }


def differences(old: list[dict], new: list[dict], show: bool = False) -> list[str]:
    """What differs, field by field; fields only ``new`` has are allowed. With ``show``,
    each changed field's value before and after, and the record's evidence text."""
    if len(old) != len(new):
        return [f"{len(old)} records before, {len(new)} after"]
    problems = []
    for i, (a, b) in enumerate(zip(old, new)):
        changed = [key for key in a if a[key] != b.get(key)]
        if changed:
            problems.append(f"record {i} ({a.get('id') or a.get('doc_id')}): {changed}")
            if show:
                problems[-1] += "".join(f"\n        {key}: {a[key]!r} -> {b.get(key)!r}"
                                        for key in changed if key not in ("id", "rules"))
                problems[-1] += f"\n        text: {(a.get('evidence') or {}).get('text', '')!r}"
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="e5d8191", help="commit whose output is the reference")
    parser.add_argument("--bbc", type=int, default=200, help="BBC articles to include")
    parser.add_argument("--show", action="store_true",
                        help="print the changed values and the evidence of each difference")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base_src = export_base(args.base, work / "base")
        named = inputs(work, args.bbc)
        paths = [path for group in named.values() for path in group]
        # One process per side and command (the model loads once), both sides at once.
        with ThreadPoolExecutor(max_workers=2) as pool:
            before, after = pool.map(outputs, [paths, paths], [base_src, None])
        for kind in ("articles", "events"):
            problems = differences(before[kind], after[kind], args.show)
            status = "identical" if not problems else f"{len(problems)} differences"
            print(f"{' + '.join(named)}: {kind:8s} {len(after[kind]):5d} records: {status}")
            for line in problems[:10]:
                print(f"    {line}")
            failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
