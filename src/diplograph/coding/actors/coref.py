"""Coreference within one article: the people named so far stand for later words.

Bare titles ("the prime minister") first look for an earlier holder of the role; a
surname alone ("Doe") is the unknown person named in full before; "he"/"she" is the one
person of that gender in this or the last sentence; "his French counterpart" holds the
office of the last person named, in another state. Countries left open are filled from
the phrase's context: a state that owns it or an appositive that qualifies it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from diplograph.coding.actors.backrefs import Post
from diplograph.coding.actors.mention import Hits, Mention, MentionPhrase, mentions_by_token
from diplograph.coding.actors.offices import Offices
from diplograph.coding.token_table import sentence_bounds, token_table
from diplograph.records import ActorRef


@dataclass(frozen=True, slots=True)
class _Named:
    """One person mentioned: where, as whom, and their gender if known."""

    sentence: int  # start token of the sentence
    actor: ActorRef
    gender: str | None


@dataclass(slots=True)
class ArticleMemory:
    """What an article said so far about people; one per article, filled in text order."""

    genders: Mapping[str, str | None]  # known person's name -> gender (m/f)
    pronouns: Mapping[str, str]  # subject pronoun -> gender
    people: list[_Named] = field(default_factory=list)
    unknown_names: dict[str, ActorRef] = field(default_factory=dict)  # surname -> full mention
    surnames: dict[str, ActorRef] = field(default_factory=dict)  # surname -> last full name
    # surname -> the one person the whole article names in full with it (a first reading)
    full_names: dict[str, ActorRef] = field(default_factory=dict)
    # first name -> the one person the whole article names in full with it (a first reading)
    first_names: dict[str, ActorRef] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)  # states the article has named so far
    # (role, state) -> the person the whole article names in it (read before an undated story)
    office_holders: dict[tuple[str, str], ActorRef] = field(default_factory=dict)
    # the posts people were named with, in text order (rule `titled-back-reference`)
    posts: list[tuple[Post, ActorRef]] = field(default_factory=list)
    hits: Hits | None = None  # the article's knowledge matches, where the post's words end

    def remember(self, doc: Doc, start: int, ref: ActorRef) -> None:
        """Note a mention starting at token `start`, if it is a person we can refer back to."""
        if ref.country:
            self.countries.add(ref.country)
        if ref.kind != "person" or not (ref.name or ref.role):
            return
        sentence = sentence_bounds(doc, start)[0] if doc.has_annotation("SENT_START") else 0
        self.people.append(_Named(sentence, ref, self.genders.get(ref.name or "")))
        if ref.name and not ref.wikidata and " " in ref.name:
            self.unknown_names.setdefault(ref.name.split()[-1], ref)
        if ref.name and " " in ref.name:
            self.surnames[ref.name.split()[-1]] = ref

    def antecedent(self, surname: str) -> ActorRef | None:
        """The person this article last named in full with this surname ("Mr Clarke" after
        "Charles Clarke"), known to the knowledge base or not; else the one person the
        article names in full with it further on ("Howard attacks ... Michael Howard has")."""
        return self.surnames.get(surname) or self.full_names.get(surname)

    def named(self) -> list[ActorRef]:
        """The people mentioned so far, as resolved."""
        return [n.actor for n in self.people]

    def names(self) -> set[str | None]:
        """The names of the people mentioned so far."""
        return {named.actor.name for named in self.people}

    def unknown(self, name: str) -> ActorRef | None:
        """The unknown person whose surname (or full name) this is, if named earlier."""
        return self.unknown_names.get(name)

    def named_holder(self, role: str, country: str) -> ActorRef | None:
        """The person the article names in `role` of `country`, before or after this point."""
        for named in reversed(self.people):
            if named.actor.role == role and named.actor.name and named.actor.country == country:
                return named.actor
        return self.office_holders.get((role, country))

    def named_since(self, actor: ActorRef, sentence: int) -> bool:
        """Whether `actor` was named in the sentence starting at token `sentence` or after."""
        return any(n.actor == actor and n.sentence >= sentence for n in self.people)

    def last_in_office(self) -> ActorRef | None:
        """The last person mentioned with a role, the anchor of "his counterpart"."""
        return next((n.actor for n in reversed(self.people) if n.actor.role), None)

    def surname(self, doc: Doc, i: int) -> ActorRef | None:
        """'Doe' after 'Canadian journalist Jane Doe': the unknown person named before."""
        tokens = token_table(doc)
        known = self.unknown(tokens.text[i])
        return known if known is not None and tokens.is_title[i] else None

    def pronoun(self, doc: Doc, i: int) -> ActorRef | None:
        """'he'/'she' as a subject: the one person of that gender named in this or the last
        sentence; None when there are several."""
        tokens = token_table(doc)
        gender = self.pronouns.get(tokens.lower[i])
        if gender is None or tokens.dep[i] not in ("nsubj", "nsubjpass") \
                or not doc.has_annotation("SENT_START"):
            return None
        start = sentence_bounds(doc, i)[0]
        prev_start = sentence_bounds(doc, start - 1)[0] if start > 0 else start
        candidates = {n.actor.name: n.actor for n in self.people
                      if n.actor.name and n.sentence >= prev_start and n.gender in (gender, None)}
        if len(candidates) != 1:
            return None
        return next(iter(candidates.values()))


def counterpart(phrase: MentionPhrase, memory: ArticleMemory, when: dt.date,
                offices: Offices) -> ActorRef | None:
    """'his French counterpart': the same office as the last person named, in another state;
    'his EU counterparts': the organisation."""
    anchor = memory.last_in_office()
    if phrase.country is None:
        if phrase.plural:
            # "his EU counterparts" are the body's ministers, as "EU foreign ministers" are
            # the body (issue #16, senses18); "his counterparts" name no one.
            return offices.org(phrase.org) if phrase.org else None
        return ActorRef(name=None, country=None, sector="GOV",
                        role=anchor.role if anchor else None, kind="person")
    if phrase.plural:
        return offices.state(phrase.country, "GOV")
    if anchor is None or anchor.role is None:
        return ActorRef(name=None, country=phrase.country, sector="GOV", role=None, kind="person")
    person = offices.kb.holder(anchor.role, phrase.country, when)
    if person is None:
        return ActorRef(name=None, country=phrase.country, sector="GOV", role=anchor.role,
                        kind="person")
    return replace(offices.person(person, when, None, anchor.role), role=anchor.role)


def appositive_countries(doc: Doc, mentions: list[Mention],
                         topic_prepositions: frozenset[str] = frozenset()) -> list[Mention]:
    """ "Salaheddine Sidhoum, ALGERIA's leading activist": an unknown person takes the
    country their appositive gives (a state owning or qualifying it), inferred from the
    text, not guessed; "Sir Digby Jones, CBI director general": an appositive that is
    itself an unnamed office gives its state and sector. A state named as the topic of the
    appositive ("an adviser ON SYRIA", `topic_prepositions`) is not theirs."""
    by_token = mentions_by_token(mentions)
    out = []
    for m in mentions:
        actor = m.actor
        if actor.kind == "person" and (actor.country is None or actor.sector is None):
            root = doc[m.token_start:m.token_end].root
            appos = [c for c in root.children if c.dep_ == "appos"]
            office = _appositive_office(appos, by_token, m)
            if office is not None:
                actor = replace(actor, country=actor.country or office.country,
                                sector=actor.sector or office.sector)
            found = {by_token[t.i].actor.country for c in appos
                     for t in c.subtree if t.i in by_token and by_token[t.i] is not m
                     and by_token[t.i].actor.country
                     and not _under_topic(t, c, topic_prepositions)}
            if actor.country is None and len(found) == 1:
                actor = replace(actor, country=found.pop())
            m = replace(m, actor=actor)
        out.append(m)
    return out


def _under_topic(token: Token, top: Token, topic_prepositions: frozenset[str]) -> bool:
    """Whether `token` hangs, below `top`, from a preposition of a topic ("adviser ON
    Syria")."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in topic_prepositions:
            return True
        token = token.head
    return False


def _appositive_office(appos: list, by_token: dict[int, Mention], m: Mention) -> ActorRef | None:
    """The unnamed office or body an appositive's head word names ("CBI director general")."""
    for head in appos:
        other = by_token.get(head.i)
        if other is not None and other is not m and other.actor.name is None \
                and other.actor.kind == "person" and other.actor.sector:
            return other.actor
    return None


def possessor_country(span: Span, mentions: list[Mention]) -> str | None:
    """ "IRAN's religious leader Ayatollah Khomeini": a state that owns the phrase
    gives an unknown person their country (inferred from context, not guessed)."""
    owners = [c for t in span for c in t.children if c.dep_ == "poss" and c.i < span.start]
    for owner in owners:
        for m in mentions:
            if m.token_start <= owner.i < m.token_end and m.actor.kind == "state":
                return m.actor.country
    return None


def one_reading_per_person(mentions: list[Mention],
                           known: Callable[[str], bool]) -> list[Mention]:
    """An unknown person is one actor in an article: what one mention's description gives
    ("Lisa Monaco, Obama's adviser": USA GOV) is true of the others ("Monaco said"), which
    the descriptions placed after the walk could not reach. Known people keep their dated
    reading per mention."""
    best: dict[str, ActorRef] = {}
    for m in mentions:
        actor = m.actor
        if actor.kind == "person" and actor.name and not known(actor.name):
            held = best.get(actor.name)
            if held is None or _filled(actor) > _filled(held):
                best[actor.name] = actor
    out = []
    for m in mentions:
        fuller = best.get(m.actor.name or "") if m.actor.kind == "person" else None
        if fuller is not None and m.actor.country in (None, fuller.country):
            m = replace(m, actor=replace(m.actor, country=fuller.country,
                                         sector=m.actor.sector or fuller.sector))
        out.append(m)
    return out


def _filled(actor: ActorRef) -> int:
    return (actor.country is not None) + (actor.sector is not None)
