"""What a test needs from its surroundings, and what happens when it is missing.

On a developer's machine a missing part (``../shared``, Chromium, the Ray extra)
skips the tests that need it, with the reason. Under ``CI=true`` nothing may be
missing: a suite that skipped its checks would pass having checked nothing, so
the same call fails the test instead.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(present: bool, reason: str) -> None:
    """Skip (on a developer's machine) or fail (under CI=true) when ``present`` is false."""
    if present:
        return
    if IN_CI:
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def need_module(name: str, reason: str) -> ModuleType:
    """The imported module ``name``; a missing one is handled by :func:`need`."""
    try:
        return importlib.import_module(name)
    except ImportError:
        need(False, reason)
        raise  # unreachable: need() skipped or failed
