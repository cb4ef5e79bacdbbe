"""Rule `titled-back-reference` (issue #15, stop 24): a titled description with no name
refers back to the person the article named with that title.

"Shadow foreign secretary Michael Ancram said ... The Tory spokesman added" is Ancram, not a
nameless party actor; "Prime Minister Tony Blair ... Israeli Prime Minister Ariel Sharon ...
The prime minister said" is Blair, named with the bare title, not the last holder of such an
office; "Home Office minister Hazel Blears ... The Home Office minister" is Blears, whom the
knowledge does not hold. Each person named with a post is remembered with the post's words
(``Post``); a later "the POST" with the same words and modifiers (state, organisation,
party, "shadow") is the last such person. A party's spokesman ("The Lib Dem spokesman") is
the last person named with any post of that party, a bare "shadow" post counting as the
official opposition's of the day (``official_opposition`` in mention_words.yaml). With no
such person, the title reads as before (the office's holder, or the party's nameless voice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Hits, MentionPhrase
from diplograph.records import ActorRef

# The article that makes a title refer back ("THE Tory spokesman"); "a spokesman" is one of
# many, "his spokesman" someone else's.
_DEFINITE = "the"
_HEAD_KINDS = frozenset({"title", "leader", "sector"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that"})
_SUBJECT_WORDS = 3  # at most this many words of a post's subject before its head


@dataclass(frozen=True, slots=True)
class Post:
    """The words a person was named with: the post's head words and its modifiers."""

    words: str  # the head's words, lowercased ("foreign secretary", "spokesman", "minister")
    country: str | None
    org: str | None
    party: str | None  # the party named with it ("Tory spokesman", "Lib Dem leader")
    shadow: bool


def post_of(doc: Doc, phrase: MentionPhrase, hits: Hits,
            party_of: Callable[[str], bool]) -> Post | None:
    """The post a phrase names, if its head is a title, "leader" or a person's noun.

    Args:
        doc: the parsed article.
        phrase: the phrase read at some token.
        hits: the article's knowledge matches.
        party_of: whether an organisation's name is a party's ("Conservative Party").
    """
    head = phrase.head
    if head is None or head.kind not in _HEAD_KINDS or phrase.plural or phrase.former:
        return None
    org = phrase.org
    party = phrase.party or (org if org is not None and party_of(org) else None)
    words = doc[head.start:head.end].text.lower()
    if phrase.start == head.start:  # "Liberal Democrat education SPOKESMAN Phil Willis"
        subject, before, _ = _subject_words(doc, head.start, hits, party_of)
        words = " ".join([*subject, words])
        party = party or before
    return Post(words=words, country=phrase.country, org=None if org == party else org,
                party=party, shadow=phrase.shadow)


def _subject_words(doc: Doc, start: int, hits: Hits, party_of: Callable[[str], bool]
                   ) -> tuple[list[str], str | None, int]:
    """The words of a post's subject before its head that the phrase reader left out ("TRADE
    minister", "Liberal Democrat EDUCATION spokesman"), a party's name right before them,
    and the first token of the two: a trade minister is not a health minister."""
    words: list[str] = []
    k = start - 1
    while k >= 0 and len(words) < _SUBJECT_WORDS:
        found = _party_ending_at(hits, k + 1, party_of)
        if found is not None:
            return words, found[0], found[1]
        tok = doc[k]
        if not tok.is_alpha or tok.lower_ in _DETERMINERS or hits.at(k) \
                or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        words.insert(0, tok.lower_)
        k -= 1
    return words, None, k + 1


def _party_ending_at(hits: Hits, end: int,
                     party_of: Callable[[str], bool]) -> tuple[str, int] | None:
    """(party, first token) of a party's name or adjective that ends at token `end`."""
    for start in range(max(end - 3, 0), end):  # the longest first ("Liberal Democrat")
        hit = hits.first(start, ("orgadj", "org"))
        if hit is not None and hit.end == end and party_of(hit.key):
            return hit.key, start
    return None


def refers_back(doc: Doc, phrase: MentionPhrase, hits: Hits,
                party_of: Callable[[str], bool]) -> bool:
    """Whether a phrase is a definite titled description with no name ("The Tory
    spokesman", "the education spokesman"), the kind that refers back to someone named."""
    if phrase.person_text is not None or phrase.possessor or phrase.head is None:
        return False
    first = phrase.start
    if phrase.start == phrase.head.start:  # "the trade MINISTER": before the subject words
        first = _subject_words(doc, phrase.start, hits, party_of)[2]
        first = first - 1 if first > 0 else first
    return doc[first].lower_ == _DEFINITE


class PostMatcher:
    """Finds the person a titled description refers back to among the posts an article
    named so far (``ArticleMemory.posts``, in text order)."""

    def __init__(self, oppositions: tuple[tuple[str, str, dt.date, dt.date | None], ...],
                 voice_titles: frozenset[str],
                 governing: tuple[tuple[str, str, dt.date, dt.date | None], ...] = ()) -> None:
        self.oppositions = oppositions
        self.voice_titles = voice_titles
        self.governing = governing

    def antecedent(self, posts: list[tuple[Post, ActorRef]], post: Post, when: dt.date,
                   home_country: str | None) -> ActorRef | None:
        """The one person named with `post` (see the module's doc), or None. A bare title
        ("the president") refers back so only to someone of the story's own state: "the
        president" in a US story that named "President Bashar al-Assad" and "Mr. Obama" is
        left to the reading of bare titles (``PhraseResolver._home_holder_first``)."""
        bare = post.country is None and post.org is None and post.party is None
        fits = {actor.name: actor for earlier, actor in posts
                if self._same(post, earlier, actor, when)}
        if len(fits) != 1:
            return None  # none, or two who fit ("Tory spokesman Tim Yeo ... with Tory
            # spokesman Oliver Letwin. The Tory spokesman said"): not ours to choose
        actor = next(iter(fits.values()))
        return actor if not bare or actor.country in (None, home_country) else None

    def _same(self, later: Post, earlier: Post, actor: ActorRef, when: dt.date) -> bool:
        if later.party is not None and not later.shadow:
            party = earlier.party or (self.opposition(actor.country, when)
                                      if earlier.shadow else None)
            return party == later.party and (later.words in self.voice_titles
                                             or later.words == earlier.words)
        return later == earlier

    def opposition(self, country: str | None, when: dt.date) -> str | None:
        """The official opposition party of `country` on `when` (None where not known): the
        party a bare "shadow" post of `country` names on `when`."""
        for state, party, start, end in self.oppositions:
            if state == country and start <= when and (end is None or when < end):
                return party
        return None

    def governs(self, country: str | None, party: str, when: dt.date) -> bool | None:
        """Whether `party` governs `country` on `when`; None for a state with no record."""
        rows = [(p, start, end) for state, p, start, end in self.governing if state == country]
        if not rows:
            return None
        return any(p == party and start <= when and (end is None or when < end)
                   for p, start, end in rows)
