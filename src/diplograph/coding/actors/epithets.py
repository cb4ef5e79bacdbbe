"""What an epithet says of a person, and the facts it is checked against.

An epithet is a definite description that names no one: "the New York businessman", "the
Wisconsin Republican", "the Democratic front-runner", "the Texas senator". Its words say a
party, a state or country, a post and an occupation; ``data/actors/epithets.yaml`` holds the
facts the people files lack (party, home state, occupations, candidacies, each dated and with
its source) and the words that name them. ``described`` binds an epithet to the one person
named before it whose record fits every word (rule ``epithet-back-reference``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from diplograph.errors import KnowledgeError
from diplograph.knowledge.base import Person
from diplograph.knowledge.yamldata import load_yaml_file

EPITHETS_FILE = "epithets.yaml"


@dataclass(frozen=True, slots=True)
class Spell:
    """A value held between two dates: a party, a home state, a candidacy's office."""

    value: str
    start: dt.date
    end: dt.date | None
    party: str | None = None  # a candidacy's party

    def active(self, when: dt.date) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonFacts:
    """The facts of one person that epithets name (see the data file's comments)."""

    name: str
    country: str
    home_states: tuple[Spell, ...]
    parties: tuple[Spell, ...]
    occupations: frozenset[str]
    candidacies: tuple[Spell, ...]
    front_runs: tuple[Spell, ...]  # leading the party's nomination race
    source: str  # where the facts were read ("en.wikipedia.org/wiki/Ted_Cruz; ...")

    def home_state(self, when: dt.date) -> str | None:
        return next((s.value for s in self.home_states if s.active(when)), None)

    def in_party(self, party: str, when: dt.date) -> bool:
        """A member of `party` on `when`, or running as its candidate ("the DEMOCRATIC
        candidate from Vermont": Sanders, an independent)."""
        return any(s.active(when) and s.value == party for s in self.parties) or any(
            s.active(when) and s.party == party for s in self.candidacies)

    def running_for_president(self, when: dt.date) -> bool:
        return any(s.active(when) and s.value == "president" for s in self.candidacies)

    def leading_for_president(self, when: dt.date) -> bool:
        return any(s.active(when) and s.value == "president" for s in self.front_runs)


@dataclass(frozen=True, slots=True, kw_only=True)
class EpithetWords:
    """The words of ``epithets.yaml`` and the facts of its people, by name."""

    party_words: dict[str, str]  # "republican" -> "Republican"
    party_nouns: frozenset[str]  # "the Wisconsin REPUBLICAN"
    occupations: frozenset[str]  # "the real estate MAGNATE"
    candidacy_posts: frozenset[str]  # "the Republican NOMINEE"
    front_runner_posts: frozenset[str]  # "the Democratic FRONT-RUNNER"
    facts: dict[str, PersonFacts]

    def heads(self) -> frozenset[str]:
        """The head nouns an epithet may have besides the posts of ``description_posts``."""
        return (self.party_nouns | self.occupations | self.candidacy_posts
                | self.front_runner_posts)


@dataclass(frozen=True, slots=True)
class Record:
    """Everything known of one person named in the article: knowledge terms and facts."""

    person: Person | None
    facts: PersonFacts | None

    def countries(self) -> set[str]:
        found = {t.country for t in self.person.terms if t.country} if self.person else set()
        return found | ({self.facts.country} if self.facts else set())


@functools.lru_cache(maxsize=1)
def epithet_words() -> EpithetWords:
    """The packaged words and facts, read once per process.

    Raises:
        KnowledgeError: the file lacks a list or a person lacks a field (the message says).
    """
    data = load_yaml_file(resources.files("diplograph") / "data" / "actors" / EPITHETS_FILE)
    try:
        facts = {str(p["name"]): _facts(p) for p in data["people"]}
        return EpithetWords(
            party_words={str(k).lower(): str(v) for k, v in data["party_words"].items()},
            party_nouns=frozenset(str(w).lower() for w in data["party_nouns"]),
            occupations=frozenset(str(w).lower() for w in data["occupations"]),
            candidacy_posts=frozenset(str(w).lower() for w in data["candidacy_posts"]),
            front_runner_posts=frozenset(str(w).lower() for w in data["front_runner_posts"]),
            facts=facts)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise KnowledgeError(f"{EPITHETS_FILE}: expected party_words, party_nouns, occupations, "
                             f"candidacy_posts, front_runner_posts and people ({exc!r})") from exc


def _facts(entry: dict[str, Any]) -> PersonFacts:
    if not entry.get("source"):
        raise ValueError(f"{entry.get('name')}: no source")
    return PersonFacts(source=str(entry["source"]), name=str(entry["name"]),
                       country=str(entry["country"]),
                       home_states=_spells(entry["home_states"]),
                       parties=_spells(entry["parties"]),
                       occupations=frozenset(str(w).lower() for w in entry["occupations"]),
                       candidacies=_spells(entry["candidacies"]),
                       front_runs=_spells(entry.get("front_runs") or []))


def _spells(rows: list[dict[str, Any]]) -> tuple[Spell, ...]:
    return tuple(Spell(value=str(r["value"]), start=_day(r["start"]), end=_day(r.get("end")),
                       party=r.get("party")) for r in rows)


def _day(value: Any) -> Any:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
