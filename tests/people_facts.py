"""Shared helpers of the people spot-fact tests (tests/test_people_people_*.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

PEOPLE_DIR = Path(__file__).resolve().parents[1] / "src" / "diplograph" / "data" / "actors" / "people"
FAR_FUTURE = dt.date(9999, 12, 31)


def load_people(file_name: str) -> list[dict]:
    """One people file, as the list of person entries it holds."""
    data = yaml.safe_load((PEOPLE_DIR / file_name).read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, file_name
    return data


def holder(people: list[dict], country: str, role: str, day: str) -> list[str]:
    """Names holding ``role`` in ``country`` on ``day`` (end day exclusive; acting terms
    left out, so a hand-over day names the successor and an interim names no one)."""
    when = dt.date.fromisoformat(day)
    return [person["name"] for person in people for term in person["terms"]
            if term.get("country") == country and term["role"] == role
            and not term.get("acting") and term["start"] <= when < (term["end"] or FAR_FUTURE)]
