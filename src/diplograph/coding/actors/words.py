"""The words around actor names, loaded once from ``data/actors/mention_words.yaml``.

They are knowledge (which adjectives leave an actor unchanged, which surnames are also
common words), so they live in a data file that analysts can read and extend; the closed
grammar classes (determiners, possessive pronouns) stay in the modules that read phrases.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any

import yaml

from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file

WORDS_FILE = "mention_words.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionWords:
    """The word lists of ``mention_words.yaml``, one field per list (see the file's comments)."""

    fillers: frozenset[str]
    honorifics: frozenset[str]
    pronouns: dict[str, str]  # subject pronoun -> gender of the people files
    honorific_genders: dict[str, str]  # "mrs" -> "f"
    common_surnames: frozenset[str]
    counterpart_words: tuple[str, ...]
    leader_words: tuple[str, ...]
    singular_person_nouns: frozenset[str]
    monarch_titles: frozenset[str]
    role_priority: tuple[str, ...]  # most prominent first
    surname_first_countries: frozenset[str]
    name_suffixes: frozenset[str]
    place_words: frozenset[str]
    state_place_words: frozenset[str]
    region_words: frozenset[str]
    regions: frozenset[str]  # continents and regions, never states
    opposition_words: frozenset[str]  # "shadow" (foreign secretary)
    shadow_post_nouns: frozenset[str]  # "shadow culture SECRETARY": the post's last word
    quantifiers: frozenset[str]  # "MANY Mexicans", "THOUSANDS of Germans": people, not a state
    job_nouns: frozenset[str]  # "DIRECTOR of Liberty": a post in a body (affiliation)
    post_verbs: frozenset[str]  # "who HEADS the Centre in Mexico City": a post (post_places)
    staff_nouns: frozenset[str]  # "his CHIEF OF STAFF": a post serving one person (staff)
    body_voice_nouns: frozenset[str]  # "a SPOKESMAN for UKIP": the body's (voices)
    body_office_posts: frozenset[str]  # "Club CHAIRMAN Alan Finch": a body's office
    body_office_nouns: dict[str, str]  # "CLUB chairman": a body's noun -> its officers' sector
    private_body_sectors: frozenset[str]  # "NAACP's president": a body outside the state
    staff_sectors: dict[str, str]  # principal's sector -> their staff's, where it differs
    possessive_genders: dict[str, str]  # "his" -> "m"
    former_post_words: frozenset[str]  # "his FORMER adviser": a former official (ELI)
    description_posts: dict[str, str]  # "the Ohio GOVERNOR" -> "governor" (of a title)
    home_bodies: dict[str, str]  # "the TREASURY": the story's own state's body -> sector
    home_nouns: dict[str, str]  # "the GOVERNMENT", "MINISTERS": the home state's -> sector
    home_noun_leave: frozenset[str]  # "SENIOR ministers", "OPPOSITION MPs": still the state's
    home_group_nouns: dict[str, str]  # "POLICE", "OFFICIALS": the home state's -> sector
    home_group_leave: frozenset[str]  # "LOCAL police", "IMMIGRATION officials"
    abroad_sectors: frozenset[str]  # "TROOPS in Syria": where they serve, not whose
    led_words: frozenset[str]  # "a Saudi-LED coalition": a state leads the body after it
    led_body_nouns: dict[str, str]  # "a Saudi-led COALITION": a led body's noun -> sector
    local_group_nouns: dict[str, str]  # "Tulsa POLICE", "RESIDENTS in Jupiter" -> sector
    owner_sectors: dict[str, str]  # "the AGENCY's chief executive": a body's noun -> sector
    body_descriptor_nouns: frozenset[str]  # "lobby GROUP the CBI": a body's descriptor
    state_body_nouns: dict[str, str]  # "the REGIME in Damascus": a state's body -> sector
    governing_nouns: frozenset[str]  # "the Labour GOVERNMENT": the state's, not the party's
    topic_prepositions: frozenset[str]  # "an adviser ON Syria": a topic, not the person's state
    motion_words: frozenset[str]  # "MOVED to China": a destination, a place
    occasion_nouns: frozenset[str]  # "TALKS in Beijing": the state, not its civilians
    thing_nouns: frozenset[str]  # "the Kyoto PROTOCOL": a place names it, no actor
    eponym_nouns: frozenset[str]  # "the Reagan DOCTRINE": a person's name names it, no actor
    # (state, party, start, end): the party a bare "shadow" post names on a day
    official_opposition: tuple[tuple[str, str, dt.date, dt.date | None], ...]
    # (state, party, start, end): the parties in government, for `party-portfolio`
    governing_parties: tuple[tuple[str, str, dt.date, dt.date | None], ...]
    party_voice_titles: frozenset[str]  # "The Lib Dem SPOKESMAN": any post of the party
    callings: dict[str, str]  # "LAWYER Gareth Pryce": a calling -> its sector ("": none)
    member_nouns: dict[str, str]  # "OFFICERS" after "Police": a body's members -> its sector
    named_body_sectors: frozenset[str]  # "a US court ... JUDGE Letitia Clark": the court's
    ethnic_groups: dict[str, str]  # "ROHINGYA leaders", "Thousands of OROMOS" -> their state
    federal_units: frozenset[str]  # "Twenty STATES led by Texas": a federation's units
    party_owned_nouns: frozenset[str]  # "Tory PLANS": the party's (`party-adjective-owner`)
    party_member_nouns: dict[str, str]  # "Republican HOPEFULS" -> the members' sector
    common_sense_party_adjectives: frozenset[str]  # "Democratic reforms" at a sentence start
    own_side_markers: frozenset[str]  # "FELLOW senators", "his OWN MPs" (`own-side-group`)
    own_side_nouns: dict[str, str]  # "fellow SENATORS" -> the group's sector
    party_side_words: frozenset[str]  # "PARTY members": the speaker's party
    party_side_nouns: dict[str, str]  # "party MEMBERS" -> the members' sector
    own_state_nouns: dict[str, str]  # "THE GOVERNMENT" acted on by a domestic doer -> sector
    own_state_noun_leave: frozenset[str]  # "BOTH the big parties": still the doer's state's
    own_state_actor_sectors: frozenset[str]  # the doers' sectors (`speaker-own-state`)
    # "NAME, a Texas VOTER": an appositive description's noun -> the named person's sector
    description_sectors: dict[str, str]
    # "a GEORGIA senator": a US state named like a country -> that country (`us-state-before-post`)
    us_state_namesakes: dict[str, str]
    us_state_post_nouns: frozenset[str]  # "a Georgia SENATOR": a US post after the name
    # "Mr. Obama's NOMINEE, Judge X": a role noun a name in apposition fills
    appositive_role_nouns: frozenset[str]
    # "Indiana GOVERNOR" with no one named: the office's sector (`place-post-office`)
    description_post_sectors: dict[str, str]
    # "America Rising PAC": an organisation's last noun -> its sector
    organisation_name_nouns: dict[str, str]
    place_name_heads: frozenset[str]  # "Guantanamo BAY": a longer name that is a place


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list):
        raise KnowledgeError(f"{WORDS_FILE}: `{key}` must be a list of words")
    return [str(word) for word in value]


def parse_mention_words(data: Any) -> MentionWords:
    """Validate the file's content and build the record.

    Raises:
        KnowledgeError: a list is missing or is not a list (the message names it).
    """
    if not isinstance(data, dict) or not isinstance(data.get("pronouns"), dict):
        raise KnowledgeError(f"{WORDS_FILE}: expected a mapping with a `pronouns` mapping")
    ordered = {"counterpart_words", "leader_words", "role_priority"}
    mappings = ("pronouns", "honorific_genders", "staff_sectors", "possessive_genders",
                "description_posts", "home_bodies", "home_nouns", "home_group_nouns",
                "local_group_nouns", "owner_sectors", "body_office_nouns", "callings",
                "member_nouns", "ethnic_groups", "state_body_nouns", "party_member_nouns",
                "own_side_nouns", "party_side_nouns", "led_body_nouns", "own_state_nouns",
                "description_sectors", "us_state_namesakes", "description_post_sectors",
                "organisation_name_nouns")
    lists = {name: (tuple if name in ordered else frozenset)(_words(data, name))
             for name in (f.name for f in fields(MentionWords))
             if name not in mappings and name not in _DATED_PARTIES}
    maps = {key: {str(word): str(value) for word, value in (data.get(key) or {}).items()}
            for key in mappings}
    return MentionWords(**maps, **lists,
                        **{key: _dated_parties(data, key) for key in _DATED_PARTIES})


_DATED_PARTIES = ("official_opposition", "governing_parties")


def _dated_parties(data: dict[str, Any], key: str
                   ) -> tuple[tuple[str, str, dt.date, dt.date | None], ...]:
    """`official_opposition`, `governing_parties`: (state, party, start, end) rows."""
    rows = data.get(key) or []
    try:
        return tuple((str(r["country"]), str(r["party"]), _day(r["start"]), _day(r.get("end")))
                     for r in rows)
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"{WORDS_FILE}: `{key}` rows need country, party, "
                             f"start and end dates ({exc})") from exc


def _day(value: Any) -> Any:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@functools.lru_cache(maxsize=1)
def mention_words() -> MentionWords:
    """The packaged word lists, read once per process.

    Raises:
        KnowledgeError: the file is malformed.
    """
    path = resources.files("diplograph") / "data" / "actors" / WORDS_FILE
    try:
        data = load_yaml_file(path)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{WORDS_FILE}: not valid YAML ({exc})") from exc
    return parse_mention_words(data)
