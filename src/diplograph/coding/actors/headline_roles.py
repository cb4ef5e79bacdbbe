"""A place's post named with no one in it: the person the lead names, else the office
(issue #15, stop 29, headrole29).

- rule `headline-role-lead-name`: a headline (the article's first sentence) writes the post
  where the lead writes the name: "Indiana governor endorses Cruz" then "Gov. Mike Pence of
  Indiana endorsed ...". The post's words are read as a description (``described``: the
  post, its place, its party) and bound to the ONE person named in the next sentence whom
  they fit; two who fit, or none, bind no one.
- rule `place-post-office`: a post of a place below a state ("Indiana governor", "the Texas
  senator") that no one named fills is the office: the place's state, in the post's sector
  (``description_post_sectors``), with no holder invented; never the place's civilians,
  which the coder read the place word as.
A post with a determiner other than "the" ("a Texas senator", "every governor") or a plural
is no single office and is left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from diplograph.coding.actors.described import DescriptionWords, one_person_described
from diplograph.coding.actors.mention import Mention, overlaps, read_as
from diplograph.knowledge.base import Person
from diplograph.records import ActorRef

# Grammar: the words before a post that belong to it ("the OHIO governor").
_MODIFIER_DEPS = frozenset({"det", "compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class PostWords:
    """The posts the rules read and how their place is found."""

    sectors: Mapping[str, str]  # post noun -> the office's sector ("governor": GOV)
    place_state: Callable[[str], str | None]  # a place's name -> ISO3 of its state
    namesakes: Mapping[str, str]  # a US state named like a country ("Georgia": GEO)


def headline_posts(doc: Doc, mentions: list[Mention], words: DescriptionWords,
                   people: Mapping[str, Person], when: dt.date) -> list[Mention]:
    """Rule `headline-role-lead-name`: the headline's posts bound to the lead's person."""
    sentences = list(doc.sents)
    if len(sentences) < 2:
        return mentions
    headline, lead = sentences[0], sentences[1]
    named = [m for m in mentions if lead.start <= m.token_start < lead.end]
    out = list(mentions)
    for head in headline:
        if head.lower_ not in words.posts or head.tag_ != "NN":
            continue
        start, end = _post_span(head)
        if _taken(out, start, end) or not _place_words(head):
            continue
        actor = one_person_described(doc, head, named, words, people, when)
        if actor is not None:
            out = read_as(out, doc[start:end], actor)
    return sorted(out, key=lambda m: m.token_start)


def place_post_offices(doc: Doc, mentions: list[Mention], words: PostWords,
                       state_actor: Callable[[str, str | None], ActorRef]) -> list[Mention]:
    """Rule `place-post-office`: a place's post that no named person fills is the office."""
    out = list(mentions)
    for head in doc:
        if head.lower_ not in words.sectors or head.tag_ != "NN" or not _single(head):
            continue
        start, end = _post_span(head)
        places = _place_words(head)
        if not places or _taken(out, start, end, any_person=True):
            continue
        state = _state_of(places, words)
        if state is None:
            continue
        office = replace(state_actor(state, words.sectors[head.lower_]), name=None,
                         kind="person", role=None)
        out = read_as(out, doc[start:end], office)
    return sorted(out, key=lambda m: m.token_start)


def _post_span(head: Token) -> tuple[int, int]:
    start = min([head.i] + [t.i for c in head.lefts if c.dep_ in _MODIFIER_DEPS
                            for t in c.subtree])
    return start, head.i + 1


def _single(head: Token) -> bool:
    """No determiner but "the" (a headline's bare "Ohio governor" is one office too)."""
    return all(c.lower_ == "the" for c in head.children if c.dep_ == "det")


def _place_words(head: Token) -> list[Span]:
    """The runs of proper nouns before the post ("OHIO governor", "the NEW YORK senator")."""
    runs: list[list[int]] = []
    for token in head.doc[_post_span(head)[0]:head.i]:
        if token.pos_ != "PROPN":
            continue
        if runs and runs[-1][-1] == token.i - 1:
            runs[-1].append(token.i)
        else:
            runs.append([token.i])
    return [head.doc[run[0]:run[-1] + 1] for run in runs]


def _state_of(places: list[Span], words: PostWords) -> str | None:
    """The one state the place words name (a party's word names none: "the Republican")."""
    states = {("USA" if p.text in words.namesakes else words.place_state(p.text))
              for p in places} - {None}
    return states.pop() if len(states) == 1 else None


def _taken(mentions: list[Mention], start: int, end: int, any_person: bool = False) -> bool:
    """A mention names someone there already (`any_person`: or is a post's person)."""
    return any(overlaps(m, start, end) and m.actor.kind == "person"
               and (m.actor.name or any_person) for m in mentions)


