"""Actors named by a single name outside any phrase: states, metonyms, organisations, groups.

"Russia", "the Kremlin", "NATO", "the West" and "the Russians" are actors on their own,
unless the words make them a place ("talks in Moscow"), part of a longer name ("The
Washington Post") or a modifier of a thing ("the Ukraine war", "Moscow time").
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from diplograph.coding.actors.mention import Hit, Hits
from diplograph.coding.actors.offices import Offices
from diplograph.coding.token_table import token_table
from diplograph.records import ActorRef

# Kinds read by the phrase grammar, never alone.
# Grammar: the prepositions of a journey's end or start ("moved TO China").
_JOURNEY_PREPOSITIONS = frozenset({"to", "from", "into"})
_PHRASE_KINDS = frozenset({"title", "sector", "counterpart", "leader", "adj", "person",
                           "orgadj"})
# Entities whose words may name an actor themselves ("Moscow" as GPE is the state's capital).
_NAMING_ENTITIES = ("GPE", "NORP", "PERSON", "LOC")


# The tokens from the reader's one where the name it reads may start: "the" and up to two
# adjectives may come before it ("THE INDEPENDENT Institute for Fiscal Studies"). The
# resolver's shortcut for tokens that start no mention looks this far too.
SINGLE_NAME_REACH = 4


class SingleNameReader:
    """Reads an actor named by one knowledge match; build once per process."""

    def __init__(self, offices: Offices) -> None:
        self.offices = offices
        self.kb = offices.kb
        self.words = offices.words

    def read(self, doc: Doc, i: int, hits: Hits, ent_end: dict[int, Span],
             when: dt.date | None = None) -> tuple[ActorRef, int] | None:
        """(actor, end token) for a single name at token i (or after "the" and adjectives
        that qualify the name), else None.

        Args:
            doc: the parsed article.
            i: the token to start at.
            hits: the article's knowledge matches.
            ent_end: spaCy's entity covering each token.
            when: the story's date, for organisations whose status changed (None: unknown).
        """
        tokens = token_table(doc)
        start = i + 1 if tokens.lower[i] == "the" else i
        while start > i and start < min(len(doc), i + SINGLE_NAME_REACH - 1) \
                and tokens.is_lower[start] and tokens.dep[start] == "amod":
            start += 1  # "the independent Institute for Fiscal Studies"
        for hit in (*hits.at(i), *hits.at(start)) if start != i else hits.at(i):
            if hit.kind in _PHRASE_KINDS or self._inside_other_name(doc, hit, ent_end):
                continue
            if hit.kind == "group" and hit.end < len(doc) and tokens.is_title[hit.end] \
                    and tokens.pos[hit.end] == "PROPN":
                continue  # "the West Bank", "the West African states": a longer name
            ref = self._ref(doc, hit, when)
            if ref is not None:
                return ref, hit.end
        return None

    def _ref(self, doc: Doc, hit: Hit, when: dt.date | None) -> ActorRef | None:
        """The actor one match names here, or None where the context says it does not."""
        before = self._word_before(doc, hit.start)
        if hit.kind == "country":
            if self._place(doc, hit, before, self.words.state_place_words):
                return None
            return self.offices.state(hit.key, "GOV")
        if hit.kind == "metonym":
            if self._place(doc, hit, before, self.words.place_words):
                return None
            return self.offices.state(hit.key, hit.extra or "GOV")
        if hit.kind == "people":
            return self._people(doc, hit)
        if hit.kind in ("org", "orgmetonym"):
            if hit.kind == "orgmetonym" and before in self.words.place_words:
                return None
            return self.offices.org(hit.key, when=when)
        if hit.kind == "group":
            if hit.key == "bloc" and self._place(doc, hit, before, self.words.state_place_words):
                return None  # "talks in Europe": a place, as a state's name would be
            text = doc[hit.start:hit.end].text
            return ActorRef(name=text[0].upper() + text[1:] if text.islower() else text,
                            country=None, sector="GOV", kind="group")
        return None

    def _people(self, doc: Doc, hit: Hit) -> ActorRef | None:
        """'the British' as a people, not 'best British act' nor 'the British Library'."""
        country = self.kb.countries[hit.key]
        text = doc[hit.start:hit.end].text
        nxt = doc[hit.end] if hit.end < len(doc) else None
        after_the = hit.start > 0 and doc[hit.start - 1].lower_ == "the"
        if text in country.adjectives and (not after_the or (
                nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"))):
            return None
        return ActorRef(name=country.name, country=country.code,
                        sector=self._people_sector(doc, hit, after_the), kind="group")

    def _people_sector(self, doc: Doc, hit: Hit, after_the: bool) -> str | None:
        """A people counted ("many Mexicans", "four Britons", "thousands of Germans") is its
        members, civilians; "the French" uncounted acts for its state (GOV); else unknown."""
        word = doc[hit.end - 1]
        counted = any(c.dep_ == "nummod" or c.lower_ in self.words.quantifiers
                      for c in word.children)
        of = word.head if word.dep_ == "pobj" and word.head.lower_ == "of" else None
        if counted or (of is not None and of.head.lower_ in self.words.quantifiers):
            return "CVL"
        return "GOV" if after_the else None

    def _place(self, doc: Doc, hit: Hit, before: str, place_words: frozenset[str]) -> bool:
        """A state's name or metonym used as a place or as a modifier of a thing; one that
        owns something is an actor ("fell victim to the Kremlin's wish") unless the thing is
        where one is ("visited Kenya's biggest shantytown", "in Moscow's Red Square")."""
        if hit.end < len(doc) and doc[hit.end].tag_ == "POS":
            owned = doc[hit.end - 1].head
            return owned.head.lower_ in self.words.state_place_words
        return before in place_words or self._compound_of_thing(doc, hit) \
            or self._listed_place(doc, hit, place_words) or self._journey_end(doc, hit)

    def _journey_end(self, doc: Doc, hit: Hit) -> bool:
        """Where a move goes to or comes from: "moved on Sunday TO China", "immigration FROM
        Mexico" (the preposition hangs from a word of motion_words). A verb with an object
        sends something, and the state receives it ("returned the prisoners TO Cuba")."""
        token = doc[hit.start:hit.end].root
        prep = token.head
        mover = prep.head
        return token.dep_ == "pobj" and prep.lower_ in _JOURNEY_PREPOSITIONS \
            and mover.lemma_.lower() in self.words.motion_words \
            and not any(c.dep_ == "dobj" for c in mover.children)

    @staticmethod
    def _inside_other_name(doc: Doc, hit: Hit, ent_end: dict[int, Span]) -> bool:
        """'Washington' in 'The Washington Post', 'Moscow' in 'Moscow State University'."""
        ent = ent_end.get(hit.start)
        if ent is None or ent.label_ in _NAMING_ENTITIES:
            return False
        ent_start = ent.start  # past "the" and common words ("the independent Institute")
        while ent_start < hit.start and (doc[ent_start].is_lower
                                         or doc[ent_start].lower_ == "the"):
            ent_start += 1
        # "the Home Office's powers", "the Institute for Fiscal Studies (IFS)": the entity
        # runs on into a possessive or a bracketed short name; the name itself is whole.
        ent_stop = next((k for k in range(hit.end, ent.end)
                         if doc[k].tag_ == "POS" or doc[k].text == "("), ent.end)
        return ent_start < hit.start or ent_stop > hit.end

    @staticmethod
    def _listed_place(doc: Doc, hit: Hit, place_words: frozenset[str]) -> bool:
        """'stations in London, Amsterdam and Sydney': a later item of a list of places. The
        name is read from its own head: "Security" in "the Department of Homeland Security"
        hangs from the name's own "of", which places nothing."""
        token = doc[hit.start:hit.end].root
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head
        return token.dep_ == "pobj" and token.head.lower_ in place_words

    def _word_before(self, doc: Doc, start: int) -> str:
        """The word before a name, over "the" and region words ("in eastern Ukraine")."""
        lower = token_table(doc).lower
        k = start - 1
        while k >= 0 and (lower[k] == "the" or lower[k] in self.words.region_words):
            k -= 1
        return lower[k] if k >= 0 else ""

    @staticmethod
    def _compound_of_thing(doc: Doc, hit: Hit) -> bool:
        """'the Ukraine war', 'Moscow time': a state word modifying a non-actor noun."""
        last = doc[hit.end - 1]
        if last.dep_ not in ("compound", "amod") or last.head.i < hit.end:
            return False
        return last.head.pos_ in ("NOUN", "PROPN") and last.head.i == hit.end
