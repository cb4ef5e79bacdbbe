"""``diplograph eval`` checks its gold and prediction files: one ``error: file:line: what``
line per problem and exit status 2, never a traceback or a score of half a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.evaluation.gold import MAX_SHOWN, GoldFileError, read_gold, read_predictions

CALL = {"doc_id": "call-1", "type": "CONSULT", "source": {"country": "CAN"},
        "target": {"country": ["UKR"], "name": "zelensk"}, "polarity": "happened",
        "date": {"value": "2025-12-27", "precision": "day"}, "note": "Carney called Zelenskyy"}
EVENT = {"doc_id": "call-1", "type": "CONSULT", "source": {"name": "Mark Carney",
         "country": "CAN"}, "target": {"name": "Volodymyr Zelenskyy", "country": "UKR"},
         "status": "reported", "evidence": {"text": "Carney spoke with Zelenskyy."}}


def write(path: Path, *lines: object) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n"
                            for x in lines), encoding="utf-8")
    return path


def eval_errors(gold: Path, pred: Path) -> list[str]:
    """The stderr lines of a refused ``eval`` (checked: exit 2, no figures, no traceback)."""
    res = CliRunner().invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred)])
    assert res.exit_code == 2, (res.output, res.exception)
    assert res.stdout == "" and "Traceback" not in res.output
    lines = res.stderr.splitlines()
    assert all(line.startswith("error: ") for line in lines), lines
    return [line.removeprefix("error: ") for line in lines]


@pytest.fixture()
def pred(tmp_path) -> Path:
    return write(tmp_path / "pred.jsonl", EVENT)


def test_a_valid_pair_scores(tmp_path, pred):
    gold = write(tmp_path / "gold.jsonl", CALL, {**CALL, "type": ["DEMAND", "REQUEST"],
                                                 "source": "*", "target": None,
                                                 "optional": True})
    res = CliRunner().invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["true_positive_keys"] == 1


def test_each_problem_is_named_by_file_and_line(tmp_path, pred):
    gold = write(tmp_path / "gold.jsonl",
                 CALL,
                 '{"doc_id": "call-2", "type": "CONSULT",',  # cut short
                 "",
                 {k: v for k, v in CALL.items() if k != "doc_id"},
                 {**CALL, "type": "HUG"},
                 {**CALL, "type": ["CONSULT", "PRAISE"], "polarity": "maybe"},
                 {**CALL, "source": {"name": "Carney ("}, "target": "Zelenskyy"},
                 ["call-1", "CONSULT"])
    assert eval_errors(gold, pred) == [
        f"{gold}:2: not JSON (Expecting property name enclosed in double quotes at column 40)",
        f"{gold}:4: no doc_id (a string)",
        f"{gold}:5: type 'HUG' is not a PLOVER category ({', '.join(_plover())})",
        f"{gold}:6: type 'PRAISE' is not a PLOVER category ({', '.join(_plover())})",
        f"{gold}:6: polarity 'maybe' is not one of future, happened, not",
        f"{gold}:7: source.name is not a valid regular expression "
        "(missing ), unterminated subpattern at position 7)",
        f'{gold}:7: target must be "*", null or an object with country and/or name',
        f"{gold}:8: a JSON list, not an object",
    ]


def _plover() -> tuple[str, ...]:
    from diplograph.records import EVENT_TYPES

    return EVENT_TYPES


@pytest.mark.parametrize("layout", ["one line", "indented"])
def test_a_json_array_is_one_line_saying_so(tmp_path, pred, layout):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([CALL, CALL], indent=None if layout == "one line" else 2))
    (line,) = eval_errors(gold, pred)
    assert line.startswith(f"{gold}:1: a JSON array of 2 items, not JSON Lines"), line


def test_no_type_is_only_for_an_optional_record(tmp_path, pred):
    nothing_here = {"doc_id": "call-2", "type": [], "source": "*", "target": "*"}
    assert read_gold(write(tmp_path / "ok.jsonl", {**nothing_here, "optional": True}))
    gold = write(tmp_path / "gold.jsonl", nothing_here)
    assert eval_errors(gold, pred) == [
        f"{gold}:1: type [] names no category: only an optional record (no event here) may"]


def test_an_empty_gold_file_is_refused(tmp_path, pred):
    gold = write(tmp_path / "gold.jsonl", "", "   ")
    assert eval_errors(gold, pred) == [f"{gold}: no gold records (the file is empty)"]


def test_a_missing_or_binary_gold_file_is_one_line(tmp_path, pred):
    assert eval_errors(tmp_path / "absent.jsonl", pred) == [
        f"{tmp_path / 'absent.jsonl'}: cannot read the gold file (No such file or directory)"]
    binary = tmp_path / "gold.jsonl"
    binary.write_bytes(b'{"doc_id": "\xff\xfe"}\n')
    (line,) = eval_errors(binary, pred)
    assert line.startswith(f"{binary}: not UTF-8 text"), line


def test_predictions_are_checked_too(tmp_path):
    gold = write(tmp_path / "gold.jsonl", CALL)
    pred = write(tmp_path / "pred.jsonl", EVENT, {**EVENT, "type": None}, "not json")
    assert eval_errors(gold, pred) == [
        f"{pred}:2: no type (a string)",
        f"{pred}:3: not JSON (Expecting value at column 1)",
    ]


def test_a_wrong_file_lists_the_first_problems_and_counts_the_rest(tmp_path):
    gold = write(tmp_path / "gold.jsonl", *[{"id": i} for i in range(30)])
    with pytest.raises(GoldFileError) as caught:
        read_gold(gold)
    assert len(caught.value.problems) == 60  # no doc_id, no type: two per line
    lines = str(caught.value).splitlines()
    assert len(lines) == MAX_SHOWN + 1 and lines[-1] == f"... and {60 - MAX_SHOWN} more problems"


def test_valid_files_are_returned_as_read(tmp_path):
    nothing_here = {**CALL, "type": [], "optional": True}
    gold = write(tmp_path / "gold.jsonl", CALL, nothing_here)
    assert read_gold(gold) == [CALL, nothing_here]
    assert read_predictions(write(tmp_path / "pred.jsonl", EVENT)) == [EVENT]


def test_the_shared_gold_files_pass(shared_dir):
    for path in sorted((shared_dir / "gold").glob("*.jsonl")):
        if not path.name.endswith("_texts.jsonl"):
            assert read_gold(path), path
