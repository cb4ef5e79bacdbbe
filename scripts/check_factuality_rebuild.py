"""Check that ``make fit-factuality`` rebuilds the shipped factuality files (issue #21).

Unpacks a commit's tree (``git archive``) into a temporary folder beside a link to
``../shared``, runs ``make fit-factuality`` there with this Python's environment, and
compares the four files it writes with the commit's own:

- ``data/lexicon/factuality.yaml`` (its ``calibration`` block is rewritten): byte for byte;
- ``factuality_model.npz``, ``factuality_trees.npz``, ``factuality_band.npz``: array by
  array (name, dtype, shape and every value). Their bytes are not compared: numpy writes
  each array into the zip archive with the time of writing, so two identical fits differ
  in their time stamps.

Takes the time of a refit (about 5 min of CPU: two parses of UW, the cue values, the
trees). Exit status 0 when every file is reproduced.

Usage::

    PYTHONPATH=src .venv/bin/python scripts/check_factuality_rebuild.py [--commit HEAD] [--keep]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
LEXICON = Path("src/diplograph/data/lexicon")
TEXT_FILES = ("factuality.yaml",)
ARRAY_FILES = ("factuality_model.npz", "factuality_trees.npz", "factuality_band.npz")


def unpack(commit: str, into: Path) -> Path:
    """The commit's tree under ``into/repo``, with ``into/shared`` pointing at ../shared."""
    repo = into / "repo"
    repo.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(repo)], input=archive, check=True)
    (into / "shared").symlink_to((ROOT.parent / "shared").resolve())
    return repo


def refit(repo: Path) -> None:
    """``make fit-factuality`` in ``repo`` with this interpreter's environment (no install:
    the stamp the target depends on is left empty)."""
    subprocess.run(["make", "-C", str(repo), "fit-factuality",
                    f"BIN={Path(sys.executable).parent}", "STAMP="], check=True)


def array_differences(shipped: Path, rebuilt: Path) -> list[str]:
    """What differs between two ``.npz`` files, array by array (empty when nothing does)."""
    with np.load(shipped) as a, np.load(rebuilt) as b:
        if set(a.files) != set(b.files):
            return [f"arrays {sorted(a.files)} against {sorted(b.files)}"]
        found = []
        for name in sorted(a.files):
            x, y = a[name], b[name]
            if x.dtype != y.dtype or x.shape != y.shape:
                found.append(f"{name}: {x.dtype}{x.shape} against {y.dtype}{y.shape}")
            elif not np.array_equal(x, y):
                gap = (np.abs(x.astype(float) - y.astype(float)).max()
                       if x.dtype.kind in "fi" else "values")
                found.append(f"{name}: differs ({gap})")
        return found


def compare(shipped_repo: Path, rebuilt_repo: Path) -> bool:
    same = True
    for name in (*TEXT_FILES, *ARRAY_FILES):
        shipped, rebuilt = shipped_repo / LEXICON / name, rebuilt_repo / LEXICON / name
        if name in TEXT_FILES:
            problems = [] if shipped.read_bytes() == rebuilt.read_bytes() else ["bytes differ"]
        else:
            problems = array_differences(shipped, rebuilt)
        print(f"{name}: {'reproduced' if not problems else '; '.join(problems)}")
        same &= not problems
    return same


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commit", default="HEAD", help="the commit whose files are checked")
    parser.add_argument("--keep", action="store_true", help="keep the rebuilt tree")
    opts = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="factuality-rebuild-"))
    try:
        repo = unpack(opts.commit, work)
        shipped = work / "shipped"
        shutil.copytree(repo / LEXICON, shipped / LEXICON)
        refit(repo)
        same = compare(shipped, repo)
    finally:
        if opts.keep:
            print(f"rebuilt tree kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("every shipped factuality file is reproduced" if same else "NOT reproduced")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
