"""Offices of a body named right before the post: "Club chairman Alan Finch", "branch
president Sir John Barnes", "Lib Dem president Simon Hughes".

Rule `office-of-body` (issue #15, stop 23): "president" or "chairman" right after a body's
noun or name is that body's office, not a state's. The holder takes the body's sector (the
noun's in ``mention_words.yaml: body_office_nouns``, or the named organisation's) and no
state role; the state is the one the text gives the body ("LABOUR constituency party"), the
person's own, or the story's. A known person keeps an office they hold that day ("ANC
president Thabo Mbeki" led South Africa): the rule only corrects a state role the person
does not hold, or completes someone we do not know.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Mention, mentions_by_token
from diplograph.records import ActorRef

# Grammar: the parts of speech a body's name or noun before a post is made of.
_NAME_POS = frozenset({"NOUN", "PROPN", "ADJ", "PART"})


def offices_of_bodies(doc: Doc, mentions: list[Mention], posts: frozenset[str],
                      body_sectors: dict[str, str], home_country: str | None,
                      holds: Callable[[str, str], bool]) -> list[Mention]:
    """Give a body's officers the body's sector and no state role.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        posts: lower-case posts at the head of a body (``body_office_posts``).
        body_sectors: lower-case body nouns -> their officers' sector (``body_office_nouns``).
        home_country: ISO3 of the story's state, for a body the text places nowhere.
        holds: whether a known person (by name) holds a role on the story's day; False for
            someone we do not know.

    Returns:
        The mentions, a body's officers read as the body's.
    """
    by_token = mentions_by_token(mentions)
    out = []
    for m in mentions:
        actor = m.actor
        post = _post(doc, m, posts) if actor.kind == "person" and actor.name else None
        body = _body(doc, post, m, by_token, body_sectors) if post is not None else None
        if body is not None and not (actor.role and holds(actor.name or "", actor.role)):
            country, sector = body
            m = replace(m, actor=replace(actor, sector=sector, role=None,
                                         country=country or actor.country or home_country))
        out.append(m)
    return out


def _post(doc: Doc, m: Mention, posts: frozenset[str]) -> int | None:
    """The token of a post right before the name (in the mention or just before it)."""
    for i in range(max(m.token_start - 1, 0), m.token_end - 1):
        nxt = doc[i + 1]
        if doc[i].lower_ in posts and (nxt.pos_ == "PROPN" or nxt.is_title):
            return i
    return None


def _body(doc: Doc, post: int, m: Mention, by_token: dict[int, Mention],
          body_sectors: dict[str, str]) -> tuple[str | None, str] | None:
    """(state, sector) of the body named right before the post; None where none is."""
    if post == 0:
        return None
    word = doc[post - 1]
    named = by_token.get(word.i)
    if named is not None and named is not m and named.actor.kind == "organisation":
        return _organisation(named.actor)  # "Democratic PARTY chairwoman": the party named
    sector = body_sectors.get(word.lower_) or body_sectors.get(word.lemma_.lower())
    if sector is not None:
        return _state_before(doc, post - 1, by_token), sector
    if m.token_start <= word.i and word.pos_ == "PROPN" and m.actor.country \
            and m.actor.sector not in (None, "GOV"):
        # "Lib Dem president Simon Hughes" read as one phrase: the party already gave its
        # state and sector; only the state role goes. A state's word gives the government
        # ("Serbian President Vojislav Kostunica"): the state's office, left as read.
        return m.actor.country, m.actor.sector
    return None


def _organisation(org: ActorRef) -> tuple[str | None, str] | None:
    """A national body's (state, sector); an international one's posts stay as read
    ("Commission president", "World Bank president")."""
    return (org.country, org.sector) if org.country and org.sector else None


def _state_before(doc: Doc, noun: int, by_token: dict[int, Mention]) -> str | None:
    """The state of a name right before a body's noun ("LABOUR constituency party", "CLINTON
    campaign"), over the words of the body's name."""
    i = noun - 1
    while i >= 0 and doc[i].pos_ in _NAME_POS:
        named = by_token.get(i)
        if named is not None and named.actor.country:
            return named.actor.country
        i -= 1
    return None
