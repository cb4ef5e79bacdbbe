"""Every failure of the machine or the database is one ``error:`` line and a distinct exit
status (README "Exit status"): corrupt, foreign, locked database; disk full; --debug."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_store import MACRON, ZELENSKYY, result
from typer.testing import CliRunner

from diplograph import cli
from diplograph.errors import ExitStatus
from diplograph.store.store import Store

REPO = Path(__file__).resolve().parent.parent
STORY = ("Prime Minister Mark Carney spoke with President Volodymyr Zelenskyy by phone on "
         "Monday about the reconstruction of Ukraine, his office said.\n")


def run(*args: str, **env: str):
    return CliRunner().invoke(cli.app, list(args), env=env or None)


def one_error_line(res, status: ExitStatus) -> str:
    """The single stderr line of a failed command, checked: status, no traceback."""
    assert res.exit_code == status, (res.exit_code, res.output, res.exception)
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "Traceback" not in res.output
    return lines[0]


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    """A real diplograph database of a few MB: 300 documents, 1,500 events."""
    path = tmp_path_factory.mktemp("failures") / "stored.duckdb"
    with Store(path) as store:
        store.write([result(f"d{i}", f"h{i}", [
            (f"e{i}-{j}", ZELENSKYY if j % 2 else MACRON, "2025-12-26") for j in range(5)])
            for i in range(300)])
    return path


@pytest.fixture()
def story(tmp_path) -> Path:
    page = tmp_path / "pages" / "call.txt"
    page.parent.mkdir()
    page.write_text(STORY, encoding="utf-8")
    return page


def damaged(kind: str, stored: Path, folder: Path) -> Path:
    """A database file gone wrong in one of the ways a careless user meets."""
    path = folder / f"{kind}.duckdb"
    data = stored.read_bytes()
    if kind == "not-duckdb":
        path.write_text("doc_id,type\nd1,CONSULT\n")  # a CSV given as --db
    elif kind == "header-only":
        path.write_bytes(data[:8192])
    elif kind == "truncated":  # a copy cut short: opens, fails on reading
        path.write_bytes(data[:len(data) // 4])
    return path


COMMANDS = {
    "events": lambda db, out, page: ["events", "--db", str(db)],
    "incidents": lambda db, out, page: ["incidents", "--db", str(db), "--format", "table"],
    "export": lambda db, out, page: ["export", "--db", str(db), "--to", str(out)],
    "ingest": lambda db, out, page: ["ingest", str(page), "--db", str(db)],
    "eval": lambda db, out, page: ["eval", "--gold", str(REPO / "tests/data/sample_gold.jsonl"),
                                   "--db", str(db)],
    "serve": lambda db, out, page: ["serve", "--db", str(db), "--port", "0"],
}


@pytest.mark.parametrize("kind", ["not-duckdb", "header-only", "truncated"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_corrupt_database_is_one_line_and_exit_5(command, kind, stored, story, tmp_path,
                                                    monkeypatch):
    if command == "serve":
        pytest.importorskip("fastapi")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))  # the server's snapshot folder
    db = damaged(kind, stored, tmp_path)
    before = db.read_bytes()
    line = one_error_line(run(*COMMANDS[command](db, tmp_path / "out", story)),
                          ExitStatus.DATABASE_CORRUPT)
    assert "damaged or not a DuckDB file" in line and str(db.name) in line, line
    assert db.read_bytes() == before  # never "repaired" by writing over it
    assert not list(tmp_path.glob("diplograph-serve-*"))  # serve refused, and cleaned up


@pytest.mark.parametrize("command", ["events", "ingest", "serve"])
def test_someone_elses_duckdb_file_is_refused_untouched(command, story, tmp_path, monkeypatch):
    import duckdb

    if command == "serve":
        pytest.importorskip("fastapi")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    db = tmp_path / "prices.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE prices AS SELECT 1 AS id, 9.5 AS eur")
    line = one_error_line(run(*COMMANDS[command](db, tmp_path / "out", story)),
                          ExitStatus.DATABASE_CORRUPT)
    assert "not a diplograph database" in line
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    assert tables == [("prices",)]  # ingest added none of our tables


def test_a_locked_database_is_one_line_and_exit_6(stored, story, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
         "print('holding', flush=True); sys.stdin.read()", str(stored)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        for args in (COMMANDS["events"], COMMANDS["ingest"], COMMANDS["export"]):
            line = one_error_line(run(*args(stored, tmp_path / "out", story)),
                                  ExitStatus.DATABASE_LOCKED)
            assert f"in use by another process (process {holder.pid})" in line, line
    finally:
        holder.communicate("", timeout=30)


def test_disk_full_while_storing_is_one_line_and_exit_4(tmp_path, story, monkeypatch,
                                                     warm_process):
    def no_space(self, results):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.path) + ".wal")

    monkeypatch.setattr(Store, "write", no_space)
    db = tmp_path / "full.duckdb"
    line = one_error_line(run("ingest", str(story), "--db", str(db)), ExitStatus.DISK_FULL)
    assert line.startswith(f"error: {db}.wal: no space left to write"), line


def limited(max_bytes: int, code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a Python whose files cannot grow past ``max_bytes`` (a full disk:
    writes fail with EFBIG once the limit is reached, as with ENOSPC on a full one)."""
    prelude = textwrap.dedent(f"""
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write, do not kill us
        resource.setrlimit(resource.RLIMIT_FSIZE, ({max_bytes}, {max_bytes}))
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO / "tests")]),
           "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as a small full disk")
def test_export_onto_a_full_disk_is_one_line_and_exit_4(stored, tmp_path):
    proc = limited(20_000, f"""
        import sys
        from diplograph.cli import main
        sys.argv = ["diplograph", "export", "--db", {str(stored)!r}, "--to", {str(tmp_path)!r},
                    "--format", "csv"]
        main()
    """)
    assert proc.returncode == ExitStatus.DISK_FULL, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no space left to write" in lines[0], lines


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as a small full disk")
def test_a_commit_that_finds_the_disk_full_names_the_disk(tmp_path):
    """DuckDB's failed COMMIT ends the transaction: the store must not hide why behind a
    failed ROLLBACK ('no transaction is active')."""
    db = tmp_path / "small.duckdb"
    proc = limited(200_000, f"""
        from test_store import MACRON, result
        from diplograph.cli import one_line
        from diplograph.store.store import Store
        with Store({str(db)!r}) as store:
            try:
                store.write([result(f"d{{i}}", "h", [(f"e{{i}}", MACRON, "2025-12-26")])
                             for i in range(2000)])
            except Exception as exc:
                failure = one_line(exc)
                print(type(failure).__name__, int(failure.exit_status))
    """)
    assert proc.stdout.split() == ["DiskFull", str(int(ExitStatus.DISK_FULL))], proc.stderr


def test_debug_adds_the_traceback_before_the_line(stored, tmp_path):
    db = damaged("not-duckdb", stored, tmp_path)
    for res in (run("--debug", "events", "--db", str(db)),
                run("events", "--db", str(db), DIPLOGRAPH_DEBUG="1")):
        assert res.exit_code == ExitStatus.DATABASE_CORRUPT
        assert "Traceback" in res.stderr
        assert res.stderr.strip().splitlines()[-1].startswith("error: ")


def test_the_exit_statuses_are_distinct_and_in_the_readme():
    assert len({int(s) for s in ExitStatus}) == len(ExitStatus)
    table = (REPO / "README.md").read_text(encoding="utf-8").split("Exit status")[1]
    table = table.split("\n\n")[0].lower()
    for status, words in {1: "documents failed", 2: "usage", 3: "cannot listen",
                          4: "disk full", 5: "corrupt", 6: "locked"}.items():
        assert f"{status} {words}" in table, (status, words)
    assert "--debug" in table


def test_inputs_that_all_do_not_exist_leave_no_database(tmp_path):
    db = tmp_path / "typo.duckdb"
    line = one_error_line(run("ingest", str(tmp_path / "nowhere.txt"), str(tmp_path / "*.htm"),
                              "--db", str(db)), ExitStatus.USAGE)
    assert line.startswith("error: no input found: ") and "nowhere.txt" in line, line
    assert not db.exists()
