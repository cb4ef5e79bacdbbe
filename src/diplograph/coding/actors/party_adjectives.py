"""A party named by its adjective before a thing it owns or before its members.

The phrase grammar reads a party's adjective before a body noun of sectors.yaml ("Tory MPs",
"Republican senators"); before any other noun the adjective was left alone, so "Tory plans
were attacked" had no actor to own the plans. Two rules close that (words in
data/actors/mention_words.yaml, adjectives in the organisations' `adjectives`):

- rule `party-adjective-owner`: the adjective before a noun of `party_owned_nouns`, or a
  compound ending in one, is the party as the owner ("TORY plans", "the LIBERAL DEMOCRAT
  manifesto", "the REPUBLICAN tax plan"); the mention is the adjective alone, as a state's
  adjective owns "the American plan".
- rule `party-adjective-members`: the adjective before a person noun of `party_member_nouns`
  is the party's members in that noun's sector ("Conservative CANDIDATES": ELI).

Neither fires for a party of a state other than the story's (the Canadian "Conservative
plan" is not the British party's), nor, before an owned noun at a sentence start, for an
adjective that is also an ordinary word (`common_sense_party_adjectives`: "Democratic
reforms were demanded in Kiev") unless the story is set in the party's state. Lower-case
words ("conservative estimates", "the labour market") never match: the adjectives are
matched as written.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Hit, Hits
from diplograph.coding.actors.offices import Offices
from diplograph.knowledge.base import Organisation
from diplograph.records import ActorRef

# Grammar: nouns of a compound that may stand between the adjective and its head noun
# ("the Republican TAX plan", "the Democratic BUDGET plan").
_COMPOUND_REACH = 2
# Grammar: the roles of a noun in its clause; the small model tags "plans" in "criticised
# Tory PLANS to give ..." a verb, but in one of these roles it is the noun.
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"})
# Grammar: the articles that may stand before the adjective.
_ARTICLES = frozenset({"the", "a", "an"})
_ADJECTIVE = ("orgadj",)  # the knowledge's matches of an organisation's adjective


class PartyAdjectiveReader:
    """Reads a party's adjective before an owned noun or a member noun; build once."""

    def __init__(self, offices: Offices) -> None:
        self.offices = offices
        self.kb = offices.kb
        self.words = offices.words

    def read(self, doc: Doc, i: int, hits: Hits, home_country: str | None,
             when: dt.date | None) -> tuple[ActorRef, int, int] | None:
        """(actor, start token, end token) where a party's adjective starts at token i, or
        after an article at i ("the Lib Dem policies": the small model takes "the Lib Dem"
        for a person), and one of the two rules reads it, else None."""
        if hits.first(i, _ADJECTIVE) is None and hits.first(i + 1, _ADJECTIVE) is None:
            return None  # no adjective at i nor after it (most tokens, asked on every walk)
        at = i + 1 if doc[i].lower_ in _ARTICLES and i + 1 < len(doc) else i
        hit = hits.first(at, _ADJECTIVE)
        org = self._party(hit, home_country)
        if hit is None or org is None or hit.end >= len(doc) or _in_longer_name(hits, hit):
            return None
        noun = _head_noun(doc, hit)
        if noun is None:
            return None
        sector = self.words.party_member_nouns.get(noun.lower_)
        if sector is not None and noun.i == hit.end:  # rule `party-adjective-members`
            return self.offices.org(org.name, sector, when=when), hit.start, noun.i + 1
        if noun.lower_ in self.words.party_owned_nouns \
                and not self._ordinary_word(doc, hit, org, home_country):
            # rule `party-adjective-owner`
            return self.offices.org(org.name, when=when), hit.start, hit.end
        return None

    def _party(self, hit: Hit | None, home_country: str | None) -> Organisation | None:
        """The party the adjective names: a PTY organisation of one state, the story's state
        where the story has one."""
        org = self.kb.organisations.get(hit.key) if hit is not None else None
        if org is None or org.sector != "PTY" or org.country is None:
            return None
        return org if home_country in (None, org.country) else None

    def _ordinary_word(self, doc: Doc, hit: Hit, org: Organisation,
                       home_country: str | None) -> bool:
        """Whether the adjective may be the ordinary word capitalised by its place: at a
        sentence start, a word of `common_sense_party_adjectives`, in a story not set in
        the party's state."""
        text = doc[hit.start:hit.end].text.lower()
        return doc[hit.start].is_sent_start and text in self.words.common_sense_party_adjectives \
            and home_country != org.country


def _head_noun(doc: Doc, hit: Hit) -> Token | None:
    """The noun the adjective modifies: the first common noun (or word in a noun's role)
    after it, past up to two nouns of a compound that hang from it ("tax" in "the
    Republican tax plan"); the adjective's last word must hang from that noun or from a
    word of the compound."""
    k = hit.end
    while k < len(doc) and k - hit.end < _COMPOUND_REACH and doc[k].dep_ == "compound" \
            and doc[k].pos_ == "NOUN" and doc[k].head.i > k:
        k += 1
    if k >= len(doc) or (doc[k].pos_ != "NOUN" and doc[k].dep_ not in _NOMINAL_DEPS):
        return None
    return doc[k] if hit.end <= doc[hit.end - 1].head.i <= k else None


def _in_longer_name(hits: Hits, hit: Hit) -> bool:
    """Whether a longer name starts with the adjective ("the Republican Party platform",
    "Liberal Democrat party policy"): the name is read as itself."""
    name = hits.first(hit.start, ("org",))
    return name is not None and name.end > hit.end
