"""Resolving a ``MentionPhrase`` against the knowledge base at the article's date.

A phrase names a known person ("Prime Minister Mark Carney"), an unknown one ("Canadian
journalist Jane Doe"), a sector of a state ("Russian troops"), a counterpart, or the holder
of an office ("Russia's defence minister" -> the minister on that day). Bare titles ("the
prime minister") use earlier mentions, then the article's home country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from diplograph.coding.actors.backrefs import PostMatcher, post_of, refers_back
from diplograph.coding.actors.coref import ArticleMemory, counterpart
from diplograph.coding.actors.dated_posts import DatedPosts
from diplograph.coding.actors.first_names import named_with_first_name
from diplograph.coding.actors.mention import Hits, MentionPhrase
from diplograph.coding.actors.offices import Offices, plain_name
from diplograph.coding.token_table import sentence_bounds
from diplograph.knowledge.base import UNDATED_START, Person, Term
from diplograph.records import ActorRef


def _office_only(ref: ActorRef) -> ActorRef:
    """The office a role description names, without the holder of some other day."""
    if ref.kind != "person" or ref.name is None:
        return ref
    return replace(ref, name=None, wikidata=None)


def _shared_country(people: Sequence[Person]) -> str | None:
    """The one state every candidate served ("President Bush": either Bush, the USA), else None."""
    countries = {t.country for p in people for t in p.terms}
    return next(iter(countries)) if len(countries) == 1 and None not in countries else None


# Articles that make a title one of its kind, not the office's one holder ("A spokesman").
_INDEFINITE = frozenset({"a", "an"})


def _dated(term: Term) -> bool:
    """A term with a real start: an imported one without dates is no evidence of when."""
    return term.sector is None or term.start != UNDATED_START


def _fits_date(person: Person, when: dt.date, years: int) -> bool:
    """A term of the person within `years` before the story's date (or a year after)."""
    lo, hi = dt.date(when.year - years, 1, 1), dt.date(when.year + 1, 12, 31)
    return any(_dated(t) and t.start <= hi and (t.end is None or t.end >= lo)
               for t in person.terms)


def _fits_country(person: Person, countries: set[str]) -> bool:
    """A term of the person in one of these states or organisations."""
    return any(t.country in countries or t.org in countries for t in person.terms)


def _held_title(person: Person, role: str, country: str | None,
                when: dt.date | None) -> bool:
    """A term in the office a title names (in the phrase's state, if any) at the story's
    date, within two years, or ever (`when` None): "President Bush" is never Jeb Bush, a
    governor, whose namesakes were presidents."""
    terms = [t for t in person.terms if t.role == role and country in (None, t.country)]
    if when is None:
        return bool(terms)
    lo, hi = dt.date(when.year - 2, 1, 1), dt.date(when.year + 1, 12, 31)
    return any(_dated(t) and t.start <= hi and (t.end is None or t.end >= lo) for t in terms)


def _leads_a_state(person: Person, when: dt.date) -> bool:
    """Head of state or government on the day."""
    return any(_dated(t) and t.active(when) and t.role in ("head of state", "head of government")
               for t in person.terms)


def _pick_person(phrase: MentionPhrase, memory: ArticleMemory, when: dt.date,
                 role: str | None, home_country: str | None, dated: bool) -> Person | None:
    """Rank the known people a name may mean on the evidence of the text: named earlier,
    in the office the title names on that day, the phrase's state, the story's states and
    date. A bare surname binds only to someone whose state and term fit the story; people
    who share a full name are told apart by date and state.
    """
    candidates = list({id(p): p for p in phrase.candidates}.values())
    story = {phrase.country} if phrase.country else (
        set(memory.countries) | ({home_country} if home_country else set()))
    earlier = memory.names()

    def held_title(p: Person) -> bool:
        return role is not None and _held_title(p, role, phrase.country, when if dated else None)

    def in_office(p: Person) -> bool:
        return any(_dated(t) and t.active(when) and phrase.country in (None, t.country)
                   and role in (None, t.role) for t in p.terms)

    def titled(p: Person) -> bool:
        # An office of the title's kind then, or ever for one the article named before
        # ("President Bush" in 2016 after "George W. Bush"); an imported office names no role.
        return role is None or held_title(p) or any(
            t.sector and _dated(t) and t.active(when) for t in p.terms) or (
            p.name in earlier and _held_title(p, role, phrase.country, None))

    if " " not in (phrase.person_text or "").strip():
        # "Clarke" alone: only a bearer in office that day, or whose state and term fit the
        # story; "President Wilson", only one who held that office then, even if named
        # before ("Bush" the governor is not "President Bush"). Rule `surname-no-namesake`:
        # "Mr Smith" in a Kent story, no Smith named before, is a Smith of the story's
        # states, never a namesake in office abroad (an Australian minister Smith); only a
        # head of state or government of the day is known by surname alone abroad ("Mr
        # Bush" in a British story; so "Mrs Clark" in 2005 is still New Zealand's). A
        # surname with no courtesy title ("Lavrov met Blinken") keeps any holder of the day.
        def of_story(p: Person) -> bool:
            return not phrase.honorific or role is not None or not story \
                or _fits_country(p, story) or _leads_a_state(p, when)

        candidates = [p for p in candidates if titled(p) and (
            p.name in earlier or (of_story(p) and (in_office(p) or _fits_date(p, when, 3))))]
    elif any(titled(p) for p in candidates):  # a full name: its bearer in that office
        candidates = [p for p in candidates if titled(p)]

    tests = (
        lambda p: p.name in earlier,
        in_office,
        held_title,
        lambda p: bool(story) and _fits_country(p, story) and _fits_date(p, when, 3),
        # "Bush" in 2004, with a president and a governor of that name in office: the head
        # of state or government, as a reader takes it (after the story's own states, so
        # that "Howard" in a British story stays the Tory leader, not Australia's PM).
        lambda p: _leads_a_state(p, when),
        lambda p: _fits_date(p, when, 3),
        lambda p: phrase.country is not None and _fits_country(p, {phrase.country}),
        lambda p: p.source is None,  # a verified entry before an imported namesake
    )
    for test in tests:
        kept = [p for p in candidates if test(p)]
        if len(kept) == 1:
            return kept[0]
        if kept:
            candidates = kept
    return candidates[0] if len(candidates) == 1 else None


def _too_early(person: Person, phrase: MentionPhrase, when: dt.date) -> bool:
    """A bare surname years before the person's first office names someone else."""
    if phrase.head is not None or " " in (phrase.person_text or " ") or not person.terms:
        return False
    first = min(t.start for t in person.terms)
    return when < first.replace(year=first.year - 3)


def _previous_sentence(doc: Doc, i: int) -> int:
    """The first token of the sentence before token i's (its own, for the first sentence)."""
    if not doc.has_annotation("SENT_START"):
        return 0
    start = sentence_bounds(doc, i)[0]
    return sentence_bounds(doc, start - 1)[0] if start > 0 else start


class PhraseResolver:
    """Turns phrases into actors at a date; build once per process."""

    def __init__(self, offices: Offices) -> None:
        self.offices = offices
        self.kb = offices.kb
        self._by_name = {p.name: p for p in self.kb.people}
        words = offices.words
        self._posts = PostMatcher(words.official_opposition, words.party_voice_titles,
                                  words.governing_parties)
        self._dated = DatedPosts(offices)

    def _is_party(self, org: str) -> bool:
        found = self.kb.organisations.get(org)
        return found is not None and found.sector == "PTY"

    def remember_post(self, doc: Doc, hits: Hits, phrase: MentionPhrase | None,
                      actor: ActorRef, memory: ArticleMemory) -> None:
        """Note the post a named person's phrase gives them ("Shadow foreign secretary
        Michael Ancram"), for the titled descriptions that refer back to them."""
        if phrase is None or phrase.person_text is None or actor.kind != "person" \
                or not actor.name:
            return
        post = post_of(doc, phrase, hits, self._is_party)
        if post is not None:
            memory.posts.append((post, actor))

    def _named_with_post(self, doc: Doc, phrase: MentionPhrase, memory: ArticleMemory,
                         when: dt.date, home_country: str | None) -> ActorRef | None:
        """Rule `titled-back-reference` (coding/actors/backrefs.py): "The Tory spokesman"
        after "Shadow foreign secretary Michael Ancram" is Ancram."""
        hits = memory.hits
        if not memory.posts or hits is None or not refers_back(doc, phrase, hits,
                                                                  self._is_party):
            return None
        post = post_of(doc, phrase, hits, self._is_party)
        return self._posts.antecedent(memory.posts, post, when, home_country) if post else None

    def resolve(self, doc: Doc, phrase: MentionPhrase, memory: ArticleMemory, when: dt.date,
                home_country: str | None, *, dated: bool = True,
                window: tuple[dt.date, dt.date] | None = None) -> ActorRef | None:
        """The actor a phrase names on `when`, or None when it names nothing political.

        Args:
            doc: the parsed article.
            phrase: the phrase read at some token.
            memory: the article's mentions so far, for bare titles and counterparts.
            when: the article's date.
            home_country: ISO3 of the story's country, for bare titles.
            dated: False when the story's date is unknown: a role description then names
                the office (state, sector, role) and no person, never today's holder.
            window: an undated story's inferred window (`when` is its middle): an office
                that changed hands within it names no holder (rule `window-holder`).
        """
        if phrase.person is not None:
            return self._known_person(phrase, memory, when, home_country, dated)
        if phrase.person_text is not None:
            return self._unknown_person(phrase, memory, home_country, when, dated)
        earlier = self._named_with_post(doc, phrase, memory, when, home_country)
        if earlier is not None:
            return earlier
        head = phrase.head
        assert head is not None  # the reader returns no phrase without a head or a name
        if head.kind == "sector":
            envoy = self._dated.ambassador(doc, phrase, memory.hits, home_country, when)
            if envoy is not None:  # rule `ambassador-to` (dated_posts.py)
                return envoy if dated else _office_only(envoy)
            return self._sector_ref(doc, phrase)
        if head.kind == "counterpart":
            ref = counterpart(phrase, memory, when, self.offices)
            return ref if dated or ref is None else _office_only(ref)
        role = self.offices.title_role(head, phrase, home_country)
        if role is None:
            return None
        if phrase.party and role == "spokesperson" and not phrase.shadow:
            # "The Tory spokesman": the party's, not the state's (a named one is who he is).
            return ActorRef(name=None, country=phrase.country, sector="PTY", kind="person")
        where = phrase.country or phrase.org or self.offices.implied_country(head) \
            or home_country
        told = self._dated.holder(doc, phrase, role, where, when)
        if told is not None:  # rules `ordinal-office`, `late-holder` (dated_posts.py)
            return told if dated else _office_only(told)
        ref = self._role_holder(role, phrase, memory, when, home_country,
                                _previous_sentence(doc, phrase.start))
        ref = self._post_in_words(doc, phrase, role, ref, when)
        if window is not None and not self._held_through(ref, phrase, window, memory):
            return _office_only(ref) if ref is not None else None
        if ref is not None and doc[phrase.start].lower_ in _INDEFINITE:
            return _office_only(ref)  # "a spokesman said": one of the office, not its holder
        if ref is None or dated or ref in memory.named() \
                or ref in memory.office_holders.values():
            return ref
        return _office_only(ref)

    def _held_through(self, ref: ActorRef | None, phrase: MentionPhrase,
                      window: tuple[dt.date, dt.date], memory: ArticleMemory) -> bool:
        """Rule `window-holder` (dated17): whether the holder a role description names held
        the office on the first and the last day of an undated story's window ("In 2005 the
        pope ...": John Paul II, then Benedict XVI: neither). A holder the article names is
        the one it means, also where it names him only after the description (a headline's
        "PM apology ... Tony Blair has apologised": the office holders of the article's read)."""
        if ref is None or ref.name is None or ref.role is None or ref in memory.named() \
                or ref in memory.office_holders.values():
            return True
        where = phrase.org or ref.country
        title = phrase.head.extra if phrase.head else None
        if where is None:
            return True
        first, last = (self.offices.holder(ref.role, where, day, title) for day in window)
        if first is None and last is None:
            return True  # a post the holder lookup does not reach by role: nothing to compare
        return first is not None and last is not None and first.name == last.name == ref.name

    def _post_in_words(self, doc: Doc, phrase: MentionPhrase, role: str,
                       ref: ActorRef | None, when: dt.date) -> ActorRef | None:
        """Rules `nation-post`, `portfolio-post` (dated_posts.py): an office the holder
        rules left unnamed ("the first minister" told MSPs, "the EU's competition
        commissioner") whose holder the words around the title pick."""
        if ref is None or ref.kind != "person" or ref.name is not None or phrase.former \
                or phrase.shadow or phrase.plural:
            return ref
        where = phrase.org or ref.country
        person = self._dated.titled_post(doc, phrase, role, where, when) if where else None
        if person is None:
            return ref
        return replace(self.offices.person(person, when, None, role), role=role)

    # ------------------------------------------------------------------ named people
    def _known_person(self, phrase: MentionPhrase, memory: ArticleMemory,
                      when: dt.date, home_country: str | None, dated: bool) -> ActorRef:
        role = self.offices.title_role(phrase.head, phrase, home_country)
        text = phrase.person_text or ""
        if " " not in text.strip():  # "Mr Clarke" after "Charles Clarke": the one named before
            # "Jeb" after "Jeb Bush": rule `first-name-antecedent` (first_names.py)
            earlier = (memory.antecedent(text) or named_with_first_name(text, memory.named())
                       or memory.first_names.get(text))
            if earlier is not None and phrase.country in (None, earlier.country) \
                    and self._may_bear(earlier, role, phrase) \
                    and self._gender_fits(earlier, phrase.gender):
                return self._with_calling(earlier, phrase, home_country)
        person = _pick_person(phrase, memory, when, role, home_country, dated)
        if person is not None and _too_early(person, phrase, when):
            person = None  # "Morrison" in 2005 is not Scott Morrison
        if person is None:  # no known bearer fits the story: keep the words, guess no one
            # "President Reagan" with no date: the state every known bearer served; "Mr
            # Smith" with no bearer of the story's: someone of the story's own state.
            unplaced = phrase.honorific and role is None and " " not in text.strip()
            shared = home_country if unplaced else _shared_country(phrase.candidates)
            return ActorRef(name=text, country=phrase.country or shared, kind="person")
        ref = self.offices.person(person, when, phrase, role)
        if phrase.shadow:  # "Shadow foreign secretary Michael Ancram": the opposition's
            return replace(ref, country=ref.country or phrase.country or home_country,
                           sector="OPP", role=None)
        return ref

    def _with_calling(self, earlier: ActorRef, phrase: MentionPhrase,
                      home_country: str | None) -> ActorRef:
        """An unknown person named before, now with a calling before the surname ("Admiral
        Harris" after "Harry Harris"): the calling says what they are and, with no state
        named, that they are the story's own, as for "Judge Letitia Clark"."""
        if earlier.sector is not None or earlier.name in self._by_name \
                or phrase.head is None or phrase.head.kind != "sector":
            return earlier
        return replace(earlier, sector=phrase.head.key,
                       country=earlier.country or phrase.country or home_country)

    def _gender_fits(self, earlier: ActorRef, gender: str | None) -> bool:
        """Whether the person named before may be the one an honorific names: "Mrs. Clinton"
        after "Bill Clinton" is not him (an unknown gender fits)."""
        person = self._by_name.get(earlier.name or "")
        return gender is None or person is None or person.gender in (gender, None)

    def _may_bear(self, earlier: ActorRef, role: str | None, phrase: MentionPhrase) -> bool:
        """Whether the person named before may be the one a title names, having held that
        office at some time: "President Bush" after "Bush" the governor is not him. A
        person we do not know keeps the title."""
        person = self._by_name.get(earlier.name or "")
        return role is None or person is None or earlier.role == role \
            or _held_title(person, role, phrase.country, None)

    def _unknown_person(self, phrase: MentionPhrase, memory: ArticleMemory,
                        home_country: str | None, when: dt.date, dated: bool) -> ActorRef:
        """A person the knowledge base does not hold, with what the phrase says of them."""
        name = phrase.person_text or ""
        known = self.offices.same_name(name)
        if known:  # "George W Bush", "Sergey V. Lavrov": a known person's name, spelt otherwise
            return self._known_person(replace(phrase, candidates=known), memory, when,
                                      home_country, dated)
        known = memory.unknown(name)
        if known is not None and self._gender_fits(known, phrase.gender):
            ref = self._with_calling(known, phrase, home_country)
        else:
            sector, role = self._described_as(phrase, when)
            sector = self._party_leader_sector(phrase, sector, when)
            # "Foreign Secretary Jack Straw": a title only one state uses gives his state.
            country = phrase.country or (self.offices.implied_country(phrase.head)
                                         if phrase.head is not None and role else None)
            if phrase.org:
                country, sector, role = self._of_body(phrase, country, sector, role)
            ref = ActorRef(name=plain_name(name, self.offices.words.name_suffixes),
                           country=country, sector=sector, role=role, kind="person")
        if ref.country is None and not phrase.org and (phrase.shadow or (
                ref.role is not None and ref.sector == "GOV") or (
                phrase.head is not None and ref.sector is not None and ref is not known)):
            # "Vice Foreign Minister Sun Weidong" in a story from Beijing, "Judge Letitia
            # Clark", "Libertarian candidate Gary Johnson": an office or calling with no state
            # named is the story's own state, as for bare titles.
            ref = replace(ref, country=home_country)
        return ref

    def _of_body(self, phrase: MentionPhrase, country: str | None, sector: str | None,
                 role: str | None) -> tuple[str | None, str | None, str | None]:
        """(state, sector, role) of an unknown person titled after an organisation. Rule
        `officer-of-private-body` (sector28): a title after a body outside the state
        ("Planned Parenthood's president Mara Ellison", "the NAACP's president") is the
        body's office: its state and sector, no state role (no head of state)."""
        org = self.kb.organisations[phrase.org or ""]
        if phrase.head is not None and phrase.head.kind == "title" \
                and org.sector in self.offices.words.private_body_sectors:
            return country or org.country, org.sector, None
        if country is None:
            return org.country, sector or org.sector, role
        return country, sector, role

    def _party_leader_sector(self, phrase: MentionPhrase, sector: str | None,
                             when: dt.date) -> str | None:
        """Rule `party-leader` (actors16): "Conservative leader Kemi Badenoch", "Scottish
        Conservative leader David McLetchie", a person the knowledge does not hold as a
        party's leader, leads the official opposition (OPP) when that party is it on the day
        (`official_opposition`), else the party (PTY): which party governs is not in the
        knowledge, and the party's leader is no government post."""
        head = phrase.head
        party = phrase.party or phrase.org
        org = self.kb.organisations.get(party) if party else None
        if head is None or head.kind != "leader" or org is None or org.sector != "PTY" \
                or phrase.former or phrase.shadow:
            return sector
        return "OPP" if self._posts.opposition(org.country, when) == party else "PTY"

    def _party_voice_sector(self, phrase: MentionPhrase, when: dt.date) -> str:
        """Rule `party-portfolio`: a party's spokesperson for a subject ("Lib Dem TREASURY
        spokesman Vince Cable") sits on the opposition's front bench (OPP) when the party
        is out of government on the day (`governing_parties`); a bare "Tory spokesman Tim
        Yeo", the governing party's and a party of a state with no record are the party's."""
        org = self.kb.organisations.get(phrase.party or "")
        governs = self._posts.governs(org.country, org.name, when) if org else None
        return "OPP" if phrase.portfolio and governs is False else "PTY"

    def _described_as(self, phrase: MentionPhrase, when: dt.date
                      ) -> tuple[str | None, str | None]:
        """(sector, role) the head gives an unknown person: "journalist", "Vice-President"."""
        if phrase.former:
            return "ELI", None
        if phrase.shadow:
            return "OPP", None
        head = phrase.head
        if head is not None and head.kind == "sector":
            return head.key, None
        if head is not None and head.kind in ("title", "leader"):
            role = self.offices.title_role(head, phrase)
            if phrase.party and role == "spokesperson":
                return self._party_voice_sector(phrase, when), None
            return "GOV", role
        # "Tory Dominic Grieve": a politician named by party alone is the party's (PTY), as
        # "Labour officials" are; which party governs is not in the knowledge.
        return ("PTY" if phrase.party else None), None

    # ------------------------------------------------------------------ bodies and offices
    def _sector_ref(self, doc: Doc, phrase: MentionPhrase) -> ActorRef | None:
        """'Russian troops', 'NATO officials', 'a Canadian reporter'."""
        assert phrase.head is not None
        sector = phrase.head.key
        if phrase.former and sector == "GOV":
            sector = "ELI"
        single = (not phrase.plural and doc[phrase.head.start:phrase.head.end].text.lower()
                  in self.offices.words.singular_person_nouns)
        if phrase.org:
            org = self.kb.organisations[phrase.org]
            head_text = doc[phrase.head.start:phrase.head.end].text.lower()
            if org.sector == "PTY" and org.country \
                    and head_text in self.offices.words.governing_nouns:
                return self.offices.state(org.country, "GOV")  # "the Labour government"
            if single:  # "an NBC reporter": someone of the body we cannot name, not the body
                return ActorRef(name=None, country=org.country,
                                sector=org.sector if sector == "GOV" else sector, kind="person")
            return ActorRef(name=org.name, country=org.country,
                            sector=org.sector if sector == "GOV" else sector,
                            wikidata=org.wikidata, kind="organisation")
        if phrase.country is None:
            return None  # "their officials": whose is not ours to guess
        if single:  # "a Canadian reporter": someone we cannot name
            return ActorRef(name=None, country=phrase.country, sector=sector, kind="person")
        return self.offices.state(phrase.country, sector)

    def _former_holder(self, phrase: MentionPhrase, where: str | None) -> ActorRef:
        """Someone who held the post before, unnamed: a state's former official (ELI), or a
        body's former officer, of the body's state and sector ("a former DNC chairman" is a
        party man, not the committee; appos27)."""
        org = self.kb.organisations[phrase.org] if phrase.org else None
        if org is None or org.sector in (None, "IGO"):
            return ActorRef(name=None, country=None if phrase.org else where, sector="ELI",
                            role=None, kind="person")
        return ActorRef(name=None, country=org.country, sector=org.sector, role=None,
                        kind="person")

    def _role_holder(self, role: str, phrase: MentionPhrase, memory: ArticleMemory,
                     when: dt.date, home_country: str | None,
                     since: int = 0) -> ActorRef | None:
        """'Russia's defence minister', 'the prime minister': the office's holder that day."""
        if phrase.plural:  # "EU foreign ministers": the body, not one holder
            if phrase.org:
                return self.offices.org(phrase.org)
            return self.offices.state(phrase.country, "GOV") if phrase.country else None
        where = phrase.org or phrase.country
        if where is None and phrase.head is not None:
            where = self.offices.implied_country(phrase.head)
        if phrase.former and not phrase.country and not phrase.org:
            earlier = self._former_holder_named(role, where, memory, when)
            if earlier is not None:
                return earlier
        if where is None:
            earlier = self._earlier_titled(role, phrase, memory)
            if earlier is not None and not self._home_holder_first(
                    earlier, role, phrase, memory, when, home_country, since):
                return earlier
            where = home_country
        if where is None:
            if role not in ("head of state", "head of government"):
                return None  # "spokesman for Celltick": nothing political to say
            return ActorRef(name=None, country=None, sector="GOV", role=role, kind="person")
        if phrase.former:
            return self._former_holder(phrase, where)
        if phrase.shadow:  # "the shadow chancellor": the opposition, no government office
            return ActorRef(name=None, country=where, sector="OPP", role=None, kind="person")
        named = memory.named_holder(role, where)
        if named is not None:
            return named  # "the foreign secretary" with "Foreign Secretary Jack Straw"
        return self._holder_ref(role, where, phrase, when)

    def _earlier_titled(self, role: str, phrase: MentionPhrase,
                        memory: ArticleMemory) -> ActorRef | None:
        """'the chancellor' after 'Gordon Brown': the last person named in an office the
        title names in that person's own state (Britain's chancellor is its finance
        minister; Australia's prime minister is no chancellor)."""
        offices = self.offices.title_offices(phrase.head) or [(role, ())]
        for named in reversed(memory.named()):
            if named.name and any(named.role == r and (not states or named.country in states)
                                  for r, states in offices):
                return named
        return None

    def _home_holder_first(self, earlier: ActorRef, role: str, phrase: MentionPhrase,
                           memory: ArticleMemory, when: dt.date, home_country: str | None,
                           since: int) -> bool:
        """ "The president" in a US story, paragraphs after "Putin" or "Assad": the story's
        own holder of such an office that day, not a foreign holder named before but not in
        this sentence or the last (`since`: its first token), where he would be the topic.
        Where the story's own holder was named there too ("Mr. Obama ... to press Mr. Assad
        ... the president has deepened his resistance"), he is the one: a foreign holder
        the story's reader is meant to see is named with his state ("the Syrian president").
        """
        if home_country is None or earlier.country == home_country:
            return False
        title = phrase.head.extra if phrase.head else None
        home = self.offices.holder(role, home_country, when, title)
        if home is None:
            return False
        return not memory.named_since(earlier, since) or any(
            n.actor.name == home.name and n.sentence >= since for n in memory.people)

    def _former_holder_named(self, role: str, where: str | None, memory: ArticleMemory,
                             when: dt.date) -> ActorRef | None:
        """'the former president' after 'Jimmy Carter' in an Israeli story: the person the
        article named last who held the office before the story (in the state the title
        implies, if any), not a former holder of the story's own state."""
        for named in reversed(memory.named()):
            person = self._by_name.get(named.name or "")
            ended = [t for t in person.terms if t.role == role and t.end is not None
                     and t.end < when and where in (None, t.country)] if person else []
            if ended:
                return ActorRef(name=person.name, country=ended[-1].country, sector="ELI",
                                role=None, wikidata=person.wikidata, kind="person")
        return None

    def _holder_ref(self, role: str, where: str, phrase: MentionPhrase,
                    when: dt.date) -> ActorRef:
        """The holder of `role` in `where` (a state or organisation), or the office unnamed."""
        title = phrase.head.extra if phrase.head else None
        person = self.offices.holder(role, where, when, title)
        if person is not None:
            return replace(self.offices.person(person, when, None, role), role=role)
        country: str | None = where
        if title and not self.offices.title_fits_any(role, where, when, title):
            country = None  # "the president" in a Canadian story: not Canada's head of state
        if phrase.org:  # "CBI director general": a national body's own state and sector
            org = self.kb.organisations[phrase.org]
            return ActorRef(name=None, country=org.country,
                            sector=org.sector if org.country else "IGO", role=role,
                            kind="person")
        return ActorRef(name=None, country=country, sector="GOV", role=role, kind="person")
