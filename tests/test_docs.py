"""The documentation a newcomer is pointed to is inside the repository, and the record
contracts in docs/contracts.md name every field the code writes (issue #18)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.records import ActorRef, Article, Event

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ROOT / "docs" / "contracts.md"
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_every_relative_link_of_the_readme_and_docs_stays_in_the_repository():
    for page in _documents():
        for target in _LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
                continue
            path = (page.parent / target).resolve()
            assert path.is_relative_to(ROOT), (page.name, target)
            assert path.exists(), (page.name, target)


def test_help_points_to_the_contracts_in_the_repository():
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert "docs/contracts.md" in result.output
    assert "docs/contracts.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_contracts_name_every_field_of_events_actors_and_articles():
    text = CONTRACTS.read_text(encoding="utf-8")
    internal = {"content_hash"}  # stored to skip unchanged documents; never printed
    for record in (Event, ActorRef, Article):
        for field in dataclasses.fields(record):
            if field.name not in internal:
                assert f"`{field.name}`" in text, (record.__name__, field.name)
