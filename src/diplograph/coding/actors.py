"""Actor resolution: who is who in an article, at the date of the event (SPEC §3, §4).

``ActorResolver.find_mentions`` walks a parsed article once, left to right, and
reads each actor noun phrase with a small grammar over knowledge-base matches:

    [det] [former] [modifier]* [head] [name]
    modifier: "Russian" | "Russia's" | "NATO" | "US"      (a state or an organisation)
    head:     a title ("defence minister"), a sector noun ("troops"), "counterpart", "leader"
    name:     a known person ("Mark Carney", "Carney", "Mr. Carney") or a PERSON entity

Names come from the knowledge base first and from spaCy's NER second, which
fixes the small model's errors ("Kyiv" as PERSON, "Carney" as GPE). Roles
resolve at the article date through the office holders' terms; bare titles
("the prime minister") use earlier mentions, then the article's home country;
pronouns and "his counterpart" use the persons already mentioned.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from diplograph.knowledge.base import (
    OPEN_END,
    KnowledgeBase,
    Person,
    Term,
    load_knowledge_base,
)
from diplograph.records import ActorRef, Mention

logger = logging.getLogger(__name__)

__all__ = ["ActorResolver", "KnowledgeBase", "load_knowledge_base"]

DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "these",
                         "those", "both", "two", "three", "several", "some", "many", "other"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
# Adjectives that may sit between the modifier and the head without changing the actor.
FILLERS = frozenset({
    "top", "senior", "new", "acting", "outgoing", "incoming", "current", "visiting", "interim",
    "then", "newly", "highest", "supreme", "leading", "appointed", "elected", "powerful",
    "longtime", "long-time", "veteran", "main", "own", "-", "de", "facto", "junior",
    "ousted", "deposed", "exiled", "embattled", "hardline", "hard-line", "moderate", "radical",
    "socialist", "conservative", "liberal", "reformist", "nationalist", "beleaguered",
})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame",
                        "madam", "mister"})
# A capital or state after one of these is a place, not an actor ("talks in Moscow").
LOCATIVE = frozenset({
    "in", "at", "inside", "within", "across", "throughout", "near", "outside", "into", "from",
    "to", "via", "toward", "towards", "around", "through", "visit", "visited", "visiting",
    "visits", "arrived", "left", "flew", "travelled", "traveled", "of", "over",
})
STATE_LOCATIVE = frozenset({"in", "at", "inside", "within", "across", "throughout", "near",
                            "outside", "into", "around", "through", "visit", "visited", "visiting",
                            "visits", "arrived", "flew", "travelled", "traveled"})
MONARCH_TITLES = frozenset({"king", "queen", "emir", "sultan", "monarch", "emperor", "grand duke",
                            "prince", "crown prince"})
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# Surnames that are also ordinary words need a title, a first name or a PERSON entity.
COMMON_WORDS = frozenset({
    "may", "rice", "brown", "hunt", "black", "cook", "carter", "young", "little", "long", "ball",
    "march", "april", "june", "king", "price", "church", "bush", "power", "said", "will", "rich",
    "love", "hope", "grant", "lee",
})
COUNTERPART = frozenset({"counterpart", "counterparts", "opposite number", "opposite numbers"})
LEADER = frozenset({"leader", "leaders"})
SINGULAR_PERSON_NOUNS = frozenset({
    "reporter", "journalist", "correspondent", "editor", "columnist", "official", "diplomat",
    "ambassador", "envoy", "minister", "soldier", "general", "commander", "officer", "judge",
    "prosecutor", "lawmaker", "legislator", "senator", "congressman", "congresswoman", "mp",
    "activist", "dissident", "businessman", "student", "cleric", "militant", "rebel", "spokesman",
    "spokeswoman", "spokesperson", "attorney general", "prosecutor general", "deputy", "pilot",
})
ROLE_PRIORITY = ("head of state", "head of government", "head of organisation", "secretary general",
                 "foreign minister", "defence minister", "deputy head of government",
                 "finance minister", "interior minister", "spokesperson", "central bank governor",
                 "party leader", "other")


@dataclass(frozen=True, slots=True)
class _Hit:
    """A knowledge-base match over tokens [start, end)."""

    start: int
    end: int
    kind: str  # country adj people metonym org person title sector group counterpart leader
    key: str  # country code, org name, person index, role, sector code...
    extra: str = ""  # metonym sector; title text; group name


@dataclass(slots=True)
class _Phrase:
    """What the grammar read from one noun phrase."""

    start: int
    end: int
    country: str | None = None
    org: str | None = None
    former: bool = False
    possessor: bool = False  # "his/her/their" before the head
    head: _Hit | None = None
    person: Person | None = None
    person_text: str | None = None
    plural: bool = False
    candidates: list[Person] = field(default_factory=list)  # people sharing the matched name


@dataclass(slots=True)
class _ArticleState:
    """Within-article memory for coreference."""

    # (sentence start, actor, gender) of every person mentioned so far
    people: list[tuple[int, ActorRef, str | None]] = field(default_factory=list)
    unknown_names: dict[str, ActorRef] = field(default_factory=dict)  # surname -> full mention


SURNAME_FIRST = frozenset({"CHN", "PRK", "KOR", "VNM", "TWN", "KHM", "MNG", "HUN"})
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "II", "III", "IV"})


def _derived_surname(person: Person) -> str | None:
    """The bare surname an article uses after the first mention, when the file gives none.

    Chinese and Korean names put it first (Xi Jinping -> Xi); names with particles
    (von der Leyen, da Silva) are left to the file's aliases.
    """
    parts = [p for p in person.name.split() if p not in NAME_SUFFIXES]
    if len(parts) < 2 or any(p[0].islower() for p in parts[1:]):
        return None
    if any(t.country in SURNAME_FIRST for t in person.terms):
        return parts[0]
    return parts[-1]


# Matches that name a state, which a stance prefix ("anti-", "pro-") turns into an opinion.
STATE_KINDS = frozenset({"country", "adj", "people", "metonym"})
STANCE_PREFIXES = frozenset({"anti", "pro"})


def stance_prefixed(doc: Doc, i: int) -> bool:
    """Whether token i follows "anti-" or "pro-" ("anti-Syria", "pro-Russian"): the
    words name a side taken, not a nationality."""
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES:
        return True
    before = doc[i - 1].lower_ if i >= 1 else ""
    return before.endswith("-") and before.rstrip("-") in STANCE_PREFIXES


def _plural(title: str) -> str:
    """The plural of a title: its head noun (before "of") takes the plural ending."""
    words = title.split()
    at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    word = words[at]
    if word.endswith("man"):
        word = word[:-3] + "men"
    elif word.endswith("y") and word[-2:-1] not in set("aeiou"):
        word = word[:-1] + "ies"
    elif word.endswith(("s", "sh", "ch", "x")):
        word += "es"
    else:
        word += "s"
    return " ".join(words[:at] + [word] + words[at + 1:])


def _shared_country(people: Sequence[Person]) -> str | None:
    """The one state every candidate served ("President Bush": either Bush, the USA), else None."""
    countries = {t.country for p in people for t in p.terms}
    return next(iter(countries)) if len(countries) == 1 and None not in countries else None


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


class ActorResolver:
    """Finds and resolves actor mentions in parsed articles.

    Build one per process (matchers are compiled in ``__init__``) and call
    ``find_mentions`` per article.
    """

    def __init__(self, kb: KnowledgeBase | None = None, nlp: Language | None = None):
        from diplograph.coding.parse import load_nlp

        self.kb = kb or load_knowledge_base()
        self.nlp = nlp or load_nlp()
        self._payload: dict[str, tuple[str, str, str]] = {}
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._by_name = {p.name: p for p in self.kb.people}
        self._surname_of: dict[str, list[int]] = {}
        self._add_patterns()

    # ------------------------------------------------------------------ matchers
    def _add(self, matcher: PhraseMatcher, text: str, kind: str, key: str, extra: str = "",
             *, strip: bool = True) -> None:
        text = _strip_the(text.strip()) if strip else text.strip()
        if not text:
            return
        label = f"{kind}|{key}|{extra}"
        self._payload[label] = (kind, key, extra)
        matcher.add(label, [self.nlp.make_doc(text)])

    def _add_patterns(self) -> None:
        kb = self.kb
        for c in kb.countries.values():
            for text in (c.name, *c.aliases):
                self._add(self._exact, text, "country", c.code)
            for text in c.adjectives:
                self._add(self._exact, text, "adj", c.code)
            for text in c.people:
                self._add(self._exact, text, "people", c.code)
            for text, sector in c.metonyms:
                self._add(self._exact, text, "metonym", c.code, sector)
        for org in kb.organisations.values():
            for text in (org.name, *org.aliases):
                self._add(self._exact, text, "org", org.name)
            for text in org.metonyms:
                self._add(self._exact, text, "orgmetonym", org.name)
        for i, person in enumerate(kb.people):
            surname = _derived_surname(person)
            if surname and surname not in person.aliases:
                self._add(self._exact, surname, "person", str(i), "derived")
            for text in (person.name, *person.aliases):
                self._add(self._exact, text, "person", str(i))
                if " " in text.strip():  # "Von der Leyen" at the start of a sentence
                    self._add(self._lower, text, "person", str(i))
                if " " not in text.strip():
                    self._surname_of.setdefault(text, []).append(i)
        for title in kb.titles:
            # "EU foreign ministers" (the plural names the office too), "Vice-President"
            for text in {title.text, _plural(title.text), title.text.replace(" ", "-", 1)}:
                self._add(self._lower, text, "title", title.role, title.text)
        for word, sector in kb.sectors.items():
            self._add(self._lower, word, "sector", sector)
        for word in COUNTERPART:
            self._add(self._lower, word, "counterpart", "")
        for word in LEADER:
            self._add(self._lower, word, "leader", "")
        groups = kb.groups
        for region in groups.get("regions", ()):
            for head in groups.get("heads", ()):
                self._add(self._lower, f"{region} {head}", "group", head)
        for text in groups.get("standalone", ()):
            # "the West" keeps its article: a bare "West" is West Ham or West Bank.
            self._add(self._lower, text, "group", "allies", strip=False)

    def _hits(self, doc: Doc) -> dict[int, list[_Hit]]:
        """All matches by start token, longest first."""
        by_start: dict[int, list[_Hit]] = {}
        for matcher in (self._exact, self._lower):
            for match_id, start, end in matcher(doc):
                kind, key, extra = self._payload[self.nlp.vocab.strings[match_id]]
                if kind in STATE_KINDS and stance_prefixed(doc, start):
                    continue  # an "anti-Syria" journalist is not Syrian
                by_start.setdefault(start, []).append(_Hit(start, end, kind, key, extra))
        for hits in by_start.values():
            # Longest first; on a tie names beat common words (exact matcher kinds first).
            hits.sort(key=lambda h: (-(h.end - h.start), h.kind in ("title", "sector", "leader")))
        return by_start

    # ------------------------------------------------------------------ public API
    def find_mentions(self, doc: Doc, *, when: dt.date | None,
                      home_country: str | None = None) -> list[Mention]:
        """All actor mentions in an article's parsed Doc, resolved at `when`.

        Args:
            doc: the article parsed by ``diplograph.coding.parse.load_nlp()``.
            when: the article's publication date (None: today's office holders).
            home_country: ISO3 guess of the article's country, for bare titles.

        Returns:
            Non-overlapping mentions in text order.
        """
        when = when or min(dt.date.today(), OPEN_END)
        hits = self._hits(doc)
        person_ents = {e.start: e for e in doc.ents if e.label_ == "PERSON"}
        ent_end = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ent_end[i] = ent
        state = _ArticleState()
        mentions: list[Mention] = []
        i = 0
        while i < len(doc):
            phrase = self._read_phrase(doc, i, hits, person_ents)
            if phrase is None:
                ref, end = self._single(doc, i, hits, person_ents, ent_end, state, when)
                if ref is None:
                    i += 1
                    continue
                start = i
            else:
                start, end = phrase.start, phrase.end
                ref = self._resolve_phrase(doc, phrase, state, when, home_country)
                if ref is None:
                    i = max(end, i + 1)
                    continue
            if end - start > 1 and doc[end - 1].tag_ == "POS":
                end -= 1  # "Saddam Hussein's proposal": the actor is the man, not "'s"
            span = doc[start:end]
            ref = replace(ref, text=span.text)
            if ref.kind == "person" and ref.name and ref.name.endswith(("'s", "’s")):
                ref = replace(ref, name=ref.name[:-2])
            if ref.country is None and ref.kind == "person":
                ref = replace(ref, country=self._possessor_country(span, mentions))
            mentions.append(Mention(start=span.start_char, end=span.end_char, token_start=start,
                                    token_end=end, actor=ref))
            self._remember(state, doc, start, ref)
            i = max(end, i + 1)
        return self._appositive_countries(doc, mentions)

    @staticmethod
    def _appositive_countries(doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """ "Salaheddine Sidhoum, ALGERIA's leading activist": an unknown person takes the
        country their appositive gives (a state owning or qualifying it), inferred from the
        text, not guessed."""
        by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
        out = []
        for m in mentions:
            actor = m.actor
            if actor.kind == "person" and actor.country is None:
                root = doc[m.token_start:m.token_end].root
                found = {by_token[t.i].actor.country for c in root.children if c.dep_ == "appos"
                         for t in c.subtree if t.i in by_token and by_token[t.i] is not m
                         and by_token[t.i].actor.country}
                if len(found) == 1:
                    m = replace(m, actor=replace(actor, country=found.pop()))
            out.append(m)
        return out

    @staticmethod
    def _possessor_country(span: Span, mentions: list[Mention]) -> str | None:
        """ "IRAN's religious leader Ayatollah Khomeini": a state that owns the phrase
        gives an unknown person their country (inferred from context, not guessed)."""
        owners = [c for t in span for c in t.children if c.dep_ == "poss" and c.i < span.start]
        for owner in owners:
            for m in mentions:
                if m.token_start <= owner.i < m.token_end and m.actor.kind == "state":
                    return m.actor.country
        return None

    def knows(self, text: str) -> bool:
        """Whether any name, title or word of the knowledge base occurs in ``text``: a
        tokenizer-only check, so callers can skip parsing text that names no one."""
        return bool(self._hits(self.nlp.make_doc(text)))

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
        mentions = self.find_mentions(self.nlp(text), when=when, home_country=home_country)
        return mentions[0].actor if mentions else None

    # ------------------------------------------------------------------ grammar
    def _first(self, hits: dict[int, list[_Hit]], i: int, kinds: Sequence[str]) -> _Hit | None:
        for hit in hits.get(i, ()):
            if hit.kind in kinds:
                return hit
        return None

    def _read_phrase(self, doc: Doc, i: int, hits: dict[int, list[_Hit]],
                     person_ents: dict[int, Span]) -> _Phrase | None:
        """Read `[det] [former] [modifier]* [head] [name]` at token i; None if no head/name."""
        phrase = _Phrase(start=i, end=i)
        j = i
        if doc[j].lower_ in DETERMINERS:
            phrase.possessor = doc[j].lower_ in POSSESSIVE_PRONOUNS
            j += 1
        seen_modifier = False
        while j < len(doc):
            low = doc[j].lower_
            if low in self.kb.former_words:
                phrase.former = True
                j += 1
                continue
            if low in FILLERS or (doc[j].text == "-" and seen_modifier):
                j += 1
                continue
            mod = self._first(hits, j, ("adj", "country", "org", "metonym"))
            title = self._first(hits, j, ("title",))
            if title is not None and (mod is None or title.end > mod.end):
                break  # "Pentagon chief" is a title, not "Pentagon" + "chief"
            body = self._first(hits, j, ("sector",))
            if body is not None and mod is None and self._first(
                    hits, body.end, ("title", "sector")) is not None:
                j = body.end  # "foreign ministry spokeswoman", "opposition activist"
                continue
            if mod is not None and self._modifies(doc, mod, hits):
                if mod.kind == "org":
                    phrase.org = mod.key
                else:
                    phrase.country = mod.key
                seen_modifier = True
                j = mod.end + (1 if mod.end < len(doc) and doc[mod.end].tag_ == "POS" else 0)
                continue
            break
        head = self._first(hits, j, ("title", "counterpart", "leader", "sector"))
        if head is not None and head.kind == "title" and phrase.org is None \
                and self._needs_org(head):
            head = None  # "chief" alone is not a title; "IAEA chief" is
        if head is not None:
            phrase.head = head
            phrase.plural = doc[head.end - 1].tag_ in ("NNS", "NNPS")
            j = head.end
        name_end = self._read_name(doc, j, hits, person_ents, phrase)
        if phrase.head is None and phrase.person is None and phrase.person_text is None:
            return None
        if phrase.head is not None and phrase.head.kind == "sector" and not seen_modifier \
                and name_end == j and not phrase.possessor:
            return None  # a bare "officials" or "troops" names no one
        phrase.end = max(name_end, j)
        if phrase.start < phrase.end and doc[phrase.start].lower_ in DETERMINERS \
                and phrase.end == phrase.start + 1:
            return None
        return phrase

    def _needs_org(self, head: _Hit) -> bool:
        return any(t.text == head.extra and t.requires_org for t in self.kb.titles)

    def _modifies(self, doc: Doc, mod: _Hit, hits: dict[int, list[_Hit]]) -> bool:
        """A state/org word modifies a following head ("Russian troops", "Russia's minister")."""
        nxt = mod.end
        if nxt < len(doc) and doc[nxt].tag_ == "POS":
            nxt += 1
        skip = FILLERS | self.kb.former_words
        while nxt < len(doc) and doc[nxt].lower_ in skip:
            nxt += 1
        if self._first(hits, nxt, ("title", "counterpart", "leader", "sector")) is not None:
            return True
        # "Canadian Mark Carney": a demonym directly before a known person.
        return mod.kind == "adj" and self._first(hits, nxt, ("person",)) is not None

    def _read_name(self, doc: Doc, j: int, hits: dict[int, list[_Hit]],
                   person_ents: dict[int, Span], phrase: _Phrase) -> int:
        """Read an optional person name at token j into `phrase`; return the end token."""
        k = j
        if k < len(doc) and doc[k].lower_ in HONORIFICS:
            k += 1
            if k < len(doc) and doc[k].text == ".":
                k += 1
        if k < len(doc) and doc[k].text == "," and phrase.head is not None \
                and phrase.head.kind in ("counterpart", "title") and not phrase.plural \
                and (k + 1 in person_ents or self._first(hits, k + 1, ("person",))):
            k += 1  # "his counterpart, Sergei Lavrov": the appositive names him
        person_hit = self._first(hits, k, ("person",))
        org_hit = self._first(hits, k, ("org",))
        if person_hit is not None and org_hit is not None and org_hit.end > person_hit.end:
            person_hit = None  # "Boko Haram" is the group, not Duma Boko
        titled = k > j or phrase.head is not None
        if person_hit is not None:
            text = doc[person_hit.start:person_hit.end].text
            ent = person_ents.get(person_hit.start)
            derived = all(h.extra == "derived" for h in hits[k]
                          if h.kind == "person" and h.end == person_hit.end)
            # "Sun Weidong" is not Sun Yun-suan: a bare surname the model reads as the start of
            # a longer name (beyond a suffix such as "Jr.") is someone else's.
            longer = ent is not None and " " not in text and any(
                t.text not in NAME_SUFFIXES and not t.is_punct and t.lower_ != "'s"
                for t in doc[person_hit.end:ent.end])
            if longer:
                phrase.person_text = ent.text
                return ent.end
            if (" " in text or titled or ent is not None or text.lower() not in COMMON_WORDS) \
                    and not (derived and ent is None and not titled) \
                    and not self._other_bearer(doc, person_hit, hits, text):
                phrase.candidates = [self.kb.people[int(h.key)] for h in hits[k]
                                     if h.kind == "person" and h.end == person_hit.end]
                phrase.person = phrase.candidates[0]
                phrase.person_text = text
                # "Joe Biden Jr." where "Joe Biden" matched: take the whole PERSON entity.
                return max(person_hit.end, ent.end) if ent is not None else person_hit.end
        ent = person_ents.get(k)
        if ent is not None and not self._is_place(hits, ent) and doc[ent.start].lower_ != "the" \
                and (len(ent) > 1 or titled):
            phrase.person_text = ent.text
            return ent.end
        if k > j and k < len(doc) and doc[k].is_title:
            phrase.person_text = doc[k].text  # "Mr. Smith" unknown to the model too
            return k + 1
        if phrase.head is not None and phrase.head.kind == "title":
            end = k
            while end < len(doc) and self._name_word(doc, end, hits):
                end += 1
            if end - k >= 2:  # "Vice-President Moody Awori", a name the model missed
                phrase.person_text = doc[k:end].text
                return end
        return j

    @staticmethod
    def _name_word(doc: Doc, i: int, hits: dict[int, list[_Hit]]) -> bool:
        """A capitalised proper noun that no knowledge matches and no other entity claims."""
        tok = doc[i]
        return (tok.pos_ == "PROPN" and tok.is_title and not hits.get(i)
                and tok.ent_type_ in ("", "PERSON", "ORG"))

    def _other_bearer(self, doc: Doc, hit: _Hit, hits: dict[int, list[_Hit]], text: str) -> bool:
        """'Jeff Morrison' is not Scott Morrison: a surname after an unknown first name."""
        if " " in text or hit.start == 0:
            return False
        prev = doc[hit.start - 1]
        return prev.is_title and prev.pos_ == "PROPN" and not prev.is_sent_start \
            and not hits.get(prev.i) and prev.lower_ not in HONORIFICS

    def _is_place(self, hits: dict[int, list[_Hit]], ent: Span) -> bool:
        hit = self._first(hits, ent.start, ("country", "metonym", "adj", "org", "orgmetonym"))
        return hit is not None and hit.end >= ent.end

    # ------------------------------------------------------------------ single words
    def _single(self, doc: Doc, i: int, hits: dict[int, list[_Hit]], person_ents: dict[int, Span],
                ent_end: dict[int, Span], state: _ArticleState,
                when: dt.date) -> tuple[ActorRef | None, int]:
        """A state, metonym, organisation, group or pronoun that is not part of a phrase."""
        start = i + 1 if doc[i].lower_ == "the" else i
        for hit in (*hits.get(i, ()), *hits.get(start, ())) if start != i else hits.get(i, ()):
            if hit.kind in ("title", "sector", "counterpart", "leader", "adj", "person"):
                continue
            if self._inside_other_name(doc, hit, ent_end):
                continue
            if hit.kind == "group" and hit.end < len(doc) and doc[hit.end].is_title \
                    and doc[hit.end].pos_ == "PROPN":
                continue  # "the West Bank", "the West African states": a longer name
            ref = self._single_ref(doc, hit, when)
            if ref is not None:
                return ref, hit.end
        known = state.unknown_names.get(doc[i].text)
        if known is not None and doc[i].is_title:
            return known, i + 1  # "Doe" after "Canadian journalist Jane Doe"
        if doc[i].lower_ in PRONOUNS and doc[i].dep_ in ("nsubj", "nsubjpass"):
            return self._pronoun(doc, i, state), i + 1
        return None, i + 1

    def _inside_other_name(self, doc: Doc, hit: _Hit, ent_end: dict[int, Span]) -> bool:
        """'Washington' in 'The Washington Post', 'Moscow' in 'Moscow State University'."""
        ent = ent_end.get(hit.start)
        if ent is None or ent.label_ in ("GPE", "NORP", "PERSON", "LOC"):
            return False
        ent_start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
        return ent_start < hit.start or ent.end > hit.end

    def _single_ref(self, doc: Doc, hit: _Hit, when: dt.date) -> ActorRef | None:
        kb = self.kb
        before = self._word_before(doc, hit.start)
        if hit.kind == "country":
            if before in STATE_LOCATIVE or self._compound_of_thing(doc, hit) \
                    or self._listed_place(doc, hit, STATE_LOCATIVE):
                return None
            return self._state(hit.key, "GOV")
        if hit.kind == "metonym":
            if before in LOCATIVE or self._compound_of_thing(doc, hit) \
                    or self._listed_place(doc, hit, LOCATIVE):
                return None
            return self._state(hit.key, hit.extra or "GOV")
        if hit.kind == "people":
            country = kb.countries[hit.key]
            text = doc[hit.start:hit.end].text
            nxt = doc[hit.end] if hit.end < len(doc) else None
            after_the = hit.start > 0 and doc[hit.start - 1].lower_ == "the"
            if text in country.adjectives and (not after_the or (
                    nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"))):
                return None  # "best British act", "the British Library"
            return ActorRef(name=country.name, country=country.code, sector=None, kind="group")
        if hit.kind in ("org", "orgmetonym"):
            if hit.kind == "orgmetonym" and before in LOCATIVE:
                return None
            return self._org(hit.key)
        if hit.kind == "group":
            text = doc[hit.start:hit.end].text
            return ActorRef(name=text[0].upper() + text[1:] if text.islower() else text,
                            country=None, sector="GOV", kind="group")
        return None

    @staticmethod
    def _listed_place(doc: Doc, hit: _Hit, locative: frozenset[str]) -> bool:
        """'stations in London, Amsterdam and Sydney': a later item of a list of places."""
        token = doc[hit.end - 1]
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head
        return token.dep_ == "pobj" and token.head.lower_ in locative

    def _word_before(self, doc: Doc, start: int) -> str:
        k = start - 1
        while k >= 0 and doc[k].lower_ in ("the", "nearby", "central", "eastern", "western",
                                            "northern", "southern"):
            k -= 1
        return doc[k].lower_ if k >= 0 else ""

    def _compound_of_thing(self, doc: Doc, hit: _Hit) -> bool:
        """'the Ukraine war', 'Moscow time': a state word modifying a non-actor noun."""
        last = doc[hit.end - 1]
        if last.dep_ not in ("compound", "amod") or last.head.i < hit.end:
            return False
        return last.head.pos_ in ("NOUN", "PROPN") and last.head.i == hit.end

    # ------------------------------------------------------------------ resolution
    def _state(self, code: str, sector: str | None) -> ActorRef:
        country = self.kb.countries[code]
        return ActorRef(name=country.name, country=code, sector=sector, kind="state")

    def _org(self, name: str, sector: str | None = None) -> ActorRef:
        org = self.kb.organisations[name]
        return ActorRef(name=org.name, country=org.country, sector=sector or org.sector,
                        wikidata=org.wikidata, kind="organisation")

    def _resolve_phrase(self, doc: Doc, phrase: _Phrase, state: _ArticleState, when: dt.date,
                        home_country: str | None) -> ActorRef | None:
        head = phrase.head
        if phrase.person is not None:
            role = self._title_role(head, phrase)
            person = self._pick_person(phrase, state, when, role)
            if person is not None and self._too_early(person, phrase, when):
                person = None  # "Morrison" in 2005 is not Scott Morrison
            if person is None:  # two known people share this name: keep the words, guess no one
                return ActorRef(name=phrase.person_text,
                                country=phrase.country or _shared_country(phrase.candidates),
                                kind="person")
            return self._person_ref(person, when, phrase, role)
        if phrase.person_text is not None:
            ref = self._unknown_person(phrase, state)
            if ref.country is None and ref.role is not None and ref.sector == "GOV" \
                    and not phrase.org:
                # "Vice Foreign Minister Sun Weidong" in a story from Beijing: an official
                # title with no state named is the story's own state, as for bare titles.
                ref = replace(ref, country=home_country)
            return ref
        assert head is not None
        if head.kind == "sector":
            return self._sector_ref(doc, phrase)
        if head.kind == "counterpart":
            return self._counterpart(phrase, state, when)
        role = self._title_role(head, phrase)
        if role is None:
            return None
        return self._role_holder(role, phrase, state, when, home_country)

    @staticmethod
    def _too_early(person: Person, phrase: _Phrase, when: dt.date) -> bool:
        """A bare surname years before the person's first office names someone else."""
        if phrase.head is not None or " " in (phrase.person_text or " ") or not person.terms:
            return False
        first = min(t.start for t in person.terms)
        return when < first.replace(year=first.year - 3)

    def _pick_person(self, phrase: _Phrase, state: _ArticleState, when: dt.date,
                     role: str | None) -> Person | None:
        """Choose among people sharing a name: named earlier, then in office, then in context."""
        candidates = list({id(p): p for p in phrase.candidates}.values())
        if len(candidates) == 1:
            return candidates[0]
        earlier = {ref.name for _s, ref, _g in state.people}
        for test in (
            lambda p: p.name in earlier,
            lambda p: any(t.active(when) and (phrase.country in (None, t.country))
                          and (role in (None, t.role)) for t in p.terms),
            lambda p: phrase.country is not None and any(t.country == phrase.country
                                                         for t in p.terms),
        ):
            kept = [p for p in candidates if test(p)]
            if len(kept) == 1:
                return kept[0]
            if kept:
                candidates = kept
        return None

    def _title_role(self, head: _Hit | None, phrase: _Phrase) -> str | None:
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
        for title in self.kb.titles:
            if title.text != head.extra:
                continue
            if title.countries and phrase.country and phrase.country not in title.countries:
                continue
            return title.role
        return head.key

    def _term_for(self, person: Person, when: dt.date, role: str | None,
                  country: str | None) -> tuple[Term | None, bool]:
        """The term that best explains a mention of `person` on `when`; bool = still in office."""
        def rank(term: Term) -> tuple[int, int, int]:
            return (role is not None and term.role != role,
                    country is not None and country not in (term.country, term.org),
                    ROLE_PRIORITY.index(term.role) if term.role in ROLE_PRIORITY else 99)
        active = person.terms_at(when)
        if active:
            return sorted(active, key=rank)[0], True
        past = [t for t in person.terms if t.start <= when]
        if past:
            return max(past, key=lambda t: t.end or OPEN_END), False
        return (min(person.terms, key=lambda t: t.start) if person.terms else None), False

    def _person_ref(self, person: Person, when: dt.date, phrase: _Phrase | None,
                    role: str | None) -> ActorRef:
        country = phrase.country if phrase else None
        term, current = self._term_for(person, when, role, country)
        former = (phrase is not None and phrase.former) or (term is not None and not current
                                                               and term.start <= when)
        if term is None:
            return ActorRef(name=person.name, country=country, sector=None, role=None,
                            wikidata=person.wikidata, kind="person")
        where_country = term.country
        if term.org and not term.country:
            org = self.kb.organisations.get(term.org)
            sector = org.sector if org else "IGO"
        else:
            sector = "PTY" if term.role == "party leader" else "GOV"
        if former:
            return ActorRef(name=person.name, country=where_country, sector="ELI", role=None,
                            wikidata=person.wikidata, kind="person")
        if not current and phrase is not None and role is not None:
            # "Prime Minister Tony Blair" before our data starts: the text says who he is.
            return ActorRef(name=person.name, country=phrase.country or where_country,
                            sector="GOV", role=role, wikidata=person.wikidata, kind="person")
        if not current:  # mentioned before taking office
            return ActorRef(name=person.name, country=where_country, sector=None, role=None,
                            wikidata=person.wikidata, kind="person")
        return ActorRef(name=person.name, country=where_country, sector=sector, role=term.role,
                        wikidata=person.wikidata, kind="person")

    def _unknown_person(self, phrase: _Phrase, state: _ArticleState) -> ActorRef:
        name = phrase.person_text or ""
        known = state.unknown_names.get(name)
        if known is not None:
            return known
        sector = None
        role = None
        if phrase.head is not None:
            if phrase.head.kind == "sector":
                sector = phrase.head.key
            elif phrase.head.kind in ("title", "leader"):
                role = self._title_role(phrase.head, phrase)
                sector = "GOV"
        if phrase.former:
            sector, role = "ELI", None
        country = phrase.country
        if phrase.org and country is None:
            org = self.kb.organisations[phrase.org]
            country, sector = org.country, sector or org.sector
        return ActorRef(name=name, country=country, sector=sector, role=role, kind="person")

    def _sector_ref(self, doc: Doc, phrase: _Phrase) -> ActorRef | None:
        assert phrase.head is not None
        sector = phrase.head.key
        if phrase.former and sector == "GOV":
            sector = "ELI"
        single = (not phrase.plural and doc[phrase.head.start:phrase.head.end].text.lower()
                  in SINGULAR_PERSON_NOUNS)
        if phrase.org:
            org = self.kb.organisations[phrase.org]
            return ActorRef(name=org.name, country=org.country,
                            sector=org.sector if sector == "GOV" else sector,
                            wikidata=org.wikidata, kind="person" if single else "organisation")
        if phrase.country is None:
            return None  # "their officials": whose is not ours to guess
        if single:  # "a Canadian reporter": someone we cannot name
            return ActorRef(name=None, country=phrase.country, sector=sector, kind="person")
        return self._state(phrase.country, sector)

    def _role_holder(self, role: str, phrase: _Phrase, state: _ArticleState, when: dt.date,
                     home_country: str | None) -> ActorRef | None:
        where = phrase.org or phrase.country
        title = phrase.head.extra if phrase.head else None
        if phrase.plural:
            if where is None:
                return None
            if phrase.org:
                return self._org(phrase.org)
            return self._state(where, "GOV")
        if where is None and phrase.head is not None:
            where = self._implied_country(phrase.head)
        if where is None:
            earlier = self._earlier_with_role(state, role)
            if earlier is not None:
                return earlier
            where = home_country
        if where is None:
            if role not in ("head of state", "head of government"):
                return None  # "spokesman for Celltick": nothing political to say
            return ActorRef(name=None, country=None, sector="GOV", role=role, kind="person")
        if phrase.former:
            return ActorRef(name=None, country=None if phrase.org else where, sector="ELI",
                            role=None, kind="person")
        person = self._holder(role, where, when, title)
        if person is None and title and not self._title_fits_any(role, where, when, title):
            where = None  # "the president" in a Canadian story: not Canada's head of state
        if person is None:
            return ActorRef(name=None, country=None if phrase.org else where,
                            sector="IGO" if phrase.org else "GOV", role=role, kind="person")
        ref = self._person_ref(person, when, None, role)
        return replace(ref, role=role)

    def _implied_country(self, head: _Hit) -> str | None:
        """'the Pentagon chief', 'the foreign secretary': titles only one state uses."""
        for title in self.kb.titles:
            if title.text == head.extra and len(title.countries) == 1:
                return title.countries[0]
        return None

    def _holder(self, role: str, where: str, when: dt.date, title: str | None) -> Person | None:
        """The holder of a role; for `other` roles ("vice president") match the title."""
        if title:
            for person in self.kb.people:
                for term in person.terms:
                    if (term.title or "").lower() == title.lower() and term.role not in (role,) \
                            and where in (term.country, term.org) and term.active(when) \
                            and term.role == "other":
                        return person
        person = self.kb.holder(role, where, when)
        if person is not None and title and not self._title_fits(person, role, where, when, title):
            return None  # "the president" in a Canadian story is not the King
        return person

    def _title_fits_any(self, role: str, where: str, when: dt.date, title: str) -> bool:
        person = self.kb.holder(role, where, when)
        return person is None or self._title_fits(person, role, where, when, title)

    @staticmethod
    def _title_fits(person: Person, role: str, where: str, when: dt.date, title: str) -> bool:
        for term in person.terms:
            if term.role == role and where in (term.country, term.org) and term.active(when):
                held = (term.title or "").lower()
                if held and (title.lower() in MONARCH_TITLES) != (held in MONARCH_TITLES):
                    return False
        return True

    def _earlier_with_role(self, state: _ArticleState, role: str) -> ActorRef | None:
        for _sent, ref, _gender in reversed(state.people):
            if ref.role == role and ref.name:
                return ref
        return None

    def _counterpart(self, phrase: _Phrase, state: _ArticleState, when: dt.date) -> ActorRef | None:
        """'his French counterpart': the same office as the last person named, in another state."""
        anchor = next((ref for _s, ref, _g in reversed(state.people) if ref.role), None)
        if phrase.country is None:
            if phrase.plural:
                return None
            return ActorRef(name=None, country=None, sector="GOV",
                            role=anchor.role if anchor else None, kind="person")
        if phrase.plural or anchor is None or anchor.role is None:
            return self._state(phrase.country, "GOV") if phrase.plural else ActorRef(
                name=None, country=phrase.country, sector="GOV", role=None, kind="person")
        person = self.kb.holder(anchor.role, phrase.country, when)
        if person is None:
            return ActorRef(name=None, country=phrase.country, sector="GOV", role=anchor.role,
                            kind="person")
        return replace(self._person_ref(person, when, None, anchor.role), role=anchor.role)

    # ------------------------------------------------------------------ coreference
    def _remember(self, state: _ArticleState, doc: Doc, start: int, ref: ActorRef) -> None:
        if ref.kind != "person" or not (ref.name or ref.role):
            return
        person = self._by_name.get(ref.name or "")
        gender = person.gender if person else None
        sent = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
        state.people.append((sent, ref, gender))
        if ref.name and not ref.wikidata and " " in ref.name:
            state.unknown_names.setdefault(ref.name.split()[-1], ref)

    def _pronoun(self, doc: Doc, i: int, state: _ArticleState) -> ActorRef | None:
        """'he'/'she' as a subject: the one person of that gender named in this or the last
        sentence; None when there are several."""
        if not doc.has_annotation("SENT_START"):
            return None
        sent = doc[i].sent
        prev_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        gender = PRONOUNS[doc[i].lower_]
        candidates = {ref.name: ref for s, ref, g in state.people
                      if ref.name and s >= prev_start and g in (gender, None)}
        if len(candidates) != 1:
            return None
        return next(iter(candidates.values()))
