"""YAML for the knowledge files, read with YAML 1.2 booleans.

PyYAML follows YAML 1.1, where the bare words on/off/yes/no are booleans: the
particle list ``[off]`` would load as ``[False]`` and the preposition ``on`` as
``True``. Knowledge files are lists of words, so only true/false are booleans here.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it (several times faster on the people files).
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _WordsLoader(_BASE):  # type: ignore[misc, valid-type]
    """SafeLoader whose only booleans are true and false."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
_WordsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def load_yaml(text: str) -> Any:
    """Parse one knowledge file's text."""
    return yaml.load(text, Loader=_WordsLoader)  # noqa: S506 - a SafeLoader subclass
