"""Opening and reading input files with hard bounds (issue #20).

- Only regular files are opened, and never in a way that can block: a FIFO opened for
  reading waits for a writer forever, so the file is opened non-blocking and checked with
  ``fstat`` before a byte is read.
- Every read has a byte limit whatever ``stat`` says (``/dev/zero``, ``/proc`` files and
  files still growing report sizes that are not what a read returns).
- Gzip is inflated through :class:`BoundedGunzip`, which stops at an output limit and at a
  compression ratio no real page reaches, so a decompression bomb is refused after a few
  megabytes instead of being inflated to the end.
"""

from __future__ import annotations

import io
import os
import stat
import zlib
from typing import BinaryIO

# Real pages, JSONL crawls and WARC files deflate 3-20:1; deflate itself tops out near
# 1030:1, which is what a file of one repeated byte (a newline bomb) reaches.
MAX_RATIO = 200
# The ratio is judged only past this much output: small files of repeated lines may
# compress better than any page, and are harmless at that size.
RATIO_FLOOR = 1 << 20
_CHUNK = 1 << 16
_GZIP_WBITS = 16 + zlib.MAX_WBITS

_FILE_TYPES = (
    (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"),
)


class Unreadable(Exception):
    """A document cannot be read; the message is the reason (one error line)."""


class CorruptGzip(Unreadable):
    """The gzip stream is truncated or damaged."""


def is_gzip(path: str) -> bool:
    return path.lower().endswith(".gz")


def special_file_reason(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is refused, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _FILE_TYPES if test(mode)), "not a regular file")
    return f"not a regular file ({kind}); only regular files are read"


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file, without ever blocking.

    Raises:
        Unreadable: a FIFO, device, socket or directory.
        OSError: the file cannot be opened.
    """
    reason = special_file_reason(os.stat(path).st_mode)  # a FIFO is never opened
    if reason:
        raise Unreadable(reason)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    reason = special_file_reason(os.fstat(fd).st_mode)  # swapped since the stat
    if reason:
        os.close(fd)
        raise Unreadable(reason)
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def open_input(path: str, *, max_out: int | None = None) -> BinaryIO:
    """A reader of the file's bytes, gunzipped (with limits) when it ends in ``.gz``.

    Args:
        path: the file.
        max_out: the most bytes a ``.gz`` file may inflate to (None: the ratio limit only).
    """
    handle = open_regular(path)
    if not is_gzip(path):
        return handle
    return io.BufferedReader(BoundedGunzip(handle, max_out=max_out), buffer_size=_CHUNK)


def count_documents(files: list[tuple[str, str]]) -> int | None:
    """How many documents ``files`` (path, kind) hold, for a progress bar's total: one per
    page, one per non-blank line of an uncompressed JSONL file. None when a WARC or
    compressed JSONL file is among them: only a full read (inflation) could say."""
    total = 0
    for path, kind in files:
        if kind == "warc" or (kind == "jsonl" and is_gzip(path)):
            return None
        total += _count_lines(path) if kind == "jsonl" else 1
    return total


def _count_lines(path: str) -> int:
    try:
        with open_regular(path) as handle:
            return sum(1 for line in handle if line.strip())
    except (OSError, Unreadable):
        return 0  # the read itself will report it


def read_bounded(path: str, max_bytes: int) -> bytes:
    """The whole file (gunzipped when ``.gz``), refusing anything over ``max_bytes``."""
    size = os.stat(path).st_size
    if not is_gzip(path) and size > max_bytes:
        raise Unreadable(f"too large ({size} bytes > limit {max_bytes})")
    with open_input(path, max_out=max_bytes) as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise Unreadable(f"too large (over {max_bytes} bytes > limit {max_bytes})")
    return raw


class BoundedGunzip(io.RawIOBase):
    """Gunzip (every member) that stops at an output limit and at a ratio limit.

    Raises :class:`Unreadable` from ``read`` past either limit and :class:`CorruptGzip`
    on a truncated or damaged stream.
    """

    def __init__(self, raw: BinaryIO, *, max_out: int | None = None) -> None:
        super().__init__()
        self._raw, self._max_out = raw, max_out
        self._inflater = zlib.decompressobj(_GZIP_WBITS)
        self.bytes_in = self.bytes_out = 0
        self._done = False
        self._fed = False  # the current member has had input (so it can be cut short)

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()
        super().close()

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
        data = self._inflate(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _inflate(self, size: int) -> bytes:
        while size > 0 and not self._done:  # zlib reads a max_length of 0 as "no limit"
            # At a member's end zlib leaves the rest in unused_data (and in unconsumed_tail
            # too, which an ended inflater would take forever without output).
            tail = b"" if self._inflater.eof else self._inflater.unconsumed_tail
            data = tail or self._next_input()
            if not data:
                break
            self._fed = True
            try:
                out = self._inflater.decompress(data, size)
            except zlib.error as exc:
                raise CorruptGzip(f"truncated or corrupt gzip ({exc})") from exc
            if out:
                self._count(len(out))
                return out
        return b""

    def _next_input(self) -> bytes:
        """More compressed bytes: the rest of this member, or the start of the next one."""
        if self._inflater.eof:
            left = self._inflater.unused_data
            self._inflater = zlib.decompressobj(_GZIP_WBITS)
            self._fed = False
            if left:
                return left
        chunk = self._raw.read(_CHUNK)
        self.bytes_in += len(chunk)
        if not chunk:
            self._done = True
            if self._fed and not self._inflater.eof:
                raise CorruptGzip("truncated or corrupt gzip (the stream ends inside a member)")
        return chunk

    def _count(self, produced: int) -> None:
        self.bytes_out += produced
        if self._max_out is not None and self.bytes_out > self._max_out:
            raise Unreadable(f"too large (over {self._max_out} bytes once decompressed "
                             f"> limit {self._max_out})")
        if self.bytes_out > RATIO_FLOOR and self.bytes_out > MAX_RATIO * self.bytes_in:
            raise Unreadable(f"refused: decompresses more than {MAX_RATIO}:1 "
                             f"(a decompression bomb?) after {self.bytes_out} bytes")
