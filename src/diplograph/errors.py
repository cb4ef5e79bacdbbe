"""Exception hierarchy. Library code raises these; the CLI and the API translate
them once, into one stderr line and an exit status, or an HTTP status."""


class DiplographError(Exception):
    """Base class of every error diplograph raises on purpose."""


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
