"""The event lexicon: trigger rules loaded from YAML (``data/lexicon/events.yaml``).

Rules are data so analysts can extend them without touching code; this module
only validates them and indexes them by lemma for fast lookup.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from diplograph.errors import KnowledgeError
from diplograph.knowledge.cameo import CameoDictionary, load_cameo
from diplograph.knowledge.yamldata import load_yaml, load_yaml_file
from diplograph.records import EVENT_TYPES

# The keys of a rule in events.yaml, by how a value becomes its TriggerRule field.
LIST_KEYS = ("verbs", "nouns", "light_verbs", "object", "prep", "prep_object", "particle",
             "ccomp_modal", "clause_modal", "target")
FLAG_KEYS = ("object_is_actor", "intransitive", "intent", "infinitive")
RULE_KEYS = {"type", "mode", *LIST_KEYS, *FLAG_KEYS}


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True, kw_only=True)
class TriggerRule:
    """One trigger rule; see the header of events.yaml for the meaning of each field."""

    type: str
    mode: str | None
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    light_verbs: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    # lemmas one of which must head an object of the rule's preposition ("jailed for FIVE
    # YEARS", "challenged the rules IN COURT"); a time phrase then counts as the preposition's
    # object, where a bare ``prep`` leaves it out ("called ON TUESDAY" is no "call on")
    prep_object: tuple[str, ...] = ()
    particle: tuple[str, ...] = ()
    object_is_actor: bool = False
    intransitive: bool = False
    intent: bool = False
    infinitive: bool = False  # the verb needs an infinitive clause ("ordered X TO LEAVE")
    ccomp_modal: tuple[str, ...] = ()  # a that-clause with one of these modals ("Y MUST go")
    clause_modal: tuple[str, ...] = ()  # a clause under the noun with one of these modals
    target: tuple[str, ...] = ("dobj",)
    order: int = 0  # position in the files: earlier rules win ties
    origin: str | None = None  # an imported rule's name ("cameo:kill:190"), else None

    @property
    def specificity(self) -> int:
        """How constrained the rule is; the most specific matching rule wins."""
        return 2 * bool(self.object) + bool(self.prep) + bool(self.prep_object) + bool(
            self.particle) + bool(self.light_verbs) + 2 * bool(
            self.ccomp_modal or self.clause_modal) + bool(self.infinitive)


@dataclass(frozen=True, slots=True)
class Lexicon:
    verb_rules: dict[str, tuple[TriggerRule, ...]]
    noun_rules: dict[str, tuple[TriggerRule, ...]]
    # type -> ordered (mode, cue lemma sequences); see data/lexicon/modes.yaml
    mode_cues: dict[str, tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]] = None  # type: ignore[assignment]
    # nouns of games and markets that make a trigger a contest; see data/lexicon/contests.yaml
    contest_nouns: frozenset[str] = frozenset()
    # the imported CAMEO verb patterns, a second trigger source (None: turned off)
    cameo: CameoDictionary | None = None


def _rule_from(entry: dict, order: int, origin: str) -> TriggerRule:
    unknown = set(entry) - RULE_KEYS
    if unknown:
        raise KnowledgeError(f"{origin}: rule {order}: unknown keys {sorted(unknown)}")
    if entry.get("type") not in EVENT_TYPES:
        raise KnowledgeError(f"{origin}: rule {order}: type {entry.get('type')!r} is not PLOVER")
    if not entry.get("verbs") and not entry.get("nouns"):
        raise KnowledgeError(f"{origin}: rule {order}: needs `verbs` or `nouns`")
    # a key left out keeps the field's default (``target``: the direct object)
    lists = {key: _as_tuple(entry[key]) for key in LIST_KEYS if key in entry}
    flags = {key: bool(entry[key]) for key in FLAG_KEYS if key in entry}
    return TriggerRule(type=entry["type"], mode=entry.get("mode"), order=order, **lists, **flags)


def _read_rules(path: Path | str, text: str, start: int) -> list[TriggerRule]:
    try:
        data = load_yaml(text, source=str(path)) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise KnowledgeError(f"{path}: expected a top-level `rules:` list")
    return [_rule_from(e, start + i, str(path)) for i, e in enumerate(entries)]


def load_lexicon(extra_files: Sequence[str | Path] = (), *, cameo: bool | None = None) -> Lexicon:
    """Load the packaged event lexicon plus any analyst files (same shape).

    Args:
        extra_files: YAML files with a ``rules:`` list, appended after the packaged rules.
        cameo: whether the imported CAMEO verb patterns are a second trigger source; None
            reads the setting ``cameo_patterns`` (env ``DIPLOGRAPH_CAMEO_PATTERNS``).

    Returns:
        The lexicon indexed by verb and noun lemma.

    Raises:
        KnowledgeError: a file is not valid YAML or a rule is malformed.
    """
    if cameo is None:
        from diplograph.settings import Settings

        cameo = Settings.from_env().cameo_patterns
    return _load_lexicon(tuple(str(p) for p in extra_files), cameo)


@functools.lru_cache(maxsize=8)
def _load_lexicon(extra_files: tuple[str, ...], cameo: bool = True) -> Lexicon:
    packaged = resources.files("diplograph") / "data" / "lexicon" / "events.yaml"
    rules = _read_rules("events.yaml", packaged.read_text(encoding="utf-8"), 0)
    for path in extra_files:
        rules += _read_rules(path, Path(path).read_text(encoding="utf-8"), len(rules))
    verbs: dict[str, list[TriggerRule]] = defaultdict(list)
    nouns: dict[str, list[TriggerRule]] = defaultdict(list)
    for rule in rules:
        for lemma in rule.verbs:
            verbs[lemma.lower()].append(rule)
        for lemma in rule.nouns:
            nouns[lemma.lower()].append(rule)
    return Lexicon(
        verb_rules={k: tuple(v) for k, v in verbs.items()},
        noun_rules={k: tuple(v) for k, v in nouns.items()},
        mode_cues=_load_mode_cues(),
        contest_nouns=_load_contest_nouns(),
        cameo=load_cameo() if cameo else None,
    )


def _load_contest_nouns() -> frozenset[str]:
    data = _packaged("contests.yaml")
    return frozenset(str(w).lower() for w in data.get("contest_nouns") or ())


@functools.lru_cache(maxsize=1)
def plover_modes() -> dict[str, frozenset[str]]:
    """The modes each PLOVER type may take (SPEC §4; ``data/lexicon/plover_modes.yaml``)."""
    data = _packaged("plover_modes.yaml")
    unknown = set(data) - set(EVENT_TYPES)
    if unknown:
        raise KnowledgeError(f"plover_modes.yaml: {sorted(unknown)} are not PLOVER types")
    return {kind: frozenset(modes) for kind, modes in data.items()}


def _packaged(name: str) -> dict:
    """A YAML file of the packaged lexicon, as a mapping (empty when the file is)."""
    packaged = resources.files("diplograph") / "data" / "lexicon" / name
    return load_yaml_file(packaged) or {}


def _load_mode_cues() -> dict[str, tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]]:
    data = _packaged("modes.yaml")
    cues = {}
    for kind, modes in data.items():
        if kind not in EVENT_TYPES or not isinstance(modes, dict):
            raise KnowledgeError(f"modes.yaml: {kind!r} is not a PLOVER type with a mode table")
        cues[kind] = tuple(
            (mode, tuple(tuple(str(w).lower().split()) for w in words))
            for mode, words in modes.items()
        )
    return cues
