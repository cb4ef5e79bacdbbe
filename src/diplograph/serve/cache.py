"""Answers kept per snapshot: the same GET on the same snapshot gives the same bytes.

A page or a JSON list is computed once per snapshot generation (see ``snapshot.py``);
when a new snapshot is swapped in, every kept answer is dropped. Only successful JSON and
HTML answers of at most :data:`MAX_BODY` bytes are kept, at most :data:`MAX_ENTRIES` of
them (least recently used first out); downloads (CSV, JSON lines) are streamed, not kept.

A new snapshot is warmed before it is swapped in: the last :data:`MAX_WARM` distinct
requests whose answers were kept are replayed against it (its connection passed in the
request's scope under :data:`CONNECTION`, see ``deps.get_con``), and their answers become
the new generation's kept answers. So after a swap the clients that keep asking the same
questions get kept answers, never a cold query on the new file.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import OrderedDict

import duckdb
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)
MAX_ENTRIES = 512
MAX_BODY = 2_000_000
KEPT_TYPES = (b"application/json", b"text/html")
MAX_WARM = 64
# A warm-up stops after this long (the new snapshot is then swapped in with what it has):
# the writer's next snapshot should not wait on a slow replay.
WARM_BUDGET_S = 60.0
# A pause between two replayed requests: the server's own requests (in another thread of
# the same process) get the interpreter between them.
WARM_PAUSE_S = 0.02
CONNECTION = "diplograph.connection"


class _Answers:
    """The kept answers of one generation, least recently used first."""

    def __init__(self) -> None:
        self.generation = -1
        self.entries: OrderedDict[tuple, tuple[Message, bytes]] = OrderedDict()
        # The answers computed on a snapshot before it is swapped in, and its generation.
        self.prepared: tuple[int, OrderedDict] = (-1, OrderedDict())
        self.lock = threading.Lock()

    def _turn_to(self, generation: int) -> None:
        """Start ``generation``'s answers: those prepared for it, else none (under the lock)."""
        ready, entries = self.prepared
        self.generation = generation
        self.entries = entries if ready == generation else OrderedDict()
        self.prepared = (-1, OrderedDict())

    def get(self, generation: int, key: tuple) -> tuple[Message, bytes] | None:
        with self.lock:
            if generation != self.generation:
                self._turn_to(generation)
            hit = self.entries.get(key)
            if hit is not None:
                self.entries.move_to_end(key)
            return hit

    def put(self, generation: int, key: tuple, start: Message, body: bytes) -> None:
        with self.lock:
            if generation != self.generation:
                return  # computed on a snapshot that has since been replaced
            self.entries[key] = (start, body)
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)

    def prepare(self, generation: int, answers: OrderedDict) -> None:
        """Keep ``answers`` for ``generation``, the snapshot about to be swapped in."""
        with self.lock:
            self.prepared = (generation, answers)

    def recent(self, n: int) -> list[tuple]:
        """The keys of the ``n`` answers used last, the latest first."""
        with self.lock:
            return list(reversed(self.entries))[:n]


def _keepable(start: Message) -> bool:
    if start["status"] != 200:
        return False
    types = [v for k, v in start.get("headers", []) if k.lower() == b"content-type"]
    return bool(types) and types[0].startswith(KEPT_TYPES)


class ResponseCache:
    """ASGI middleware: GET answers kept for the snapshot they were computed on."""

    def __init__(self, app: ASGIApp, snapshots=None) -> None:
        self.app = app
        self.answers = _Answers()
        self.scopes: OrderedDict[tuple, Scope] = OrderedDict()  # the requests, to replay
        if snapshots is not None:
            snapshots.warmers.append(self.warm)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        generation = scope["app"].state.snapshots.generation
        key = (scope["path"], scope["query_string"])
        self._remember(key, scope)
        hit = self.answers.get(generation, key)
        if hit is not None:
            start, body = hit
            await send(dict(start))  # a copy: servers may keep what they are sent
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._recording(send, generation, key))

    def _remember(self, key: tuple, scope: Scope) -> None:
        """Keep the request of ``key`` as it came in (routing adds to its scope), for
        :meth:`warm`; as many as answers are kept."""
        if key not in self.scopes:
            self.scopes[key] = dict(scope)
        self.scopes.move_to_end(key)
        while len(self.scopes) > MAX_ENTRIES:
            self.scopes.popitem(last=False)

    def _recording(self, send: Send, generation: int, key: tuple) -> Send:
        """``send``, keeping a copy of a keepable answer as it goes out."""
        kept: dict = {"start": None, "parts": [], "size": 0}

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept["start"] = message if _keepable(message) else None
            elif message["type"] == "http.response.body" and kept["start"] is not None:
                kept["parts"].append(message.get("body", b""))
                kept["size"] += len(kept["parts"][-1])
                if kept["size"] > MAX_BODY:
                    kept["start"] = None
                elif not message.get("more_body", False):
                    self.answers.put(generation, key, kept["start"], b"".join(kept["parts"]))
            await send(message)

        return record

    def warm(self, con: duckdb.DuckDBPyConnection, generation: int) -> int:
        """Replay the latest distinct kept requests against ``con``, a snapshot not yet
        serving, and keep their answers for ``generation``, the one it will have; returns
        how many were kept. Runs in the snapshot watcher's thread, with its own event loop."""
        started = time.monotonic()
        scopes = [s for s in map(self.scopes.get, self.answers.recent(MAX_WARM)) if s]
        replay = self._replay(scopes, con, started + WARM_BUDGET_S)
        try:
            answers = asyncio.run(replay)
        finally:
            # When asyncio.run refused it (called where an event loop runs) or was stopped
            # before starting it, the coroutine was never run: closing it says it is
            # dropped on purpose (no "never awaited" warning); on a finished one, a no-op.
            replay.close()
        self.answers.prepare(generation, answers)
        logger.info("snapshot %d warmed: %d of %d answers in %.1f s", generation, len(answers),
                    len(scopes), time.monotonic() - started)
        return len(answers)

    async def _replay(self, scopes: list[Scope], con: duckdb.DuckDBPyConnection,
                      deadline: float) -> OrderedDict:
        """The keepable answers of ``scopes`` computed on ``con``, until ``deadline``; the
        latest request last, as the least recently used goes out first."""
        answers: OrderedDict = OrderedDict()
        for scope in scopes:
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(WARM_PAUSE_S)
            sent: list[Message] = []

            async def send(message: Message, sent=sent) -> None:
                sent.append(message)

            try:
                await self.app({**scope, CONNECTION: con}, _no_body, send)
            except Exception:  # a route failing on the new snapshot: its clients will see it
                logger.exception("warming %s failed", scope["path"])
                continue
            answer = _kept_answer(sent)
            if answer is not None:
                answers[(scope["path"], scope["query_string"])] = answer
                answers.move_to_end((scope["path"], scope["query_string"]), last=False)
        return answers


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _kept_answer(sent: list[Message]) -> tuple[Message, bytes] | None:
    """The start and body of a replayed request's answer, if it is one to keep."""
    if not sent or not _keepable(sent[0]):
        return None
    body = b"".join(m.get("body", b"") for m in sent[1:] if m["type"] == "http.response.body")
    return (sent[0], body) if len(body) <= MAX_BODY else None
