"""The knowledge base at a date: who held an office, and the actor a known entry names.

Roles resolve at the article's date through the office holders' terms: "Russia's defence
minister" in March 2024 is Sergei Shoigu; "the prime minister" of Canada in 2016 is Justin
Trudeau, in 2025 Mark Carney (SPEC §3).
"""

from __future__ import annotations

import datetime as dt

from diplograph.coding.actors.mention import Hit, MentionPhrase
from diplograph.coding.actors.words import MentionWords
from diplograph.knowledge.base import OPEN_END, KnowledgeBase, Person, Term
from diplograph.records import ActorRef


def name_keys(text: str, suffixes: frozenset[str]) -> list[str]:
    """Keys a full name is looked up by: its words without points and suffixes, then also
    without initials ("George W. Bush" -> "george w bush", "george bush")."""
    text = text.strip().removesuffix("'s").removesuffix("’s")  # "George W Bush's policies"
    words = [w.strip(".,").lower() for w in text.replace(".", ". ").split()]
    words = [w for w in words if w and w not in {s.strip(".").lower() for s in suffixes}]
    bare = [w for w in words if len(w) > 1]
    keys = [" ".join(words)]
    if len(bare) >= 2 and bare != words:
        keys.append(" ".join(bare))
    return keys


def plain_name(text: str, suffixes: frozenset[str]) -> str:
    """A name as one person's canonical form: without middle initials and suffixes ("Andrew
    J. Tabler" -> "Andrew Tabler", "Joseph F. Dunford Jr." -> "Joseph Dunford"), so that every
    spelling of someone we do not know is one actor."""
    words = [w for w in text.split() if w not in suffixes and w.rstrip(",") not in suffixes]
    if len(words) < 3:
        return " ".join(words) or text
    middle = [w for w in words[1:-1] if len(w.rstrip(".")) > 1 or not w[0].isupper()]
    return " ".join([words[0], *middle, words[-1]])


class Offices:
    """Office holders, titles and the refs of states, organisations and known people."""

    def __init__(self, kb: KnowledgeBase, words: MentionWords) -> None:
        self.kb = kb
        self.words = words
        self._folded: dict[str, list[Person]] = {}
        for person in kb.people:
            keys = {k for text in (person.name, *person.aliases) if " " in text
                    for k in name_keys(text, words.name_suffixes)}
            for key in keys:
                self._folded.setdefault(key, []).append(person)
        # Title of an office of role `other` -> its holders, in the knowledge base's order:
        # ``titled_holder`` looked through every person for each title (9% of the actors'
        # CPU under cProfile on 150 BBC articles).
        self._other_titles: dict[str, list[Person]] = {}
        for person in kb.people:
            titles = {(t.title or "").lower() for t in person.terms if t.role == "other"}
            for title in titles:
                self._other_titles.setdefault(title, []).append(person)

    def same_name(self, text: str) -> tuple[Person, ...]:
        """The known people a full name means when spelt otherwise: without the points of
        its initials ("George W Bush"), or with a middle initial ("Sergey V. Lavrov"). The
        spelling with its initials is tried first, so that George W. Bush and George H. W.
        Bush stay apart; a name of one word is no full name."""
        if " " not in text.strip():
            return ()
        for key in name_keys(text, self.words.name_suffixes):
            if key in self._folded:
                return tuple(self._folded[key])
        return ()

    # ------------------------------------------------------------------ refs
    def state(self, code: str, sector: str | None) -> ActorRef:
        """A state (or one sector of it) as an actor."""
        country = self.kb.countries[code]
        return ActorRef(name=country.name, country=code, sector=sector, kind="state")

    def org(self, name: str, sector: str | None = None, *,
            when: dt.date | None = None) -> ActorRef:
        """An organisation as an actor, in its own sector on `when` (the Taliban: REB before
        2021-08-15, the de facto government of AFG after) unless `sector` is given."""
        org = self.kb.organisations[name]
        country, own = org.at(when)
        return ActorRef(name=org.name, country=country, sector=sector or own,
                        wikidata=org.wikidata, kind="organisation")

    def person(self, person: Person, when: dt.date, phrase: MentionPhrase | None,
               role: str | None) -> ActorRef:
        """A known person as mentioned on `when`: in the office the mention means, a former
        official (ELI), or with no role before taking office.

        Args:
            person: the person.
            when: the article's date.
            phrase: the phrase that named them (its country and "former"), if any.
            role: the role the phrase's title names, if any.
        """
        country = phrase.country if phrase else None
        term, current = self.term_for(person, when, role, country)
        if phrase is not None and phrase.former and current and term is not None \
                and term.role != role:
            return self._held_since(person, term)
        former = (phrase is not None and phrase.former) or (term is not None and not current
                                                               and term.start <= when)
        if term is None:
            return ActorRef(name=person.name, country=country, sector=None, role=None,
                            wikidata=person.wikidata, kind="person")
        if former:
            return ActorRef(name=person.name, country=term.country, sector="ELI", role=None,
                            wikidata=person.wikidata, kind="person")
        if not current and phrase is not None and role is not None:
            # "Prime Minister Tony Blair" before our data starts: the text says who he is.
            return ActorRef(name=person.name, country=phrase.country or term.country,
                            sector="GOV", role=role, wikidata=person.wikidata, kind="person")
        if not current:  # mentioned before taking office
            return ActorRef(name=person.name, country=term.country, sector=None, role=None,
                            wikidata=person.wikidata, kind="person")
        # An imported office names no role of ours: the title in the text says which.
        return ActorRef(name=person.name, country=term.country, sector=self._sector(term),
                        role=role if term.sector else term.role, wikidata=person.wikidata,
                        kind="person")

    def _held_since(self, person: Person, term: Term) -> ActorRef:
        """Rule `former-then-current` (ranks27): "Former foreign secretary Robin Cook" in 2004
        keeps his past title in the words, but acts in the office he holds that day (a
        backbench MP: LEG), not as a former official (ELI) nor in the past office."""
        return ActorRef(name=person.name, country=term.country, sector=self._sector(term),
                        role=None if term.sector else term.role, wikidata=person.wikidata,
                        kind="person")

    def _sector(self, term: Term) -> str:
        """The sector of an office: an imported term's own, its organisation's, a party's,
        else the government."""
        if term.sector:
            return term.sector
        if term.org and not term.country:
            org = self.kb.organisations.get(term.org)
            return org.sector if org else "IGO"
        return "PTY" if term.role == "party leader" else "GOV"

    # ------------------------------------------------------------------ titles and terms
    def title_role(self, head: Hit | None, phrase: MentionPhrase,
                   home_country: str | None = None) -> str | None:
        """The role a title names, given the modifier's country ("chancellor" is DEU/AUT only)."""
        if head is None:
            return None
        if head.kind == "leader":
            if phrase.org:
                return "head of organisation"
            if phrase.country:
                return self.kb.countries[phrase.country].leader_role
            return None
        if head.kind != "title":
            return None
        fitting = [t for t in self.kb.titles if t.text == head.extra and not (
            t.countries and phrase.country and phrase.country not in t.countries)]
        # A title that means another office in the story's own state ("the chancellor" in a
        # British story) names that one.
        where = phrase.country or home_country
        own = [t for t in fitting if where in t.countries]
        if own or fitting:
            return (own or fitting)[0].role
        return head.key

    def title_offices(self, head: Hit | None) -> list[tuple[str, tuple[str, ...]]]:
        """(role, states that use it; none: any) for each office a title word names."""
        if head is None or head.kind != "title":
            return []
        return [(t.role, t.countries) for t in self.kb.titles if t.text == head.extra]

    def implied_country(self, head: Hit) -> str | None:
        """'the Pentagon chief', 'the foreign secretary': titles only one state uses."""
        countries = {c for t in self.kb.titles if t.text == head.extra
                     for c in (t.countries or ("",))}
        return countries.pop() if len(countries) == 1 and "" not in countries else None

    def term_for(self, person: Person, when: dt.date, role: str | None,
                 country: str | None) -> tuple[Term | None, bool]:
        """The term that best explains a mention of `person` on `when`; bool = still in office."""
        priority = self.words.role_priority

        def rank(term: Term) -> tuple[int, int, int]:
            return (role is not None and term.role != role,
                    country is not None and country not in (term.country, term.org),
                    priority.index(term.role) if term.role in priority else 99)
        active = person.terms_at(when)
        if active:
            return sorted(active, key=rank)[0], True
        past = [t for t in person.terms if t.start <= when]
        if past:
            return max(past, key=lambda t: t.end or OPEN_END), False
        return (min(person.terms, key=lambda t: t.start) if person.terms else None), False

    # ------------------------------------------------------------------ holders
    def holder(self, role: str, where: str, when: dt.date, title: str | None) -> Person | None:
        """The holder of a role in a state or organisation on `when`; for `other` roles
        ("vice president") the one whose title matches."""
        if title and role != "other":
            person = self.titled_holder(title, where, when)
            if person is not None:
                return person
        person = self.kb.holder(role, where, when)
        if person is not None and title and not self._title_fits(person, role, where, when, title):
            return None  # "the president" in a Canadian story is not the King
        return person

    def titled_holder(self, title: str, where: str, when: dt.date) -> Person | None:
        """The holder of an office of role `other` known by this title ("vice president")."""
        low = title.lower()
        for person in self._other_titles.get(low, ()):
            if any(t.role == "other" and (t.title or "").lower() == low
                   and where in (t.country, t.org) and t.active(when) for t in person.terms):
                return person
        return None

    def title_fits_any(self, role: str, where: str, when: dt.date, title: str) -> bool:
        """Whether `title` can name the holder of `role` in `where` (a monarch's title a
        monarch only); True when nobody is known to hold it."""
        person = self.kb.holder(role, where, when)
        return person is None or self._title_fits(person, role, where, when, title)

    def _title_fits(self, person: Person, role: str, where: str, when: dt.date,
                    title: str) -> bool:
        monarchs = self.words.monarch_titles
        for term in person.terms:
            if term.role == role and where in (term.country, term.org) and term.active(when):
                held = (term.title or "").lower()
                if held and (title.lower() in monarchs) != (held in monarchs):
                    return False
        return True
