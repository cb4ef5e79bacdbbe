"""Descriptions that name a person the article has named before.

News writes a person's office, party, state or trade in place of the name once it has named
them: "the Ohio governor" (John Kasich), "the Republican front-runner" and "the U.S.
presidential candidate" (Donald Trump in 2016), "the Wisconsin Republican" (Paul Ryan), "the
real estate magnate" (Trump). Such a definite description (an epithet: ``epithets``) whose
head is a post of ``description_posts`` (governor, senator, candidate, front-runner, nominee),
a party's member or an occupation names the ONE person named before it whose record fits
every word of it (rule ``epithet-back-reference``):
- a post: an office held on the story's day whose title holds the post's word, or, for a
  candidate, a presidential candidacy of ``epithets.yaml`` running that day; a front-runner
  is the candidate who led the party's race that day (``front_runs``), where it is known;
- a place word ("OHIO governor", "the FLORIDA senator"): the place the office's title names
  where it names one ("governor of Ohio"), else the person's home state on the day;
- a country word ("the U.S. presidential candidate"): a state the person held office in;
- a party word ("the DEMOCRATIC front-runner", "the Wisconsin REPUBLICAN"): the person's
  party on the day, or the party they were running for;
- an occupation ("the New York BUSINESSMAN"): one of the person's occupations, and no one
  we know nothing of named in full since the person last was (they may be the businessman
  meant); a single word ("President") or a name ending in a known person's surname
  ("Crooked Hillary Clinton") is a misread name, not a rival.
Two who fit, none, or a former post ("the former Florida governor") bind no one: the
description stays what the walk read (an office, a party, or nothing); it is never bound to a
namesake of the knowledge base that the article does not name.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from diplograph.coding.actors.epithets import EpithetWords, Record
from diplograph.coding.actors.mention import Mention, overlaps, read_as
from diplograph.coding.token_table import TokenTable, token_table
from diplograph.knowledge.base import Person, Term
from diplograph.records import ActorRef

# Left dependents that belong to a description ("the OHIO governor", "the U.S. PRESIDENTIAL
# candidate", "the 2016 DEMOCRATIC front-runner").
_MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nmod", "nummod", "npadvmod"})
# A place after the head that belongs to it ("the Democratic candidate FROM Vermont").
_PLACE_PREPOSITION = "from"


@dataclass(frozen=True, slots=True)
class Epithet:
    """What one head of a description says ("the Florida senator AND Republican presidential
    candidate" has two)."""

    head: str  # the head noun as written, lower case ("senator", "front-runner")
    party: str | None  # "Republican"
    places: frozenset[str]  # proper-noun words that are no state: "new york", "ohio"
    countries: frozenset[str]  # ISO3 of a state's name or adjective: "U.S." -> USA
    former: bool  # "the FORMER Florida governor": a post held no more


@dataclass(frozen=True, slots=True)
class DescriptionWords:
    """The words that make and read a description."""

    posts: Mapping[str, str]  # head noun -> the word of the office's title
    epithets: EpithetWords
    countries: Mapping[str, str]  # lower-case state name or adjective -> ISO3
    former: frozenset[str]  # "former", "ex"

    def head_words(self) -> frozenset[str]:
        """The head nouns of a description: the posts' and the epithets' (one set, built
        once an article: built at each token, the union was most of the description scan)."""
        return frozenset(self.posts) | self.epithets.heads()


def described_people(doc: Doc, mentions: list[Mention], words: DescriptionWords,
                     people: Mapping[str, Person], when: dt.date) -> list[Mention]:
    """Bind definite descriptions to the one person named before whom they fit.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        words: the posts, epithet words and facts, state names and "former" words.
        people: known people by name.
        when: the story's date (the offices, parties and candidacies of that day).

    Returns:
        The mentions, with descriptions of a named person added or completed (a mention
        inside the description that names no person, "Republican" for the party, gives way).
    """
    out = list(mentions)
    tokens = token_table(doc)
    for token, start, end, heads in _descriptions(doc, tokens, words):
        if any(_holds_the_name(doc[start:end], m) for m in out if overlaps(m, start, end)):
            continue  # the description holds a name: it is that name's mention
        said = [_epithet(doc, tokens, h, words) for h in heads]
        actor = None if any(e.former for e in said) else _the_one_named_before(
            said, [m for m in out if m.token_end <= start], words, people, when)
        if actor is None:
            continue
        out = read_as(out, doc[start:end], actor)
    return sorted(out, key=lambda m: m.token_start)


def _descriptions(doc: Doc, tokens: TokenTable, words: DescriptionWords
                  ) -> Iterator[tuple[Token, int, int, list[Token]]]:
    """(head, first token, end, heads) of each definite description: "the Florida senator
    and Republican presidential candidate" is one, with two heads."""
    head_words = words.head_words()
    for i in range(len(doc)):
        if _head_word(tokens, i) not in head_words:
            continue  # no Token built for the other words
        token = doc[i]
        if not _definite(token):
            continue
        heads = [token] + [c for c in token.children if c.dep_ == "conj"
                           and _head_word(tokens, c.i) in head_words]
        start = min([token.i] + [t.i for c in token.lefts if c.dep_ in _MODIFIER_DEPS
                                 for t in c.subtree])
        yield token, start, max(h.i for h in heads) + 1, heads


def _head_word(tokens: TokenTable, i: int) -> str:
    """The head noun as written: "front-runner" is parsed as "front", "-", "runner"."""
    if i >= 2 and tokens.text[i - 1] == "-" and not tokens.space_after[i - 1]:
        return f"{tokens.lower[i - 2]}-{tokens.lower[i]}"
    return tokens.lower[i]


def _definite(token: Token) -> bool:
    """ "THE Ohio governor": a description of someone known, not "a governor"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)



def _holds_the_name(span, m: Mention) -> bool:
    """Whether a person's name is written in the span ("the Ohio governor John KASICH"); a
    party's nameless candidate ("The Republican candidate": the Republican Party) is not."""
    surname = (m.actor.name or "").split()[-1:] if m.actor.kind == "person" else []
    return bool(surname) and any(t.lower_ == surname[0].lower() for t in span)


def _epithet(doc: Doc, tokens: TokenTable, head: Token, words: DescriptionWords) -> Epithet:
    """What the words of one head say: its left modifiers and a place "from" after it."""
    modifiers = sorted({t.i for c in head.lefts if c.dep_ in _MODIFIER_DEPS
                        for t in c.subtree if t.i < head.i})
    modifiers += [t.i for c in head.rights if c.dep_ == "prep" and c.lower_ ==
                  _PLACE_PREPOSITION for t in c.subtree if t.i != c.i]
    word = _head_word(tokens, head.i)
    party_words = words.epithets.party_words
    party = party_words.get(word) if word in words.epithets.party_nouns else None
    party = party or next((party_words[tokens.lower[i]] for i in modifiers
                           if tokens.lower[i] in party_words), None)
    phrases = _proper_phrases(doc, modifiers, party_words)
    countries = {words.countries[p] for p in phrases if p in words.countries}
    return Epithet(head=word, party=party, countries=frozenset(countries),
                   places=frozenset(p for p in phrases if p not in words.countries),
                   former=any(tokens.lower[i] in words.former for i in modifiers))


def _proper_phrases(doc: Doc, indices: list[int], party_words: Mapping[str, str]
                    ) -> set[str]:
    """Runs of adjacent proper nouns, lower case ("New York" -> "new york"); a party's word
    is not a place ("the Florida REPUBLICAN")."""
    runs: list[list[int]] = []
    for i in indices:
        if doc[i].pos_ != "PROPN" or doc[i].lower_ in party_words:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return {" ".join(doc[i].lower_ for i in run) for run in runs}


def _the_one_named_before(said: list[Epithet], before: list[Mention],
                          words: DescriptionWords, people: Mapping[str, Person],
                          when: dt.date) -> ActorRef | None:
    """The actor of the one person named in `before` whom every epithet fits, or None."""
    facts = words.epithets.facts
    fitting: dict[str, ActorRef] = {}
    last_said: dict[str, int] = {}  # name -> where it was last named
    unknown: set[str] = set()  # people named whom we know nothing of
    for m in before:
        name = m.actor.name if m.actor.kind == "person" else None
        if not name:
            continue
        last_said[name] = m.token_start
        record = Record(person=people.get(name), facts=facts.get(name))
        if record.person is None and record.facts is None:
            unknown.add(name)  # a rival only with a full name no known person's (below)
        elif all(_fits(e, record, words, when) for e in said):
            fitting[name] = m.actor
    if len(fitting) != 1:
        return None
    name, actor = next(iter(fitting.items()))
    known_surnames = {_folded(n.split()[-1]) for n in last_said if n not in unknown}
    rivals = [u for u in unknown if len(u.split()) > 1
              and _folded(u.split()[-1]) not in known_surnames]
    if any(e.head in words.epithets.occupations for e in said) and any(
            last_said[u] > last_said[name] for u in rivals):
        return None  # someone we know nothing of, named since, may be the businessman meant
    return actor


def _folded(word: str) -> str:
    """A word without case or accents: "Calderon" is Felipe Calderón's surname."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold())
                   if not unicodedata.combining(c))


def _fits(said: Epithet, record: Record, words: DescriptionWords, when: dt.date) -> bool:
    """Whether one person's record fits every word of one epithet (the module's doc)."""
    facts = record.facts
    if not said.countries <= record.countries():
        return False
    if said.party is not None and (facts is None or not facts.in_party(said.party, when)):
        return False
    home = {facts.home_state(when).lower()} if facts and facts.home_state(when) else set()
    if said.head in words.epithets.front_runner_posts and facts is not None:
        return facts.leading_for_president(when) and said.places <= home
    if said.head in words.posts:
        post = words.posts[said.head]
        terms = record.person.terms_at(when) if record.person else []
        running = (said.head in words.epithets.candidacy_posts and facts is not None
                   and facts.running_for_president(when) and said.places <= home)
        return running or any(_term_fits(t, post, said.places, home) for t in terms)
    if said.head in words.epithets.occupations and (
            facts is None or said.head not in facts.occupations):
        return False
    return said.places <= home


def _term_fits(term: Term, post: str, places: frozenset[str], home: set[str]) -> bool:
    """Whether an office held is the post described, in the place described: the place its
    title names ("the Ohio governor": "governor of Ohio", not "governor of Florida"), or, for
    a title that names none ("senator"), the holder's home state."""
    title = (term.title or "").lower()
    if post not in title:
        return False
    if " of " in title:
        place = title.split(" of ", 1)[1]
        return all(p in place for p in places)
    return places <= home


def one_person_described(doc: Doc, head: Token, named: list[Mention],
                         words: DescriptionWords, people: Mapping[str, Person],
                         when: dt.date) -> ActorRef | None:
    """The actor of the one person in `named` whom the description headed by `head` fits
    (every word of it, as `described_people` reads them), or None; a former post binds no
    one. For callers that choose the people to fit otherwise (a headline's lead)."""
    said = _epithet(doc, token_table(doc), head, words)
    return None if said.former else _the_one_named_before([said], named, words, people, when)
