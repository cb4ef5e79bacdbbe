"""``ActorResolver``: who is who in an article, at the date of the event (SPEC §3, §4).

``find_mentions`` walks a parsed article once, left to right. At each token it reads a
phrase (``phrases``) and resolves it at the article's date (``resolve``), else a single
name (``single``), else a word that refers back to a person (``coref``); each mention is
remembered for the coreference of the words after it.
"""

from __future__ import annotations

import datetime as dt
import logging
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplograph.coding.actors.affiliation import affiliations
from diplograph.coding.actors.anaphors import state_anaphor_words, state_anaphors
from diplograph.coding.actors.appositive_descriptions import (
    AppositiveWords,
    descriptions_after_names,
)
from diplograph.coding.actors.bodies import home_state_bodies, home_state_nouns
from diplograph.coding.actors.body_descriptors import bodies_with_descriptors
from diplograph.coding.actors.body_offices import offices_of_bodies
from diplograph.coding.actors.coref import (
    ArticleMemory,
    appositive_countries,
    one_reading_per_person,
    possessor_country,
)
from diplograph.coding.actors.dating import act_year, story_window
from diplograph.coding.actors.described import DescriptionWords, described_people
from diplograph.coding.actors.epithets import epithet_words
from diplograph.coding.actors.eponyms import things_named_after_people
from diplograph.coding.actors.first_names import first_name_antecedent, first_names_in_full
from diplograph.coding.actors.headline_roles import PostWords, headline_posts, place_post_offices
from diplograph.coding.actors.home import story_home, unknown_people_unplaced
from diplograph.coding.actors.local import local_group_nouns, local_places, place_state
from diplograph.coding.actors.matcher import KnowledgeMatcher
from diplograph.coding.actors.mention import Hit, Hits, Mention, MentionPhrase
from diplograph.coding.actors.named_in_phrases import PhraseWords, named_in_phrases
from diplograph.coding.actors.namesakes import namesakes_of_setting
from diplograph.coding.actors.offices import Offices
from diplograph.coding.actors.own_side import own_side_groups
from diplograph.coding.actors.own_state import OwnStateWords, speakers_own_state_bodies
from diplograph.coding.actors.owners import owned_posts
from diplograph.coding.actors.party_adjectives import PartyAdjectiveReader
from diplograph.coding.actors.party_pairs import party_pairs
from diplograph.coding.actors.peoples import peoples_of_one_state, units_of_federations
from diplograph.coding.actors.phrases import PhraseReader
from diplograph.coding.actors.post_places import posts_at_places
from diplograph.coding.actors.ranks import RankContext, rank_words, ranked_people
from diplograph.coding.actors.resolve import PhraseResolver
from diplograph.coding.actors.role_appositives import role_appositive_names, role_nouns
from diplograph.coding.actors.setting import (
    CallingWords,
    GoverningPostWords,
    Places,
    appositive_demonyms,
    appositive_governing_posts,
    callings_before_names,
    members_of_named_forces,
    nameless_callings,
    story_setting,
    surnames_in_setting,
)
from diplograph.coding.actors.single import SINGLE_NAME_REACH, SingleNameReader
from diplograph.coding.actors.speakers import speakers_offices
from diplograph.coding.actors.staff import appositive_callings, staff_of_principals
from diplograph.coding.actors.state_bodies import state_bodies_named
from diplograph.coding.actors.state_named_bodies import state_named_bodies
from diplograph.coding.actors.then import offices_then
from diplograph.coding.actors.titled import titled_people, titled_words
from diplograph.coding.actors.us_states import us_states_before_posts
from diplograph.coding.actors.voices import spokespeople_of_bodies
from diplograph.coding.actors.words import mention_words
from diplograph.coding.attribution import load_lexicon
from diplograph.coding.parse import doc_text
from diplograph.coding.token_table import token_table
from diplograph.knowledge.base import OPEN_END, KnowledgeBase, Person, load_knowledge_base
from diplograph.records import ActorRef

logger = logging.getLogger(__name__)
# Grammar: what says something of a person after the name ("Jane Doe, A LAWYER", "Jane Doe,
# WHO HEADS a charity").
_DESCRIBING_DEPS = frozenset({"appos", "relcl", "acl"})
# How many short texts ``resolve_text`` keeps the actor of (emptied past it): a worker codes
# the same datelines and place names again and again, each a parse of its own.
RESOLVED_LIMIT = 20_000


@dataclass(frozen=True, slots=True, kw_only=True)
class _Reading:
    """What the parse alone decides, the same on every walk of one ``find_mentions`` (an
    article is walked two to four times: reading its phrases again was most of the coding
    time): the matches, the entities, and the phrase read at each token so far."""

    hits: Hits
    person_ents: dict[int, Span]  # PERSON entities by start token
    ent_end: dict[int, Span]  # the entity covering each token
    phrases: dict[int, MentionPhrase | None]  # filled as the walks reach each token
    # The tokens that may start a mention, ascending (``_names_no_one`` is False): listed
    # once per article; every walk skips the others, where no mention starts on any walk.
    starts: list[int]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Article:
    """One walk of an article: its parse and what it alone decides, the date it is read
    at, and the walk's coreference memory."""

    doc: Doc
    reading: _Reading
    memory: ArticleMemory
    when: dt.date
    dated: bool  # False: the story's date is unknown and none could be inferred
    home_country: str | None
    # An undated story's inferred window: an office that changed hands in it names no holder.
    window: tuple[dt.date, dt.date] | None = None


class ActorResolver:
    """Finds and resolves actor mentions in parsed articles.

    Build one per process (matchers are compiled in ``__init__``) and call
    ``find_mentions`` per article.

    Attributes:
        kb: the actor knowledge base.
        nlp: the spaCy pipeline that parses the texts given to ``resolve_text``.
    """

    def __init__(self, kb: KnowledgeBase | None = None, nlp: Language | None = None):
        from diplograph.coding.parse import load_nlp

        self.kb = kb or load_knowledge_base()
        self.nlp = nlp or load_nlp()
        words = mention_words()
        self.words = words
        offices = Offices(self.kb, words)
        self._match = KnowledgeMatcher(self.kb, self.nlp, words)
        self._phrases = PhraseReader(self.kb, words)
        self._resolve = PhraseResolver(offices)
        self._single = SingleNameReader(offices)
        self._party_adjectives = PartyAdjectiveReader(offices)
        self._genders = {p.name: p.gender for p in self.kb.people}
        self._by_name = {p.name: p for p in self.kb.people}
        self._descriptions = DescriptionWords(
            posts=words.description_posts, epithets=epithet_words(),
            countries=_state_words(self.kb), former=words.former_post_words)
        self._pronouns = words.pronouns
        self._role_nouns = role_nouns(words)
        self._anaphors = state_anaphor_words()
        self._titled = titled_words()
        self._speech = load_lexicon()
        self._governing_posts = GoverningPostWords(
            posts=words.staff_nouns | words.singular_person_nouns,
            governing=words.governing_nouns, former=words.former_post_words)
        self._resolved: dict[tuple[str, dt.date | None, str | None], ActorRef | None] = {}
        self._own_state = OwnStateWords(words.own_state_nouns, words.own_state_noun_leave,
                                        words.own_state_actor_sectors)
        # The post-passes' word tables, built once here (each walk built them anew).
        self._callings = CallingWords(words.callings, words.named_body_sectors)
        self._phrase_words = PhraseWords(words.job_nouns | frozenset(words.callings),
                                         words.former_post_words)
        self._appositive_words = AppositiveWords(
            words.description_sectors | self.kb.sectors
            | {k: v for k, v in words.callings.items() if v}, words.former_post_words)

    def find_mentions(self, doc: Doc, *, when: dt.date | None,
                      home_country: str | None = None) -> list[Mention]:
        """All actor mentions in an article's parsed Doc, resolved at `when`.

        Args:
            doc: the article parsed by ``diplograph.coding.parse.load_nlp()``.
            when: the article's publication date. None: a date inferred from the article
                (``story_date``); with none, role descriptions name the office, no holder.
            home_country: ISO3 guess of the article's country, for bare titles. None: the
                state the article's own mentions settle on (``story_home``), if any.

        Returns:
            Non-overlapping mentions in text order.
        """
        reading = self._reading(doc)
        if home_country is not None:
            return self._read_article(doc, when, home_country, reading)
        # No home state: the first read settles one (``story_home``); where it settles none,
        # that read is the article's and is not done again.
        unhomed = self._walk(doc, when or OPEN_END, None, dated=when is not None,
                             reading=reading)
        home = story_home(doc, unhomed)
        if home is None:
            return self._read_article(doc, when, None, reading, first=unhomed)
        return unknown_people_unplaced(self._read_article(doc, when, home, reading), unhomed,
                                       self._by_name.__contains__)

    def _read_article(self, doc: Doc, when: dt.date | None, home_country: str | None,
                      reading: _Reading, first: list[Mention] | None = None) -> list[Mention]:
        """``find_mentions`` with the home state decided; `first`: the article's read at
        `when` (or undated) already done, if any."""
        if when is not None:
            return _with_full_names(doc, partial(self._walk, doc, when, home_country,
                                                 dated=True, reading=reading), first)
        # No publication date: read once for the names, then at the date the article's own
        # words point to, preferring the people it names in an office for that office.
        # The names the window is read from are the article's own: a headline's bare surname
        # is the person it names in full below, not a namesake ("McConnell in row ... Jack
        # McConnell", not the US senator, whose term would move the story's window).
        first = _with_full_names(doc, partial(self._walk, doc, OPEN_END, home_country,
                                              dated=False, reading=reading), first)
        window = story_window(doc, first, self._by_name)
        when = window[0] + (window[1] - window[0]) / 2 if window is not None else None
        if when is not None:
            first = self._walk(doc, when, home_country, dated=True, reading=reading,
                               window=window)
        holders = {(m.actor.role, m.actor.country): m.actor for m in first
                   if m.actor.kind == "person" and m.actor.name and m.actor.role
                   and m.actor.country}
        # With no office holder to prefer, the read below is `first` again (same date, state
        # and memory; a walk decides from those and the parse alone): not walked twice.
        return _with_full_names(doc, partial(self._walk, doc, when or OPEN_END, home_country,
                                             dated=when is not None, holders=holders,
                                             reading=reading, window=window),
                                None if holders else first)

    def _walk(self, doc: Doc, when: dt.date, home_country: str | None, *, dated: bool,
              reading: _Reading, holders: dict[tuple[str, str], ActorRef] | None = None,
              full_names: dict[str, ActorRef] | None = None,
              first_names: dict[str, ActorRef] | None = None,
              window: tuple[dt.date, dt.date] | None = None) -> list[Mention]:
        """Read the article left to right at `when` (undated: offices name no holder)."""
        article = _Article(doc=doc, reading=reading,
                           memory=ArticleMemory(self._genders, self._pronouns,
                                                hits=reading.hits),
                           when=when, dated=dated, home_country=home_country, window=window)
        article.memory.office_holders.update(holders or {})
        article.memory.full_names.update(full_names or {})
        article.memory.first_names.update(first_names or {})
        mentions: list[Mention] = []
        starts = reading.starts
        at = 0  # the next of ``starts`` to read
        while at < len(starts):
            i = starts[at]
            start, end, ref = self._actor_at(article, i)
            if ref is not None:
                mention = self._mention(doc, start, end, ref, mentions)
                article.memory.remember(doc, start, mention.actor)
                self._resolve.remember_post(doc, article.reading.hits,
                                            article.reading.phrases.get(start),
                                            mention.actor, article.memory)
                mentions.append(self._at_act_year(article, mention))
                end = mention.token_end
            at = bisect_left(starts, max(end, i + 1), at + 1)
        placed = appositive_countries(doc, mentions, self.words.topic_prepositions)
        found = affiliations(doc, placed, self.words.job_nouns)
        known = self._by_name.__contains__
        found = staff_of_principals(doc, found, self.words, self._genders.get, known)
        found = owned_posts(doc, found, self.words.job_nouns, self.words.owner_sectors,
                            home_country, known)
        found = spokespeople_of_bodies(doc, found, self.words.body_voice_nouns,
                                       self.words.owner_sectors, home_country)
        found = offices_of_bodies(doc, found, self.words.body_office_posts,
                                  self.words.body_office_nouns, home_country,
                                  partial(self._holds, when),
                                  self.words.private_body_sectors)
        found = appositive_callings(doc, found, self.kb.sectors,
                                    self.words.singular_person_nouns, home_country, known)
        places = Places(partial(_state_word, reading.hits),
                        partial(place_state, local_places(), home_country))
        setting = home_country or story_setting(doc, found, places)
        found = callings_before_names(doc, found, self._callings, places, setting, known)
        found = nameless_callings(doc, found, self.words.callings, places)
        found = [self._undescribed_at_home(doc, m, home_country) for m in found]
        found = speakers_offices(doc, found, self._speech, partial(self._office, when, dated),
                                 self._one_state)
        if dated:  # no date window: offices name no holder, so no description binds one
            found = described_people(doc, found, self._descriptions, self._by_name, when)
            found = headline_posts(doc, found, self._descriptions, self._by_name, when)
            found = offices_then(doc, found, self._by_name, when, self._holder_then)
        found = place_post_offices(doc, found, PostWords(
            self.words.description_post_sectors, places.place_state,
            self.words.us_state_namesakes), self._resolve.offices.state)
        found = home_state_bodies(doc, found, self.words.home_bodies, home_country,
                                  self._resolve.offices.state)
        found = local_group_nouns(doc, found, self.words.local_group_nouns,
                                  partial(place_state, local_places(), home_country),
                                  self._resolve.offices.state, self.words.abroad_sectors)
        state_named = partial(_state_named, reading.hits)
        found = home_state_nouns(doc, found, self.words.home_nouns, self.words.home_noun_leave,
                                 home_country, self._resolve.offices.state, state_named)
        found = home_state_nouns(doc, found, self.words.home_group_nouns,
                                 self.words.home_group_leave, setting,
                                 self._resolve.offices.state, state_named,
                                 self.words.abroad_sectors)
        found = members_of_named_forces(doc, found, self.words.member_nouns)
        found = ranked_people(doc, found, rank_words(), RankContext(
            setting, places.state_at, known, partial(self._listed_person, reading.hits, when),
            self.words.name_suffixes))
        found = peoples_of_one_state(doc, found, self.words.ethnic_groups)
        found = units_of_federations(doc, found, self.words.federal_units, places.place_state)
        found = state_anaphors(doc, found, self._anaphors, self.words.state_place_words,
                               self._resolve.offices.state)
        found = titled_people(doc, found, self._titled, known)
        found = appositive_demonyms(doc, found, places, known)
        found = posts_at_places(doc, found, self.words.job_nouns, self.words.post_verbs,
                                places, known)
        found = appositive_governing_posts(doc, found, self._governing_posts, setting, known)
        found = surnames_in_setting(doc, found, self.words.honorifics, setting, known)
        found = namesakes_of_setting(doc, found, reading.hits, self.kb.people,
                                     self.words.honorifics, setting, when,
                                     partial(self._resolve.offices.person, when=when,
                                             phrase=None, role=None))
        found = state_bodies_named(doc, found, self.words.state_body_nouns, places.of_words,
                                   self._resolve.offices.state)
        found = bodies_with_descriptors(doc, found, self.words.body_descriptor_nouns)
        found = party_pairs(doc, found, reading.hits, self._party_state,
                            self._resolve.offices.state)
        found = things_named_after_people(doc, found, self.words.eponym_nouns)
        found = state_named_bodies(doc, found, self.words.organisation_name_nouns,
                                   self._descriptions.countries)
        found = named_in_phrases(doc, found, self._phrase_words, known)
        found = descriptions_after_names(doc, found, self._appositive_words, places, known)
        found = role_appositive_names(doc, found, self._role_nouns)
        found = us_states_before_posts(doc, found, self.words.us_state_namesakes,
                                       self.words.us_state_post_nouns,
                                       self._resolve.offices.state)
        found = own_side_groups(doc, found, self.words, self._resolve.offices.state)
        found = speakers_own_state_bodies(doc, found, self._own_state, setting,
                                          self._resolve.offices.state, places.of_words)
        return one_reading_per_person(found, known)

    def _holds(self, when: dt.date, name: str, role: str) -> bool:
        """Whether the known person `name` holds `role` on `when` (False for an unknown)."""
        person = self._by_name.get(name)
        return person is not None and any(t.role == role for t in person.terms_at(when))

    def _office(self, when: dt.date, dated: bool, role: str, state: str) -> ActorRef:
        """The holder of `role` in `state` on `when` (undated: the office, no person)."""
        offices = self._resolve.offices
        person = offices.holder(role, state, when, None) if dated else None
        if person is None:
            return ActorRef(name=None, country=state, sector="GOV", role=role, kind="person")
        return replace(offices.person(person, when, None, role), role=role)

    def _listed_person(self, hits: Hits, when: dt.date, start: int, end: int
                       ) -> ActorRef | None:
        """The known person whose name or listed alias (not a surname derived from the name)
        is the words [start, end) ("Col GADDAFI"), as on `when`; else None."""
        hit = hits.first(start, ("person",))
        if hit is None or hit.end != end or hit.extra == "derived":
            return None
        return self._resolve.offices.person(self.kb.people[int(hit.key)], when, None, None)

    def _party_state(self, name: str) -> str | None:
        """The state of the party `name` (an organisation of sector PTY), else None."""
        org = self.kb.organisations.get(name)
        return org.country if org is not None and org.sector == "PTY" else None

    def _one_state(self, name: str) -> str | None:
        """The one state a known person served in every office, else None."""
        person = self._by_name.get(name)
        states = {t.country for t in person.terms} if person is not None else set()
        return states.pop() if len(states) == 1 and None not in states else None

    def _undescribed_at_home(self, doc: Doc, mention: Mention,
                             home_country: str | None) -> Mention:
        """Someone we do not know, named in full with nothing said of them (no title,
        appositive, clause, employer or demonym: "Moazzam Begg said ..."), is of the story's
        own state, as a bare title is; a story with no home state leaves them stateless, and
        "Jane Doe, an Algerian lawyer" is not ours to place."""
        actor = mention.actor
        if home_country is None or actor.kind != "person" or actor.country or actor.sector \
                or " " not in (actor.name or "") or actor.name in self._by_name:
            return mention
        root = doc[mention.token_start:mention.token_end].root
        if any(c.dep_ in _DESCRIBING_DEPS for c in root.children):
            return mention
        return replace(mention, actor=replace(actor, country=home_country))

    def _holder_then(self, person: Person, then: dt.date, role: str) -> ActorRef:
        """A known person in a role they held on a past day ("then the secretary of state")."""
        return self._resolve.offices.person(person, then, None, role)

    def _at_act_year(self, article: _Article, mention: Mention) -> Mention:
        """A known person in the office of the year the sentence dates their act in
        ("secured by Margaret Thatcher in 1984": the prime minister then, not a former one);
        the article's later words still refer to the person of the story's day."""
        actor = mention.actor
        person = self._by_name.get(actor.name or "") if actor.kind == "person" else None
        then = act_year(article.doc, mention.token_start, mention.token_end, article.when) \
            if person is not None else None
        if person is None or then is None:
            return mention
        ref = self._resolve.offices.person(person, then, None, None)
        return replace(mention, actor=replace(ref, text=actor.text))

    def knows(self, text: str) -> bool:
        """Whether any name, title or word of the knowledge base occurs in ``text``: a
        tokenizer-only check, so callers can skip parsing text that names no one."""
        return bool(self._match(self.nlp.make_doc(text)))

    def resolve_text(self, text: str, *, when: dt.date | None,
                     home_country: str | None = None) -> ActorRef | None:
        """Parse a short context and return its first actor (for tests and the API).

        Args:
            text: a sentence or two.
            when: the date to resolve roles at.
            home_country: ISO3 of the story's country, for bare titles.

        Returns:
            The first actor mentioned, or None.
        """
        key = (text, when, home_country)
        if key not in self._resolved:  # a text's actor depends on these three alone
            if len(self._resolved) >= RESOLVED_LIMIT:
                self._resolved.clear()
            mentions = self.find_mentions(self.nlp(text), when=when, home_country=home_country)
            self._resolved[key] = mentions[0].actor if mentions else None
        return self._resolved[key]

    # ------------------------------------------------------------------ one article
    def _reading(self, doc: Doc) -> _Reading:
        ent_end = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        reading = _Reading(hits=self._match(doc),
                           person_ents={e.start: e for e in doc.ents if e.label_ == "PERSON"},
                           ent_end=ent_end, phrases={}, starts=[])
        reading.starts.extend(i for i in range(len(doc))
                              if not self._names_no_one(doc, reading, i))
        return reading

    def _phrase_at(self, doc: Doc, reading: _Reading, i: int) -> MentionPhrase | None:
        """The phrase at token i (read once per article: it depends on the parse only)."""
        if i not in reading.phrases:
            reading.phrases[i] = self._phrases.read(doc, i, reading.hits, reading.person_ents)
        return reading.phrases[i]

    def _names_no_one(self, doc: Doc, reading: _Reading, i: int) -> bool:
        """Whether token i starts no mention whatever the walk's date, home state and memory:
        no phrase at it, no knowledge match within the words a single name may skip ("the
        independent ..."), and neither a capitalised word (a surname named before) nor a
        pronoun. Decided once per article (``_Reading.starts``): most tokens are such, and
        the walks (two to four an article) asked the single-name reader and the memory
        again at each; ``_actor_at`` finds no mention at such a token and changes nothing."""
        tokens = token_table(doc)
        return not tokens.is_title[i] and tokens.lower[i] not in self._pronouns \
            and not reading.hits.start_between(i, i + SINGLE_NAME_REACH) \
            and self._phrase_at(doc, reading, i) is None

    def _actor_at(self, article: _Article, i: int) -> tuple[int, int, ActorRef | None]:
        """(start, end, actor) of the mention at token i, one of ``_Reading.starts``; the
        actor is None when none is."""
        doc = article.doc
        when = article.when if article.dated else None
        party = self._party_adjectives.read(doc, i, article.reading.hits,
                                            article.home_country, when)
        if party is not None:  # "TORY plans", "the LIB DEM policies", "Conservative candidates"
            return party[1], party[2], party[0]
        phrase = self._phrase_at(doc, article.reading, i)
        if phrase is not None:
            ref = self._resolve.resolve(doc, phrase, article.memory, article.when,
                                        article.home_country, dated=article.dated,
                                        window=article.window)
            body = self._led_body(article, phrase.end, ref)
            if body is not None:  # "the Obama administration", "Putin's government"
                return phrase.start, body.end, self._resolve.offices.state(ref.country,
                                                                           body.key)
            return phrase.start, phrase.end, ref
        single = self._single.read(doc, i, article.reading.hits, article.reading.ent_end, when)
        if single is not None:
            named = self._surname_of_named(article, i, *single)
            return (i, i + 1, named) if named is not None else (i, single[1], single[0])
        memory = article.memory
        return i, i + 1, (memory.surname(doc, i)
                          or first_name_antecedent(doc, i, memory.named, memory.first_names)
                          or memory.pronoun(doc, i))

    @staticmethod
    def _surname_of_named(article: _Article, i: int, ref: ActorRef,
                          end: int) -> ActorRef | None:
        """ "Monaco said" after "Lisa O. Monaco": a state's one-word name that is the surname
        of someone the article named in full before is that person where it is a subject;
        the state's name stays the state everywhere else ("talks with Monaco")."""
        doc = article.doc
        tokens = token_table(doc)
        if ref.kind != "state" or end != i + 1 or tokens.dep[i] not in ("nsubj", "nsubjpass"):
            return None
        return article.memory.surnames.get(tokens.text[i])

    def _led_body(self, article: _Article, end: int, ref: ActorRef | None) -> Hit | None:
        """The body noun after a known leader's name ("the Obama ADMINISTRATION", "President
        Bush's GOVERNMENT"): the leader's state in that sector, not the person; a noun for
        one person ("Obama's spokesman") is no body."""
        if ref is None or ref.kind != "person" or ref.name not in self._by_name \
                or ref.country is None or end >= len(article.doc):
            return None
        doc = article.doc
        at = end + 1 if doc[end].tag_ == "POS" and end + 1 < len(doc) else end
        body = article.reading.hits.first(at, ("sector",))
        if body is None or doc[body.start:body.end].text.lower() \
                in self.words.singular_person_nouns:
            return None
        return body

    @staticmethod
    def _mention(doc: Doc, start: int, end: int, ref: ActorRef,
                 mentions: list[Mention]) -> Mention:
        """The mention of tokens [start, end), with the words and context it gives `ref`."""
        if end - start > 1 and token_table(doc).tag[end - 1] == "POS":
            end -= 1  # "Saddam Hussein's proposal": the actor is the man, not "'s"
        span = doc[start:end]
        # The words sliced from the article's text (read once): ``Span.text`` joins tokens.
        ref = replace(ref, text=doc_text(doc)[span.start_char:span.end_char])
        if ref.kind == "person" and ref.name and ref.name.endswith(("'s", "’s")):
            ref = replace(ref, name=ref.name[:-2])
        if ref.country is None and ref.kind == "person":
            ref = replace(ref, country=possessor_country(span, mentions))
        return Mention(start=span.start_char, end=span.end_char, token_start=start,
                       token_end=end, actor=ref)


def _state_named(hits: Hits, i: int) -> str | None:
    """ISO3 of the state whose name or capital starts at token i ("in NEPAL", "in KABUL")."""
    hit = hits.first(i, ("country", "metonym"))
    return hit.key if hit is not None else None


def _state_word(hits: Hits, i: int) -> str | None:
    """ISO3 of the state whose name, demonym or capital starts at token i ("AMERICAN
    lawyer", "of HAVANA")."""
    hit = hits.first(i, ("country", "adj", "metonym"))
    return hit.key if hit is not None else None


def _with_full_names(doc: Doc, read: Callable[..., list[Mention]],
                     mentions: list[Mention] | None = None) -> list[Mention]:
    """Read the article (unless `mentions` are its read already); where a surname alone
    named someone other than the one person the article names in full with it ("Howard
    attacks cost of asylum Michael Howard has ..."), read it again with that full name as
    every bare surname's antecedent, before any namesake the knowledge base holds; where a
    bare first name was left to no one and the article writes one person in full with it
    ("Hillary's campaign ... Hillary Clinton"), read it again with that person as its
    antecedent (rule `first-name-antecedent`, first_names.py). Most articles are read once."""
    mentions = read() if mentions is None else mentions
    full = _full_names(mentions)
    first = first_names_in_full(doc, mentions)  # "Hillary's ... Hillary Clinton"
    if first or any(_misread_surname(m.actor, full) for m in mentions):
        return read(full_names=full, first_names=first)
    return mentions


def _full_names(mentions: Sequence[Mention]) -> dict[str, ActorRef]:
    """Surname -> the person the article writes in full with it, where only one is."""
    found: dict[str, dict[str, ActorRef]] = {}
    for m in mentions:
        actor = m.actor
        if actor.kind == "person" and actor.name and " " in actor.name \
                and actor.name in (actor.text or ""):
            found.setdefault(actor.name.split()[-1], {})[actor.name] = actor
    return {surname: next(iter(people.values())) for surname, people in found.items()
            if len(people) == 1}


def _misread_surname(actor: ActorRef, full: dict[str, ActorRef]) -> bool:
    """A mention without the full name whose surname the article gives someone else."""
    if actor.kind != "person" or not actor.text:
        return False
    words = actor.text.replace("'s", "").replace("’s", "").split()
    return any(surname in words and named.name != actor.name and named.name not in actor.text
               for surname, named in full.items())


def _state_words(kb: KnowledgeBase) -> dict[str, str]:
    """Lower-case names, aliases and adjectives of states -> ISO3 ("u.s." -> USA): a state
    an epithet names ("the U.S. presidential candidate")."""
    return {word.lower(): country.code for country in kb.countries.values()
            for word in (country.name, *country.aliases, *country.adjectives)}
