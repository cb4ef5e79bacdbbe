"""The progress bar of ``diplograph ingest`` on a terminal, and its total (issue #18)."""

from __future__ import annotations

import gzip
import os
import pty
import re
import sys

from forked import forked_cli

from diplograph.pages.sources import expected_documents

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _on_a_terminal(args: list[str]) -> tuple[int, list[str]]:
    """Run the CLI (forked from this warm process) with stderr on a pseudo-terminal of 120
    columns; its exit status and screen lines, escapes removed."""
    master, slave = pty.openpty()

    def stderr_on_the_terminal() -> None:
        os.environ.update(COLUMNS="120", TERM="xterm")
        os.close(master)
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 1)
        os.dup2(slave, 2)
        # pytest's capture replaced the streams of this process: the child's are fds 1, 2.
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - the process's own
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115 - the process's own

    proc = forked_cli(args, stderr_on_the_terminal)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    proc.join()
    screen = _ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))
    return proc.exitcode, [line.strip() for line in re.split(r"[\r\n]", screen) if line.strip()]


def test_ingest_shows_done_of_total_and_error_lines_never_glue_onto_the_bar(
        tmp_path, sample_dir, warm_process):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes((sample_dir / "001_carney_zelenskyy_call.txt").read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 4)

    status, lines = _on_a_terminal(
        ["ingest", str(inputs), "--db", str(tmp_path / "x.duckdb")])

    assert status == 1  # two refused documents
    bars = [line for line in lines if "elapsed" in line]
    assert bars and "3/3" in bars[-1] and "100%" in bars[-1], lines
    errors = [line for line in lines if "error" in line]
    assert len(errors) == 2, lines
    assert all(line.startswith("error:") for line in errors), errors  # each on its own line
    assert lines[-1].startswith("ingested 1 document ("), lines


def test_the_total_counts_pages_and_jsonl_records(tmp_path):
    (tmp_path / "a.txt").write_text("One page.")
    (tmp_path / "b.html").write_text("<html><body><p>Another.</p></body></html>")
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    assert expected_documents([str(tmp_path)]) == 5


def test_the_total_is_unknown_when_counting_would_mean_reading_it_all(tmp_path):
    (tmp_path / "a.txt").write_text("One page.")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as handle:
        handle.write('{"text": "x"}\n')
    assert expected_documents([str(tmp_path)]) is None
