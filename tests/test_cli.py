"""The command line, through its entry point: extract, ingest, events, eval, bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def sample_extract(sample_dir) -> str:
    """``diplograph extract`` of the sample (JSON Lines), coded once for the tests that read it."""
    result = run("extract", str(sample_dir))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory, sample_dir, warm_process) -> Path:
    """The sample ingested by the ``ingest`` command (its own: a test ingests into it again)."""
    db = tmp_path_factory.mktemp("db") / "sample.duckdb"
    result = run("ingest", str(sample_dir), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def test_every_command_and_option_has_help():
    for command in app.registered_commands:
        assert command.callback.__doc__, f"{command.callback.__name__} has no help"
    for name in ("ingest", "articles", "extract", "events", "eval"):
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "Usage" in result.output


def test_extract_through_the_console_entry_point(sample_dir):
    proc = subprocess.run(
        [sys.executable, "-m", "diplograph", "extract",
         str(sample_dir / "001_carney_zelenskyy_call.txt")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    consult = [e for e in events if e["type"] == "CONSULT" and e["mode"] == "phone"
               or e["type"] == "CONSULT"
               and {e["source"]["country"], e["target"]["country"]} == {"CAN", "UKR"}]
    assert consult, events
    required = {"id", "doc_id", "article_index", "type", "mode", "source", "target", "others",
                "date", "location", "status", "claimed_by", "evidence", "quote", "confidence"}
    for event in events:
        assert required <= set(event)


def test_evidence_offsets_point_into_the_cleaned_article(sample_dir, sample_extract):
    articles = {}
    out = run("articles", str(sample_dir))
    assert out.exit_code == 0
    for line in out.stdout.splitlines():
        a = json.loads(line)
        articles[(a["doc_id"], a["article_index"])] = a["text"]
    events = [json.loads(line) for line in sample_extract.splitlines()]
    assert len(events) >= 10
    for e in events:
        text = articles[(e["doc_id"], e["article_index"])]
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_same_input_gives_the_same_ids(sample_dir, sample_extract):
    assert run("extract", str(sample_dir)).stdout == sample_extract


def test_bad_documents_get_one_line_each_and_the_batch_goes_on(tmp_path, sample_dir):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes(
        "Le pr\xe9sident a d\xe9clar\xe9 lundi.".encode("latin-1")
    )
    good = (sample_dir / "001_carney_zelenskyy_call.txt").read_bytes()
    (tmp_path / "good.txt").write_bytes(good)
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 3, lines
    for name in ("empty.txt", "binary.txt", "latin1.txt"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {e["doc_id"] for e in events} == {"good"}


def test_ingest_is_idempotent(tmp_path, sample_dir, cli_db):
    before = run("events", "--db", str(cli_db)).stdout
    again = run("ingest", str(sample_dir), "--db", str(cli_db))
    assert again.exit_code == 0
    assert "ingested 0 documents" in again.stderr
    assert run("events", "--db", str(cli_db)).stdout == before


def test_events_filters(cli_db):
    out = run("events", "--db", str(cli_db), "--type", "CONSULT")
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events and all(e["type"] == "CONSULT" for e in events)
    out = run("events", "--db", str(cli_db), "--actor", "RUS", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and all("RUS" in (r["src"], r["tgt"]) for r in rows)
    table = run("events", "--db", str(cli_db), "--format", "table", "--since", "2025-08")
    assert "CONSULT" in table.stdout


def test_every_listing_command_takes_every_field_of_the_filter():
    from dataclasses import fields

    from diplograph.store.filters import EventFilter

    for command in ("events", "incidents", "export"):
        help_text = run(command, "--help").stdout
        assert all(f"--{field.name}" in help_text for field in fields(EventFilter)), command


def test_events_on_a_missing_database_is_a_usage_error(tmp_path):
    result = run("events", "--db", str(tmp_path / "nope.duckdb"))
    assert result.exit_code == 2
    assert "no such database" in result.stderr


def test_eval_needs_exactly_one_system(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("")
    assert run("eval", "--gold", str(gold)).exit_code == 2


def test_eval_agrees_with_the_referee_scorer(tmp_path, sample_extract, shared_dir):
    gold = Path(__file__).parent / "data" / "sample_gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    pred.write_text(sample_extract)  # the sample's extract (its ids are stable: see above)
    ours = run("eval", "--gold", str(gold), "--pred", str(pred), "--json")
    referee = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_events.py"),
         str(gold), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    assert json.loads(ours.stdout) == json.loads(referee.stdout)
    shown = run("eval", "--gold", str(gold), "--pred", str(pred), "--show").stdout
    referee_shown = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_events.py"),
         str(gold), str(pred), "--show"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert shown == referee_shown


def test_eval_from_the_database(cli_db):
    gold = Path(__file__).parent / "data" / "sample_gold.jsonl"
    result = run("eval", "--gold", str(gold), "--db", str(cli_db), "--json")
    figures = json.loads(result.stdout)
    assert figures["true_positive_keys"] > 0


def test_events_filtered_by_place(cli_db):
    located = [json.loads(line)
               for line in run("events", "--db", str(cli_db)).stdout.splitlines()
               if json.loads(line).get("location")]
    assert located, "the sample has events with a location"
    country = located[0]["location"]["country"]
    out = run("events", "--db", str(cli_db), "--place", country)
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events and all(e["location"]["country"] == country for e in events)
    word = located[0]["location"]["name"].split()[0]
    by_name = [json.loads(line) for line in
               run("events", "--db", str(cli_db), "--place", word).stdout.splitlines()]
    assert by_name and all(word.lower() in e["location"]["name"].lower() for e in by_name)


def test_an_analyst_actor_file_extends_the_knowledge(tmp_path):
    actors = tmp_path / "mine.yaml"
    actors.write_text(
        "people:\n"
        "  - name: Ilse Vandermeer\n"
        "    aliases: [Vandermeer]\n"
        "    gender: f\n"
        "    terms:\n"
        "      - {country: BEL, role: foreign minister, title: foreign minister,"
        " start: 2026-01-01, end: null}\n", encoding="utf-8")
    page = tmp_path / "page.jsonl"
    page.write_text(json.dumps({
        "id": "p1", "published": "2026-03-05",
        "text": "Vandermeer met Polish officials in Warsaw on Tuesday to discuss sanctions "
                "on Russia."}) + "\n", encoding="utf-8")
    without = [json.loads(line) for line in run("extract", str(page)).stdout.splitlines()]
    with_file = [json.loads(line) for line in
                 run("extract", str(page), "--actors", str(actors)).stdout.splitlines()]
    assert not any(e["type"] == "CONSULT" for e in without)  # a bare unknown surname
    source = next(e["source"] for e in with_file if e["type"] == "CONSULT")
    assert source["name"] == "Ilse Vandermeer"
    assert (source["country"], source["role"]) == ("BEL", "foreign minister")
