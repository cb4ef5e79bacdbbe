"""The HTTP API against its own OpenAPI spec (schemathesis), and what it must never do:
answer 5xx, listen beyond localhost unless told, write the database, or serve files
outside its static folder.

``DIPLOGRAPH_SCHEMA_EXAMPLES`` (default 25) sets the examples per operation and mode
(valid and invalid parameters); e.g. ``DIPLOGRAPH_SCHEMA_EXAMPLES=300`` for a long run.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from needs import need_module

need_module("fastapi", "the web extra is not installed")
schemathesis = need_module("schemathesis", "schemathesis (dev group) is missing")

import duckdb  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from diplograph.serve import WebSettings, create_app  # noqa: E402
from diplograph.serve.testing import free_port, running_server  # noqa: E402

EXAMPLES = int(os.environ.get("DIPLOGRAPH_SCHEMA_EXAMPLES", "25"))
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def db(sample_db) -> Path:
    return sample_db


@pytest.fixture(scope="module")
def app(db):
    app = create_app(WebSettings(db=db))
    yield app
    app.state.snapshots.close()  # the in-process client runs no lifespan


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _exercise(operation, mode, calls: dict, statuses: Counter, failures: dict,
              excluded: list) -> None:
    """Call ``operation`` with EXAMPLES generated cases; record the failures by kind."""
    label = operation.label

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    def check(case):
        calls[label] = calls.get(label, 0) + 1
        try:
            response = case.call_and_validate(excluded_checks=excluded)
            statuses[response.status_code] += 1
            assert response.status_code < 500, response.text[:300]
        except (Exception, BaseExceptionGroup) as exc:  # schemathesis raises a FailureGroup
            kinds = tuple(sorted(type(e).__name__ for e in getattr(exc, "exceptions", [exc])))
            failures.setdefault((label, mode.value, kinds), str(exc)[:1500])

    check()


def test_every_operation_conforms_to_the_openapi_spec(db):
    """Generated valid and invalid parameters for every operation in /openapi.json: never a
    5xx, and every answer (errors included) has a documented status, content type and shape."""
    from schemathesis import GenerationMode

    # Not rejecting "invalid" data is by design here: a blank field (`?type=`, as a browser
    # form sends it) means "no filter", and a repeated scalar parameter takes its last value.
    # Every other default check applies.
    from schemathesis.checks import negative_data_rejection

    before = _digest(db)
    # An app of its own: schemathesis runs its lifespan, whose end closes the snapshots.
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(WebSettings(db=db)))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    calls: dict[str, int] = {}
    statuses: Counter = Counter()
    failures: dict[tuple, str] = {}

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _exercise(operation, mode, calls, statuses, failures,
                      excluded=[negative_data_rejection])

    total = sum(calls.values())
    print(f"\nschemathesis: {total} generated requests over {len(calls)} operations "  # noqa: T201
          f"({EXAMPLES} examples per operation and mode); "
          f"statuses {dict(sorted(statuses.items()))}")
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
    assert set(calls) == {op.label for op in operations}
    assert statuses[200] > total // 4 and 503 not in statuses  # the data was really served
    assert _digest(db) == before  # the analyst's file is never written


# ---- Listening address ---------------------------------------------------------------


def test_serve_defaults_to_localhost(db, monkeypatch):
    """``diplograph serve`` without ``--host`` serves on a socket bound to 127.0.0.1."""
    import inspect

    from typer.testing import CliRunner

    from diplograph import cli
    from diplograph.serve import server

    assert inspect.signature(cli.serve).parameters["host"].default == "127.0.0.1"
    seen = {}

    def fake_serve(settings, sock, **kw):
        seen.update(address=sock.getsockname(), db=settings.db)
        sock.close()

    monkeypatch.setattr(server, "serve", fake_serve)
    port = free_port()
    result = CliRunner().invoke(cli.app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert seen["address"] == ("127.0.0.1", port) and seen["db"] == db


def _listening(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on ``port`` (Linux /proc/net)."""
    found = set()
    for name in ("tcp", "tcp6"):
        table = Path("/proc/net") / name
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, _, hexport = local.partition(":")
            if state == "0A" and int(hexport, 16) == port:  # 0A = LISTEN
                raw = bytes.fromhex(addr)
                if len(raw) == 4:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_serve_listens_on_loopback_only(db):
    """The real command, started briefly: the only listening socket is 127.0.0.1:PORT."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--db", str(db),
                             "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not _listening(port):
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        assert _listening(port) == {"127.0.0.1"}
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/events?limit=1")
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()


# ---- Read-only database ---------------------------------------------------------------


def test_request_connection_is_read_only(app, db):
    """The cursor a request gets (``deps.get_con``) cannot write, and the analyst's file is
    not even opened: the server reads a private snapshot."""
    from diplograph.serve.deps import get_con

    before = _digest(db)
    request = SimpleNamespace(app=app, scope={})  # a request, not one the cache replays
    gen = get_con(request)
    cur = next(gen)
    try:
        assert cur.execute("SELECT count(*) FROM events").fetchone()[0] > 0
        for sql in ("UPDATE events SET status = 'denied'", "DELETE FROM incidents",
                    "CREATE TABLE pwned (x INT)", "INSERT INTO events (id) VALUES ('x')",
                    "DROP TABLE events"):
            with pytest.raises(duckdb.Error, match="read-only"):
                cur.execute(sql)
        assert cur.execute("SELECT current_setting('access_mode')").fetchone()[0] == "read_only"
        assert cur.execute("SELECT path FROM duckdb_databases() WHERE NOT internal "
                           "AND database_name = current_database()").fetchone()[0] != str(db)
    finally:
        gen.close()
    assert _digest(db) == before


# ---- Path parameters and static files ---------------------------------------------------

# Raw request targets, sent as is (an HTTP client would normalise the dot segments away).
ESCAPES = [
    "/static/../../pyproject.toml",
    "/static/../app.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2f..%2fpyproject.toml",
    "/static/..%5c..%5capp.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/vendor/../../app.py",
    "/static/diplograph.css/../../app.py",
    "/static/%00../app.py",
    "/api/articles/..%2F..%2Fetc%2Fpasswd/0",
    "/api/articles/../../../etc/passwd/0",
    "/api/articles/%2e%2e%2f%2e%2e%2fpyproject.toml/0",
    "/articles/..%2F..%2Fpyproject.toml/0",
    "/articles/..%2F..%2Fpyproject.toml/0.json",
    "/api/events/..%2F..%2Fpyproject.toml",
    "/api/events/%2e%2e",
    "/api/articles/%2e%2e/0",
    "/events/..%2F..%2Fetc%2Fpasswd",
    "/events/..%2F..%2Fetc%2Fpasswd.json",
    "/api/incidents/..%2F..%2Fpyproject.toml",
    "/incidents/%2e%2e%2f%2e%2e%2fetc%2fpasswd.json",
    "/api/actors/..%2F..%2Fetc%2Fpasswd",
    "/actors/..%2F..%2Fpyproject.toml.json",
    "/../../pyproject.toml",
    "/%2e%2e/%2e%2e/pyproject.toml",
]
# What each file that could leak would show.
SECRETS = [b"[build-system]", b"root:x:0", b"def create_app", b"requires-python"]


def _raw_get(base: str, target: str) -> tuple[int, bytes]:
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        conn.putrequest("GET", target, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def base(app):
    with running_server(app) as url:
        yield url


def test_static_files_are_served(base):
    status, body = _raw_get(base, "/static/diplograph.css")
    assert status == 200 and body


@pytest.mark.parametrize("target", ESCAPES)
def test_path_parameters_cannot_reach_files(base, target):
    status, body = _raw_get(base, target)
    assert status in (404, 422), (target, status, body[:300])
    assert not any(secret in body for secret in SECRETS), (target, body[:300])


def test_incidents_filter_by_place(base):
    """Found by the schema run: ``place`` on incidents was a 500 (the incidents table has no
    location columns); it now matches incidents one of whose reports is located there."""
    import httpx

    with httpx.Client(base_url=base, timeout=30) as client:
        events = client.get("/api/events?limit=500").json()["data"]
        located = next(e for e in events if (e.get("location") or {}).get("country"))
        country = located["location"]["country"]
        for path in ("/api/incidents", "/incidents.json"):
            r = client.get(f"{path}?place={country}&limit=500")
            assert r.status_code == 200, r.text[:300]
            found = r.json()["data"]
            ids = {i["id"] for i in found}
            incident = client.get(f"/api/events/{located['id']}").json()["incident_id"]
            assert incident in ids
            for inc in found:
                places = {(e.get("location") or {}).get("country")
                          for e in client.get(f"/api/incidents/{inc['id']}").json()["events"]}
                assert country in places
        assert client.get("/api/incidents?place=nowhere-at-all").json()["count"] == 0
