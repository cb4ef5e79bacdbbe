"""The words of time expressions: the lexicon, clean-up, and numbers written out.

The word lists (month and weekday names, seasons, holidays, modifiers such as
"early" or "the end of", the verbs that mark reports and the future) live in
``data/time/lexicon.yaml`` so analysts can extend them. :func:`clean_expression`
reduces an expression to the words the resolvers read ("in early November," →
"november"); :func:`spelled_year` and :func:`two_digit_year` read the years
broadcast transcripts and datelines write ("nineteen ninety-six", "'96").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

import yaml

from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file

Tense = Literal["past", "present", "future"]


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """The word lists of ``data/time/lexicon.yaml``, as the resolvers read them."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    day_parts: tuple[str, ...]
    modifiers: tuple[str, ...]
    relative_days: dict[str, int]
    holidays: dict[str, tuple[int, int]]
    floating_holidays: dict[str, tuple[int, int, int]]
    numbers: dict[str, int]
    reporting_verbs: frozenset[str]
    future_governors: frozenset[str]
    future_auxiliaries: frozenset[str]


def _invert(table: dict[Any, list[str]]) -> dict[str, int]:
    return {name.lower(): int(key) for key, names in table.items() for name in names}


@functools.lru_cache(maxsize=1)
def lexicon() -> TimeLexicon:
    """Load (once) the word lists in ``data/time/lexicon.yaml``."""
    path = resources.files("diplograph") / "data" / "time" / "lexicon.yaml"
    try:
        raw = load_yaml_file(path)
        return TimeLexicon(
            months=_invert(raw["months"]),
            weekdays=_invert(raw["weekdays"]),
            seasons={k.lower(): int(v) for k, v in raw["seasons"].items()},
            day_parts=tuple(raw["day_parts"]),
            # Longest first, so "the end of" is stripped before "the".
            modifiers=tuple(sorted(raw["period_modifiers"], key=len, reverse=True)),
            relative_days={k.lower(): int(v) for k, v in raw["relative_days"].items()},
            holidays={k.lower(): (int(v[0]), int(v[1])) for k, v in raw["holidays"].items()},
            floating_holidays={k.lower(): (int(v[0]), int(v[1]), int(v[2]))
                               for k, v in raw.get("floating_holidays", {}).items()},
            numbers={k.lower(): int(v) for k, v in raw["numbers"].items()},
            reporting_verbs=frozenset(raw["reporting_verbs"]),
            future_governors=frozenset(raw["future_governors"]),
            future_auxiliaries=frozenset(raw["future_auxiliaries"]),
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"malformed time lexicon {path}: {exc}") from exc


# ---------------------------------------------------------------- text clean-up


_SPACES = re.compile(r"\s+")
_HYPHENATED = re.compile(r"^(?:mid|early|late|pre|post)-(?=[a-z0-9'])")
_TRAILING = re.compile(
    r",?\s+(?:or so|and beyond|or later|or earlier|at the latest|at the earliest)$"
)


def clean_expression(expression: str) -> str:
    """Lower-case, strip prepositions and period modifiers ("early", "the end of")."""
    s = expression.replace("\u2019", "'").replace("\u2013", "-").lower()
    s = _SPACES.sub(" ", s).strip(" ,;:!?\"()")
    s = re.sub(r"'s$", "", s)
    s = _TRAILING.sub("", s)
    lex = lexicon()
    changed = True
    while changed:
        changed = False
        if m := _HYPHENATED.match(s):
            s = s[m.end() :]
            changed = True
        for mod in lex.modifiers:
            if s.startswith(mod + " ") and len(s) > len(mod) + 1:
                s = s[len(mod) + 1 :].lstrip()
                changed = True
    return s.rstrip(".")


def strip_day_part(s: str) -> str:
    """"monday night" -> "monday"; "yesterday morning" -> "yesterday"."""
    for part in lexicon().day_parts:
        if s.endswith(" " + part):
            return s[: -len(part) - 1].rstrip()
    return s


# ---------------------------------------------------------------- numbers and years


def two_digit_year(year: str) -> int:
    """A year as written ("2016", "'96", "16"): two digits below 50 are 20xx, else 19xx."""
    value = int(year.lstrip("'"))
    if len(year.lstrip("'")) == 4:
        return value
    return 2000 + value if value < 50 else 1900 + value


_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def _spelled_number(words: str) -> int | None:
    """0-99 written out: "ninety-six", "seventy nine", "five"."""
    parts = words.replace("-", " ").split()
    if len(parts) == 1 and parts[0] in _UNITS:
        return _UNITS[parts[0]]
    if not parts or parts[0] not in _TENS or len(parts) > 2:
        return None
    ones = _UNITS.get(parts[1], 0) if len(parts) == 2 else 0
    if len(parts) == 2 and not 0 < ones < 10:
        return None
    return _TENS[parts[0]] + ones


def spelled_year(s: str) -> int | None:
    """Years as broadcast transcripts write them: "nineteen ninety-six", "two thousand"."""
    s = re.sub(r"^(?:the )?year ", "", s)
    if m := re.match(r"^two thousand(?: and)?(?: (.+))?$", s):
        rest = _spelled_number(m[1]) if m[1] else 0
        return None if rest is None else 2000 + rest
    if m := re.match(r"^(nineteen|eighteen|twenty) (.+)$", s):
        rest = _spelled_number(m[2])
        if rest is not None and rest >= 10:
            return _UNITS.get(m[1], 20) * 100 + rest
    return None


__all__ = [
    "Tense", "TimeLexicon", "clean_expression", "lexicon", "spelled_year", "strip_day_part",
    "two_digit_year",
]
