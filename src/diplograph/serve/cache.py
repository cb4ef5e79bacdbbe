"""Answers kept per snapshot: the same GET on the same snapshot gives the same bytes.

A page or a JSON list is computed once per snapshot generation (see ``snapshot.py``);
when a new snapshot is swapped in, every kept answer is dropped. Only successful JSON and
HTML answers of at most :data:`MAX_BODY` bytes are kept, at most :data:`MAX_ENTRIES` of
them (least recently used first out); downloads (CSV, JSON lines) are streamed, not kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 512
MAX_BODY = 2_000_000
KEPT_TYPES = (b"application/json", b"text/html")


class _Answers:
    """The kept answers of one generation, least recently used first."""

    def __init__(self) -> None:
        self.generation = -1
        self.entries: OrderedDict[tuple, tuple[Message, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, generation: int, key: tuple) -> tuple[Message, bytes] | None:
        with self.lock:
            if generation != self.generation:
                self.generation, self.entries = generation, OrderedDict()
                return None
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


def _keepable(start: Message) -> bool:
    if start["status"] != 200:
        return False
    types = [v for k, v in start.get("headers", []) if k.lower() == b"content-type"]
    return bool(types) and types[0].startswith(KEPT_TYPES)


class ResponseCache:
    """ASGI middleware: GET answers kept for the snapshot they were computed on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.answers = _Answers()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        generation = scope["app"].state.snapshots.generation
        key = (scope["path"], scope["query_string"])
        hit = self.answers.get(generation, key)
        if hit is not None:
            start, body = hit
            await send(dict(start))  # a copy: servers may keep what they are sent
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._recording(send, generation, key))

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
