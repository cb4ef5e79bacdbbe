"""The actor knowledge base: states, organisations, office holders, titles, sectors.

Everything diplograph knows about actors lives in YAML files under
``diplograph/data/actors/`` so that analysts can read and extend it; an
analyst's own file (same schemas, keys ``countries:``, ``organisations:``,
``people:``) is merged on top with ``load_knowledge_base(extra_files)``.
This module only loads and validates; ``actors.py`` does the resolving.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file
from diplograph.settings import Settings

logger = logging.getLogger(__name__)

ROLES: frozenset[str] = frozenset({
    "head of state", "head of government", "foreign minister", "defence minister", "spokesperson",
    "secretary general", "head of organisation", "deputy head of government", "finance minister",
    "interior minister", "party leader", "central bank governor", "other",
})
# "null end" in the people files means in office on this day (the people schema).
OPEN_END = dt.date(2026, 11, 23)
# The start of a term that gives none (imported offices): no evidence of when.
UNDATED_START = dt.date(1900, 1, 1)
# The Phoenix dictionaries were last revised about 2015: their open terms end there.
_IMPORT_END = dt.date(2016, 12, 31)


def _imported_term(term: dict[str, Any]) -> dict[str, Any]:
    """An imported office in the people schema: role "other" (its sector says what it was),
    an undated start at any date, an open end at the end of the import's data."""
    return {"role": "other", **term, "start": term.get("start") or UNDATED_START,
            "end": term.get("end") or _IMPORT_END}


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    """A state, with the words that name it, describe it or stand for its government."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    metonyms: tuple[tuple[str, str], ...] = ()  # (text, sector)
    leader_role: str = "head of state"


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgPeriod:
    """A dated status of an organisation: its sector (and state) between two dates."""

    sector: str
    country: str | None
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    """An international organisation or a non-state group."""

    name: str
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    # Adjectives that name it only before a body noun ("REPUBLICAN lawmakers", "LABOUR MPs").
    adjectives: tuple[str, ...] = ()
    wikidata: str | None = None
    sector: str = "IGO"
    country: str | None = None
    parent: str | None = None
    source: str | None = None  # None: our verified files; "phoenix": the imported dictionaries
    # Dated changes of status (the Taliban: REB, then the de facto government of AFG).
    periods: tuple[OrgPeriod, ...] = ()

    def at(self, when: dt.date | None) -> tuple[str | None, str]:
        """(country, sector) of the organisation on `when` (its undated ones when none fits)."""
        for period in self.periods:
            if when is not None and period.start <= when \
                    and (period.end is None or when <= period.end):
                return period.country or self.country, period.sector
        return self.country, self.sector


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One office held by a person between two dates."""

    role: str
    title: str | None
    country: str | None
    org: str | None
    start: dt.date
    end: dt.date | None
    acting: bool = False
    body: str | None = None
    sector: str | None = None  # an imported term's sector where it names no role (Phoenix)

    def active(self, when: dt.date) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """A real person with the offices they held."""

    name: str
    wikidata: str | None
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    terms: tuple[Term, ...] = ()
    source: str | None = None  # None: our verified files; "phoenix": the imported dictionaries
    died: dt.date | None = None  # "the late king": who of an office's holders had died by a date

    def terms_at(self, when: dt.date) -> list[Term]:
        return [t for t in self.terms if t.active(when)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    """A title word ("foreign secretary") and the role it names."""

    text: str
    role: str
    countries: tuple[str, ...] = ()
    org: str | None = None
    requires_org: bool = False  # "chief" is a title only after an organisation ("IAEA chief")


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowledgeBase:
    """All actor knowledge, with lookup indexes built once at load time."""

    countries: dict[str, Country]
    organisations: dict[str, Organisation]
    people: tuple[Person, ...]
    titles: tuple[Title, ...]
    sectors: dict[str, str]  # lower-case noun -> sector code
    # The field's agent nouns (Phoenix.agents.txt, imported), below ours: a state's people
    # named by them ("Iraqi cattlemen") take their sector. Lower-case noun -> sector code.
    agent_sectors: dict[str, str] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # regions, heads, standalone
    former_words: frozenset[str] = frozenset()
    equivalent_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    # (role, country or org) -> people who held it, for "Russia's defence minister".
    holders: dict[tuple[str, str], tuple[Person, ...]] = field(default_factory=dict)

    def holder(self, role: str, where: str, when: dt.date) -> Person | None:
        """The person holding `role` for a country code or org name on `when`, if one is known.

        Acting holders count only when nobody else held the office that day.
        """
        found: list[tuple[bool, Person]] = []
        for role_ in (role, *self.equivalent_roles.get(role, ())):
            for person in self.holders.get((role_, where), ()):
                for term in person.terms:
                    if term.role == role_ and where in (term.country, term.org) \
                            and term.active(when):
                        found.append((term.acting, person))
        if not found:
            return None
        found.sort(key=lambda item: item[0])
        return found[0][1]


def _as_date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise KnowledgeError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _require(entry: Any, key: str, where: str) -> Any:
    if not isinstance(entry, dict) or not entry.get(key):
        raise KnowledgeError(f"{where}: missing `{key}`")
    return entry[key]


def parse_country(entry: Any, where: str) -> Country:
    """Validate one entry of countries.yaml."""
    code = str(_require(entry, "code", where)).upper()
    metonyms = []
    for item in entry.get("metonyms") or ():
        if isinstance(item, dict):
            metonyms.append((str(_require(item, "text", where)), str(item.get("sector") or "GOV")))
        else:
            metonyms.append((str(item), "GOV"))
    return Country(
        code=code, name=str(_require(entry, "name", where)),
        aliases=_strings(entry.get("aliases"), where),
        adjectives=_strings(entry.get("adjectives"), where),
        people=_strings(entry.get("people"), where), metonyms=tuple(metonyms),
        leader_role=entry.get("leader_role") or "head of state",
    )


def parse_organisation(entry: Any, where: str) -> Organisation:
    """Validate one entry of organisations.yaml."""
    return Organisation(
        name=str(_require(entry, "name", where)), aliases=_strings(entry.get("aliases"), where),
        metonyms=_strings(entry.get("metonyms"), where),
        adjectives=_strings(entry.get("adjectives"), where), wikidata=entry.get("wikidata"),
        sector=entry.get("sector") or "IGO", country=entry.get("country"),
        parent=entry.get("parent"), source=entry.get("source"),
        periods=tuple(
            OrgPeriod(sector=str(p.get("sector") or entry.get("sector") or "IGO"),
                      country=p.get("country"),
                      start=_as_date(p.get("start"), where) or UNDATED_START,
                      end=_as_date(p.get("end"), where))
            for p in entry.get("periods") or ()),
    )


def parse_term(entry: Any, where: str) -> Term:
    """Validate one term of a person."""
    role = _require(entry, "role", where)
    if role not in ROLES:
        raise KnowledgeError(f"{where}: unknown role {role!r}")
    if not entry.get("country") and not entry.get("org"):
        raise KnowledgeError(f"{where}: a term needs `country` or `org`")
    start = _as_date(_require(entry, "start", where), where)
    assert start is not None
    return Term(
        role=role, title=entry.get("title"), country=entry.get("country"), org=entry.get("org"),
        start=start, end=_as_date(entry.get("end"), where), acting=bool(entry.get("acting")),
        body=entry.get("body"), sector=entry.get("sector"),
    )


def parse_person(entry: Any, where: str) -> Person:
    """Validate one entry of a people file."""
    name = str(_require(entry, "name", where))
    where = f"{where} ({name})"
    terms = entry.get("terms") or []
    if not isinstance(terms, list):
        raise KnowledgeError(f"{where}: `terms` must be a list")
    return Person(
        name=name, wikidata=entry.get("wikidata"), aliases=_strings(entry.get("aliases"), where),
        gender=entry.get("gender"), source=entry.get("source"),
        terms=tuple(parse_term(t, f"{where} term {i}") for i, t in enumerate(terms)),
        died=_as_date(entry.get("died"), where),
    )


def _read_yaml(path: Path | Any) -> Any:
    try:
        return load_yaml_file(path)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge file: {exc}") from exc


def _entries(data: Any, key: str, source: str) -> list[tuple[str, Any]]:
    """The `key` list of a file (or the whole file, when it is a bare list), with locations."""
    items = data.get(key) if isinstance(data, dict) else data
    if items is None:
        return []
    if not isinstance(items, list):
        raise KnowledgeError(f"{source}: `{key}` must be a list")
    return [(f"{source}: {key} entry {i}", item) for i, item in enumerate(items)]


def _merge_country(old: Country | None, new: Country) -> Country:
    """An analyst's entry for a known state adds words to it rather than replacing it."""
    if old is None:
        return new
    return Country(
        code=old.code, name=new.name or old.name,
        aliases=old.aliases + new.aliases, adjectives=old.adjectives + new.adjectives,
        people=old.people + new.people, metonyms=old.metonyms + new.metonyms,
        leader_role=new.leader_role if new.leader_role != "head of state" else old.leader_role,
    )


def _merge_person(old: Person | None, new: Person) -> Person:
    if old is None:
        return new
    terms = old.terms + tuple(t for t in new.terms if t not in old.terms)
    aliases = old.aliases + tuple(a for a in new.aliases if a not in old.aliases)
    return Person(name=old.name, wikidata=old.wikidata or new.wikidata, aliases=aliases,
                  gender=old.gender or new.gender, terms=terms, source=old.source,
                  died=old.died or new.died)


class _Builder:
    """Accumulates entries from several files, then freezes them into a KnowledgeBase."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.orgs: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}
        self._by_qid: dict[str, str] = {}
        self._title_words: set[str] = set()  # one-word titles, which no imported alias holds
        self.sources: list[str] = []

    def add(self, data: Any, source: str, *, default_key: str | None = None) -> None:
        self.sources.append(source)
        if isinstance(data, list) and default_key:
            data = {default_key: data}
        if data is None:
            return
        if not isinstance(data, dict):
            raise KnowledgeError(f"{source}: expected keys countries/organisations/people")
        for where, entry in _entries(data, "countries", source):
            country = parse_country(entry, where)
            self.countries[country.code] = _merge_country(self.countries.get(country.code), country)
        for where, entry in _entries(data, "organisations", source):
            org = parse_organisation(entry, where)
            self.orgs[org.name] = org
        for where, entry in _entries(data, "people", source):
            person = parse_person(entry, where)
            key = self._person_key(person)
            self.people[key] = _merge_person(self.people.get(key), person)

    def _person_key(self, person: Person) -> str:
        """People files split one person's offices (Rutte's NATO term in one, his Dutch one in
        another): entries with the same name or QID are one person."""
        if person.name in self.people:
            return person.name
        key = self._by_qid.get(person.wikidata) if person.wikidata else None
        if key is None:
            key = person.name
            if person.wikidata:
                self._by_qid[person.wikidata] = key
        return key

    def add_below(self, data: Any, source: str, reserved: frozenset[str]) -> None:
        """Add an imported file below the verified ones: a name the verified files already
        hold keeps its verified entry (the import's entry is left out), and an imported alias
        that is a verified name, a state's word or a title is dropped.

        Args:
            data: the file's entries (people or organisations, as a bare list or by key).
            source: where they come from, for messages.
            reserved: lower-case words the verified knowledge and the titles already use.
        """
        self.sources.append(source)
        taken = reserved | {k.lower() for k in self.people} | {
            a.lower() for p in self.people.values() for a in p.aliases} | {
            w.lower() for o in self.orgs.values() for w in (o.name, *o.aliases)}
        for where, entry in _entries(data, "people", source):
            if not isinstance(entry, dict):
                continue
            verified = self.people.get(str(entry.get("name", "")))
            if verified is not None:
                self._add_dated_offices(verified, entry, where)
                continue
            if str(entry.get("name", "")).lower() in taken:
                continue
            # An imported term with neither a state nor an organisation says nothing we use.
            # Its offices name no role of ours: "other", with the sector the import gives.
            # An undated one (Phoenix writes none) holds at any date.
            entry = {**entry, "terms": [_imported_term(t)
                                        for t in entry.get("terms") or ()
                                        if t.get("country") or t.get("org")]}
            person = parse_person(entry, where)
            if person.name.lower() in taken:
                continue
            aliases = tuple(a for a in person.aliases if a.lower() not in taken)
            self.people[person.name] = replace(person, aliases=aliases)
        titles = {w for w in reserved if w in self._title_words}
        for where, entry in _entries(data, "organisations", source):
            org = parse_organisation(entry, where)
            if org.name.lower() in taken:
                continue
            # "German Chancellor" is no name of the Reichstag: a title reads as a title.
            self.orgs[org.name] = replace(org, aliases=tuple(
                a for a in org.aliases if a.lower() not in taken
                and not any(w in titles for w in a.lower().split())))

    def _add_dated_offices(self, verified: Person, entry: dict[str, Any], where: str) -> None:
        """The same person in the import (a term in a state the verified entry also names):
        the verified entry keeps its name, QID and offices, and gains the imported offices
        as dated evidence of who they were when ("Gordon Brown" as chancellor in 2004)."""
        countries = {t.country for t in verified.terms if t.country}
        extra = [_imported_term(t)
                 for t in entry.get("terms") or () if t.get("country") in countries]
        if not extra:
            return  # a namesake of another state: the verified entry alone
        imported = parse_person({"name": verified.name, "terms": extra}, where)
        self.people[verified.name] = replace(verified, terms=verified.terms + imported.terms)

    def reserved_words(self, roles: dict[str, Any]) -> frozenset[str]:
        """Lower-case words of the states and titles, which no imported name may take."""
        words = {str(t["text"]).lower() for t in roles.get("titles") or ()}
        self._title_words = {w for w in words if " " not in w}
        for c in self.countries.values():
            words.update(w.lower() for w in (c.name, *c.aliases, *c.adjectives, *c.people))
            words.update(text.lower() for text, _ in c.metonyms)
        return frozenset(words)

    def freeze(self, roles: dict[str, Any], sectors: dict[str, Any]) -> KnowledgeBase:
        titles = tuple(
            Title(text=t["text"], role=t["role"], countries=tuple(t.get("countries") or ()),
                  org=t.get("org"), requires_org=bool(t.get("requires_org")))
            for t in roles.get("titles") or ()
        )
        sector_words: dict[str, str] = {}
        for code, words in sectors.items():
            if code == "groups" or not isinstance(words, list):
                continue
            for word in words or ():
                sector_words.setdefault(str(word).lower(), code)
        people = tuple(self.people.values())
        holders: dict[tuple[str, str], list[Person]] = {}
        for person in people:
            for term in person.terms:
                if term.sector is not None:
                    continue  # an imported office names no role of ours: not a holder
                for where in {term.country, term.org} - {None}:
                    bucket = holders.setdefault((term.role, str(where)), [])
                    if person not in bucket:
                        bucket.append(person)
        return KnowledgeBase(
            countries=self.countries, organisations=self.orgs, people=people, titles=titles,
            sectors=sector_words,
            groups={k: tuple(v) for k, v in (sectors.get("groups") or {}).items()},
            former_words=frozenset(roles.get("former_words") or ()),
            equivalent_roles={k: tuple(v)
                              for k, v in (roles.get("equivalent_roles") or {}).items()},
            sources=tuple(self.sources), holders={k: tuple(v) for k, v in holders.items()},
        )


def _package_files() -> Iterable[tuple[str, Any]]:
    base = resources.files("diplograph") / "data" / "actors"
    yield "countries", base / "countries.yaml"
    yield "organisations", base / "organisations.yaml"
    # organisations/: civil society, media and firms, by kind; people/: by region and era.
    for key in ("organisations", "people"):
        folder = base / key
        if folder.is_dir():
            for item in sorted(folder.iterdir(), key=lambda p: p.name):
                if item.name.endswith((".yaml", ".yml")):
                    yield key, item


def _imported_files() -> Iterable[tuple[str, Any]]:
    """The field's dictionaries converted by scripts/import_phoenix_actors.py, if present."""
    base = resources.files("diplograph") / "data" / "actors" / "phoenix"
    for key, name in (("people", "people.yaml"), ("organisations", "organisations.yaml")):
        if (base / name).is_file():
            yield key, base / name


def _agent_sectors(kb: KnowledgeBase) -> dict[str, str]:
    """The plurals of the imported agent nouns (data/actors/phoenix/agents.yaml) that neither
    our sector nouns nor our titles already read, each with the sector the importer gave it.
    Plurals only: a group of a state's people ("Iraqi cattlemen"), never one person's title,
    which the verified titles read (a singular agent takes "first lady" for an official)."""
    path = resources.files("diplograph") / "data" / "actors" / "phoenix" / "agents.yaml"
    if not path.is_file():
        return {}
    ours = set(kb.sectors) | {t.text.lower() for t in kb.titles}
    found: dict[str, str] = {}
    for agent in (_read_yaml(path) or {}).get("agents") or ():
        if not agent.get("sector") or agent.get("affix") != "suffix":
            continue
        plural = str(agent.get("plural") or "").lower()
        if plural and plural not in ours:
            found.setdefault(plural, str(agent["sector"]))
    return found


def _build(extra_files: Sequence[str | Path], imported: bool) -> KnowledgeBase:
    builder = _Builder()
    base = resources.files("diplograph") / "data" / "actors"
    for key, path in _package_files():
        builder.add(_read_yaml(path), str(path), default_key=key)
    for extra in extra_files:
        path = Path(extra)
        if not path.is_file():
            raise KnowledgeError(f"{path}: actor file not found")
        builder.add(_read_yaml(path), str(path), default_key="people")
    roles = _read_yaml(base / "roles.yaml") or {}
    if imported:  # below everything verified, the analyst's files included
        reserved = builder.reserved_words(roles)
        for key, path in _imported_files():
            data = _read_yaml(path)
            builder.add_below({key: data} if isinstance(data, list) else data, str(path),
                              reserved)
    sectors = _read_yaml(base / "sectors.yaml") or {}
    kb = builder.freeze(roles, sectors)
    kb = replace(kb, agent_sectors=_agent_sectors(kb))
    logger.info("actor knowledge: %d states, %d organisations, %d people",
                len(kb.countries), len(kb.organisations), len(kb.people))
    return kb


@functools.lru_cache(maxsize=2)
def _default_kb(imported: bool) -> KnowledgeBase:
    return _build((), imported)


def load_knowledge_base(extra_files: Sequence[str | Path] = (), *,
                        imported: bool | None = None) -> KnowledgeBase:
    """Load the packaged actor knowledge plus the analyst's own files.

    Args:
        extra_files: YAML files with `countries:`, `organisations:` and/or `people:` lists
            (a bare list is read as people), in the packaged schemas.
        imported: add the imported Phoenix dictionaries below the verified files (None: the
            setting ``phoenix_actors``, env DIPLOGRAPH_PHOENIX_ACTORS, off by default).

    Returns:
        The knowledge base; the default one (no extra files) is cached.

    Raises:
        KnowledgeError: a file is missing or malformed (the message names file and entry).
    """
    if imported is None:
        imported = Settings.from_env().phoenix_actors
    if not extra_files:
        return _default_kb(imported)
    return _build(tuple(extra_files), imported)
