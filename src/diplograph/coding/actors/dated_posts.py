"""Role descriptions whose holder at the story's date is told by words besides the title
(dated17, issue #15). The holders are the people files' dated terms; the words that name
the post are in ``data/actors/dated_posts.yaml``. Each rule gives a holder or nothing, and
nothing leaves the description to the office rules (the office, no person):

- ``ordinal-office``: "the 43rd president" of a state whose holders the knowledge holds from
  the first: the 43rd to take the office, in office or former at the story's date.
- ``late-holder``: "Syria's late president": the last holder of the office in that state who
  had died by the story's date ("late" says dead; "former" says only out of office).
- ``ambassador-to``: "the Russian ambassador" in a US story, "Russia's ambassador to the
  United States": the sending state's ambassador to the receiving state (named after "to",
  else the story's own state) at the story's date.
- ``nation-post``: "the first minister" told MSPs: the post of the one devolved nation the
  article names up to the end of the sentence; two nations named, no holder.
- ``portfolio-post``: "the EU's competition commissioner": the one holder whose title has
  every word between the organisation and the post.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Hits, MentionPhrase
from diplograph.coding.actors.offices import Offices
from diplograph.knowledge.base import Person
from diplograph.knowledge.yamldata import load_yaml_file
from diplograph.records import ActorRef

_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.IGNORECASE)
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})


@dataclass(frozen=True, slots=True)
class DatedPostWords:
    """The lists of ``dated_posts.yaml`` (see the file's comments)."""

    numbered_offices: frozenset[tuple[str, str]]  # (state, role)
    deceased_words: frozenset[str]
    ambassador_nouns: frozenset[str]
    ambassador_titles: dict[str, str]  # receiving state or organisation -> title
    nation_posts: dict[str, dict[str, tuple[str, ...]]]  # role -> title -> nation words
    portfolio_posts: frozenset[str]


@functools.lru_cache(maxsize=1)
def dated_post_words() -> DatedPostWords:
    """The packaged file, read once per process."""
    data = load_yaml_file(resources.files("diplograph") / "data" / "actors"
                          / "dated_posts.yaml") or {}
    return DatedPostWords(
        numbered_offices=frozenset((str(o["country"]), str(o["role"]))
                                   for o in data.get("numbered_offices") or ()),
        deceased_words=frozenset(str(w).lower() for w in data.get("deceased_words") or ()),
        ambassador_nouns=frozenset(str(w).lower() for w in data.get("ambassador_nouns") or ()),
        ambassador_titles={str(k): str(v) for k, v in
                           (data.get("ambassador_titles") or {}).items()},
        nation_posts={str(role): {str(t): tuple(str(w) for w in words)
                                  for t, words in titles.items()}
                      for role, titles in (data.get("nation_posts") or {}).items()},
        portfolio_posts=frozenset(str(w).lower() for w in data.get("portfolio_posts") or ()),
    )


def _words_before_head(doc: Doc, phrase: MentionPhrase) -> set[str]:
    """The lower-case words between the phrase's start and its head."""
    assert phrase.head is not None
    return {t.lower_ for t in doc[phrase.start:phrase.head.start]}


def _mentions_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


class DatedPosts:
    """The five rules over one knowledge base; build once per process."""

    def __init__(self, offices: Offices) -> None:
        self.offices = offices
        self.kb = offices.kb
        self.words = dated_post_words()

    def holder(self, doc: Doc, phrase: MentionPhrase, role: str | None, where: str | None,
               when: dt.date) -> ActorRef | None:
        """`ordinal-office` and `late-holder`: the holder an ordinal or "late" before the
        title names (`where`: the office's state), or None when neither applies."""
        if role is None or where is None or phrase.head is None or phrase.plural:
            return None
        ordinal = self._ordinal(doc, phrase)
        if ordinal is not None and (where, role) in self.words.numbered_offices:
            return self._nth_holder(ordinal, role, where, when)
        if phrase.former and self.words.deceased_words & _words_before_head(doc, phrase):
            return self._late_holder(role, where, when)
        return None

    def _ordinal(self, doc: Doc, phrase: MentionPhrase) -> int | None:
        """The number of "the 43rd president", in the phrase or just before it."""
        assert phrase.head is not None
        start = max(0, min(phrase.start, phrase.head.start) - 1)
        for token in doc[start:phrase.head.start]:
            found = _ORDINAL.match(token.text)
            if found:
                return int(found.group(1))
        return None

    def _nth_holder(self, n: int, role: str, where: str, when: dt.date) -> ActorRef:
        """The nth holder to take the office; the office, no person, when there is none yet."""
        terms = sorted(((t.start, p) for p in self.kb.holders.get((role, where), ())
                        for t in p.terms if t.role == role and t.country == where
                        and not t.acting), key=lambda item: item[0])
        order: list[Person] = []
        for _, person in terms:
            if not order or order[-1].name != person.name:  # a second term in a row: one
                order.append(person)
        if n < 1 or n > len(order) or min(t.start for t in order[n - 1].terms
                                           if t.role == role) > when:
            return ActorRef(name=None, country=where, sector="GOV", role=role, kind="person")
        return self.offices.person(order[n - 1], when, None, role)

    def _late_holder(self, role: str, where: str, when: dt.date) -> ActorRef | None:
        """The last holder of the office who had died by `when`, as a former official."""
        dead = [(t.end or when, p) for p in self.kb.holders.get((role, where), ())
                if p.died is not None and p.died <= when
                for t in p.terms if t.role == role and where in (t.country, t.org)]
        if not dead:
            return None
        person = max(dead, key=lambda item: item[0])[1]
        return ActorRef(name=person.name, country=where, sector="ELI", role=None,
                        wikidata=person.wikidata, kind="person")

    def ambassador(self, doc: Doc, phrase: MentionPhrase, hits: Hits | None,
                   home_country: str | None, when: dt.date) -> ActorRef | None:
        """`ambassador-to`: the sending state's ambassador to the state named after "to",
        else to the story's own state; None for a pair the knowledge does not hold."""
        head = phrase.head
        if head is None or phrase.plural or phrase.former or phrase.country is None \
                or doc[head.start:head.end].text.lower() not in self.words.ambassador_nouns:
            return None
        receiving = self._posted_to(doc, phrase.end, hits) or home_country
        title = self.words.ambassador_titles.get(receiving or "")
        if receiving == phrase.country or title is None:
            return None
        person = self.offices.titled_holder(title, phrase.country, when)
        if person is None:
            return None
        return replace(self.offices.person(person, when, None, None), role=None)

    def _posted_to(self, doc: Doc, end: int, hits: Hits | None) -> str | None:
        """The state or organisation named by "to (the) X" right after the phrase."""
        if hits is None or end >= len(doc) or doc[end].lower_ != "to":
            return None
        for i in (end + 1, end + 2):
            hit = hits.first(i, ("country", "org")) if i < len(doc) else None
            if hit is not None:
                return hit.key
            if i < len(doc) and doc[i].lower_ not in _DETERMINERS:
                return None
        return None

    def titled_post(self, doc: Doc, phrase: MentionPhrase, role: str, where: str,
                    when: dt.date) -> Person | None:
        """`nation-post` and `portfolio-post`: the holder of the post the title and the
        words around it name, or None."""
        titles = self.words.nation_posts.get(role)
        if titles:
            return self._nation_holder(doc, phrase, titles, where, when)
        head = phrase.head
        if head is not None and head.extra.lower() in self.words.portfolio_posts:
            return self._portfolio_holder(doc, phrase, where, when)
        return None

    def _nation_holder(self, doc: Doc, phrase: MentionPhrase,
                       titles: dict[str, tuple[str, ...]], where: str,
                       when: dt.date) -> Person | None:
        """The holder of the post of the one nation the article names up to here."""
        text = doc[:doc[phrase.start].sent.end].text if doc.has_annotation("SENT_START") \
            else doc.text
        named = [t for t, words in titles.items() if any(_mentions_word(text, w) for w in words)]
        return self.offices.titled_holder(named[0], where, when) if len(named) == 1 else None

    def _portfolio_holder(self, doc: Doc, phrase: MentionPhrase, where: str,
                          when: dt.date) -> Person | None:
        """The one holder of a post of `where` whose title has the words before the post."""
        assert phrase.head is not None
        # The portfolio's words are common nouns ("monetary affairs"); the organisation's
        # name or abbreviation before them is capitalised ("the EU's").
        words = {t.lower_ for t in doc[phrase.start:phrase.head.start]
                 if t.is_alpha and t.is_lower and t.lower_ not in _DETERMINERS}
        if not words:
            return None
        post = phrase.head.extra.lower()
        found = [p for p in self.kb.people for t in p.terms
                 if t.role == "other" and where in (t.country, t.org) and t.active(when)
                 and (t.title or "").lower().endswith(post)
                 and words <= set((t.title or "").lower().split())]
        return found[0] if len(found) == 1 else None
