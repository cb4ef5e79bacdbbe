"""Shared helpers of the people spot-fact tests (tests/test_people_people_*.py)."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PEOPLE_DIR = REPO / "src" / "diplograph" / "data" / "actors" / "people"
QID_EVIDENCE = REPO / "docs" / "qid_evidence.tsv"
FAR_FUTURE = dt.date(9999, 12, 31)


# PyYAML's safe loader on libyaml's parser where it was built with it: the same data as
# yaml.safe_load (YAML 1.1), five times faster on these files (1 MB: 5.9 s -> 1.1 s of CPU).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load_people(file_name: str) -> list[dict]:
    """One people file, as the list of person entries it holds; parsed once per process
    (several test files and parametrized tests read the same file; none changes it)."""
    text = (PEOPLE_DIR / file_name).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    assert isinstance(data, list) and data, file_name
    return data


def holder(people: list[dict], country: str, role: str, day: str) -> list[str]:
    """Names holding ``role`` in ``country`` on ``day``, by the knowledge base's own rule
    (``Term.active``: start and end days both inclusive, so a hand-over day names both
    holders, in file order); acting terms left out, so an interim names no one."""
    when = dt.date.fromisoformat(day)
    return [person["name"] for person in people for term in person["terms"]
            if term.get("country") == country and term["role"] == role
            and not term.get("acting") and term["start"] <= when <= (term["end"] or FAR_FUTURE)]


def evidenced_qids() -> set[str]:
    """The QIDs docs/qid_evidence.tsv gives a source for."""
    rows = QID_EVIDENCE.read_text(encoding="utf-8").splitlines()[1:]
    return {row.split("\t")[1] for row in rows if row.count("\t") >= 1}
