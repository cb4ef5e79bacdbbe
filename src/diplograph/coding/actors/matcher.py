"""Matching the knowledge base's words in a Doc: every name, title and sector noun.

Two spaCy PhraseMatchers are compiled once per process: names match by exact spelling
("Carney", not "carney"), titles and nouns by their lower case ("Prime Minister").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from diplograph.coding.actors.mention import Hit, HitKind, Hits
from diplograph.coding.actors.words import MentionWords
from diplograph.knowledge.base import KnowledgeBase, Person

# Matches that name a state, which a stance prefix ("anti-", "pro-") turns into an opinion.
STATE_KINDS = frozenset({"country", "adj", "people", "metonym"})
STANCE_PREFIXES = frozenset({"anti", "pro"})
# Kinds of common words, which lose a tie of length to a name ("Vice President" vs "Vice").
_COMMON_KINDS = ("title", "sector", "leader")


def stance_prefixed(doc: Doc, i: int) -> bool:
    """Whether token i follows "anti-" or "pro-" ("anti-Syria", "pro-Russian"): the
    words name a side taken, not a nationality."""
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES:
        return True
    before = doc[i - 1].lower_ if i >= 1 else ""
    return before.endswith("-") and before.rstrip("-") in STANCE_PREFIXES


def derived_surname(person: Person, words: MentionWords) -> str | None:
    """The bare surname an article uses after the first mention, when the file gives none.

    Chinese and Korean names put it first (Xi Jinping -> Xi); names with particles
    (von der Leyen, da Silva) are left to the file's aliases.
    """
    parts = [p for p in person.name.split() if p not in words.name_suffixes]
    if len(parts) < 2 or any(p[0].islower() for p in parts[1:]):
        return None
    if any(t.country in words.surname_first_countries for t in person.terms):
        return parts[0]
    return parts[-1]


def plural_title(title: str) -> str:
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


def _titled_word(text: str) -> bool:
    """A name of "The" and one word ("The Times", "The Sun"): the article is part of it, as
    the word alone is a common word or several bodies' name."""
    words = text.split()
    return len(words) == 2 and words[0] == "The"


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


class KnowledgeMatcher:
    """Finds the knowledge base's words in a Doc; build once, call per article."""

    def __init__(self, kb: KnowledgeBase, nlp: Language, words: MentionWords) -> None:
        self.kb = kb
        self.nlp = nlp
        self.words = words
        self._payload: dict[str, tuple[HitKind, str, str]] = {}
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        # The order of adding decides the order of equally long matches: keep it.
        self._add_states()
        self._add_organisations()
        self._add_people()
        self._add_titles_and_nouns()
        self._add_groups()

    def __call__(self, doc: Doc) -> Hits:
        """All matches by start token, longest first."""
        by_start: dict[int, list[Hit]] = {}
        for matcher in (self._exact, self._lower):
            for match_id, start, end in matcher(doc):
                kind, key, extra = self._payload[self.nlp.vocab.strings[match_id]]
                if kind in STATE_KINDS and stance_prefixed(doc, start):
                    continue  # an "anti-Syria" journalist is not Syrian
                by_start.setdefault(start, []).append(Hit(start, end, kind, key, extra))
        for hits in by_start.values():
            # Longest first; on a tie names beat common words (exact matcher kinds first).
            hits.sort(key=lambda h: (-(h.end - h.start), h.kind in _COMMON_KINDS))
        return Hits(by_start)

    def _add(self, matcher: PhraseMatcher, text: str, kind: HitKind, key: str, extra: str = "",
             *, strip: bool = True) -> None:
        """Add one pattern; its label says what a match means (kind, key, extra)."""
        text = _strip_the(text.strip()) if strip else text.strip()
        if not text:
            return
        label = f"{kind}|{key}|{extra}"
        self._payload[label] = (kind, key, extra)
        matcher.add(label, [self.nlp.make_doc(text)])

    def _add_each(self, matcher: PhraseMatcher, texts: Iterable[str], kind: HitKind,
                  key: str) -> None:
        """Add several texts that name the same thing."""
        for text in texts:
            self._add(matcher, text, kind, key)

    def _add_states(self) -> None:
        for c in self.kb.countries.values():
            self._add_each(self._exact, (c.name, *c.aliases), "country", c.code)
            self._add_each(self._exact, c.adjectives, "adj", c.code)
            self._add_each(self._exact, c.people, "people", c.code)
            for text, sector in c.metonyms:
                self._add(self._exact, text, "metonym", c.code, sector)

    def _add_organisations(self) -> None:
        for org in self.kb.organisations.values():
            for text in (org.name, *org.aliases):
                if _titled_word(text):  # "The Times", "the Times": never a bare "Times"
                    self._add(self._exact, text, "org", org.name, strip=False)
                    self._add(self._exact, "t" + text[1:], "org", org.name, strip=False)
                else:
                    self._add(self._exact, text, "org", org.name)
            self._add_each(self._exact, org.metonyms, "orgmetonym", org.name)
            self._add_each(self._exact, org.adjectives, "orgadj", org.name)

    def _add_people(self) -> None:
        for i, person in enumerate(self.kb.people):
            surname = derived_surname(person, self.words)
            if surname and surname not in person.aliases:
                self._add(self._exact, surname, "person", str(i), "derived")
            for text in (person.name, *person.aliases):
                self._add(self._exact, text, "person", str(i))
                if " " in text.strip():  # "Von der Leyen" at the start of a sentence
                    self._add(self._lower, text, "person", str(i))

    def _add_titles_and_nouns(self) -> None:
        for title in self.kb.titles:
            # "EU foreign ministers" (the plural names the office too), "Vice-President"
            for text in {title.text, plural_title(title.text), title.text.replace(" ", "-", 1)}:
                self._add(self._lower, text, "title", title.role, title.text)
        for word, sector in (*self.kb.sectors.items(), *self.kb.agent_sectors.items()):
            self._add(self._lower, word, "sector", sector)
        self._add_each(self._lower, self.words.counterpart_words, "counterpart", "")
        self._add_each(self._lower, self.words.leader_words, "leader", "")

    def _add_groups(self) -> None:
        groups = self.kb.groups
        for region in groups.get("regions", ()):
            for head in groups.get("heads", ()):
                self._add(self._lower, f"{region} {head}", "group", head)
        for text in groups.get("blocs", ()):
            self._add(self._lower, text, "group", "bloc", strip=False)
        for text in groups.get("standalone", ()):
            # "the West" keeps its article: a bare "West" is West Ham or West Bank.
            self._add(self._lower, text, "group", "allies", strip=False)
