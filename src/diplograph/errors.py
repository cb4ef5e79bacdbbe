"""Exception hierarchy and the command line's exit statuses. Library code raises these;
the CLI and the API translate them once, into one stderr line and an exit status, or an
HTTP status."""

from __future__ import annotations

import errno
from enum import IntEnum
from typing import ClassVar


class ExitStatus(IntEnum):
    """The exit statuses of ``diplograph`` (the README's "Exit status" table).

    3 and above: the machine, not the input or the arguments, so that a script can
    tell "fix the input" from "fix the disk" without reading the message.
    """

    OK = 0
    DOCUMENTS_FAILED = 1  # some documents were refused; the others were processed
    USAGE = 2  # bad arguments or a bad file given as an argument (gold, actors)
    ENVIRONMENT = 3  # cannot listen on the address, permission denied, other OS errors
    DISK_FULL = 4
    DATABASE_CORRUPT = 5  # not a DuckDB file, truncated, or not a diplograph database
    DATABASE_LOCKED = 6  # another process holds the database


class DiplographError(Exception):
    """Base class of every error diplograph raises on purpose."""

    exit_status: ClassVar[ExitStatus] = ExitStatus.USAGE


class InputError(DiplographError):
    """A document cannot be read: missing, empty, binary, undecodable, too large."""


class ExtractionError(DiplographError):
    """A document was read but no article could be extracted from it."""


class KnowledgeError(DiplographError):
    """A knowledge file (actors, lexicons, places) is malformed."""


class StoreError(DiplographError):
    """The database cannot be opened or written."""


class UsageError(DiplographError):
    """Arguments that make no sense together (exit status 2)."""


class NotFound(DiplographError):
    """A requested record does not exist."""


class MachineError(DiplographError):
    """The machine cannot do what was asked: a port in use, permission denied."""

    exit_status = ExitStatus.ENVIRONMENT


class DiskFull(MachineError):
    """No space left (or the file size limit reached) while writing."""

    exit_status = ExitStatus.DISK_FULL


class DatabaseCorrupt(StoreError):
    """The database file is not a DuckDB file, is truncated, or lacks diplograph's tables."""

    exit_status = ExitStatus.DATABASE_CORRUPT


class DatabaseLocked(StoreError):
    """Another process holds the database file (an ingest writing it, say)."""

    exit_status = ExitStatus.DATABASE_LOCKED


# errno values that mean "nothing more can be written", whatever the file.
_NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def os_failure(exc: OSError) -> MachineError:
    """One line for an operating-system error that ends a command (disk full: exit 4)."""
    where = f"{exc.filename}: " if exc.filename else ""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno in _NO_SPACE:
        return DiskFull(f"{where}no space left to write ({reason}); free some disk space "
                        "and run the command again")
    return MachineError(f"{where}{reason}")
