"""Export memory: the server's peak RSS while it streams a list export, and the CLI's.

Usage (from the repository root):

    PYTHONPATH=src .venv/bin/python benchmarks/export_memory.py --db DB.duckdb
        [--src SRC] [--query 'type=CONSULT'] [--json OUT.json]

For each export (``/api/events.csv``, ``.parquet``, ``.plover.jsonl``, and the incidents'
three) a fresh ``diplograph serve`` runs in a child process (``--src``: the package's
source folder to run, e.g. another checkout's ``src``, to compare); after one small warm-up
request its resident memory (``VmRSS``) and high-water mark (``VmHWM``) are read, then the
export is downloaded (the body read and counted, not kept) and the high-water mark read
again, every 20 ms while it runs. ``growth`` = peak during the export - RSS before it.
Then ``diplograph export`` (csv, parquet, plover-jsonl) in a child, peak RSS from its
``VmHWM`` (``scale.run_child``). Seconds are wall time on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from scale import DIPLOGRAPH, REPO, _high_water_kb, run_child

EXPORTS = ("/api/events.csv", "/api/events.parquet", "/api/events.plover.jsonl",
           "/api/incidents.csv", "/api/incidents.parquet", "/api/incidents.plover.jsonl")


def _rss_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines()
                if line.startswith("VmRSS:"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _started(db: Path, src: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(src)}
    server = subprocess.Popen([*DIPLOGRAPH, "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/api/events?limit=1", timeout=60).status_code == 200:
                return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def measure_export(db: Path, src: Path, path: str) -> dict:
    """One export from a fresh server: RSS before, peak during, bytes and lines, seconds."""
    server, base = _started(db, src)
    try:
        before = _rss_kb(server.pid)
        peak = [_high_water_kb(server.pid)]
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _high_water_kb(server.pid))
                time.sleep(0.02)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        size = lines = 0
        start = time.perf_counter()
        with httpx.stream("GET", base + path, timeout=3600) as r:
            r.raise_for_status()
            for chunk in r.iter_bytes():
                size += len(chunk)
                lines += chunk.count(b"\n")
        seconds = time.perf_counter() - start
        done.set()
        watcher.join()
        peak_kb = max(peak[0], _high_water_kb(server.pid))
    finally:
        server.terminate()
        server.wait(60)
    return {"rss_before_mb": round(before / 1024), "peak_mb": round(peak_kb / 1024),
            "growth_mb": round((peak_kb - before) / 1024), "mb": round(size / 1e6, 1),
            "lines": lines, "s": round(seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--src", type=Path, default=REPO / "src",
                        help="The package source to run (default: this checkout's).")
    parser.add_argument("--query", default="", help="Filters of every export, e.g. type=CONSULT.")
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--json", type=Path, help="Write the figures here too.")
    args = parser.parse_args(argv)
    report: dict = {"db": str(args.db), "src": str(args.src), "server": {}, "cli": {}}
    for path in EXPORTS:
        url = path + (f"?{args.query}" if args.query else "")
        report["server"][url] = measure_export(args.db, args.src, url)
        print(json.dumps({url: report["server"][url]}), flush=True)
    if not args.skip_cli:
        for fmt in ("csv", "parquet", "plover-jsonl"):
            with tempfile.TemporaryDirectory() as out:
                report["cli"][fmt] = run_child(["export", "--db", str(args.db), "--to", out,
                                                "--format", fmt], src=args.src)
            print(json.dumps({f"export --format {fmt}": report["cli"][fmt]}), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
