"""Parts shared by the two converters of the PETRARCH2/Phoenix dictionaries.

``import_phoenix_actors.py`` and ``import_cameo_verbs.py`` read the MIT-licensed
dictionaries in ``../shared/corpus/petrarch2-dictionaries/`` and write YAML under
``src/diplograph/data/``. This module holds what both need: the source folder,
the CAMEO actor codes (country, sector) mapped to our vocabulary, the natural
case of an upper-case dictionary phrase, and a byte-stable YAML writer with the
licence header. It is a helper of the scripts, not part of the package.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "corpus" / "petrarch2-dictionaries"
DATA = ROOT / "src" / "diplograph" / "data"
SOURCE_NAME = "PETRARCH2 / Phoenix dictionaries (Open Event Data Alliance), MIT licence"

# CAMEO country codes that differ from ISO 3166-1 alpha-3 (our countries.yaml).
CAMEO_TO_ISO = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD"}
# States and territories CAMEO codes that countries.yaml lacks: kept as written
# (dependencies with ISO codes, and former states in their ISO 3166-3 / CAMEO codes).
EXTRA_STATES = frozenset({
    "ABW", "AIA", "BMU", "COK", "CYM", "HKG", "GGY", "DDR", "USR", "YUG", "CSK", "SCG",
})
# CAMEO sector (actor-type) codes -> our sector vocabulary (sectors.yaml, plus IGO and ELI).
# Students, workers, farmers, refugees and medics are civilians (CVL) as in sectors.yaml;
# development, environment and human-rights bodies are NGOs; religions are REL.
# Codes with no counterpart (CRM criminals, ...) give no sector; the raw code is kept.
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "LEG": "LEG", "JUD": "JUD", "PTY": "PTY", "ELI": "ELI",
    "REB": "REB", "INS": "REB", "SEP": "REB", "UAF": "REB", "IMG": "REB",
    "COP": "COP", "SPY": "COP", "MED": "JRN", "OPP": "OPP", "BUS": "BUS", "MNC": "BUS",
    "CVL": "CVL", "EDU": "CVL", "LAB": "CVL", "AGR": "CVL", "REF": "CVL", "HLH": "CVL",
    "DEV": "NGO", "ENV": "NGO", "HRI": "NGO", "NGO": "NGO",
    "NGM": "NGO", "IGO": "IGO", "REL": "REL", "CHR": "REL", "MUS": "REL", "JEW": "REL",
    "BUD": "REL", "HIN": "REL", "CTH": "REL", "PRO": "REL", "SHI": "REL", "SUN": "REL",
}
# Actor types with no counterpart in our vocabulary: criminals, unidentified state actors.
NON_SECTOR_CODES = frozenset({"CRM", "UIS"})


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A CAMEO actor code split into what our schema keeps."""

    cameo: str
    country: str | None
    sector: str | None
    chunks: tuple[str, ...]
    typed: bool  # names an actor type, not only a place (BLR, GBRGIB)


def known_countries() -> frozenset[str]:
    """ISO codes of countries.yaml, plus the extra states above."""
    data = yaml.load((DATA / "actors" / "countries.yaml").read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    items = data["countries"] if isinstance(data, dict) else data
    return frozenset(str(item["code"]) for item in items) | EXTRA_STATES


@functools.lru_cache(maxsize=None)
def split_code(code: str, countries: frozenset[str]) -> ActorCode:
    """Country (ISO3 or None) and our sector for a CAMEO actor code such as GBRGOVEDU."""
    letters = re.match(r"[A-Z]*", code)
    body = letters.group(0) if letters else ""
    chunks = tuple(body[i:i + 3] for i in range(0, len(body) - len(body) % 3, 3))
    country = CAMEO_TO_ISO.get(chunks[0], chunks[0]) if chunks else None
    if country not in countries:
        country = None
    unknown_first = bool(chunks) and chunks[0] not in SECTORS and chunks[0] not in NON_SECTOR_CODES
    rest = chunks[1:] if country or unknown_first else chunks
    sector = next((SECTORS[c] for c in rest if c in SECTORS), None)
    if country is None and chunks[:1] in (("MNC",), ("NGO",)) and len(chunks) > 1 \
            and chunks[1] not in SECTORS:  # NGOUSADEV: an NGO of the USA (not NGOMUS...: Muslim)
        iso = CAMEO_TO_ISO.get(chunks[1], chunks[1])
        country = iso if iso in countries else None
    typed = sector is not None or any(c in NON_SECTOR_CODES for c in rest)
    return ActorCode(cameo=code, country=country, sector=sector, chunks=chunks, typed=typed)


# Words kept lower case inside a name ("Bashar al-Assad", "Charles de Gaulle").
PARTICLES = frozenset({
    "al", "el", "bin", "ibn", "bint", "de", "da", "das", "dos", "do", "del", "della", "di",
    "du", "van", "von", "der", "den", "ter", "la", "le", "y", "e", "und", "of", "the", "and",
    "for", "on", "in", "to", "at", "des",
})
ROMAN = re.compile(r"^(?=[IVX])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$")


def _case_part(part: str, first: bool) -> str:
    low = part.lower()
    if not first and low in PARTICLES:
        return low
    if not first and ROMAN.match(part) and len(part) > 1:  # "John Paul II", not "Xi Jinping"
        return part
    if low.startswith("mc") and len(low) > 2:
        return "Mc" + low[2:].capitalize()
    if low.startswith("o'") and len(low) > 2:
        return "O'" + low[2:].capitalize()
    return low[:1].upper() + low[1:]


def case_word(word: str, first: bool) -> str:
    """One upper-case word in natural case (hyphenated parts each)."""
    parts = word.split("-")
    out = [_case_part(p, first and i == 0) if p else p for i, p in enumerate(parts)]
    if len(out) > 1 and out[0].lower() in ("al", "el") and not first:
        out[0] = out[0].lower()
    return "-".join(out)


def natural_case(words: Iterable[str]) -> str:
    """'CHARLES', 'CLARKE' -> 'Charles Clarke'; particles, Mc/O', Roman numerals, initials."""
    return " ".join(case_word(w, i == 0) for i, w in enumerate(words))


@functools.lru_cache(maxsize=None)
def fold_key(text: str) -> str:
    """A comparison key for names: no accents, case, dots or hyphens ('George W. Bush')."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    text = re.sub(r"[.\-_'’`]", " ", text)
    return " ".join(text.split())


def read_source(path: Path) -> list[str]:
    """The lines of a dictionary file (UTF-8; a stray byte becomes U+FFFD)."""
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


# A plain (unquoted) YAML scalar that reads back as the same string in block and flow context.
_PLAIN = re.compile(r"^[^\W\d_][\w .'’&/()-]*(?<![ .:])$")
# YAML 1.1 words PyYAML would read as booleans or null.
_RESERVED = frozenset("y n yes no on off true false null".split())


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED and ": " not in text \
            and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_leaf(value: Any) -> bool:
    return not isinstance(value, (list, dict)) or not any(
        isinstance(v, (list, dict)) for v in (value.values() if isinstance(value, dict) else value))


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


WIDTH = 100


def _fits(value: Any, indent: str, depth: int) -> bool:
    """Flow style for a collection of scalars, and for a map below the top level whose flow
    text fits the line (a pattern, a verb); records at the top level stay in block style."""
    if _is_leaf(value):
        return True
    return isinstance(value, dict) and depth >= 1 and len(indent) + len(_flow(value)) <= WIDTH


def _block(value: Any, indent: str, depth: int = 0) -> list[str]:
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if _fits(item, indent + "  ", depth + 1) and not (isinstance(item, dict) and item
                                                               and not _is_leaf(item)
                                                               and depth == 0):
                lines.append(f"{indent}{_scalar(key)}: {_flow(item)}")
            else:
                lines.append(f"{indent}{_scalar(key)}:")
                lines.extend(_block(item, indent + "  ", depth + 1))
        return lines
    for item in value:
        if _fits(item, indent + "  ", depth + 1):
            lines.append(f"{indent}- {_flow(item)}")
        else:
            inner = _block(item, indent + "  ", depth + 1)
            lines.append(f"{indent}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
    return lines


def dump_yaml(data: Any) -> str:
    """Block style for records, flow style for collections of scalars (PyYAML's
    default_flow_style=None), written here so that the bytes depend on nothing else."""
    if not data:
        return _flow(data) + "\n"
    return "\n".join(_block(data, "")) + "\n"


def header(title: str, command: str, files: Iterable[str], notes: Iterable[str]) -> str:
    """The comment block that opens every generated file: source, licence, command, notes."""
    lines = [
        f"# {title}",
        "#",
        f"# GENERATED by `{command}`:",
        "# do not edit by hand; change the script and re-run it.",
        f"# Source: {SOURCE_NAME},",
        "# from ../shared/corpus/petrarch2-dictionaries/:",
        *(f"#   {name}" for name in files),
        "# Licence: MIT, Copyright (c) 2014-2015 Open Event Data Alliance; the notice is in",
        "# the LICENSE file beside this one (src/diplograph/data/actors/phoenix/LICENSE and",
        "# src/diplograph/data/lexicon/CAMEO_LICENSE).",
        "#",
        *(f"# {line}".rstrip() for line in notes),
    ]
    return "\n".join(lines) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` to `path` unless it already holds exactly that; True when written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
