"""YAML for the knowledge files, read with YAML 1.2 booleans, and kept parsed on disk.

PyYAML follows YAML 1.1, where the bare words on/off/yes/no are booleans: the
particle list ``[off]`` would load as ``[False]`` and the preposition ``on`` as
``True``. Knowledge files are lists of words, so only true/false are booleans here.

Building Python objects from YAML runs in Python even with libyaml's parser: the
knowledge files (2.3 MB) took 2.8 CPU seconds in every worker process an ingest
starts. So a large file's parsed content is kept in the user's cache folder as JSON
(which the standard library reads in C, and which holds no code; a date is written as
``{"$date": "YYYY-MM-DD"}``), named after a hash of the YAML text, so an edited file
makes a new entry; a file read by its path (``load_yaml_file``) keeps one entry, the
older ones of the same file being removed when its new one is written. Content JSON
cannot give back exactly as it was (a number as a key, a time of day, a mapping that
looks like a written date) is never cached, and a cache that cannot be read or written
is passed over: the text is then parsed as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

# libyaml's parser where PyYAML was built with it (several times faster on the people files).
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FORMAT = "1"  # bump when the loader's rules (or what is written) change
# Smaller texts parse in a few milliseconds: not worth a file each.
CACHED_FROM_CHARS = 32_768


class _WordsLoader(_BASE):  # type: ignore[misc, valid-type]
    """SafeLoader whose only booleans are true and false."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
_WordsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def load_yaml_file(path: Any) -> Any:
    """Parse the knowledge file at ``path`` (a Path or a package resource), cached as one entry."""
    return load_yaml(path.read_text(encoding="utf-8"), source=str(path))


def load_yaml(text: str, source: str | None = None) -> Any:
    """Parse one knowledge file's text (from the cache when it is large and cached).

    ``source`` names the file the text came from: its stale entries are then removed.
    """
    if len(text) < CACHED_FROM_CHARS:
        return _parse(text)
    path = cache_path(text, source)
    try:
        return _decoded(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        logger.debug("unreadable YAML cache %s; parsing the text", path, exc_info=True)
    data = _parse(text)
    if _keep(data, path) and source is not None:
        _remove_older_entries(path, _entry_prefix(source))
    return data


def cache_path(text: str, source: str | None = None) -> Path:
    """Where the parsed ``text`` is kept ($XDG_CACHE_HOME, else ~/.cache).

    The name holds the source file's stem and a hash of its full path (two files called
    ``people.yaml`` in different folders never share a name), then a hash of the text.
    """
    digest = _hash(text, 24)
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "diplograph" / f"{_entry_prefix(source)}{digest}.json"


def _entry_prefix(source: str | None) -> str:
    if source is None:
        return f"yaml-{_FORMAT}-"
    stem = re.sub(r"[^A-Za-z0-9_]+", "_", Path(source).stem)[:40]
    return f"yaml-{_FORMAT}-{stem}-{_hash(source, 12)}-"


def _hash(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def _remove_older_entries(kept: Path, prefix: str) -> None:
    """Remove the other entries of ``kept``'s source file: an edited file leaves none behind."""
    for entry in kept.parent.glob(f"{prefix}*.json"):
        if entry != kept:
            try:
                entry.unlink()
            except OSError:  # another process removed it, or the folder is read-only
                logger.debug("could not remove the old YAML cache entry %s", entry, exc_info=True)


def _parse(text: str) -> Any:
    return yaml.load(text, Loader=_WordsLoader)  # noqa: S506 - a SafeLoader subclass


def _date_as_json(value: Any) -> dict[str, str]:
    if type(value) is date:  # not a datetime: its time of day would be lost
        return {"$date": value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not kept in the YAML cache")


def _json_as_date(mapping: dict[str, Any]) -> Any:
    if len(mapping) == 1 and isinstance(written := mapping.get("$date"), str):
        return date.fromisoformat(written)
    return mapping


def _decoded(encoded: str) -> Any:
    return json.loads(encoded, object_hook=_json_as_date)


def _keep(data: Any, path: Path) -> bool:
    """Write ``data`` to ``path``; False when JSON cannot hold it or the write failed."""
    try:
        encoded = json.dumps(data, ensure_ascii=False, default=_date_as_json)
        exact = _decoded(encoded) == data  # a number as a key would come back as text
    except (TypeError, ValueError):  # a set, a time of day: JSON cannot hold it
        return False
    if not exact:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written under another name, then renamed: a reader never sees half a file.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         suffix=".json", delete=False) as fh:
            fh.write(encoded)
        os.replace(fh.name, path)
    except OSError:
        logger.debug("could not write the YAML cache %s", path, exc_info=True)
        return False
    return True
