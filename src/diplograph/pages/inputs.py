"""Expanding the paths given to a command into the files to read (issue #20).

Files, directories (walked recursively, in sorted order) and glob patterns become a list of
:class:`InputFile`, with one :class:`~diplograph.records.DocumentError` for each thing that
cannot be read and one :class:`~diplograph.records.SkippedInput` for each file passed over
on purpose. Nothing here opens a file, so a FIFO can never block the walk.

Symbolic links are followed only inside the input root they were found under (the
directory given, the fixed part of a glob, or the directory of a named file);
``follow_symlinks`` lifts that rule. A symlink to a directory inside the root is not walked
a second time: its files are read where they are.
"""

from __future__ import annotations

import errno
import glob
import os
import re
from dataclasses import dataclass

from diplograph.pages.reading import special_file_reason
from diplograph.records import DocumentError, SkippedInput

# Longest first, so ``.warc.gz`` wins over ``.gz``.
SUFFIX_KIND: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".txt.gz", "text"),
    (".jsonl.gz", "jsonl"),
    (".warc", "warc"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "text"),
    (".jsonl", "jsonl"),
)
UNSUPPORTED = "unsupported file type (expected .txt, .html, .htm, .jsonl, .warc, .warc.gz)"
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read: its normalised path and the format its name says."""

    path: str
    kind: str


def kind_of(name: str) -> str | None:
    """The input format a file name says (``"text"``, ``"html"``, ``"jsonl"``, ``"warc"``)."""
    lower = name.lower()
    return next((kind for suffix, kind in SUFFIX_KIND if lower.endswith(suffix)), None)


def input_exists(path: str) -> bool:
    """``path`` names something (a file, a directory, a link) or a glob that matches."""
    if os.path.lexists(path):
        return True
    return bool(_GLOB_CHARS.search(path)) and bool(glob.glob(path, recursive=True))


def expand_inputs(
    paths: list[str], *, follow_symlinks: bool = False
) -> list[InputFile | DocumentError | SkippedInput]:
    """Every file to read, in a stable order, with the errors and skips met on the way.

    A file reached twice (named twice, or by a directory and a glob) is read once; the
    second mention is a :class:`SkippedInput`.
    """
    walker = _Walker(follow_symlinks)
    for raw in paths:
        walker.add(str(raw))
    return walker.items


class _Walker:
    def __init__(self, follow_symlinks: bool) -> None:
        self.follow = follow_symlinks
        self.items: list[InputFile | DocumentError | SkippedInput] = []
        self._seen: set[str] = set()
        self._walked: set[str] = set()  # real paths of directories walked (symlink loops)

    def add(self, path: str) -> None:
        if os.path.isdir(path):
            self._directory(path)
        elif os.path.lexists(path):
            self._named_file(path)
        elif _GLOB_CHARS.search(path):
            self._glob(path)
        else:
            self._error(path, "no such file or directory")

    def _error(self, path: str, reason: str) -> None:
        self.items.append(DocumentError(doc=path, reason=reason))

    def _skip(self, path: str, reason: str) -> None:
        self.items.append(SkippedInput(path=path, reason=reason))

    def _directory(self, path: str) -> None:
        before = sum(isinstance(i, InputFile) for i in self.items)
        self._walk(os.path.normpath(path), os.path.realpath(path))
        if sum(isinstance(i, InputFile) for i in self.items) == before:
            self._error(path, "directory has no readable files")

    def _named_file(self, path: str) -> None:
        if kind_of(path) is None:
            self._error(path, UNSUPPORTED)
            return
        self._file(os.path.normpath(path), os.path.realpath(os.path.dirname(path) or "."))

    def _glob(self, pattern: str) -> None:
        matches = sorted(glob.glob(pattern, recursive=True))
        if not matches:
            self._error(pattern, "no files match this pattern")
        root = os.path.realpath(_glob_root(pattern))
        for match in matches:
            if os.path.isdir(match):
                self._walk(os.path.normpath(match), root)
            elif kind_of(match) is None:
                self._skip(match, UNSUPPORTED)
            else:
                self._file(os.path.normpath(match), root)

    def _walk(self, directory: str, root: str) -> None:
        real = os.path.realpath(directory)
        if real in self._walked:
            self._skip(directory, "directory already read (a symlink loop or named twice)")
            return
        self._walked.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            self._error(directory, f"unreadable directory ({exc.strerror or exc})")
            return
        for entry in entries:
            self._entry(entry, root)

    def _entry(self, entry: os.DirEntry[str], root: str) -> None:
        path = os.path.normpath(entry.path)
        if entry.is_symlink():
            self._link(path, root)
        elif entry.is_dir(follow_symlinks=False):
            self._walk(path, root)
        elif kind_of(entry.name) is None:
            self._skip(path, UNSUPPORTED)
        else:  # found by walking real directories from the root: inside it
            self._accept(path)

    def _link(self, path: str, root: str) -> None:
        reason = _broken_link(path)
        if reason:
            self._error(path, reason)
        elif not self.follow and not _inside(os.path.realpath(path), root):
            self._error(path, f"symlink leads out of the input ({os.path.realpath(path)}); "
                              "--follow-symlinks allows it")
        elif os.path.isdir(path):
            if self.follow:
                self._walk(path, root)
            else:
                self._skip(path, "symlink to a directory inside the input (its files are "
                                 "read where they are; --follow-symlinks walks it)")
        elif kind_of(path) is None:
            self._skip(path, UNSUPPORTED)
        else:
            self._file(path, root)

    def _file(self, path: str, root: str) -> None:
        """A named, globbed or linked file: it may lead out of the root."""
        reason = _broken_link(path) if os.path.islink(path) else None
        if reason is None and not self.follow and not _inside(os.path.realpath(path), root):
            reason = (f"symlink leads out of the input ({os.path.realpath(path)}); "
                      "--follow-symlinks allows it")
        if reason:
            self._error(path, reason)
        else:
            self._accept(path)

    def _accept(self, path: str) -> None:
        """A file inside the root: read it if it is a regular file not read already."""
        try:
            reason = special_file_reason(os.stat(path).st_mode)
        except OSError as exc:
            reason = f"cannot read file ({exc.strerror or exc})"
        if reason:
            self._error(path, reason)
        elif path in self._seen:
            self._skip(path, "already read (named twice)")
        else:
            self._seen.add(path)
            self.items.append(InputFile(path=path, kind=kind_of(path) or "text"))


def _broken_link(path: str) -> str | None:
    """Why the link at ``path`` leads nowhere, or None when it leads to something."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        return f"broken symlink ({exc.strerror or exc})"
    return None


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _glob_root(pattern: str) -> str:
    """The directory part of a glob before its first wildcard: ``corpus/**/*.txt`` -> ``corpus``."""
    fixed = pattern[: _GLOB_CHARS.search(pattern).start()]  # type: ignore[union-attr]
    return os.path.dirname(fixed) or "."
