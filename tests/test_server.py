"""``diplograph serve``'s safe defaults: loopback unless --public, a busy port in one line,
and no snapshot copy of the database left behind (signals, kill -9, start-up)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from needs import need_module

need_module("fastapi", "the web extra is not installed")

from typer.testing import CliRunner  # noqa: E402

from diplograph import cli  # noqa: E402
from diplograph.serve import server  # noqa: E402
from diplograph.serve.snapshot import PREFIX, Snapshots, remove_stale  # noqa: E402
from diplograph.store.publish import snapshot_path  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """An empty database (migrated, no documents): enough to serve."""
    from diplograph.store.store import Store

    path = tmp_path_factory.mktemp("serve") / "empty.duckdb"
    with Store(path):
        pass
    return path


def serve(*args: str):
    return CliRunner().invoke(cli.app, ["serve", *args])


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost", "LOCALHOST"])
def test_loopback_addresses_need_no_flag(host):
    assert server.check_host(host, public=False) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "", "192.168.1.10", "example.org"])
def test_other_addresses_need_public(host):
    from diplograph.errors import UsageError

    with pytest.raises(UsageError, match="--public"):
        server.check_host(host, public=False)
    assert "no login" in server.check_host(host, public=True)


def test_a_public_host_without_the_flag_is_a_usage_error(tmp_path, monkeypatch):
    """Refused before anything is bound or read (the database need not even exist)."""
    monkeypatch.setattr(server, "listen", lambda *a: pytest.fail("bound a socket"))
    result = serve("--db", str(tmp_path / "absent.duckdb"), "--host", "0.0.0.0")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "0.0.0.0 is not a loopback address" in lines[0], lines
    assert "--public" in lines[0] and "Traceback" not in result.output


def test_public_serves_with_a_one_line_warning(db, monkeypatch):
    seen = {}

    def fake_serve(settings, sock, **kw):
        seen["address"] = sock.getsockname()
        sock.close()

    monkeypatch.setattr(server, "serve", fake_serve)
    result = serve("--db", str(db), "--host", "0.0.0.0", "--port", "0", "--public")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "0.0.0.0" in warnings[0] and "no login" in warnings[0]
    assert seen["address"][0] == "0.0.0.0"


def test_a_busy_port_is_one_line_and_exit_3(db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve("--db", str(db), "--port", str(port))
    assert result.exit_code == cli.EXIT_ENVIRONMENT == 3
    lines = result.stderr.strip().splitlines()
    assert lines == [f"error: cannot listen on 127.0.0.1:{port}: the port is already in use "
                     "(another server? pick one with --port)"], lines


def test_threads_and_workers_reach_the_servers_settings(db, monkeypatch):
    seen = {}

    def fake_serve(settings, sock, **kw):
        seen["settings"] = settings
        sock.close()

    monkeypatch.setattr(server, "serve", fake_serve)
    result = serve("--db", str(db), "--port", "0", "--threads", "1", "--workers", "2")
    assert result.exit_code == 0, result.output
    assert (seen["settings"].threads, seen["settings"].workers) == (1, 2)
    result = serve("--db", str(db), "--port", "0")
    assert (seen["settings"].threads, seen["settings"].workers) == (None, None)


@pytest.mark.parametrize("option", ["--threads", "--workers"])
def test_threads_and_workers_below_one_are_usage_errors(db, option, monkeypatch):
    monkeypatch.setattr(server, "listen", lambda *a: pytest.fail("bound a socket"))
    result = serve("--db", str(db), option, "0")
    assert result.exit_code == 2 and option in result.stderr


def test_the_exit_codes_are_documented():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert "3" in readme.split("Exit status")[1].split("\n\n")[0]


# ---- Snapshots ---------------------------------------------------------------------------


def snapshot_dirs(tmp: Path) -> list[Path]:
    """Copies in the temporary folder (older servers made them; this one never does)."""
    return sorted(tmp.glob(PREFIX + "*"))


@pytest.fixture
def own_db(db, tmp_path) -> Path:
    """A copy of the empty database in its own folder: its snapshot appears beside it."""
    path = tmp_path / "data" / "own.duckdb"
    path.parent.mkdir()
    shutil.copyfile(db, path)
    return path


def start(db: Path, tmp: Path, *options: str) -> tuple[subprocess.Popen, int]:
    """The real ``diplograph serve`` with its own TMPDIR; returns it once it answers."""
    env = {**os.environ, "TMPDIR": str(tmp)}
    proc = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--db", str(db),
                             "--port", "0", *options], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    assert "serving" in line, line + proc.stderr.read()
    port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            assert time.monotonic() < deadline, "the server does not answer"
            time.sleep(0.1)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_server_leaves_no_snapshot(own_db, tmp_path, sig):
    proc, _ = start(own_db, tmp_path)
    try:
        assert snapshot_path(own_db).is_file() and snapshot_dirs(tmp_path) == []
        proc.send_signal(sig)
        assert proc.wait(timeout=20) == 0
        assert "Traceback" not in proc.stderr.read()
    finally:
        proc.kill()
        proc.stderr.close()
    assert sorted(p.name for p in own_db.parent.iterdir()) == ["own.duckdb"]
    assert snapshot_dirs(tmp_path) == []


def test_the_entry_point_serves_with_threads_and_workers(own_db, tmp_path):
    import urllib.request

    proc, port = start(own_db, tmp_path, "--threads", "1", "--workers", "2")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=20) as answer:
            assert answer.status == 200 and b'"count": 0' in answer.read()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        proc.stderr.close()


def test_a_killed_servers_snapshot_serves_the_next_start(own_db, tmp_path):
    proc, _ = start(own_db, tmp_path)
    proc.kill()  # SIGKILL: nothing can clean up
    proc.wait(timeout=20)
    proc.stderr.close()
    left = snapshot_path(own_db)
    assert left.is_file()
    unfinished = own_db.with_name(f"own.duckdb.snapshot.tmp-{proc.pid}")  # a killed copy
    unfinished.write_bytes(b"half")
    inode = left.stat().st_ino
    proc, _ = start(own_db, tmp_path)
    try:
        assert left.stat().st_ino == inode  # unchanged database: its snapshot is reused
        assert not unfinished.exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        proc.stderr.close()
    assert sorted(p.name for p in own_db.parent.iterdir()) == ["own.duckdb"]


def test_start_up_spares_live_and_foreign_folders(db, tmp_path):
    live = tmp_path / f"{PREFIX}{os.getpid()}-abc123"  # this process: alive
    other = tmp_path / f"{PREFIX}notapid"  # not ours to judge
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{PREFIX}{dead.pid}-zz9"
    for folder in (live, other, stale):
        folder.mkdir()
        (folder / "snap-1.duckdb").write_bytes(b"x")
    assert remove_stale(tmp_path) == [stale]
    assert live.exists() and other.exists() and not stale.exists()


def test_snapshots_close_removes_the_snapshot(own_db):
    snaps = Snapshots(own_db)
    assert snapshot_path(own_db).is_file()
    snaps.close()
    snaps.close()  # twice is fine (the lifespan, then atexit)
    assert not snapshot_path(own_db).exists() and own_db.is_file()
