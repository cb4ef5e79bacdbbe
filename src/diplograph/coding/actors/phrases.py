"""Reading actor noun phrases from the parse into ``MentionPhrase`` records.

The grammar, over knowledge-base matches (``Hits``) and spaCy's tokens and entities:

    [det] [former] [modifier]* [head] [name]
    modifier: "Russian" | "Russia's" | "NATO" | "US"      (a state or an organisation)
    head:     a title ("defence minister"), a sector noun ("troops"), "counterpart", "leader"
    name:     a known person ("Mark Carney", "Carney", "Mr. Carney") or a PERSON entity

Names come from the knowledge base first and from spaCy's NER second, which fixes the
small model's errors ("Kyiv" as PERSON, "Carney" as GPE). Nothing here looks at dates:
who the phrase names is ``resolve``'s question.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from diplograph.coding.actors.mention import (
    HEAD_KINDS,
    MODIFIER_KINDS,
    Hit,
    Hits,
    MentionPhrase,
)
from diplograph.coding.actors.words import MentionWords
from diplograph.coding.token_table import token_table
from diplograph.knowledge.base import KnowledgeBase, Person

# Grammar, not knowledge: the closed class of words that may open a noun phrase.
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "these",
                         "those", "both", "two", "three", "several", "some", "many", "other"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
# Matches that make a PERSON entity a place the model mistook ("Kyiv" as PERSON).
_PLACE_KINDS = ("country", "metonym", "adj", "org", "orgmetonym")
_SUBJECT_WORDS = 3  # "WORK AND PENSIONS spokesman": the words of a post's subject


@dataclass(frozen=True, slots=True, kw_only=True)
class _Lead:
    """The words before the head: `[det] [former] [modifier]*`, up to token `end`."""

    end: int
    possessor: bool = False
    former: bool = False
    shadow: bool = False
    country: str | None = None
    org: str | None = None
    party: str | None = None
    modified: bool = False  # a state or organisation modifier was read
    portfolio: bool = False  # subject words between a party and its voice ("Tory HEALTH spokesman")
    led: bool = False  # "a Saudi-LED coalition": the modifier leads the body named after it


@dataclass(frozen=True, slots=True, kw_only=True)
class _Name:
    """A person's name read after the head, ending before token `end`."""

    end: int
    text: str | None = None
    candidates: tuple[Person, ...] = ()
    gender: str | None = None  # the gender an honorific gives


def _describes_head(doc: Doc, j: int, hits: Hits) -> bool:
    """A common word that qualifies a head two or three words on ("the BBC's HOME AFFAIRS
    correspondent", "Yukos's FINANCE director"): it leaves the actor unchanged."""
    if not token_table(doc).is_lower[j] or hits.at(j):
        return False
    tok = doc[j]
    while tok.dep_ in ("compound", "amod", "nmod") and j < tok.head.i <= j + 3:
        tok = tok.head  # "home" -> "affairs" -> "correspondent"
        if hits.first(tok.i, HEAD_KINDS) is not None:
            return True
    return False


def _party_word_at(kb: KnowledgeBase, hits: Hits, j: int) -> bool:
    """Whether a party's name of more than one word starts at token j: "LIBERAL Democrat
    leader" is the Liberal Democrats' leader, though "liberal" alone is a filler ("liberal
    politicians"); read as a filler, "Democrat" made him the US Democrats' (rule
    `titled-back-reference` needs his party)."""
    hit = hits.first(j, ("orgadj", "org"))
    org = kb.organisations.get(hit.key) if hit is not None else None
    return org is not None and org.sector == "PTY" and hit.end - j > 1


def _without_party_word(person_ents: dict[int, Span], end: int) -> dict[int, Span]:
    """The PERSON entities with one that runs from the party word into the name ("Tory
    Dominic Grieve") starting after the party word, at token `end`. The model that took the
    party word in often leaves the surname out ("Tory Dominic" + "Grieve"): the capitalised
    proper nouns right after the entity are the name's."""
    swallowing = person_ents.get(end - 1)
    if swallowing is None or swallowing.end <= end or end in person_ents:
        return person_ents
    doc, last = swallowing.doc, swallowing.end
    while last < len(doc) and doc[last].pos_ == "PROPN" and doc[last].is_title \
            and doc[last].ent_type_ in ("", "PERSON"):
        last += 1
    return {**person_ents, end: doc[end:last]}


class PhraseReader:
    """Reads `[det] [former] [modifier]* [head] [name]` phrases; build once per process."""

    def __init__(self, kb: KnowledgeBase, words: MentionWords) -> None:
        self.kb = kb
        self.words = words
        self._needs_org = {t.text for t in kb.titles if t.requires_org}
        # Words between a modifier and its head that leave the actor unchanged.
        self._skip = words.fillers | kb.former_words | words.opposition_words
        # The words the grammar steps over or reads before any match: a phrase opens only
        # at one of them, at a match or at a PERSON entity (``opens_nothing``).
        self._opening_words = DETERMINERS | self._skip | words.honorifics

    def read(self, doc: Doc, i: int, hits: Hits, person_ents: dict[int, Span]
             ) -> MentionPhrase | None:
        """The phrase starting at token i, or None when it has neither head nor name.

        Args:
            doc: the parsed article.
            i: the token to start at.
            hits: the article's knowledge matches.
            person_ents: spaCy's PERSON entities by start token.
        """
        if self.opens_nothing(doc, i, hits, person_ents):
            return None
        return self.read_phrase(doc, i, hits, person_ents)

    def opens_nothing(self, doc: Doc, i: int, hits: Hits, person_ents: dict[int, Span]
                      ) -> bool:
        """Whether no phrase can start at token i, read without the grammar: with no match
        at i, the lead takes no word that is neither a determiner, a filler, a former or an
        opposition word, so it ends at i with nothing read; no head then starts there, and
        the name reader, with no head, honorific or match at i, finds only a PERSON entity
        starting at i. Most tokens of an article are such, and reading the phrase of each
        was a tenth of the coding time."""
        return not hits.at(i) and i not in person_ents \
            and token_table(doc).lower[i] not in self._opening_words

    def read_phrase(self, doc: Doc, i: int, hits: Hits, person_ents: dict[int, Span]
                    ) -> MentionPhrase | None:
        """``read`` by the grammar, whatever token i is."""
        tokens = token_table(doc)
        lead = self._read_lead(doc, i, hits)
        j = lead.end
        head = hits.first(j, HEAD_KINDS)
        if head is not None and head.kind == "title" and lead.org is None \
                and head.extra in self._needs_org:
            head = None  # "chief" alone is not a title; "IAEA chief" is
        if head is None and lead.shadow:
            head = self._shadow_post(doc, j)
        if lead.led:
            head = self._led_body(doc, j) or head
        plural = head is not None and tokens.tag[head.end - 1] in ("NNS", "NNPS")
        if head is not None:
            j = head.end
        if lead.party is not None:  # "Tory Dominic Grieve": the name after the party word
            person_ents = _without_party_word(person_ents, lead.end)
        name = self._read_name(doc, j, hits, person_ents, head, plural)
        if head is None and name.text is None:
            return None
        if head is not None and head.kind == "sector" and not lead.modified \
                and name.end == j and not lead.possessor:
            return None  # a bare "officials" or "troops" names no one
        end = max(name.end, j)
        if tokens.lower[i] in DETERMINERS and end == i + 1:
            return None
        return MentionPhrase(start=i, end=end, country=lead.country, org=lead.org,
                             party=lead.party, former=lead.former, shadow=lead.shadow,
                             possessor=lead.possessor, head=head,
                             plural=plural, person_text=name.text, candidates=name.candidates,
                             gender=name.gender, honorific=name.text is not None
                             and self._honorific_at(tokens, j), portfolio=lead.portfolio)

    def _honorific_at(self, tokens, j: int) -> bool:
        """Whether a courtesy title opens the name at token j ("Mr Smith", "the Rev. X")."""
        at = j + 1 if j + 1 < len(tokens.lower) and tokens.lower[j] == "the" else j
        return at < len(tokens.lower) and tokens.lower[at] in self.words.honorifics

    # ------------------------------------------------------------------ before the head
    def _read_lead(self, doc: Doc, i: int, hits: Hits) -> _Lead:
        """Read `[det] [former] [modifier]*` from token i."""
        tokens = token_table(doc)
        j = i
        possessor = False
        if tokens.lower[j] in DETERMINERS:
            possessor = tokens.lower[j] in POSSESSIVE_PRONOUNS
            j += 1
        former, modified, shadow = False, False, False
        country: str | None = None
        org: str | None = None
        party: str | None = None
        portfolio, led = False, False
        while j < len(doc):
            low = tokens.lower[j]
            if party is None and (member := self._party_of_member(doc, j, hits)) is not None:
                portfolio = member.end > self._party_name_end(doc, j, hits)
                party, modified, j = member.key, True, member.end
                country = self.kb.organisations[member.key].country
            elif low in self.kb.former_words:
                former, j = True, j + 1
            elif modified and self._leads_body(doc, j):
                led, j = True, j + 1  # "a Saudi-LED coalition" (rule `led-body`)
            elif low in self.words.opposition_words:
                shadow, j = True, j + 1
            elif (low in self.words.fillers and not _party_word_at(self.kb, hits, j)
                  and self._party_adjective(doc, j, hits) is None) \
                    or (tokens.text[j] == "-" and modified) \
                    or (modified and _describes_head(doc, j, hits)):
                j += 1
            elif (step := self._modifier_step(doc, j, hits)) is not None:
                j, mod = step
                if mod is not None and mod.kind in ("org", "orgadj"):
                    org, modified = mod.key, True
                elif mod is not None:
                    country, modified = mod.key, True
            else:
                break
        return _Lead(end=j, possessor=possessor, former=former, country=country, org=org,
                     party=party, modified=modified, shadow=shadow, portfolio=portfolio,
                     led=led)

    def _modifier_step(self, doc: Doc, j: int, hits: Hits) -> tuple[int, Hit | None] | None:
        """(the token after, the modifier) for a modifier at token j; None where the
        modifiers end. A sector noun before a head is passed over with no modifier."""
        mod = hits.first(j, MODIFIER_KINDS) or self._party_adjective(doc, j, hits)
        title = hits.first(j, ("title",))
        if title is not None and (mod is None or title.end > mod.end):
            return None  # "Pentagon chief" is a title, not "Pentagon" + "chief"
        if mod is None:
            body = hits.first(j, ("sector",))
            if body is not None and hits.first(body.end, ("title", "sector")) is not None:
                return body.end, None  # "foreign ministry spokeswoman", "opposition activist"
            return None
        if not self._modifies(doc, mod, hits):
            return None
        after_pos = mod.end < len(doc) and token_table(doc).tag[mod.end] == "POS"
        return mod.end + (1 if after_pos else 0), mod

    @staticmethod
    def _party_adjective(doc: Doc, j: int, hits: Hits) -> Hit | None:
        """ "Republican lawmakers", "Labour MPs": a party's adjective before a body noun, and
        "the Tory leader": before "leader", whose office is then the party's, as after the
        party's name ("the Labour leader"). Never before a title: "Republican candidate Jeb
        Bush" is the man, not the party."""
        adj = hits.first(j, ("orgadj",))
        if adj is None or adj.end >= len(doc):
            return None
        return adj if hits.first(adj.end, ("sector", "leader")) is not None else None

    def _leads_body(self, doc: Doc, j: int) -> bool:
        """Whether "-LED" at token j goes before a led body ("Saudi-LED coalition")."""
        tokens = token_table(doc)
        return 0 < j < len(doc) and tokens.lower[j] in self.words.led_words \
            and tokens.text[j - 1] == "-" and self._led_body(doc, j + 1) is not None

    def _led_body(self, doc: Doc, j: int) -> Hit | None:
        """Rule `led-body`: after "STATE-led", a led body's noun (``led_body_nouns``) within
        a few describing words ("a Saudi-led MILITARY COALITION") is the head, in the
        noun's sector: the leading state's body, not its people nor its government."""
        tokens = token_table(doc)
        for k in range(j, min(j + _SUBJECT_WORDS, len(doc))):
            sector = self.words.led_body_nouns.get(tokens.lower[k])
            if sector is not None:
                return Hit(j, k + 1, "sector", sector)
            if not tokens.is_alpha[k] or tokens.pos[k] not in ("NOUN", "PROPN", "ADJ"):
                return None
        return None

    def _shadow_post(self, doc: Doc, j: int) -> Hit | None:
        """ "shadow CULTURE SECRETARY", "shadow Europe minister": after "shadow", any post of
        a few words ending in a post noun (`shadow_post_nouns`) is the opposition's, though
        no title of ours names the office."""
        tokens = token_table(doc)
        for k in range(j, min(j + 4, len(doc))):
            if tokens.lower[k] in self.words.shadow_post_nouns:
                return Hit(j, k + 1, "title", "other", doc[j:k + 1].text.lower())
            if not tokens.is_alpha[k] or tokens.pos[k] not in ("NOUN", "PROPN", "ADJ", "CCONJ"):
                return None
        return None

    def _party_of_member(self, doc: Doc, j: int, hits: Hits) -> Hit | None:
        """ "TORY Dominic Grieve", "the CONSERVATIVE shadow culture secretary", "LABOUR MP
        Roger Godsiff": a party of one state, by its adjective or name, right before a
        person's name, a title or "shadow", says whose politician they are; it is not part of
        the name. Before a body noun ("Tory MPs") the party is the modifier, as before."""
        hit = hits.first(j, ("orgadj", "org"))
        org = self.kb.organisations.get(hit.key) if hit is not None else None
        if org is None or org.sector != "PTY" or org.country is None or hit.end >= len(doc):
            return None
        nxt = hit.end
        if hits.first(nxt, ("sector",)) is not None:
            return None  # "Tory MPs", "Labour officials": the party's own body
        voice = self._party_voice_at(doc, nxt, hits)
        if voice is not None and voice > nxt:  # before a PERSON entity: the model often
            # takes the party and the subject for a name ("Lib Dem Treasury" spokesman)
            return Hit(start=hit.start, end=voice, kind=hit.kind, key=hit.key, extra=hit.extra)
        person_next = hits.first(nxt, ("person",)) is not None or self._person_ent_at(doc, nxt)
        if person_next or token_table(doc).lower[nxt] in self.words.opposition_words:
            return hit
        return hit if hits.first(nxt, ("title",)) is not None else None

    @staticmethod
    def _party_name_end(doc: Doc, j: int, hits: Hits) -> int:
        """The token after a party's words at token j and their possessive mark."""
        hit = hits.first(j, ("orgadj", "org"))
        end = hit.end if hit is not None else j
        return end + 1 if end < len(doc) and token_table(doc).tag[end] == "POS" else end

    def _party_voice_at(self, doc: Doc, k: int, hits: Hits) -> int | None:
        """Rule `party-portfolio`: the token of a party's voice title ("spokesman") after a
        party's name, past its possessive mark and up to three words of the subject it speaks
        on ("the Tories' TRANSPORT spokesman", "Lib Dem TREASURY spokesman", "Tory WORK AND
        PENSIONS spokesman"); None where another word comes first. The party word is then the
        member's party, not a modifier of a government title (a "health spokesman" of no
        party is the government's)."""
        tokens = token_table(doc)
        if k < len(doc) and tokens.tag[k] == "POS":
            k += 1
        for _ in range(_SUBJECT_WORDS + 1):
            if k >= len(doc):
                return None
            if tokens.lower[k] in self.words.party_voice_titles:
                return k
            if not doc[k].is_alpha or tokens.lower[k] in DETERMINERS \
                    or doc[k].pos_ not in ("NOUN", "PROPN", "ADJ", "CCONJ") \
                    or hits.first(k, ("person", "country", "adj")) is not None:
                return None
            k += 1
        return None

    @staticmethod
    def _person_ent_at(doc: Doc, i: int) -> bool:
        """Whether a PERSON entity covers token i (one that swallowed the party word before
        it, "Tory Dominic Grieve", included)."""
        tokens = token_table(doc)
        return tokens.ent_type[i] == "PERSON" and tokens.pos[i] == "PROPN"

    def _modifies(self, doc: Doc, mod: Hit, hits: Hits) -> bool:
        """A state/org word modifies a following head ("Russian troops", "Russia's minister")."""
        tokens = token_table(doc)
        nxt = mod.end
        if nxt < len(doc) and tokens.tag[nxt] == "POS":
            nxt += 1
        while nxt < len(doc) and (tokens.lower[nxt] in self._skip
                                  or _describes_head(doc, nxt, hits)):
            nxt += 1
        if hits.first(nxt, HEAD_KINDS) is not None or self._leads_body(doc, nxt):
            return True
        # "Canadian Mark Carney": a demonym directly before a known person.
        return mod.kind == "adj" and hits.first(nxt, ("person",)) is not None

    # ------------------------------------------------------------------ the name
    def _read_name(self, doc: Doc, j: int, hits: Hits, person_ents: dict[int, Span],
                   head: Hit | None, plural: bool) -> _Name:
        """Read an optional person name at token j (an empty `_Name` ending at j if none)."""
        tokens = token_table(doc)
        k = j
        if head is not None and k + 1 < len(doc) and tokens.lower[k] == "the" \
                and tokens.lower[k + 1] in self.words.honorifics:
            k += 1  # "Vatican spokesman THE Rev. Federico Lombardi"
        if k < len(doc) and tokens.lower[k] in self.words.honorifics:
            k += 1
            if k < len(doc) and tokens.text[k] == ".":
                k += 1
        if k < len(doc) and tokens.text[k] == "," and self._names_one(doc, head, k, plural) \
                and (k + 1 in person_ents or hits.first(k + 1, ("person",))):
            k += 1  # "his counterpart, Sergei Lavrov": the appositive names him
        titled = k > j or head is not None
        name = self._known_name(doc, k, hits, person_ents, titled)
        if name is None:
            name = self._unknown_name(doc, j, k, hits, person_ents, titled, head)
        gender = self.words.honorific_genders.get(tokens.lower[j]) if k > j else None
        if name is None or gender is None:
            return name or _Name(end=j)
        # "Mrs. Clinton": only the namesakes of that gender (none left: someone we do not know)
        return replace(name, gender=gender, candidates=tuple(
            p for p in name.candidates if p.gender in (gender, None)))

    def _names_one(self, doc: Doc, head: Hit | None, comma: int, plural: bool) -> bool:
        """A head an appositive name may follow: a title, "counterpart", or a sector noun
        for one person whose name the parse hangs from it ("The BBC's home affairs
        correspondent, Daniel Sandford"; not "In his assessment of the magnate, Calderon")."""
        if head is None or plural:
            return False
        if head.kind in ("counterpart", "title"):
            return True
        return head.kind == "sector" and doc[head.start:head.end].text.lower() \
            in self.words.singular_person_nouns and any(
                t.dep_ == "appos" and head.start <= t.head.i < head.end
                for t in doc[comma + 1:comma + 4])

    def _known_name(self, doc: Doc, k: int, hits: Hits, person_ents: dict[int, Span],
                    titled: bool) -> _Name | None:
        """A name of the knowledge base at token k, unless the words name someone else."""
        person_hit = hits.first(k, ("person",))
        org_hit = hits.first(k, ("org",))
        if person_hit is None or (org_hit is not None and org_hit.end > person_hit.end):
            return None  # "Boko Haram" is the group, not Duma Boko
        text = doc[person_hit.start:person_hit.end].text
        ent = person_ents.get(person_hit.start)
        same = [h for h in hits.at(k) if h.kind == "person" and h.end == person_hit.end]
        derived = all(h.extra == "derived" for h in same)
        # "Sun Weidong" is not Sun Yun-suan: a bare surname the model reads as the start of
        # a longer name (beyond a suffix such as "Jr.") is someone else's.
        if ent is not None and " " not in text and any(
                t.text not in self.words.name_suffixes and not t.is_punct and t.lower_ != "'s"
                for t in doc[person_hit.end:ent.end]):
            return _Name(end=ent.end, text=ent.text)
        if not (" " in text or titled or ent is not None
                or text.lower() not in self.words.common_surnames) \
                or (derived and ent is None and not titled) \
                or self._other_bearer(doc, person_hit, hits, text):
            return None
        # "Joe Biden Jr." where "Joe Biden" matched: take the whole PERSON entity.
        return _Name(end=max(person_hit.end, ent.end) if ent is not None else person_hit.end,
                     text=text, candidates=tuple(self.kb.people[int(h.key)] for h in same))

    def _unknown_name(self, doc: Doc, j: int, k: int, hits: Hits, person_ents: dict[int, Span],
                      titled: bool, head: Hit | None) -> _Name | None:
        """A name the knowledge base does not hold: a PERSON entity, a word after an
        honorific, or capitalised words after a title."""
        tokens = token_table(doc)
        ent = person_ents.get(k)
        if ent is not None and not self._is_place(hits, ent) and tokens.lower[ent.start] != "the" \
                and (len(ent) > 1 or titled):
            return _Name(end=ent.end, text=ent.text)
        # "Mr. Smith" unknown to the model too; one letter is no name ("Gen Z" voters)
        if k > j and k < len(doc) and tokens.is_title[k] and len(tokens.text[k]) > 1:
            return _Name(end=k + 1, text=tokens.text[k])
        if head is not None and head.kind == "title":
            end = k
            while end < len(doc) and self._name_word(doc, end, hits):
                end += 1
            if end - k >= 2:  # "Vice-President Moody Awori", a name the model missed
                return _Name(end=end, text=doc[k:end].text)
        return None

    @staticmethod
    def _name_word(doc: Doc, i: int, hits: Hits) -> bool:
        """A capitalised proper noun that no knowledge matches and no other entity claims."""
        tokens = token_table(doc)
        return (tokens.pos[i] == "PROPN" and tokens.is_title[i] and not hits.at(i)
                and tokens.ent_type[i] in ("", "PERSON", "ORG"))

    def _other_bearer(self, doc: Doc, hit: Hit, hits: Hits, text: str) -> bool:
        """'Jeff Morrison' is not Scott Morrison: a surname after an unknown first name."""
        if " " in text or hit.start == 0:
            return False
        prev = doc[hit.start - 1]
        return prev.is_title and prev.pos_ == "PROPN" and not prev.is_sent_start \
            and not hits.at(prev.i) and prev.lower_ not in self.words.honorifics

    @staticmethod
    def _is_place(hits: Hits, ent: Span) -> bool:
        hit = hits.first(ent.start, _PLACE_KINDS)
        return hit is not None and hit.end >= ent.end
