"""Groups and officers of a city, county or region: their state's, in the noun's sector.

"Tulsa police", "Seattle officials", "the two New Jersey police officers", "prosecutors in
Parma", "residents in Jupiter, Florida": a group noun with a place before it or after "in"
belongs to the state the place lies in. A state's own name or capital is read elsewhere
("Kabul police", "police in Nepal"); this rule is for the places below a state, which the
actor knowledge does not list: the gazetteer of cities and regions places them. A person
read after such a group ("Chicago police officer Jason Van Dyke", "Tulsa police Chief Chuck
Jordan") serves in it and takes its state and sector.

Rule `local-group-noun`; nouns and sectors in ``mention_words.yaml: local_group_nouns``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import replace
from importlib import resources

from spacy.tokens import Doc, Token

from diplograph.coding.actors.bodies import StateRef, group_noun_at, noun_ends, span_mention
from diplograph.coding.actors.mention import Mention
from diplograph.coding.places import default_gazetteer
from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file

PLACES_FILE = "local_places.yaml"

PlaceState = Callable[[str], str | None]  # a place's words -> ISO3 of its state, None: unknown
# Entities that a run of capitalised words before a noun may be and still name a place (the
# small model reads "Essex", "Kent" as NORP adjectives); an ORG ("Chelsea officials": the
# club) or a PERSON is not one. After "in" the preposition says place: an ORG is read too
# ("prosecutors in Lyon", which the model takes for the football club).
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", ""})
_PLACE_LABELS_AFTER_IN = _PLACE_LABELS | {"ORG"}
_MAX_PLACE_WORDS = 3
_MAX_POST_WORDS = 2  # "police CHIEF", "police DEPUTY CHIEF"


def local_group_nouns(doc: Doc, mentions: list[Mention], nouns: Mapping[str, str],
                      place_state: PlaceState, state: StateRef,
                      abroad: frozenset[str]) -> list[Mention]:
    """Add the groups named by a noun of `nouns` tied to a place below a state.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        nouns: lower-case noun -> sector ("police" -> COP, "residents" -> CVL).
        place_state: the state a place's words lie in (None: not a known place).
        state: builds a state's actor in a sector.
        abroad: sectors whose bodies serve in other states: "troops in Basra" are where
            they are sent, not whose they are.

    Returns:
        The mentions with these groups added and the people of such a group placed, in
        text order.
    """
    mentions = _placed_people(doc, mentions, nouns, place_state)
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    for token in noun_ends(doc, nouns):
        noun = group_noun_at(doc, token, nouns)
        if noun is None or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue
        first, sector = noun
        before = _place_before(doc, first, taken)
        country = place_state(before.text) if before is not None else None
        if country is None and sector not in abroad and not _kind_named(token, first):
            before, after = None, _place_after_in(token, taken)
            country = place_state(after.text) if after is not None else None
        start = min(token.left_edge.i, before.start if before is not None else first)
        if country is None or _owned(token, first) \
                or any(i in taken for i in range(start, token.i + 1)):
            continue
        found.append(span_mention(doc[start:token.i + 1], state(country, sector)))
        taken.update(range(start, token.i + 1))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _place_before(doc: Doc, first: int, taken: set[int]):
    """The capitalised proper nouns right before token `first` ("TULSA police", "NEW
    JERSEY officials"), when no other mention holds them and no longer name goes on
    before them ("Arkansas STATE University students" is not a place)."""
    start = first
    while start > 0 and first - start < _MAX_PLACE_WORDS and _place_word(doc[start - 1]) \
            and start - 1 not in taken:
        start -= 1
    if start == first or (start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN"):
        return None
    return doc[start:first]


def _place_after_in(token: Token, taken: set[int]):
    """The capitalised place right after "in" hanging from the noun ("prosecutors IN PARMA",
    "workers in IOWA's 99 counties"), its first proper nouns only."""
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ != "in":
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if not objects:
            return None
        doc, start = token.doc, objects[0].left_edge.i
        end = start
        while end < len(doc) and end - start < _MAX_PLACE_WORDS \
                and _place_word(doc[end], _PLACE_LABELS_AFTER_IN):
            end += 1
        if end == start or any(i in taken for i in range(start, end)):
            return None
        # "police in ATHENS, GA.": the state written after the town places it.
        return default_gazetteer().state_after(doc[start:end])
    return None


def _place_word(token: Token, labels: frozenset[str] = _PLACE_LABELS) -> bool:
    return token.pos_ in ("PROPN", "ADJ") and token.is_title and token.ent_type_ in labels


def _kind_named(token: Token, first: int) -> bool:
    """A noun before the group says what kind it is ("RELIEF officials in Nairobi", "AID
    workers in Darfur"): such people work where they are for others, so "in" places them,
    it does not say whose they are."""
    return any(child.dep_ == "compound" and child.i < first for child in token.children)


def _owned(token: Token, first: int) -> bool:
    """A group with an owner before it ("the party's workers", "his officials"): the owner
    says whose they are, not the place."""
    return any(child.dep_ == "poss" and child.i < first for child in token.children)


def _placed_people(doc: Doc, mentions: list[Mention], nouns: Mapping[str, str],
                   place_state: PlaceState) -> list[Mention]:
    """A person named after a group noun of a place, with at most a post between ("CHICAGO
    POLICE officer Jason Van Dyke", "NORFOLK POLICE chief Andy Hayman"): the place's state,
    the noun's sector, and the place in the mention's words."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    placed = []
    for mention in mentions:
        noun = _group_before(doc, mention.token_start, nouns) \
            if mention.actor.kind == "person" else None
        where = _place_before(doc, noun[0], taken) if noun else None
        country = place_state(where.text) if where is not None else None
        if country is None or mention.actor.country not in (None, country):
            placed.append(mention)
            continue
        span = doc[where.start:mention.token_end]
        actor = replace(mention.actor, country=country, sector=noun[1], text=span.text)
        placed.append(replace(mention, start=span.start_char, token_start=span.start,
                              actor=actor))
    return placed


def _group_before(doc: Doc, start: int, nouns: Mapping[str, str]) -> tuple[int, str] | None:
    """(first token, sector) of a group noun at `start` or up to two nouns before it, the
    words between being nouns of the post ("police CHIEF", "police SPOKESMAN")."""
    for at in range(start, max(start - _MAX_POST_WORDS - 1, -1), -1):
        noun = group_noun_at(doc, doc[at], nouns)
        if noun is not None:
            return noun
        if doc[at].pos_ not in ("NOUN", "PROPN") or not doc[at].is_alpha:
            return None
    return None


def place_state(known: Mapping[str, str], home_country: str | None, text: str) -> str | None:
    """The state a place below a state lies in: `known` first (counties and territories the
    gazetteer lacks or gives to a bigger namesake: "Norfolk", "Surrey", "Puerto Rico"), else
    the gazetteer's city or US state, the story's home state first among namesakes. A
    state's own name ("Nepal") is not a place below a state: None."""
    context = (home_country,) if home_country else ()
    where = default_gazetteer().resolve(text, context_countries=context)
    below = where.precision in ("city", "admin1")
    if below and home_country is not None and where.country == home_country:
        return where.country
    return known.get(text) or (where.country if below else None)


@functools.lru_cache(maxsize=1)
def local_places() -> dict[str, str]:
    """``data/actors/local_places.yaml``: place -> ISO3 of its state."""
    path = resources.files("diplograph") / "data" / "actors" / PLACES_FILE
    data = load_yaml_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("places"), dict):
        raise KnowledgeError(f"{PLACES_FILE}: expected a `places` mapping")
    return {str(place): str(iso3) for iso3, places in data["places"].items()
            for place in places}
