"""Running the server for ``diplograph serve``: where it may listen, the socket, the stop.

The dashboard has no login, so it listens on loopback unless asked otherwise:
:func:`check_host` refuses any other address without ``public=True``.
:func:`listen` binds the socket before anything else is done, so that a busy
port is one :class:`OSError` (the CLI makes it one line and exit status 3),
not a log line from uvicorn. :func:`serve` runs until Ctrl-C or SIGTERM and
removes the database snapshot on the way out.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from diplograph.errors import UsageError
from diplograph.serve.app import WebSettings, create_app

logger = logging.getLogger(__name__)
LOOPBACK_NAMES = ("localhost",)
_REASONS = {
    errno.EADDRINUSE: "the port is already in use (another server? pick one with --port)",
    errno.EADDRNOTAVAIL: "this machine has no such address",
    errno.EACCES: "permission denied (ports below 1024 need privileges)",
}


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # another host name: it may resolve to anything
        return False


def check_host(host: str, *, public: bool) -> str | None:
    """Whether the server may listen on ``host``; the warning to print, if any.

    Raises:
        UsageError: ``host`` is not a loopback address and ``public`` is false.
    """
    if is_loopback(host):
        return None
    if not public:
        raise UsageError(f"--host {host or '(all)'} is not a loopback address: anyone who can "
                         "reach this machine could read the database, and there is no login; "
                         "add --public to serve it anyway")
    return (f"serving on {host or '(all)'} (--public): anyone who can reach this machine "
            "can read the database; there is no login")


def listen(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (as uvicorn binds one).

    Raises:
        OSError: the address cannot be used; ``bind_error`` words it.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family=family, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    return sock


def bind_error(host: str, port: int, exc: OSError) -> str:
    """One line saying why the server cannot listen on ``host:port``."""
    if isinstance(exc, socket.gaierror):
        reason = f"unknown host ({exc.strerror})"
    else:
        reason = _REASONS.get(exc.errno, exc.strerror or str(exc))
    return f"cannot listen on {host}:{port}: {reason}"


def serve(settings: WebSettings, sock: socket.socket, *, log_level: str = "warning",
          ready: Callable[[], None] | None = None) -> None:
    """Serve the database of ``settings`` on ``sock`` until Ctrl-C or SIGTERM.

    Either signal stops the server cleanly and removes its snapshot copy, even
    while the first snapshot is still being taken; ``sock`` is closed. ``ready``
    is called once the database has been opened, just before serving.

    Raises:
        StoreError: the database is missing or not readable.
    """
    import uvicorn

    app = None
    with _sigterm_as_interrupt():
        try:
            app = create_app(settings)
            if ready is not None:
                ready()
            uvicorn.Server(uvicorn.Config(app, log_level=log_level)).run(sockets=[sock])
        except KeyboardInterrupt:
            logger.info("stopped by a signal")
        finally:
            sock.close()
            if app is not None:
                app.state.snapshots.close()


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM acts as Ctrl-C (uvicorn handles both while it runs, then raises them again)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


__all__ = ["bind_error", "check_host", "is_loopback", "listen", "serve"]
